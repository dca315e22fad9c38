#include "synoptic/time/internal/tokens.h"

#include <gtest/gtest.h>

#include <vector>

namespace synoptic::time::internal {
namespace {

TEST(TimexTokens, KeepsOrdinalsDecadesAndMeridiems) {
  std::vector<Tok> toks;
  Tokenize("the 13th, 1990s and 5 p.m.\xE2\x80\x94 ok", &toks);
  ASSERT_GE(toks.size(), 7u);
  EXPECT_TRUE(toks[1].ordinal);
  EXPECT_EQ(toks[1].num, 13);
  EXPECT_TRUE(toks[3].plural_s);
  EXPECT_EQ(toks[3].num, 1990);
  EXPECT_EQ(toks[6].lex.r[0].cat, Cat::kAmPm);
  EXPECT_EQ(toks[7].punct, kDash);
}

TEST(TimexTokens, MarksSpacesAndLineBreaks) {
  std::vector<Tok> toks;
  Tokenize("May\n13,x", &toks);
  ASSERT_EQ(toks.size(), 4u);
  EXPECT_TRUE(toks[0].cap);
  EXPECT_TRUE(toks[1].break_before);
  EXPECT_FALSE(toks[2].space_before);
  EXPECT_EQ(toks[2].punct, ',');
  EXPECT_EQ(toks[3].begin, 7u);
}

}  // namespace
}  // namespace synoptic::time::internal
