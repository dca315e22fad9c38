// Shared body of the ingest fuzz targets (reader_fuzzer, warc_fuzzer): a
// sink that checks every record and error the reader gives, and small caps.
#ifndef SYNOPTIC_FUZZ_INGEST_FUZZ_H_
#define SYNOPTIC_FUZZ_INGEST_FUZZ_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

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

// Reads `bytes` as one input named `name`, checking every output.
inline void FuzzReadBytes(std::string_view name, std::string_view bytes) {
  const ingest::ReaderOptions options = SmallCaps(bytes.size());
  CheckingSink sink(options);
  ingest::ReadBytes(name, bytes, options, &sink);
}

}  // namespace

#endif  // SYNOPTIC_FUZZ_INGEST_FUZZ_H_
