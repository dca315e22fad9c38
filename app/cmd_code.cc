// `synoptic code [FILE|-]`: reads sentences one per line, either plain text or
// JSON objects {"id": ..., "text": ..., "date": ...}, codes each with the
// events stage (events::SentenceCoder) and prints its events and quotes, as
// text or one JSON object per input line. Input lines are processed as they
// are read, so memory stays flat on large files; speed is measured over the
// coding calls alone and printed on stderr at the end.
#include "cmd_code.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "input.h"
#include "synoptic/core/civil.h"
#include "synoptic/core/env.h"
#include "synoptic/core/utf8.h"
#include "synoptic/events/petrarch_import.h"
#include "synoptic/events/plover.h"
#include "synoptic/events/sentence_coder.h"

namespace synoptic::app {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitInputErrors = 1;
constexpr int kExitUsage = 2;
constexpr int kExitFatal = 3;
constexpr size_t kMaxLineBytes = 1u << 20;
constexpr size_t kMaxReportedLines = 20;

using nlohmann::json;

// "2024-06-19" or PETRARCH's "20240619".
std::optional<civil::Date> ParseDate(std::string_view s) {
  if (s.size() == 8 && s.find('-') == std::string_view::npos) {
    std::string iso = std::string(s.substr(0, 4)) + "-" +
                      std::string(s.substr(4, 2)) + "-" +
                      std::string(s.substr(6, 2));
    return civil::ParseIsoDate(iso);
  }
  return civil::ParseIsoDate(s);
}

std::string Slice(const std::string& text, ByteSpan s) {
  if (s.end > text.size() || s.begin > s.end) return {};
  return text.substr(s.begin, s.end - s.begin);
}

struct ActorView {
  std::string name;
  std::string code;
};

ActorView Actor(const DocAnalysis& a, int32_t entity) {
  if (entity < 0 || static_cast<size_t>(entity) >= a.entities.size()) return {};
  const LocalEntity& e = a.entities[entity];
  return {e.name, e.code};
}

json EventJson(const DocAnalysis& a, const Event& e,
               const events::SentenceCoder& coder) {
  ActorView src = Actor(a, e.source), tgt = Actor(a, e.target);
  json j;
  j["source"] = src.name;
  j["source_code"] = src.code;
  j["target"] = tgt.name;
  j["target_code"] = tgt.code;
  j["code"] = e.code;
  j["root"] = e.root_code;
  j["quad"] = e.quad_class;
  j["goldstein"] = e.goldstein;
  j["plover"] = std::string(coder.Plover(e.code));
  j["type"] = e.type;
  j["modality"] = std::string(ModalityName(e.modality));
  j["attribution"] = e.attributed_to;
  j["trigger"] = Slice(a.doc.text, e.trigger);
  if (!e.date.empty()) j["date"] = e.date;
  if (e.location >= 0) j["location"] = Actor(a, e.location).name;
  return j;
}

json QuoteJson(const DocAnalysis& a, const Quote& q) {
  json j;
  j["text"] = Slice(a.doc.text, q.span);
  j["speaker"] = q.speaker >= 0 ? Actor(a, q.speaker).name : q.speaker_text;
  j["cue"] = q.cue;
  j["direct"] = q.direct;
  return j;
}

std::string Or(const std::string& s, const char* fallback) {
  return s.empty() ? fallback : s;
}

// "RUS(Vladimir Putin)", "---(Ruritanian)", "---" when there is no actor.
std::string Who(const ActorView& a) {
  std::string s = Or(a.code, "---");
  if (!a.name.empty()) s += "(" + a.name + ")";
  return s;
}

// Each entity mention: its text, type and the entity it resolved to.
json MentionJson(const DocAnalysis& a, const Mention& m) {
  json j;
  j["text"] = Slice(a.doc.text, m.span);
  j["type"] = std::string(EntityTypeName(m.type));
  ActorView e = Actor(a, m.entity);
  j["entity"] = e.name;
  j["code"] = e.code;
  return j;
}

void PrintText(const std::string& id, const DocAnalysis& a,
               const events::SentenceCoder& coder, bool mentions) {
  std::printf("%s\t%s\n", id.c_str(), a.doc.text.c_str());
  for (const Mention& m : a.mentions) {
    if (!mentions) break;
    std::printf("  mention\t%s\t%s\t%s\n", Slice(a.doc.text, m.span).c_str(),
                std::string(EntityTypeName(m.type)).c_str(),
                Who(Actor(a, m.entity)).c_str());
  }
  for (const Event& e : a.events) {
    ActorView src = Actor(a, e.source), tgt = Actor(a, e.target);
    std::string plover(coder.Plover(e.code));
    std::printf(
        "  event\t%s\t%s\t%s\t%s\tq%u\t%+.1f\t%s\t%s\t%s\t\"%s\"\n",
        Who(src).c_str(), Who(tgt).c_str(), Or(e.code, "---").c_str(),
        Or(e.root_code, "--").c_str(), static_cast<unsigned>(e.quad_class),
        e.goldstein, Or(plover, "-").c_str(),
        std::string(ModalityName(e.modality)).c_str(),
        Or(e.attributed_to, "-").c_str(), Slice(a.doc.text, e.trigger).c_str());
  }
  for (const Quote& q : a.quotes) {
    std::string speaker =
        q.speaker >= 0 ? Actor(a, q.speaker).name : q.speaker_text;
    std::printf("  quote\t%s\t%s\t%s\t\"%s\"\n", Or(speaker, "?").c_str(),
                Or(q.cue, "-").c_str(), q.direct ? "direct" : "indirect",
                Slice(a.doc.text, q.span).c_str());
  }
}

int MakePloverMap(const std::string& table_path) {
  auto table = DefaultEnv()->ReadFile(table_path, uint64_t{1} << 20);
  if (!table.ok()) {
    std::cerr << "synoptic: " << table_path << ": " << table.status().message()
              << "\n";
    return kExitInputErrors;
  }
  std::string name = table_path.substr(table_path.find_last_of('/') + 1);
  auto tsv = events::ConvertCameoPlover(*table, "the PLOVER project's " + name);
  if (!tsv.ok()) {
    std::cerr << "synoptic: " << tsv.status().message() << "\n";
    return kExitInputErrors;
  }
  std::fwrite(tsv->data(), 1, tsv->size(), stdout);
  return kExitOk;
}

int ImportVerbs(const std::string& path, bool bare_verbs) {
  auto dict = DefaultEnv()->ReadFile(path, uint64_t{16} << 20);
  if (!dict.ok()) {
    std::cerr << "synoptic: " << path << ": " << dict.status().message()
              << "\n";
    return kExitInputErrors;
  }
  std::string name = path.substr(path.find_last_of('/') + 1);
  events::PetrarchImportStats stats;
  auto tsv = events::ImportPetrarchVerbs(
      *dict, "the PETRARCH verb dictionary " + name, true, &stats, bare_verbs);
  if (!tsv.ok()) {
    std::cerr << "synoptic: " << tsv.status().message() << "\n";
    return kExitInputErrors;
  }
  std::fwrite(tsv->data(), 1, tsv->size(), stdout);
  std::fprintf(stderr,
               "code: %zu verbs, %zu synsets, %zu patterns, %zu skipped\n",
               stats.verbs, stats.synsets, stats.patterns, stats.skipped);
  return kExitOk;
}

}  // namespace

CodeCommand::CodeCommand(CLI::App* app) {
  cmd_ = app->add_subcommand(
      "code",
      "code sentences (one per line, plain or JSON {id,text,date}) into events "
      "and quotes");
  cmd_->add_option("FILE", path_, "input file, or - for stdin (default)");
  cmd_->add_option("--dct", dct_, "date (YYYY-MM-DD) for lines that give none");
  cmd_->add_option("--format,-f", format_, "text (default) or jsonl")
      ->check(CLI::IsMember({"text", "jsonl"}));
  cmd_->add_option("--models", models_,
                   "folder of model files (default: $SYNOPTIC_MODELS or the "
                   "source tree's models/)");
  cmd_->add_option("--make-plover-map", plover_table_,
                   "print our events_plover.tsv built from a CAMEO2PLOVER "
                   "table, then exit");
  cmd_->add_option("--import-verbs", import_verbs_,
                   "print our events_verbs rows built from a TABARI/PETRARCH "
                   "verb dictionary (e.g. CAMEO.2.0.txt), then exit");
  cmd_->add_flag("--bare-verbs", bare_verbs_,
                 "with --import-verbs: also write verb-alone rows (each verb "
                 "with its block's code)");
  cmd_->add_flag("--mentions", mentions_,
                 "also print each entity mention: text, type and the entity "
                 "it resolved to");
  cmd_->add_flag("--verbose,-v", verbose_, "speed per 1000 lines on stderr");
  cmd_->add_flag("--quiet,-q", quiet_, "no summary on stderr");
  cmd_->add_option("--parse", parse_,
                   "on or off: find a verb's source and target over the "
                   "dependency parse, the rules filling what it leaves "
                   "(default: the events stage's default)")
      ->check(CLI::IsMember({"on", "off"}));
}

int CodeCommand::Run() const {
  if (!plover_table_.empty()) return MakePloverMap(plover_table_);
  if (!import_verbs_.empty()) return ImportVerbs(import_verbs_, bare_verbs_);
  std::optional<civil::Date> dct;
  if (!dct_.empty()) {
    dct = ParseDate(dct_);
    if (!dct) {
      std::cerr << "synoptic: --dct wants a date like 2024-06-19, got '" << dct_
                << "'\n";
      return kExitUsage;
    }
  }
  events::SentenceCoderOptions options;
  if (!models_.empty()) {
    options.models_dir = models_;
  } else if (const char* e = std::getenv("SYNOPTIC_MODELS"); e && *e) {
    options.models_dir = e;
  } else {
    options.models_dir = SYN_DEFAULT_MODELS_DIR;
  }
  if (!parse_.empty()) options.use_parse = parse_ == "on";
  auto coder = events::SentenceCoder::Create(DefaultEnv(), options);
  if (!coder.ok()) {
    std::cerr << "synoptic: " << coder.status().message() << "\n";
    return kExitFatal;
  }
  std::ifstream file;
  std::istream* in = OpenInput(path_, &file);
  if (in == nullptr) return kExitInputErrors;
  const bool jsonl = format_ == "jsonl";
  size_t line_no = 0, coded = 0, bad = 0, events = 0, quotes = 0;
  double seconds = 0;
  std::string line;
  while (std::getline(*in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::string id = std::to_string(line_no);
    std::string text;
    std::optional<civil::Date> date = dct;
    // Bad lines are named one by one up to a cap, then only counted.
    auto reject = [&](const std::string& why) {
      if (bad < kMaxReportedLines) {
        std::cerr << "synoptic: " << (path_ == "-" ? "stdin" : path_) << ":"
                  << line_no << ": " << why << "\n";
      } else if (bad == kMaxReportedLines) {
        std::cerr << "synoptic: more bad lines; only counting them now\n";
      }
      ++bad;
    };
    if (line.size() > kMaxLineBytes) {
      reject("line longer than 1 MiB");
      continue;
    }
    if (!utf8::IsValid(line)) {
      reject("not UTF-8");
      continue;
    }
    if (line[line.find_first_not_of(" \t")] == '{') {
      json rec = json::parse(line, nullptr, false);
      if (rec.is_discarded() || !rec.is_object() || !rec.contains("text") ||
          !rec["text"].is_string()) {
        reject("JSON line without a string \"text\"");
        continue;
      }
      text = rec["text"].get<std::string>();
      if (rec.contains("id")) {
        id = rec["id"].is_string() ? rec["id"].get<std::string>()
                                   : rec["id"].dump();
      }
      if (rec.contains("date") && rec["date"].is_string()) {
        auto d = ParseDate(rec["date"].get<std::string>());
        if (!d) {
          reject("bad \"date\" (want YYYY-MM-DD)");
          continue;
        }
        date = d;
      }
    } else {
      text = line;
    }
    const auto t0 = std::chrono::steady_clock::now();
    DocAnalysis a = (*coder)->Code(text, date);
    seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
            .count();
    ++coded;
    events += a.events.size();
    quotes += a.quotes.size();
    if (jsonl) {
      json out;
      out["id"] = id;
      out["text"] = a.doc.text;
      if (date) out["date"] = civil::FormatDate(*date);
      out["events"] = json::array();
      for (const Event& e : a.events)
        out["events"].push_back(EventJson(a, e, **coder));
      out["quotes"] = json::array();
      for (const Quote& q : a.quotes) out["quotes"].push_back(QuoteJson(a, q));
      if (mentions_) {
        out["mentions"] = json::array();
        for (const Mention& m : a.mentions)
          out["mentions"].push_back(MentionJson(a, m));
      }
      std::string s = out.dump(-1, ' ', false, json::error_handler_t::replace);
      std::fwrite(s.data(), 1, s.size(), stdout);
      std::fputc('\n', stdout);
    } else {
      PrintText(id, a, **coder, mentions_);
    }
    if (verbose_ && coded % 1000 == 0) {
      std::fprintf(stderr, "code: %zu sentences, %.0f sentences/s\n", coded,
                   seconds > 0 ? coded / seconds : 0.0);
    }
  }
  std::fflush(stdout);
  if (!quiet_) {
    std::fprintf(stderr,
                 "code: %zu sentences, %zu events, %zu quotes, %zu bad lines; "
                 "%.3f s coding, %.0f sentences/s (1 thread)\n",
                 coded, events, quotes, bad, seconds,
                 seconds > 0 ? coded / seconds : 0.0);
  }
  return bad == 0 ? kExitOk : kExitInputErrors;
}

}  // namespace synoptic::app
