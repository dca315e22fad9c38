#include "synoptic/extract/site_templates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace synoptic::extract {
namespace {

Document Page(const std::string& url, const std::vector<std::string>& paragraphs) {
  Document d;
  d.url = url;
  for (const std::string& p : paragraphs) {
    if (!d.text.empty()) d.text += "\n\n";
    const auto b = static_cast<uint32_t>(d.text.size());
    d.text += p;
    d.paragraphs.push_back({b, static_cast<uint32_t>(d.text.size())});
    d.paragraph_kinds.push_back(0);
  }
  d.stats.blocks_kept = static_cast<uint32_t>(paragraphs.size());
  d.id = "id-" + url;
  return d;
}

const std::string kBox = "Get the Harbour Gazette briefing in your inbox every morning.";
const std::string kFerry =
    "Ferry fares between the island and the mainland will rise by a fifth in May, the operator said.";
const std::string kPier =
    "A new pier opened at the north harbour on Saturday, two years after the old one was closed.";
const std::string kQuota =
    "Fishing quotas for the coming season were cut again, leaving the small boats with less to land.";

TEST(SiteTemplates, RecurringParagraphsOfOneSiteGo) {
  std::vector<Document> docs = {
      Page("https://www.gazette.example/a", {kFerry, "The council agreed to the rise on Tuesday.", kBox}),
      Page("https://gazette.example/b", {kPier, kBox, "Work on the pier took two years."}),
      Page("https://gazette.example/c?x=1", {kQuota, "Most boats stayed in port this week.", kBox}),
      // Another site with the same sentence: too few pages of its own.
      Page("https://other.example/z", {kFerry, kBox, "More of it."}),
  };
  std::vector<Document*> ptrs;
  for (Document& d : docs) ptrs.push_back(&d);
  EXPECT_EQ(RemoveSiteTemplates(ptrs), 3u);
  EXPECT_EQ(docs[0].text, kFerry + "\n\nThe council agreed to the rise on Tuesday.");
  EXPECT_EQ(docs[1].text, kPier + "\n\nWork on the pier took two years.");
  ASSERT_EQ(docs[1].paragraphs.size(), 2u);
  EXPECT_EQ(docs[1].text.substr(docs[1].paragraphs[1].begin, docs[1].paragraphs[1].size()),
            "Work on the pier took two years.");
  EXPECT_EQ(docs[1].paragraph_kinds.size(), 2u);
  EXPECT_EQ(docs[1].stats.blocks_kept, 2u);
  EXPECT_GT(docs[1].stats.chars_dropped, 0u);
  EXPECT_EQ(docs[1].id, "id-https://gazette.example/b");  // the page's identity
  EXPECT_NE(docs[3].text.find(kBox), std::string::npos);
}

TEST(SiteTemplates, FewPagesRareParagraphsAndNearCopiesStay) {
  // Two pages: not enough to tell a template.
  std::vector<Document> two = {Page("https://g.example/a", {kFerry, kBox}),
                               Page("https://g.example/b", {kPier, kBox})};
  std::vector<Document*> p2 = {&two[0], &two[1]};
  EXPECT_EQ(RemoveSiteTemplates(p2), 0u);
  // Six pages, the box on two of them: under half.
  std::vector<Document> six;
  for (int i = 0; i < 6; ++i) {
    six.push_back(Page("https://g.example/" + std::to_string(i),
                       {kQuota + " Part " + std::to_string(i) + ".",
                        i < 2 ? kBox : "Story " + std::to_string(i) + " goes on."}));
  }
  std::vector<Document*> p6;
  for (Document& d : six) p6.push_back(&d);
  EXPECT_EQ(RemoveSiteTemplates(p6), 0u);
  // Three versions of one story: the shared paragraphs are most of each
  // page, so nothing goes (near-duplicate detection handles them).
  const std::string a = "The ferry strike entered its third day on Monday with no talks planned.";
  const std::string b = "Unions say the operator has refused to discuss pay since March.";
  std::vector<Document> versions = {Page("https://g.example/v1", {a, b}),
                                    Page("https://g.example/v2", {a, b, "Update: talks set."}),
                                    Page("https://g.example/v3", {a, b, "Update: talks held."})};
  std::vector<Document*> pv = {&versions[0], &versions[1], &versions[2]};
  EXPECT_EQ(RemoveSiteTemplates(pv), 0u);
  EXPECT_NE(versions[1].text.find(a), std::string::npos);
  // Pages without a URL or site name are left alone.
  std::vector<Document> anon = {Page("", {"x", kBox}), Page("", {"y", kBox}), Page("", {"z", kBox})};
  std::vector<Document*> pa = {&anon[0], &anon[1], &anon[2]};
  EXPECT_EQ(RemoveSiteTemplates(pa), 0u);
}

}  // namespace
}  // namespace synoptic::extract
