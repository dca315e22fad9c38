#include "synoptic/nlp/nlp.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace synoptic::nlp {
namespace {

// Most tests here are of the rule-based passes (the mention finder stays
// the fallback and supplies the demonyms and known actors the entity model
// leaves out), so they run without the trained entity model; NerPipeline
// tests the default pipeline with it.
NlpOptions RulesOptions() {
  NlpOptions o;
  o.models_dir = SYN_SOURCE_DIR "/models";
  o.ner_model.clear();
  return o;
}

std::shared_ptr<const NlpModel> Model() {
  const NlpOptions o = RulesOptions();
  auto m = LoadNlpModel(DefaultEnv(), o);
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return *m;
}

DocAnalysis Analyze(const std::string& text) {
  static const std::shared_ptr<const NlpModel> model = Model();
  DocAnalysis a;
  a.doc.text = text;
  Annotate(*model, RulesOptions(), &a);
  return a;
}

std::vector<std::string> Tokens(const DocAnalysis& a) {
  std::vector<std::string> out;
  for (const Token& t : a.tokens) {
    out.push_back(a.doc.text.substr(t.begin, t.end - t.begin));
  }
  return out;
}

std::vector<std::string> Sentences(const DocAnalysis& a) {
  std::vector<std::string> out;
  for (const Sentence& s : a.sentences) {
    out.push_back(a.doc.text.substr(s.span.begin, s.span.size()));
  }
  return out;
}

std::vector<std::string> Mentions(const DocAnalysis& a) {
  std::vector<std::string> out;
  for (const Mention& m : a.mentions) {
    out.push_back(a.doc.text.substr(m.span.begin, m.span.size()));
  }
  return out;
}

const Mention* FindMention(const DocAnalysis& a, const std::string& s) {
  for (const Mention& m : a.mentions) {
    if (a.doc.text.substr(m.span.begin, m.span.size()) == s) return &m;
  }
  return nullptr;
}

using V = std::vector<std::string>;

TEST(Tokenizer, KeepsAbbreviationsNumbersAndHyphens) {
  DocAnalysis a = Analyze(
      "Dr. Lee met U.S. envoys on Sept. 9/13 over 1,000.5 "
      "long-range rockets in Jong-un's era.");
  EXPECT_EQ(Tokens(a), (V{"Dr.", "Lee", "met", "U.S.", "envoys", "on", "Sept.",
                          "9/13", "over", "1,000.5", "long-range", "rockets",
                          "in", "Jong-un", "'s", "era", "."}));
}

TEST(Tokenizer, KeepsDottedDegreesAndInitials) {
  DocAnalysis a = Analyze("Usman holds a Ph.D. from J. R. Tolkien e.g. here.");
  EXPECT_EQ(Tokens(a), (V{"Usman", "holds", "a", "Ph.D.", "from", "J.", "R.",
                          "Tolkien", "e.g.", "here", "."}));
}

TEST(Tokenizer, SplitsQuotesDashesAndEllipses) {
  DocAnalysis a = Analyze(
      "\xE2\x80\x9CNo\xE2\x80\x9D \xC2\xABoui\xC2\xBB "
      "\xE2\x80\x9EJa\xE2\x80\x9C it\xE2\x80\x99s "
      "over\xE2\x80\x94really\xE2\x80\xA6 wait...");
  EXPECT_EQ(
      Tokens(a),
      (V{"\xE2\x80\x9C", "No", "\xE2\x80\x9D", "\xC2\xAB", "oui", "\xC2\xBB",
         "\xE2\x80\x9E", "Ja", "\xE2\x80\x9C", "it", "\xE2\x80\x99s", "over",
         "\xE2\x80\x94", "really", "\xE2\x80\xA6", "wait", "..."}));
  EXPECT_TRUE(a.tokens[0].flags & kTokQuote);
  EXPECT_TRUE(a.tokens[0].flags & kTokPunct);
}

TEST(Tokenizer, OffsetsAreBytesOverMultiByteText) {
  const std::string text =
      "Erdo\xC4\x9F"
      "an visited Z\xC3\xBCrich.";
  DocAnalysis a = Analyze(text);
  ASSERT_EQ(a.tokens.size(), 4u);
  EXPECT_EQ(a.tokens[0].begin, 0u);
  EXPECT_EQ(a.tokens[0].end, 8u);  // "Erdoğan" is 8 bytes
  EXPECT_EQ(text.substr(a.tokens[2].begin, a.tokens[2].end - a.tokens[2].begin),
            "Z\xC3\xBCrich");
  EXPECT_TRUE(a.tokens[0].flags & kTokCapitalized);
  EXPECT_TRUE(a.tokens[0].flags & kTokSentenceStart);
}

TEST(Tokenizer, SetsCapsAndDigitFlags) {
  DocAnalysis a = Analyze("NATO has 32 members.");
  EXPECT_TRUE(a.tokens[0].flags & kTokAllCaps);
  EXPECT_TRUE(a.tokens[2].flags & kTokDigit);
  EXPECT_EQ(a.tokens[2].pos, Pos::kNum);
  EXPECT_EQ(a.tokens[4].pos, Pos::kPunct);
}

TEST(Sentences, DoNotSplitAfterAbbreviationsOrInitials) {
  DocAnalysis a = Analyze(
      "Mr. Grant met Vladimir V. Putin in St. Petersburg. "
      "They talked for an hour! \"Was it useful?\" she asked. "
      "Prices rose 3.5 percent.");
  EXPECT_EQ(Sentences(a),
            (V{"Mr. Grant met Vladimir V. Putin in St. Petersburg.",
               "They talked for an hour!", "\"Was it useful?\" she asked.",
               "Prices rose 3.5 percent."}));
}

TEST(Sentences, ClosingQuoteStaysWithItsSentence) {
  DocAnalysis a = Analyze(
      "He said: \xE2\x80\x9CWe will stay.\xE2\x80\x9D "
      "Then he left.");
  EXPECT_EQ(Sentences(a), (V{"He said: \xE2\x80\x9CWe will stay.\xE2\x80\x9D",
                             "Then he left."}));
}

TEST(Sentences, SplitAtParagraphsAndRecordTheParagraph) {
  DocAnalysis a;
  a.doc.text = "Markets opened lower\n\nTraders were nervous";
  a.doc.paragraphs = {{0, 20}, {22, 42}};
  static const std::shared_ptr<const NlpModel> model = Model();
  Annotate(*model, NlpOptions(), &a);
  ASSERT_EQ(a.sentences.size(), 2u);
  EXPECT_EQ(a.sentences[0].paragraph, 0u);
  EXPECT_EQ(a.sentences[1].paragraph, 1u);
}

TEST(Sentences, CapLimitsSentenceLength) {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "word ";
  DocAnalysis a;
  a.doc.text = text;
  NlpOptions o;
  o.max_sentence_tokens = 10;
  static const std::shared_ptr<const NlpModel> model = Model();
  Annotate(*model, o, &a);
  EXPECT_EQ(a.sentences.size(), 3u);
}

TEST(Tagger, TagsFunctionWordsVerbsAndNames) {
  DocAnalysis a =
      Analyze("The minister quickly signed the deal with Ruritania.");
  EXPECT_EQ(a.tokens[0].pos, Pos::kDet);
  EXPECT_EQ(a.tokens[2].pos, Pos::kAdv);
  EXPECT_EQ(a.tokens[3].pos, Pos::kVerb);
  EXPECT_EQ(a.tokens[6].pos, Pos::kAdp);
  EXPECT_EQ(a.tokens[7].pos, Pos::kPropn);
}

TEST(Mentions, FindsNamesAndSkipsSentenceInitialWords) {
  DocAnalysis a = Analyze(
      "The talks in Vienna ended. However, Maria Lindqvist "
      "of the Ministry of Trade left on Monday in May.");
  EXPECT_EQ(Mentions(a), (V{"Vienna", "Maria Lindqvist", "Ministry of Trade"}));
  EXPECT_EQ(FindMention(a, "Ministry of Trade")->type, EntityType::kOrg);
  EXPECT_EQ(FindMention(a, "Maria Lindqvist")->entity, -1);
}

TEST(Mentions, TitlesSplitRunsAndMarkPersons) {
  DocAnalysis a = Analyze(
      "Talks followed between Freedonian President Rufus "
      "Firefly and the UN General Assembly.");
  EXPECT_EQ(Mentions(a),
            (V{"Freedonian", "Rufus Firefly", "UN General Assembly"}));
  EXPECT_EQ(FindMention(a, "Rufus Firefly")->type, EntityType::kPerson);
  EXPECT_EQ(FindMention(a, "Freedonian")->type, EntityType::kNorp);
}

TEST(Mentions, AcronymsAndDottedNamesAndPlaceCues) {
  DocAnalysis a = Analyze(
      "Officials from NATO and the U.N. Security Council "
      "flew to Tambov oblast.");
  EXPECT_EQ(Mentions(a), (V{"NATO", "U.N. Security Council", "Tambov"}));
  EXPECT_EQ(FindMention(a, "Tambov")->type, EntityType::kGpe);
  EXPECT_EQ(FindMention(a, "U.N. Security Council")->type, EntityType::kOrg);
}

TEST(Mentions, HeadlinesAndChromeDoNotMakeNames) {
  DocAnalysis a = Analyze("BREAKING\n\nMinister Signs Deal With Ruritania");
  for (const std::string& m : Mentions(a)) {
    EXPECT_NE(m, "BREAKING");
    EXPECT_EQ(m.find("Signs"), std::string::npos);
  }
  EXPECT_NE(FindMention(a, "Ruritania"), nullptr);
}

TEST(Load, FailsWithoutLexicon) {
  MemEnv env;
  NlpOptions o;
  o.models_dir = "/nowhere";
  EXPECT_FALSE(LoadNlpModel(&env, o).ok());
  env.AddFile("/bad/nlp_lexicon.tsv", "the\tNOTAPOS\n");
  o.models_dir = "/bad";
  EXPECT_FALSE(LoadNlpModel(&env, o).ok());
}

// The shipped entity model (models/ner_en.bin) in the pipeline: typed
// mentions from the model, and the rule finder's demonyms kept.
TEST(NerPipeline, ShippedModelTypesNamesAndKeepsDemonyms) {
  NlpOptions o;
  o.models_dir = SYN_SOURCE_DIR "/models";
  o.ner_model = "ner_en.bin";
  auto m = LoadNlpModel(DefaultEnv(), o);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  DocAnalysis a;
  a.doc.text =
      "Angela Merkel met Russian officials in Moscow on Tuesday. "
      "The talks at the United Nations ended without a deal.";
  Annotate(**m, o, &a);
  std::map<std::string, EntityType> got;
  for (const Mention& x : a.mentions) {
    got[a.doc.text.substr(x.span.begin, x.span.end - x.span.begin)] = x.type;
  }
  ASSERT_TRUE(got.count("Angela Merkel"));
  EXPECT_EQ(got["Angela Merkel"], EntityType::kPerson);
  ASSERT_TRUE(got.count("Moscow"));
  EXPECT_EQ(got["Moscow"], EntityType::kGpe);
  ASSERT_TRUE(got.count("Russian"));
  EXPECT_EQ(got["Russian"], EntityType::kNorp);
  EXPECT_FALSE(got.count("Tuesday"));
  for (size_t i = 1; i < a.mentions.size(); ++i) {
    EXPECT_LE(a.mentions[i - 1].span.begin, a.mentions[i].span.begin);
  }
}

// Mentions of `text` under the default options with the shipped models:
// surface -> type; `all` lists them for failure messages.
std::map<std::string, EntityType> DefaultMentions(const std::string& text, std::string* all) {
  NlpOptions o;
  o.models_dir = SYN_SOURCE_DIR "/models";
  auto m = LoadNlpModel(DefaultEnv(), o);
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  std::map<std::string, EntityType> got;
  if (!m.ok()) return got;
  DocAnalysis a;
  a.doc.text = text;
  Annotate(**m, o, &a);
  for (const Mention& x : a.mentions) {
    got[a.doc.text.substr(x.span.begin, x.span.end - x.span.begin)] = x.type;
  }
  all->clear();
  for (const auto& [k, v] : got) *all += k + "/" + std::string(EntityTypeName(v)) + " ";
  return got;
}

// The default options use the shipped entity model; role words are cut off
// a person's name, and the rule finder's known actors and places before a
// place word come back where the model has nothing.
TEST(NerPipeline, DefaultUsesTheModelAndCutsRoles) {
  ASSERT_EQ(NlpOptions().ner_model, "ner_en.bin");
  std::string all;
  std::map<std::string, EntityType> got = DefaultMentions(
      "Russian President Vladimir Putin met Dr. Maria Olsen in the Amur oblast on Monday. "
      "Putin later flew back to Moscow.",
      &all);
  EXPECT_TRUE(got.count("Vladimir Putin")) << all;
  EXPECT_EQ(got["Vladimir Putin"], EntityType::kPerson) << all;
  EXPECT_FALSE(got.count("Russian President Vladimir Putin")) << all;
  EXPECT_FALSE(got.count("President Vladimir Putin")) << all;
  EXPECT_EQ(got["Russian"], EntityType::kNorp) << all;
  EXPECT_TRUE(got.count("Amur")) << all;
  EXPECT_EQ(got["Moscow"], EntityType::kGpe) << all;
  EXPECT_FALSE(got.count("Monday")) << all;
}

// A name whose head word names a happening is an event, not a person.
TEST(NerPipeline, WarsAndSummitsAreEvents) {
  std::string all;
  std::map<std::string, EntityType> got = DefaultMentions(
      "The Cold War ended long ago, but the Korean War never formally ended. "
      "Leaders met at the Harbour Summit in Zembla last week.",
      &all);
  EXPECT_EQ(got["Cold War"], EntityType::kEvent) << all;
  EXPECT_EQ(got["Korean War"], EntityType::kEvent) << all;
  EXPECT_EQ(got["Harbour Summit"], EntityType::kEvent) << all;
}

// A capitalised word that only a sentence start or a title-cased heading
// capitalised, and that the document also writes in lower case, is no name.
TEST(NerPipeline, CommonWordsCapitalisedByPositionAreNoNames) {
  std::string all;
  std::map<std::string, EntityType> got = DefaultMentions(
      "Background and Meaning of the Visit\n\n"
      "The minister's visit to the port lasted a day. Worries grew after "
      "the talks. Officials voiced worries about costs. Maria Olsen spoke.",
      &all);
  EXPECT_FALSE(got.count("Visit")) << all;
  EXPECT_FALSE(got.count("Worries")) << all;
  EXPECT_EQ(got["Maria Olsen"], EntityType::kPerson) << all;
}

// A title-cased section heading is no person, unless the gazetteer knows
// the name or the document names it outside the heading too.
TEST(NerPipeline, HeadingWordsAreNoPersons) {
  std::string all;
  std::map<std::string, EntityType> got = DefaultMentions(
      "Harbour Talks and Worries\n\n"
      "Fishermen met in the port on Monday to discuss the new quotas. "
      "Worries grew over the price of fuel.\n\n"
      "Talks With Hendriksen\n\n"
      "Mayor Lars Hendriksen promised an answer within a week.\n",
      &all);
  for (const auto& [k, v] : got) {
    if (v != EntityType::kPerson) continue;
    EXPECT_EQ(k.find("Worries"), std::string::npos) << all;
    EXPECT_EQ(k.find("Harbour"), std::string::npos) << all;
  }
  EXPECT_TRUE(got.count("Lars Hendriksen")) << all;
  // The heading's surname is named in the text: kept.
  EXPECT_TRUE(got.count("Hendriksen")) << all;
}

// Names built on "of" are one organisation ("the Zembla Ministry of
// Fisheries and Forests", "the Bank of Zembla" without its article); after
// a role word the words after "of" are a portfolio, not a person; a
// sentence-initial word ending in "-an" is no nationality unless known.
TEST(NerPipeline, OfNamesPortfoliosAndSentenceInitialWords) {
  std::string all;
  std::map<std::string, EntityType> got = DefaultMentions(
      "The Zembla Ministry of Fisheries and Forests condemned the raid on Friday. "
      "The Bank of Zembla raised its rates. "
      "The Zembla Minister of Silly Walks resigned. "
      "Human rights groups in Zembla protested. "
      "Russian police detained two men.",
      &all);
  EXPECT_TRUE(got.count("Zembla Ministry of Fisheries and Forests")) << all;
  EXPECT_EQ(got["Zembla Ministry of Fisheries and Forests"], EntityType::kOrg) << all;
  EXPECT_FALSE(got.count("Fisheries and Forests")) << all;
  EXPECT_TRUE(got.count("Bank of Zembla")) << all;
  EXPECT_FALSE(got.count("The Bank of Zembla")) << all;
  EXPECT_FALSE(got.count("Silly Walks")) << all;
  EXPECT_FALSE(got.count("Minister")) << all;
  EXPECT_FALSE(got.count("Human")) << all;
  EXPECT_EQ(got["Russian"], EntityType::kNorp) << all;
}

TEST(NerPipeline, MissingModelIsAnError) {
  NlpOptions o;
  o.models_dir = SYN_SOURCE_DIR "/models";
  o.ner_model = "no_such_model.bin";
  auto m = LoadNlpModel(DefaultEnv(), o);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace synoptic::nlp
