// Container parsers behind ReadBytes: WARC, ARC and JSON lines, plus the
// HTTP payload handling that WARC and ARC share. Internal to ingest.
// Reentrant; each call works on its own stream and reports to ctx.sink.
#ifndef SYNOPTIC_INGEST_INTERNAL_CONTAINERS_H_
#define SYNOPTIC_INGEST_INTERNAL_CONTAINERS_H_

#include <string>
#include <string_view>

#include "synoptic/ingest/internal/stream.h"
#include "synoptic/ingest/reader.h"

namespace synoptic::ingest::internal {

// Header-field helpers shared by the HTTP and WARC parsers.
// Strips spaces, tabs and CRs at both ends.
std::string_view Trim(std::string_view s);
// ASCII case-insensitive equality (header names, tokens).
bool EqualsCaseless(std::string_view a, std::string_view b);

// Calls fn(name, value) for every "Name: value" line of a header block from
// byte `pos` on (the line after a status or version line); both are trimmed,
// and lines without a colon are skipped. Shared by HTTP and WARC headers.
template <typename Fn>
void ForEachHeaderField(std::string_view head, size_t pos, Fn&& fn) {
  while (pos < head.size()) {
    size_t eol = head.find('\n', pos);
    if (eol == std::string_view::npos) eol = head.size();
    const std::string_view line = head.substr(pos, eol - pos);
    pos = eol + 1;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    fn(Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)));
  }
}

struct Context {
  std::string_view source;
  const ReaderOptions* options;
  RecordSink* sink;

  // Reports `status` for source + suffix ("#3", ":12" or "").
  void Error(std::string_view suffix, const Status& status) const;
};

// What a MIME type means for us.
enum class BodyKind : uint8_t { kHtml, kText, kSniff, kSkip };
BodyKind ClassifyContentType(std::string_view content_type);

// True if the first 8 KB look like binary data (NULs or many control bytes).
bool LooksBinary(std::string_view bytes);
// True if the bytes are empty or only ASCII whitespace.
bool IsBlank(std::string_view bytes);

// Fills rec->body/format/content_type/charset from an HTTP response message.
// Returns false when the response is valid but not for us (non-2xx status,
// non-text type, empty body): such records are skipped without an error.
Result<bool> FromHttpResponse(std::string_view message,
                              const ReaderOptions& options, InputRecord* rec);
// Same for a bare document whose MIME type is known from the container.
Result<bool> FromDocument(std::string_view body, std::string_view content_type,
                          const ReaderOptions& options, InputRecord* rec);

// True if s starts with '{' and its first line parses as a JSON object.
bool FirstLineIsJsonObject(std::string_view s);

void ReadWarc(ByteStream* in, const Context& ctx);
void ReadArc(ByteStream* in, const Context& ctx);
void ReadJsonLines(ByteStream* in, const Context& ctx);

}  // namespace synoptic::ingest::internal

#endif  // SYNOPTIC_INGEST_INTERNAL_CONTAINERS_H_
