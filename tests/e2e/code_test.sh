# The `synoptic code` command: sentences in (plain lines, JSON lines, stdin
# or a file), events and quotes out (text and JSON lines), usage errors, and
# the PLOVER / PETRARCH importers.
source "$(dirname "$0")/lib.sh"

out=$("$SYN" code --help 2>&1); rc=$?
[[ $rc -eq 0 && $out == *"Usage"* ]] && pass "code --help" || fail "code --help (exit $rc)"

cat > "$WORK/in.txt" <<'TXT'
The Ruritanian foreign minister met Japanese Prime Minister Ito Hana in Osaka on Tuesday.

Freedonia and Ruritania signed a border agreement, officials said.
"We will not accept these terms," the envoy told reporters.
TXT
out=$("$SYN" code --dct 2024-03-14 "$WORK/in.txt" 2>"$WORK/err.txt"); rc=$?
[[ $rc -eq 0 ]] && pass "plain lines code (exit 0)" || fail "plain lines: exit $rc"
[[ $(grep -c $'^[0-9]\t' <<<"$out") -eq 3 ]] && pass "one block per non-empty line" || fail "blocks: $out"
grep -qP "\tJPN\\([^)]*\\)\t04" <<<"$out" && pass "meeting coded with the Japanese target and a 04 code" || fail "no JPN consult event: $out"
grep -q $'\tCONSULT\t' <<<"$out" && pass "PLOVER category printed" || fail "no PLOVER category: $out"
grep -q $'quote\t' <<<"$out" && pass "direct quote printed" || fail "no quote: $out"
grep -q "sentences/s" "$WORK/err.txt" && pass "speed on stderr" || fail "no speed line: $(cat "$WORK/err.txt")"

printf '%s\n' '{"id":"a1","text":"Ruritania launched missile strikes on Freedonia on Monday.","date":"2024-05-06"}' \
  '{"id":"a2","text":"Analysts say Freedonia may impose sanctions on Ruritania."}' > "$WORK/in.jsonl"
"$SYN" code -f jsonl -q - < "$WORK/in.jsonl" > "$WORK/out.jsonl"; rc=$?
[[ $rc -eq 0 && $(wc -l < "$WORK/out.jsonl") -eq 2 ]] && pass "JSON lines in, JSON lines out" || fail "jsonl: exit $rc"
python3 - "$WORK/out.jsonl" <<'PY' && pass "jsonl fields: ids, codes, quad, plover, date, modality" || fail "jsonl content: $(cat "$WORK/out.jsonl")"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert [r["id"] for r in rows] == ["a1", "a2"], rows
e = rows[0]["events"]
assert e and e[0]["root"] in ("19", "18", "17") and e[0]["quad"] == 4, e
assert e[0]["plover"], e
assert any(x.get("date") == "2024-05-06" for x in e), e
s = rows[1]["events"]
assert s and s[0]["modality"] in ("speculated", "reported"), s
PY

# --mentions shows what the coder saw: each mention, its type, its entity.
echo "The Zembla Ministry of Fisheries and Forests condemned Freedonian raids on Monday." |
  "$SYN" code -q --mentions - > "$WORK/men.txt"; rc=$?
[[ $rc -eq 0 ]] && grep -q $'^  mention\tZembla Ministry of Fisheries and Forests\tORG\t' "$WORK/men.txt" &&
  pass "--mentions lists typed mentions (an of-name as one ORG)" || fail "--mentions: exit $rc $(cat "$WORK/men.txt")"
echo '{"id":"m1","text":"French President Jean Dorval met Malian envoys in Paris."}' |
  "$SYN" code -q -f jsonl --mentions - > "$WORK/men.jsonl"; rc=$?
python3 - "$WORK/men.jsonl" <<'PY' && pass "--mentions in JSON lines, unknown president coded FRAGOV" || fail "--mentions jsonl: exit $rc $(cat "$WORK/men.jsonl")"
import json, sys
r = json.loads(open(sys.argv[1]).readline())
m = {x["text"]: x for x in r["mentions"]}
assert m["Jean Dorval"]["type"] == "PERSON" and m["Jean Dorval"]["code"] == "FRAGOV", m
assert m["Paris"]["type"] == "GPE", m
PY

printf '{"id": 5, "text": 7}\nnot json but text\n' > "$WORK/bad.jsonl"
"$SYN" code -q "$WORK/bad.jsonl" > /dev/null 2> "$WORK/bad.err"; rc=$?
[[ $rc -eq 1 ]] && grep -q ":1:" "$WORK/bad.err" && pass "bad JSON line named, exit 1" || fail "bad line: exit $rc, $(cat "$WORK/bad.err")"
expect_rc 2 "bad --dct is a usage error" -- "$SYN" code --dct someday "$WORK/in.txt"
expect_rc 2 "bad --format is a usage error" -- "$SYN" code -f xml "$WORK/in.txt"
expect_rc 1 "missing file" -- "$SYN" code -q "$WORK/none.txt"

# Importers write our own formats, which the lexicon loads.
plover="$SHARED/data/event-coding-plover/CAMEO2PLOVER-2021.txt"
verbs="$SHARED/data/event-coding-petrarch/ud-petrarch-validate/PETR_Validate_verbs_2_02.txt"
if [[ -f $plover && -f $verbs ]]; then
  mkdir -p "$WORK/models"
  cp "$SRC"/models/* "$WORK/models/"
  "$SYN" code --make-plover-map "$plover" > "$WORK/models/events_plover.tsv" &&
    head -1 "$WORK/models/events_plover.tsv" | grep -q "events_plover v1" &&
    pass "PLOVER map built" || fail "PLOVER map"
  "$SYN" code --import-verbs "$verbs" > "$WORK/models/events_petrarch.tsv" 2>/dev/null &&
    [[ $(grep -c $'^V\t' "$WORK/models/events_petrarch.tsv") -gt 100 ]] &&
    pass "PETRARCH verbs imported" || fail "verb import"
  echo "Ruritania agreed to restore diplomatic ties with Freedonia." |
    "$SYN" code -q --models "$WORK/models" > "$WORK/imp.txt"; rc=$?
  [[ $rc -eq 0 ]] && grep -q "event" "$WORK/imp.txt" && pass "imported lexicon loads and codes" ||
    fail "imported lexicon: exit $rc $(cat "$WORK/imp.txt")"
else
  echo "note: importer checks skipped (no shared data)"
fi
finish
