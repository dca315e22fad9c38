// HTTP response payloads as stored in WARC and ARC records: status line,
// headers, chunked transfer coding, gzip/deflate/zstd content coding, then
// charset decoding. Only 2xx text responses become records; everything else
// a crawler stores (redirects, images, scripts) is skipped without an error,
// because it is not a fault of the input.
#include <algorithm>

#include "synoptic/ingest/internal/containers.h"
#include "synoptic/ingest/internal/decode.h"

namespace synoptic::ingest::internal {
namespace {


std::string LowerMime(std::string_view content_type) {
  std::string_view mime = content_type.substr(0, content_type.find(';'));
  mime = Trim(mime);
  std::string out(mime);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Parses the chunk-size line at body[pos]; false if it is not one.
bool ParseChunkSize(std::string_view body, size_t* pos, uint64_t* size) {
  const size_t eol = body.find('\n', *pos);
  if (eol == std::string_view::npos) return false;
  std::string_view line = Trim(body.substr(*pos, eol - *pos));
  line = Trim(line.substr(0, line.find(';')));
  if (line.empty() || line.size() > 15) return false;
  uint64_t v = 0;
  for (char c : line) {
    const int h = HexValue(c);
    if (h < 0) return false;
    v = v * 16 + static_cast<uint64_t>(h);
  }
  *size = v;
  *pos = eol + 1;
  return true;
}

// Undoes Transfer-Encoding: chunked. A body that does not even start with a
// chunk-size line is taken as sent (servers mislabel); a body that starts
// chunked and then breaks is an error, never a silent prefix.
Result<std::string> Dechunk(std::string_view body, uint64_t max_bytes) {
  std::string out;
  size_t pos = 0;
  uint64_t size = 0;
  if (!ParseChunkSize(body, &pos, &size)) return std::string(body);
  for (;;) {
    if (size == 0) return out;
    if (size > body.size() - pos) {
      return Truncated("chunked body cut short: chunk of " +
                       std::to_string(size) + " bytes, " +
                       std::to_string(body.size() - pos) + " left");
    }
    if (out.size() + size > max_bytes) {
      return ResourceExhausted("decoded body is over the record limit of " +
                               std::to_string(max_bytes) + " bytes");
    }
    out.append(body.substr(pos, size));
    pos += size;
    if (body.substr(pos, 2) == "\r\n") {
      pos += 2;
    } else if (body.substr(pos, 1) == "\n") {
      pos += 1;
    }
    if (pos >= body.size()) return out;  // last-chunk missing: tolerated
    if (!ParseChunkSize(body, &pos, &size)) {
      return Corrupt("bad chunked transfer encoding at byte " +
                     std::to_string(pos));
    }
  }
}

}  // namespace

BodyKind ClassifyContentType(std::string_view content_type) {
  const std::string mime = LowerMime(content_type);
  if (mime == "text/html" || mime == "application/xhtml+xml" ||
      mime == "application/xhtml" || mime == "text/xhtml") {
    return BodyKind::kHtml;
  }
  if (mime == "text/plain" || mime == "text/markdown" ||
      mime == "text/x-markdown" || mime == "text/enriched") {
    return BodyKind::kText;
  }
  if (mime.empty() || mime == "application/octet-stream" ||
      mime == "unknown/unknown" || mime == "www/unknown" ||
      mime == "application/unknown") {
    return BodyKind::kSniff;
  }
  return BodyKind::kSkip;
}

Result<bool> FromDocument(std::string_view body, std::string_view content_type,
                          const ReaderOptions& options, InputRecord* rec) {
  BodyKind kind = ClassifyContentType(content_type);
  if (kind == BodyKind::kSkip || IsBlank(body)) return false;
  if (body.size() > options.max_record_bytes) {
    return ResourceExhausted("body is " + std::to_string(body.size()) +
                             " bytes, over the record limit of " +
                             std::to_string(options.max_record_bytes));
  }
  // Binary bytes under a text label (a mislabeled image, an unannounced
  // compression) are not a document; UTF-16/32 text has NULs but says so.
  size_t bom_len = 0;
  const std::string charset = LowerMime(CharsetParam(content_type));
  const bool wide =
      charset.rfind("utf-16", 0) == 0 || charset.rfind("utf-32", 0) == 0;
  if (BomCharset(body, &bom_len).empty() && !wide && LooksBinary(body))
    return false;
  if (kind == BodyKind::kSniff) {
    const InputFormat f = DetectFormat(body);
    if (f == InputFormat::kHtml) {
      kind = BodyKind::kHtml;
    } else if (f == InputFormat::kText) {
      kind = BodyKind::kText;
    } else {
      return false;
    }
  }
  rec->format =
      kind == BodyKind::kHtml ? InputFormat::kHtml : InputFormat::kText;
  rec->content_type = std::string(Trim(content_type));
  rec->body = DecodeOwned(std::string(body), CharsetParam(content_type),
                          kind == BodyKind::kHtml, &rec->charset);
  return true;
}

Result<bool> FromHttpResponse(std::string_view message,
                              const ReaderOptions& options, InputRecord* rec) {
  const size_t crlf = message.find("\r\n\r\n");
  // Bare-LF headers: only look before the CRLF end, not through the body.
  const size_t lf = message.substr(0, crlf).find("\n\n");
  size_t head_end = std::string_view::npos;
  size_t body_at = 0;
  if (crlf != std::string_view::npos &&
      (lf == std::string_view::npos || crlf < lf)) {
    head_end = crlf;
    body_at = crlf + 4;
  } else if (lf != std::string_view::npos) {
    head_end = lf;
    body_at = lf + 2;
  } else {
    // Headers only (e.g. an empty 204 or a cut message).
    head_end = message.size();
    body_at = message.size();
  }
  const std::string_view head = message.substr(0, head_end);
  const size_t first_eol = head.find('\n');
  const std::string_view status_line = Trim(head.substr(0, first_eol));
  if (status_line.substr(0, 5) != "HTTP/") {
    return Corrupt("response record has no HTTP status line");
  }
  const size_t sp = status_line.find(' ');
  const std::string_view code_text =
      sp == std::string_view::npos
          ? std::string_view()
          : Trim(status_line.substr(sp + 1)).substr(0, 3);
  if (code_text.size() != 3 ||
      !std::all_of(code_text.begin(), code_text.end(),
                   [](char c) { return c >= '0' && c <= '9'; })) {
    return Corrupt("bad HTTP status line '" +
                   std::string(status_line.substr(0, 80)) + "'");
  }
  if (code_text[0] != '2') return false;

  std::string_view content_type;
  std::string_view transfer_encoding;
  std::string_view content_encoding;
  ForEachHeaderField(
      head, first_eol == std::string_view::npos ? head.size() : first_eol + 1,
      [&](std::string_view name, std::string_view value) {
        if (EqualsCaseless(name, "content-type")) {
          content_type = value;
        } else if (EqualsCaseless(name, "transfer-encoding")) {
          transfer_encoding = value;
        } else if (EqualsCaseless(name, "content-encoding")) {
          content_encoding = value;
        }
      });
  if (ClassifyContentType(content_type) == BodyKind::kSkip) return false;

  std::string_view body = message.substr(body_at);
  std::string owned;  // holds the body once a coding had to be undone
  if (LowerMime(transfer_encoding).find("chunked") != std::string::npos) {
    auto dechunked = Dechunk(body, options.max_record_bytes);
    if (!dechunked.ok()) return dechunked.status();
    owned = std::move(dechunked).value();
    body = owned;
  }
  const std::string coding = LowerMime(content_encoding);
  if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
    // Crawlers often store the body already decoded but keep the header.
    const bool is_gzip = SniffCodec(body) == Codec::kGzip;
    if (coding == "deflate" || is_gzip) {
      auto inflated =
          Inflate(body, coding == "deflate", options.max_record_bytes);
      if (!inflated.ok() && coding == "deflate" &&
          inflated.status().code() == StatusCode::kCorrupt &&
          !LooksBinary(body)) {
        // Deflate has no magic number: readable text means it was stored
        // decoded, as with gzip above.
        inflated = std::string(body);
      }
      if (!inflated.ok()) {
        const Status& s = inflated.status();
        return Status(s.code(),
                      "content encoding " + coding + ": " + s.message());
      }
      owned = std::move(inflated).value();
      body = owned;
    }
  } else if (coding == "zstd") {
    if (SniffCodec(body) == Codec::kZstd) {
      ByteStream z(body, Codec::kZstd, options.max_record_bytes);
      z.FillUpTo(options.max_record_bytes);
      if (!z.status().ok()) {
        return Status(z.status().code(),
                      "content encoding zstd: " + z.status().message());
      }
      owned = z.TakeWindow();
      body = owned;
    }
  } else if (!coding.empty() && coding != "identity" && coding != "none") {
    return NotSupported("content encoding '" + coding + "' is not supported");
  } else if (SniffCodec(body) == Codec::kGzip) {
    // gzip without the header saying so: undo it if it is whole.
    auto inflated = Inflate(body, false, options.max_record_bytes);
    if (inflated.ok()) {
      owned = std::move(inflated).value();
      body = owned;
    }
  }
  if (!owned.empty() && owned.data() == body.data()) {
    // Decode from the owned buffer without another copy.
    BodyKind kind = ClassifyContentType(content_type);
    if (kind == BodyKind::kSniff || IsBlank(body) ||
        body.size() > options.max_record_bytes) {
      return FromDocument(body, content_type, options, rec);
    }
    rec->format =
        kind == BodyKind::kHtml ? InputFormat::kHtml : InputFormat::kText;
    rec->content_type = std::string(content_type);
    rec->body = DecodeOwned(std::move(owned), CharsetParam(content_type),
                            kind == BodyKind::kHtml, &rec->charset);
    return true;
  }
  return FromDocument(body, content_type, options, rec);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool EqualsCaseless(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

}  // namespace synoptic::ingest::internal
