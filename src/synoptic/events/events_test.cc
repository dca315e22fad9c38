// Tests for the events stage. Inputs are built by hand from a small markup:
//   [Jana Novak]{0}    a mention of entity 0 ("{?GPE}": unresolved GPE;
//                      "{0p}": a pronoun of entity 0)
//   <Tuesday>{1}       the span of DocAnalysis::times[1]
//   met/V              the POS of the preceding word (V N A P D)
// The helper tokenises the plain text (whitespace, punctuation, quote marks,
// "'s", "n't"), tags words with a tiny function-word table, splits sentences
// at . ! ? and paragraphs at blank lines. No other stage is run.
#include "synoptic/events/events.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "synoptic/core/env.h"
#include "synoptic/events/internal/cue_model.h"
#include "synoptic/events/internal/doc_view.h"
#include "synoptic/events/internal/lexicon.h"
#include "synoptic/events/internal/quotes.h"
#include "synoptic/events/internal/source_ranker.h"
#include "synoptic/events/quotes_train.h"

namespace synoptic::events {
namespace {

struct Ent {
  const char* key;
  const char* name;
  EntityType type;
};

const std::vector<Ent> kEntities = {
    {"kb:novak_jana", "Jana Novak", EntityType::kPerson},               // 0
    {"kb:brandt_otto", "Otto Brandt", EntityType::kPerson},             // 1
    {"kb:vienna", "Vienna", EntityType::kGpe},                          // 2
    {"kb:BRA", "Brazil", EntityType::kGpe},                             // 3
    {"kb:ARG", "Argentina", EntityType::kGpe},                          // 4
    {"kb:buenos_aires", "Buenos Aires", EntityType::kGpe},              // 5
    {"kb:JPN", "Japan", EntityType::kGpe},                              // 6
    {"kb:CAN", "Canada", EntityType::kGpe},                             // 7
    {"name:GPE:ruritania", "Ruritania", EntityType::kGpe},              // 8
    {"name:GPE:freedonia", "Freedonia", EntityType::kGpe},              // 9
    {"kb:reuters", "Reuters", EntityType::kOrg},                        // 10
    {"name:ORG:freedonian army", "Freedonian army", EntityType::kOrg},  // 11
    {"name:NORP:ruritanian", "Ruritanian", EntityType::kNorp},          // 12
    {"name:PERSON:lena ortiz", "Lena Ortiz", EntityType::kPerson},      // 13
    {"name:LOC:zembla", "Zembla", EntityType::kLoc},                    // 14
};

bool StartsWithAny(std::string_view s,
                   std::initializer_list<std::string_view> l, size_t* len) {
  for (std::string_view p : l) {
    if (s.substr(0, p.size()) == p) {
      *len = p.size();
      return true;
    }
  }
  return false;
}

const std::initializer_list<std::string_view> kMarks = {"\"",
                                                        "\xE2\x80\x9C",
                                                        "\xE2\x80\x9D",
                                                        "\xE2\x80\x9E",
                                                        "\xC2\xAB",
                                                        "\xC2\xBB",
                                                        "\xE2\x80\x98",
                                                        "\xE2\x80\x99",
                                                        "(",
                                                        ")",
                                                        ",",
                                                        ".",
                                                        ":",
                                                        ";",
                                                        "!",
                                                        "?"};

Pos DefaultPos(std::string_view w) {
  static const std::map<std::string, Pos> kTable = {
      {"the", Pos::kDet},    {"a", Pos::kDet},     {"an", Pos::kDet},
      {"this", Pos::kDet},   {"of", Pos::kAdp},    {"in", Pos::kAdp},
      {"on", Pos::kAdp},     {"at", Pos::kAdp},    {"to", Pos::kAdp},
      {"with", Pos::kAdp},   {"by", Pos::kAdp},    {"between", Pos::kAdp},
      {"and", Pos::kCconj},  {"but", Pos::kCconj}, {"if", Pos::kSconj},
      {"that", Pos::kSconj}, {"he", Pos::kPron},   {"she", Pos::kPron},
      {"we", Pos::kPron},    {"it", Pos::kPron},   {"not", Pos::kPart},
      {"n't", Pos::kPart},   {"will", Pos::kAux},  {"may", Pos::kAux},
      {"could", Pos::kAux},  {"was", Pos::kAux},   {"is", Pos::kAux},
      {"had", Pos::kAux},    {"has", Pos::kAux},   {"did", Pos::kAux},
      {"were", Pos::kAux},   {"would", Pos::kAux}, {"never", Pos::kAdv},
      {"'s", Pos::kPart},    {"new", Pos::kAdj},   {"military", Pos::kAdj},
  };
  std::string l(w);
  for (char& c : l)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = kTable.find(l);
  if (it != kTable.end()) return it->second;
  if (!w.empty() && std::isupper(static_cast<unsigned char>(w[0])))
    return Pos::kPropn;
  return Pos::kNoun;
}

struct Built {
  DocAnalysis a;
};

// Parses the markup into a DocAnalysis. times: values for <...>{i}.
DocAnalysis Build(std::string_view markup,
                  std::vector<std::string> time_values = {},
                  bool untagged = false) {
  DocAnalysis a;
  for (const Ent& e : kEntities) {
    LocalEntity le;
    le.key = e.key;
    le.name = e.name;
    le.type = e.type;
    a.entities.push_back(le);
  }
  a.times.resize(time_values.size());
  for (size_t i = 0; i < time_values.size(); ++i)
    a.times[i].value = time_values[i];
  std::string& text = a.doc.text;
  std::map<uint32_t, Pos> pos_at_end;
  size_t i = 0;
  while (i < markup.size()) {
    char c = markup[i];
    if (c == '[' || c == '<') {
      char close = c == '[' ? ']' : '>';
      size_t e = markup.find(close, i);
      size_t b1 = markup.find('{', e);
      size_t b2 = markup.find('}', b1);
      std::string inner(markup.substr(i + 1, e - i - 1));
      std::string spec(markup.substr(b1 + 1, b2 - b1 - 1));
      ByteSpan span{static_cast<uint32_t>(text.size()),
                    static_cast<uint32_t>(text.size() + inner.size())};
      text += inner;
      if (c == '<') {
        a.times[std::stoi(spec)].span = span;
      } else {
        Mention m;
        m.span = span;
        if (spec[0] == '?') {
          m.entity = -1;
          m.type = spec == "?GPE" ? EntityType::kGpe : EntityType::kPerson;
        } else {
          m.entity = std::stoi(spec);
          m.type = a.entities[m.entity].type;
          if (spec.back() == 'p') m.kind = MentionKind::kPronoun;
        }
        a.mentions.push_back(m);
      }
      i = b2 + 1;
      continue;
    }
    if (c == '/' && i + 1 < markup.size() &&
        std::isupper(static_cast<unsigned char>(markup[i + 1])) &&
        (i + 2 >= markup.size() ||
         !std::isalpha(static_cast<unsigned char>(markup[i + 2])))) {
      static const std::map<char, Pos> kMap = {{'V', Pos::kVerb},
                                               {'N', Pos::kNoun},
                                               {'A', Pos::kAdj},
                                               {'P', Pos::kAdp},
                                               {'D', Pos::kDet}};
      pos_at_end[static_cast<uint32_t>(text.size())] = kMap.at(markup[i + 1]);
      i += 2;
      continue;
    }
    text.push_back(c);
    ++i;
  }
  // Paragraphs.
  size_t start = 0;
  while (start <= text.size()) {
    size_t p = text.find("\n\n", start);
    size_t end = p == std::string::npos ? text.size() : p;
    a.doc.paragraphs.push_back(
        {static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
    if (p == std::string::npos) break;
    start = p + 2;
  }
  // Tokens.
  auto add = [&](size_t b, size_t e) {
    Token t;
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    std::string_view w(text.data() + b, e - b);
    size_t len;
    bool mark = StartsWithAny(w, kMarks, &len) && len == w.size();
    if (mark) {
      t.pos = Pos::kPunct;
      t.flags |= kTokPunct;
    } else if (auto it = pos_at_end.find(t.end); it != pos_at_end.end()) {
      t.pos = it->second;
    } else {
      t.pos = DefaultPos(w);
    }
    if (untagged) t.pos = Pos::kX;
    a.tokens.push_back(t);
  };
  size_t k = 0;
  while (k < text.size()) {
    if (text[k] == ' ' || text[k] == '\n') {
      ++k;
      continue;
    }
    size_t e = k;
    while (e < text.size() && text[e] != ' ' && text[e] != '\n') ++e;
    size_t b = k;
    size_t len;
    std::vector<std::pair<size_t, size_t>> tail;
    while (b < e && StartsWithAny(std::string_view(text).substr(b, e - b),
                                  kMarks, &len)) {
      add(b, b + len);
      b += len;
    }
    while (e > b) {
      std::string_view w(text.data() + b, e - b);
      bool peeled = false;
      for (std::string_view m : kMarks) {
        if (w.size() > m.size() && w.substr(w.size() - m.size()) == m) {
          tail.push_back({e - m.size(), e});
          e -= m.size();
          peeled = true;
          break;
        }
      }
      if (peeled) continue;
      for (std::string_view suf : {"'s", "\xE2\x80\x99s", "n't"}) {
        if (w.size() > suf.size() && w.substr(w.size() - suf.size()) == suf) {
          tail.push_back({e - suf.size(), e});
          e -= suf.size();
          peeled = true;
          break;
        }
      }
      if (!peeled) break;
    }
    if (e > b) add(b, e);
    for (auto it = tail.rbegin(); it != tail.rend(); ++it)
      add(it->first, it->second);
    k = std::max(k + 1, std::max(e, tail.empty() ? e : tail.front().second));
  }
  // Sentences: end at . ! ? (plus a closing quote right after) or a paragraph
  // end.
  uint32_t first = 0;
  for (uint32_t t = 0; t < a.tokens.size(); ++t) {
    std::string_view w(text.data() + a.tokens[t].begin,
                       a.tokens[t].end - a.tokens[t].begin);
    bool end = w == "." || w == "!" || w == "?";
    uint32_t last = t;
    if (end && t + 1 < a.tokens.size()) {
      std::string_view n(text.data() + a.tokens[t + 1].begin,
                         a.tokens[t + 1].end - a.tokens[t + 1].begin);
      if ((n == "\"" || n == "\xE2\x80\x9D" || n == "\xC2\xBB" ||
           n == "\xE2\x80\x99" || n == "\xE2\x80\x9C") &&
          a.tokens[t + 1].begin == a.tokens[t].end) {
        last = t + 1;
      }
    }
    bool para_end =
        t + 1 < a.tokens.size() &&
        text.substr(a.tokens[t].end, a.tokens[t + 1].begin - a.tokens[t].end)
                .find("\n\n") != std::string::npos;
    if (end || para_end || t + 1 == a.tokens.size()) {
      Sentence s;
      s.first_token = first;
      s.end_token = last + 1;
      s.span = {a.tokens[first].begin, a.tokens[last].end};
      a.sentences.push_back(s);
      first = last + 1;
      t = last;
    }
  }
  for (Mention& m : a.mentions) {
    for (uint32_t s = 0; s < a.sentences.size(); ++s) {
      if (a.sentences[s].span.begin <= m.span.begin &&
          m.span.begin < a.sentences[s].span.end) {
        m.sentence = s;
      }
    }
  }
  return a;
}

// The shipped lexicon with the quote rules alone: the tests below check the
// rules (the source ranker's candidate generator and fallback); the
// QuoteSources tests check the ranker and the QuoteCues tests the cue
// detector.
std::shared_ptr<const EventLexicon> Lexicon() {
  static std::shared_ptr<const EventLexicon> lex = [] {
    EventOptions o;
    o.models_dir = std::string(SYN_SOURCE_DIR) + "/models";
    o.quote_sources.clear();
    o.quote_cues.clear();
    auto r = LoadEventLexicon(DefaultEnv(), o);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : nullptr;
  }();
  return lex;
}

DocAnalysis Analyze(std::string_view markup,
                    std::vector<std::string> times = {},
                    bool untagged = false) {
  DocAnalysis a = Build(markup, std::move(times), untagged);
  ExtractEvents(*Lexicon(), &a);
  return a;
}

// The lexicon with an explicit EventOptions::use_parse.
std::shared_ptr<const EventLexicon> LexiconWithParse(bool use_parse) {
  static std::shared_ptr<const EventLexicon> lex[2];
  std::shared_ptr<const EventLexicon>& l = lex[use_parse ? 1 : 0];
  if (!l) {
    EventOptions o;
    o.models_dir = std::string(SYN_SOURCE_DIR) + "/models";
    o.use_parse = use_parse;
    auto r = LoadEventLexicon(DefaultEnv(), o);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (r.ok()) l = *r;
  }
  return l;
}

DocAnalysis AnalyzeWith(bool use_parse, std::string_view markup) {
  DocAnalysis a = Build(markup);
  ExtractEvents(*LexiconWithParse(use_parse), &a);
  return a;
}

std::string Str(const DocAnalysis& a, ByteSpan s) {
  return a.doc.text.substr(s.begin, s.end - s.begin);
}

const Event* FindType(const DocAnalysis& a, std::string_view type) {
  for (const Event& e : a.events) {
    if (e.type == type) return &e;
  }
  return nullptr;
}

std::string Dump(const DocAnalysis& a) {
  std::string out;
  for (const Event& e : a.events) {
    out += e.type + " " + e.code + " src=" + std::to_string(e.source) +
           " tgt=" + std::to_string(e.target) +
           " mod=" + std::string(ModalityName(e.modality)) +
           " attr=" + e.attributed_to + " trig=" + Str(a, e.trigger) + "\n";
  }
  for (const Quote& q : a.quotes) {
    out += std::string(q.direct ? "Q " : "IQ ") + "[" + Str(a, q.span) +
           "] spk=" + std::to_string(q.speaker) + " " + q.speaker_text +
           " cue=" + q.cue + "\n";
  }
  return out;
}

TEST(EventLexicon, LoadsShippedFilesAndRejectsBadHeader) {
  ASSERT_NE(Lexicon(), nullptr);
  MemEnv env;
  env.AddFile("m/events_verbs.tsv", "# synoptic events_verbs v9\n");
  env.AddFile("m/events_cues.tsv", "# synoptic events_cues v1\n");
  env.AddFile("m/events_forms.tsv", "# synoptic events_forms v1\n");
  EventOptions o;
  o.models_dir = "m";
  // With the parse on, its models are loaded first: absent here.
  auto r = LoadEventLexicon(&env, o);
  ASSERT_FALSE(r.ok());
  const StatusCode want =
      o.use_parse ? StatusCode::kNotFound : StatusCode::kNotSupported;
  EXPECT_EQ(r.status().code(), want);
  o.use_parse = false;
  r = LoadEventLexicon(&env, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotSupported);
  env.AddFile("m/events_verbs.tsv",
              "# synoptic events_verbs v1\nV\tmeet\tmeet\t04x\t1\t1.0\t-\n");
  r = LoadEventLexicon(&env, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
}

TEST(Events, CodesMeetingWithPlaceAndTime) {
  DocAnalysis a = Analyze(
      "Prime Minister [Jana Novak]{0} met/V Chancellor [Otto Brandt]{1} in "
      "[Vienna]{2} on <Tuesday>{0}.",
      {"2025-03-04"});
  const Event* e = FindType(a, "meet");
  ASSERT_NE(e, nullptr) << Dump(a);
  EXPECT_EQ(e->code, "040");
  EXPECT_EQ(e->root_code, "04");
  EXPECT_EQ(e->quad_class, 1);
  EXPECT_DOUBLE_EQ(e->goldstein, 1.0);
  EXPECT_EQ(e->source, 0);
  EXPECT_EQ(e->target, 1);
  EXPECT_EQ(e->location, 2);
  EXPECT_EQ(e->time, 0);
  EXPECT_EQ(e->date, "2025-03-04");
  EXPECT_EQ(e->modality, Modality::kAsserted);
  EXPECT_EQ(Str(a, e->trigger), "met");
}

// A day in a relative clause after the event is that clause's: "may meet
// in Vienna, where Novak arrived on Monday" does not date the meeting.
TEST(Events, DayInARelativeClauseDoesNotDateTheEvent) {
  DocAnalysis a = Analyze(
      "[Jana Novak]{0} may meet/V [Otto Brandt]{1} in [Vienna]{2}, where "
      "Novak arrived on <Monday>{0}.",
      {"2025-03-03"});
  const Event* e = FindType(a, "meet");
  ASSERT_NE(e, nullptr) << Dump(a);
  EXPECT_EQ(e->time, -1);
  EXPECT_EQ(e->date, "");
}

TEST(Events, WorksWithoutPosTags) {
  DocAnalysis a =
      Analyze("[Jana Novak]{0} met [Otto Brandt]{1} in [Vienna]{2}.", {}, true);
  const Event* e = FindType(a, "meet");
  ASSERT_NE(e, nullptr) << Dump(a);
  EXPECT_EQ(e->source, 0);
  EXPECT_EQ(e->target, 1);
}

TEST(Events, ReciprocalSubjectsAndMultiwordPattern) {
  DocAnalysis a = Analyze(
      "[Brazil]{3} and [Argentina]{4} signed/V a trade agreement in "
      "[Buenos Aires]{5}.");
  // A reciprocal verb codes both directions, the first subject's first.
  ASSERT_EQ(a.events.size(), 2u) << Dump(a);
  EXPECT_EQ(a.events[1].source, 4);
  EXPECT_EQ(a.events[1].target, 3);
  const Event& e = a.events[0];
  EXPECT_EQ(e.type, "sign_agreement");
  EXPECT_EQ(e.code, "057");
  EXPECT_DOUBLE_EQ(e.goldstein, 8.0);
  EXPECT_EQ(e.source, 3);
  EXPECT_EQ(e.target, 4);
  EXPECT_EQ(e.location, 5);
  EXPECT_EQ(Str(a, e.trigger), "signed a trade agreement");
}

TEST(Events, PlannedVisitBecomesIntentToMeet) {
  DocAnalysis a =
      Analyze("[Jana Novak]{0} will visit/V [Japan]{6} next month.");
  const Event* e = FindType(a, "visit");
  ASSERT_NE(e, nullptr) << Dump(a);
  EXPECT_EQ(e->modality, Modality::kPlanned);
  EXPECT_EQ(e->code, "036");
  EXPECT_EQ(e->source, 0);
  EXPECT_EQ(e->target, 6);
  DocAnalysis b = Analyze(
      "[Otto Brandt]{1} is set to meet/V [Jana Novak]{0} in [Vienna]{2}.");
  ASSERT_NE(FindType(b, "meet"), nullptr) << Dump(b);
  EXPECT_EQ(FindType(b, "meet")->modality, Modality::kPlanned);
  EXPECT_EQ(FindType(b, "meet")->target, 0);
}

TEST(Events, NegatedSanction) {
  DocAnalysis a = Analyze("[Canada]{7} did not sanction/V [Ruritania]{8}.");
  const Event* e = FindType(a, "sanction");
  ASSERT_NE(e, nullptr) << Dump(a);
  EXPECT_EQ(e->code, "163");
  EXPECT_EQ(e->quad_class,
            4);  // GDELT quad classes: roots 14-20 are material conflict
  EXPECT_EQ(e->modality, Modality::kNegated);
  EXPECT_EQ(e->source, 7);
  EXPECT_EQ(e->target, 8);
}

TEST(Events, SpeculatedWithUnnamedSource) {
  DocAnalysis a = Analyze(
      "[Ruritania]{8} may attack/V [Freedonia]{9} soon, analysts say/V.");
  const Event* e = FindType(a, "attack");
  ASSERT_NE(e, nullptr) << Dump(a);
  EXPECT_EQ(e->code, "190");
  EXPECT_EQ(e->quad_class, 4);
  EXPECT_EQ(e->modality, Modality::kSpeculated);
  EXPECT_EQ(e->attributed_to, "analysts");
}

TEST(Events, HypotheticalInvasion) {
  DocAnalysis a = Analyze(
      "If [Freedonia]{9} were to invade/V [Ruritania]{8}, the region "
      "would suffer.");
  const Event* e = FindType(a, "invade");
  ASSERT_NE(e, nullptr) << Dump(a);
  EXPECT_EQ(e->code, "192");
  EXPECT_EQ(e->modality, Modality::kHypothetical);
  EXPECT_EQ(e->source, 9);
  EXPECT_EQ(e->target, 8);
}

TEST(Events, ReportedWithCitingChain) {
  DocAnalysis a = Analyze(
      "[Reuters]{10}, citing officials, reported/V that [Ruritania]{8} "
      "had shelled/V [Freedonia]{9}.");
  const Event* e = FindType(a, "shelling");
  ASSERT_NE(e, nullptr) << Dump(a);
  EXPECT_EQ(e->code, "194");
  EXPECT_EQ(e->modality, Modality::kReported);
  EXPECT_EQ(e->attributed_to, "kb:reuters < officials");
  EXPECT_EQ(e->source, 8);
  EXPECT_EQ(e->target, 9);
}

TEST(Events, AccordingToEntityAndMissileStrike) {
  DocAnalysis a = Analyze(
      "[Ruritania]{8} fired/V missiles at [Freedonia]{9}, according to "
      "the [Freedonian army]{11}.");
  const Event* e = FindType(a, "missile_strike");
  ASSERT_NE(e, nullptr) << Dump(a);
  EXPECT_EQ(e->code, "194");
  EXPECT_EQ(e->target, 9);
  EXPECT_EQ(e->modality, Modality::kReported);
  EXPECT_EQ(e->attributed_to, "name:ORG:freedonian army");
}

TEST(Events, SaidMakesReported) {
  DocAnalysis a = Analyze(
      "[Otto Brandt]{1} said/V [Ruritania]{8} had arrested/V two "
      "journalists.");
  const Event* e = FindType(a, "arrest");
  ASSERT_NE(e, nullptr) << Dump(a);
  EXPECT_EQ(e->code, "173");
  EXPECT_EQ(e->source, 8);
  EXPECT_EQ(e->modality, Modality::kReported);
  EXPECT_EQ(e->attributed_to, "kb:brandt_otto");
}

TEST(Events, NominalEvents) {
  DocAnalysis a = Analyze(
      "The meeting between [Jana Novak]{0} and [Otto Brandt]{1} lasted/V "
      "two hours. [Jana Novak]{0}'s visit to [Japan]{6} was postponed/V. "
      "[Ruritanian]{12} strikes on [Freedonia]{9} continued/V.");
  const Event* m = FindType(a, "meet");
  ASSERT_NE(m, nullptr) << Dump(a);
  EXPECT_EQ(m->source, 0);
  EXPECT_EQ(m->target, 1);
  const Event* v = FindType(a, "visit");
  ASSERT_NE(v, nullptr) << Dump(a);
  EXPECT_EQ(v->source, 0);
  EXPECT_EQ(v->target, 6);
  EXPECT_EQ(v->code, "042");
  const Event* s = FindType(a, "attack");
  ASSERT_NE(s, nullptr) << Dump(a);
  EXPECT_EQ(s->source, 12);
  EXPECT_EQ(s->target, 9);
}

TEST(Events, PassiveAgentAndTime) {
  DocAnalysis a =
      Analyze("[Freedonia]{9} was attacked/V by [Ruritania]{8} on <Friday>{0}.",
              {"XXXX-WXX-5"});
  const Event* e = FindType(a, "attack");
  ASSERT_NE(e, nullptr) << Dump(a);
  EXPECT_EQ(e->source, 8);
  EXPECT_EQ(e->target, 9);
  EXPECT_EQ(e->time, 0);
  EXPECT_EQ(e->date, "");  // unresolved value is not a date
}

TEST(Events, VerbalConflictAndCooperationClasses) {
  DocAnalysis a = Analyze(
      "[Canada]{7} condemned/V [Ruritania]{8}. [Canada]{7} accused/V "
      "[Ruritania]{8} of war crimes. [Canada]{7} imposed/V new sanctions on "
      "[Ruritania]{8}. [Japan]{6} pledged/V military aid to [Freedonia]{9}. "
      "[Ruritania]{8} praised/V [Japan]{6}.");
  std::map<std::string, std::string> codes;
  for (const Event& e : a.events) codes[e.type] = e.code;
  EXPECT_EQ(codes["criticize"], "111") << Dump(a);
  EXPECT_EQ(codes["accuse"], "112");
  EXPECT_EQ(codes["sanction"], "163");
  EXPECT_EQ(codes["pledge_military_aid"], "0332");
  EXPECT_EQ(codes["praise"], "051");
  DocAnalysis b = Analyze(
      "[Canada]{7} welcomed/V the resumption of talks with [Japan]{6}.");
  EXPECT_EQ(FindType(b, "host"), nullptr) << Dump(b);  // no direct object
  ASSERT_NE(FindType(b, "endorse"), nullptr) << Dump(b);
  EXPECT_EQ(FindType(b, "endorse")->code, "051");
  const Event* s = FindType(a, "sanction");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->source, 7);
  EXPECT_EQ(s->target, 8);
  const Event* p = FindType(a, "pledge_military_aid");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->source, 6);
  EXPECT_EQ(p->target, 9);
}

TEST(Events, CoordinatedVerbPhraseKeepsFirstSubject) {
  DocAnalysis a = Analyze(
      "[Freedonia]{9} welcomed/V [Jana Novak]{0} and signed/V a defence pact.");
  const Event* h = FindType(a, "host");
  ASSERT_NE(h, nullptr) << Dump(a);
  EXPECT_EQ(h->code, "043");
  EXPECT_EQ(h->source, 9);
  EXPECT_EQ(h->target, 0);
  const Event* s = FindType(a, "sign_agreement");
  ASSERT_NE(s, nullptr) << Dump(a);
  EXPECT_EQ(s->source, 9);
}

// Issue 6, item 1: the verb's arguments over the dependency parse. In the
// first three sentences the positional rules alone take the wrong actor
// (use_parse off: Argentina and Japan attack; Otto Brandt praises; no
// source for the passive), the parse the right one.
TEST(EventsParse, SubjectAcrossARelativeClauseWithOtherActors) {
  constexpr const char* kText =
      "[Brazil]{3}, which had long complained about smugglers from "
      "[Argentina]{4} and [Japan]{6}, attacked/V [Canada]{7} on Monday.";
  const DocAnalysis a = AnalyzeWith(true, kText);
  const Event* e = FindType(a, "attack");
  ASSERT_NE(e, nullptr) << Dump(a);
  EXPECT_EQ(e->source, 3) << Dump(a);
  EXPECT_EQ(e->target, 7) << Dump(a);
  EXPECT_EQ(a.events.size(), 1u) << Dump(a);
}

TEST(EventsParse, RelativePronounStandsForTheNounItModifies) {
  constexpr const char* kText =
      "[Jana Novak]{0}, who met/V [Otto Brandt]{1} in [Vienna]{2} last "
      "week, praised/V [Brazil]{3}.";
  const DocAnalysis a = AnalyzeWith(true, kText);
  const Event* praise = nullptr;
  for (const Event& e : a.events) {
    if (e.code.starts_with("05")) praise = &e;
  }
  ASSERT_NE(praise, nullptr) << Dump(a);
  EXPECT_EQ(praise->source, 0) << Dump(a);
  EXPECT_EQ(praise->target, 3) << Dump(a);
  const Event* meet = FindType(a, "meet");
  ASSERT_NE(meet, nullptr) << Dump(a);
  EXPECT_TRUE((meet->source == 0 && meet->target == 1) ||
              (meet->source == 1 && meet->target == 0))
      << Dump(a);
}

TEST(EventsParse, PassiveAgentFarAfterTheVerb) {
  constexpr const char* kText =
      "[Canada]{7} was attacked/V on Monday, after weeks of warnings about "
      "the border, by [Brazil]{3}.";
  const DocAnalysis a = AnalyzeWith(true, kText);
  const Event* e = FindType(a, "attack");
  ASSERT_NE(e, nullptr) << Dump(a);
  EXPECT_EQ(e->source, 3) << Dump(a);
  EXPECT_EQ(e->target, 7) << Dump(a);
}

TEST(EventsParse, RulesFillWhatTheParseLeavesAndOptionOffIsRulesOnly) {
  // Parsed ("[Jana Novak] and signed" taken for a second clause's subject
  // by the parser): a conjunct's subject before its conjunction is not
  // its subject, so "signed" keeps the first verb's subject.
  const DocAnalysis a = AnalyzeWith(
      true,
      "[Brazil]{3} welcomed/V [Jana Novak]{0} and signed/V a defence pact.");
  const Event* s = FindType(a, "sign_agreement");
  ASSERT_NE(s, nullptr) << Dump(a);
  EXPECT_EQ(s->source, 3) << Dump(a);
  // One actor only: not parsed (CoderOptions::parse_min_actors), coded by
  // the rules as before, with or without the option.
  for (bool parse : {false, true}) {
    const DocAnalysis b =
        AnalyzeWith(parse, "[Canada]{7} was attacked/V by rebels.");
    const Event* e = FindType(b, "attack");
    ASSERT_NE(e, nullptr) << Dump(b);
    EXPECT_EQ(e->source, -1) << Dump(b);
    EXPECT_EQ(e->target, 7) << Dump(b);
  }
}

TEST(Events, SkipsTriggersWithoutActorsAndUnresolvedMentions) {
  DocAnalysis a =
      Analyze("The talks were useful. [Ruritania]{?GPE} attacked/V the town.");
  EXPECT_TRUE(a.events.empty()) << Dump(a);
}

TEST(Quotes, StraightQuoteWithNamedSpeaker) {
  DocAnalysis a =
      Analyze("\"We will not accept this plan,\" [Otto Brandt]{1} said/V.");
  ASSERT_GE(a.quotes.size(), 1u) << Dump(a);
  const Quote& q = a.quotes[0];
  EXPECT_TRUE(q.direct);
  EXPECT_EQ(Str(a, q.span), "We will not accept this plan");
  EXPECT_EQ(q.speaker, 1);
  EXPECT_EQ(q.cue, "said");
}

TEST(Quotes, CurlyQuotePronounSpeaker) {
  DocAnalysis a = Analyze(
      "[Jana Novak]{0} left/V early.\n\n"
      "\xE2\x80\x9CThe talks with Brandt were useful and frank,\xE2\x80\x9D "
      "she said/V.");
  ASSERT_EQ(a.quotes.size(), 1u) << Dump(a);
  EXPECT_EQ(Str(a, a.quotes[0].span),
            "The talks with Brandt were useful and frank");
  EXPECT_EQ(a.quotes[0].speaker, 0);
}

TEST(Quotes, GuillemetsLowQuotesAndSingleQuotes) {
  DocAnalysis a = Analyze(
      "[Jana Novak]{0} told/V reporters: \xC2\xABOur doors remain open to "
      "everyone who "
      "wants peace.\xC2\xBB\n\n"
      "\xE2\x80\x9EWe stand by our partners in every season\xE2\x80\x9C, "
      "said/V "
      "[Otto Brandt]{1}.\n\n"
      "[Otto Brandt]{1}\xE2\x80\x99s aide said/V: \xE2\x80\x98Nobody here "
      "wants another long "
      "war.\xE2\x80\x99");
  ASSERT_EQ(a.quotes.size(), 3u) << Dump(a);
  EXPECT_EQ(Str(a, a.quotes[0].span),
            "Our doors remain open to everyone who wants peace.");
  EXPECT_EQ(a.quotes[0].speaker, 0);
  EXPECT_EQ(a.quotes[0].cue, "told");
  EXPECT_EQ(Str(a, a.quotes[1].span),
            "We stand by our partners in every season");
  EXPECT_EQ(a.quotes[1].speaker, 1);
  EXPECT_EQ(Str(a, a.quotes[2].span), "Nobody here wants another long war.");
  EXPECT_EQ(a.quotes[2].speaker, -1);
  EXPECT_EQ(a.quotes[2].speaker_text, "Otto Brandt\xE2\x80\x99s aide");
}

TEST(Quotes, MultiParagraphQuoteWithRoleSpeaker) {
  DocAnalysis a = Analyze(
      "Ambassador [Lena Ortiz]{13} arrived/V on Monday.\n\n"
      "The ambassador said/V: \xE2\x80\x9COur first priority is the safety of "
      "civilians.\n\n"
      "\xE2\x80\x9CWe will keep working with every partner to reach that "
      "goal.\xE2\x80\x9D");
  ASSERT_EQ(a.quotes.size(), 1u) << Dump(a);
  std::string span = Str(a, a.quotes[0].span);
  EXPECT_EQ(span.substr(0, 26), "Our first priority is the ");
  EXPECT_NE(span.find("reach that goal."), std::string::npos);
  EXPECT_EQ(span.substr(span.size() - 16), "reach that goal.");
  EXPECT_EQ(a.quotes[0].speaker, 13);
}

TEST(Quotes, ScareQuotesAreNotQuotes) {
  DocAnalysis a = Analyze(
      "It joined the so-called \xE2\x80\x9C"
      "friendly nations\xE2\x80\x9D list.");
  EXPECT_TRUE(a.quotes.empty()) << Dump(a);
}

TEST(Quotes, IndirectQuotes) {
  DocAnalysis a = Analyze(
      "[Otto Brandt]{1} warned/V that [Ruritania]{8} could face/V further "
      "isolation. [Jana Novak]{0} told/V [Otto Brandt]{1} that the border "
      "would stay open.");
  ASSERT_EQ(a.quotes.size(), 2u) << Dump(a);
  EXPECT_FALSE(a.quotes[0].direct);
  // "that" is part of the content, as PolNeAR and PARC annotate it.
  EXPECT_EQ(Str(a, a.quotes[0].span),
            "that Ruritania could face further isolation");
  EXPECT_EQ(a.quotes[0].speaker, 1);
  EXPECT_EQ(a.quotes[0].cue, "warned");
  EXPECT_EQ(Str(a, a.quotes[1].span), "that the border would stay open");
  EXPECT_EQ(a.quotes[1].speaker, 0);
}

// Attribution in PolNeAR's sense: beliefs, intentions and stances, not only
// speech, each with its source phrase and cue (issue #6, item 4).
DocAnalysis AnalyzeFrames(std::string_view markup,
                          std::vector<QuoteFrame>* frames) {
  DocAnalysis a = Build(markup);
  ExtractEvents(*Lexicon(), &a, frames);
  return a;
}

TEST(Quotes, IntentionAndStanceAttributions) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "[Jana Novak]{0} wants/V to visit/V the capital. The senators "
      "criticized/V the new budget plan.",
      &frames);
  ASSERT_EQ(a.quotes.size(), 2u) << Dump(a);
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_FALSE(a.quotes[0].direct);
  EXPECT_EQ(Str(a, a.quotes[0].span), "to visit the capital");
  EXPECT_EQ(a.quotes[0].speaker, 0);
  EXPECT_EQ(Str(a, frames[0].cue), "wants");
  EXPECT_EQ(Str(a, frames[0].source), "Jana Novak");
  EXPECT_EQ(Str(a, a.quotes[1].span), "the new budget plan");
  EXPECT_EQ(Str(a, frames[1].source), "The senators");
  EXPECT_EQ(a.quotes[1].speaker_text, "The senators");
}

TEST(Quotes, SecondVerbOfCoordinationSharesTheSource) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "The governor criticized/V the plan and said/V the talks had "
      "failed/V.",
      &frames);
  ASSERT_EQ(a.quotes.size(), 2u) << Dump(a);
  EXPECT_EQ(Str(a, a.quotes[0].span), "the plan");
  EXPECT_EQ(Str(a, a.quotes[1].span), "the talks had failed");
  EXPECT_EQ(Str(a, frames[1].source), "The governor");
  EXPECT_EQ(Str(a, frames[1].cue), "said");
}

TEST(Quotes, NoAttributionWithoutSourceOrForPassives) {
  DocAnalysis a = AnalyzeFrames(
      "The plan was criticized/V. [Jana Novak]{0} appeared/V on "
      "television.",
      nullptr);
  EXPECT_TRUE(a.quotes.empty()) << Dump(a);
}

// PolNeAR annotates passive and evidential cues with no source ("is
// expected to", "was asked whether", "seems"): the content follows the cue.
TEST(Quotes, PassiveAndEvidentialCuesHaveNoSource) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "[Otto Brandt]{1} is expected/V to sign/V the treaty. The minister "
      "was asked/V whether the border would stay open. The deal seems/V "
      "likely to collapse/V.",
      &frames);
  ASSERT_EQ(a.quotes.size(), 3u) << Dump(a);
  EXPECT_EQ(Str(a, a.quotes[0].span), "to sign the treaty");
  EXPECT_EQ(Str(a, frames[0].cue), "is expected");
  EXPECT_TRUE(frames[0].source.empty());
  EXPECT_EQ(Str(a, a.quotes[1].span), "whether the border would stay open");
  EXPECT_EQ(Str(a, frames[1].cue), "was asked");
  EXPECT_EQ(Str(a, a.quotes[2].span), "likely to collapse");
  EXPECT_EQ(Str(a, frames[2].cue), "seems");
  EXPECT_TRUE(frames[2].source.empty());
}

// Nouns of statement and stance are cues, with the possessor as source.
TEST(Quotes, NominalCueWithPossessorSource) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "His criticism/N of the budget plan was/V sharp. In her view/N, the "
      "talks had failed/V.",
      &frames);
  ASSERT_EQ(a.quotes.size(), 2u) << Dump(a);
  EXPECT_EQ(Str(a, a.quotes[0].span), "the budget plan");
  EXPECT_EQ(Str(a, frames[0].source), "His");
  EXPECT_EQ(Str(a, frames[0].cue), "criticism of");
  EXPECT_EQ(Str(a, a.quotes[1].span), "the talks had failed");
  EXPECT_EQ(Str(a, frames[1].source), "her");
}

// "X thanked Y and said Z": the second verb takes the first one's subject,
// and the first content stops before it.
TEST(Quotes, SaidAfterAnotherVerbTakesItsSubject) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "[Otto Brandt]{1} said/V the talks had failed/V and added/V that a "
      "new round would start/V soon. [Jana Novak]{0} thanked/V the crowd "
      "and said/V the border would stay open.",
      &frames);
  ASSERT_EQ(a.quotes.size(), 3u) << Dump(a);
  EXPECT_EQ(Str(a, a.quotes[0].span), "the talks had failed");
  EXPECT_EQ(a.quotes[0].speaker, 1);
  EXPECT_EQ(Str(a, a.quotes[1].span), "that a new round would start soon");
  EXPECT_EQ(Str(a, frames[1].source), "Otto Brandt");
  EXPECT_EQ(Str(a, a.quotes[2].span), "the border would stay open");
  EXPECT_EQ(Str(a, frames[2].source), "Jana Novak");
  EXPECT_EQ(Str(a, frames[2].cue), "said");
}

// A short quotation inside reported speech is one mixed quote, and "and
// said it ..." after a quotation does not make "it" its speaker.
TEST(Quotes, MixedQuoteIsOneAttribution) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "[Jana Novak]{0} said/V the plan was \xE2\x80\x9C"
      "a disaster for everyone involved\xE2\x80\x9D and would fail/V.",
      &frames);
  ASSERT_EQ(a.quotes.size(), 1u) << Dump(a);
  EXPECT_FALSE(a.quotes[0].direct);
  EXPECT_EQ(a.quotes[0].speaker, 0);
}

TEST(Quotes, SaidWithTimeOrVenueThenAClauseWithoutThat) {
  DocAnalysis a = Analyze(
      "[Jana Novak]{0} said/V on <Friday>{0} she met/V [Otto Brandt]{1} "
      "this week. [Otto Brandt]{1} said/V in a statement the border would "
      "stay/V open. [Jana Novak]{0} said/V about/P half of the villages "
      "lost/V power. [Otto Brandt]{1} said/V on the radio.",
      {"2025-03-07"});
  ASSERT_EQ(a.quotes.size(), 3u) << Dump(a);
  EXPECT_EQ(Str(a, a.quotes[0].span), "she met Otto Brandt this week");
  EXPECT_EQ(a.quotes[0].speaker, 0);
  EXPECT_EQ(Str(a, a.quotes[1].span), "the border would stay open");
  EXPECT_EQ(a.quotes[1].speaker, 1);
  // "about half": a quantity, not a topic.
  EXPECT_EQ(Str(a, a.quotes[2].span), "about half of the villages lost power");
  EXPECT_EQ(a.quotes[2].speaker, 0);
}

TEST(Quotes, InvertedSpeakerWithAppositionClosesTheFrame) {
  DocAnalysis a = Analyze(
      "The border will stay/V open, said/V [Otto Brandt]{1}, director of "
      "the port authority. The talks will resume/V soon, said/V [Jana "
      "Novak]{0}, adding/V that nothing was/AUX signed/V.");
  ASSERT_GE(a.quotes.size(), 2u) << Dump(a);
  EXPECT_EQ(Str(a, a.quotes[0].span), "The border will stay open");
  EXPECT_EQ(a.quotes[0].speaker, 1);
  EXPECT_EQ(Str(a, a.quotes[1].span), "The talks will resume soon");
  EXPECT_EQ(a.quotes[1].speaker, 0);
  // More of the sentence after the speaker's comma.
  DocAnalysis b = Analyze(
      "The camp has/V grown fast, said/V [Jana Novak]{0}, with new classes "
      "every week.");
  ASSERT_EQ(b.quotes.size(), 1u) << Dump(b);
  EXPECT_EQ(Str(b, b.quotes[0].span), "The camp has grown fast");
  EXPECT_EQ(b.quotes[0].speaker, 0);
}

int QuoteWithSpan(const DocAnalysis& a, std::string_view span);

// Words after "said" are content only as a clause with its own subject.
TEST(Quotes, SaidNeedsAClauseNotAnAdjunct) {
  DocAnalysis a = Analyze(
      "\xE2\x80\x9CWe will open the port,\xE2\x80\x9D [Otto Brandt]{1} "
      "said/V as/P he opened/V the session. [Jana Novak]{0} said/V they "
      "would/V vote/V no. \xE2\x80\x9CNot now,\xE2\x80\x9D she said/V "
      "drawing/V applause from the hall.");
  ASSERT_EQ(a.quotes.size(), 3u) << Dump(a);
  EXPECT_LT(QuoteWithSpan(a, "drawing applause from the hall"), 0) << Dump(a);
  EXPECT_TRUE(a.quotes[0].direct);
  EXPECT_GE(QuoteWithSpan(a, "they would vote no"), 0) << Dump(a);
  EXPECT_LT(QuoteWithSpan(a, "as he opened the session"), 0) << Dump(a);
}

// A participle after a quotation's close or after an object takes the
// clause's subject; a verb coordinated after reported speech takes the
// speaker of that speech; a clause as the subject is content.
TEST(Quotes, ParticipleAndCoordinatedVerbSubjects) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = Build(
      "\xE2\x80\x9CThe port is/V closed for now,\xE2\x80\x9D [Otto "
      "Brandt]{1} said/V, citing/V the storm damage. [Jana Novak]{0} on "
      "<Tuesday>{0} dismissed/V the mayor as a weak manager, arguing/V that "
      "the budget had/V failed/V. [Otto Brandt]{1} said/V he was/V not "
      "ready, and suggested/V that the talks should/V wait/V. Whether the "
      "plan works/V will be/V clear soon, said/V [Jana Novak]{0}.",
      {"2025-03-04"});
  ExtractEvents(*Lexicon(), &a, &frames);
  int i = QuoteWithSpan(a, "the storm damage");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Otto Brandt");
  i = QuoteWithSpan(a, "that the budget had failed");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Jana Novak");
  i = QuoteWithSpan(a, "that the talks should wait");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Otto Brandt");
  i = QuoteWithSpan(a, "Whether the plan works will be clear soon");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(a.quotes[i].speaker, 0);
}

// "X noted that Y had tweeted that Z": the outer attribution stands beside
// the nested one found first; the nested source leaves out "that". "A, X
// noted, B": the clause the frame interrupts.
TEST(Quotes, OuterAttributionAroundANestedOneAndInterruptingFrame) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "[Jana Novak]{0} noted/V that [Otto Brandt]{1} had tweeted/V that the "
      "port was/V closed/V. Loyalty, she noted/V, has/V long been the "
      "party's rule.",
      &frames);
  int i = QuoteWithSpan(a, "that Otto Brandt had tweeted that the port was "
                           "closed");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Jana Novak");
  i = QuoteWithSpan(a, "that the port was closed");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Otto Brandt");
  i = QuoteWithSpan(a, "has long been the party's rule");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "she");
  EXPECT_EQ(Str(a, frames[i].cue), "noted");
}

// EventOptions::quote_parse: where the positional rules find no source
// (a subject with an apposition and a relative clause), the parse's
// subject of the cue is the source; without the parse, no attribution.
TEST(Quotes, ParseGivesTheSourceTheRulesMiss) {
  constexpr const char* kText =
      "[Ann Lee]{0}, 49, a nurse who now is a trainer of new staff at the "
      "county clinic, said/V the ward would close/V before the winter.";
  for (bool quote_parse : {false, true}) {
    EventOptions o;
    o.models_dir = std::string(SYN_SOURCE_DIR) + "/models";
    o.quote_sources.clear();
    o.quote_cues.clear();
    o.quote_parse = quote_parse;
    auto lex = LoadEventLexicon(DefaultEnv(), o);
    ASSERT_TRUE(lex.ok()) << lex.status().ToString();
    std::vector<QuoteFrame> frames;
    DocAnalysis a = Build(kText);
    ExtractEvents(**lex, &a, &frames);
    int found = -1;
    for (size_t i = 0; i < a.quotes.size(); ++i)
      if (Str(a, a.quotes[i].span) == "the ward would close before the winter")
        found = static_cast<int>(i);
    if (!quote_parse) {
      EXPECT_LT(found, 0) << Dump(a);
      continue;
    }
    ASSERT_GE(found, 0) << Dump(a);
    EXPECT_EQ(a.quotes[found].speaker, 0) << Dump(a);
    EXPECT_EQ(Str(a, frames[found].source), "Ann Lee") << Dump(a);
    EXPECT_EQ(a.quotes[found].cue, "said");
  }
}

TEST(Quotes, SaysCommaThenAClause) {
  DocAnalysis a = Analyze(
      "[Otto Brandt]{1} says/V, win or lose in the vote, he is staying/V in "
      "the race. [Jana Novak]{0} tells/V voters she's with them. [Otto "
      "Brandt]{1} said/V, \xE2\x80\x9CWe will stay.\xE2\x80\x9D");
  ASSERT_EQ(a.quotes.size(), 3u) << Dump(a);
  const int i = QuoteWithSpan(a, "win or lose in the vote, he is staying in "
                                 "the race");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_FALSE(a.quotes[i].direct);
  EXPECT_EQ(a.quotes[i].speaker, 1);
  // "she's": the clitic is the clause's verb.
  const int j = QuoteWithSpan(a, "she's with them");
  ASSERT_GE(j, 0) << Dump(a);
  EXPECT_EQ(a.quotes[j].speaker, 0);
  // A direct quote after the comma stays one direct quote.
  const int d = QuoteWithSpan(a, "We will stay.");
  ASSERT_GE(d, 0) << Dump(a);
  EXPECT_TRUE(a.quotes[d].direct);
}

TEST(Quotes, StatementSayingTakesItsAuthor) {
  // "X issued a statement saying ...": X is the source, not the statement.
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "[Otto Brandt]{1} issued/V a statement saying/V the port would "
      "reopen/V in May.",
      &frames);
  const int i = QuoteWithSpan(a, "the port would reopen in May");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Otto Brandt") << Dump(a);
  EXPECT_EQ(a.quotes[i].speaker, 1) << Dump(a);
}

TEST(Quotes, FrontedAdjunctIsNotWhatWasSaid) {
  DocAnalysis a = Analyze(
      "In her post on the forum, [Jana Novak]{0} said/V, \xE2\x80\x9CThe "
      "talks will resume next month.\xE2\x80\x9D\n\n"
      "In <2015>{0}, the port grew/V fast, [Otto Brandt]{1} said/V.",
      {"2015"});
  ASSERT_EQ(a.quotes.size(), 2u) << Dump(a);
  EXPECT_TRUE(a.quotes[0].direct);
  EXPECT_EQ(a.quotes[0].speaker, 0);
  // A fronted phrase with a main clause after it is what was said.
  EXPECT_FALSE(a.quotes[1].direct);
  EXPECT_EQ(Str(a, a.quotes[1].span), "In 2015, the port grew fast");
  EXPECT_EQ(a.quotes[1].speaker, 1);
}

TEST(Quotes, QuotedTitleIsNotAQuote) {
  DocAnalysis a = Analyze(
      "The new series \xE2\x80\x9CMorning Light Over Freedonia\xE2\x80\x9D "
      "opened/V the season.\n\n"
      "\xE2\x80\x9CMake Freedonia Proud Again,\xE2\x80\x9D [Jana Novak]{0} "
      "said/V.");
  // The slogan said next to its cue stays a quote; the title does not.
  ASSERT_EQ(a.quotes.size(), 1u) << Dump(a);
  EXPECT_EQ(Str(a, a.quotes[0].span), "Make Freedonia Proud Again");
  EXPECT_EQ(a.quotes[0].speaker, 0);
}

TEST(Quotes, DirectQuoteWithInvertedAttributionVerb) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "\xE2\x80\x9CThis plan will fail on its own,\xE2\x80\x9D joked/V "
      "the senator from the north.",
      &frames);
  ASSERT_EQ(a.quotes.size(), 1u) << Dump(a);
  EXPECT_TRUE(a.quotes[0].direct);
  EXPECT_EQ(a.quotes[0].cue, "joked");
  EXPECT_EQ(Str(a, frames[0].source), "the senator from the north");
}

TEST(Quotes, ContinuedQuoteJoinsTheFirstAttribution) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "\xE2\x80\x9CWe will stay here for a while,\xE2\x80\x9D [Jana "
      "Novak]{0} said/V. \xE2\x80\x9CThese talks take a lot of "
      "patience.\xE2\x80\x9D\n\n"
      "\xE2\x80\x9C"
      "And we have plenty of it left.\xE2\x80\x9D",
      &frames);
  ASSERT_EQ(a.quotes.size(), 3u) << Dump(a);
  ASSERT_EQ(frames.size(), 3u);
  EXPECT_EQ(frames[0].continues, -1);
  EXPECT_EQ(Str(a, frames[0].source), "Jana Novak");
  EXPECT_EQ(frames[1].continues, 0);
  EXPECT_EQ(frames[2].continues, 0);
  EXPECT_EQ(a.quotes[1].speaker, 0);
  EXPECT_EQ(a.quotes[2].speaker, 0);
  EXPECT_TRUE(frames[1].source.empty());
}

// A bare quote farther on in the same paragraph continues the attributed
// quote before it, unless someone else is named in between.
TEST(Quotes, BareQuoteLaterInParagraphContinuesUnlessAnotherPersonNamed) {
  const std::string_view filler =
      " said/V on Monday after a long meeting with the delegates from the "
      "northern provinces and the capital. ";
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "\xE2\x80\x9CWe will stay here for a while,\xE2\x80\x9D [Jana "
      "Novak]{0}" +
          std::string(filler) +
          "\xE2\x80\x9CThese talks take a lot of patience.\xE2\x80\x9D",
      &frames);
  ASSERT_EQ(a.quotes.size(), 2u) << Dump(a);
  EXPECT_EQ(frames[1].continues, 0);
  EXPECT_EQ(a.quotes[1].speaker, 0);

  frames.clear();
  a = AnalyzeFrames(
      "\xE2\x80\x9CWe will stay here for a while,\xE2\x80\x9D [Jana "
      "Novak]{0}" +
          std::string(filler) + "[Otto Brandt]{1} left early. " +
          "\xE2\x80\x9CThese talks take a lot of patience.\xE2\x80\x9D",
      &frames);
  ASSERT_EQ(a.quotes.size(), 2u) << Dump(a);
  EXPECT_EQ(frames[1].continues, -1);
  EXPECT_NE(a.quotes[1].speaker, 0);
}

// A paragraph that is only a quote takes the speaker of the last attributed
// quote a few paragraphs back when no other person is named in between.
TEST(Quotes, BareQuoteParagraphTakesEarlierSpeaker) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "[Jana Novak]{0} said/V: \xE2\x80\x9CWe will stay here for a "
      "while.\xE2\x80\x9D\n\n"
      "The meeting ended late in the evening.\n\n"
      "\xE2\x80\x9CThese talks take a lot of patience.\xE2\x80\x9D",
      &frames);
  ASSERT_EQ(a.quotes.size(), 2u) << Dump(a);
  EXPECT_EQ(frames[1].continues, 0);
  EXPECT_EQ(a.quotes[1].speaker, 0);

  frames.clear();
  a = AnalyzeFrames(
      "[Jana Novak]{0} said/V: \xE2\x80\x9CWe will stay here for a "
      "while.\xE2\x80\x9D\n\n"
      "[Otto Brandt]{1} ended the meeting late in the evening.\n\n"
      "\xE2\x80\x9CThese talks take a lot of patience.\xE2\x80\x9D",
      &frames);
  ASSERT_EQ(a.quotes.size(), 2u) << Dump(a);
  EXPECT_EQ(frames[1].continues, -1);
  EXPECT_EQ(a.quotes[1].speaker, -1);
}

// Typed text mixes the marks: a curly quote closed by a straight mark or a
// mistyped left curly mark, a straight one closed by a right curly mark, and
// ''... 'word,''' where the inner single quote closes first.
TEST(Quotes, MixedQuotationMarksCloseTheQuote) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"\xE2\x80\x9CWe will stay here for a while,\" [Jana Novak]{0} said/V.",
       "We will stay here for a while"},
      {"\xE2\x80\x9CWe will stay here for a while,\xE2\x80\x9C [Jana "
       "Novak]{0} said/V.",
       "We will stay here for a while"},
      {"\"We will stay here for a while,\xE2\x80\x9D [Jana Novak]{0} said/V.",
       "We will stay here for a while"},
      {"''We will stay here for a 'while,''' [Jana Novak]{0} said/V.",
       "We will stay here for a 'while,'"},
  };
  for (const auto& [text, content] : cases) {
    std::vector<QuoteFrame> frames;
    DocAnalysis a = AnalyzeFrames(text, &frames);
    ASSERT_EQ(a.quotes.size(), 1u) << text << "\n" << Dump(a);
    EXPECT_TRUE(a.quotes[0].direct) << text;
    EXPECT_EQ(Str(a, a.quotes[0].span), content) << text;
    EXPECT_EQ(a.quotes[0].speaker, 0) << text;
  }
}

// A speaker after the close set off by a long apposition or a parenthesis
// ("...,” X, a spokesman for Y, said").
TEST(Quotes, ApposedSpeakerAfterTheClose) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "\xE2\x80\x9CWe will stay here for a while,\xE2\x80\x9D [Jana "
      "Novak]{0}, the chief negotiator for the northern provinces, said/V "
      "on Monday.",
      &frames);
  ASSERT_EQ(a.quotes.size(), 1u) << Dump(a);
  EXPECT_EQ(a.quotes[0].speaker, 0);
  EXPECT_EQ(Str(a, frames[0].source), "Jana Novak");
  EXPECT_EQ(Str(a, frames[0].cue), "said");

  frames.clear();
  a = AnalyzeFrames(
      "\xE2\x80\x9CWe will stay here for a while,\xE2\x80\x9D [Jana "
      "Novak]{0} (D-Ore.) said/V.",
      &frames);
  ASSERT_EQ(a.quotes.size(), 1u) << Dump(a);
  EXPECT_EQ(a.quotes[0].speaker, 0);
}

// A bare quote right after the sentence that attributes the quote before it
// continues that quote even when the rest of that sentence names someone.
TEST(Quotes, BareQuoteAfterTheCueSentenceContinues) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "\xE2\x80\x9CWe will stay here for a while,\xE2\x80\x9D [Jana "
      "Novak]{0} said/V on Monday after a long meeting with [Otto Brandt]{1} "
      "and the delegates from the northern provinces. \xE2\x80\x9CThese "
      "talks take a lot of patience.\xE2\x80\x9D",
      &frames);
  ASSERT_EQ(a.quotes.size(), 2u) << Dump(a);
  EXPECT_EQ(frames[1].continues, 0);
  EXPECT_EQ(a.quotes[1].speaker, 0);
}

// "..., saying ...": the participle takes the subject of its clause, also
// after an introductory phrase, and ends the content of the cue before it.
TEST(Quotes, ParticipleCueAfterIntroductoryPhrase) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "In an interview on Monday, [Jana Novak]{0} defended/V the plan, "
      "saying/V the talks would/V succeed/V.",
      &frames);
  ASSERT_EQ(a.quotes.size(), 2u) << Dump(a);
  EXPECT_EQ(Str(a, a.quotes[0].span), "the plan");
  EXPECT_EQ(Str(a, frames[0].source), "Jana Novak");
  EXPECT_EQ(Str(a, a.quotes[1].span), "the talks would succeed");
  EXPECT_EQ(Str(a, frames[1].source), "Jana Novak");
  EXPECT_EQ(Str(a, frames[1].cue), "saying");

  frames.clear();
  a = AnalyzeFrames(
      "In an interview on Monday, [Jana Novak]{0} defended/V the plan, "
      "saying/V, \xE2\x80\x9CThe talks will succeed in the end.\xE2\x80\x9D",
      &frames);
  ASSERT_FALSE(a.quotes.empty()) << Dump(a);
  EXPECT_TRUE(a.quotes[0].direct);
  EXPECT_EQ(Str(a, frames[0].source), "Jana Novak");
}

// "according to X" in the middle of a clause: set off by commas, or with no
// comma before it; a source that is not a speaker-like mention still counts.
TEST(Quotes, AccordingToInsideTheClause) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "Fundraising, according to [Reuters]{10}, has/V surged/V in the same "
      "period.",
      &frames);
  ASSERT_EQ(a.quotes.size(), 1u) << Dump(a);
  EXPECT_EQ(Str(a, a.quotes[0].span), "has surged in the same period");
  EXPECT_EQ(Str(a, frames[0].source), "Reuters");

  frames.clear();
  a = AnalyzeFrames(
      "Most farmers in the north view/V the plan unfavorably according to "
      "the poll, officials said/V.",
      &frames);
  bool found = false;
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    if (a.quotes[i].cue != "according to") continue;
    found = true;
    EXPECT_EQ(Str(a, a.quotes[i].span),
              "Most farmers in the north view the plan unfavorably");
    EXPECT_EQ(Str(a, frames[i].source), "the poll");
  }
  EXPECT_TRUE(found) << Dump(a);

  frames.clear();
  a = AnalyzeFrames(
      "The economy grew/V by three percent last year, according to "
      "[Vienna]{2}.",
      &frames);
  ASSERT_EQ(a.quotes.size(), 1u) << Dump(a);
  EXPECT_EQ(Str(a, frames[0].source), "Vienna");
}

// "X praised Y and added, “...”": the direct quote takes the subject of the
// first conjunct.
TEST(Quotes, DirectQuoteAfterCoordinatedCue) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "[Jana Novak]{0} praised/V the delegates and added/V, \xE2\x80\x9CWe "
      "will stay here for a while.\xE2\x80\x9D",
      &frames);
  ASSERT_FALSE(a.quotes.empty()) << Dump(a);
  EXPECT_TRUE(a.quotes[0].direct);
  EXPECT_EQ(a.quotes[0].speaker, 0);
  EXPECT_EQ(Str(a, frames[0].source), "Jana Novak");
  EXPECT_EQ(Str(a, frames[0].cue), "added");
}

// "Asked about X, ...": the question is an attribution with no source.
TEST(Quotes, AskedOpeningTheSentence) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "Asked/V about the border talks, [Jana Novak]{0} said/V the delegates "
      "would/V stay/V.",
      &frames);
  bool found = false;
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    if (a.quotes[i].cue != "Asked") continue;
    found = true;
    EXPECT_EQ(Str(a, a.quotes[i].span), "about the border talks");
    EXPECT_TRUE(frames[i].source.empty());
  }
  EXPECT_TRUE(found) << Dump(a);

  // Not when "asked" has its own subject.
  frames.clear();
  a = AnalyzeFrames(
      "[Jana Novak]{0} asked/V about the border talks, and the delegates "
      "stayed/V.",
      &frames);
  for (size_t i = 0; i < a.quotes.size(); ++i)
    EXPECT_FALSE(frames[i].source.empty()) << Dump(a);
}

// Reported speech inside reported speech: "X warned that Y, a Z, said W"
// gives both attributions.
TEST(Quotes, NestedReportedSpeech) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "[Jana Novak]{0} warned/V that the farmers, a proud group, said/V the "
      "talks had/V failed/V.",
      &frames);
  ASSERT_EQ(a.quotes.size(), 2u) << Dump(a);
  EXPECT_EQ(Str(a, frames[0].source), "Jana Novak");
  EXPECT_EQ(Str(a, frames[1].source), "the farmers, a proud group");
  EXPECT_EQ(Str(a, a.quotes[1].span), "the talks had failed");
}

// Poll shares speak: "six in 10 said ...", "some 56 percent ... say ...".
TEST(Quotes, PollShareIsTheSource) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "Six in 10 said/V the economy was/V their main worry. Some 56 percent "
      "of those polled now say/V the talks will/V fail/V.",
      &frames);
  ASSERT_EQ(a.quotes.size(), 2u) << Dump(a);
  EXPECT_EQ(Str(a, a.quotes[0].span), "the economy was their main worry");
  EXPECT_EQ(Str(a, frames[0].source), "Six in 10");
  EXPECT_EQ(Str(a, frames[0].cue), "said");
  EXPECT_EQ(Str(a, frames[1].source), "Some 56 percent of those polled");
  EXPECT_EQ(Str(a, a.quotes[1].span), "the talks will fail");
}

// A place after a speech verb is where it was said, not what: "speaking
// outside the main gate" has no content; "spoke about the talks" has.
TEST(Quotes, VenueAfterTheCueIsNoContent) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "[Karin Lund]{1} was speaking/V at the main gate. [Otto Brandt]{1} "
      "spoke/V about the night shifts.",
      &frames);
  ASSERT_EQ(a.quotes.size(), 1u) << Dump(a);
  EXPECT_EQ(Str(a, a.quotes[0].span), "the night shifts");
  EXPECT_EQ(Str(a, frames[0].source), "Otto Brandt");
}

// Helpers for the tests below: the index of the quote whose content is
// `span`, or -1.
int QuoteWithSpan(const DocAnalysis& a, std::string_view span) {
  for (size_t i = 0; i < a.quotes.size(); ++i)
    if (Str(a, a.quotes[i].span) == span) return static_cast<int>(i);
  return -1;
}

// "told X" reports a clause only when one follows the addressee (issue #6):
// "told reporters she ...", "told Reuters's reporter in Vienna that ...";
// "told the anchor on Sunday: “...”" gives no indirect quote of its own.
TEST(Quotes, ToldTakesTheClauseAfterTheAddressee) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "[Jana Novak]{0} told/V reporters she was/V confident. [Otto Brandt]{1} "
      "told/V [Reuters]{10} 's reporter in [Vienna]{2} that the talks had/V "
      "failed/V.\n\n[Jana Novak]{0} told/V the anchor on Sunday: "
      "\xE2\x80\x9CWe will not sign this deal.\xE2\x80\x9D",
      &frames);
  int i = QuoteWithSpan(a, "she was confident");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Jana Novak");
  EXPECT_EQ(Str(a, frames[i].cue), "told");
  i = QuoteWithSpan(a, "that the talks had failed");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Otto Brandt");
  for (const Quote& q : a.quotes) {
    EXPECT_FALSE(Str(a, q.span).starts_with("reporters")) << Dump(a);
    EXPECT_FALSE(Str(a, q.span).starts_with("'s")) << Dump(a);
    EXPECT_FALSE(Str(a, q.span).starts_with("the anchor")) << Dump(a);
  }
  EXPECT_GE(QuoteWithSpan(a, "We will not sign this deal."), 0) << Dump(a);
}

// A quote that ends its own sentence is not framed by a verb that has a
// clause of its own after it: "“...” She said the talks ..." is a new
// attribution.
TEST(Quotes, SaidWithItsOwnClauseAfterAClosedQuote) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "\xE2\x80\x9CWe have lost the vote in the assembly.\xE2\x80\x9D She "
      "said/V the talks would/V resume/V in May.",
      &frames);
  const int i = QuoteWithSpan(a, "the talks would resume in May");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "She");
  EXPECT_EQ(Str(a, frames[i].cue), "said");
  const int d = QuoteWithSpan(a, "We have lost the vote in the assembly.");
  ASSERT_GE(d, 0) << Dump(a);
  EXPECT_TRUE(frames[d].cue.empty()) << Str(a, frames[d].cue);
}

// "A, X said, B": both parts are the content (B continues A); B alone when
// A is too short to stand as a quote.
TEST(Quotes, FrameInTheMiddleOfTheContent) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "After the long winter, the officials said/V, prices will/V rise/V "
      "again. Many days, former workers said/V, she stayed/V late.",
      &frames);
  int i = QuoteWithSpan(a, "After the long winter");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "the officials");
  const int j = QuoteWithSpan(a, "prices will rise again");
  ASSERT_GE(j, 0) << Dump(a);
  EXPECT_EQ(frames[j].continues, i);
  i = QuoteWithSpan(a, "she stayed late");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "former workers");
  EXPECT_LT(frames[i].continues, 0);
}

// A subject set off from its verb by an age and a relative clause, or by a
// party tag and a relative clause after an introductory phrase, is still
// the source; the relative clause's own attribution ends at its closing
// comma. (The test tokenizer would split "(D-Md.)" at its period.)
TEST(Quotes, SourceBeforeAppositionsAndRelativeClauses) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "[Jana Novak]{0}, 58, who lives/V in [Vienna]{2}, says/V the plan "
      "failed/V. Speaking/V on the radio, [Otto Brandt]{1} (D-Maryland), who "
      "has/V endorsed/V the mayor, said/V the vote would/V pass/V.",
      &frames);
  int i = QuoteWithSpan(a, "the plan failed");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Jana Novak, 58, who lives in Vienna");
  EXPECT_EQ(Str(a, frames[i].cue), "says");
  i = QuoteWithSpan(a, "the vote would pass");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source),
            "Otto Brandt (D-Maryland), who has endorsed the mayor");
  i = QuoteWithSpan(a, "the mayor");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "who");
}

// Attribution verbs the tagger called nouns count as verbs before "that" or
// after a subject pronoun; participles modifying a noun ("pledged
// delegates") are no cues; an aspectual verb joins the cue.
TEST(Quotes, MistaggedVerbsModifiersAndAspectualCues) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "The new poll also suggests/N that the senators would/V lose/V. She "
      "predicts/N it could/V end/V soon. The new pledged/V delegates met/V "
      "in [Vienna]{2}. [Jana Novak]{0} continued/V to suggest/V that the "
      "plan had/V failed/V.",
      &frames);
  int i = QuoteWithSpan(a, "that the senators would lose");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "The new poll");
  EXPECT_EQ(Str(a, frames[i].cue), "also suggests");
  i = QuoteWithSpan(a, "it could end soon");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "She");
  i = QuoteWithSpan(a, "that the plan had failed");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].cue), "continued to suggest");
  for (size_t k = 0; k < a.quotes.size(); ++k)
    EXPECT_NE(Str(a, frames[k].cue), "pledged") << Dump(a);
}

// A poll is the source of its findings, with "in" as the cue, when the
// phrase opens the sentence.
TEST(Quotes, PollAsSourceWithIn) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "In a new poll released/V on Monday, [Jana Novak]{0} had/V a wide "
      "lead. [Otto Brandt]{1} has/V a narrow lead in the polls.",
      &frames);
  int i = QuoteWithSpan(a, "Jana Novak had a wide lead");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "a new poll released on Monday");
  EXPECT_EQ(Str(a, frames[i].cue), "In");
  // A trailing "in the polls" reports a standing: no attribution.
  EXPECT_LT(QuoteWithSpan(a, "Otto Brandt has a narrow lead"), 0) << Dump(a);
}

// More verbs of stance and criticism ("downplayed", "sees ... as"), and the
// passive "is seen as" with no source.
TEST(Quotes, StanceVerbsAndSeenAs) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "[Otto Brandt]{1} downplayed/V the risk of a strike. Analysts see/V "
      "the deal as a setback. The mayor is seen/V as a reformer.",
      &frames);
  int i = QuoteWithSpan(a, "the risk of a strike");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Otto Brandt");
  i = QuoteWithSpan(a, "the deal as a setback");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Analysts");
  i = QuoteWithSpan(a, "a reformer");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_TRUE(frames[i].source.empty());
  EXPECT_EQ(Str(a, frames[i].cue), "is seen as");
}

// "..., saying the city ...": the subject of the reported clause is not an
// inverted speaker of the quote before it; the clause's subject is.
TEST(Quotes, ParticipleAfterAQuoteTakesTheClauseSubject) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "[Jana Novak]{0} defended/V the \xE2\x80\x9Cold harbour plan,"
      "\xE2\x80\x9D saying/V the city needed/V jobs.",
      &frames);
  for (size_t k = 0; k < a.quotes.size(); ++k)
    EXPECT_NE(Str(a, frames[k].source), "the city") << Dump(a);
  const int i = QuoteWithSpan(a, "the city needed jobs");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Jana Novak");
}

// "Name: CLAUSE" opening a paragraph (a headline or a transcript label):
// the name is the source, with no cue word; a label that names no person
// or organization is not.
TEST(Quotes, NameBeforeAColonOpeningAParagraph) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "[Otto Brandt]{1}: The border will/V stay/V open.\n\nThe long "
      "winter: prices rose/V again.",
      &frames);
  const int i = QuoteWithSpan(a, "The border will stay open");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Otto Brandt");
  EXPECT_TRUE(frames[i].cue.empty()) << Str(a, frames[i].cue);
  EXPECT_LT(QuoteWithSpan(a, "prices rose again"), 0) << Dump(a);
}

// Any verb with a that-clause is a cue ("insinuated that ..."), but not a
// verb of purpose or meaning ("means that"), nor "that" as a determiner.
TEST(Quotes, AnyVerbWithAThatClause) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "[Otto Brandt]{1} insinuated/V that the vote was/V rigged/V. The "
      "ruling means/V that the deal is/V dead. [Jana Novak]{0} visited/V "
      "that city last year.",
      &frames);
  const int i = QuoteWithSpan(a, "that the vote was rigged");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Otto Brandt");
  EXPECT_EQ(Str(a, frames[i].cue), "insinuated");
  EXPECT_LT(QuoteWithSpan(a, "that the deal is dead"), 0) << Dump(a);
  EXPECT_LT(QuoteWithSpan(a, "that city last year"), 0) << Dump(a);
}

// A passive attribution verb with a by-phrase: the agent is the source and
// the passive subject the content (a participle the tagger called an
// adjective counts); a verb of feeling: the subject feels about the
// by-phrase.
TEST(Quotes, PassiveWithAnAgentAndVerbsOfFeeling) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "The new plan was first reported/A by the Daily Ledger. Many farmers "
      "were angered/V by the grain tariff.",
      &frames);
  int i = QuoteWithSpan(a, "The new plan");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "the Daily Ledger");
  EXPECT_EQ(Str(a, frames[i].cue), "was first reported by");
  i = QuoteWithSpan(a, "the grain tariff");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Many farmers");
  EXPECT_EQ(Str(a, frames[i].cue), "were angered by");
}

// Subjects the tagger or the punctuation hid: an attribution verb tagged
// as an adjective right after a name; a head noun tagged as an adjective;
// appositions holding a participle, or set off by dashes.
TEST(Quotes, SubjectsBehindTaggerErrorsAndAppositions) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "[Otto Brandt]{1} argued/A the deal would/V fail/V. The assailant/A "
      ", [Jana Novak]{0}, told/V the court that she had/V no regrets. "
      "[Otto Brandt]{1}, 39, a farmer visiting/V the city, told/V the "
      "police that he heard/V shots. [Jana Novak]{0} \xE2\x80\x94 a "
      "teacher from the north \xE2\x80\x94 says/V she will/V vote/V.",
      &frames);
  int i = QuoteWithSpan(a, "the deal would fail");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Otto Brandt");
  EXPECT_EQ(Str(a, frames[i].cue), "argued");
  i = QuoteWithSpan(a, "that she had no regrets");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "The assailant , Jana Novak");
  i = QuoteWithSpan(a, "that he heard shots");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source),
            "Otto Brandt, 39, a farmer visiting the city");
  i = QuoteWithSpan(a, "she will vote");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source),
            "Jana Novak \xE2\x80\x94 a teacher from the north \xE2\x80\x94");
}

// The speaker after a closing quote whose comma stands inside the marks:
// the subject starts right after the close ("...,” the gardener, X,
// told").
TEST(Quotes, SpeakerRightAfterTheClose) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "\xE2\x80\x9CWe will rebuild the old bridge,\xE2\x80\x9D the "
      "gardener, [Jana Novak]{0}, told/V the council.",
      &frames);
  const int i = QuoteWithSpan(a, "We will rebuild the old bridge");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "the gardener, Jana Novak");
}

// Frames around coordination and adjuncts: "CLAUSE, X said in Vienna.";
// "X said she had met Y but said Z" (the first conjunct's verb is "said",
// not the reported "met"); "X celebrated, declaring A, and said B"; "told
// the council his party ..." (a possessive starts the reported clause);
// "adding to her lead" is no attribution.
TEST(Quotes, CoordinationAdjunctsAndAddressees) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "Prices will/V rise/V again, [Otto Brandt]{1} said/V in "
      "[Vienna]{2}. [Jana Novak]{0} said/V she had/V met/V the envoy twice "
      "but said/V neither man had/V a role. [Jana Novak]{0} celebrated/V "
      "with supporters, declaring/V it a great night, and said/V the race "
      "was/V close. [Otto Brandt]{1} told/V the council his party would/V "
      "vote/V no. [Jana Novak]{0} won/V the state, adding/V to her lead.",
      &frames);
  int i = QuoteWithSpan(a, "Prices will rise again");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Otto Brandt");
  i = QuoteWithSpan(a, "neither man had a role");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Jana Novak");
  i = QuoteWithSpan(a, "the race was close");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Jana Novak");
  i = QuoteWithSpan(a, "his party would vote no");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Otto Brandt");
  for (size_t k = 0; k < a.quotes.size(); ++k)
    EXPECT_NE(Str(a, frames[k].cue), "adding to") << Dump(a);
}

// A participle takes the subject after a dateline, not the dateline.
TEST(Quotes, ParticipleSubjectAfterADateline) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "VIENNA \xE2\x80\x94 [Otto Brandt]{1} defended/V the plan, saying/V "
      "the city needed/V jobs.",
      &frames);
  const int i = QuoteWithSpan(a, "the city needed jobs");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Otto Brandt");
}

// A participle between a nationality or party name and a noun modifies the
// noun ("the Ruritanian nominating contest"): no attribution, no source.
TEST(Quotes, ParticipleAfterANationalityNameIsAModifier) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = AnalyzeFrames(
      "[Otto Brandt]{1} won/V the [Ruritanian]{12} nominating/V contest in "
      "[Vienna]{2}.",
      &frames);
  for (size_t k = 0; k < a.quotes.size(); ++k)
    EXPECT_NE(Str(a, frames[k].cue), "nominating") << Dump(a);
}

TEST(Events, EventInsideDirectQuoteIsAttributedToSpeaker) {
  DocAnalysis a = Analyze(
      "\xE2\x80\x9C[Ruritania]{8} attacked/V [Freedonia]{9} at "
      "dawn,\xE2\x80\x9D "
      "[Otto Brandt]{1} said/V.");
  const Event* e = FindType(a, "attack");
  ASSERT_NE(e, nullptr) << Dump(a);
  EXPECT_EQ(e->modality, Modality::kReported);
  EXPECT_EQ(e->attributed_to, "kb:brandt_otto");
}

TEST(Events, ReciprocalTalksAndUntaggedNominal) {
  DocAnalysis a = Analyze(
      "[Jana Novak]{0} and [Otto Brandt]{1} held/V talks on <Monday>{0}.",
      {"2025-03-03"});
  const Event* e = FindType(a, "talks");
  ASSERT_NE(e, nullptr) << Dump(a);
  EXPECT_EQ(e->source, 0);
  EXPECT_EQ(e->target, 1);
  EXPECT_EQ(e->date, "2025-03-03");
  DocAnalysis b =
      Analyze("The summit between [Japan]{6} and [Canada]{7} ended.", {}, true);
  const Event* s = FindType(b, "summit");
  ASSERT_NE(s, nullptr) << Dump(b);
  EXPECT_EQ(s->source, 6);
  EXPECT_EQ(s->target, 7);
}

TEST(Events, LongSentenceStaysBoundedAndCapped) {
  std::string markup;
  for (int i = 0; i < 3000; ++i)
    markup += "[Ruritania]{8} attacked/V [Freedonia]{9} and ";
  markup += "stopped.";
  DocAnalysis a = Analyze(markup);
  EXPECT_GT(a.events.size(), 100u);
  EXPECT_LE(a.events.size(), 5000u);
  EXPECT_EQ(a.events[0].source, 8);
  EXPECT_EQ(a.events[0].target, 9);
}

TEST(Events, MoreAttributionForms) {
  DocAnalysis a = Analyze(
      "[Japan]{6} will host/V [Jana Novak]{0} in <May>{0}, sources say/V.",
      {"2025-05"});
  const Event* h = FindType(a, "host");
  ASSERT_NE(h, nullptr) << Dump(a);
  EXPECT_EQ(h->modality, Modality::kPlanned);
  EXPECT_EQ(h->code, "036");
  EXPECT_EQ(h->attributed_to, "sources");
  EXPECT_EQ(h->date, "2025-05");
  DocAnalysis b = Analyze(
      "[Ruritania]{8} is expected to invade/V [Freedonia]{9}, some "
      "analysts say/V.");
  const Event* i = FindType(b, "invade");
  ASSERT_NE(i, nullptr) << Dump(b);
  EXPECT_EQ(i->modality, Modality::kSpeculated);
  EXPECT_EQ(i->attributed_to, "some analysts");
  DocAnalysis c =
      Analyze("[Ruritania]{8} reportedly arrested/V a [Canada]{7} citizen.");
  const Event* r = FindType(c, "arrest");
  ASSERT_NE(r, nullptr) << Dump(c);
  EXPECT_EQ(r->modality, Modality::kReported);
  EXPECT_EQ(r->attributed_to, "");
  DocAnalysis d = Analyze(
      "[Canada]{7} urged/V [Ruritania]{8} to withdraw. [Ruritania]{8} "
      "rejected/V the [Canada]{7} proposal. [Freedonia]{9} apologised/V "
      "to [Japan]{6}.");
  std::map<std::string, std::string> codes;
  for (const Event& e : d.events) codes[e.type] = e.code;
  EXPECT_EQ(codes["appeal"], "020") << Dump(d);
  EXPECT_EQ(codes["reject"], "120");
  EXPECT_EQ(codes["apologize"], "055");
}

TEST(Events, CoordinatedVerbsAndPlacePhrases) {
  DocAnalysis a = Analyze(
      "[Canada]{7} supported/V the plan and has urged/V [Japan]{6} to act.");
  const Event* u = FindType(a, "appeal");
  ASSERT_NE(u, nullptr) << Dump(a);
  EXPECT_EQ(u->source, 7);
  EXPECT_EQ(u->target, 6);
  DocAnalysis b = Analyze(
      "[Jana Novak]{0} and [Otto Brandt]{1} may meet/V in the old city of "
      "[Vienna]{2}.");
  const Event* m = FindType(b, "meet");
  ASSERT_NE(m, nullptr) << Dump(b);
  EXPECT_EQ(m->source, 0);
  EXPECT_EQ(m->target, 1);
  EXPECT_EQ(m->modality, Modality::kSpeculated);
  EXPECT_EQ(m->location, 2);
}

TEST(Events, VenuePredicateGivesTheMeetingItsPlace) {
  // "took place" anchors the place phrase; the date between them does not
  // count against the distance; "in <country>, in <city>" refines to the city.
  DocAnalysis a = Analyze(
      "The meeting between [Jana Novak]{0} and [Otto Brandt]{1} took/V place "
      "on <the 13th of May>{0}, in the south of [Argentina]{4}, in "
      "[Buenos Aires]{5}.",
      {"2025-05-20"});
  const Event* m = FindType(a, "meet");
  ASSERT_NE(m, nullptr) << Dump(a);
  EXPECT_EQ(m->source, 0);
  EXPECT_EQ(m->target, 1);
  EXPECT_EQ(m->location, 5);
}

TEST(Events, EmptyAndTokenlessDocumentsAreSafe) {
  DocAnalysis a;
  ExtractEvents(*Lexicon(), &a);
  EXPECT_TRUE(a.events.empty());
  a.doc.text =
      "\xE2\x80\x9C"
      "A quote with no tokens at all here.\xE2\x80\x9D";
  ExtractEvents(*Lexicon(), &a);
  EXPECT_EQ(a.quotes.size(), 1u);
}

}  // namespace
}  // namespace synoptic::events

namespace synoptic::events {
namespace {

TEST(Events, CoordinatedActorsGiveOneEventEach) {
  DocAnalysis a = Analyze(
      "[Japan]{6}, [Canada]{7} and [Brazil]{3} condemned/V [Ruritania]{8} "
      "and [Freedonia]{9}.");
  std::vector<std::pair<int32_t, int32_t>> pairs;
  for (const Event& e : a.events) {
    if (e.type == "condemn" || e.root_code == "11")
      pairs.push_back({e.source, e.target});
  }
  ASSERT_EQ(pairs.size(), 6u) << Dump(a);
  for (int32_t s : {6, 7, 3}) {
    for (int32_t t : {8, 9}) {
      EXPECT_NE(std::find(pairs.begin(), pairs.end(), std::make_pair(s, t)),
                pairs.end())
          << s << "->" << t << "\n"
          << Dump(a);
    }
  }
}

TEST(Events, AppositionIsNotCoordination) {
  DocAnalysis a = Analyze(
      "[Japan]{6} condemned/V [Ruritania]{8}, [Freedonia]{9}'s neighbour.");
  ASSERT_FALSE(a.events.empty()) << Dump(a);
  for (const Event& e : a.events) EXPECT_NE(e.target, 9) << Dump(a);
}

TEST(Events, ReciprocalVerbWithCoordinatedSubjects) {
  DocAnalysis a = Analyze("[Ruritania]{8} and [Freedonia]{9} clashed/V.");
  bool forward = false, back = false;
  for (const Event& e : a.events) {
    forward = forward || (e.source == 8 && e.target == 9);
    back = back || (e.source == 9 && e.target == 8);
  }
  EXPECT_TRUE(forward && back) << Dump(a);
}

TEST(Events, ThatClauseSubjectIsTheTarget) {
  DocAnalysis a =
      Analyze("[Japan]{6} warned/V that [Ruritania]{8} broke/V the truce.");
  bool found = false;
  for (const Event& e : a.events)
    found = found || (e.source == 6 && e.target == 8);
  EXPECT_TRUE(found) << Dump(a);
}

TEST(Events, BareSpeechVerbIsAttributionNotAnEvent) {
  DocAnalysis a = Analyze("[Japan]{6} said/V it was ready.");
  for (const Event& e : a.events)
    EXPECT_FALSE(e.code.starts_with("01")) << Dump(a);
}

}  // namespace
}  // namespace synoptic::events

namespace synoptic::events {
namespace {

// A lexicon with extra rows in front of the shipped ones (as eval/events
// loads a validation set's own verb dictionary).
std::shared_ptr<const EventLexicon> LexiconWith(const std::string& rows) {
  EventOptions o;
  o.models_dir = std::string(SYN_SOURCE_DIR) + "/models";
  o.extra_verbs_tsv = "# synoptic events_verbs v1\n" + rows;
  auto r = LoadEventLexicon(DefaultEnv(), o);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : nullptr;
}

TEST(Events, PairedRowAlsoCodesTheReverseEvent) {
  auto lex = LexiconWith("V\tland in\tvisit\t042\t1\t1.9\tpair:043\n");
  ASSERT_NE(lex, nullptr);
  DocAnalysis a =
      Build("[Jana Novak]{0} landed/V in [Buenos Aires]{5}.", {}, false);
  ExtractEvents(*lex, &a);
  bool visit = false, host = false;
  for (const Event& e : a.events) {
    visit = visit || (e.code == "042" && e.type == "visit" && e.source == 0 &&
                      e.target == 5);
    // The reverse is the host's event in type too (who travels where reads
    // types: "host" runs target -> source).
    host = host || (e.code == "043" && e.type == "host" && e.source == 5 &&
                    e.target == 0 && e.quad_class == 1 && e.root_code == "04");
  }
  EXPECT_TRUE(visit && host) << Dump(a);
}

TEST(Events, ActorSlotsOfARowPlaceSourceAndTarget) {
  // "+ free from $": the freed subject is the target, the actor after
  // "from" the source (not the passive's missing by-agent).
  auto lex = LexiconWith("V\t+ free from $\tfree\t080\t2\t5.0\t-\n");
  ASSERT_NE(lex, nullptr);
  DocAnalysis a = Build(
      "The [Freedonian army]{11} was freed/V from [Ruritania]{8} on "
      "Sunday.",
      {}, false);
  ExtractEvents(*lex, &a);
  ASSERT_EQ(a.events.size(), 1u) << Dump(a);
  EXPECT_EQ(a.events[0].code, "080");
  EXPECT_EQ(a.events[0].source, 8) << Dump(a);
  EXPECT_EQ(a.events[0].target, 11) << Dump(a);
}

TEST(Events, ParenthesisAndArticleInCoordinatedSubjects) {
  DocAnalysis a =
      Analyze("[Brazil]{3} and the [Freedonian army]{11} (FA) clashed/V.");
  bool forward = false, back = false;
  for (const Event& e : a.events) {
    forward = forward || (e.source == 3 && e.target == 11);
    back = back || (e.source == 11 && e.target == 3);
  }
  EXPECT_TRUE(forward && back) << Dump(a);
}

TEST(Events, PossessorIsNotAConjunct) {
  DocAnalysis a = Analyze(
      "[Ruritania]{8}'s awful and evil minister [Lena Ortiz]{13} "
      "condemned/V [Freedonia]{9}.");
  ASSERT_FALSE(a.events.empty()) << Dump(a);
  for (const Event& e : a.events) EXPECT_EQ(e.source, 13) << Dump(a);
}

TEST(Events, ReducedPassiveRelativeTakesTheByAgent) {
  DocAnalysis a =
      Analyze("[Japan]{6} mourned/V the victims killed/V by [Ruritania]{8}.");
  const Event* kill = nullptr;
  for (const Event& e : a.events)
    if (e.code == "190") kill = &e;
  ASSERT_NE(kill, nullptr) << Dump(a);
  EXPECT_EQ(kill->source, 8) << Dump(a);
  EXPECT_NE(kill->target, 6) << Dump(a);
}

TEST(Events, VerbAfterModalAndAdverbsIsStillAVerb) {
  // A tagger may call "attack" a noun; after "did not even" it is a verb.
  DocAnalysis a = Analyze("[Japan]{6} did not even attack/N [Ruritania]{8}.");
  bool found = false;
  for (const Event& e : a.events) {
    found = found || (e.source == 6 && e.target == 8 &&
                      e.modality == Modality::kNegated);
  }
  EXPECT_TRUE(found) << Dump(a);
}

TEST(Events, NominalInCircumstantialPhraseIsBackground) {
  // With a verbal event in the clause, "during a visit" is its occasion.
  DocAnalysis a = Analyze(
      "[Jana Novak]{0} met/V [Otto Brandt]{1} during a/D brief/A private/N "
      "visit/V to [Brazil]{3}.");
  bool met = false;
  for (const Event& e : a.events) {
    EXPECT_NE(e.code, "042") << Dump(a);
    met = met || (e.code == "040" && e.source == 0 && e.target == 1);
  }
  EXPECT_TRUE(met) << Dump(a);
  // Alone in its sentence, the visit is the news.
  DocAnalysis b = Analyze(
      "During a/D visit/N by [Jana Novak]{0} to [Brazil]{3}, markets/N "
      "were/V calm/A.");
  bool visit = false;
  for (const Event& e : b.events)
    visit = visit || (e.code == "042" && e.source == 0 && e.target == 3);
  EXPECT_TRUE(visit) << Dump(b);
}

TEST(Events, EachPairCodedOncePerTrigger) {
  for (const char* text :
       {"[Japan]{6} and [Canada]{7} met/V.",
        "[Japan]{6} and [Canada]{7} have renewed/V diplomatic/A ties/N.",
        "[Japan]{6}, [Canada]{7} and [Brazil]{3} condemned/V "
        "[Ruritania]{8}."}) {
    DocAnalysis a = Analyze(text);
    for (size_t i = 0; i < a.events.size(); ++i) {
      for (size_t k = 0; k < i; ++k) {
        const Event &x = a.events[i], &y = a.events[k];
        EXPECT_FALSE(x.code == y.code && x.source == y.source &&
                     x.target == y.target && x.trigger.begin == y.trigger.begin)
            << text << "\n"
            << Dump(a);
      }
    }
  }
}

TEST(Events, GroupPhraseAtClauseStartNamesTheActor) {
  DocAnalysis a = Analyze(
      "The/D government/N of/P [Brazil]{3} condemned/V [Ruritania]{8}.");
  bool found = false;
  for (const Event& e : a.events)
    found = found || (e.source == 3 && e.target == 8 && e.root_code == "11");
  EXPECT_TRUE(found) << Dump(a);
  // Coordinated with a name, both are sources.
  DocAnalysis b = Analyze(
      "[Japan]{6} and the/D soldiers/N from/P [Brazil]{3} condemned/V "
      "[Ruritania]{8}.");
  bool japan = false, brazil = false;
  for (const Event& e : b.events) {
    japan = japan || (e.source == 6 && e.target == 8);
    brazil = brazil || (e.source == 3 && e.target == 8);
  }
  EXPECT_TRUE(japan && brazil) << Dump(b);
  // Inside a place phrase the group is no subject.
  DocAnalysis c = Analyze(
      "In/P the/D capital/N of/P [Brazil]{3}, [Japan]{6} condemned/V "
      "[Ruritania]{8}.");
  for (const Event& e : c.events) EXPECT_NE(e.source, 3) << Dump(c);
}

TEST(Events, PlaceInsideTheObjectPhraseIsTheTargetOfLastResort) {
  DocAnalysis a = Analyze(
      "[Japan]{6} criticized/V the/D closure/N of/P guest/N houses/N in/P "
      "[Ruritania]{8}.");
  bool found = false;
  for (const Event& e : a.events)
    found = found || (e.source == 6 && e.target == 8);
  EXPECT_TRUE(found) << Dump(a);
  // "the roads leading into X": a participle modifying the object.
  DocAnalysis b = Analyze(
      "[Japan]{6} criticized/V the/D roads/N leading/V into/P "
      "[Ruritania]{8}.");
  found = false;
  for (const Event& e : b.events)
    found = found || (e.source == 6 && e.target == 8);
  EXPECT_TRUE(found) << Dump(b);
  // Not across a temporal phrase, and not without an object noun.
  DocAnalysis c = Analyze(
      "[Japan]{6} criticized/V the/D plan/N after/P talks/N in/P "
      "[Ruritania]{8}.");
  for (const Event& e : c.events) EXPECT_NE(e.target, 8) << Dump(c);
  DocAnalysis d = Analyze("[Japan]{6} protested/V in/P [Ruritania]{8}.");
  for (const Event& e : d.events) EXPECT_NE(e.target, 8) << Dump(d);
}

TEST(Events, CommaBetweenModifiersEndsNoPhrase) {
  DocAnalysis a = Analyze(
      "[Japan]{6} held/V long/A, difficult/A talks/N with/P [Canada]{7}.");
  bool found = false;
  for (const Event& e : a.events)
    found = found || (e.code == "040" && e.source == 6 && e.target == 7);
  EXPECT_TRUE(found) << Dump(a);
}

TEST(Events, SkipElementPassesOverOnePhrase) {
  // PETRARCH's "IFTAR (IN ^) +": the target follows the place phrase.
  auto lex =
      LexiconWith("V\tcelebrate iftar in ~ +\tcelebrate\t017\t1\t0.0\t-\n");
  ASSERT_NE(lex, nullptr);
  DocAnalysis a = Build(
      "[Japan]{6} celebrated/V Iftar/N in/P [Vienna]{2} with/P the/D "
      "leaders/N of/P [Canada]{7}.",
      {}, false);
  ExtractEvents(*lex, &a);
  bool found = false;
  for (const Event& e : a.events)
    found = found || (e.code == "017" && e.source == 6 && e.target == 7);
  EXPECT_TRUE(found) << Dump(a);
}

TEST(Events, AuxiliaryMayStandBeforeTheHeadVerb) {
  auto lex = LexiconWith("V\tdeath toll ^rise\tkill\t190\t4\t-10.0\t-\n");
  ASSERT_NE(lex, nullptr);
  DocAnalysis a = Build(
      "[Japan]{6}'s death/N toll/N has risen/V in/P the/D dispute/N with/P "
      "[Ruritania]{8}.",
      {}, false);
  ExtractEvents(*lex, &a);
  bool found = false;
  for (const Event& e : a.events)
    found = found || (e.code == "190" && e.source == 6 && e.target == 8);
  EXPECT_TRUE(found) << Dump(a);
}

TEST(Events, InflectedWordAfterOpeningNameIsTheVerb) {
  // A tagger may call "departs" a noun; after the opening name and before
  // a preposition it is the verb.
  auto lex = LexiconWith("V\tdepart\tdepart\t040\t1\t1.0\t-\n");
  ASSERT_NE(lex, nullptr);
  DocAnalysis a =
      Build("[Japan]{6} departs/N from/P [Ruritania]{8}.", {}, false);
  ExtractEvents(*lex, &a);
  bool found = false;
  for (const Event& e : a.events)
    found = found || (e.code == "040" && e.source == 6 && e.target == 8);
  EXPECT_TRUE(found) << Dump(a);
}

TEST(Events, ParticipleBeforeANameIsAnAdjective) {
  DocAnalysis a = Analyze(
      "[Japan]{6} launched/V a/D new/A offensive/N against/P besieged/V "
      "[Ruritania]{8}.");
  bool attack = false;
  for (const Event& e : a.events) {
    EXPECT_NE(e.code, "191") << Dump(a);  // "besieged" is no blockade here
    // The light verb's subject is the offensive's source.
    attack = attack || (e.root_code == "19" && e.source == 6 && e.target == 8);
  }
  EXPECT_TRUE(attack) << Dump(a);
}

TEST(Events, FullPassiveWhateverTheAuxiliarysTag) {
  // "was" tagged as a noun does not make a reduced relative.
  DocAnalysis a =
      Analyze("[Freedonia]{9} was/N attacked/V by/P [Ruritania]{8}.");
  bool found = false;
  for (const Event& e : a.events)
    found = found || (e.root_code == "19" && e.source == 8 && e.target == 9);
  EXPECT_TRUE(found) << Dump(a);
}

TEST(Events, IngParticipleAfterAnObjectIsAReducedRelative) {
  DocAnalysis a = Analyze(
      "[Japan]{6} boycotted/V the/D parade/N supporting/V [Ruritania]{8}.");
  for (const Event& e : a.events) {
    if (Str(a, e.trigger) == "supporting") {
      EXPECT_NE(e.source, 6) << Dump(a);
    }
  }
}

TEST(Events, TimeAdverbialBeforeThatClauseOrControlledVerb) {
  DocAnalysis a = Analyze(
      "[Japan]{6} warned/V on <Thursday>{0} that [Ruritania]{8} would/V "
      "suffer/V.",
      {"2024-01-04"});
  bool warned = false;
  for (const Event& e : a.events)
    warned = warned || (e.root_code == "13" && e.source == 6 && e.target == 8);
  EXPECT_TRUE(warned) << Dump(a);
  // "resolved on Thursday to attack": the attack is the event, the control
  // verb only its modality.
  auto lex = LexiconWith("V\tresolve\tresolve\t170\t3\t-4.4\t-\n");
  ASSERT_NE(lex, nullptr);
  DocAnalysis b = Build(
      "[Japan]{6} resolved/V on <Thursday>{0} to attack/V [Ruritania]{8}.",
      {"2024-01-04"}, false);
  ExtractEvents(*lex, &b);
  bool attack = false;
  for (const Event& e : b.events) {
    EXPECT_NE(e.code, "170") << Dump(b);
    attack = attack || (e.root_code == "19" && e.source == 6 && e.target == 8);
  }
  EXPECT_TRUE(attack) << Dump(b);
}

TEST(Events, VisitAlsoCodesTheHost) {
  DocAnalysis a = Analyze("[Jana Novak]{0} visited/V [Brazil]{3}.");
  bool visit = false, host = false;
  for (const Event& e : a.events) {
    visit = visit || (e.code == "042" && e.source == 0 && e.target == 3);
    host = host || (e.code == "043" && e.source == 3 && e.target == 0);
  }
  EXPECT_TRUE(visit && host) << Dump(a);
}

TEST(Events, AboutPhraseGivesTheTargetOfAWarning) {
  DocAnalysis a = Analyze("[Japan]{6} warned/V about [Ruritania]{8}.");
  bool found = false;
  for (const Event& e : a.events)
    found = found || (e.source == 6 && e.target == 8 && e.root_code == "13");
  EXPECT_TRUE(found) << Dump(a);
}

}  // namespace
}  // namespace synoptic::events

namespace synoptic::events {
namespace {

// Taggers type unfamiliar states as places at random: a place name still
// coordinates with actors, stands for its people after a group noun, and is
// the host of "arrived in".
TEST(Events, PlaceTypedNamesActWhereAStateWould) {
  DocAnalysis a = Analyze(
      "[Ruritania]{8} , [Zembla]{14} and [Freedonia]{9} condemned/V "
      "[Japan]{6} .");
  int from_zembla = 0;
  for (const Event& e : a.events) from_zembla += e.source == 14 && e.target == 6;
  EXPECT_EQ(a.events.size(), 3u) << Dump(a);
  EXPECT_EQ(from_zembla, 1) << Dump(a);
  a = Analyze("Rights activists/N in [Zembla]{14} condemned/V [Japan]{6} .");
  ASSERT_EQ(a.events.size(), 1u) << Dump(a);
  EXPECT_EQ(a.events[0].source, 14) << Dump(a);
  a = Analyze("[Jana Novak]{0} arrived/V in [Zembla]{14} on Monday .");
  ASSERT_FALSE(a.events.empty()) << Dump(a);
  EXPECT_EQ(a.events[0].source, 0) << Dump(a);
  EXPECT_EQ(a.events[0].target, 14) << Dump(a);
}

// "her" before a noun is a determiner of the object, not the target; an
// actor in the of-phrase of a locative phrase is the fallback target.
TEST(Events, PossessivesAreNoTargetsAndVicinityPhrasesAre) {
  DocAnalysis a = Analyze(
      "[Jana Novak]{0} condemned/V [her]{0p} rival/N [Lena Ortiz]{13} .");
  ASSERT_EQ(a.events.size(), 1u) << Dump(a);
  EXPECT_EQ(a.events[0].target, 13) << Dump(a);
  // A consultation's place is its venue ("signed a trade agreement in
  // X", in ReciprocalSubjectsAndMultiwordPattern); an exercise in X is
  // aimed at X, as PETRARCH codes it.
  a = Analyze("[Ruritania]{8} held/V military exercises/N in [Japan]{6} .");
  ASSERT_EQ(a.events.size(), 1u) << Dump(a);
  EXPECT_EQ(a.events[0].code, "150") << Dump(a);
  EXPECT_EQ(a.events[0].target, 6) << Dump(a);
  a = Analyze(
      "[Ruritania]{8} condemned/V the shelling/N in the vicinity/N of "
      "[Freedonia]{9} .");
  ASSERT_EQ(a.events.size(), 1u) << Dump(a);
  EXPECT_EQ(a.events[0].source, 8) << Dump(a);
  EXPECT_EQ(a.events[0].target, 9) << Dump(a);
}

// --- The learned choice of quote sources (internal/source_ranker.h). ---

// Rules' quotes of `markup` re-decided by a model made of `weights`
// (feature string -> weight).
DocAnalysis Reranked(std::string_view markup,
                     const std::map<std::string, float>& weights,
                     std::vector<QuoteFrame>* frames) {
  DocAnalysis a = Build(markup);
  internal::DocView view;
  view.Build(a, *Lexicon());
  internal::FindQuotes(view, internal::QuoteOptions(), &a.quotes, frames);
  std::unordered_map<uint64_t, float> w;
  for (const auto& [k, x] : weights) w[internal::SourceFeatureHash(k)] = x;
  const auto model = internal::SourceRanker::FromWeights(std::move(w));
  internal::RerankSources(view, *model, internal::SourceChoiceOptions(),
                          &a.quotes, frames);
  return a;
}

TEST(QuoteSources, ModelFileParsesAndRejectsBadInput) {
  auto r = internal::SourceRanker::Parse(
      "# synoptic quote-sources v1\n# made by: hand\nnone\t-1500\n"
      "rule|head|analysts\t250\nrows\t2\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->size(), 2u);
  internal::SourceCandidate c;
  c.features = {internal::SourceFeatureHash("none"),
                internal::SourceFeatureHash("unknown feature")};
  EXPECT_FLOAT_EQ((*r)->Score(c), -1.5f);
  r = internal::SourceRanker::Parse("# synoptic quote-sources v2\nrows\t0\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotSupported);
  // Truncated: the count row is missing or wrong.
  r = internal::SourceRanker::Parse("# synoptic quote-sources v1\nnone\t-1\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
  r = internal::SourceRanker::Parse(
      "# synoptic quote-sources v1\nnone\t-1\nrows\t2\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
  r = internal::SourceRanker::Parse(
      "# synoptic quote-sources v1\nnone\tlots\nrows\t1\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
}

TEST(QuoteSources, ShippedModelIsLoadedWithTheLexicon) {
  ASSERT_NE(Lexicon(), nullptr);
  EXPECT_EQ(Lexicon()->source_ranker(), nullptr);
  EventOptions o;
  o.models_dir = std::string(SYN_SOURCE_DIR) + "/models";
  auto r = LoadEventLexicon(DefaultEnv(), o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_NE((*r)->source_ranker(), nullptr);
  EXPECT_GT((*r)->source_ranker()->size(), 1000u);
  // A damaged model file fails the load instead of being ignored.
  MemEnv env;
  for (const char* f : {"events_verbs.tsv", "events_cues.tsv",
                        "events_forms.tsv"}) {
    auto text = DefaultEnv()->ReadFile(o.models_dir + "/" + f, 1u << 22);
    ASSERT_TRUE(text.ok());
    env.AddFile(std::string("m/") + f, *text);
  }
  env.AddFile("m/quotes_sources.tsv",
              "# synoptic quote-sources v1\nnone\t-1\n");
  EventOptions m;
  m.models_dir = "m";
  m.imported_verbs = false;
  r = LoadEventLexicon(&env, m);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
}

// An unresolved source phrase is the ranker's to change: to "no source"
// (speaker cleared) or to another phrase of the sentence (speaker follows).
TEST(QuoteSources, RankerReplacesAnUnresolvedSource) {
  const char* text =
      "In [Vienna]{2}, some analysts said/V the plan had/V failed/V.";
  std::vector<QuoteFrame> frames;
  DocAnalysis a = Reranked(text, {{"rule", 1}}, &frames);
  int i = QuoteWithSpan(a, "the plan had failed");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "some analysts");
  EXPECT_EQ(a.quotes[i].speaker_text, "some analysts");
  frames.clear();
  a = Reranked(text, {{"none", 5}}, &frames);
  i = QuoteWithSpan(a, "the plan had failed");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_TRUE(frames[i].source.empty()) << Dump(a);
  EXPECT_EQ(a.quotes[i].speaker, -1);
  EXPECT_EQ(a.quotes[i].speaker_text, "");
  frames.clear();
  a = Reranked(text, {{"ment|mtype|GPE", 5}}, &frames);
  i = QuoteWithSpan(a, "the plan had failed");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Vienna");
  EXPECT_EQ(a.quotes[i].speaker, 2);
}

// A source the rules resolved to an entity is kept whatever the model says.
TEST(QuoteSources, NamedSpeakerIsKept) {
  std::vector<QuoteFrame> frames;
  DocAnalysis a = Reranked(
      "In [Vienna]{2}, [Jana Novak]{0} said/V the plan had/V failed/V.",
      {{"none", 50}, {"ment|mtype|GPE", 100}}, &frames);
  const int i = QuoteWithSpan(a, "the plan had failed");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(Str(a, frames[i].source), "Jana Novak");
  EXPECT_EQ(a.quotes[i].speaker, 0);
}

// "X warned that Y said Z": X is no candidate source of Z (another cue
// stands between them), and no candidate lies inside the content.
TEST(QuoteSources, NoCandidateAcrossAnotherCueOrInsideTheContent) {
  DocAnalysis a = Build(
      "[Jana Novak]{0} warned/V that the farmers said/V the talks had/V "
      "failed/V.");
  internal::DocView view;
  view.Build(a, *Lexicon());
  std::vector<QuoteFrame> frames;
  internal::FindQuotes(view, internal::QuoteOptions(), &a.quotes, &frames);
  const int i = QuoteWithSpan(a, "the talks had failed");
  ASSERT_GE(i, 0) << Dump(a);
  const auto choices = internal::SourceChoices(view, a.quotes, frames,
                                               internal::SourceChoiceOptions());
  bool seen = false;
  for (const auto& ch : choices) {
    if (ch.quote != static_cast<size_t>(i)) continue;
    seen = true;
    ASSERT_FALSE(ch.candidates.empty());
    EXPECT_TRUE(ch.candidates[0].none);
    for (size_t k = 1; k < ch.candidates.size(); ++k) {
      const auto& c = ch.candidates[k];
      const std::string phrase(view.Text(c.first, c.last));
      EXPECT_EQ(phrase.find("Novak"), std::string::npos) << phrase;
      EXPECT_EQ(phrase.find("talks"), std::string::npos) << phrase;
    }
  }
  EXPECT_TRUE(seen);
}

TEST(QuoteSources, BratOffsetsAreCodePoints) {
  // "\u201CHi,\u201D Ana said." : the curly marks are 3 bytes each.
  auto d = ReadBratAttributions(
      "\xE2\x80\x9CHi,\xE2\x80\x9D Ana said.",
      "T1\tSource 6 9\tAna\nT2\tCue 10 14\tsaid\nT3\tContent 1 3\tHi\n"
      "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->gold.size(), 1u);
  ASSERT_EQ(d->gold[0].source.size(), 1u);
  EXPECT_EQ(
      d->text.substr(d->gold[0].source[0].begin, d->gold[0].source[0].size()),
      "Ana");
  ASSERT_EQ(d->gold[0].content.size(), 1u);
  EXPECT_EQ(
      d->text.substr(d->gold[0].content[0].begin, d->gold[0].content[0].size()),
      "Hi");
  EXPECT_FALSE(ReadBratAttributions("\xff\xfe", "").ok());
}

// --- The learned cue detector (internal/cue_model.h). ---

// Quotes of `markup` found by the rules with a cue model made of `weights`
// (feature string -> weight) and `threshold`.
DocAnalysis WithCues(std::string_view markup,
                     const std::map<std::string, float>& weights,
                     double threshold, std::vector<QuoteFrame>* frames) {
  DocAnalysis a = Build(markup);
  internal::DocView view;
  view.Build(a, *Lexicon());
  std::unordered_map<uint64_t, float> w;
  for (const auto& [k, x] : weights) w[internal::CueFeatureHash(k)] = x;
  const auto model = internal::CueModel::FromWeights(std::move(w), threshold);
  internal::QuoteOptions qo;
  qo.cue_model = model.get();
  internal::FindQuotes(view, qo, &a.quotes, frames);
  return a;
}

TEST(QuoteCues, ModelFileParsesAndRejectsBadInput) {
  auto r = internal::CueModel::Parse(
      "# synoptic quote-cues v1\n# made by: hand\nthreshold\t0.4\n"
      "bias\t-2000\nw|unveiled\t3500\nrows\t2\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->size(), 2u);
  EXPECT_DOUBLE_EQ((*r)->threshold(), 0.4);
  // bias + w|unveiled = 1.5: p = 1 / (1 + e^-1.5).
  EXPECT_NEAR((*r)->Probability({internal::CueFeatureHash("bias"),
                                 internal::CueFeatureHash("w|unveiled"),
                                 internal::CueFeatureHash("unknown")}),
              0.8176, 1e-3);
  EXPECT_NEAR((*r)->Probability({internal::CueFeatureHash("bias")}), 0.1192,
              1e-3);
  for (const char* bad : {
           "# synoptic quote-cues v1\nbias\t1\nrows\t1\n",  // no threshold
           "# synoptic quote-cues v1\nthreshold\t1.5\nrows\t0\n",
           "# synoptic quote-cues v1\nthreshold\t0.5\nbias\t1\n",  // cut
           "# synoptic quote-cues v1\nthreshold\t0.5\nbias\t1\nrows\t2\n",
           "# synoptic quote-cues v1\nthreshold\t0.5\nbias\tx\nrows\t1\n",
       }) {
    r = internal::CueModel::Parse(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kCorrupt) << bad;
  }
  r = internal::CueModel::Parse("# synoptic quote-cues v2\nrows\t0\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotSupported);
}

// Only verbs the rules do not read as cues themselves are the model's.
TEST(QuoteCues, CandidatesAreVerbsOutsideTheRulesList) {
  DocAnalysis a = Build(
      "Unveiled/V plans/N : [Jana Novak]{0} unveiled/V a plan/N and "
      "said/V it was/V good/A .");
  internal::DocView view;
  view.Build(a, *Lexicon());
  const uint32_t sf = 0, se = view.size();
  std::vector<std::string> yes;
  for (uint32_t i = sf; i < se; ++i)
    if (internal::CueCandidate(view, i, sf, se)) yes.emplace_back(view.low[i]);
  // Not the sentence's first word, not "said" (listed), not "was" (aux).
  EXPECT_EQ(yes, std::vector<std::string>{"unveiled"});
}

// A verb the model scores above the threshold gets the frame of a listed
// verb: the subject before it is the source, the rest of the clause the
// content; below the threshold (or without a model) there is none.
TEST(QuoteCues, LearnedCueAddsAnAttribution) {
  const char* text =
      "[Jana Novak]{0} unveiled/V a plan/N to cut/V taxes/N for farmers/N .";
  std::vector<QuoteFrame> frames;
  DocAnalysis a =
      WithCues(text, {{"bias", -3}, {"w|unveiled", 4}}, 0.5, &frames);
  int i = QuoteWithSpan(a, "a plan to cut taxes for farmers");
  ASSERT_GE(i, 0) << Dump(a);
  EXPECT_EQ(a.quotes[i].cue, "unveiled");
  EXPECT_EQ(Str(a, frames[i].source), "Jana Novak");
  EXPECT_EQ(a.quotes[i].speaker, 0);
  frames.clear();
  a = WithCues(text, {{"bias", -3}, {"w|unveiled", 4}}, 0.9, &frames);
  EXPECT_LT(QuoteWithSpan(a, "a plan to cut taxes for farmers"), 0) << Dump(a);
  frames.clear();
  a = WithCues(text, {{"bias", -3}, {"w|unveiled", 1}}, 0.5, &frames);
  EXPECT_LT(QuoteWithSpan(a, "a plan to cut taxes for farmers"), 0) << Dump(a);
  // A listed verb needs no model and is not scored by it.
  frames.clear();
  a = WithCues("[Jana Novak]{0} said/V taxes/N would/V fall/V .",
               {{"bias", -30}}, 0.5, &frames);
  EXPECT_GE(QuoteWithSpan(a, "taxes would fall"), 0) << Dump(a);
}

TEST(QuoteCues, ShippedModelIsLoadedWithTheLexicon) {
  EXPECT_EQ(Lexicon()->cue_model(), nullptr);
  EventOptions o;
  o.models_dir = std::string(SYN_SOURCE_DIR) + "/models";
  auto r = LoadEventLexicon(DefaultEnv(), o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_NE((*r)->cue_model(), nullptr);
  EXPECT_GT((*r)->cue_model()->size(), 1000u);
  EXPECT_GT((*r)->cue_model()->threshold(), 0.0);
  EXPECT_LE((*r)->cue_model()->threshold(), 1.0);
  // A damaged model file fails the load instead of being ignored.
  MemEnv env;
  for (const char* f :
       {"events_verbs.tsv", "events_cues.tsv", "events_forms.tsv"}) {
    auto text = DefaultEnv()->ReadFile(o.models_dir + "/" + f, 1u << 22);
    ASSERT_TRUE(text.ok());
    env.AddFile(std::string("m/") + f, *text);
  }
  env.AddFile("m/quotes_cues.tsv",
              "# synoptic quote-cues v1\nthreshold\t0.5\nbias\t-1\n");
  EventOptions m;
  m.models_dir = "m";
  m.imported_verbs = false;
  m.quote_sources.clear();
  r = LoadEventLexicon(&env, m);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
}

}  // namespace
}  // namespace synoptic::events
