# The five seed articles from shared/ (read in place, never copied): the
# report is schema-valid and every article is a document.
source "$(dirname "$0")/lib.sh"
SEEDS="$SHARED/seeds"
[[ -d $SEEDS ]] || skip "no $SEEDS"
"$SYN" analyze "$SEEDS" --format json -q > "$WORK/seeds.json"; rc=$?
[[ $rc -eq 0 ]] && pass "seeds analysed" || fail "analyze seeds exit $rc"
validate "$WORK/seeds.json" && pass "seeds report is schema-valid" || fail "schema"
n=$(json "$WORK/seeds.json" 'len(r["documents"])')
[[ $n -eq $(ls "$SEEDS" | wc -l) ]] && pass "$n documents" || fail "$n documents"
finish
