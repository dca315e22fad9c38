// Fuzzes ExtractDocument on an HTML page built from arbitrary bytes.
// Seeds: testdata/extract/.
#include "extract_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return FuzzExtract(synoptic::InputFormat::kHtml, data, size);
}
