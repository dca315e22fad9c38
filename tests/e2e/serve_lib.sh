# Helpers for the `synoptic serve` end-to-end tests (sourced after lib.sh).

# free_port: prints a TCP port that was free a moment ago.
free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# start_server LOG ARGS...: starts `synoptic serve ARGS` in the background,
# sets SERVER_PID, and waits (up to 60 s) until /api/health answers on
# $PORT. Returns 1 if it never does.
start_server() {
  local log=$1; shift
  "$SYN" serve "$@" >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    if curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$log" >&2; return 1; fi
    sleep 0.1
  done
  cat "$log" >&2
  return 1
}

# stop_server: SIGTERM to the server started last, and wait for it.
stop_server() {
  if [[ -n "${SERVER_PID:-}" ]]; then
    kill -TERM "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
    SERVER_PID=
  fi
}
