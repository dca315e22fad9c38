#include "synoptic/stories/internal/signature.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace synoptic::stories::internal {
namespace {

uint32_t C(const char* iso3) { return CountryOf(iso3); }

// A one-paragraph document with entities; mentions are added for every
// occurrence of each entity's name.
class Doc {
 public:
  explicit Doc(std::string text, std::string published = "") {
    a_.doc.text = std::move(text);
    a_.doc.published = std::move(published);
  }
  int32_t Entity(const std::string& name, EntityType type,
                 const std::string& code) {
    const auto id = static_cast<int32_t>(a_.entities.size());
    a_.entities.push_back({"kb:" + name, name, type, code, {}});
    const std::string& t = a_.doc.text;
    for (size_t p = t.find(name); p != std::string::npos;
         p = t.find(name, p + 1)) {
      Mention m;
      m.span = {static_cast<uint32_t>(p),
                static_cast<uint32_t>(p + name.size())};
      m.type = type;
      m.entity = id;
      a_.mentions.push_back(m);
    }
    return id;
  }
  void Ev(const std::string& type, const std::string& code, int32_t src,
          int32_t tgt, int32_t loc, Modality mod = Modality::kAsserted,
          const std::string& date = "") {
    Event e;
    e.type = type;
    e.code = code;
    e.root_code = code.substr(0, 2);
    e.source = src;
    e.target = tgt;
    e.location = loc;
    e.modality = mod;
    e.date = date;
    e.evidence = {0, static_cast<uint32_t>(a_.doc.text.size())};
    a_.events.push_back(e);
  }
  const DocAnalysis& a() const { return a_; }

 private:
  DocAnalysis a_;
};

float Weight(const Moves& m, uint32_t from, uint32_t to) {
  for (const auto& [k, w] : m) {
    if (k == MoveKey(from, to)) return w;
  }
  return 0;
}

TEST(StoriesSignature, CountryOfActorCodes) {
  EXPECT_EQ(CountryOf("RUSGOV"), CountryOf("RUS"));
  EXPECT_NE(CountryOf("RUS"), 0u);
  EXPECT_NE(CountryOf("RUS"), CountryOf("PRK"));
  EXPECT_EQ(CountryOf("IGOUNO"), 0u);  // an organisation
  EXPECT_EQ(CountryOf("WST"), 0u);     // a region
  EXPECT_EQ(CountryOf(""), 0u);
  EXPECT_EQ(CountryOf("ru"), 0u);
}

TEST(StoriesSignature, VisitHostAndMeetingAbroadAreMoves) {
  Doc d(
      "Ana Lima flew to Argentina. Tomas Vidal welcomed Ana Lima in "
      "Buenos Aires, and the two met in Buenos Aires.");
  const int32_t lima = d.Entity("Ana Lima", EntityType::kPerson, "BRAGOV");
  const int32_t vidal = d.Entity("Tomas Vidal", EntityType::kPerson, "ARGGOV");
  const int32_t arg = d.Entity("Argentina", EntityType::kGpe, "ARG");
  const int32_t ba = d.Entity("Buenos Aires", EntityType::kGpe, "ARG");
  d.Ev("visit", "042", lima, arg, -1);
  d.Ev("host", "043", vidal, lima, ba);
  d.Ev("meet", "040", vidal, lima, ba);
  const Moves m = DocMoves(d.a());
  ASSERT_EQ(m.size(), 1u);  // all three say: from Brazil to Argentina
  EXPECT_FLOAT_EQ(Weight(m, C("BRA"), C("ARG")), 1.0f);  // capped
}

TEST(StoriesSignature, ModalityAndBackgroundWeigh) {
  Doc planned("Tomas Vidal will visit Brazil.");
  int32_t vidal = planned.Entity("Tomas Vidal", EntityType::kPerson, "ARGGOV");
  int32_t bra = planned.Entity("Brazil", EntityType::kGpe, "BRA");
  planned.Ev("visit", "036", vidal, bra, -1, Modality::kPlanned);
  EXPECT_FLOAT_EQ(Weight(DocMoves(planned.a()), C("ARG"), C("BRA")), 0.5f);

  Doc negated("Tomas Vidal did not visit Brazil.");
  vidal = negated.Entity("Tomas Vidal", EntityType::kPerson, "ARGGOV");
  bra = negated.Entity("Brazil", EntityType::kGpe, "BRA");
  negated.Ev("visit", "042", vidal, bra, -1, Modality::kNegated);
  EXPECT_TRUE(DocMoves(negated.a()).empty());

  // A visit five years before publication is background.
  Doc old("Tomas Vidal visited Brazil in 2019.", "2024-06-01");
  vidal = old.Entity("Tomas Vidal", EntityType::kPerson, "ARGGOV");
  bra = old.Entity("Brazil", EntityType::kGpe, "BRA");
  old.Ev("visit", "042", vidal, bra, -1, Modality::kAsserted, "2019");
  const float w = Weight(DocMoves(old.a()), C("ARG"), C("BRA"));
  EXPECT_GT(w, 0.0f);
  EXPECT_LT(w, 0.3f);
  // The host's half of the same visit row (Brazil hosts Vidal, same
  // trigger) is the same trip: it adds nothing.
  old.Ev("host", "043", bra, vidal, -1, Modality::kAsserted, "2019");
  EXPECT_FLOAT_EQ(Weight(DocMoves(old.a()), C("ARG"), C("BRA")), w);

  // Topics are not venues: a pledge "in" a country moves nobody.
  Doc pledge("Tomas Vidal pledged support in Brazil.");
  vidal = pledge.Entity("Tomas Vidal", EntityType::kPerson, "ARGGOV");
  bra = pledge.Entity("Brazil", EntityType::kGpe, "BRA");
  pledge.Ev("pledge", "030", vidal, -1, bra);
  EXPECT_TRUE(DocMoves(pledge.a()).empty());
}

TEST(StoriesSignature, UncodedVenueTakesTheCountryNamedBesideIt) {
  Doc d(
      "The talks between Ana Lima and Tomas Vidal took place in the south "
      "of Argentina, in the Lakes district.");
  const int32_t lima = d.Entity("Ana Lima", EntityType::kPerson, "BRAGOV");
  const int32_t vidal = d.Entity("Tomas Vidal", EntityType::kPerson, "ARGGOV");
  d.Entity("Argentina", EntityType::kGpe, "ARG");
  const int32_t lakes = d.Entity("Lakes district", EntityType::kLoc, "");
  d.Ev("talks", "040", lima, vidal, lakes);
  const Moves m = DocMoves(d.a());
  ASSERT_EQ(m.size(), 1u);
  EXPECT_GT(Weight(m, C("BRA"), C("ARG")), 0.5f);
}

TEST(StoriesSignature, OppositeDirectionsConflict) {
  const uint32_t a = C("BRA"), b = C("ARG");
  const Moves ab = {{MoveKey(a, b), 1.0f}};
  const Moves ba = {{MoveKey(b, a), 2.0f}};
  EXPECT_TRUE(MovesConflict(ab, ba));
  EXPECT_TRUE(MovesConflict(ba, ab));
  EXPECT_FALSE(MovesConflict(ab, ab));
  EXPECT_FALSE(MovesConflict(ab, {}));
  EXPECT_FALSE(MovesConflict({}, ba));
  // Weak evidence (a planned return visit low in the text) never vetoes.
  EXPECT_FALSE(MovesConflict({{MoveKey(a, b), 0.2f}}, ba));
  // A cluster that mostly says A->B, with a mention of the return visit.
  Moves mostly_ab = {{MoveKey(a, b), 3.0f}, {MoveKey(b, a), 0.5f}};
  std::sort(mostly_ab.begin(), mostly_ab.end());
  EXPECT_FALSE(MovesConflict(ab, mostly_ab));
  EXPECT_TRUE(MovesConflict(ba, mostly_ab));
}

TEST(StoriesSignature, SameTravellerElsewhereConflicts) {
  const uint32_t a = C("BRA"), b = C("ARG"), c = C("CHL");
  const Moves to_b = {{MoveKey(a, b), 1.0f}};
  const Moves to_c = {{MoveKey(a, c), 1.0f}};
  Moves tour = {{MoveKey(a, b), 1.0f}, {MoveKey(a, c), 0.8f}};
  std::sort(tour.begin(), tour.end());
  EXPECT_TRUE(MovesConflict(to_b, to_c));
  EXPECT_FALSE(MovesConflict(to_b, tour));  // one stop of a tour
  EXPECT_FALSE(MovesConflict(to_c, tour));
}

}  // namespace
}  // namespace synoptic::stories::internal
