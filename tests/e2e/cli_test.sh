# The command line: help for every subcommand, version, usage errors.
source "$(dirname "$0")/lib.sh"

for cmd in analyze ingest report search extract time version; do
  out=$("$SYN" "$cmd" --help 2>&1); rc=$?
  if [[ $rc -eq 0 && $out == *"Usage"* ]]; then pass "$cmd --help"; else fail "$cmd --help (exit $rc)"; fi
done
[[ $("$SYN" version) == "synoptic "* ]] && pass "version" || fail "version output"
expect_rc 2 "no subcommand is a usage error" -- "$SYN" >/dev/null 2>&1
expect_rc 2 "unknown flag is a usage error" -- "$SYN" analyze --bogus x >/dev/null 2>&1
expect_rc 2 "bad --dct is a usage error" -- "$SYN" analyze --dct yesterday "$SRC/examples" >/dev/null 2>&1
expect_rc 2 "unknown format is a usage error" -- "$SYN" analyze --format pdf "$SRC/examples" >/dev/null 2>&1
err=$("$SYN" analyze "$WORK/does-not-exist.html" --format json -o "$WORK/r.json" 2>&1); rc=$?
[[ $rc -eq 1 && $err == *"does-not-exist.html"* ]] && pass "missing input named, exit 1" || fail "missing input: exit $rc, stderr: $err"
validate "$WORK/r.json" >/dev/null && pass "report of nothing is still schema-valid" || fail "empty report invalid"
expect_rc 3 "report on a missing store" -- "$SYN" report --db "$WORK/none.db" >/dev/null 2>&1

# stdin and the time command
printf '<html><head><title>Quay works</title></head><body><article><p>The harbour board said on Monday that the north quay will reopen next week after repairs that took three months.</p><p>Ferry services will resume on the same day, the board said.</p></article></body></html>' > "$WORK/page.html"
"$SYN" analyze - --format json --dct 2025-05-07 < "$WORK/page.html" > "$WORK/stdin.json" 2>/dev/null
[[ $(json "$WORK/stdin.json" 'len(r["documents"])') == 1 ]] && pass "stdin input" || fail "stdin input"
out=$(echo "The board met on Monday and will meet again next week." | "$SYN" time --dct 2025-05-07 -)
[[ $out == *$'\tDATE\t2025-05-05\t-\tdct\tMonday'* ]] && pass "time command tags text" ||
  fail "time command: $out"
# time: JSON lines in and out, per-line dct and language, bad lines named
printf '%s\n' '{"id":"fr1","text":"Le sommet du 13 septembre 2023.","language":"fr"}' \
  '{"id":"x","text":"met on Tuesday","dct":"not a date"}' 'plain words' \
  '{"id":"en1","text":"They met on Tuesday.","dct":"2024-06-19"}' > "$WORK/times.jsonl"
"$SYN" time -f jsonl "$WORK/times.jsonl" > "$WORK/times.out" 2> "$WORK/times.err"; rc=$?
[[ $rc -eq 1 ]] && pass "time: bad lines give exit 1" || fail "time jsonl exit $rc"
grep -q 'times.jsonl:2: bad "dct"' "$WORK/times.err" && grep -q 'times.jsonl:3: not a JSON object' "$WORK/times.err" &&
  pass "time: bad lines named with their line numbers" || fail "time stderr: $(cat "$WORK/times.err")"
[[ $(python3 -c 'import json,sys; r=[json.loads(l) for l in open(sys.argv[1])]; print(len(r), r[0]["times"][0]["value"], r[1]["id"], r[1]["times"][0]["value"], r[1]["times"][0]["anchor"])' "$WORK/times.out") == "2 2023-09-13 en1 2024-06-18 dct" ]] &&
  pass "time: JSON lines with their own dct and language" || fail "time jsonl output: $(cat "$WORK/times.out")"
out=$(echo "Das Treffen fand am 13. September 2023 statt." | "$SYN" time --lang de -)
[[ $out == *$'2023-09-13\t-\tnone\t13. September 2023'* ]] && pass "time --lang de" || fail "time --lang de: $out"
# train pos: a tiny treebank of our own, a model with its provenance, and a
# usage error without data
{
  for rep in 1 2 3; do
    printf '1\tThe\t_\tDET\n2\tboard\t_\tNOUN\n3\tmet\t_\tVERB\n4\ttoday\t_\tNOUN\n5\t.\t_\tPUNCT\n\n'
    printf '1\tFerries\t_\tNOUN\n2\tsail\t_\tVERB\n3\tto\t_\tADP\n4\tHull\t_\tPROPN\n5\t.\t_\tPUNCT\n\n'
  done
} | sed 's/$/\t_\t_\t0\t_\t_\t_/; s/^\t_\t_\t0\t_\t_\t_$//' > "$WORK/tiny.conllu"
out=$("$SYN" train pos --train "$WORK/tiny.conllu" --dev "$WORK/tiny.conllu" --iterations 3 --out "$WORK/pos.bin" 2>&1); rc=$?
[[ $rc -eq 0 && $out == *"dev UPOS accuracy after iteration 3"* ]] && pass "train pos writes a model" || fail "train pos: exit $rc: $out"
head -3 "$WORK/pos.bin" | grep -q '^# command: synoptic train pos --train tiny.conllu' &&
  pass "model records how it was made" || fail "model header lacks its command"
expect_rc 2 "train pos without data is a usage error" -- "$SYN" train pos --out "$WORK/x.bin" >/dev/null 2>&1
# train parser: the same kind of tiny treebank, with trees
{
  for rep in 1 2 3; do
    printf '1\tThe\t_\tDET\t_\t_\t2\tdet\t_\t_\n2\tboard\t_\tNOUN\t_\t_\t3\tnsubj\t_\t_\n'
    printf '3\tmet\t_\tVERB\t_\t_\t0\troot\t_\t_\n4\ttoday\t_\tNOUN\t_\t_\t3\tobl:tmod\t_\t_\n'
    printf '5\t.\t_\tPUNCT\t_\t_\t3\tpunct\t_\t_\n\n'
    printf '1\tFerries\t_\tNOUN\t_\t_\t2\tnsubj\t_\t_\n2\tsail\t_\tVERB\t_\t_\t0\troot\t_\t_\n'
    printf '3\tto\t_\tADP\t_\t_\t4\tcase\t_\t_\n4\tHull\t_\tPROPN\t_\t_\t2\tobl\t_\t_\n'
    printf '5\t.\t_\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n'
  done
} > "$WORK/tinydep.conllu"
out=$("$SYN" train parser --train "$WORK/tinydep.conllu" --dev "$WORK/tinydep.conllu" --tagger "" \
  --jackknife 2 --iterations 3 --min-count 1 --out "$WORK/parse.bin" 2>&1); rc=$?
[[ $rc -eq 0 && $out == *"dev after iteration 3: UAS 1.0000 LAS 1.0000"* ]] &&
  pass "train parser writes a model" || fail "train parser: exit $rc: $out"
head -3 "$WORK/parse.bin" | grep -q '^# command: synoptic train parser --train tinydep.conllu' &&
  pass "parser model records how it was made" || fail "parser model header lacks its command"
expect_rc 2 "train parser without data is a usage error" -- "$SYN" train parser --out "$WORK/x.bin" >/dev/null 2>&1
finish
