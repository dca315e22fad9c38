# Bad input (design.md §7): every unreadable input gets one clear line on
# stderr naming it and the reason, and an entry in `errors`; the good input
# next to it is analysed; exit code 1.
source "$(dirname "$0")/lib.sh"
IN="$WORK/in"; mkdir -p "$IN"
cat > "$IN/good.html" <<'HTML'
<!DOCTYPE html><html><head><title>Orchard growers report a record apple harvest</title>
<meta property="article:published_time" content="2025-10-02T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/farming">Farming</a></nav><article>
<h1>Orchard growers report a record apple harvest</h1>
<p>Apple growers in the valley said on Wednesday that this year's harvest was the largest in two decades, helped by a mild spring and late rain.</p>
<p>The growers' cooperative expects prices to fall slightly next month as stores fill up.</p>
</article><footer>Copyright 2025 Valley Courier</footer></body></html>
HTML
: > "$IN/empty.txt"
head -c 4096 /dev/urandom > "$IN/noise.bin"
printf 'The river \xff\xfe rose \xc3 quickly after the storm, officials said on Monday, and the bridge was closed.\n' > "$IN/bad-utf8.txt"
gzip -c "$IN/good.html" | head -c 120 > "$IN/cut.html.gz"
printf 'WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://example.test/a\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<html><body><p>only a little</p>' > "$IN/cut.warc"
yes 'Long line of filler words repeated to make a very large plain text file for the size limit check.' | head -c 200M > "$IN/huge.txt"

start=$(date +%s)
"$SYN" analyze "$IN" --format json -o "$WORK/r.json" -q 2> "$WORK/err.txt"; rc=$?
secs=$(( $(date +%s) - start ))
cat "$WORK/err.txt"
[[ $rc -eq 1 ]] && pass "exit 1 when some inputs failed" || fail "exit $rc, want 1"
validate "$WORK/r.json" >/dev/null && pass "report still schema-valid" || fail "schema"
for f in empty.txt noise.bin cut.warc huge.txt; do
  n=$(grep -c "$f" "$WORK/err.txt")
  [[ $n -ge 1 ]] && pass "$f named on stderr" || fail "$f not named on stderr"
  e=$(json "$WORK/r.json" "sum(1 for e in r['errors'] if '$f' in e['source'])")
  [[ $e -ge 1 ]] && pass "$f in errors[]" || fail "$f missing from errors[]"
done
grep -q 'cut.html.gz' "$WORK/err.txt" && pass "truncated gzip named" || fail "truncated gzip not named"
grep -qi 'empty' <(grep empty.txt "$WORK/err.txt") && pass "empty file reason" || fail "empty file reason"
grep -qiE 'limit|large' <(grep huge.txt "$WORK/err.txt") && pass "huge file reason" || fail "huge file reason"
grep -qiE 'truncat' <(grep cut.warc "$WORK/err.txt") && pass "truncated WARC reason" || fail "truncated WARC reason"
titles=$(json "$WORK/r.json" '[d["title"] for d in r["documents"]]')
[[ $titles == *"record apple harvest"* ]] && pass "good input analysed next to bad ones" || fail "good input lost: $titles"
bad=$(json "$WORK/r.json" '[d["text"] for d in r["documents"] if "bridge was closed" in d["text"]]')
[[ $bad == *"bridge"* ]] && pass "invalid UTF-8 repaired, text kept" || fail "invalid UTF-8 text lost"
((secs < 60)) && pass "200 MB input refused quickly (${secs}s total)" || fail "took ${secs}s"
finish
