"""Each stamped line of a log is an event of its own (issue 15, from blind share 27).

A care-software supplier's import job logs every row it rejects, echoing the legacy row
(`... :: CT-00502|KOWALENKO|KRYSTYNA|MRS|10-FEB-1926|485-046-4114|87 HOLME AVENUE|HX6 2TR|KEY
SAFE BEHIND THE WHEELIE BINS, CODE 99860`), and its sync log echoes rejected visit payloads
naming clients by an initial. Read as one paragraph, the log was one record: every row's key
safe, hidden key and key holder joined the one person whose name or number was read. Lines of
one stamp stay one event (an alarm log's `22:14 | FALL | client ...` then `22:14 | NOTE |
... holds a spare key`: `tests/test_scoping_key_holders.py`).
"""

from __future__ import annotations

from tests.cli import scanned_share, ways_in_by_number

KOWALENKO, HAIGH, ODONNELL = "485-046-4114", "485-342-9735", "485-591-6331"
LOG = (
    "2026-05-19 14:02:40,101 INFO  [import-worker-1] batch 2 started: 60 rows\n"
    "2026-05-19 14:02:42,501 ERROR [import-worker-2] RowValidationException: dob century "
    "ambiguous :: CT-00482|HAIGH|ROY|MR|02-JUN-1925|485-342-9735|150 CARR FOLD|HX6 3YN|\n"
    "2026-05-19 14:03:01,220 INFO  [import-worker-1] row 21 ok\n"
    "2026-05-19 14:04:09,258 ERROR [import-worker-1] RowValidationException: dob century "
    "ambiguous :: CT-00534|O'DONNELL|NUALA|MISS|18-JAN-1953|485-591-6331|FLAT 30, DEARNE "
    "COURT|HX5 6UL|\n"
    "2026-05-19 14:04:48,291 ERROR [import-worker-2] RowValidationException: dob century "
    "ambiguous :: CT-00502|KOWALENKO|KRYSTYNA|MRS|10-FEB-1926|485-046-4114|87 HOLME "
    "AVENUE|HX6 2TR|KEY SAFE BEHIND THE WHEELIE BINS, CODE 99860\n"
    "2026-05-19 14:04:48,451 INFO  [import-worker-3] row 25 ok\n"
    "2026-05-19 14:05:40,680 ERROR [import-worker-1] RowValidationException: postcode failed "
    "validation :: CT-00534|O'DONNELL|NUALA|MISS|18-JAN-1953|HX5 6UL|KEY IN THE COAL SHED, "
    "ON THE NAIL LEFT OF THE DOOR\n"
    "2026-05-19 14:06:16,151 INFO  [import-worker-2] row 34 ok\n"
)


def test_a_logs_echoed_rows_keep_their_own_ways_in(tmp_path_factory, tmp_path):
    scanned = scanned_share(tmp_path_factory, "log-lines",
                            {"Logs/migration/cvh_import_batch2.log": LOG})
    assert ways_in_by_number(scanned, tmp_path) == {
        KOWALENKO: ("true", "code", "", ""), HAIGH: ("false", "", "", ""),
        ODONNELL: ("true", "hidden_key", "", "")}
