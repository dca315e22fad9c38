# The store survives SIGKILL mid-ingest: it opens clean, every committed
# article is intact, and ingest resumes idempotently.
source "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || skip "sqlite3 shell not installed"
C="$WORK/corpus"; mkdir -p "$C"
topics=(harbour railway orchard bridge library festival vineyard ferry quarry observatory)
for i in $(seq 1 300); do
  t=${topics[$((i % 10))]}
  {
    echo "Council approves plan number $i for the $t"
    echo
    echo "The town council voted on Tuesday to approve plan number $i for the $t, after a debate that lasted $((i % 7 + 2)) hours."
    echo
    echo "Councillor Mara Velt said the $t project $i would be finished within $((i % 5 + 1)) years and would cost $((i * 13)) thousand euros."
    echo
    echo "Residents of district $((i % 17)) had asked for the $t plan since $((1990 + i % 30)), the council said."
  } > "$C/article-$i.txt"
done
DB="$WORK/s.db"
"$SYN" ingest "$C" --db "$DB" --jobs 1 -q &
pid=$!
# Wait until some, not all, documents are committed, then kill -9.
for _ in $(seq 1 400); do
  n=$(sqlite3 "$DB" 'select count(*) from documents' 2>/dev/null || echo 0)
  if [[ ${n:-0} -ge 20 ]]; then break; fi
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null && killed=1 || killed=0
wait "$pid" 2>/dev/null
n=$(sqlite3 "$DB" 'select count(*) from documents')
echo "killed=$killed with $n documents committed"
# A run that finished before the kill would test nothing: that is a failure.
[[ $killed -eq 1 && $n -lt 300 ]] && pass "ingest killed mid-run at $n/300" || fail "ingest was not killed mid-run ($n/300 committed)"
[[ $(sqlite3 "$DB" 'pragma integrity_check') == ok ]] && pass "integrity_check ok after SIGKILL" || fail "integrity"
[[ $(sqlite3 "$DB" "select count(*) from documents_fts where documents_fts match 'council'") -eq $n ]] \
  && pass "full-text index matches the documents" || fail "FTS out of step"
"$SYN" report --db "$DB" --format json -q > "$WORK/partial.json"; rc=$?
[[ $rc -eq 0 ]] && pass "report over the killed store" || fail "report exit $rc"
[[ $(json "$WORK/partial.json" 'len(r["documents"])') -eq $n ]] && pass "every committed article readable" || fail "committed articles not all readable"
"$SYN" ingest "$C" --db "$DB" --jobs 2 2> "$WORK/resume.txt"; rc=$?
cat "$WORK/resume.txt"
[[ $rc -eq 0 ]] && pass "resume ingest" || fail "resume exit $rc"
[[ $(sqlite3 "$DB" 'select count(*) from documents') -eq 300 ]] && pass "300 documents after resume" || fail "count after resume"
grep -q "$n already stored" "$WORK/resume.txt" && pass "resume skipped the $n committed" || fail "resume did not report $n already stored"
"$SYN" ingest "$C" --db "$DB" 2> "$WORK/again.txt"
grep -q "0 documents added, 300 already stored" "$WORK/again.txt" && pass "idempotent re-ingest" || fail "re-ingest: $(cat "$WORK/again.txt")"
out=$("$SYN" search "orchard council" --db "$DB" -n 3)
[[ $(grep -c '^[0-9]\.' <<<"$out") -eq 3 && $out == *"[orchard]"* ]] && pass "search ranks with snippets" || fail "search: $out"
finish
