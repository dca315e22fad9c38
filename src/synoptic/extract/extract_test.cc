// Tests for ExtractDocument() on hand-written pages (testdata/extract/ and
// inline), including hostile HTML. Every page and sentence here was written
// for this project.
#include "synoptic/extract/extract.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "synoptic/core/hash.h"
#include "synoptic/core/utf8.h"

namespace synoptic::extract {
namespace {

std::string ReadTestdata(const std::string& name) {
  std::ifstream in(std::string(SYN_SOURCE_DIR) + "/testdata/extract/" + name,
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

ingest::InputRecord Record(std::string body, InputFormat format,
                           std::string url = "") {
  ingest::InputRecord r;
  r.source = "test";
  r.body = std::move(body);
  r.format = format;
  r.url = std::move(url);
  return r;
}

Document MustExtract(const ingest::InputRecord& r,
                     const ExtractOptions& o = {}) {
  Result<Document> d = ExtractDocument(r, o);
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  return d.ok() ? std::move(d).value() : Document{};
}

std::string Para(const Document& d, size_t i) {
  return d.text.substr(d.paragraphs[i].begin, d.paragraphs[i].size());
}

// Checks that every expected phrase is in the text and no chrome phrase is.
void ExpectText(const Document& d, const std::vector<std::string>& body,
                const std::vector<std::string>& chrome) {
  for (const std::string& s : body) {
    EXPECT_NE(d.text.find(s), std::string::npos) << "missing: " << s << "\n--\n"
                                                 << d.text;
  }
  for (const std::string& s : chrome) {
    EXPECT_EQ(d.text.find(s), std::string::npos)
        << "chrome kept: " << s << "\n--\n"
        << d.text;
  }
}

void ExpectWellFormed(const Document& d) {
  EXPECT_TRUE(utf8::IsValid(d.text));
  EXPECT_EQ(d.id, HexId(d.text));
  ASSERT_EQ(d.paragraphs.size(), d.paragraph_kinds.size());
  uint32_t prev_end = 0;
  for (size_t i = 0; i < d.paragraphs.size(); ++i) {
    const ByteSpan& p = d.paragraphs[i];
    EXPECT_LE(p.end, d.text.size());
    EXPECT_LT(p.begin, p.end);
    if (i > 0) {
      EXPECT_EQ(d.text.substr(prev_end, p.begin - prev_end), "\n\n");
    }
    prev_end = p.end;
  }
  EXPECT_EQ(d.text.find("  "), std::string::npos);
  EXPECT_EQ(d.text.find("\n\n\n"), std::string::npos);
  EXPECT_LE(d.stats.blocks_kept, d.stats.blocks_total);
}

TEST(ExtractHtml, KeepsArticleAndDropsChromeOnNewsPage) {
  Document d = MustExtract(
      Record(ReadTestdata("harbor_ledger.html"), InputFormat::kHtml));
  ExpectWellFormed(d);
  ExpectText(
      d,
      {"Dock workers at Port Halden voted on Monday night",
       "The agreement, reached after two days of talks",
       "Nobody wanted this to drag on", "Port managers said the first vessels",
       "Losses for exporters", "Fruit exporters in the surrounding valley",
       "The chamber of commerce welcomed the deal"},
      {"We use cookies", "News", "Ferry service to the northern islands",
       "City council approves budget", "Share on Facebook",
       "Container cranes stood idle", "Shipping lines divert cargo",
       "Sign up for our newsletter", "Tags:", "covers transport and labour",
       "Leave a Reply", "Your email address", "Most Read", "Mayor rules out",
       "All rights reserved", "Privacy Policy", "Subscribe now", "color:red"});
  EXPECT_EQ(d.paragraphs.size(), 7u);
  EXPECT_EQ(Para(d, 0).substr(0, 11), "Dock worker");
  EXPECT_EQ(d.paragraph_kinds[4], 1);  // the h2
  EXPECT_EQ(d.title, "Dock workers end three-week strike at Port Halden");
  EXPECT_EQ(d.site, "The Harbor Ledger");
  EXPECT_EQ(d.url, "https://harborledger.example/business/dock-strike-ends");
  EXPECT_EQ(d.authors,
            (std::vector<std::string>{"Ines Marlowe", "Petr Valenta"}));
  EXPECT_EQ(d.published, "2024-05-14T07:45:00+02:00");
  EXPECT_EQ(d.published_from, DateSource::kJsonLd);
  EXPECT_EQ(d.modified, "2024-05-14T12:05:00+02:00");
  EXPECT_EQ(d.language, "en");
  EXPECT_EQ(d.format, InputFormat::kHtml);
  EXPECT_EQ(d.source, "test");
}

TEST(ExtractHtml, UsesTextCuesWhenClassNamesSayNothing) {
  Document d = MustExtract(
      Record(ReadTestdata("valley_courier.html"), InputFormat::kHtml));
  ExpectWellFormed(d);
  ExpectText(d,
             {"After the driest spring in four decades",
              "The regional water board cut allocations", "A costly switch",
              "Installing drip irrigation costs",
              "Applicants must show:", "a water meter installed on every well",
              "a plan to keep at least ten percent",
              "We used to think of water as something",
              "That warning came from Hal Brenner",
              "Not everyone can make the change in time",
              "The water board will decide on next year"},
             {"Sign in", "Obituaries", "By Maria Okafor", "Read more",
              "Water board cuts allocations for second year",
              "How one cooperative saved", "Tags:", "Facebook", "Popular",
              "High school band", "Copyright", "Terms of Service"});
  EXPECT_EQ(d.title, "Drought forces farmers to rethink irrigation");
  EXPECT_EQ(d.site, "Valley Courier");
  EXPECT_EQ(d.authors, (std::vector<std::string>{"Maria Okafor", "Tom Lind"}));
  EXPECT_EQ(d.published, "2023-08-02");
  EXPECT_EQ(d.published_from, DateSource::kMeta);
  EXPECT_EQ(d.modified, "2023-08-03T09:00:00Z");
  // Kinds: list items and the quote.
  int lists = 0, quotes = 0, headings = 0;
  for (uint8_t k : d.paragraph_kinds) {
    lists += k == 2;
    quotes += k == 3;
    headings += k == 1;
  }
  EXPECT_EQ(lists, 3);
  EXPECT_EQ(quotes, 1);
  EXPECT_EQ(headings, 1);
}

TEST(ExtractHtml, SplitsBrParagraphsAndReadsVisibleDateline) {
  Document d = MustExtract(
      Record(ReadTestdata("northern_dispatch.html"), InputFormat::kHtml));
  ExpectWellFormed(d);
  EXPECT_EQ(d.paragraphs.size(), 4u);
  ExpectText(d,
             {"The town library reopened its doors on Saturday",
              "Volunteers spent the winter sorting donated books",
              "Some of the children had never seen the building open",
              "The reading room on the first floor"},
             {"Front page", "Letters", "Share this", "Posted March"});
  EXPECT_EQ(d.title, "Library reopens after flood repairs");
  EXPECT_EQ(d.site, "Northern Dispatch");
  EXPECT_EQ(d.published, "2024-03-03T16:15");
  EXPECT_EQ(d.published_from, DateSource::kByline);
}

TEST(ExtractHtml, DateFromUrlAndHostAsSite) {
  std::string html =
      "<html><body><div class=\"post\"><h1>Bridge inspection finds cracked "
      "bearings</h1>"
      "<p>Engineers inspecting the old river bridge found cracked bearings on "
      "two of its "
      "piers, and the county has lowered the weight limit for lorries until "
      "repairs are done.</p>"
      "<p>The repairs are expected to take about six weeks, during which buses "
      "will use the "
      "ring road instead of crossing the river in the town "
      "centre.</p></div></body></html>";
  Document d = MustExtract(
      Record(html, InputFormat::kHtml,
             "https://www.riverton-news.example/2022/10/05/bridge-bearings"));
  EXPECT_EQ(d.published, "2022-10-05");
  EXPECT_EQ(d.published_from, DateSource::kUrl);
  EXPECT_EQ(d.site, "riverton-news.example");
  EXPECT_EQ(d.url,
            "https://www.riverton-news.example/2022/10/05/bridge-bearings");
  EXPECT_EQ(d.title, "Bridge inspection finds cracked bearings");
  // A record's stated date beats the URL's.
  ingest::InputRecord with_date = Record(
      html, InputFormat::kHtml,
      "https://www.riverton-news.example/2022/10/05/bridge-bearings");
  with_date.published = "2022-10-06T09:30:00Z";
  Document d2 = MustExtract(with_date);
  EXPECT_EQ(d2.published, "2022-10-06T09:30:00Z");
  EXPECT_EQ(d2.published_from, DateSource::kRecord);
}

TEST(ExtractHtml, RejectsDatesAfterNotAfterAndCrawlDate) {
  std::string html =
      "<html><head><meta property=\"article:published_time\" "
      "content=\"2031-01-01T10:00:00Z\">"
      "</head><body><article><h1>Council adopts climate plan</h1>"
      "<p>The council adopted its climate plan on Thursday after a debate that "
      "lasted most of "
      "the evening, with two members voting against and one abstaining.</p>"
      "<p>The plan sets a target of halving emissions from council buildings "
      "by the end of the "
      "decade, mainly by replacing old boilers with heat "
      "pumps.</p></article></body></html>";
  ExtractOptions opt;
  opt.not_after = "2024-06-01";
  Document d = MustExtract(Record(html, InputFormat::kHtml), opt);
  EXPECT_EQ(d.published, "");
  EXPECT_EQ(d.published_from, DateSource::kNone);

  ingest::InputRecord r = Record(html, InputFormat::kHtml);
  r.crawled = "2024-06-01T12:00:00Z";
  Document d2 = MustExtract(r);
  EXPECT_EQ(d2.published, "");

  // The record's own date is used when nothing better exists.
  r.published = "2024-05-30";
  Document d3 = MustExtract(r);
  EXPECT_EQ(d3.published, "2024-05-30");
  EXPECT_EQ(d3.published_from, DateSource::kRecord);
}

TEST(ExtractHtml, IgnoresDatesInRelatedBlocks) {
  std::string html =
      "<html><body><article><h1>Museum buys a rare medieval map</h1>"
      "<p>The city museum has bought a rare medieval map of the coast, "
      "outbidding two private "
      "collectors at an auction in the capital last week.</p>"
      "<p>The map will go on display in the autumn after conservators have "
      "checked the "
      "parchment and repaired a small tear near one edge.</p>"
      "<div class=\"related-articles\"><h3>Related</h3><ul>"
      "<li><a href=\"/a\">Museum opens new wing</a> <time "
      "datetime=\"2021-04-04\">4 April 2021</time></li>"
      "<li><a href=\"/b\">Old maps exhibition, published 9 May "
      "2020</a></li></ul></div>"
      "</article></body></html>";
  Document d = MustExtract(Record(html, InputFormat::kHtml));
  EXPECT_EQ(d.published, "");
  EXPECT_EQ(d.text.find("Museum opens new wing"), std::string::npos);
}

TEST(ExtractText, CoastalScrapeKeepsEveryParagraphAndNoChrome) {
  Document d = MustExtract(
      Record(ReadTestdata("coastal_times.txt"), InputFormat::kText));
  ExpectWellFormed(d);
  ExpectText(d,
             {"Fishing boats sailed out of Larsby harbour before dawn",
              "The dispute began in January",
              "Under the compromise announced on Tuesday",
              "Harbour master Jonas Eide said",
              "The fishermen's association will hold a vote",
              "The ministry said it would publish the survey plan"},
             {"Home",
              "Europe",
              "BREAKING",
              "Storm Lorna",
              "Central bank holds",
              "Elena Vasquez",
              "Shares",
              "Min Read",
              "Boats leaving the harbour",
              "Related Stories",
              "Ministry publishes new rules",
              "Why are cod stocks falling",
              "do not necessarily reflect",
              "quotas\n",
              "Reporter covering",
              "Most Popular",
              "Tourists return",
              "Lighthouse restoration",
              "Council votes",
              "More from this writer",
              "Ferry company",
              "independent regional newspaper",
              "All Rights Reserved",
              "Privacy Policy",
              "Android",
              "iOS"});
  EXPECT_EQ(d.paragraphs.size(), 6u);
  EXPECT_EQ(d.title,
            "Fishing fleets return to Larsby after a month-long quota dispute");
  EXPECT_EQ(d.site, "Coastal Times");
  EXPECT_EQ(d.authors, std::vector<std::string>{"Elena Vasquez"});
  EXPECT_EQ(d.published, "2024-02-14T09:30");
  EXPECT_EQ(d.published_from, DateSource::kByline);
  EXPECT_EQ(d.format, InputFormat::kText);
}

TEST(ExtractText, MetroScrapeKeepsHeadingsAndDropsTeasers) {
  Document d =
      MustExtract(Record(ReadTestdata("metro_wire.txt"), InputFormat::kText));
  ExpectWellFormed(d);
  ExpectText(
      d,
      {"Night workers in the capital will be able to take a bus",
       "The routes connect the central station", "Who will use the night buses",
       "A survey by the authority found that nurses",
       "For years my shift ended at one", "Cost and safety",
       "The service will cost about 9 million a year"},
      {"Download the app", "AFP/GETTY", "By Samuel", "More from this author",
       "Tram line extension", "The extension of the eastern tram line",
       "Cycle lanes", "Councillors voted", "Terms of Use", "Metro Wire Media",
       "cookies"});
  EXPECT_EQ(d.paragraphs.size(), 7u);
  EXPECT_EQ(d.paragraph_kinds[2], 1);
  EXPECT_EQ(d.paragraph_kinds[5], 1);
  EXPECT_EQ(d.title, "City opens first overnight bus network in a decade");
  EXPECT_EQ(d.site, "Metro Wire");
  EXPECT_EQ(d.authors, std::vector<std::string>{"Samuel Okonkwo"});
  EXPECT_EQ(d.published, "2023-09-13");
  EXPECT_EQ(d.published_from, DateSource::kByline);
}

TEST(ExtractText, JoinsHardWrappedParagraphs) {
  Document d = MustExtract(
      Record(ReadTestdata("parish_newsletter.txt"), InputFormat::kText));
  ExpectWellFormed(d);
  ASSERT_EQ(d.paragraphs.size(), 3u);
  EXPECT_NE(Para(d, 0).find(
                "raised more than 4,200 pounds for the roof fund, the largest"),
            std::string::npos);
  EXPECT_EQ(d.title, "Harvest supper raises record sum for the roof fund");
  EXPECT_EQ(d.text.find("unsubscribe"), std::string::npos);
}

TEST(ExtractText, RecordHintsFillMissingMetadata) {
  ingest::InputRecord r = Record(
      "The ferry between the two islands will run twice as often this summer, "
      "the operator "
      "said on Friday, after a year in which passengers complained of long "
      "queues.\n\n"
      "A second boat, leased from a company in the south, will join the route "
      "in June and "
      "stay until the end of September.\n",
      InputFormat::kText, "https://islands.example/ferry");
  r.title = "Ferry timetable doubled for summer";
  r.published = "2024-03-08T10:00:00Z";
  r.site = "Island Post";
  r.authors = {"Kai Lund"};
  Document d = MustExtract(r);
  EXPECT_EQ(d.title, "Ferry timetable doubled for summer");
  EXPECT_EQ(d.published, "2024-03-08T10:00:00Z");
  EXPECT_EQ(d.published_from, DateSource::kRecord);
  EXPECT_EQ(d.site, "Island Post");
  EXPECT_EQ(d.authors, std::vector<std::string>{"Kai Lund"});
  EXPECT_EQ(d.url, "https://islands.example/ferry");
  EXPECT_EQ(d.paragraphs.size(), 2u);
}

TEST(Extract, NormalisesToNfc) {
  // "Café" with a combining acute accent (e + U+0301) becomes U+00E9.
  std::string body =
      "The Cafe\xCC\x81 Nord on the square will close for renovation in "
      "January, the owners "
      "said, and reopen with a larger terrace in the spring of next year.";
  Document d = MustExtract(Record(body, InputFormat::kText));
  EXPECT_NE(d.text.find("Caf\xC3\xA9 Nord"), std::string::npos);
  EXPECT_EQ(d.text.find("\xCC\x81"), std::string::npos);
}

TEST(Extract, EmptyAndChromeOnlyPagesAreEmpty) {
  EXPECT_EQ(ExtractDocument(Record("", InputFormat::kHtml), {}).status().code(),
            StatusCode::kEmpty);
  EXPECT_EQ(ExtractDocument(Record("", InputFormat::kText), {}).status().code(),
            StatusCode::kEmpty);
  std::string chrome =
      "<html><body><nav><a href=/>Home</a><a href=/n>News</a></nav>"
      "<div class=cookie-banner>We use cookies on this website.</div>"
      "<footer>&copy; 2024 Example Media</footer></body></html>";
  EXPECT_EQ(
      ExtractDocument(Record(chrome, InputFormat::kHtml), {}).status().code(),
      StatusCode::kEmpty);
}

TEST(Extract, RefusesTextOverLimit) {
  std::string body;
  for (int i = 0; i < 50; ++i) {
    body +=
        "The harbour authority published its annual report on Tuesday, showing "
        "that "
        "cargo volumes rose for the third year in a row despite the "
        "strike.\n\n";
  }
  ExtractOptions opt;
  opt.max_text_bytes = 1000;
  EXPECT_EQ(
      ExtractDocument(Record(body, InputFormat::kText), opt).status().code(),
      StatusCode::kResourceExhausted);
  opt.not_after = "not a date";
  EXPECT_EQ(
      ExtractDocument(Record(body, InputFormat::kText), opt).status().code(),
      StatusCode::kInvalidArgument);
}

TEST(Extract, DetectsLanguage) {
  EXPECT_EQ(DetectLanguage(
                "The committee will publish its findings next week, after "
                "hearing evidence from the ministry and the regional councils.",
                true),
            "en");
  EXPECT_EQ(DetectLanguage(
                "Der Ausschuss wird seine Ergebnisse in der kommenden Woche "
                "veröffentlichen, nachdem er das Ministerium angehört hat.",
                true),
            "de");
  EXPECT_EQ(
      DetectLanguage(
          "Le comité publiera ses conclusions la semaine prochaine, après "
          "avoir entendu le ministère et les conseils régionaux.",
          true),
      "fr");
  EXPECT_EQ(DetectLanguage("ok", true), "und");
}

// ---- hostile input: no crash, sane output ----

const char kArticleP[] =
    "<p>The regional court ruled on Wednesday that the quarry may not expand "
    "into the forest, "
    "accepting the argument of residents that the company had not assessed the "
    "noise.</p>";

TEST(ExtractHostile, ScriptsStylesAndUnclosedTags) {
  std::string html =
      std::string("<html><head><script>var a = '<p>not text</p>';</script>") +
      "<style>p { color: blue }</style></head><body><div><p>unclosed <b>bold "
      "<i>" +
      kArticleP + kArticleP + "<script>document.write('ignored')</script>" +
      "<noscript>Enable JavaScript</noscript><template><p>hidden tmpl</p>" +
      "</template><svg><text>svg text</text></svg>";
  Document d = MustExtract(Record(html, InputFormat::kHtml));
  ExpectWellFormed(d);
  EXPECT_NE(d.text.find("The regional court ruled"), std::string::npos);
  for (const char* bad : {"not text", "color: blue", "ignored",
                          "Enable JavaScript", "hidden tmpl", "svg text"}) {
    EXPECT_EQ(d.text.find(bad), std::string::npos) << bad;
  }
}

TEST(ExtractHostile, DeeplyNestedDivs) {
  std::string html = "<html><body>";
  for (int i = 0; i < 10000; ++i) html += "<div>";
  html += kArticleP;
  html += kArticleP;
  for (int i = 0; i < 10000; ++i) html += "</div>";
  html += "</body></html>";
  Document d = MustExtract(Record(html, InputFormat::kHtml));
  EXPECT_NE(d.text.find("The regional court ruled"), std::string::npos);

  std::string unclosed(100000 * 5, ' ');
  for (size_t i = 0; i < 100000; ++i) unclosed.replace(i * 5, 5, "<div>");
  Result<Document> r =
      ExtractDocument(Record(unclosed, InputFormat::kHtml), {});
  EXPECT_EQ(r.status().code(), StatusCode::kEmpty);
}

TEST(ExtractHostile, HugeAttributeNulBytesAndBadUtf8) {
  std::string html = "<html><body><div class=\"" + std::string(1 << 20, 'a') +
                     "\" data-x=\"" + std::string(1000, '\0') + "\">";
  html += kArticleP;
  // The literal holds a NUL, so its length comes from its array size.
  static constexpr char kBad[] =
      "<p>Bad bytes \xFF\xFE\xC0 and a NUL \0 here in a sentence that is long "
      "enough to count as a paragraph of the article.</p>";
  html += std::string(kBad, sizeof(kBad) - 1);
  html += kArticleP;
  html += "</div></body></html>";
  Result<Document> r = ExtractDocument(Record(html, InputFormat::kHtml), {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ExpectWellFormed(*r);
  EXPECT_EQ(r->text.find('\0'), std::string::npos);

  std::string text =
      "Line with NUL \0 and \xC3 broken bytes in a long enough sentence here.";
  text.push_back('\0');
  Result<Document> t = ExtractDocument(Record(text, InputFormat::kText), {});
  if (t.ok()) {
    EXPECT_TRUE(utf8::IsValid(t->text));
    EXPECT_EQ(t->text.find('\0'), std::string::npos);
  }
}

TEST(ExtractHostile, MalformedJsonLdAndManyLinks) {
  std::string html =
      "<html><head><script type=\"application/ld+json\">{\"@type\": "
      "\"NewsArticle\", "
      "\"headline\": [[[[{\"a\": </script>"
      "<script type=\"application/ld+json\">" +
      std::string(5000, '[') + "</script></head><body>";
  for (int i = 0; i < 2000; ++i) html += "<a href=\"/x\">link</a> ";
  html += kArticleP;
  html += kArticleP;
  html += "</body></html>";
  Document d = MustExtract(Record(html, InputFormat::kHtml));
  EXPECT_NE(d.text.find("The regional court ruled"), std::string::npos);
  EXPECT_EQ(d.text.find("link link"), std::string::npos);
}

}  // namespace
}  // namespace synoptic::extract
