// JSON lines: one JSON object per line, as scrapers and feed exporters
// write them. Each line stands alone: a bad line costs that line only.
// nlohmann::json is confined to this file; its exceptions stop here.
#include <algorithm>
#include <initializer_list>
#include <nlohmann/json.hpp>

#include "synoptic/core/utf8.h"
#include "synoptic/ingest/internal/containers.h"
#include "synoptic/ingest/internal/decode.h"

namespace synoptic::ingest::internal {
namespace {

using nlohmann::json;

// The first string-valued field among `names`, moved out of the object.
bool TakeString(json& obj, std::initializer_list<const char*> names,
                std::string* out) {
  for (const char* name : names) {
    auto it = obj.find(name);
    if (it != obj.end() && it->is_string()) {
      *out = std::move(it->get_ref<std::string&>());
      return true;
    }
  }
  return false;
}

std::string ShortJsonError(std::string_view what) {
  // "[json.exception.parse_error.101] parse error at line 1, ..." -> reason.
  if (!what.empty() && what.front() == '[') {
    const size_t close = what.find("] ");
    if (close != std::string_view::npos) what.remove_prefix(close + 2);
  }
  std::string out(what.substr(0, 200));
  if (!utf8::IsValid(out)) out = utf8::Sanitize(out, nullptr);
  return out;
}

Status ParseLine(std::string_view line, InputRecord* rec) {
  std::string cleaned;
  if (!utf8::IsValid(line)) {
    cleaned = utf8::Sanitize(line, nullptr);
    line = cleaned;
  }
  json obj;
  try {
    obj = json::parse(line);
  } catch (const json::exception& e) {
    return Corrupt("invalid JSON: " + ShortJsonError(e.what()));
  }
  if (!obj.is_object()) return Corrupt("line is not a JSON object");
  std::string body;
  if (TakeString(obj, {"html"}, &body)) {
    rec->format = InputFormat::kHtml;
  } else if (TakeString(obj, {"text"}, &body)) {
    rec->format = InputFormat::kText;
  } else if (TakeString(obj, {"body", "content"}, &body)) {
    // Generic fields may hold either; look at what is there.
    rec->format = DetectFormat(body) == InputFormat::kHtml ? InputFormat::kHtml
                                                           : InputFormat::kText;
  } else {
    return Empty("no html or text field");
  }
  if (IsBlank(body)) return Empty("the html/text field is empty");
  TakeString(obj, {"url", "link"}, &rec->url);
  TakeString(obj, {"title", "headline"}, &rec->title);
  TakeString(
      obj,
      {"published", "date", "published_at", "publish_date", "datePublished"},
      &rec->published);
  TakeString(obj, {"site", "site_name", "publisher", "outlet"}, &rec->site);
  for (const char* name : {"authors", "author"}) {
    auto it = obj.find(name);
    if (it == obj.end()) continue;
    if (it->is_string()) {
      if (!it->get_ref<const std::string&>().empty()) {
        rec->authors.push_back(std::move(it->get_ref<std::string&>()));
      }
    } else if (it->is_array()) {
      for (auto& a : *it) {
        if (a.is_string() && !a.get_ref<const std::string&>().empty()) {
          rec->authors.push_back(std::move(a.get_ref<std::string&>()));
        }
      }
    }
    if (!rec->authors.empty()) break;
  }
  rec->content_type =
      rec->format == InputFormat::kHtml ? "text/html" : "text/plain";
  rec->charset = "UTF-8";
  rec->body = std::move(body);
  return Status::Ok();
}

}  // namespace

bool FirstLineIsJsonObject(std::string_view s) {
  if (s.empty() || s.front() != '{') return false;
  const std::string_view line = s.substr(0, s.find('\n'));
  // A stray legacy byte in a string must not turn the file into plain text;
  // the line reader repairs it the same way.
  if (!utf8::IsValid(line)) return json::accept(utf8::Sanitize(line, nullptr));
  return json::accept(line);
}

void ReadJsonLines(ByteStream* in, const Context& ctx) {
  const uint64_t cap = ctx.options->max_record_bytes;
  uint64_t line_no = 0;
  if (in->Ensure(3) && in->Window().substr(0, 3) == "\xEF\xBB\xBF")
    in->Consume(3);
  for (;;) {
    std::string_view w = in->Window();
    size_t nl = w.find('\n');
    while (nl == std::string_view::npos && w.size() <= cap &&
           in->Grow(w.size())) {
      const size_t from = w.size();
      w = in->Window();
      nl = w.find('\n', from);
    }
    if (w.empty()) break;
    ++line_no;
    const std::string suffix = ":" + std::to_string(line_no);
    const size_t line_len = nl == std::string_view::npos ? w.size() : nl;
    if (line_len > cap) {
      ctx.Error(suffix,
                ResourceExhausted("JSON line is over the record limit of " +
                                  std::to_string(cap) + " bytes"));
      // Drop the rest of the line without buffering it.
      for (;;) {
        const std::string_view rest = in->Window();
        const size_t p = rest.find('\n');
        if (p != std::string_view::npos) {
          in->Consume(p + 1);
          break;
        }
        in->Consume(rest.size());
        if (!in->Grow()) break;
      }
      continue;
    }
    if (nl == std::string_view::npos && !in->status().ok()) {
      break;  // a line cut by the decoder; the stream error is reported below
    }
    std::string_view line = w.substr(0, line_len);
    while (!line.empty() &&
           (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    if (!IsBlank(line)) {
      InputRecord rec;
      rec.source = std::string(ctx.source) + suffix;
      rec.container = InputFormat::kJsonLines;
      const Status s = ParseLine(line, &rec);
      if (s.ok()) {
        ctx.sink->OnRecord(std::move(rec));
      } else {
        ctx.Error(suffix, s);
      }
    }
    in->Consume(nl == std::string_view::npos ? w.size() : nl + 1);
  }
  if (!in->status().ok()) ctx.Error("", in->status());
}

}  // namespace synoptic::ingest::internal
