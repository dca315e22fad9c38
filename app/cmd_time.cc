// `synoptic time [FILE|-]`: tags date and time expressions. The input is
// either one plain-text document (the whole file) or, when its first
// non-blank character is '{', JSON lines {"id", "text", "dct", "language"}
// (each optional but "text"; "date" is accepted for "dct"). Each
// expression is printed as a TSV row (id, byte begin, byte end, type,
// value, mod, anchor, text) or, with --format jsonl, one JSON object per
// document {"id", "dct", "times": [...]}. Bad JSON lines are named on
// stderr with their line number and skipped; the rest goes on.
#include "cmd_time.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "input.h"
#include "synoptic/core/civil.h"
#include "synoptic/core/types.h"
#include "synoptic/core/utf8.h"
#include "synoptic/time/timex.h"

namespace synoptic::app {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitInputErrors = 1;
constexpr int kExitUsage = 2;
constexpr size_t kMaxDocumentBytes = size_t{64} << 20;
constexpr size_t kMaxReportedLines = 20;

using nlohmann::json;

void Print(const std::string& id, const std::string& text,
           const std::optional<civil::Date>& dct,
           const std::vector<Timex>& times, bool jsonl, bool with_id) {
  if (jsonl) {
    json out;
    out["id"] = id;
    out["dct"] = dct ? json(civil::FormatDate(*dct)) : json(nullptr);
    out["times"] = json::array();
    for (const Timex& t : times) {
      out["times"].push_back(
          {{"begin", t.span.begin},
           {"end", t.span.end},
           {"text", text.substr(t.span.begin, t.span.end - t.span.begin)},
           {"type", std::string(TimexTypeName(t.type))},
           {"value", t.value},
           {"mod", t.mod},
           {"anchor", std::string(TimexAnchorName(t.anchor))}});
    }
    const std::string s =
        out.dump(-1, ' ', false, json::error_handler_t::replace);
    std::printf("%s\n", s.c_str());
    return;
  }
  for (const Timex& t : times) {
    const std::string s = text.substr(t.span.begin, t.span.end - t.span.begin);
    std::printf("%s%s%u\t%u\t%s\t%s\t%s\t%s\t%s\n", with_id ? id.c_str() : "",
                with_id ? "\t" : "", t.span.begin, t.span.end,
                std::string(TimexTypeName(t.type)).c_str(), t.value.c_str(),
                t.mod.empty() ? "-" : t.mod.c_str(),
                std::string(TimexAnchorName(t.anchor)).c_str(), s.c_str());
  }
}

}  // namespace

TimeCommand::TimeCommand(CLI::App* app) {
  cmd_ = app->add_subcommand(
      "time",
      "tag date and time expressions (TIMEX3) of a plain text, or of JSON "
      "lines {id,text,dct,language}");
  cmd_->add_option("FILE", path_, "input file, or - for stdin (default)");
  cmd_->add_option("--dct", dct_,
                   "document creation time (YYYY-MM-DD) for documents that "
                   "give none; without it relative dates stay underspecified");
  cmd_->add_option("--lang", language_,
                   "language of documents that give none (ISO 639-1: en, fr, "
                   "de, es, ...; default en)");
  cmd_->add_option("--format,-f", format_, "tsv (default) or jsonl")
      ->check(CLI::IsMember({"tsv", "jsonl"}));
}

int TimeCommand::Run() const {
  std::optional<civil::Date> dct;
  if (!dct_.empty()) {
    dct = civil::ParseIsoDate(dct_);
    if (!dct) {
      std::cerr << "synoptic: --dct wants a date like 2024-06-19, got '" << dct_
                << "'\n";
      return kExitUsage;
    }
  }
  const std::string name = path_ == "-" ? "stdin" : path_;
  std::ifstream file;
  std::istream* in = OpenInput(path_, &file);
  if (in == nullptr) return kExitInputErrors;
  const bool jsonl_out = format_ == "jsonl";
  // The first non-blank character decides the input kind.
  int c = 0;
  while ((c = in->peek()) != EOF &&
         (c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
    in->get();
  }
  if (c != '{') {
    std::ostringstream all;
    all << in->rdbuf();
    std::string text = all.str();
    if (text.size() > kMaxDocumentBytes) {
      std::cerr << "synoptic: " << name << ": larger than 64 MiB\n";
      return kExitInputErrors;
    }
    if (!utf8::IsValid(text)) {
      std::cerr << "synoptic: " << name
                << ": not valid UTF-8 (bad bytes read as U+FFFD)\n";
      size_t replaced = 0;
      text = utf8::Sanitize(text, &replaced);
    }
    time::TimeOptions options;
    options.language = language_;
    Print(name, text, dct, time::TagText(text, dct, options), jsonl_out,
          false);
    return kExitOk;
  }
  size_t line_no = 0, bad = 0;
  std::string line;
  while (std::getline(*in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto reject = [&](const std::string& why) {
      if (bad < kMaxReportedLines) {
        std::cerr << "synoptic: " << name << ":" << line_no << ": " << why
                  << "\n";
      } else if (bad == kMaxReportedLines) {
        std::cerr << "synoptic: more bad lines; only counting them now\n";
      }
      ++bad;
    };
    const json rec = json::parse(line, nullptr, false);
    if (rec.is_discarded() || !rec.is_object() || !rec.contains("text") ||
        !rec["text"].is_string()) {
      reject("not a JSON object with a string \"text\"");
      continue;
    }
    std::string text = rec["text"].get<std::string>();
    std::string id = std::to_string(line_no);
    if (rec.contains("id")) {
      id = rec["id"].is_string() ? rec["id"].get<std::string>()
                                 : rec["id"].dump();
    }
    std::optional<civil::Date> date = dct;
    bool date_ok = true;
    for (const char* key : {"dct", "date"}) {
      if (!rec.contains(key) || rec[key].is_null()) continue;
      const auto d = rec[key].is_string()
                         ? civil::ParseIsoDate(rec[key].get<std::string>())
                         : std::nullopt;
      if (!d) {
        reject(std::string("bad \"") + key + "\" (want YYYY-MM-DD)");
        date_ok = false;
        break;
      }
      date = d;
    }
    if (!date_ok) continue;
    time::TimeOptions options;
    options.language = language_;
    if (rec.contains("language") && rec["language"].is_string()) {
      options.language = rec["language"].get<std::string>();
    }
    Print(id, text, date, time::TagText(text, date, options), jsonl_out, true);
  }
  if (bad > 0) {
    std::cerr << "synoptic: " << name << ": " << bad << " bad line"
              << (bad == 1 ? "" : "s") << " skipped\n";
  }
  return bad > 0 ? kExitInputErrors : kExitOk;
}

}  // namespace synoptic::app
