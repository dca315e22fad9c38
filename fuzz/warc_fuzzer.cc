// Fuzzes the WARC record parser: every input is read as "WARC/1.0\r\n" + data,
// so the mutations go into headers, lengths and payloads rather than into
// format sniffing. Seeds: testdata/ingest/*.warc.
#include <cstddef>
#include <cstdint>
#include <string>

#include "synoptic/core/utf8.h"
#include "synoptic/ingest/reader.h"

namespace {

namespace ingest = synoptic::ingest;
namespace utf8 = synoptic::utf8;
using synoptic::InputError;
using synoptic::InputFormat;

class CheckingSink final : public ingest::RecordSink {
 public:
  explicit CheckingSink(const ingest::ReaderOptions& options)
      : options_(options) {}

  void OnRecord(ingest::InputRecord&& r) override {
    if (!utf8::IsValid(r.body)) __builtin_trap();
    if (r.format != InputFormat::kHtml && r.format != InputFormat::kText)
      __builtin_trap();
    if (r.source.empty()) __builtin_trap();
    // Decoding may grow a record (legacy bytes become up to 3 UTF-8 bytes),
    // never beyond that.
    if (r.body.size() > 4 * options_.max_record_bytes + 16) __builtin_trap();
  }
  void OnError(InputError&& e) override {
    if (e.code.empty() || e.message.empty() || e.source.empty())
      __builtin_trap();
  }

 private:
  const ingest::ReaderOptions& options_;
};

// Small caps, and a decode step that varies with the input so record and
// step boundaries meet in many ways.
ingest::ReaderOptions SmallCaps(size_t size) {
  ingest::ReaderOptions o;
  o.decode_chunk_bytes = 16 + static_cast<uint32_t>(size % 997);
  o.max_file_bytes = size_t{1} << 20;
  o.max_record_bytes = size_t{256} << 10;
  o.max_decompressed_bytes = size_t{4} << 20;
  return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (size_t{1} << 20)) return 0;
  std::string input = "WARC/1.0\r\n";
  input.append(reinterpret_cast<const char*>(data), size);
  const ingest::ReaderOptions options = SmallCaps(size);
  CheckingSink sink(options);
  ingest::ReadBytes("fuzz.warc", input, options, &sink);
  return 0;
}
