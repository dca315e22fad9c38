// Throughput of ExtractEvents (quotes + event coding) on a fixed synthetic
// corpus built by hand: sentences/s and bytes/s. The corpus repeats a short
// original news paragraph (tokens, POS, mentions, entities, one timex per
// sentence pair) so that results are deterministic; the first run's output
// is checked (expected event and quote counts) before timing counts.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "synoptic/core/env.h"
#include "synoptic/events/events.h"

namespace synoptic::events {
namespace {

// Space-separated tokens; [A_B]{e} is a mention of entity e; word/V a verb.
constexpr const char* kParagraph[] = {
    "[Jana_Novak]{0} met/V [Otto_Brandt]{1} in [Vienna]{2} on Tuesday .",
    "[Ruritania]{3} may attack/V [Freedonia]{4} soon , analysts say/V .",
    "[Canada]{5} imposed/V new sanctions on [Ruritania]{3} .",
    "\xE2\x80\x9C We will not accept this plan , \xE2\x80\x9D [Otto_Brandt]{1} "
    "said/V .",
    "The meeting between [Jana_Novak]{0} and [Otto_Brandt]{1} lasted/V two "
    "hours .",
    "[Otto_Brandt]{1} warned/V that [Ruritania]{3} could face/V further "
    "isolation .",
    "The weather in the capital stayed/V mild and markets were/V calm .",
    "[Freedonia]{4} was attacked/V by [Ruritania]{3} , according to "
    "[Reuters]{6} .",
};
// The events of one paragraph as "code source target" (entity numbers, -1
// for none), sorted: "met" and "the meeting between" code both directions,
// plus the attack (hedged), the sanctions, the warning and the passive
// attack. "could face further isolation" is no event: no dictionary row
// codes "face" with that object, and it names no target.
constexpr const char* kExpectedEvents[] = {
    "040 0 1", "040 0 1", "040 1 0", "040 1 0",
    "130 1 3", "163 5 3", "190 3 4", "190 3 4",
};
constexpr size_t kExpectedEventsPerParagraph = std::size(kExpectedEvents);
// The direct quote, "analysts say" and "according to Reuters".
constexpr size_t kExpectedQuotesPerParagraph = 3;

DocAnalysis BuildCorpus(int paragraphs) {
  DocAnalysis a;
  const char* names[][2] = {
      {"kb:novak", "Jana Novak"},    {"kb:brandt", "Otto Brandt"},
      {"kb:vienna", "Vienna"},       {"kb:ruritania", "Ruritania"},
      {"kb:freedonia", "Freedonia"}, {"kb:CAN", "Canada"},
      {"kb:reuters", "Reuters"}};
  const EntityType types[] = {EntityType::kPerson, EntityType::kPerson,
                              EntityType::kGpe,    EntityType::kGpe,
                              EntityType::kGpe,    EntityType::kGpe,
                              EntityType::kOrg};
  for (int e = 0; e < 7; ++e) {
    LocalEntity le;
    le.key = names[e][0];
    le.name = names[e][1];
    le.type = types[e];
    a.entities.push_back(le);
  }
  std::string& text = a.doc.text;
  for (int p = 0; p < paragraphs; ++p) {
    if (p > 0) text += "\n\n";
    uint32_t para_begin = static_cast<uint32_t>(text.size());
    for (const char* line : kParagraph) {
      Sentence s;
      s.first_token = static_cast<uint32_t>(a.tokens.size());
      s.paragraph = static_cast<uint32_t>(p);
      std::string_view l(line);
      if (!text.empty() && text.back() != '\n') text += ' ';
      s.span.begin = static_cast<uint32_t>(text.size());
      size_t i = 0;
      while (i < l.size()) {
        size_t e = l.find(' ', i);
        if (e == std::string_view::npos) e = l.size();
        std::string_view w = l.substr(i, e - i);
        i = e + 1;
        if (text.size() > s.span.begin) text += ' ';
        int entity = -1;
        Pos pos = Pos::kNoun;
        if (w.front() == '[') {
          size_t close = w.find(']');
          entity = w[close + 2] - '0';
          w = w.substr(1, close - 1);
        } else if (w.size() > 2 && w.substr(w.size() - 2) == "/V") {
          w.remove_suffix(2);
          pos = Pos::kVerb;
        } else if (w == "." || w == "," || w.front() == '\xE2') {
          pos = Pos::kPunct;
        } else if (w == "in" || w == "on" || w == "by" || w == "to" ||
                   w == "between") {
          pos = Pos::kAdp;
        } else if (w == "the" || w == "The") {
          pos = Pos::kDet;
        } else if (w == "was" || w == "were" || w == "may" || w == "could" ||
                   w == "will") {
          pos = Pos::kAux;
        }
        uint32_t mb = static_cast<uint32_t>(text.size());
        size_t start = 0;
        while (start <= w.size()) {
          size_t us = w.find('_', start);
          std::string_view part = w.substr(
              start, us == std::string_view::npos ? w.npos : us - start);
          if (start > 0) text += ' ';
          Token t;
          t.begin = static_cast<uint32_t>(text.size());
          text += part;
          t.end = static_cast<uint32_t>(text.size());
          t.pos = entity >= 0 ? Pos::kPropn : pos;
          a.tokens.push_back(t);
          if (us == std::string_view::npos) break;
          start = us + 1;
        }
        if (entity >= 0) {
          Mention m;
          m.span = {mb, static_cast<uint32_t>(text.size())};
          m.entity = entity;
          m.type = types[entity];
          m.sentence = static_cast<uint32_t>(a.sentences.size());
          a.mentions.push_back(m);
        }
      }
      s.span.end = static_cast<uint32_t>(text.size());
      s.end_token = static_cast<uint32_t>(a.tokens.size());
      a.sentences.push_back(s);
    }
    a.doc.paragraphs.push_back(
        {para_begin, static_cast<uint32_t>(text.size())});
  }
  return a;
}

// state.range(1): EventOptions::use_parse (0 rules only, 1 with the
// dependency parse, which then tags and parses the sentences where a verbal
// trigger matched and an actor is mentioned). state.range(2) == 0: without
// the learned quote-source ranker and cue detector.
void BM_ExtractEvents(benchmark::State& state) {
  EventOptions o;
  o.models_dir = std::string(SYN_SOURCE_DIR) + "/models";
  o.use_parse = state.range(1) != 0;
  if (state.range(2) == 0) {
    o.quote_sources.clear();
    o.quote_cues.clear();
  }
  auto lex = LoadEventLexicon(DefaultEnv(), o);
  if (!lex.ok()) {
    state.SkipWithError(lex.status().ToString().c_str());
    return;
  }
  const int paragraphs = static_cast<int>(state.range(0));
  const DocAnalysis input = BuildCorpus(paragraphs);
  {
    DocAnalysis check = input;
    ExtractEvents(**lex, &check);
    // The first paragraph's events, compared by code and actors.
    std::vector<std::string> got;
    for (const Event& e : check.events) {
      if (e.evidence.end > input.doc.paragraphs[0].end) break;
      got.push_back(e.code + " " + std::to_string(e.source) + " " +
                    std::to_string(e.target));
    }
    std::sort(got.begin(), got.end());
    const std::vector<std::string> want(std::begin(kExpectedEvents),
                                        std::end(kExpectedEvents));
    if (got != want ||
        check.events.size() != kExpectedEventsPerParagraph * paragraphs ||
        check.quotes.size() != kExpectedQuotesPerParagraph * paragraphs) {
      std::string listed;
      for (const std::string& g : got) listed += " [" + g + "]";
      state.SkipWithError(
          ("unexpected output: " + std::to_string(check.events.size()) +
           " events, " + std::to_string(check.quotes.size()) +
           " quotes; first paragraph:" + listed)
              .c_str());
      return;
    }
  }
  DocAnalysis work = input;
  for (auto _ : state) {
    ExtractEvents(**lex, &work);
    benchmark::DoNotOptimize(work.events.data());
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(input.sentences.size()));
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(input.doc.text.size()));
  state.SetLabel("items = sentences");
}
BENCHMARK(BM_ExtractEvents)
    ->ArgNames({"paragraphs", "parse", "ranker"})
    ->ArgsProduct({{1, 16, 128}, {0, 1}, {1}})
    ->Args({128, 0, 0});

}  // namespace
}  // namespace synoptic::events

BENCHMARK_MAIN();
