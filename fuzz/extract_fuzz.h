// Shared body of the extract fuzz targets (html_fuzzer, text_fuzzer): builds a
// record from arbitrary bytes (sanitised to UTF-8, capped at 1 MiB), extracts
// it and checks the Document invariants.
#ifndef SYNOPTIC_FUZZ_EXTRACT_FUZZ_H_
#define SYNOPTIC_FUZZ_EXTRACT_FUZZ_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "synoptic/core/hash.h"
#include "synoptic/core/utf8.h"
#include "synoptic/extract/extract.h"

constexpr size_t kMaxFuzzInput = size_t{1} << 20;

inline int FuzzExtract(synoptic::InputFormat format, const uint8_t* data, size_t size) {
  if (size > kMaxFuzzInput) size = kMaxFuzzInput;
  synoptic::ingest::InputRecord record;
  record.source = "fuzz";
  record.format = format;
  record.body = synoptic::utf8::Sanitize(
      std::string_view(reinterpret_cast<const char*>(data), size), nullptr);
  record.url = "https://fuzz.example/2024/01/02/page";
  record.crawled = "2024-06-01T00:00:00Z";
  synoptic::extract::ExtractOptions options;
  synoptic::Result<synoptic::Document> doc =
      synoptic::extract::ExtractDocument(record, options);
  if (!doc.ok()) return 0;
  const synoptic::Document& d = *doc;
  if (d.text.empty() || !synoptic::utf8::IsValid(d.text)) __builtin_trap();
  if (d.id != synoptic::HexId(d.text)) __builtin_trap();
  if (d.paragraphs.size() != d.paragraph_kinds.size()) __builtin_trap();
  for (const synoptic::ByteSpan& p : d.paragraphs) {
    if (p.begin >= p.end || p.end > d.text.size()) __builtin_trap();
  }
  if (!synoptic::utf8::IsValid(d.title) || !synoptic::utf8::IsValid(d.site)) {
    __builtin_trap();
  }
  if (!d.published.empty() && d.published.substr(0, 10) > "2024-06-01") {
    __builtin_trap();
  }
  return 0;
}

#endif  // SYNOPTIC_FUZZ_EXTRACT_FUZZ_H_
