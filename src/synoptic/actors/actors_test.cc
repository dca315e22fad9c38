#include "synoptic/actors/actors.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

namespace synoptic::actors {
namespace {

std::shared_ptr<const ActorKb> Kb() {
  ActorOptions o;
  o.models_dir = SYN_SOURCE_DIR "/models";
  auto kb = LoadActorKb(DefaultEnv(), o);
  EXPECT_TRUE(kb.ok()) << kb.status().ToString();
  return kb.ok() ? *kb : nullptr;
}

// Builds the nlp layer by hand from markup: "[Kim Jong Un|P] met ...".
// Brackets mark mentions (|P person, |G place); tokens are words, "'s" and
// single punctuation; a few verbs are tagged VERB and auxiliaries AUX,
// capitalised words PROPN.
DocAnalysis Doc(const std::string& markup) {
  DocAnalysis a;
  std::string& text = a.doc.text;
  std::vector<Mention> mentions;
  size_t open = 0;
  for (size_t i = 0; i < markup.size(); ++i) {
    const char c = markup[i];
    if (c == '[') {
      open = text.size();
    } else if (c == '|' || c == ']') {
      if (c == '|' || markup[i - 1] != 'P') {
        Mention m;
        m.span = {static_cast<uint32_t>(open),
                  static_cast<uint32_t>(text.size())};
        if (c == '|') {
          m.type =
              markup[i + 1] == 'P' ? EntityType::kPerson : EntityType::kGpe;
          i = markup.find(']', i);
        }
        mentions.push_back(m);
      }
    } else {
      text.push_back(c);
    }
  }
  const std::vector<std::string> verbs = {
      "said", "agreed", "met", "warned", "condemned", "spoke", "host"};
  const std::vector<std::string> auxiliaries = {"has", "is", "will"};
  for (size_t i = 0; i < text.size();) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    size_t j = i;
    if (text.compare(i, 2, "'s") == 0) {
      j = i + 2;
    } else if (std::isalnum(static_cast<unsigned char>(text[i]))) {
      while (j < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[j])) ||
              text[j] == '-' ||
              (text[j] == '.' && j + 1 < text.size() && text[j + 1] != ' '))) {
        ++j;
      }
      if (j < text.size() && text[j] == '.' && j - i == 3 && text[i + 1] == '.')
        ++j;
    } else {
      j = i + 1;
    }
    Token t;
    t.begin = static_cast<uint32_t>(i);
    t.end = static_cast<uint32_t>(j);
    const std::string w = text.substr(i, j - i);
    if (!std::isalnum(static_cast<unsigned char>(w[0])) && w != "'s") {
      t.flags = kTokPunct;
      t.pos = Pos::kPunct;
    } else if (std::find(verbs.begin(), verbs.end(), w) != verbs.end()) {
      t.pos = Pos::kVerb;
    } else if (std::find(auxiliaries.begin(), auxiliaries.end(), w) !=
               auxiliaries.end()) {
      t.pos = Pos::kAux;
    } else if (std::isupper(static_cast<unsigned char>(w[0]))) {
      t.pos = Pos::kPropn;
      t.flags = kTokCapitalized;
    } else {
      t.pos = w == "'s" ? Pos::kPart : Pos::kNoun;
    }
    a.tokens.push_back(t);
    i = j;
  }
  Sentence s;
  s.span = {0, static_cast<uint32_t>(text.size())};
  s.end_token = static_cast<uint32_t>(a.tokens.size());
  a.sentences.push_back(s);
  a.mentions = mentions;
  return a;
}

const std::shared_ptr<const ActorKb>& SharedKb() {
  static const std::shared_ptr<const ActorKb> kb = Kb();
  return kb;
}

DocAnalysis Resolve(const std::string& markup,
                    std::optional<civil::Date> date = std::nullopt) {
  DocAnalysis a = Doc(markup);
  ResolveActors(*SharedKb(), date, &a);
  return a;
}

// Entity key of the mention whose surface is s ("" if unlinked, "?" if none).
std::string KeyOf(const DocAnalysis& a, const std::string& s,
                  MentionKind* kind = nullptr) {
  for (const Mention& m : a.mentions) {
    if (a.doc.text.substr(m.span.begin, m.span.size()) != s) continue;
    if (kind) *kind = m.kind;
    return m.entity < 0 ? "" : a.entities[m.entity].key;
  }
  return "?";
}

const LocalEntity* Entity(const DocAnalysis& a, const std::string& key) {
  for (const LocalEntity& e : a.entities) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

constexpr civil::Date kSep2023{2023, 9, 13};

// A first-level division the shipped table lists (GeoNames admin1) takes
// its country's code only when the document names that country.
TEST(ActorKb, RegionOfANamedCountryTakesItsCode) {
  DocAnalysis a = Resolve(
      "[Putin|P] flew to the [Amur|G] oblast , in the far east of [Russia|G] .");
  const LocalEntity* amur = Entity(a, "name:GPE:amur");
  ASSERT_NE(amur, nullptr);
  EXPECT_EQ(amur->code, "RUS");
  // Without Russia in the document, nothing ties Amur to it.
  DocAnalysis b = Resolve("Floods hit the [Amur|G] region .");
  const LocalEntity* amur2 = Entity(b, "name:GPE:amur");
  ASSERT_NE(amur2, nullptr);
  EXPECT_EQ(amur2->code, "");
  // A person named like a region is no place.
  DocAnalysis c = Resolve("[Texas|P] Smith met officials of [Russia|G] .");
  bool coded = false;
  for (const LocalEntity& e : c.entities) coded = coded || (e.name == "Texas" && !e.code.empty());
  EXPECT_FALSE(coded);
}

// "US-led", "Iranian-backed": the country is the group's side and the
// mention shrinks to it; "Russian-made" names no actor and goes.
TEST(ActorKb, CountryBeforeAParticipleOfSide) {
  DocAnalysis a = Resolve(
      "The [US-led|G] coalition fought [Iranian-backed|G] militias with "
      "[Russian-made|G] drones .");
  EXPECT_EQ(KeyOf(a, "US"), "kb:USA");
  MentionKind kind;
  EXPECT_EQ(KeyOf(a, "Iranian", &kind), "kb:IRN");
  EXPECT_EQ(kind, MentionKind::kDemonym);
  EXPECT_EQ(KeyOf(a, "US-led"), "?");
  EXPECT_EQ(KeyOf(a, "Russian-made"), "?");
  EXPECT_EQ(KeyOf(a, "Russian"), "?");
}

TEST(ActorKb, LinksAliasVariantsToOneEntity) {
  DocAnalysis a = Resolve(
      "[Kim Jong-un|P] and [Kim Jong Un|P] met "
      "[Vladimir V. Putin|P] in [DPRK].",
      kSep2023);
  EXPECT_EQ(KeyOf(a, "Kim Jong-un"), "kb:kim_jong_un");
  EXPECT_EQ(KeyOf(a, "Kim Jong Un"), "kb:kim_jong_un");
  EXPECT_EQ(KeyOf(a, "Vladimir V. Putin"), "kb:putin_vladimir");
  EXPECT_EQ(KeyOf(a, "DPRK"), "kb:PRK");
  const LocalEntity* kim = Entity(a, "kb:kim_jong_un");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->aliases.size(), 2u);
  EXPECT_EQ(kim->code, "PRKGOV");
  EXPECT_EQ(Entity(a, "kb:putin_vladimir")->code, "RUSGOV");
  EXPECT_EQ(Entity(a, "kb:PRK")->type, EntityType::kGpe);
}

TEST(ActorKb, KeysForNameFollowTheResolversNormalisation) {
  const auto kb = Kb();
  ASSERT_NE(kb, nullptr);
  using V = std::vector<std::string>;
  EXPECT_EQ(KbKeysForName(*kb, "Vladimir Putin"), V{"kb:putin_vladimir"});
  EXPECT_EQ(KbKeysForName(*kb, "the DPRK"), V{"kb:PRK"});
  EXPECT_EQ(KbKeysForName(*kb, "Seoul"), V{"kb:city:seoul"});
  EXPECT_EQ(KbKeysForName(*kb, "kim jong-un"), V{"kb:kim_jong_un"});
  EXPECT_TRUE(KbKeysForName(*kb, "Zorblat Inc").empty());
  EXPECT_TRUE(KbKeysForName(*kb, "").empty());
}

TEST(Resolve, SurnameJoinsThePersonNamedEarlier) {
  DocAnalysis a = Resolve(
      "[Xi Jinping|P] spoke . Later [Xi] warned [Hannah "
      "Okonkwo|P] and [Okonkwo] agreed .",
      kSep2023);
  EXPECT_EQ(KeyOf(a, "Xi"), "kb:xi_jinping");
  EXPECT_EQ(KeyOf(a, "Okonkwo"), "name:PERSON:hannah okonkwo");
  // An honorific does not hide the surname.
  a = Resolve(
      "[Xi Jinping|P] spoke . Later [Mr Xi|P] warned [Hannah "
      "Okonkwo|P] and [Ms Okonkwo|P] agreed .",
      kSep2023);
  EXPECT_EQ(KeyOf(a, "Mr Xi"), "kb:xi_jinping");
  EXPECT_EQ(KeyOf(a, "Ms Okonkwo"), "name:PERSON:hannah okonkwo");
}

TEST(Resolve, SurnameAloneUsesTheOfficeHolderAtTheDate) {
  EXPECT_EQ(KeyOf(Resolve("[Kim] warned .", kSep2023), "Kim"),
            "kb:kim_jong_un");
  EXPECT_EQ(KeyOf(Resolve("[Kim] warned .", civil::Date{2005, 1, 1}), "Kim"),
            "kb:kim_jong_il");
}

TEST(Resolve, DemonymsBecomeCountryMentions) {
  MentionKind kind;
  DocAnalysis a = Resolve("[North Korean] troops and [Russian] ships .");
  EXPECT_EQ(KeyOf(a, "North Korean", &kind), "kb:PRK");
  EXPECT_EQ(kind, MentionKind::kDemonym);
  EXPECT_EQ(KeyOf(a, "Russian"), "kb:RUS");
  // Countries of the built table (models/actors_countries.tsv) too.
  a = Resolve("[Malian] troops met [Nigerien] envoys in [Niamey|G] .");
  EXPECT_EQ(KeyOf(a, "Malian"), "kb:MLI");
  EXPECT_EQ(KeyOf(a, "Nigerien"), "kb:NER");
  EXPECT_EQ(KeyOf(a, "Niamey"), "kb:city:niamey");
}

TEST(Resolve, RolesResolveToTheHolderAtTheDate) {
  const std::string doc = "the [British] prime minister warned .";
  MentionKind kind;
  DocAnalysis a = Resolve(doc, civil::Date{2023, 6, 1});
  EXPECT_EQ(KeyOf(a, "the British prime minister", &kind), "kb:sunak_rishi");
  EXPECT_EQ(kind, MentionKind::kRole);
  a = Resolve(doc, civil::Date{2025, 1, 1});
  EXPECT_EQ(KeyOf(a, "the British prime minister"), "kb:starmer_keir");
  a = Resolve(doc);  // no date: left alone
  EXPECT_EQ(KeyOf(a, "the British prime minister"), "?");
}

TEST(Resolve, RolePatternsWithPossessiveAndOf) {
  DocAnalysis a = Resolve(
      "[North Korea] 's leader met the President of "
      "[Russia] .",
      kSep2023);
  EXPECT_EQ(KeyOf(a, "North Korea 's leader"), "kb:kim_jong_un");
  EXPECT_EQ(KeyOf(a, "the President of Russia"), "kb:putin_vladimir");
}

TEST(Resolve, RoleFollowedByNameLinksThatName) {
  DocAnalysis a = Resolve(
      "[Ruritanian|G] ... [Chinese] President [Xi "
      "Jinping|P] met the [U.S.] ambassador .");
  EXPECT_EQ(KeyOf(a, "Chinese President"), "kb:xi_jinping");
  EXPECT_EQ(KeyOf(a, "U.S."), "kb:USA");
}

TEST(Resolve, CapitalsAsSubjectsAreGovernments) {
  MentionKind kind;
  DocAnalysis a = Resolve(
      "[Pyongyang] said it condemned talks held in "
      "[Seoul] and [the Kremlin] agreed .");
  EXPECT_EQ(KeyOf(a, "Pyongyang", &kind), "kb:PRKGOV");
  EXPECT_EQ(kind, MentionKind::kMetonym);
  EXPECT_EQ(KeyOf(a, "Seoul"), "kb:city:seoul");
  EXPECT_EQ(KeyOf(a, "the Kremlin", &kind), "kb:RUSGOV");
  EXPECT_EQ(kind, MentionKind::kMetonym);
  EXPECT_EQ(Entity(a, "kb:PRKGOV")->code, "PRKGOV");
}

TEST(Resolve, CapitalsThatAreOrHostSomethingStayCities) {
  MentionKind kind;
  DocAnalysis a = Resolve("[Athens] is the capital .");
  EXPECT_EQ(KeyOf(a, "Athens", &kind), "kb:city:athens");
  EXPECT_EQ(kind, MentionKind::kName);
  a = Resolve("[Seoul] will host the talks .");
  EXPECT_EQ(KeyOf(a, "Seoul"), "kb:city:seoul");
  a = Resolve("[Moscow] has warned [Seoul] .");
  EXPECT_EQ(KeyOf(a, "Moscow", &kind), "kb:RUSGOV");
  EXPECT_EQ(kind, MentionKind::kMetonym);
}

TEST(Resolve, OrganisationsAndUnknownNames) {
  DocAnalysis a = Resolve(
      "[U.N. Security Council] and [NATO] and [North "
      "Atlantic Treaty Organization] met [Zorblat Inc].");
  EXPECT_EQ(KeyOf(a, "U.N. Security Council"), "kb:unsc");
  EXPECT_EQ(Entity(a, "kb:unsc")->code, "IGOUNO");
  EXPECT_EQ(KeyOf(a, "NATO"), "kb:nato");
  EXPECT_EQ(KeyOf(a, "North Atlantic Treaty Organization"), "kb:nato");
  EXPECT_EQ(Entity(a, "kb:nato")->code, "IGOWSTNAT");
  EXPECT_EQ(KeyOf(a, "Zorblat Inc"), "name:MISC:zorblat inc");
}

TEST(Resolve, HyphenatedCompoundsSplitIntoParts) {
  DocAnalysis a = Resolve("the [Russia-North Korea] ties .", kSep2023);
  EXPECT_EQ(KeyOf(a, "Russia"), "kb:RUS");
  EXPECT_EQ(KeyOf(a, "North Korea"), "kb:PRK");
}

TEST(Resolve, AffiliationGivesUnknownPersonsACountryCode) {
  MentionKind kind;
  DocAnalysis a = Resolve(
      "the [U.S.] ambassador in [Seoul] , [Jane "
      "Marlow|P] , said and [Marlow] left .");
  EXPECT_EQ(KeyOf(a, "Jane Marlow"), "name:PERSON:jane marlow");
  EXPECT_EQ(KeyOf(a, "Marlow"), "name:PERSON:jane marlow");
  EXPECT_EQ(KeyOf(a, "the U.S. ambassador", &kind), "name:PERSON:jane marlow");
  EXPECT_EQ(kind, MentionKind::kRole);
  EXPECT_EQ(Entity(a, "name:PERSON:jane marlow")->code, "USAGOV");
}

// A head of state or government the KB does not know acts for its
// country's government, whether the office has KB holders ("French
// President") or not ("Peru president").
TEST(Resolve, UnknownOfficeHoldersGetTheGovernmentCode) {
  DocAnalysis a = Resolve(
      "[French] President [Jean Dorval|P] met [Peru] 's president , [Ana "
      "Quispe|P] .",
      kSep2023);
  ASSERT_NE(Entity(a, "name:PERSON:jean dorval"), nullptr);
  EXPECT_EQ(Entity(a, "name:PERSON:jean dorval")->code, "FRAGOV");
  ASSERT_NE(Entity(a, "name:PERSON:ana quispe"), nullptr);
  EXPECT_EQ(Entity(a, "name:PERSON:ana quispe")->code, "PERGOV");
}

TEST(Resolve, NonCapitalCitiesComeFromTheKb) {
  DocAnalysis a = Resolve("they met in [Vladivostok] and [Odessa] .");
  EXPECT_EQ(KeyOf(a, "Vladivostok"), "kb:city:vladivostok");
  EXPECT_EQ(Entity(a, "kb:city:vladivostok")->code, "RUS");
  EXPECT_EQ(KeyOf(a, "Odessa"), "kb:city:odesa");
}

TEST(Resolve, PronounsLinkOnlyWhenOnePersonIsInView) {
  DocAnalysis a = Resolve("[Jane Marlow|P] arrived . he said it rained .");
  MentionKind kind;
  EXPECT_EQ(KeyOf(a, "he", &kind), "name:PERSON:jane marlow");
  EXPECT_EQ(kind, MentionKind::kPronoun);
  a = Resolve("[Jane Marlow|P] met [Omar Haddad|P] . he said it rained .");
  EXPECT_EQ(KeyOf(a, "he"), "?");
}

TEST(Resolve, StateInstitutionsGetGovernmentOrMilitaryCodes) {
  DocAnalysis a = Resolve(
      "the [Russian Defense Ministry] and the [Ukrainian "
      "Foreign Ministry] and [Acme Holdings] said .");
  EXPECT_EQ(Entity(a, "name:MISC:russian defense ministry")->code, "RUSMIL");
  EXPECT_EQ(Entity(a, "name:MISC:ukrainian foreign ministry")->code, "UKRGOV");
  EXPECT_EQ(Entity(a, "name:MISC:acme holdings")->code, "");
}

TEST(Load, RejectsBrokenKbFiles) {
  MemEnv env;
  ActorOptions o;
  o.models_dir = "/m";
  o.iso_codes_dir = "/iso";
  EXPECT_FALSE(LoadActorKb(&env, o).ok());
  env.AddFile("/iso/iso_3166-1.json", "{\"3166-1\": []}");
  env.AddFile("/m/actors_kb.tsv", "# empty\n");
  EXPECT_FALSE(LoadActorKb(&env, o).ok());
  // A built country table of another format is refused by name.
  MemEnv env2;
  ActorOptions o2;
  o2.models_dir = "/m";
  auto iso = DefaultEnv()->ReadFile(o2.iso_codes_dir + "/iso_3166-1.json", 16u << 20);
  auto hand = DefaultEnv()->ReadFile(SYN_SOURCE_DIR "/models/actors_kb.tsv", 16u << 20);
  ASSERT_TRUE(iso.ok() && hand.ok());
  o2.iso_codes_dir = "/iso";
  env2.AddFile("/iso/iso_3166-1.json", *iso);
  env2.AddFile("/m/actors_kb.tsv", *hand);
  EXPECT_TRUE(LoadActorKb(&env2, o2).ok());  // no table: fine
  env2.AddFile("/m/actors_countries.tsv", "# synoptic actors_countries v9\n");
  auto r = LoadActorKb(&env2, o2);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotSupported);
  // A table whose first row does not resolve fails the self-check.
  env2.AddFile("/m/actors_countries.tsv",
               "# synoptic actors_countries v1 -- test\ncountry\tNRU\tNauru\t\t\t\n");
  EXPECT_TRUE(LoadActorKb(&env2, o2).ok());
  env2.AddFile("/m/actors_countries.tsv",
               "# synoptic actors_countries v1 -- test\ncountry\tNRU\t\t\t\t\n");
  EXPECT_FALSE(LoadActorKb(&env2, o2).ok());
}

}  // namespace
}  // namespace synoptic::actors
