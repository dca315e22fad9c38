#include "synoptic/actors/country_table.h"

#include <gtest/gtest.h>

#include <string>

#include "synoptic/actors/internal/kb.h"
#include "synoptic/core/env.h"

namespace synoptic::actors {
namespace {

// Invented countries: ZMB-like codes taken from a tiny iso-codes file.
constexpr char kIso[] =
    R"({"3166-1": [{"alpha_3": "ZZA", "name": "Zembla"},
                  {"alpha_3": "ZZB", "name": "Borduria"},
                  {"alpha_3": "ZZC", "name": "Syldavia"},
                  {"alpha_3": "ZZD", "name": "Ruritania"}]})";

constexpr char kList[] = R"([
  {"cca3": "ZZA", "name": {"common": "Zembla", "official": "Republic of Zembla"},
   "capital": ["Onhava"], "altSpellings": ["ZA", "Zemblya", "ʒɛmbla"],
   "demonyms": {"eng": {"m": "Zemblan", "f": "Zemblan"}}},
  {"cca3": "ZZB", "name": {"common": "Borduria", "official": "Borduria"},
   "capital": ["Borduria"], "demonyms": {"eng": {"m": "Bordurian", "f": "Bordurian"}}},
  {"cca3": "ZZC", "name": {"common": "Syldavia"}, "capital": ["Klow"],
   "demonyms": {"eng": {"m": "Syldavian", "f": "Syldavian"}}},
  {"cca3": "ZZD", "name": {"common": "Ruritania"}, "capital": ["Strelsau"],
   "demonyms": {"eng": {"m": "Zemblan", "f": "Zemblan"}}},
  {"cca3": "QQQ", "name": {"common": "Nowhere"}, "demonyms": {"eng": {"m": "Nowherean"}}}
])";

// The hand-written KB describes Syldavia and names a city Strelsau.
constexpr char kHand[] =
    "# test\n"
    "country\tZZC\tSyldavia\tKlow\tSyldavian|Syldavians\t\n"
    "city\tZZC\tStrelsau\t\n";

TEST(CountryTable, KeepsFactsTheHandWrittenKbDoesNotHave) {
  CountryTableStats st;
  auto t = BuildCountryTable(kList, kIso, kHand, "made by: a test", &st);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  const std::string& s = *t;
  EXPECT_NE(s.find("# made by: a test\n"), std::string::npos) << s;
  EXPECT_EQ(st.skipped_hand, 1u);    // Syldavia
  EXPECT_EQ(st.skipped_no_iso, 1u);  // Nowhere
  EXPECT_EQ(st.countries, 3u);
  // Zembla: capital, name variants; no two-letter code, no transcription;
  // "Zemblan" is also Ruritania's demonym, so neither gets it.
  EXPECT_NE(s.find("country\tZZA\tZembla\tOnhava\t\tRepublic of Zembla|Zemblya\n"),
            std::string::npos)
      << s;
  // Borduria's capital is its own name: left out. Plural demonym added.
  EXPECT_NE(s.find("country\tZZB\tBorduria\t\tBordurian|Bordurians\t\n"), std::string::npos)
      << s;
  // Ruritania's capital is a city the hand-written KB names.
  EXPECT_NE(s.find("country\tZZD\tRuritania\t\t\t\n"), std::string::npos) << s;
  EXPECT_EQ(s.find("Nowhere"), std::string::npos) << s;

}

// The KB (built from Debian's iso-codes, which CI installs) reads the table
// before the hand-written rows, and names the table in its errors.
TEST(CountryTable, KbReadsTheTable) {
  auto iso = DefaultEnv()->ReadFile("/usr/share/iso-codes/json/iso_3166-1.json", 16u << 20);
  ASSERT_TRUE(iso.ok()) << iso.status().ToString();
  const std::string list = R"([{"cca3": "NRU", "name": {"common": "Nauru"},
      "capital": ["Yaren"], "demonyms": {"eng": {"m": "Nauruan", "f": "Nauruan"}}}])";
  const std::string hand = "country\tMLI\tMali\tBamako\tMalian|Malians\t\n";
  CountryTableStats st;
  auto t = BuildCountryTable(list, *iso, hand, "made by: a test", &st);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  auto kb = ActorKb::Build(*iso, hand, *t);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  auto n = kb->FindDemonym(internal::NormalizeKey("Nauruans"));
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(kb->actor(*n).id, "NRU");
  auto y = kb->FindCapital(internal::NormalizeKey("Yaren"));
  ASSERT_TRUE(y.has_value());
  EXPECT_EQ(kb->actor(*y).country, "NRU");
  ASSERT_TRUE(kb->FindDemonym(internal::NormalizeKey("Malians")).has_value());
  auto bad = ActorKb::Build(*iso, hand, "country\tNRU\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("actors_countries.tsv:1"), std::string::npos)
      << bad.status().message();
}

// Region rows: a division's name and its name without the generic word;
// a name two countries' divisions share, or one the KB knows, is left out.
TEST(CountryTable, RegionRowsKeepUnsharedNames) {
  const std::string iso =
      R"({"3166-1": [{"alpha_2": "ZA", "alpha_3": "ZZA", "name": "Zembla"},
                    {"alpha_2": "ZB", "alpha_3": "ZZB", "name": "Borduria"}]})";
  const std::string admin1 = R"([
    {"code": "ZA.01", "name": "Onhava Oblast"},
    {"code": "ZA.02", "name": "Greenmarsh"},
    {"code": "ZB.01", "name": "Greenmarsh"},
    {"code": "ZB.02", "name": "Strelsau Province"},
    {"code": "ZB.03", "name": "Ʒɛmbla"},
    {"code": "QQ.01", "name": "Nowhere"}
  ])";
  const std::string known = "city\tZZB\tStrelsau\t\n";
  RegionRowStats st;
  auto r = BuildRegionRows(admin1, iso, known, &st);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const std::string& s = *r;
  EXPECT_NE(s.find("region\tZZA\tOnhava Oblast\tOnhava\n"), std::string::npos) << s;
  EXPECT_EQ(s.find("Greenmarsh"), std::string::npos) << s;  // both countries
  // "Strelsau" is a city the KB knows; the full name stays.
  EXPECT_NE(s.find("region\tZZB\tStrelsau Province\t\n"), std::string::npos) << s;
  EXPECT_EQ(s.find("Nowhere"), std::string::npos) << s;  // no such country
  EXPECT_EQ(s.find("mbla"), std::string::npos) << s;     // not a Latin name
  EXPECT_EQ(st.regions, 2u);
  EXPECT_EQ(st.skipped_shared, 2u);
  EXPECT_EQ(st.skipped_known, 1u);
  EXPECT_FALSE(BuildRegionRows("[oops", iso, known, &st).ok());
}

TEST(CountryTable, BadInputIsAnError) {
  CountryTableStats st;
  EXPECT_FALSE(BuildCountryTable("[not json", kIso, kHand, "", &st).ok());
  EXPECT_FALSE(BuildCountryTable("{}", kIso, kHand, "", &st).ok());
  EXPECT_FALSE(BuildCountryTable(kList, "{}", kHand, "", &st).ok());
}

}  // namespace
}  // namespace synoptic::actors
