# `synoptic serve` against a real store: every endpoint, paging, ETags,
# errors, the ingest token, the body cap, security headers, and a hostile
# article that must come back as plain data.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
command -v curl >/dev/null || skip "curl not installed"
trap 'stop_server; rm -rf "$WORK"' EXIT

DB="$WORK/s.db"
"$SYN" ingest "$SRC/examples" "$SRC/tests/e2e/data" --db "$DB" -q; rc=$?
[[ $rc -eq 0 ]] && pass "ingest examples + hostile article" || fail "ingest exit $rc"

# Without a token, ingest is disabled.
PORT=$(free_port)
if start_server "$WORK/serve0.log" --db "$DB" --port "$PORT"; then
  pass "server without token starts"
  code=$(curl -s -o "$WORK/r.json" -w '%{http_code}' -X POST --data-binary 'hello' \
         -H 'Authorization: Bearer whatever-token-0000' "http://127.0.0.1:$PORT/api/ingest")
  [[ $code == 403 ]] && pass "ingest disabled without a configured token (403)" || fail "no-token ingest: $code"
  stop_server
else
  fail "server without token did not start"
fi

TOKEN=e2e-token-$RANDOM-$RANDOM-0123456789
printf '%s\n' "$TOKEN" > "$WORK/token"
PORT=$(free_port)
start_server "$WORK/serve.log" --db "$DB" --port "$PORT" --token-file "$WORK/token" \
  --max-body-mb 1 || { fail "server did not start"; finish; }
pass "server with token starts on port $PORT"
grep -q "127.0.0.1:$PORT" "$WORK/serve.log" && pass "binds 127.0.0.1 by default" || fail "start-up line: $(cat "$WORK/serve.log")"

/usr/bin/python3 - "http://127.0.0.1:$PORT" "$TOKEN" "$SRC" <<'PY'
import json, sys, time, urllib.request, urllib.error
base, token, src = sys.argv[1:4]
fails = 0
def ok(what): print("ok:", what)
def fail(what):
    global fails; fails += 1; print("FAIL:", what, file=sys.stderr)
def check(cond, what): ok(what) if cond else fail(what)

def req(path, method="GET", body=None, headers=None):
    r = urllib.request.Request(base + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(r, timeout=60) as res:
            return res.status, dict(res.headers), res.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()

def get(path, **kw):
    t0 = time.perf_counter()
    st, h, b = req(path, **kw)
    ms = (time.perf_counter() - t0) * 1000
    data = json.loads(b) if b and h.get("Content-Type", "").startswith("application/json") else None
    return st, h, data, ms

timings = {}
def timed(name, path):
    st, h, d, ms = get(path)
    timings[name] = ms
    return st, h, d

# Health and headers.
st, h, health = timed("health", "/api/health")
check(st == 200 and health["status"] == "ok", "health answers ok")
check(health["ingest"] is True, "health says ingest is enabled")
csp = h.get("Content-Security-Policy", "")
check("default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
      and "unsafe-eval" not in csp, "strict CSP header")
check(h.get("X-Content-Type-Options") == "nosniff", "nosniff header")
check(h.get("Referrer-Policy") == "no-referrer", "no-referrer header")
n_docs = health["counts"]["documents"]
check(n_docs >= 15, f"{n_docs} documents in the store")

# OpenAPI document lists every route.
st, h, spec, _ = get("/api/openapi.json")
check(st == 200 and spec["openapi"].startswith("3.0"), "OpenAPI 3.0 document served")
for p in ["documents", "documents/{id}", "search", "entities", "events", "clusters", "clusters/{id}",
          "storylines", "storylines/{id}", "timeline", "relations", "disagreements", "errors",
          "health", "ingest"]:
    if "/api/" + p not in spec["paths"]:
        fail("openapi lacks /api/" + p)
ok("OpenAPI document names every route")

# Every list endpoint: shape, paging, report-contract fields.
required = {
    "documents": ["id", "source", "url", "site", "title", "authors", "published", "published_from", "language"],
    "entities": ["id", "name", "type", "code", "aliases", "mentions"],
    "events": ["id", "type", "code", "source", "target", "location", "date", "modality", "attributed_to",
               "doc", "start", "end", "cluster"],
    "clusters": ["id", "title", "documents", "date", "events", "summary"],
    "storylines": ["id", "title", "clusters"],
    "timeline": ["date", "text", "cluster", "citations"],
    "relations": ["a", "b", "period", "cooperation", "conflict", "events"],
    "disagreements": ["about", "cluster", "claims"],
    "errors": [],
}
lists = {}
for name, fields in required.items():
    st, h, d = timed(name, f"/api/{name}?limit=1000")
    check(st == 200 and {"total", "offset", "limit", "items"} <= d.keys(), f"/api/{name} is a page")
    check(len(d["items"]) == d["total"], f"/api/{name}: all {d['total']} items fit one page of 1000")
    missing = [f for it in d["items"] for f in fields if f not in it]
    check(not missing, f"/api/{name} items carry the contract fields")
    lists[name] = d["items"]
check(lists["clusters"] and lists["storylines"] and lists["events"] and lists["entities"],
      "clusters, storylines, events and entities are not empty")

# Paging: disjoint pages that add up.
st, _, p1, _ = get("/api/documents?offset=0&limit=5")
st2, _, p2, _ = get("/api/documents?offset=5&limit=5")
ids1 = [d["id"] for d in p1["items"]]; ids2 = [d["id"] for d in p2["items"]]
check(len(ids1) == 5 and len(ids2) == 5 and not set(ids1) & set(ids2), "pages are disjoint")
check(ids1 + ids2 == [d["id"] for d in lists["documents"][:10]], "pages follow list order")
st, _, past, _ = get(f"/api/documents?offset={n_docs + 10}")
check(st == 200 and past["items"] == [] and past["total"] == n_docs, "offset past the end: empty page")
st, _, capped, _ = get("/api/documents?limit=999999")
check(st == 200 and capped["limit"] == 1000, "limit is clamped to 1000")
for bad in ["offset=-1", "limit=0", "limit=abc", "offset=1e3", "colour=red"]:
    st, _, d, _ = get("/api/documents?" + bad)
    check(st == 400 and isinstance(d.get("error"), str), f"{bad} -> 400 with an error message")

# Filters.
cid = lists["clusters"][0]["id"]
st, _, evs, _ = get(f"/api/events?cluster={cid}&limit=1000")
check(st == 200 and evs["total"] > 0 and all(e["cluster"] == cid for e in evs["items"]),
      "events filtered by cluster")
st, _, docs_c, _ = get(f"/api/documents?cluster={cid}")
check(sorted(d["id"] for d in docs_c["items"]) == sorted(lists["clusters"][0]["documents"]),
      "documents filtered by cluster = the cluster's documents")
st, _, d, _ = get(f"/api/events?cluster={cid}&doc=x")
check(st == 400, "two filters at once -> 400")

# Details.
st, _, c = timed("cluster", f"/api/clusters/{cid}")
check(st == 200 and c["cluster"]["id"] == cid and "comparison" in c, "cluster detail with comparison")
check(len(c["documents"]) == len(lists["clusters"][0]["documents"]), "cluster detail lists its documents")
sid = lists["storylines"][0]["id"]
st, _, s = timed("storyline", f"/api/storylines/{sid}")
check(st == 200 and [x["id"] for x in s["clusters"]] == lists["storylines"][0]["clusters"],
      "storyline detail holds its clusters in order")
did = lists["documents"][0]["id"]
st, _, doc = timed("document", f"/api/documents/{did}")
check(st == 200 and doc["document"]["id"] == did and "text" in doc["document"], "document detail has text")
ncp = len(doc["document"]["text"])
spans_ok = all(0 <= m["start"] <= m["end"] <= ncp for e in doc["entities"] for m in e["mentions"]) and \
           all(0 <= x["start"] <= x["end"] <= ncp for k in ("times", "events", "quotes") for x in doc[k])
check(spans_ok, "every span of the document lies in its text (code points)")
for t in doc["times"]:
    if doc["document"]["text"][t["start"]:t["end"]] != t["text"]:
        fail(f"time span text mismatch: {t}"); break
else:
    ok("time spans slice to their text")

# 404s.
for path in ["/api/documents/nope", "/api/clusters/C999999", "/api/storylines/S0", "/api/nothing",
             "/api/documents/a/b", "/no-such-file.js"]:
    st, _, d, _ = get(path)
    check(st == 404 and isinstance(d.get("error"), str), f"{path} -> 404 JSON")
st, h, d, _ = get("/api/clusters", method="DELETE")
check(st == 405 and "GET" in h.get("Allow", ""), "DELETE -> 405 with Allow")

# ETag / If-None-Match.
st, h, _, _ = get("/api/clusters?limit=3")
etag = h.get("ETag")
check(bool(etag), "lists carry an ETag")
st, h2, _, _ = get("/api/clusters?limit=3", headers={"If-None-Match": etag})
check(st == 304, "If-None-Match with the ETag -> 304")
st, _, _, _ = get("/api/clusters?limit=4", headers={"If-None-Match": etag})
check(st == 200, "another query has another ETag")
st, h, _, _ = get("/")
check(st == 200 and h.get("Content-Type", "").startswith("text/html") and h.get("ETag"), "UI index served")

# Search.
st, _, sr = timed("search", "/api/search?q=Valdmark")
check(st == 200 and sr["total"] >= 1, "search finds the hostile article")
hostile_id = sr["items"][0]["doc"]
check(sr["items"][0]["document"] is not None, "search hits carry the document summary")
st, _, d, _ = get("/api/search?q=%22%29%28OR*%5E")
check(st == 200, "FTS syntax in a query is taken literally (no 500)")
st, _, d, _ = get("/api/search")
check(st == 400, "search without q -> 400")
st, _, d, _ = get("/api/search?q=" + "x" * 2000)
check(st == 400, "over-long query -> 400")

# The hostile article comes back as data, unchanged.
st, h, hd, _ = get(f"/api/documents/{hostile_id}")
text = hd["document"]["text"]
check("</script><script>" in text and "<img src=x onerror" in text, "markup in the text is returned as text")
check("__synopticPwned=\"head-script\"" not in text and "svg-script" not in text,
      "script elements of the page are not part of the text")
check(h.get("Content-Type", "").startswith("application/json"), "served as application/json")

# Ingest: token checks, then a real document.
article = ("Ferry crews in Oskarnes vote to end strike\n\n"
           "OSKARNES, March 14 – Ferry crews in Oskarnes voted on Thursday to end a two-day strike after the "
           "operator Nordlys Ferries agreed to hire twelve more deckhands, the crew association said.\n\n"
           "\"The boats will sail again on Friday morning,\" said Petra Holm, the association's secretary.\n").encode()
st, h, d, _ = get("/api/ingest", method="POST", body=article)
check(st == 401 and "Bearer" in h.get("WWW-Authenticate", ""), "ingest without token -> 401")
st, _, d, _ = get("/api/ingest", method="POST", body=article, headers={"Authorization": "Bearer wrong-token-123456789"})
check(st == 401, "ingest with a wrong token -> 401")
st, _, d, _ = get("/api/ingest", method="GET")
check(st == 405, "GET /api/ingest -> 405")
_, h0, _, _ = get("/api/documents?limit=1")
st, _, d, ms = get("/api/ingest?name=ferry.txt", method="POST", body=article,
                   headers={"Authorization": "Bearer " + token, "Content-Type": "text/plain"})
timings["ingest"] = ms
check(st == 200 and len(d.get("added", [])) == 1, f"ingest with token adds the document ({st})")
new_id = d["added"][0] if st == 200 and d.get("added") else ""
st, _, health2, _ = get("/api/health")
check(health2["counts"]["documents"] == n_docs + 1, "the new document is counted")
st, _, nd, _ = get(f"/api/documents/{new_id}")
check(st == 200 and "Nordlys Ferries" in nd["document"]["text"], "the new document is readable")
st, _, sr2, _ = get("/api/search?q=Nordlys")
check(any(x["doc"] == new_id for x in sr2["items"]), "the new document is searchable")
st, _, sr3, _ = get("/api/search?q=nordlys%20FERRIES")
hit = [x for x in sr3["items"] if x["doc"] == new_id]
check(st == 200 and hit and "[Nordlys] [Ferries]" in hit[0]["snippet"],
      "search folds case and marks the matched words in the snippet")
st, _, sr4, _ = get("/api/search?q=Nordlys-Ferries")
check(st == 200 and any(x["doc"] == new_id for x in sr4["items"]),
      "a hyphenated word is searched as a phrase (through the store)")
st, _, sr5, _ = get("/api/search?q=Ferries-Nordlys")
check(st == 200 and not any(x["doc"] == new_id for x in sr5["items"]),
      "a phrase must occur in its order")
st, _, _, _ = get("/api/documents?limit=1", headers={"If-None-Match": h0.get("ETag", "")})
check(st == 200, "ETags change after an ingest")
st, _, d, _ = get("/api/ingest", method="POST", body=article, headers={"Authorization": "Bearer " + token})
check(st == 200 and d["added"] == [] and d["present"] == [new_id], "ingest is idempotent")

# Other formats go through the same reader: the examples' WARC and JSON
# lines files are already stored, so every record comes back as present.
for name in ["crawl.warc.gz", "feed.jsonl"]:
    with open(f"{src}/examples/{name}", "rb") as f:
        body = f.read()
    st, _, d, _ = get(f"/api/ingest?name={name}", method="POST", body=body,
                      headers={"Authorization": "Bearer " + token})
    check(st == 200 and d["added"] == [] and len(d["present"]) >= 1,
          f"POST {name}: {len(d.get('present', [])) if d else 0} records read, all already stored")
st, _, d, _ = get("/api/ingest", method="POST", body=b"\x00\x01\x02binary\x00",
                  headers={"Authorization": "Bearer " + token})
check(st == 422 and "error" in d, f"unreadable body -> 422 ({st})")

# Body cap (server started with --max-body-mb 1).
big = b"a" * (2 << 20)
st, _, d, _ = get("/api/ingest", method="POST", body=big, headers={"Authorization": "Bearer " + token})
check(st == 413, f"2 MB body over a 1 MB cap -> 413 ({st})")

for k, v in sorted(timings.items()):
    print(f"latency: {k} {v:.1f} ms")
sys.exit(1 if fails else 0)
PY
[[ $? -eq 0 ]] && pass "API checks" || fail "API checks"

# A clean stop on SIGTERM.
kill -TERM "$SERVER_PID"; wait "$SERVER_PID"; rc=$?; SERVER_PID=
[[ $rc -eq 0 ]] && pass "SIGTERM stops the server (exit 0)" || fail "server exit $rc after SIGTERM"
finish
