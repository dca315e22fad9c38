// Fuzzes the store's record decoder: a damaged or hostile stored analysis
// must be refused with a Status, never crash, and anything accepted must
// re-encode and decode to the same thing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "synoptic/report/report.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  auto a = synoptic::report::DeserializeAnalysis(in);
  if (!a.ok()) return 0;
  const std::string once = synoptic::report::SerializeAnalysis(*a);
  auto b = synoptic::report::DeserializeAnalysis(once);
  if (!b.ok() || synoptic::report::SerializeAnalysis(*b) != once) std::abort();
  // Rendering what was accepted must be safe too.
  (void)synoptic::report::RenderDocumentLine(*a);
  return 0;
}
