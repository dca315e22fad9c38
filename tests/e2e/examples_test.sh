# The bundled example corpus end to end: every format read, the report is
# schema-valid in JSON, rendered in md and html, identical for any --jobs.
source "$(dirname "$0")/lib.sh"
EX="$SRC/examples"
[[ -d $EX ]] || skip "no examples/"

"$SYN" analyze "$EX" --jobs 1 -q -o "$WORK/j1.json" -o "$WORK/r.md" -o "$WORK/r.html"; rc=$?
[[ $rc -eq 0 ]] && pass "examples analysed without input errors" || fail "analyze examples exit $rc"
validate "$WORK/j1.json" && pass "examples report is schema-valid" || fail "schema"
"$SYN" analyze "$EX" --jobs 2 -q -o "$WORK/j2.json"
strip() { grep -v '"generated"' "$1"; }
if diff <(strip "$WORK/j1.json") <(strip "$WORK/j2.json") >/dev/null; then
  pass "--jobs 2 output identical to --jobs 1"
else
  fail "--jobs 2 output differs from --jobs 1"
fi
ndocs=$(json "$WORK/j1.json" 'len(r["documents"])')
((ndocs >= 12)) && pass "$ndocs documents" || fail "only $ndocs documents from examples"
formats=$(json "$WORK/j1.json" '" ".join(sorted({d["format"] for d in r["documents"]}))')
[[ $formats == *html* && $formats == *text* ]] && pass "formats: $formats" || fail "formats: $formats"
warc=$(json "$WORK/j1.json" 'sum(1 for d in r["documents"] if ".warc" in d["source"])')
jsonl=$(json "$WORK/j1.json" 'sum(1 for d in r["documents"] if ".jsonl" in d["source"])')
((warc >= 2)) && pass "$warc WARC records" || fail "WARC records: $warc"
((jsonl >= 3)) && pass "$jsonl JSON lines records" || fail "JSON lines records: $jsonl"
grep -q '<h2 id="storylines">' "$WORK/r.html" && pass "html report" || fail "html report"
grep -q '^## Timeline' "$WORK/r.md" && pass "markdown report" || fail "markdown report"
# The corpus's planted facts (docs/examples.md): the reprint pair is found,
# the disagreements on the signing venue and the number of documents are
# shown with every side cited, and so is the length of the Monday talks;
# nothing else is flagged.
reprint=$(json "$WORK/j1.json" 'sum(len(g) for c in r["clusters"] for g in c["duplicates"])')
((reprint == 2)) && pass "reprint pair grouped" || fail "reprint groups cover $reprint documents, want 2"
summary=$(json "$WORK/j1.json" '"; ".join(sorted(d["about"] + ": " + "|".join(sorted({c["value"].replace("\u2019", "\x27") for c in d["claims"]})) for d in r["disagreements"]))')
echo "disagreements: $summary"
[[ $summary == *"venue of the signing: Alexander Hall of the Grand Kremlin Palace|St George's Hall of the Grand Kremlin Palace"* ]] &&
  pass "venue disagreement" || fail "venue disagreement missing"
[[ $summary == *"length of the meeting on 2023-03-20: about three hours|four and a half hours"* ]] &&
  pass "length disagreement" || fail "length disagreement missing"
[[ $summary == *"number of documents signed: 10|11|12"* ]] &&
  pass "count disagreement" || fail "count disagreement missing"
[[ $summary != *Heilongjiang* && $summary != *"location of talks"* ]] &&
  pass "no false place disagreements" || fail "false place disagreement"
plover=$(json "$WORK/j1.json" 'round(100 * sum(1 for e in r["events"] if e.get("plover")) / max(1, len(r["events"])))')
((plover >= 80)) && pass "$plover% of events carry a PLOVER category" || fail "only $plover% of events have a PLOVER category"
# jsonl streams one line per document
lines=$("$SYN" analyze "$EX" --format jsonl -q | wc -l)
[[ $lines -eq $ndocs ]] && pass "jsonl: one line per document" || fail "jsonl lines $lines != $ndocs"
finish
