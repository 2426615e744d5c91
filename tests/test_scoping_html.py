"""The HTML report is one inert file: hostile file names are escaped, nothing is fetched."""

from __future__ import annotations

import re

from phiscan.inventory.store import Inventory
from phiscan.model import Exposure, ExposureLevel, Finding, LocationResult, Risk, Status
from phiscan.scoping.html import render_html
from phiscan.scoping.report import build_report, load_scope

HOSTILE_FOLDER = "/share/<script>alert(1)</script><img src=http://x.test/a.png>"
HOSTILE = f"{HOSTILE_FOLDER}/note.txt"


def finding(entity: str, value_hash: str, masked: str) -> Finding:
    return Finding(entity, 0.9, "test", "", 0, 4, masked, value_hash, record="document")


def test_hostile_location_names_are_escaped_and_nothing_is_fetched(tmp_path):
    with Inventory(tmp_path) as inventory:
        run = inventory.start_run("scan", ["/share"])
        inventory.write_results(run, [LocationResult(
            location=HOSTILE, status=Status.SCANNED, risk=Risk.CRITICAL,
            categories=["home_access", "identifiers"],
            exposure=Exposure(ExposureLevel.BROAD, ("other",)),
            findings=[finding("UK_NHS", "n1", "401 *** ****"),
                      finding("HOME_ACCESS", "k1", "*** **** ****")],
        )])
    html = render_html(build_report(load_scope(tmp_path)))
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not re.search(r"<[^>]*\s(?:src|href)\s*=", html)
    # people by category, per location; locations x3; sensitive by exposure, per folder
    assert html.count("<svg") == 7
    assert "people per location (top 10)" in html
    assert "<h3>Folders to lock down first</h3><table>" in html
    # top locations, who reads the broadly readable ones, folders
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 3


def _bars(html: str, title: str) -> dict[str, int]:
    """A chart's bars as label -> count, read back from its SVG."""
    chart = html.split(f"<figcaption>{title}</figcaption>", 1)[1].split("</svg>", 1)[0]
    labels = re.findall(r"text-anchor='end'>([^<]*)</text>", chart)
    counts = [int(count) for count in re.findall(r"/><text [^>]*>(\d+)</text>", chart)]
    return dict(zip(labels, counts, strict=True))


def test_folders_with_the_same_last_name_are_separate_bars_labelled_by_their_path(tmp_path):
    """Two wards' `Referrals` folders (3 people and 2) are two bars, never one `Referrals`."""
    folders = {"/srv/wards/North/Referrals": 3, "/srv/wards/South/Referrals": 2,
               "/srv/wards/a-very-long-department-name/Intake": 1}
    with Inventory(tmp_path) as inventory:
        run = inventory.start_run("scan", ["/srv/wards"])
        inventory.write_results(run, [LocationResult(
            location=f"{folder}/letter-{index}.txt", status=Status.SCANNED, risk=Risk.HIGH,
            categories=["health", "identifiers"], special_category=True,
            exposure=Exposure(ExposureLevel.BROAD, ("other",)),
            findings=[finding("UK_NHS", f"{folder}-{index}", "*** *** ****")],
        ) for folder, people in folders.items() for index in range(people)])
    html = render_html(build_report(load_scope(tmp_path)))
    assert _bars(html, "people per folder (top 10)") == {
        "1. …wards/North/Referrals": 3, "2. …wards/South/Referrals": 2,
        "3. …epartment-name/Intake": 1}
    assert list(_bars(html, "people per location (top 10)"))[:2] == [
        "1. …eferrals/letter-0.txt", "2. …eferrals/letter-1.txt"]
