// WARC (ISO 28500, versions 1.0 and 1.1, also the 0.17/0.18 drafts) and the
// older Internet Archive ARC format.
//
// A WARC file is a sequence of records: a version line, header fields, an
// empty line, Content-Length bytes of block, then CRLF CRLF. We parse each
// record out of a ByteStream window, so gzip-per-record files decode one
// record at a time. Damage is reported once per record; after a record whose
// length does not land on a record boundary we resynchronise by scanning for
// the next "WARC/" at a line start, so one bad Content-Length costs one
// record, not the rest of the file.
#include <algorithm>
#include <charconv>
#include <vector>

#include "synoptic/ingest/internal/containers.h"

namespace synoptic::ingest::internal {
namespace {

constexpr size_t kMaxHeaderBytes = size_t{1} << 20;


bool ParseLength(std::string_view s, uint64_t* out) {
  s = Trim(s);
  if (s.empty() || s.size() > 19) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

std::string Quote(std::string_view s) {
  std::string out = "'";
  for (char c : s.substr(0, 60)) {
    out += (static_cast<unsigned char>(c) < 0x20 || c == '\x7f') ? '?' : c;
  }
  if (s.size() > 60) out += "...";
  out += "'";
  return out;
}

std::string NumberSuffix(uint64_t n) { return "#" + std::to_string(n); }

// Finds the end of a header block starting at the window's front. Sets
// *end (block length) and *sep (length of the blank-line separator).
enum class HeaderScan { kFound, kEnded, kTooLong };
HeaderScan FindHeaderEnd(ByteStream* in, size_t* end, size_t* sep) {
  size_t from = 0;
  for (;;) {
    const std::string_view w = in->Window();
    for (size_t i = w.find('\n', from); i != std::string_view::npos;
         i = w.find('\n', i + 1)) {
      if (i + 1 < w.size() && w[i + 1] == '\n') {
        *end = i + 1;
        *sep = 1;
        return HeaderScan::kFound;
      }
      if (i + 2 < w.size() && w[i + 1] == '\r' && w[i + 2] == '\n') {
        *end = i + 1;
        *sep = 2;
        return HeaderScan::kFound;
      }
      if (i + 2 >= w.size()) break;  // need more bytes to decide
    }
    if (w.size() > kMaxHeaderBytes) return HeaderScan::kTooLong;
    from = w.size() >= 2 ? w.size() - 2 : 0;
    if (!in->Grow()) {
      // Last chance: the window is complete now.
      const std::string_view all = in->Window();
      const size_t lf = all.find("\n\n", from > 0 ? from - 1 : 0);
      const size_t crlf = all.find("\n\r\n", from > 0 ? from - 1 : 0);
      if (lf == std::string_view::npos && crlf == std::string_view::npos) {
        return HeaderScan::kEnded;
      }
      if (crlf != std::string_view::npos &&
          (lf == std::string_view::npos || crlf < lf)) {
        *end = crlf + 1;
        *sep = 2;
      } else {
        *end = lf + 1;
        *sep = 1;
      }
      return HeaderScan::kFound;
    }
  }
}

// Drops bytes up to the next "WARC/" at a line start after window offset
// `from`; false (with the window emptied) if there is none.
bool Resync(ByteStream* in, size_t from) {
  for (;;) {
    const std::string_view w = in->Window();
    const size_t start = from > 0 ? from - 1 : 0;
    const size_t p =
        start < w.size() ? w.find("\nWARC/", start) : std::string_view::npos;
    if (p != std::string_view::npos) {
      in->Consume(p + 1);
      return true;
    }
    // Keep a short tail in case the marker straddles the window end.
    const size_t keep = std::min<size_t>(w.size(), 5);
    const size_t drop = std::max(w.size() - keep, std::min(from, w.size()));
    in->Consume(drop);
    from = 0;
    if (!in->Grow()) {
      in->Consume(in->Window().size());
      return false;
    }
  }
}

struct WarcHeader {
  std::string_view version;
  std::string_view type;
  std::string_view uri;
  std::string_view date;
  std::string_view content_type;
  std::string_view length_text;
  bool has_length = false;
  bool truncated = false;
  std::string_view truncated_reason;
  bool segmented = false;  // one part of a record split across records
};

WarcHeader ParseWarcHeader(std::string_view head) {
  WarcHeader h;
  const size_t eol = head.find('\n');
  h.version = Trim(head.substr(0, eol));
  ForEachHeaderField(
      head, eol == std::string_view::npos ? head.size() : eol + 1,
      [&h](std::string_view name, std::string_view value) {
        if (EqualsCaseless(name, "WARC-Type")) {
          h.type = value;
        } else if (EqualsCaseless(name, "WARC-Target-URI")) {
          h.uri = value;
        } else if (EqualsCaseless(name, "WARC-Date")) {
          h.date = value;
        } else if (EqualsCaseless(name, "Content-Type")) {
          h.content_type = value;
        } else if (EqualsCaseless(name, "Content-Length")) {
          h.length_text = value;
          h.has_length = true;
        } else if (EqualsCaseless(name, "WARC-Segment-Number")) {
          h.segmented = true;
        } else if (EqualsCaseless(name, "WARC-Truncated")) {
          h.truncated = true;
          h.truncated_reason = value;
        }
      });
  if (h.uri.size() >= 2 && h.uri.front() == '<' && h.uri.back() == '>') {
    h.uri = h.uri.substr(1, h.uri.size() - 2);
  }
  return h;
}

bool KnownWarcVersion(std::string_view v) {
  return v == "WARC/1.0" || v == "WARC/1.1" || v == "WARC/0.17" ||
         v == "WARC/0.18";
}

// Skips the CR/LF run that ends a record at window offset `at`; returns its
// length, or npos if what follows is neither the end of input nor a record.
// The standard says exactly CRLF CRLF; writers that add a stray newline to
// the block (a few do) are tolerated up to kMaxRecordEnd bytes.
constexpr size_t kMaxRecordEnd = 8;
size_t RecordEnd(ByteStream* in, size_t at) {
  in->Ensure(at + kMaxRecordEnd + 5);
  const std::string_view w = in->Window();
  size_t n = 0;
  while (at + n < w.size() && n < kMaxRecordEnd &&
         (w[at + n] == '\r' || w[at + n] == '\n')) {
    ++n;
  }
  const std::string_view rest = w.substr(std::min(at + n, w.size()));
  if (rest.empty() || rest.substr(0, 5) == "WARC/") return n;
  // A proper separator followed by junk: this record is fine, the junk is
  // reported when it fails to parse as the next record.
  const std::string_view run = w.substr(at, n);
  if (run.substr(0, 4) == "\r\n\r\n" || run.substr(0, 2) == "\n\n") return n;
  return std::string_view::npos;
}

void EmitRecord(const Context& ctx, const WarcHeader& h, std::string_view block,
                uint64_t n) {
  InputRecord rec;
  rec.source = std::string(ctx.source) + NumberSuffix(n);
  rec.container = InputFormat::kWarc;
  rec.url = std::string(h.uri);
  rec.crawled = std::string(h.date);
  const bool is_response = EqualsCaseless(h.type, "response");
  const bool is_http = block.substr(0, 5) == "HTTP/";
  Result<bool> r = false;
  if (is_response &&
      (is_http || ClassifyContentType(h.content_type) == BodyKind::kSkip)) {
    r = FromHttpResponse(block, *ctx.options, &rec);
  } else {
    r = FromDocument(block, h.content_type, *ctx.options, &rec);
  }
  if (!r.ok()) {
    ctx.Error(NumberSuffix(n), r.status());
    return;
  }
  if (*r) ctx.sink->OnRecord(std::move(rec));
}

bool Wanted(const WarcHeader& h) {
  if (!EqualsCaseless(h.type, "response") &&
      !EqualsCaseless(h.type, "resource")) {
    return false;
  }
  // DNS lookups and crawler bookkeeping (wget stores its log and manifest
  // as metadata: resources) are not documents.
  return h.uri.substr(0, 4) != "dns:" && h.uri.substr(0, 9) != "metadata:";
}

// Consumes CR and LF bytes up to the next record (or the end).
void SkipBlankLines(ByteStream* in) {
  while (in->Ensure(1)) {
    const std::string_view w = in->Window();
    const size_t skip = w.find_first_not_of("\r\n");
    if (skip == std::string_view::npos) {
      in->Consume(w.size());
      continue;
    }
    in->Consume(skip);
    return;
  }
}

}  // namespace

void ReadWarc(ByteStream* in, const Context& ctx) {
  const ReaderOptions& opt = *ctx.options;
  uint64_t n = 0;
  bool stream_error_reported = false;
  for (;;) {
    SkipBlankLines(in);  // blank lines between records are tolerated
    if (in->AtEnd()) break;
    ++n;
    const std::string suffix = NumberSuffix(n);
    size_t head_len = 0;
    size_t sep = 0;
    const HeaderScan scan = FindHeaderEnd(in, &head_len, &sep);
    if (scan == HeaderScan::kTooLong) {
      ctx.Error(suffix, Corrupt("WARC header is longer than " +
                                std::to_string(kMaxHeaderBytes) + " bytes"));
      if (!Resync(in, 1)) break;
      continue;
    }
    if (scan == HeaderScan::kEnded) {
      if (!in->status().ok()) {
        ctx.Error(suffix, in->status());
        stream_error_reported = true;
      } else {
        ctx.Error(suffix,
                  Truncated("truncated WARC record: the header does not end"));
      }
      in->Consume(in->Window().size());
      break;
    }
    // Views into the window: valid until the stream grows (Ensure/Grow/Skip).
    const WarcHeader h = ParseWarcHeader(in->Window().substr(0, head_len));
    if (h.version.substr(0, 5) != "WARC/") {
      ctx.Error(suffix, Corrupt("expected a WARC/1.x version line, found " +
                                Quote(h.version)));
      if (!Resync(in, 1)) break;
      continue;
    }
    if (!KnownWarcVersion(h.version)) {
      ctx.Error(suffix,
                NotSupported("WARC version " + Quote(h.version.substr(5)) +
                             " is not supported"));
      if (!Resync(in, 1)) break;
      continue;
    }
    uint64_t length = 0;
    if (!h.has_length) {
      ctx.Error(suffix, Corrupt("WARC record has no Content-Length"));
      if (!Resync(in, head_len)) break;
      continue;
    }
    if (!ParseLength(h.length_text, &length)) {
      ctx.Error(suffix,
                Corrupt("bad WARC Content-Length " + Quote(h.length_text)));
      if (!Resync(in, head_len)) break;
      continue;
    }
    const size_t body_at = head_len + sep;
    const bool wanted = Wanted(h);
    if (length > opt.max_record_bytes) {
      // Stream past it without buffering.
      if (wanted) {
        ctx.Error(suffix,
                  ResourceExhausted("WARC record is " + std::to_string(length) +
                                    " bytes, over the record limit of " +
                                    std::to_string(opt.max_record_bytes)));
      }
      in->Consume(body_at);
      const uint64_t skipped = in->Skip(length);
      if (skipped < length) {
        if (!in->status().ok()) {
          ctx.Error(suffix, in->status());
          stream_error_reported = true;
        } else if (!wanted) {
          ctx.Error(suffix,
                    Truncated("truncated WARC record: Content-Length says " +
                              std::to_string(length) + ", " +
                              std::to_string(skipped) + " bytes left"));
        }
        break;
      }
      const size_t end = RecordEnd(in, 0);
      if (end == std::string_view::npos) {
        ctx.Error(suffix,
                  Corrupt("malformed WARC record: no record boundary after "
                          "Content-Length " +
                          std::to_string(length)));
        if (!Resync(in, 0)) break;
        continue;
      }
      in->Consume(end);
      continue;
    }
    const size_t total = body_at + static_cast<size_t>(length);
    if (!in->Ensure(total)) {
      const size_t left =
          in->Window().size() - std::min(in->Window().size(), body_at);
      if (!in->status().ok()) {
        // The compressed stream broke inside this record.
        const Status& s = in->status();
        ctx.Error(suffix,
                  Status(s.code(), s.message() + " (WARC record cut after " +
                                       std::to_string(left) + " of " +
                                       std::to_string(length) + " bytes)"));
        stream_error_reported = true;
        in->Consume(in->Window().size());
        break;
      }
      ctx.Error(suffix,
                Truncated("truncated WARC record: Content-Length says " +
                          std::to_string(length) + ", " + std::to_string(left) +
                          " bytes left"));
      if (!Resync(in, std::min(body_at, in->Window().size()))) break;
      continue;
    }
    const size_t end = RecordEnd(in, total);
    // Growing the window may have moved it: `h` is re-read from the bytes
    // now in place (its views would dangle otherwise).
    const WarcHeader hr = ParseWarcHeader(in->Window().substr(0, head_len));
    if (end == std::string_view::npos) {
      ctx.Error(suffix, Corrupt("malformed WARC record: Content-Length " +
                                std::to_string(length) +
                                " does not end at a record boundary"));
      if (!Resync(in, body_at)) break;
      continue;
    }
    if (wanted) {
      if (hr.truncated) {
        ctx.Error(
            suffix,
            Truncated("WARC record was truncated by the crawler "
                      "(WARC-Truncated: " +
                      std::string(hr.truncated_reason.substr(0, 40)) + ")"));
      } else if (hr.segmented) {
        // Only the first segment is a response/resource; alone it is a
        // prefix, and reassembly is not implemented.
        ctx.Error(suffix,
                  NotSupported("segmented WARC records (WARC-Segment-Number) "
                               "are not supported"));
      } else {
        EmitRecord(ctx, hr,
                   in->Window().substr(body_at, static_cast<size_t>(length)),
                   n);
      }
    }
    in->Consume(total + end);
  }
  if (!stream_error_reported && !in->status().ok()) ctx.Error("", in->status());
}

// ARC (Internet Archive, versions 1 and 2): a header line per record
// ("URL IP date type length" in v1; ten fields in v2, length last), then
// `length` bytes, then a newline. The first record ("filedesc://") holds
// the file's version. URLs may contain spaces, so fields are taken from the
// right.
void ReadArc(ByteStream* in, const Context& ctx) {
  uint64_t n = 0;
  int version = 1;
  bool resyncing = false;
  bool stream_error_reported = false;
  for (;;) {
    SkipBlankLines(in);
    if (in->AtEnd()) break;
    size_t eol = in->Window().find('\n');
    while (eol == std::string_view::npos &&
           in->Window().size() <= kMaxHeaderBytes) {
      const size_t scanned = in->Window().size();
      if (!in->Grow()) break;
      eol = in->Window().find('\n', scanned);
    }
    const std::string_view w = in->Window();
    const size_t line_len = eol == std::string_view::npos ? w.size() : eol;
    if (line_len > kMaxHeaderBytes) {
      ctx.Error(NumberSuffix(n + 1), Corrupt("ARC header line is too long"));
      break;
    }
    const std::string_view line = Trim(w.substr(0, line_len));
    std::vector<std::string_view> tokens;
    for (size_t p = 0; p < line.size();) {
      const size_t q = std::min(line.find(' ', p), line.size());
      if (q > p) tokens.push_back(line.substr(p, q - p));
      p = q + 1;
    }
    uint64_t length = 0;
    const size_t fields = version == 2 && tokens.size() >= 10 ? 10 : 5;
    const bool looks_like_url = line.find("://") != std::string_view::npos ||
                                line.substr(0, 4) == "dns:";
    const bool header_ok = looks_like_url && tokens.size() >= fields &&
                           ParseLength(tokens.back(), &length);
    const size_t body_at = line_len + (eol == std::string_view::npos ? 0 : 1);
    if (!header_ok) {
      if (!resyncing) {
        ++n;
        std::string why = tokens.size() < 5 ? "too few fields"
                                            : "length " + Quote(tokens.back()) +
                                                  " is not a number";
        ctx.Error(NumberSuffix(n),
                  Corrupt("bad ARC record header (" + why + ")"));
        resyncing = true;
      }
      in->Consume(body_at);
      continue;
    }
    resyncing = false;
    ++n;
    const std::string suffix = NumberSuffix(n);
    std::string url;
    for (size_t i = 0; i + (fields - 1) < tokens.size(); ++i) {
      if (!url.empty()) url += ' ';
      url += tokens[i];
    }
    // Copies: the window may move when the record body is loaded.
    const std::string date(tokens[tokens.size() - fields + 2]);
    const std::string mime(tokens[tokens.size() - fields + 3]);
    if (length > ctx.options->max_record_bytes) {
      ctx.Error(suffix, ResourceExhausted(
                            "ARC record is " + std::to_string(length) +
                            " bytes, over the record limit of " +
                            std::to_string(ctx.options->max_record_bytes)));
      in->Consume(body_at);
      if (in->Skip(length) < length) break;
      continue;
    }
    const size_t total = body_at + static_cast<size_t>(length);
    if (!in->Ensure(total)) {
      const size_t left =
          in->Window().size() - std::min(in->Window().size(), body_at);
      Status s = in->status().ok()
                     ? Truncated("truncated ARC record: length says " +
                                 std::to_string(length) + ", " +
                                 std::to_string(left) + " bytes left")
                     : in->status();
      stream_error_reported = !in->status().ok();
      ctx.Error(suffix, s);
      in->Consume(in->Window().size());
      break;
    }
    const std::string_view block =
        in->Window().substr(body_at, static_cast<size_t>(length));
    if (n == 1) {
      if (!block.empty() && block[0] == '2') version = 2;
    } else if (url.rfind("dns:", 0) != 0 && url.rfind("filedesc:", 0) != 0) {
      InputRecord rec;
      rec.source = std::string(ctx.source) + suffix;
      rec.container = InputFormat::kWarc;
      rec.url = url;
      if (date.size() >= 14 &&
          std::all_of(date.begin(), date.begin() + 14,
                      [](char c) { return c >= '0' && c <= '9'; })) {
        rec.crawled = date.substr(0, 4) + "-" + date.substr(4, 2) + "-" +
                      date.substr(6, 2) + "T" + date.substr(8, 2) + ":" +
                      date.substr(10, 2) + ":" + date.substr(12, 2) + "Z";
      }
      Result<bool> r = block.substr(0, 5) == "HTTP/"
                           ? FromHttpResponse(block, *ctx.options, &rec)
                           : FromDocument(block, mime, *ctx.options, &rec);
      if (!r.ok()) {
        ctx.Error(suffix, r.status());
      } else if (*r) {
        ctx.sink->OnRecord(std::move(rec));
      }
    }
    in->Consume(total);
  }
  if (!stream_error_reported && !in->status().ok()) ctx.Error("", in->status());
}

}  // namespace synoptic::ingest::internal
