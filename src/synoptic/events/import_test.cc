// Tests for the PLOVER map and the PETRARCH verb-dictionary importer. The
// dictionary snippets are written here by hand in the TABARI format.
#include <gtest/gtest.h>

#include "synoptic/events/internal/lexicon.h"
#include "synoptic/events/petrarch_import.h"
#include "synoptic/events/plover.h"

namespace synoptic::events {
namespace {

TEST(Plover, ConvertsTableAndFallsBackToPrefixes) {
  auto tsv = ConvertCameoPlover(
      "# a comment line\n"
      "05: SUPPORT\n"
      "051: SUPPORT,  , diplomatic # gloss we drop\n"
      "0873: RETREAT, release, human_security\n"
      "not a row\n",
      "test table");
  ASSERT_TRUE(tsv.ok()) << tsv.status().ToString();
  EXPECT_EQ(tsv->find("we drop"), std::string::npos);
  auto map = PloverMap::Parse(*tsv);
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  EXPECT_EQ((*map)->size(), 3u);
  ASSERT_NE((*map)->Find("051"), nullptr);
  EXPECT_EQ((*map)->Find("051")->category, "SUPPORT");
  EXPECT_EQ((*map)->Find("051")->context, "diplomatic");
  EXPECT_EQ((*map)->Find("0512")->category, "SUPPORT");  // via 051
  EXPECT_EQ((*map)->Find("057")->category, "SUPPORT");   // via 05
  EXPECT_EQ((*map)->Find("0873")->mode, "release");
  EXPECT_EQ((*map)->Find("19"), nullptr);
  EXPECT_EQ((*map)->Find(""), nullptr);
}

TEST(Plover, RefusesBadInput) {
  EXPECT_FALSE(ConvertCameoPlover("nothing here\n", "x").ok());
  EXPECT_FALSE(PloverMap::Parse("03\tAGREE\t-\t-\n").ok());  // no header
  EXPECT_FALSE(
      PloverMap::Parse("# synoptic events_plover v1\nxx\tAGREE\t-\t-\n").ok());
}

constexpr char kDict[] =
    "# a made-up dictionary in the TABARI layout\n"
    "&PACT\n"
    "+TREATY\n"
    "+ACCORD_\n"
    "+TRADE_DEAL\n"
    "\n"
    "--- RATIFY [057] ---\n"
    "RATIFY {RATIFIES RATIFIED RATIFYING }\n"
    "ENDORSE\n"
    "- * &PACT [0571] # RATIFY\n"
    "- * (WITH) $ [0572]\n"
    "- WILL * MOTION [0573]\n"
    "- * BUDGET [---] # ENDORSE\n"
    "\n"
    "--- GRUMBLE [---] ---\n"
    "GRUMBLE\n"
    "- * (ABOUT) TAXES [1121:1122]\n";

TEST(PetrarchImport, WritesOurRows) {
  PetrarchImportStats st;
  auto tsv = ImportPetrarchVerbs(kDict, "a test dictionary", true, &st);
  ASSERT_TRUE(tsv.ok()) << tsv.status().ToString();
  EXPECT_EQ(st.verbs, 3u);
  EXPECT_EQ(st.synsets, 1u);
  // Bare verbs of a coded block, with irregular forms as alternatives.
  EXPECT_NE(tsv->find("V\tratify|ratifies|ratified|ratifying|endorse\tpetrarch_"
                      "ratify\t057\t1\t3.5\timported\n"),
            std::string::npos)
      << *tsv;
  // The comment names the verb; synsets are expanded; "_" joins words.
  EXPECT_NE(tsv->find("V\tratify|ratifies|ratified|ratifying "
                      "treaty|accord|trade_deal\tpetrarch_ratify\t0571\t"),
            std::string::npos)
      << *tsv;
  // "(WITH $)": the source's slot is kept as our '$' element.
  EXPECT_NE(tsv->find("|endorse with $\tpetrarch_ratify\t0572\t"),
            std::string::npos)
      << *tsv;
  EXPECT_NE(
      tsv->find("V\tendorse budget\tpetrarch_ratify\t-\t0\t0.0\timported\n"),
      std::string::npos)
      << *tsv;
  // An auxiliary before the verb is our modality's business: skipped.
  EXPECT_EQ(tsv->find("0573"), std::string::npos) << *tsv;
  // "[---]" blocks give no bare row; a pair code "[1121:1122]" codes the
  // reverse event too.
  EXPECT_EQ(tsv->find("V\tgrumble\t"), std::string::npos) << *tsv;
  EXPECT_NE(tsv->find("V\tgrumble about taxes\tpetrarch_grumble\t1121\t3\t-"
                      "2.0\timported,pair:1122\n"),
            std::string::npos)
      << *tsv;
  // The output is a valid events_verbs file.
  auto lex =
      EventLexicon::Parse(*tsv, "# synoptic events_cues v1\nspeech\tsay\n",
                          "# synoptic events_forms v1\n");
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_TRUE((*lex)->pattern(0).imported);
}

TEST(PetrarchImport, UnmarkedRowsAndBadInput) {
  auto tsv = ImportPetrarchVerbs(kDict, "x", false);
  ASSERT_TRUE(tsv.ok());
  EXPECT_EQ(tsv->find("imported"), tsv->find("imported from"));  // header only
  EXPECT_FALSE(ImportPetrarchVerbs("just words\n", "x").ok());
}

TEST(PetrarchImport, WithoutBareVerbs) {
  auto tsv = ImportPetrarchVerbs(kDict, "x", true, nullptr, false);
  ASSERT_TRUE(tsv.ok());
  EXPECT_EQ(tsv->find("|endorse\tpetrarch_ratify\t057\t"), std::string::npos)
      << *tsv;
  EXPECT_NE(tsv->find("\t0571\t"), std::string::npos) << *tsv;
}

TEST(PetrarchImport, RootScales) {
  EXPECT_EQ(QuadOfCode("042"), 1);
  EXPECT_EQ(QuadOfCode("0711"), 2);
  EXPECT_EQ(QuadOfCode("112"), 3);
  EXPECT_EQ(QuadOfCode("190"), 4);
  EXPECT_EQ(QuadOfCode("-"), 0);
  EXPECT_DOUBLE_EQ(GoldsteinOfRoot("190"), -10.0);
  EXPECT_DOUBLE_EQ(GoldsteinOfRoot("04"), 1.0);
}

}  // namespace
}  // namespace synoptic::events

namespace synoptic::events {
namespace {

TEST(PetrarchImport, SkipMarkerAfterTheVerbBecomesASkipElement) {
  auto rows = ImportPetrarchVerbs(
      "--- FEAST [017] ---\n"
      "FEAST\n"
      "- * HOLIDAY (IN ^) + [017]\n",
      "test dictionary", /*mark_imported=*/false);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_NE(rows->find("feast holiday in ~ +\t"), std::string::npos) << *rows;
  // Our lexicon reads the row, and refuses a row that starts with a skip.
  auto lex = EventLexicon::Parse(
      "# synoptic events_verbs v1\nV\tfeast holiday in ~ +\tfeast\t017\t1\t0.0"
      "\t-\n",
      "# synoptic events_cues v1\n", "# synoptic events_forms v1\n");
  EXPECT_TRUE(lex.ok()) << lex.status().ToString();
  auto bad = EventLexicon::Parse(
      "# synoptic events_verbs v1\nV\t~ feast\tfeast\t017\t1\t0.0\t-\n",
      "# synoptic events_cues v1\n", "# synoptic events_forms v1\n");
  EXPECT_FALSE(bad.ok());
}

}  // namespace
}  // namespace synoptic::events
