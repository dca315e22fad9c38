#include "synoptic/time/internal/lexicon.h"

#include <gtest/gtest.h>

namespace synoptic::time::internal {
namespace {

TEST(TimexLexicon, LooksUpAnyCaseAndTwoReadings) {
  auto r = Lookup("SEPTEMBER");
  EXPECT_EQ(r.r[0].cat, Cat::kMonth);
  EXPECT_EQ(r.r[0].value, 9);
  auto s = Lookup("second");
  EXPECT_NE(s.r[0].cat, Cat::kNone);
  EXPECT_NE(s.r[1].cat, Cat::kNone);
  EXPECT_EQ(Lookup("zebra").r[0].cat, Cat::kNone);
  EXPECT_EQ(Lookup("averyveryverylongword").r[0].cat, Cat::kNone);
}

}  // namespace
}  // namespace synoptic::time::internal
