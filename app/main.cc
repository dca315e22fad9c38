// The synoptic command line. Flags are parsed into plain structs (stage 1),
// then turned into runtime objects: models loaded, store opened, outputs
// checked (stage 2). The library never prints; this file does.
//
// Exit codes (design.md §7):
//   0  every input was read and analysed
//   1  some inputs could not be read (each named on stderr and in `errors`)
//   2  usage error (bad flag, bad value)
//   3  could not run at all (models missing, store unusable, output not
//      writable)
#include <CLI/CLI.hpp>

#include <cstdio>
#include <ctime>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cmd_code.h"
#include "cmd_serve.h"
#include "cmd_time.h"
#include "cmd_train.h"
#include "progress.h"
#include "synoptic/core/civil.h"
#include "synoptic/core/env.h"
#include "synoptic/extract/extract.h"
#include "synoptic/ingest/reader.h"
#include "synoptic/report/pipeline.h"
#include "synoptic/report/report.h"
#include "synoptic/store/store.h"
#include "synoptic/time/timex.h"

#ifndef SYN_VERSION
#define SYN_VERSION "0.0.0"
#endif
#ifndef SYN_DEFAULT_MODELS_DIR
#define SYN_DEFAULT_MODELS_DIR "models"
#endif

namespace synoptic::app {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitInputErrors = 1;
constexpr int kExitUsage = 2;
constexpr int kExitFatal = 3;

struct CommonFlags {
  int jobs = 0;
  std::string dct;
  std::string models;
  bool quiet = false;
};

struct AnalyzeFlags {
  std::vector<std::string> paths;
  std::string format;
  std::vector<std::string> outs;
};

void Fatal(const std::string& what) { std::cerr << "synoptic: " << what << "\n"; }

std::string NowIso(Env* env) {
  const std::time_t t = static_cast<std::time_t>(env->NowUnixSeconds());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Models: --models, else $SYNOPTIC_MODELS, else the source tree's models/.
std::string ModelsDir(const CommonFlags& f) {
  if (!f.models.empty()) return f.models;
  if (const char* e = std::getenv("SYNOPTIC_MODELS"); e && *e) return e;
  return SYN_DEFAULT_MODELS_DIR;
}

Result<std::optional<civil::Date>> ParseDct(const std::string& s) {
  if (s.empty()) return std::optional<civil::Date>();
  auto d = civil::ParseIsoDate(s);
  if (!d) return InvalidArgument("--dct wants a date like 2024-06-19, got '" + s + "'");
  return std::optional<civil::Date>(*d);
}

// Reads inputs, printing each unreadable one on stderr as it is met.
class CollectSink final : public ingest::RecordSink {
 public:
  void OnRecord(ingest::InputRecord&& r) override { records.push_back(std::move(r)); }
  void OnError(InputError&& e) override {
    std::cerr << "synoptic: " << e.source << ": " << e.message << "\n";
    errors.push_back(std::move(e));
  }
  std::vector<ingest::InputRecord> records;
  std::vector<InputError> errors;
};

void PrintAnalysisErrors(const std::vector<InputError>& errors, size_t from) {
  for (size_t i = from; i < errors.size(); ++i) {
    std::cerr << "synoptic: " << errors[i].source << ": " << errors[i].message << "\n";
  }
}

Result<std::unique_ptr<report::Analyzer>> MakeAnalyzer(Env* env, const CommonFlags& f,
                                                       report::PipelineOptions* po) {
  SYN_ASSIGN_OR_RETURN(po->dct, ParseDct(f.dct));
  po->models_dir = ModelsDir(f);
  po->jobs = f.jobs;
  return report::Analyzer::Create(env, *po);
}

struct Output {
  std::string path;  // empty = stdout
  report::Format format;
};

Result<std::vector<Output>> PlanOutputs(const std::string& format,
                                        const std::vector<std::string>& outs) {
  std::vector<Output> plan;
  std::optional<report::Format> forced;
  if (!format.empty()) {
    SYN_ASSIGN_OR_RETURN(report::Format f, report::ParseFormat(format));
    forced = f;
  }
  for (const auto& o : outs) {
    if (forced && outs.size() == 1) {
      plan.push_back({o, *forced});
      continue;
    }
    SYN_ASSIGN_OR_RETURN(report::Format f, report::FormatFromPath(o));
    plan.push_back({o, f});
  }
  if (plan.empty()) plan.push_back({"", forced.value_or(report::Format::kMarkdown)});
  return plan;
}

std::string Render(const report::Report& r, report::Format f) {
  switch (f) {
    case report::Format::kMarkdown: return report::RenderMarkdown(r);
    case report::Format::kHtml: return report::RenderHtml(r);
    case report::Format::kJson: return report::RenderJson(r);
    case report::Format::kJsonLines: {
      std::string out;
      for (const auto& d : r.docs) out += report::RenderDocumentLine(d) + "\n";
      return out;
    }
  }
  return "";
}

int WriteOutputs(Env* env, const report::Report& r, const std::vector<Output>& plan,
                 bool summary) {
  std::vector<std::string> written;
  for (const auto& o : plan) {
    if (o.format == report::Format::kJsonLines && o.path.empty()) continue;  // streamed
    const std::string text = Render(r, o.format);
    if (o.path.empty()) {
      std::fwrite(text.data(), 1, text.size(), stdout);
      std::fflush(stdout);
    } else {
      Status st = env->WriteFile(o.path, text);
      if (!st.ok()) {
        Fatal(st.message());
        return kExitFatal;
      }
      written.push_back(o.path);
    }
  }
  if (summary) {
    size_t events = 0;
    for (const auto& d : r.docs) events += d.events.size();
    std::cerr << "synoptic: " << r.docs.size() << " documents, " << r.errors.size()
              << " unreadable inputs -> " << r.stories.clusters.size()
              << " event clusters, " << r.stories.storylines.size() << " storylines, "
              << events << " events, " << r.stories.entities.size() << " actors, "
              << r.stories.disagreements.size() << " disagreements\n";
    for (const auto& w : written) std::cerr << "synoptic: wrote " << w << "\n";
  }
  return kExitOk;
}

int RunAnalyze(const AnalyzeFlags& a, const CommonFlags& c) {
  Env* env = DefaultEnv();
  auto plan = PlanOutputs(a.format, a.outs);
  if (!plan.ok()) {
    Fatal(plan.status().message());
    return kExitUsage;
  }
  report::PipelineOptions po;
  auto analyzer = MakeAnalyzer(env, c, &po);
  if (!analyzer.ok()) {
    Fatal(analyzer.status().message());
    return analyzer.status().code() == StatusCode::kInvalidArgument ? kExitUsage
                                                                      : kExitFatal;
  }
  CollectSink sink;
  ingest::ReadInputs(env, a.paths, po.reader, &sink);
  const bool stream = plan->size() == 1 && (*plan)[0].path.empty() &&
                      (*plan)[0].format == report::Format::kJsonLines;
  Progress progress("docs", !c.quiet && StderrIsTerminal());
  std::vector<InputError> errors = std::move(sink.errors);
  const size_t before = errors.size();
  auto docs = report::AnalyzeAll(
      **analyzer, std::move(sink.records), po.jobs, &errors,
      [&](std::string_view stage, size_t done, size_t total) {
        progress.Update(stage, done, total);
      },
      [&](size_t, const Result<DocAnalysis>& r) {
        if (stream && r.ok()) {
          const std::string line = report::RenderDocumentLine(r.value()) + "\n";
          std::fwrite(line.data(), 1, line.size(), stdout);
        }
      });
  progress.Finish();
  PrintAnalysisErrors(errors, before);
  report::Report r = report::BuildReport(std::move(docs), std::move(errors),
                                         NowIso(env), SYN_VERSION);
  const bool to_files = !(*plan)[0].path.empty();
  const int rc = WriteOutputs(env, r, *plan, to_files && !c.quiet);
  if (rc != kExitOk) return rc;
  return r.errors.empty() ? kExitOk : kExitInputErrors;
}

int RunIngest(const std::vector<std::string>& paths, const std::string& db,
              const CommonFlags& c) {
  Env* env = DefaultEnv();
  report::PipelineOptions po;
  auto analyzer = MakeAnalyzer(env, c, &po);
  if (!analyzer.ok()) {
    Fatal(analyzer.status().message());
    return kExitFatal;
  }
  auto store = store::Store::Open(db);
  if (!store.ok()) {
    Fatal(store.status().message());
    return kExitFatal;
  }
  CollectSink sink;
  ingest::ReadInputs(env, paths, po.reader, &sink);
  for (const auto& e : sink.errors) {
    if (Status st = (*store)->PutError(e); !st.ok()) {
      Fatal(st.message());
      return kExitFatal;
    }
  }
  size_t added = 0, present = 0, failed = sink.errors.size();
  Status store_error;
  std::vector<InputError> errors;
  Progress progress("docs", !c.quiet && StderrIsTerminal());
  // Each document is committed as soon as it (and those before it) is done.
  report::AnalyzeAll(
      **analyzer, std::move(sink.records), po.jobs, &errors,
      [&](std::string_view stage, size_t done, size_t total) {
        progress.Update(stage, done, total);
      },
      [&](size_t, const Result<DocAnalysis>& r) {
        if (!store_error.ok()) return;
        if (!r.ok()) return;
        auto put = (*store)->PutDocument(r.value());
        if (!put.ok()) {
          store_error = put.status();
          return;
        }
        (*put ? added : present)++;
      });
  progress.Finish();
  PrintAnalysisErrors(errors, 0);
  for (const auto& e : errors) (void)(*store)->PutError(e);
  failed += errors.size();
  if (!store_error.ok()) {
    Fatal(store_error.message());
    return kExitFatal;
  }
  if (!c.quiet) {
    std::cerr << "synoptic: " << db << ": " << added << " documents added, " << present
              << " already stored, " << failed << " inputs failed\n";
  }
  return failed == 0 ? kExitOk : kExitInputErrors;
}

int RunReport(const std::string& db, const std::string& format,
              const std::vector<std::string>& outs, const CommonFlags& c) {
  Env* env = DefaultEnv();
  auto plan = PlanOutputs(format, outs);
  if (!plan.ok()) {
    Fatal(plan.status().message());
    return kExitUsage;
  }
  if (!env->Exists(db)) {
    Fatal(db + ": no such store (create it with `synoptic ingest PATH --db " + db + "`)");
    return kExitFatal;
  }
  auto store = store::Store::Open(db);
  if (!store.ok()) {
    Fatal(store.status().message());
    return kExitFatal;
  }
  auto docs = (*store)->LoadDocuments();
  auto errors = (*store)->LoadErrors();
  if (!docs.ok() || !errors.ok()) {
    Fatal(!docs.ok() ? docs.status().message() : errors.status().message());
    return kExitFatal;
  }
  report::Report r = report::BuildReport(std::move(docs).value(), std::move(errors).value(),
                                         NowIso(env), SYN_VERSION);
  return WriteOutputs(env, r, *plan, !(*plan)[0].path.empty() && !c.quiet);
}

int RunSearch(const std::string& query, const std::string& db, size_t limit) {
  if (!DefaultEnv()->Exists(db)) {
    Fatal(db + ": no such store");
    return kExitFatal;
  }
  auto store = store::Store::Open(db);
  if (!store.ok()) {
    Fatal(store.status().message());
    return kExitFatal;
  }
  auto hits = (*store)->Search(query, limit);
  if (!hits.ok()) {
    Fatal(hits.status().message());
    return hits.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFatal;
  }
  size_t i = 1;
  for (const auto& h : *hits) {
    std::printf("%zu. %s  [%s]  (%s, score %.2f)\n   %s\n", i++,
                h.title.empty() ? "(untitled)" : h.title.c_str(), h.doc_id.c_str(),
                h.source.c_str(), -h.rank, h.snippet.c_str());
  }
  if (hits->empty()) std::fprintf(stderr, "synoptic: no matches for '%s'\n", query.c_str());
  return kExitOk;
}

int RunExtract(const std::vector<std::string>& paths, const std::string& format,
               const CommonFlags& c) {
  Env* env = DefaultEnv();
  if (format != "jsonl" && format != "txt" && format != "md") {
    Fatal("unknown extract format '" + format + "' (use jsonl, txt or md)");
    return kExitUsage;
  }
  auto dct = ParseDct(c.dct);
  if (!dct.ok()) {
    Fatal(dct.status().message());
    return kExitUsage;
  }
  CollectSink sink;
  ingest::ReadInputs(env, paths, ingest::ReaderOptions{}, &sink);
  size_t failed = sink.errors.size();
  for (const auto& rec : sink.records) {
    auto doc = extract::ExtractDocument(rec, extract::ExtractOptions{});
    if (!doc.ok()) {
      std::cerr << "synoptic: " << rec.source << ": " << doc.status().message() << "\n";
      ++failed;
      continue;
    }
    if (doc->published.empty() && *dct) {
      doc->published = civil::FormatDate(**dct);
      doc->published_from = DateSource::kOption;
    }
    if (format == "jsonl") {
      std::printf("%s\n", report::RenderDocumentJson(*doc).c_str());
    } else {
      const char* h = format == "md" ? "# " : "";
      std::printf("%s%s\n\n", h, doc->title.c_str());
      std::printf("%s%s | %s | %s (%s)\n\n", format == "md" ? "_" : "",
                  doc->source.c_str(), doc->site.c_str(), doc->published.c_str(),
                  std::string(DateSourceName(doc->published_from)).c_str());
      std::printf("%s\n\n", doc->text.c_str());
    }
  }
  return failed == 0 ? kExitOk : kExitInputErrors;
}

void AddCommon(CLI::App* cmd, CommonFlags* c, bool analysis) {
  if (analysis) {
    cmd->add_option("--jobs,-j", c->jobs, "worker threads (default: all cores)")
        ->check(CLI::Range(0, 1024));
    cmd->add_option("--models", c->models,
                    "folder of model files (default: $SYNOPTIC_MODELS or the "
                    "source tree's models/)");
  }
  cmd->add_option("--dct", c->dct,
                  "publication date (YYYY-MM-DD) for inputs that state none");
  cmd->add_flag("--quiet,-q", c->quiet, "no progress or summary on stderr");
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{
      "synoptic: turns a pile of news articles into one structured, cited "
      "picture of the story they tell.\n\nExit codes: 0 all inputs fine, 1 some "
      "inputs failed (each named on stderr), 2 usage error, 3 could not run."};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("synoptic ") + SYN_VERSION);

  CommonFlags common;
  AnalyzeFlags af;
  auto* analyze = app.add_subcommand(
      "analyze", "analyse articles (files, folders, - for stdin; HTML, text, WARC, "
                 "JSON lines, gzip) into a report");
  analyze->add_option("PATH", af.paths, "inputs")->required();
  analyze->add_option("--format,-f", af.format, "md, html, json or jsonl (default: "
                                                "from --out's extension, else md)");
  analyze->add_option("--out,-o", af.outs,
                      "output file; repeat for several formats (by extension)");
  AddCommon(analyze, &common, true);

  std::vector<std::string> ingest_paths;
  std::string db;
  auto* ingest_cmd = app.add_subcommand(
      "ingest", "analyse articles and add them to a store (idempotent)");
  ingest_cmd->add_option("PATH", ingest_paths, "inputs")->required();
  ingest_cmd->add_option("--db", db, "store file (SQLite)")->required();
  AddCommon(ingest_cmd, &common, true);

  std::string report_format;
  std::vector<std::string> report_outs;
  auto* report_cmd = app.add_subcommand("report", "report on everything in a store");
  report_cmd->add_option("--db", db, "store file (SQLite)")->required();
  report_cmd->add_option("--format,-f", report_format, "md, html, json or jsonl");
  report_cmd->add_option("--out,-o", report_outs, "output file(s)");
  report_cmd->add_flag("--quiet,-q", common.quiet, "no summary on stderr");

  std::string query;
  size_t limit = 10;
  auto* search = app.add_subcommand("search", "full-text search of a store, ranked");
  search->add_option("QUERY", query, "words to find")->required();
  search->add_option("--db", db, "store file (SQLite)")->required();
  search->add_option("--limit,-n", limit, "most hits to show")->check(CLI::Range(1, 10000));

  std::vector<std::string> extract_paths;
  std::string extract_format = "jsonl";
  auto* extract_cmd = app.add_subcommand(
      "extract", "main text and metadata of each page, one record per page");
  extract_cmd->add_option("PATH", extract_paths, "inputs")->required();
  extract_cmd->add_option("--format,-f", extract_format, "jsonl, txt or md");
  AddCommon(extract_cmd, &common, false);

  TimeCommand time_cmd(&app);

  const std::function<int()> run_train = AddTrainCommand(&app);
  CodeCommand code_cmd(&app);
  ServeFlags serve_flags;
  auto* serve_cmd = AddServeCommand(app, &serve_flags);

  auto* version = app.add_subcommand("version", "print the version");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }

  if (*version) {
    std::printf("synoptic %s\n", SYN_VERSION);
    return kExitOk;
  }
  if (*analyze) return RunAnalyze(af, common);
  if (*ingest_cmd) return RunIngest(ingest_paths, db, common);
  if (*report_cmd) return RunReport(db, report_format, report_outs, common);
  if (*search) return RunSearch(query, db, limit);
  if (*extract_cmd) return RunExtract(extract_paths, extract_format, common);
  if (time_cmd.Chosen()) return time_cmd.Run();
  if (const int rc = run_train(); rc >= 0) return rc;
  if (code_cmd.Chosen()) return code_cmd.Run();
  if (*serve_cmd) return RunServe(serve_flags, SYN_VERSION, SYN_DEFAULT_MODELS_DIR);
  return kExitUsage;
}

}  // namespace synoptic::app

int main(int argc, char** argv) { return synoptic::app::Main(argc, argv); }
