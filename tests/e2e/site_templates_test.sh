# Three saved pages of one (invented) site share a standing ownership line in the
# article body, which per-page extraction keeps; analysed together, the line
# is the site's template and leaves every page's text. One page alone keeps
# it (nothing to compare with).
source "$(dirname "$0")/lib.sh"
page() {  # page FILE URL HEADLINE PARAGRAPH...
  local f=$1 url=$2 h=$3; shift 3
  {
    echo "<!doctype html><html><head><title>$h | Harbour Gazette</title>"
    echo "<link rel=\"canonical\" href=\"$url\"><meta property=\"og:site_name\" content=\"Harbour Gazette\"></head>"
    echo "<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>$h</h1>"
    for p in "$@"; do echo "<p>$p</p>"; done
    echo "</article><footer>(c) Harbour Gazette</footer></body></html>"
  } > "$f"
}
BOX="The Gazette is owned by the Skarholm cooperative of fishermen and tenants, which appoints its editor every four years."
mkdir -p "$WORK/site"
page "$WORK/site/ferry.html" "https://www.gazette.example/news/ferry-fares" "Ferry fares to rise in May" \
  "Ferry fares between Skarholm and the mainland will rise by a fifth in May, the island's ferry operator said on Tuesday, blaming fuel costs and a new harbour levy." \
  "The council, which subsidises the crossing, said it would ask the operator to spare season-ticket holders and pensioners from the full increase." \
  "$BOX" \
  "The operator last raised fares three years ago. It carries about 400,000 passengers a year."
page "$WORK/site/pier.html" "https://www.gazette.example/news/new-pier" "New pier opens at north harbour" \
  "A new pier opened at Skarholm's north harbour on Saturday, two years after the old timber pier was closed as unsafe after a winter storm." \
  "$BOX" \
  "The concrete structure cost 4.2 million crowns and can take boats of up to 30 metres, the harbour master told the opening ceremony."
page "$WORK/site/quota.html" "https://www.gazette.example/news/quotas" "Quotas cut again for small boats" \
  "Fishing quotas for the coming season were cut again on Thursday, leaving Skarholm's small boats with a third less cod to land than last year." \
  "Skippers said several crews would stay in port for most of the spring rather than fish at a loss, and asked the ministry for a hardship fund." \
  "$BOX"
"$SYN" analyze "$WORK/site" --format json -q > "$WORK/r.json"; rc=$?
[[ $rc -eq 0 ]] && pass "three pages of one site analysed" || fail "analyze exit $rc"
n=$(json "$WORK/r.json" 'sum("cooperative of fishermen" in d["text"] for d in r["documents"])')
[[ $n == 0 ]] && pass "the shared ownership line left all three texts" || fail "line kept in $n texts"
k=$(json "$WORK/r.json" 'sum("hardship fund" in d["text"] or "harbour master" in d["text"] or "season-ticket" in d["text"] for d in r["documents"])')
[[ $k == 3 ]] && pass "each page keeps its own paragraphs" || fail "own paragraphs kept in $k of 3"
"$SYN" analyze "$WORK/site/ferry.html" --format json -q > "$WORK/one.json"
m=$(json "$WORK/one.json" 'sum("cooperative of fishermen" in d["text"] for d in r["documents"])')
[[ $m == 1 ]] && pass "a page alone keeps the line (no other page to compare)" || fail "single page: $m"
finish
