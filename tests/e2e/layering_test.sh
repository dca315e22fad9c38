# The layering check itself must catch a back-edge.
source "$(dirname "$0")/lib.sh"
bash "$SRC/scripts/check_layering" "$SRC/src/synoptic" && pass "tree has no back-edges" || fail "tree has back-edges"
mkdir -p "$WORK/s/nlp" "$WORK/s/events"
echo '#include "synoptic/events/events.h"' > "$WORK/s/nlp/bad.cc"
echo '#include "synoptic/nlp/nlp.h"' > "$WORK/s/events/ok.cc"
if bash "$SRC/scripts/check_layering" "$WORK/s" >/dev/null; then fail "back-edge not caught"; else pass "back-edge caught"; fi
finish
