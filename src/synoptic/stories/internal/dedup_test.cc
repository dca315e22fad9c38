#include "synoptic/stories/internal/dedup.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace synoptic::stories::internal {
namespace {

const char kBase[] =
    "The city council voted on Tuesday to close the old harbour bridge to "
    "cars from next spring, after engineers found cracks in two of its "
    "supporting piers. Cyclists and pedestrians will still be allowed to "
    "cross while repairs are planned and funded by the regional government.";

TEST(StoriesDedup, GroupsOnlyNearCopies) {
  const std::string base = kBase;
  const std::string copy = "Local news | Share\n" + base + " Comments (3)";
  const std::string other =
      "A late goal from the visiting striker gave the league leaders a narrow "
      "win on Saturday and stretched their unbeaten run to eleven matches, "
      "while their nearest rivals dropped points at home.";
  DedupOptions o;
  EXPECT_DOUBLE_EQ(EstimatedJaccard(base, base, o), 1.0);
  EXPECT_LT(EstimatedJaccard(base, other, o), 0.1);
  const auto groups = NearDuplicateGroups({other, base, "", copy, ""}, o);
  EXPECT_EQ(groups, (std::vector<uint32_t>{0, 1, 2, 1, 4}));
}

TEST(StoriesDedup, CaseAndPunctuationDoNotHideACopy) {
  std::string shouty = kBase;
  for (char& c : shouty) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == ',') c = ' ';
  }
  EXPECT_DOUBLE_EQ(EstimatedJaccard(kBase, shouty, DedupOptions()), 1.0);
}

TEST(StoriesDedup, RewrittenStoryIsNotADuplicate) {
  // Same facts, different wording: a separate report, not a reprint.
  const std::string rewrite =
      "Engineers found cracks in two piers of the old harbour bridge, and on "
      "Tuesday the council decided it will be shut to cars from next spring. "
      "People on foot and on bikes can keep using it while the regional "
      "government pays for repairs.";
  const auto groups = NearDuplicateGroups({kBase, rewrite}, DedupOptions());
  EXPECT_EQ(groups, (std::vector<uint32_t>{0, 1}));
}

TEST(StoriesDedup, ThresholdIsHonoured) {
  const std::string base = kBase;
  const std::string half = base.substr(0, base.size() / 2);
  DedupOptions strict;
  strict.threshold = 0.95;
  EXPECT_EQ(NearDuplicateGroups({base, half}, strict),
            (std::vector<uint32_t>{0, 1}));
  DedupOptions loose;
  loose.threshold = 0.3;
  EXPECT_EQ(NearDuplicateGroups({base, half}, loose),
            (std::vector<uint32_t>{0, 0}));
}

}  // namespace
}  // namespace synoptic::stories::internal
