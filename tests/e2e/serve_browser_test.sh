# The web UI in Debian's chromium, driven by playwright-core
# (tests/browser/ui_test.mjs): every view is clicked through and checked
# against the API, a screenshot of each is kept, and no script from the
# hostile test article may run. Screenshots go to $SYN_ARTIFACTS, else
# BUILD_DIR/test-artifacts/serve/.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
trap 'stop_server; rm -rf "$WORK"' EXIT

CHROMIUM=${SYN_CHROMIUM:-/usr/bin/chromium}
if [[ ! -x "$CHROMIUM" ]]; then
  "$SRC/scripts/setup" chromium >&2 || true
fi
[[ -x "$CHROMIUM" ]] || skip "chromium not installed and could not be installed"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  "$SRC/scripts/setup" nodejs npm >&2 || true
fi
command -v node >/dev/null && command -v npm >/dev/null || skip "node/npm not installed"
node_major=$(node -p 'process.versions.node.split(".")[0]')
((node_major >= 20)) || skip "playwright-core needs node >= 20 (have $(node --version))"
command -v curl >/dev/null || skip "curl not installed"

BROWSER_DIR="$SRC/tests/browser"
if [[ ! -f "$BROWSER_DIR/node_modules/playwright-core/package.json" ]]; then
  # playwright-core never downloads browsers; the pinned version comes from
  # package-lock.json.
  (cd "$BROWSER_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >&2) \
    || skip "npm ci for tests/browser failed (offline?)"
fi

ART=${SYN_ARTIFACTS:-$(cd "$(dirname "$SYN")" && pwd)/test-artifacts/serve}
rm -rf "$ART"; mkdir -p "$ART"

DB="$WORK/s.db"
"$SYN" ingest "$SRC/examples" "$SRC/tests/e2e/data" --db "$DB" -q \
  && pass "store with examples + hostile article" || fail "ingest"
PORT=$(free_port)
start_server "$WORK/serve.log" --db "$DB" --port "$PORT" || { fail "server did not start"; finish; }

node "$BROWSER_DIR/ui_test.mjs" "http://127.0.0.1:$PORT" "$ART" "$CHROMIUM"; rc=$?
[[ $rc -eq 0 ]] && pass "browser checks" || fail "browser checks (exit $rc)"
echo "screenshots: $ART"
stop_server
finish
