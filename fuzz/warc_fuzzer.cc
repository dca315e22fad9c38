// Fuzzes the WARC record parser: every input is read as "WARC/1.0\r\n" + data,
// so the mutations go into headers, lengths and payloads rather than into
// format sniffing. Seeds: testdata/ingest/*.warc.
#include <string>

#include "ingest_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (size_t{1} << 20)) return 0;
  std::string input = "WARC/1.0\r\n";
  input.append(reinterpret_cast<const char*>(data), size);
  FuzzReadBytes("fuzz.warc", input);
  return 0;
}
