// Entry points of ingest: walking paths, undoing gzip/zstd, sniffing the
// format and handing the stream to the right parser. Format comes from the
// content, never from the file name, so "feed.txt" holding WARC is read as
// WARC. Single documents (HTML, text) are bounded by max_record_bytes before
// they are decoded; containers are parsed record by record.
#include "synoptic/ingest/reader.h"

#include <algorithm>
#include <limits>

#include "synoptic/ingest/internal/containers.h"
#include "synoptic/ingest/internal/decode.h"
#include "synoptic/ingest/internal/stream.h"

namespace synoptic::ingest {
namespace internal {

void Context::Error(std::string_view suffix, const Status& status) const {
  InputError e;
  e.source.reserve(source.size() + suffix.size());
  e.source.append(source);
  e.source.append(suffix);
  e.code = std::string(StatusCodeName(status.code()));
  e.message = status.message();
  sink->OnError(std::move(e));
}

bool IsBlank(std::string_view bytes) {
  return bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

bool LooksBinary(std::string_view bytes) {
  bytes = bytes.substr(0, 8192);
  size_t control = 0;
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    // Tab, LF, VT, FF, CR and ESC (ISO-2022 escapes) occur in text.
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' &&
        c != '\r' && c != 0x1b) {
      ++control;
    }
  }
  return control * 10 > bytes.size();
}

}  // namespace internal

namespace {

using internal::ByteStream;
using internal::Codec;
using internal::Context;

constexpr size_t kSniffBytes = size_t{64} << 10;
constexpr size_t kHtmlScanBytes = 4096;

std::string_view SkipBomAndSpace(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  const size_t p = s.find_first_not_of(" \t\r\n\f\v");
  return p == std::string_view::npos ? std::string_view() : s.substr(p);
}

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

// True if `tag` (lower case, starting with '<') occurs in s, followed by a
// delimiter so "<p" does not match "<pre".
bool HasTag(std::string_view s, std::string_view tag) {
  for (size_t i = s.find('<'); i != std::string_view::npos;
       i = s.find('<', i + 1)) {
    if (i + tag.size() > s.size()) return false;
    size_t j = 1;
    while (j < tag.size() && Lower(s[i + j]) == tag[j]) ++j;
    if (j < tag.size()) continue;
    if (i + j == s.size()) return true;
    const char next = s[i + j];
    if (next == '>' || next == ' ' || next == '/' || next == '\n' ||
        next == '\r' || next == '\t' || tag.back() == '-') {
      return true;
    }
  }
  return false;
}

bool LooksLikeHtml(std::string_view s) {
  s = s.substr(0, kHtmlScanBytes);
  static constexpr std::string_view kStrong[] = {"<!doctype", "<html", "<head",
                                                 "<body"};
  static constexpr std::string_view kWeak[] = {
      "<div",    "<p",   "<meta",   "<title", "<article", "<section",
      "<span",   "<a",   "<br",     "<h1",    "<h2",      "<h3",
      "<table",  "<ul",  "<script", "<link",  "<!--",     "<main",
      "<header", "<nav", "<img",    "<style", "<?xml"};
  for (const auto tag : kStrong) {
    if (HasTag(s, tag)) return true;
  }
  if (s.empty() || s.front() != '<') return false;
  for (const auto tag : kWeak) {
    if (HasTag(s, tag)) return true;
  }
  return false;
}

void ReadDocument(ByteStream* in, const Context& ctx,
                  std::string_view forced_charset) {
  const ReaderOptions& opt = *ctx.options;
  in->FillUpTo(opt.max_record_bytes);
  const std::string_view w = in->Window();
  if (w.size() > opt.max_record_bytes) {
    const std::string what =
        in->codec() == Codec::kNone
            ? "file is " + std::to_string(in->position() + w.size()) + " bytes"
            : "decompressed file is over " +
                  std::to_string(opt.max_record_bytes) + " bytes";
    ctx.Error("", ResourceExhausted(what + ", over the record limit of " +
                                    std::to_string(opt.max_record_bytes) +
                                    " for a single HTML or text document"));
    return;
  }
  if (!in->status().ok()) {
    ctx.Error("", in->status());  // a prefix is never delivered as the page
    return;
  }
  if (internal::IsBlank(w)) {
    ctx.Error("", Empty("empty file"));
    return;
  }
  const bool html = LooksLikeHtml(SkipBomAndSpace(w));
  InputRecord rec;
  rec.source = std::string(ctx.source);
  rec.container = html ? InputFormat::kHtml : InputFormat::kText;
  rec.format = rec.container;
  rec.content_type = html ? "text/html" : "text/plain";
  std::string bytes = in->TakeWindow();
  if (!forced_charset.empty()) {
    rec.body = internal::DecodeOwned(std::move(bytes), "utf-8", html, nullptr);
    rec.charset = std::string(forced_charset);
  } else {
    rec.body = internal::DecodeOwned(std::move(bytes), "", html, &rec.charset);
  }
  ctx.sink->OnRecord(std::move(rec));
}

void ReadStream(ByteStream* in, const Context& ctx,
                std::string_view forced_charset) {
  in->Ensure(kSniffBytes);
  std::string_view w = in->Window();
  if (w.empty()) {
    ctx.Error("", in->status().ok() ? Empty("empty file") : in->status());
    return;
  }
  size_t bom_len = 0;
  const std::string_view bom = internal::BomCharset(w, &bom_len);
  if (!bom.empty() && bom != "UTF-8") {
    // UTF-16/32: convert the whole input, then sniff the UTF-8.
    in->FillUpTo(ctx.options->max_record_bytes);
    w = in->Window();
    if (w.size() > ctx.options->max_record_bytes) {
      ctx.Error("",
                ResourceExhausted(
                    std::string(bom) + " file is over the record limit of " +
                    std::to_string(ctx.options->max_record_bytes) + " bytes"));
      return;
    }
    if (!in->status().ok()) {
      ctx.Error("", in->status());
      return;
    }
    std::string utf8;
    if (!internal::ConvertWithIcu(w.substr(bom_len), bom, &utf8, nullptr)) {
      ctx.Error("", Internal("cannot convert from " + std::string(bom)));
      return;
    }
    ByteStream inner(utf8, Codec::kNone, std::numeric_limits<uint64_t>::max());
    ReadStream(&inner, ctx, bom);
    return;
  }
  const std::string_view head = SkipBomAndSpace(w);
  if (head.empty()) {
    // Only whitespace so far: it may go on (a gzip window is partial).
    ReadDocument(in, ctx, forced_charset);
    return;
  }
  if (head.substr(0, 5) == "WARC/" && head.data() == w.data()) {
    internal::ReadWarc(in, ctx);
    return;
  }
  if (head.substr(0, 11) == "filedesc://" && head.data() == w.data()) {
    internal::ReadArc(in, ctx);
    return;
  }
  if (head.front() == '{') {
    // The first line decides; make sure it is all there.
    const size_t offset = static_cast<size_t>(head.data() - w.data());
    size_t from = 0;
    while (w.find('\n', offset + from) == std::string_view::npos &&
           w.size() <= ctx.options->max_record_bytes && in->Grow(w.size())) {
      from = w.size() - offset;
      w = in->Window();
    }
    if (internal::FirstLineIsJsonObject(SkipBomAndSpace(w))) {
      internal::ReadJsonLines(in, ctx);
      return;
    }
  }
  if (internal::LooksBinary(w)) {
    ctx.Error("",
              NotSupported("binary data, not HTML, text, WARC or JSON lines"));
    return;
  }
  ReadDocument(in, ctx, forced_charset);
}

}  // namespace

InputFormat DetectFormat(std::string_view bytes) {
  size_t bom_len = 0;
  const std::string_view bom = internal::BomCharset(bytes, &bom_len);
  if (!bom.empty() && bom != "UTF-8")
    return InputFormat::kUnknown;  // decode first
  const std::string_view head = SkipBomAndSpace(bytes);
  if (head.empty()) return InputFormat::kUnknown;
  if (head.substr(0, 5) == "WARC/" && head.size() >= 8 &&
      (head.substr(5, 2) == "1." || head.substr(5, 2) == "0.")) {
    return InputFormat::kWarc;
  }
  if (internal::LooksBinary(bytes)) return InputFormat::kUnknown;
  if (internal::FirstLineIsJsonObject(head)) return InputFormat::kJsonLines;
  if (LooksLikeHtml(head)) return InputFormat::kHtml;
  return InputFormat::kText;
}

Result<std::string> Gunzip(std::string_view bytes, uint64_t max_output) {
  return internal::Inflate(bytes, /*deflate=*/false, max_output);
}

Result<std::string> DecodeToUtf8(std::string_view bytes,
                                 std::string_view declared_charset,
                                 bool is_html, std::string* used) {
  return internal::DecodeOwned(std::string(bytes), declared_charset, is_html,
                               used);
}

void ReadBytes(std::string_view source, std::string_view bytes,
               const ReaderOptions& options, RecordSink* sink) {
  const Context ctx{source, &options, sink};
  if (bytes.size() > options.max_file_bytes) {
    ctx.Error("", ResourceExhausted("file is " + std::to_string(bytes.size()) +
                                    " bytes, over the limit of " +
                                    std::to_string(options.max_file_bytes)));
    return;
  }
  const Codec codec = internal::SniffCodec(bytes);
  ByteStream in(bytes, codec,
                codec == Codec::kNone ? std::numeric_limits<uint64_t>::max()
                                      : options.max_decompressed_bytes,
                options.decode_chunk_bytes);
  ReadStream(&in, ctx, "");
}

void ReadInputs(Env* env, const std::vector<std::string>& paths,
                const ReaderOptions& options, RecordSink* sink) {
  auto read_one = [&](const std::string& path, const std::string& source) {
    Result<std::string> data = env->ReadFile(path, options.max_file_bytes);
    if (!data.ok()) {
      const Status& s = data.status();
      std::string message = s.message();
      if (s.code() == StatusCode::kNotFound)
        message = "no such file or directory";
      sink->OnError(
          InputError{source, std::string(StatusCodeName(s.code())), message});
      return;
    }
    ReadBytes(source, *data, options, sink);
  };
  for (const std::string& path : paths) {
    if (path == "-") {
      read_one("/dev/stdin", "-");
      continue;
    }
    if (env->IsDirectory(path)) {
      Result<std::vector<std::string>> files = env->ListFilesRecursive(path);
      if (!files.ok()) {
        sink->OnError(
            InputError{path, std::string(StatusCodeName(files.status().code())),
                       files.status().message()});
        continue;
      }
      std::vector<std::string> sorted = std::move(files).value();
      std::sort(sorted.begin(), sorted.end());
      for (const std::string& f : sorted) read_one(f, f);
      continue;
    }
    if (!env->Exists(path)) {
      sink->OnError(InputError{path, "not_found", "no such file or directory"});
      continue;
    }
    read_one(path, path);
  }
}

}  // namespace synoptic::ingest
