#!/usr/bin/env bash
# bench/heldout_shares.sh TREE OUT "SHARES": scan each held-out breach share with the checkout
# TREE and print one line per share and seed from `phiscan eval --scoping --json`: identity
# recall and precision, rows with a staff name, rows (truth), people with home access (truth),
# of them those whose own records give it and, apart, people with the way into a home they left
# (where the tree reports them), and by kind. Share 1 is bench/heldout_share.py (150 people, seed 2026); share N is
# bench/heldout_share_N.py (120 people, seeds 1 and 2; shares 3 and 25 with HELDOUT_NHS_PREFIX=485).
# Generated shares are cached in /tmp/phiscan-heldout-shares (they depend on the generator
# and the seed only). Run from the repository root after `make setup`.
set -u
TREE=$(cd "$1" && pwd); OUT=$2; SHARES=${3:-"1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27"}
PY=${PYTHON:-$TREE/.venv/bin/python}
[ -x "$PY" ] || PY=$(pwd)/.venv/bin/python
CACHE=/tmp/phiscan-heldout-shares
mkdir -p "$OUT" "$CACHE"
for n in $SHARES; do
  if [ "$n" = 1 ]; then seeds="2026"; gen=$TREE/bench/heldout_share.py; people=150
  else seeds="1 2"; gen=$TREE/bench/heldout_share_$n.py; people=120; fi
  for s in $seeds; do
    g=$CACHE/$n-$s
    if [ ! -f "$g/truth.json" ]; then
      rm -rf "$g"; mkdir -p "$g"
      (cd /tmp && env $([ "$n" = 3 ] || [ "$n" = 25 ] && echo HELDOUT_NHS_PREFIX=485) "$PY" "$gen" "$g/share" \
        "$g/truth.json" "$people" "$s" > "$g/gen.log" 2>&1)
    fi
    o=$OUT/$n-$s; rm -rf "$o"
    (cd /tmp && PYTHONPATH="$TREE" "$PY" -m phiscan scan "$g/share" --out "$o" -q > "$o.scan.log" 2>&1
     PYTHONPATH="$TREE" "$PY" -m phiscan eval "$g/truth.json" --scoping "$o" --json "$o.json" \
       > /dev/null 2>&1)
    "$PY" - "$o.json" "$n" "$s" <<'PYEOF'
import json
import sys
from pathlib import Path

path, share, seed = sys.argv[1:]
try:
    f = json.loads(Path(path).read_text())
except (OSError, ValueError) as exc:
    print(f"share {share} seed {seed}: no figures ({exc})")
    raise SystemExit from None
kinds = " ".join(f"{k} {f[f'with_{k}']} ({f[f'true_with_{k}']})"
                 for k in ("code", "hidden_key", "left_open", "key_holder") if f"with_{k}" in f)
print(f"share {share} seed {seed}: recall {f['identity_recall']} precision "
      f"{f['identity_precision']} staff rows {f['rows_with_staff']} total {f['total']} "
      f"({f['true_total']}) home access {f['with_home_access']} ({f['true_with_home_access']}) "
      + (f"own {f['with_own_home_access']} former {f['with_former_home_access']} "
         if "with_own_home_access" in f else "") + kinds)
PYEOF
  done
done
