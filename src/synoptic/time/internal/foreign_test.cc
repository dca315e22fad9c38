#include "synoptic/time/internal/foreign.h"

#include <gtest/gtest.h>

namespace synoptic::time::internal {
namespace {

TEST(ForeignWords, TablesPerLanguageFromCldr) {
  EXPECT_EQ(ForeignWordsFor("en"), nullptr);
  EXPECT_EQ(ForeignWordsFor(""), nullptr);
  EXPECT_EQ(ForeignWordsFor("tlh"), nullptr);
  const ForeignWords* pl = ForeignWordsFor("pl");
  ASSERT_NE(pl, nullptr);
  // Genitive (formatting) and nominative (stand-alone) forms, any case.
  for (const char* w : {"września", "Września", "WRZEŚNIA", "wrzesień"}) {
    const Readings r = pl->Lookup(w);
    EXPECT_EQ(r.r[0].cat, Cat::kMonth) << w;
    EXPECT_EQ(r.r[0].value, 9) << w;
  }
  // Three-letter abbreviations are everyday words ("lis" is a fox).
  EXPECT_EQ(pl->Lookup("lis").r[0].cat, Cat::kNone);
  EXPECT_FALSE(pl->day_dot());
  const ForeignWords* de = ForeignWordsFor("de-AT");
  ASSERT_NE(de, nullptr);
  EXPECT_TRUE(de->day_dot());
  EXPECT_EQ(de->Lookup("Dienstag").r[0].cat, Cat::kWeekday);
  EXPECT_EQ(de->Lookup("Dienstag").r[0].value, 2);  // ISO: Monday = 1
  EXPECT_EQ(de->Lookup("Sonntag").r[0].value, 7);
  const ForeignWords* fr = ForeignWordsFor("FR");
  ASSERT_NE(fr, nullptr);
  const Readings sept = fr->Lookup("sept");  // "sept." abbreviated
  EXPECT_EQ(sept.r[0].cat, Cat::kMonth);
  EXPECT_EQ(sept.r[0].flags & kFlagAbbrev, kFlagAbbrev);
  // Names the tagger's tokenizer would split are left out.
  const ForeignWords* pt = ForeignWordsFor("pt");
  ASSERT_NE(pt, nullptr);
  EXPECT_EQ(pt->Lookup("segunda-feira").r[0].cat, Cat::kNone);
  EXPECT_EQ(pt->Lookup("de").r[0].cat, Cat::kOf);
  EXPECT_EQ(fr->Lookup("de").r[0].cat, Cat::kNone);
}

}  // namespace
}  // namespace synoptic::time::internal
