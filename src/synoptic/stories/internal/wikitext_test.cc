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

TEST(StoriesWikitext, DateFromABoldDatelineOfItsOwn) {
  EXPECT_EQ(WikiDate("[[File:x.jpg]]\n'''December 28, 2004'''\n\nThe toll"),
            "2004-12-28");
  EXPECT_EQ(WikiDate("'''May 3, 2005'''\nText"), "2005-05-03");
  // Bold text that is not a full date, or a date inside a line, is not one.
  EXPECT_EQ(WikiDate("'''December 29'''\nText"), "");
  EXPECT_EQ(WikiDate("He said '''May 3, 2005''' twice"), "");
  // The template wins.
  EXPECT_EQ(WikiDate("'''May 3, 2005'''\n{{date|May 4, 2005}}"), "2005-05-04");
}

}  // namespace
}  // namespace synoptic::stories::internal
