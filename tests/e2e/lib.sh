# Shared helpers for the end-to-end tests. Each test is run by ctest as
#   bash tests/e2e/NAME_test.sh SYNOPTIC_BINARY SOURCE_DIR SHARED_DIR
# and exits 0 (pass), 1 (fail) or 77 (skipped: what it needs is absent).
set -uo pipefail
SYN=${1:?synoptic binary}
SRC=${2:?source dir}
SHARED=${3:-$SRC/../shared}
export SYNOPTIC_MODELS="$SRC/models"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/synoptic-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
FAILS=0

fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
pass() { echo "ok: $*"; }
skip() { echo "SKIP: $*"; exit 77; }
finish() {
  if ((FAILS > 0)); then echo "$FAILS check(s) failed" >&2; exit 1; fi
  echo "all checks passed"; exit 0
}
# expect_rc WANT DESCRIPTION -- command...
expect_rc() {
  local want=$1 what=$2; shift 3
  "$@"; local rc=$?
  if [[ $rc -eq $want ]]; then pass "$what (exit $rc)"; else fail "$what: exit $rc, want $want"; fi
}
validate() {  # validate REPORT.json
  /usr/bin/python3 "$SRC/scripts/validate_report" "$SRC/docs/report.schema.json" "$1"
}
json() {  # json FILE EXPR  -> prints python expression over `r`
  /usr/bin/python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print($2)" "$1"
}
