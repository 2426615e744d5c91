#!/usr/bin/env bash
# bench/trial_s20.sh NAME PHISCAN...: the IG trial of session 20 end to end (docs/history/
# session-20-ig-trial.md) into $TRIAL_DIR/NAME (default /tmp/ig-work2): the share, a weekly
# scan with three policy rules, the report (text, json, html), the watch daemon through three
# waves of new files and a folder opened to everyone; timings in NAME/codes. Run as root (the
# share sets group owners by number). PYTHON runs the generator (python-docx, openpyxl, Pillow).
set -u
name=$1; shift
D=${TRIAL_DIR:-/tmp/ig-work2}; W=$D/$name; SHARE=$D/share-$name
GEN=$(cd "$(dirname "$0")" && pwd)/trial_share_s20.py; PY=${PYTHON:-python3}
rm -rf "$W" "$SHARE"; mkdir -p "$W"
$PY $GEN "$SHARE" --truth "$W/truth.json" >/dev/null
cat > "$W/ig.toml" <<'TOML'
[[policy]]
name = "public-nothing-about-anyone"
paths = ["Public"]
forbid = ["personal_data"]

[[policy]]
name = "public-nothing-found"
paths = ["Public"]
allow = []

[[policy]]
name = "sensitive-never-broad"
paths = ["**"]
max_exposure = "group"
max_exposure_for = ["sensitive"]
TOML
# the base does not know personal_data: it refuses the config (exit 2); give it the rest
"$@" scan "$SHARE" --out "$W/weekly" --config "$W/ig.toml" --quiet >/dev/null 2>&1
if [ $? -eq 2 ]; then python3 - "$W/ig.toml" <<'P'
import sys; p=sys.argv[1]; s=open(p).read(); s=s.split('[[policy]]\nname = "public-nothing-found"')[0].replace('forbid = ["personal_data"]','forbid = ["identifiers", "contact", "home_access", "special_category"]'); open(p,'w').write(s+'[[policy]]\nname = "public-nothing-found"\npaths = ["Public"]\nallow = []\n\n[[policy]]\nname = "sensitive-never-broad"\npaths = ["**"]\nmax_exposure = "group"\nmax_exposure_for = ["sensitive"]\n')
P
rm -rf "$W/weekly"; fi
t0=$(date +%s.%N)
"$@" scan "$SHARE" --out "$W/weekly" --config "$W/ig.toml" --fail-on-violations --fail-on-risk critical --quiet > "$W/scan.out" 2> "$W/scan.err"; echo "scan exit $?" > "$W/codes"
echo "scan_seconds $(python3 -c "import time;print(round(time.time()-$t0,2))")" >> "$W/codes"
"$@" report "$W/weekly" > "$W/report.txt" 2>&1
"$@" report "$W/weekly" --format json > "$W/report.json" 2>/dev/null
"$@" report "$W/weekly" --html > /dev/null 2>&1
# the watch daemon: catch-up, three waves of new files, a folder opened to everyone
"$@" watch "$SHARE" --out "$W/watchout" --config "$W/ig.toml" > "$W/watch.stdout" 2> "$W/watch.stderr" &
pid=$!
# catch-up walked and its queue drained (the scan's OCR takes seconds): then the waves
for i in $(seq 1 120); do
  st=$("$@" status "$W/watchout" 2>/dev/null)
  echo "$st" | grep -q "catch-up: done" && echo "$st" | grep -q " 0 queued .* 0 settling, 0 scanning, 0 to write" && break
  sleep 0.5
done
sleep 2
for wave in 1 2 3; do
  n0=$(wc -l < "$W/watch.stdout"); t=$(date +%s.%N)
  $PY $GEN "$SHARE" --drop $wave > /dev/null
  for i in $(seq 1 60); do [ "$(wc -l < "$W/watch.stdout")" -gt "$n0" ] && break; sleep 0.25; done
  echo "wave $wave first_alert_or_timeout_s $(python3 -c "import time;print(round(time.time()-$t,2))") new_lines $(( $(wc -l < "$W/watch.stdout") - n0 ))" >> "$W/codes"
  sleep 2
done
n0=$(wc -l < "$W/watch.stdout"); t=$(date +%s.%N)
chmod 755 "$SHARE/Clinic letters"; f=$(ls "$SHARE/Clinic letters" | grep -m1 "clinic letter.docx"); chmod 644 "$SHARE/Clinic letters/$f"
for i in $(seq 1 60); do [ "$(wc -l < "$W/watch.stdout")" -gt "$n0" ] && break; sleep 0.25; done
echo "chmod first_alert_s $(python3 -c "import time;print(round(time.time()-$t,2))") new_lines $(( $(wc -l < "$W/watch.stdout") - n0 ))" >> "$W/codes"
sleep 3
"$@" status "$W/watchout" > "$W/status.txt" 2>&1
kill -TERM $pid; wait $pid; echo "watch exit $?" >> "$W/codes"
