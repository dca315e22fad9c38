// Fuzzes ReadBytes on arbitrary bytes (gzip, zstd, WARC, ARC, JSON lines,
// HTML, text, charsets) with small caps. Seeds: testdata/ingest/.
#include "ingest_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (size_t{1} << 20)) return 0;
  FuzzReadBytes("fuzz", std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
