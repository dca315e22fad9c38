#include "synoptic/stories/internal/wikitext.h"

#include <gtest/gtest.h>

namespace synoptic::stories::internal {
namespace {

TEST(StoriesWikitext, KeepsLinkLabelsAndDropsTemplates) {
  EXPECT_EQ(PlainWikitext("{{date|May 3, 2005}}\n{{w|Lake Bled|The lake}} froze; "
                          "[[Slovenia]] and [[Ljubljana|the capital]] shivered."
                          "[[Category:Weather]] ''Very'' cold."),
            "\nThe lake froze; Slovenia and the capital shivered. Very cold.");
  EXPECT_EQ(PlainWikitext("broken {{template"), "broken ");
}

TEST(StoriesWikitext, DateFromTheDateTemplate) {
  EXPECT_EQ(WikiDate("x {{date|November 13, 2004}} y"), "2004-11-13");
  EXPECT_EQ(WikiDate("{{date|Smarch 13, 2004}}"), "");
  EXPECT_EQ(WikiDate("no date"), "");
}

}  // namespace
}  // namespace synoptic::stories::internal
