// Reading inputs: files, directories, stdin, gzip, WARC, JSON lines.
//
// ReadInputs() walks the given paths and turns every file into zero or more
// InputRecords (one per HTML page, text file, WARC response/resource record
// or JSON line), each decoded to UTF-8. Every input that cannot be read gives
// exactly one InputError (file and reason) and the walk goes on; records
// read before a fault in a container (a truncated WARC, a bad JSON line) are
// still delivered. Nothing is silently truncated: an over-limit input is an
// error, not a prefix.
//
// Thread-safety: the functions are reentrant; the sink is called from the
// calling thread only.
#ifndef SYNOPTIC_INGEST_READER_H_
#define SYNOPTIC_INGEST_READER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "synoptic/core/env.h"
#include "synoptic/core/status.h"
#include "synoptic/core/types.h"

namespace synoptic::ingest {

// One article-sized unit of input, body already decoded to valid UTF-8.
struct InputRecord {
  std::string source;        // "dir/a.html", "crawl.warc.gz#12", "feed.jsonl:7"
  InputFormat container = InputFormat::kUnknown;  // what the file was (ARC: kWarc)
  InputFormat format = InputFormat::kUnknown;     // kHtml or kText: what `body` is
  std::string body;          // UTF-8 page or text
  std::string url;           // WARC-Target-URI, JSON `url`, or empty
  std::string content_type;  // HTTP Content-Type if any
  std::string charset;       // charset the body was decoded from ("UTF-8", "windows-1251")
  std::string crawled;       // ISO 8601 WARC-Date, if any
  // Hints from structured records (JSON lines); empty when absent.
  std::string title;
  std::string published;
  std::string site;
  std::vector<std::string> authors;
};

struct ReaderOptions {
  // A single file larger than this is refused (kResourceExhausted). WARC and
  // JSON lines containers may be this large; they are split into records.
  uint64_t max_file_bytes = uint64_t{2} << 30;
  // A single record (page, text file, JSON line, decompressed WARC record
  // payload) larger than this is refused with an error naming it.
  uint64_t max_record_bytes = uint64_t{32} << 20;
  // Decompressed gzip output larger than this is refused (gzip bombs).
  uint64_t max_decompressed_bytes = uint64_t{4} << 30;
  // Compressed input is decoded in steps of at least this many bytes (memory
  // per open file is about the largest record plus this). Tests and fuzzers
  // lower it to exercise record/step boundaries; clamped to >= 16.
  uint32_t decode_chunk_bytes = uint32_t{64} << 10;
};

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void OnRecord(InputRecord&& record) = 0;
  virtual void OnError(InputError&& error) = 0;
};

// Expands PATHs: a directory means all regular files below it, sorted; "-"
// means standard input (read through env as "/dev/stdin"). Missing paths are
// reported to the sink as errors.
void ReadInputs(Env* env, const std::vector<std::string>& paths,
                const ReaderOptions& options, RecordSink* sink);

// Splits one input's raw bytes (already read) into records. `source` names
// the input in records and errors. Handles gzip, WARC, JSON lines, HTML,
// plain text; the entry point for fuzzing.
void ReadBytes(std::string_view source, std::string_view bytes,
               const ReaderOptions& options, RecordSink* sink);

// Sniffs the format of (decompressed) bytes from their content. kUnknown for
// empty or blank input, binary data, and UTF-16/32 (decode those first).
InputFormat DetectFormat(std::string_view bytes);

// Converts a body to UTF-8: BOM, then the declared charset (HTTP header or
// JSON), then <meta charset>, then uchardet; ICU does the conversion.
// Invalid sequences become U+FFFD. *used receives the charset name.
Result<std::string> DecodeToUtf8(std::string_view bytes,
                                 std::string_view declared_charset,
                                 bool is_html, std::string* used);

// Inflates a whole gzip file (every member); an error when it is corrupt,
// truncated or would exceed `max_output` bytes.
Result<std::string> Gunzip(std::string_view bytes, uint64_t max_output);

// Collects records and errors in vectors; handy for tests and small runs.
class VectorSink final : public RecordSink {
 public:
  void OnRecord(InputRecord&& r) override { records.push_back(std::move(r)); }
  void OnError(InputError&& e) override { errors.push_back(std::move(e)); }
  std::vector<InputRecord> records;
  std::vector<InputError> errors;
};

}  // namespace synoptic::ingest

#endif  // SYNOPTIC_INGEST_READER_H_
