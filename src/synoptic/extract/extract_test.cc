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

TEST(ExtractHtml, UtcTimestampGivesThePagesLocalDay) {
  // JSON-LD in UTC, the Open Graph time with the newsroom's offset: the
  // page's day is the local one.
  const std::string body =
      "<article><h1>Port strike ends after talks</h1>"
      "<p>Dock workers returned to work late on Tuesday evening after the "
      "union and the port authority agreed on a new wage scale.</p>"
      "<p>The strike had halted container traffic for nine days and left "
      "dozens of ships waiting at anchor outside the harbour.</p>"
      "</article></body></html>";
  std::string html =
      "<html><head><script type=\"application/ld+json\">{\"@type\":"
      "\"NewsArticle\",\"datePublished\":\"2022-05-04T03:37:37Z\"}"
      "</script><meta property=\"article:published_time\" "
      "content=\"2022-05-03T22:37:37-05:00\"></head><body>" +
      body;
  Document d = MustExtract(Record(html, InputFormat::kHtml));
  EXPECT_EQ(d.published, "2022-05-03T22:37:37-05:00");
  EXPECT_EQ(d.published_from, DateSource::kJsonLd);
  // Without a local statement the UTC value stays as it is.
  std::string plain =
      "<html><head><script type=\"application/ld+json\">{\"@type\":"
      "\"NewsArticle\",\"datePublished\":\"2022-05-04T03:37:37Z\"}"
      "</script></head><body>" +
      body;
  Document p = MustExtract(Record(plain, InputFormat::kHtml));
  EXPECT_EQ(p.published, "2022-05-04T03:37:37Z");
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

// A page shell around `main` with a menu, a sidebar of teasers and a
// footer: the chrome every test page below shares.
std::string Shell(const std::string& main, const std::string& head = "") {
  return "<!doctype html><html><head><title>Page</title>" + head +
         "</head><body><ul class=\"menu\"><li><a href=\"/\">Home</a></li>"
         "<li><a href=\"/a\">Archive</a></li></ul>" +
         main +
         "<div class=\"sidebar\"><h3>Around town</h3><p><a href=\"/x\">The "
         "ferry timetable changes again next week after complaints</a></p>"
         "<p><a href=\"/y\">Library extends its opening hours for the "
         "winter months</a></p></div><footer><p>Copyright 2024 Example "
         "Media. All rights reserved.</p></footer></body></html>";
}

// A block of teaser links longer than the test article, so that the
// article's box holds well under half of the page's text.
std::string MoreStories() {
  std::string out = "<div class=\"more\"><h3>Elsewhere</h3>";
  for (int i = 0; i < 8; ++i) {
    out += "<p><a href=\"/s" + std::to_string(i) +
           "\">A teaser for another story on this site that runs for about "
           "a line and a half of text</a></p>";
  }
  return out + "</div>";
}

// Class: lost lists and short lines around the article core. An intro
// paragraph above a list of short, link-free items (a recipe's
// ingredients), the list itself, a table of figures, a closing line after
// the last long paragraph; a link list after the article stays out.
TEST(ExtractHtml, KeepsPlainListsTablesAndClosingLinesAroundTheCore) {
  Document d = MustExtract(Record(
      Shell("<article><h1>Plum cake for a rainy Sunday</h1>"
            "<p>This cake uses the last plums of the season and keeps well "
            "for three days in a tin, which is why it is our favourite for "
            "the autumn.</p>"
            "<h2>Ingredients</h2><ul><li>500 g plums</li><li>200 g flour</li>"
            "<li>2 eggs</li><li>Butter</li></ul>"
            "<h2>Method</h2>"
            "<p>Halve the plums and remove the stones. Beat the butter with "
            "the sugar until pale, then add the eggs one by one and fold in "
            "the flour with a pinch of salt.</p>"
            "<p>Spread the dough in a buttered tin, press the plums into it "
            "skin side down and bake for forty minutes until golden, then "
            "let it cool on a rack before cutting.</p>"
            "<table><tr><td>Energy</td><td>320 kcal</td><td>16 %</td></tr>"
            "<tr><td>Fat</td><td>12 g</td><td>18 %</td></tr></table>"
            "<p>Enjoy, Anna</p>"
            "<ul><li><a href=\"/r1\">Apple crumble with oats</a></li>"
            "<li><a href=\"/r2\">Pear tart with almonds</a></li>"
            "<li><a href=\"/r3\">Cherry clafoutis</a></li></ul></article>"),
      InputFormat::kHtml));
  ExpectWellFormed(d);
  ExpectText(
      d,
      {"This cake uses the last plums", "Ingredients", "500 g plums", "2 eggs",
       "Butter", "Method", "Halve the plums", "Spread the dough",
       "Energy | 320 kcal | 16 %", "Fat | 12 g | 18 %", "Enjoy, Anna"},
      {"Apple crumble", "Pear tart", "Cherry clafoutis", "Home",
       "ferry timetable", "All rights reserved"});
}

// Class: an article box whose class list carries a state modifier
// ("share", "social") is not a share bar; the real share bar still goes.
TEST(ExtractHtml, ModifierClassOnArticleBoxDoesNotDropIt) {
  Document d = MustExtract(Record(
      Shell("<div class=\"post\"><h1>New bridge opens to cyclists</h1>"
            "<div class=\"entry themeform share\">"
            "<p>The new bridge over the canal opened to cyclists on Monday, "
            "two months later than the council had promised last spring.</p>"
            "<p>Engineers said the delay came from a shortage of steel, and "
            "the final inspection found no faults in the deck or the "
            "railings.</p>"
            "<p>Walkers will be able to use the bridge from next week, once "
            "the lighting has been tested at night.</p></div>"
            "<div class=\"share-buttons\"><p>Share this on Facebook or by "
            "e-mail with your friends</p></div></div>" +
            MoreStories()),
      InputFormat::kHtml));
  ExpectText(d,
             {"The new bridge over the canal", "Engineers said the delay",
              "Walkers will be able"},
             {"Share this on Facebook", "ferry timetable"});
}

// Class: comment sections. An opinion piece named "commentary" is the
// article; a comment thread longer than the article is never chosen.
TEST(ExtractHtml, CommentaryIsTheArticleAndLongThreadsStayComments) {
  std::string comments = "<div class=\"comment-list\"><h2>Reader comments</h2>";
  for (int i = 0; i < 12; ++i) {
    comments +=
        "<p>I have lived here for twenty years, and I think the writer is "
        "wrong about the buses, since they were late long before the new "
        "timetable, and nobody asked us.</p>";
  }
  comments += "</div>";
  Document d = MustExtract(Record(
      Shell("<div class=\"full news commentary article\">"
            "<h1>The buses deserve better planning</h1>"
            "<p>The city has changed its bus timetable three times in a year, "
            "and each change has made the morning routes slower.</p>"
            "<p>Planners should count passengers before they redraw the map, "
            "not after, and they should publish the counts.</p>"
            "<p>Until they do, riders will keep guessing when the next bus "
            "comes, and many will go back to their cars.</p></div>" +
            comments),
      InputFormat::kHtml));
  ExpectText(d,
             {"The city has changed its bus timetable",
              "Planners should count passengers", "Until they do"},
             {"I have lived here for twenty years", "Reader comments"});
}

// Class: lead paragraph in the article header, outside the body box.
TEST(ExtractHtml, KeepsTheLeadInTheArticleHeader) {
  Document d = MustExtract(Record(
      Shell("<article><header><h1>Orchard harvest breaks record</h1>"
            "<div class=\"intro\">Growers in the valley picked more apples "
            "this year than in any season since records began.</div>"
            "</header><div class=\"row\"><div class=\"col\"><div>"
            "<p>The cooperative weighed its last crates on Friday and found "
            "the total a fifth above last year, helped by a mild spring "
            "without frost.</p>"
            "<p>Most of the crop went to the juice press, since hail in July "
            "had marked the skins of many apples, though not their taste.</p>"
            "<p>The pickers, many of them students, were paid by the crate, "
            "and several said they earned more than in any summer job.</p>"
            "<p>Trucks waited in a line along the road, engines running, "
            "while the scales at the gate worked late into the evening.</p>"
            "<p>A buyer from the city, who came for the pears, left with "
            "apples instead, since the pears had been sold in August.</p>"
            "<p>The old press, built in the fifties, broke twice, and a "
            "mechanic from the next village repaired it each time.</p>"
            "<p>Children from the school visited on Thursday, tasted six "
            "kinds of apple, and voted for the sourest one.</p>"
            "<p>Beekeepers, who rent hives to the growers, said the bees "
            "had a good year too, with plenty of blossom in April.</p>"
            "<p>Prices, however, have fallen, and several growers said they "
            "would store part of the crop until the new year to wait for a "
            "better offer.</p>"
            "<p>The cooperative plans to open a second cold store next "
            "summer if the bank approves its loan.</p></div></div></div>"
            "</article>"),
      InputFormat::kHtml));
  ExpectText(d,
             {"Growers in the valley picked more apples",
              "The cooperative weighed its last crates", "Prices, however",
              "second cold store"},
             {"ferry timetable", "Archive"});
}

// Class: the article only inside <noscript> (a script-built page); the
// "enable JavaScript" notice is dropped.
TEST(ExtractHtml, ReadsArticleInsideNoscript) {
  Document d = MustExtract(Record(
      Shell("<div id=\"app\"></div><noscript><p>Please enable JavaScript "
            "to use this site.</p><div class=\"text\">"
            "<p>The river authority has finished the new flood wall along "
            "the old harbour, a year after the spring floods.</p>"
            "<p>The wall is two metres high and can be raised further with "
            "steel panels that are kept in a depot nearby.</p>"
            "<p>Residents may walk on the new promenade on top of the wall "
            "from Saturday.</p></div></noscript>"),
      InputFormat::kHtml));
  ExpectText(d,
             {"The river authority has finished", "The wall is two metres",
              "Residents may walk"},
             {"enable JavaScript"});
}

// Class: body text set in heading tags is text; the standfirst set as a
// heading directly under the headline is kept as the lead, once.
TEST(ExtractHtml, SentencesInHeadingTagsAreText) {
  Document d = MustExtract(Record(
      Shell("<article><h1>Poster contest for children</h1>"
            "<h2>Children drew pictures about clean rivers for the town's "
            "poster contest this year.</h2>"
            "<h3>The contest runs for the sixth time this year, and children "
            "between six and twelve may send one drawing each.</h3>"
            "<h4>Draw a poster with the motto of the contest, think about "
            "what a clean river needs, and send it in by the end of May.</h4>"
            "<p>The best posters will hang in the town hall in June.</p>"
            "</article>",
            "<meta property=\"og:title\" content=\"Poster contest for "
            "children\">"),
      InputFormat::kHtml));
  ExpectText(d,
             {"Children drew pictures about clean rivers",
              "The contest runs for the sixth time",
              "Draw a poster with the motto", "The best posters"},
             {"Poster contest for children", "Home"});
  EXPECT_EQ(Para(d, 0).substr(0, 14), "Children drew ");
}

// Class: the lead under the headline, cut off from the body by a share bar
// and a "more on this" box, is kept; the byline and the box are not.
TEST(ExtractHtml, KeepsTheLeadAcrossABoxBetweenHeadAndBody) {
  Document d = MustExtract(Record(
      Shell("<div class=\"page\"><h1>Night trains return to the coast</h1>"
            "<p>Two operators will run sleeper services to the coast from "
            "June, the first since the line was closed in 2009.</p>"
            "<p>By Lena Hart</p>"
            "<ul class=\"tools\"><li><a href=\"/e\">E-mail</a></li>"
            "<li><a href=\"/p\">Print</a></li></ul>"
            "<div><h4>More on this</h4><ul>"
            "<li><a href=\"/n1\">Rail fares rise again in spring</a></li>"
            "<li><a href=\"/n2\">New timetable for the north</a></li>"
            "</ul></div><div class=\"text\">"
            "<p>The trains will leave the capital late in the evening and "
            "reach the coast early the next morning, stopping at four towns "
            "on the way.</p>"
            "<p>Tickets go on sale next month, and a bed in a shared "
            "compartment will cost about as much as a night in a cheap "
            "hotel.</p>"
            "<p>The operators said they would add more trains in the "
            "summer if the first months go well.</p></div></div>"),
      InputFormat::kHtml));
  ExpectText(d,
             {"Two operators will run sleeper services",
              "The trains will leave the capital", "Tickets go on sale",
              "The operators said"},
             {"By Lena Hart", "More on this", "Rail fares rise", "E-mail",
              "Night trains return to the coast"});
}

// Class: "related" sections labelled in other languages end the article.
TEST(ExtractHtml, RelatedSectionCuesInOtherLanguagesEndTheArticle) {
  Document d = MustExtract(Record(
      Shell("<div class=\"main\"><h1>Neue Radwege in der Altstadt</h1>"
            "<p>Die Stadt hat am Montag drei neue Radwege in der Altstadt "
            "freigegeben, nachdem die Bauarbeiten länger gedauert hatten als "
            "geplant.</p>"
            "<p>Die Wege verbinden den Bahnhof mit dem Marktplatz und der "
            "Universität, und an jeder Kreuzung gibt es nun eigene Ampeln "
            "für Radfahrer.</p>"
            "<p>Im Frühjahr sollen zwei weitere Strecken folgen, wenn der "
            "Stadtrat die Mittel freigibt.</p>"
            "<div class=\"box\"><h3>Ähnliche Beiträge</h3>"
            "<p>Der Marktplatz bekommt neue Bänke und Bäume, die im Sommer "
            "Schatten spenden sollen.</p>"
            "<p>Die Buslinie zur Universität fährt ab Januar öfter, auch am "
            "Wochenende und abends.</p></div></div>"),
      InputFormat::kHtml));
  ExpectText(d,
             {"Die Stadt hat am Montag drei neue Radwege",
              "Die Wege verbinden den Bahnhof", "Im Frühjahr sollen"},
             {"Ähnliche Beiträge", "neue Bänke und Bäume",
              "Die Buslinie zur Universität"});
}

// Class: kept bylines and bios. Once the container is the whole
// <article>, its headline, the byline naming the author (from JSON-LD or a
// "By" line) and the author's bio under the text stay out.
TEST(ExtractHtml, DropsHeadlineBylineAndBioInsideTheArticle) {
  Document d = MustExtract(Record(
      Shell("<article><header><h1>Tram line reaches the new hospital</h1>"
            "<p class=\"lede\">The extension opens a month early and links "
            "three districts to the hospital for the first time.</p>"
            "<div class=\"meta\">Ada Brennan <span>Transport reporter</span>"
            "</div></header><div class=\"row\"><div class=\"col\"><div>"
            "<p>The first tram on the new line left the central station at "
            "six in the morning, and by noon the operator had counted more "
            "passengers than it expected for the whole day.</p>"
            "<p>Nurses who work night shifts said the line would save them "
            "a long walk from the bus stop, which is poorly lit in winter.</p>"
            "<p>The city plans a second extension to the university, which "
            "still needs the approval of the regional government.</p>"
            "</div></div></div>"
            "<div class=\"author-box\"><p>Ada Brennan is a transport "
            "reporter who has covered the city's trams and buses since "
            "2015.</p></div></article>",
            "<script type=\"application/ld+json\">{\"@type\": "
            "\"NewsArticle\", \"headline\": \"Tram line reaches the new "
            "hospital\", \"author\": {\"@type\": \"Person\", \"name\": "
            "\"Ada Brennan\"}}</script>"),
      InputFormat::kHtml));
  ExpectText(
      d,
      {"The extension opens a month early", "The first tram on the new line",
       "Nurses who work night", "The city plans a second extension"},
      {"Tram line reaches the new hospital", "Transport reporter",
       "Ada Brennan is a transport reporter"});
  EXPECT_EQ(d.authors, (std::vector<std::string>{"Ada Brennan"}));
}

// Publication dates written in the page's language are read from the
// byline under the headline.
TEST(ExtractHtml, ReadsABylineDateInGerman) {
  Document d = MustExtract(Record(
      Shell("<div class=\"post\"><h1>Neue Radwege in der Altstadt</h1>"
            "<div class=\"info\">Veröffentlicht am 2. September 2015 von "
            "Jana</div><div class=\"content\">"
            "<p>Die Stadt hat am Montag drei neue Radwege in der Altstadt "
            "freigegeben, nachdem die Bauarbeiten länger gedauert hatten als "
            "geplant.</p>"
            "<p>Die Wege verbinden den Bahnhof mit dem Marktplatz und der "
            "Universität, und an jeder Kreuzung gibt es nun eigene Ampeln "
            "für Radfahrer.</p></div></div>"),
      InputFormat::kHtml));
  EXPECT_EQ(d.published, "2015-09-02");
  EXPECT_EQ(d.published_from, DateSource::kByline);
  ExpectText(d, {"Die Stadt hat am Montag"}, {"Veröffentlicht am"});
}

// Two paragraphs of body text for the date tests below.
const char kDateBody[] =
    "<div class=\"content\"><p>Die Stadt hat am Montag drei neue Radwege in "
    "der Altstadt freigegeben, nachdem die Bauarbeiten länger gedauert hatten "
    "als geplant.</p><p>Die Wege verbinden den Bahnhof mit dem Marktplatz und "
    "der Universität, und an jeder Kreuzung gibt es nun eigene Ampeln für "
    "Radfahrer.</p></div>";

TEST(ExtractHtml, ShownDateBeatsTheGenericDateMeta) {
  // Many CMSs fill <meta name="date"> with the page's last change.
  Document d = MustExtract(Record(
      Shell(std::string("<article><h1>Neue Radwege in der Altstadt</h1>"
                        "<ul class=\"infoline\"><li class=\"author\">Von Jana "
                        "Berg</li><li><time>29.04.2020, 12:01 Uhr</time></li>"
                        "</ul>") +
                kDateBody + "</article>",
            "<meta name=\"date\" content=\"2020-04-30\">"),
      InputFormat::kHtml));
  EXPECT_EQ(d.published.substr(0, 10), "2020-04-29");
  EXPECT_EQ(d.published_from, DateSource::kTime);
}

TEST(ExtractHtml, ItempropDatePublishedInsideAnArticleFooterBox) {
  Document d = MustExtract(Record(
      Shell(std::string("<div class=\"article\"><div class=\"header\"><h1>Neue "
                        "Radwege in der Altstadt</h1></div>") +
            kDateBody +
            "<div class=\"footer\"><span class=\"news-list-date\"><time "
            "itemprop=\"datePublished\" datetime=\"2022-01-21\">21.01.2022"
            "</time></span></div></div>"),
      InputFormat::kHtml));
  EXPECT_EQ(d.published, "2022-01-21");
  EXPECT_EQ(d.published_from, DateSource::kTime);
}

TEST(ExtractHtml, ReadsAStyledDateBoxWithATwoDigitYear) {
  Document d = MustExtract(Record(
      Shell(std::string("<div class=\"story\"><h1>Neue Radwege in der "
                        "Altstadt</h1><div class=\"uploaded-date\"> 23.09.22 "
                        "</div>") +
            kDateBody + "</div>"),
      InputFormat::kHtml));
  EXPECT_EQ(d.published, "2022-09-23");
  EXPECT_EQ(d.published_from, DateSource::kByline);
}

TEST(ExtractHtml, ReadsALeadDateline) {
  Document d = MustExtract(Record(
      Shell("<div class=\"story\"><h1>Neue Radwege in der Altstadt</h1>"
            "<p>29.11.2022 – Die Stadt hat am Montag drei neue Radwege in der "
            "Altstadt freigegeben, nachdem die Bauarbeiten länger gedauert "
            "hatten als geplant und der Winter früh kam.</p><p>Die Wege "
            "verbinden den Bahnhof mit dem Marktplatz und der Universität, und "
            "an jeder Kreuzung gibt es nun eigene Ampeln für Radfahrer.</p>"
            "</div>"),
      InputFormat::kHtml));
  EXPECT_EQ(d.published, "2022-11-29");
  EXPECT_EQ(d.published_from, DateSource::kByline);
}

TEST(ExtractHtml, ProseMentioningADateIsNoDateline) {
  Document d = MustExtract(Record(
      Shell(std::string("<div class=\"story\"><h1>Stammtisch</h1><p>Der "
                        "nächste Stammtisch findet am Mittwoch, 5. Februar "
                        "2020 ab 19 Uhr im Nebenraum statt.</p>") +
            kDateBody + "</div>"),
      InputFormat::kHtml));
  EXPECT_EQ(d.published, "");
}

TEST(ExtractHtml, NeverReadsADateFromATeaserCard) {
  // A list of other stories without any "related" class: each card is a
  // link holding a headline of its own and that story's date.
  std::string cards =
      "<ul class=\"t-ca-list\"><li class=\"t-ca-item\"><a href=\"/other\">"
      "<h3 class=\"t-ca-title\">Orcas jagen vor Norwegen</h3>"
      "<span class=\"t-ca-date\">09.10.2021</span></a></li>"
      "<li class=\"t-ca-item\"><a href=\"/more\"><h3 class=\"t-ca-title\">"
      "Neue Fähre für die Insel</h3><time datetime=\"2021-10-02\">2.10.2021"
      "</time></a></li></ul>";
  Document d = MustExtract(Record(
      Shell("<div class=\"story\"><h1>Neue Radwege in der Altstadt</h1>" +
            cards + kDateBody + "</div>"),
      InputFormat::kHtml));
  EXPECT_EQ(d.published, "");
  // The same dates in a box named as a story list.
  Document r = MustExtract(Record(
      Shell(std::string("<div class=\"story\"><h1>Neue Radwege in der "
                        "Altstadt</h1><div class=\"most-read\"><span "
                        "class=\"date\">09.10.2021</span> <time "
                        "datetime=\"2021-10-02\">2.10.2021</time></div>") +
            kDateBody + "</div>"),
      InputFormat::kHtml));
  EXPECT_EQ(r.published, "");
}

TEST(ExtractHtml, ShownDatesAfterTheCrawlAreSkipped) {
  std::string html =
      Shell(std::string("<div class=\"story\"><h1>Neue Radwege "
                        "in der Altstadt</h1><span "
                        "class=\"post-date\">04.06.2024</span>") +
            kDateBody + "</div>");
  ingest::InputRecord r = Record(html, InputFormat::kHtml,
                                 "https://radwege.example/2024/05/28/altstadt");
  r.crawled = "2024-06-01T08:00:00Z";
  Document d = MustExtract(r);
  EXPECT_EQ(d.published, "2024-05-28");
  EXPECT_EQ(d.published_from, DateSource::kUrl);
  r.crawled = "2024-06-05T08:00:00Z";
  Document later = MustExtract(r);
  EXPECT_EQ(later.published, "2024-06-04");
}

TEST(ExtractHtml, JsonLdInAnUntypedScript) {
  Document d = MustExtract(
      Record(Shell(std::string("<div class=\"story\"><h1>Neue Radwege in der "
                               "Altstadt</h1>") +
                       kDateBody + "</div>",
                   "<script>{\"@context\": \"https://schema.org\", \"@type\": "
                   "\"NewsArticle\", \"datePublished\": "
                   "\"2022-01-28T06:00:00+01:00\"}</script>"),
             InputFormat::kHtml));
  EXPECT_EQ(d.published, "2022-01-28T06:00:00+01:00");
  EXPECT_EQ(d.published_from, DateSource::kJsonLd);
}

TEST(ExtractHtml, DisagreeingDeclaredDatesFollowTheShownOne) {
  std::string head =
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
      "\"datePublished\": \"2023-11-03T10:25:56+00:00\"}</script>"
      "<meta property=\"article:published_time\" "
      "content=\"2023-11-06T14:25:00+00:00\">";
  Document d = MustExtract(Record(
      Shell(std::string("<div class=\"story\"><h1>Neue Radwege in der "
                        "Altstadt</h1><time class=\"entry-date published\" "
                        "datetime=\"2023-11-06\">6. November 2023</time>") +
                kDateBody + "</div>",
            head),
      InputFormat::kHtml));
  EXPECT_EQ(d.published, "2023-11-06T14:25:00Z");
  EXPECT_EQ(d.published_from, DateSource::kMeta);
}

TEST(ExtractHtml, UtcDayIsKeptWhenThePageShowsBothDays) {
  // 23:30 UTC on the 3rd; the site header shows today's date (the 4th) and
  // the byline the 3rd: no single local day is stated, so no shift.
  std::string head =
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
      "\"datePublished\": \"2022-05-03T23:30:00Z\"}</script>";
  std::string page =
      "<div class=\"story\"><div class=\"top-date\">4 de Mayo de 2022</div>"
      "<h1>Neue Radwege in der Altstadt</h1>"
      "<div class=\"byline\">Por Ana Gómez | 3 de Mayo de 2022</div>" +
      std::string(kDateBody) + "</div>";
  Document d = MustExtract(Record(Shell(page, head), InputFormat::kHtml));
  EXPECT_EQ(d.published.substr(0, 10), "2022-05-03");
  // Only the header's day: that is the local day the UTC time stamp meant.
  std::string one = page;
  one.replace(one.find("3 de Mayo"), 1, "4");
  Document e = MustExtract(Record(Shell(one, head), InputFormat::kHtml));
  EXPECT_EQ(e.published.substr(0, 10), "2022-05-04");
}

// Five long paragraphs: an article whose box stands out.
const char kLongDateBody[] =
    "<p>Die Stadt hat am Montag drei neue Radwege in der Altstadt "
    "freigegeben, nachdem die Bauarbeiten wegen des nassen Herbstes länger "
    "gedauert hatten als geplant und der Winter früh kam.</p>"
    "<p>Die Wege verbinden den Bahnhof mit dem Marktplatz und der "
    "Universität, und an jeder Kreuzung gibt es nun eigene Ampeln, die "
    "Radfahrern einige Sekunden vor den Autos Grün geben.</p>"
    "<p>Der Gemeinderat will im Frühjahr über zwei weitere Wege beraten, "
    "die den Stadtpark und das Schwimmbad an das Netz anschließen sollen, "
    "sobald die Planung des Landes vorliegt.</p>"
    "<p>Die Kosten trägt zur Hälfte das Land, den Rest zahlt die Stadt "
    "aus den Rücklagen, die sie in den letzten Jahren für den Umbau der "
    "Innenstadt und ihrer Straßen gebildet hat.</p>"
    "<p>Die Polizei will die neuen Ampeln in den ersten Wochen besonders "
    "im Blick behalten und bittet alle, die dort unterwegs sind, um "
    "Rücksicht auf den neuen Wegen.</p>";

TEST(ExtractHtml, BareWebPageDateNeedsASecondStatement) {
  // Yoast-style graphs stamp every page, a shop's "about" page too, with a
  // WebPage datePublished: alone it says nothing about a publication.
  std::string head =
      "<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": "
      "\"WebPage\", \"datePublished\": \"2019-03-04T09:00:00+00:00\"}]}"
      "</script>";
  std::string page = std::string(
                         "<div class=\"story\"><h1>Neue Radwege in "
                         "der Altstadt</h1>") +
                     kDateBody + "</div>";
  Document d = MustExtract(Record(Shell(page, head), InputFormat::kHtml));
  EXPECT_EQ(d.published, "");
  // The same day shown in the article, or in the URL, seconds it.
  std::string shown = std::string(
                          "<div class=\"story\"><h1>Neue Radwege in "
                          "der Altstadt</h1><p class=\"meta\">4. "
                          "März 2019</p>") +
                      kDateBody + "</div>";
  Document e = MustExtract(Record(Shell(shown, head), InputFormat::kHtml));
  EXPECT_EQ(e.published, "2019-03-04T09:00:00Z");
  EXPECT_EQ(e.published_from, DateSource::kJsonLd);
  Document u = MustExtract(Record(Shell(page, head), InputFormat::kHtml,
                                  "https://rad.example/2019/03/04/altstadt"));
  EXPECT_EQ(u.published, "2019-03-04T09:00:00Z");
  // An Article's own date beats the WebPage's, whichever comes first.
  std::string both =
      "<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": "
      "\"WebPage\", \"datePublished\": \"2019-03-04T09:00:00+00:00\"}, "
      "{\"@type\": \"NewsArticle\", \"datePublished\": "
      "\"2019-03-02T08:00:00+01:00\"}]}</script>";
  Document a = MustExtract(Record(Shell(page, both), InputFormat::kHtml));
  EXPECT_EQ(a.published, "2019-03-02T08:00:00+01:00");
}

TEST(ExtractHtml, ReadsThePublicationTimeInAHeaderAside) {
  // The byline box of the article header is an <aside>; the sidebar after
  // the article is one too, and its dates are other stories'.
  std::string sidebar =
      "<aside class=\"more\"><p><time itemprop=\"datePublished\" "
      "datetime=\"2022-01-30T10:00:00+01:00\">30. Januar 2022</time> "
      "Orcas jagen vor Norwegen</p></aside>";
  std::string page = std::string(
                         "<div class=\"story\"><header><aside "
                         "class=\"meta\"><p>Von Jana Berg</p><time "
                         "itemprop=\"datePublished\" "
                         "datetime=\"2022-02-04T15:29:27+01:00\">04. Februar "
                         "2022, 15:29 Uhr</time></aside><h1>Neue Radwege in "
                         "der Altstadt</h1></header>") +
                     kDateBody + "</div>" + sidebar;
  Document d = MustExtract(Record(Shell(page), InputFormat::kHtml));
  EXPECT_EQ(d.published, "2022-02-04T15:29:27+01:00");
  EXPECT_EQ(d.published_from, DateSource::kTime);
  std::string no_header = std::string(
                              "<div class=\"story\"><h1>Neue Radwege "
                              "in der Altstadt</h1>") +
                          kDateBody + "</div>" + sidebar;
  Document s = MustExtract(Record(Shell(no_header), InputFormat::kHtml));
  EXPECT_EQ(s.published, "");
}

TEST(ExtractHtml, ReadsThePublicationTimeInAnArticleFooter) {
  // A CMS's meta footer inside the article; the site footer after it holds
  // another page's date.
  std::string site_footer =
      "<footer class=\"site\"><p>Zuletzt: <time itemprop=\"datePublished\" "
      "datetime=\"2022-02-01\">1.2.2022</time></p></footer>";
  std::string page = std::string(
                         "<article><h1>Neue Radwege in der Altstadt</h1>"
                         "<footer class=\"node__meta\"><span "
                         "property=\"schema:dateCreated\" "
                         "content=\"2022-01-28T12:45:46+00:00\"></span>"
                         "<span class=\"by\">Jana Berg</span></footer>") +
                     kDateBody + "</article>";
  Document d =
      MustExtract(Record(Shell(page + site_footer), InputFormat::kHtml));
  EXPECT_EQ(d.published, "2022-01-28T12:45:46Z");
  EXPECT_EQ(d.published_from, DateSource::kTime);
  std::string bare = std::string(
                         "<article><h1>Neue Radwege in der "
                         "Altstadt</h1>") +
                     kDateBody + "</article>";
  Document s =
      MustExtract(Record(Shell(bare + site_footer), InputFormat::kHtml));
  EXPECT_EQ(s.published, "");
}

TEST(ExtractHtml, AHeadlineInAnH3PlacesTheArticlesHeader) {
  // No <h1>: the hero box above the article sets the headline, which the
  // og:title repeats, in an <h3> beside the date.
  std::string hero =
      "<div class=\"top\"><div class=\"stage\"><div class=\"stage-box\">"
      "<span class=\"box-date\">03.02.2022</span><h3>Neue Radwege in der "
      "Altstadt</h3></div></div></div>";
  std::string main =
      std::string(
          "<div class=\"page\"><div class=\"col\"><div "
          "class=\"inner\"><main><section class=\"intro\"><div>") +
      kLongDateBody + "</div></section></main></div></div></div>";
  Document d =
      MustExtract(Record(Shell(hero + main,
                               "<meta property=\"og:title\" content=\"Neue "
                               "Radwege in der Altstadt\">"),
                         InputFormat::kHtml));
  EXPECT_EQ(d.published, "2022-02-03");
  EXPECT_EQ(d.published_from, DateSource::kByline);
  // A hero box for another story (its heading is not the page's title).
  Document o = MustExtract(Record(
      Shell(hero + main,
            "<meta property=\"og:title\" content=\"Ampeln für Radfahrer\">"),
      InputFormat::kHtml));
  EXPECT_EQ(o.published, "");
}

TEST(ExtractHtml, NeverReadsADateFromAListOfDatedItems) {
  // An events box inside the article: each item a date and a link.
  std::string events =
      "<ul class=\"list-group\"><li><span class=\"datum\">29.02.2020 "
      "18:00 Uhr</span> <a href=\"/e/1\">Weinprobe mit Tapas</a></li>"
      "<li><span class=\"datum\">04.04.2020 18:00 Uhr</span> <a "
      "href=\"/e/2\">Rebsorten Spaniens</a></li><li><span "
      "class=\"datum\">09.05.2020 18:00 Uhr</span> <a href=\"/e/3\">"
      "Atlantikweine</a></li></ul>";
  Document d = MustExtract(
      Record(Shell(std::string("<div class=\"story\"><h1>Neue Radwege in der "
                               "Altstadt</h1>") +
                       events + kDateBody + "</div>",
                   "<meta name=\"date\" content=\"2020-02-11\">"),
             InputFormat::kHtml));
  EXPECT_EQ(d.published, "2020-02-11");
  EXPECT_EQ(d.published_from, DateSource::kMeta);
}

TEST(ExtractHtml, ASpanOfDaysIsNoDateline) {
  // A weekly report headed by its period, and a link to another page.
  Document d = MustExtract(Record(
      Shell(std::string("<div class=\"story\"><h1>Neue Radwege in der "
                        "Altstadt</h1><p class=\"kicker\">Wochenbericht 31. "
                        "Dezember 2021 - 6. Januar 2022</p>") +
            kDateBody + "</div>"),
      InputFormat::kHtml));
  EXPECT_EQ(d.published, "");
}

TEST(ExtractHtml, ReadsALeadDatelineAfterAStandfirst) {
  Document d = MustExtract(Record(
      Shell("<div class=\"story\"><h1>Neue Radwege in der Altstadt</h1>"
            "<p class=\"intro\">Die Stadt baut schneller als gedacht, und die "
            "Radfahrer freuen sich über drei neue Wege zwischen Bahnhof, "
            "Markt und Universität in der Altstadt.</p>"
            "<p>27.1.2022 - Die Stadt hat am Montag drei neue Radwege in der "
            "Altstadt freigegeben, nachdem die Bauarbeiten länger gedauert "
            "hatten als geplant und der Winter früh kam.</p><p>Die Wege "
            "verbinden den Bahnhof mit dem Marktplatz und der Universität, und "
            "an jeder Kreuzung gibt es nun eigene Ampeln für Radfahrer.</p>"
            "</div>"),
      InputFormat::kHtml));
  EXPECT_EQ(d.published, "2022-01-27");
  EXPECT_EQ(d.published_from, DateSource::kByline);
}

TEST(ExtractHtml, ReadsACuedDatelineAtTheArticlesFoot) {
  const std::string body = kLongDateBody;
  Document d = MustExtract(Record(
      Shell("<div class=\"story\"><h1>Neue Radwege in der Altstadt</h1>" +
            body + "<p>Erstellt am: 01.11.2023</p></div>"),
      InputFormat::kHtml));
  EXPECT_EQ(d.published, "2023-11-01");
  EXPECT_EQ(d.published_from, DateSource::kByline);
  // A bare "Datum:" there may be an event's; and a date in a quoted post
  // (an embedded social-media post) is that post's.
  Document e = MustExtract(Record(
      Shell("<div class=\"story\"><h1>Neue Radwege in der Altstadt</h1>" +
            body +
            "<p>Datum: 01.11.2023</p><blockquote><p>Posted by Jana Berg on "
            "Monday, February 7, 2022</p></blockquote></div>"),
      InputFormat::kHtml));
  EXPECT_EQ(e.published, "");
}

TEST(ExtractHtml, UtcTimestampReadInTheCountryOfACcTldHost) {
  // Only a UTC time stamp, 23:00 UTC: on a .de host the publisher's day is
  // the next one (Berlin, +01:00); on a .com host nothing says where the
  // publisher is, so the UTC value stays.
  const std::string head =
      "<meta property=\"article:published_time\" "
      "content=\"2022-11-06T23:00:00.000Z\">";
  const std::string page =
      "<div class=\"story\"><h1>Neue Radwege in der "
      "Altstadt</h1>" +
      std::string(kDateBody) + "</div>";
  Document de = MustExtract(Record(Shell(page, head), InputFormat::kHtml,
                                   "https://zeitung.example.de/radwege"));
  EXPECT_EQ(de.published, "2022-11-07T00:00:00+01:00");
  EXPECT_EQ(de.published_from, DateSource::kMeta);
  Document com = MustExtract(Record(Shell(page, head), InputFormat::kHtml,
                                    "https://zeitung.example.com/radwege"));
  EXPECT_EQ(com.published, "2022-11-06T23:00:00Z");
  // The article itself shows the UTC day: the site meant that day.
  const std::string shown =
      "<div class=\"story\"><h1>Neue Radwege in der "
      "Altstadt</h1><div class=\"byline\">Von Jana "
      "Berg | 6.11.22</div>" +
      std::string(kDateBody) + "</div>";
  Document kept = MustExtract(Record(Shell(shown, head), InputFormat::kHtml,
                                     "https://zeitung.example.de/radwege"));
  EXPECT_EQ(kept.published.substr(0, 10), "2022-11-06");
}

TEST(ExtractHtml, ReadsTheDateInAHeroHeaderThatRepeatsTheHeadline) {
  // A hero header above the article holds the headline, the byline and
  // the date; the article box below repeats the headline as its own <h1>.
  std::string side;
  for (int i = 0; i < 6; ++i) {
    side += "<li><a href=\"/p" + std::to_string(i) +
            "\">Ein anderer Beitrag mit Nummer " + std::to_string(i) +
            "</a></li>";
  }
  const std::string page =
      "<div class=\"hero\"><div class=\"row\"><div class=\"col\">"
      "<h1>Neue Radwege in der Altstadt</h1><h4 class=\"author\">Von Jana "
      "Berg am <time datetime=\"2020-02-23T10:07:02+01:00\">23. Februar "
      "2020</time></h4></div></div></div>"
      "<div class=\"main\"><div class=\"blog-post\"><div "
      "class=\"container\"><div class=\"row\"><div class=\"col-main\">"
      "<article><p><img src=\"a.jpg\" alt=\"\"><em>Und noch etwas:</em>"
      "</p><h1>Neue Radwege in der Altstadt</h1>" +
      std::string(kLongDateBody) +
      "</article><div class=\"comments\"><h3>Schreibe einen Kommentar</h3>"
      "<form><p>Deine E-Mail-Adresse wird nicht veröffentlicht.</p>"
      "<textarea></textarea></form></div></div><div class=\"col-side\">"
      "<div class=\"widget\"><h3>Neueste Beiträge</h3><ul>" +
      side + "</ul></div></div></div></div></div></div>";
  Document d = MustExtract(Record(Shell(page), InputFormat::kHtml));
  EXPECT_EQ(d.published, "2020-02-23T10:07:02+01:00");
  EXPECT_EQ(d.published_from, DateSource::kTime);
  // A heading of other words above the article is another box's.
  std::string other = page;
  other.replace(other.find("Neue Radwege"), 12, "Alte Brücken");
  Document e = MustExtract(Record(Shell(other), InputFormat::kHtml));
  EXPECT_EQ(e.published, "");
}

TEST(ExtractHtml, LongBlocksAboveTheHeadlineDoNotEndTheDatelineSearch) {
  // Four long promo paragraphs stand above the headline; the byline line
  // under the headline still counts.
  std::string promo;
  for (int i = 0; i < 4; ++i) {
    promo +=
        "<p>Unser Verein bietet das ganze Jahr über Kurse, Ausflüge und "
        "Treffen für alle, die gern draußen unterwegs sind, und freut sich "
        "über jedes neue Mitglied aus der Stadt und dem Umland.</p>";
  }
  const std::string page =
      "<div class=\"page\"><div class=\"intro\">" + promo +
      "</div><div class=\"post\"><h1>Neue Radwege in der Altstadt</h1>"
      "<p class=\"meta\">&sdot; November 22, 2011 &sdot; Drucken &sdot; "
      "Kommentieren</p>" +
      std::string(kLongDateBody) + "</div></div>";
  Document d = MustExtract(Record(Shell(page), InputFormat::kHtml));
  EXPECT_EQ(d.published, "2011-11-22");
  EXPECT_EQ(d.published_from, DateSource::kByline);
}

TEST(ExtractHtml, ReadsTheDayATitleOpensWith) {
  const std::string page =
      "<div class=\"story\"><h1>Online-Fachtag zur "
      "Jugendarbeit</h1>" +
      std::string(kDateBody) + "</div>";
  const std::string head =
      "<meta property=\"og:title\" content=\"08.11.2021 | Online-Fachtag "
      "zur Jugendarbeit\">";
  Document d = MustExtract(Record(Shell(page, head), InputFormat::kHtml));
  EXPECT_EQ(d.published, "2021-11-08");
  EXPECT_EQ(d.published_from, DateSource::kMeta);
  const std::string event =
      "<meta property=\"og:title\" content=\"Fachtag am 08.11.2021 | "
      "Jugendarbeit\">";
  Document e = MustExtract(Record(Shell(page, event), InputFormat::kHtml));
  EXPECT_EQ(e.published, "");
}

TEST(ExtractHtml, ReadsADatelineInTheHeadlinesSubline) {
  // The headline element holds the title, then a subline with the date.
  const std::string head =
      "<meta property=\"og:title\" content=\"Neue Radwege in der "
      "Altstadt\">";
  const std::string page =
      "<div class=\"story\"><h1>Neue Radwege in der Altstadt<br><small>"
      "02.02.2022 &bull; Stadtverwaltung, Presse</small></h1>" +
      std::string(kDateBody) + "</div>";
  Document d = MustExtract(Record(Shell(page, head), InputFormat::kHtml));
  EXPECT_EQ(d.published, "2022-02-02");
  EXPECT_EQ(d.published_from, DateSource::kByline);
  // A date inside the headline's own words is what the story is about.
  const std::string about_head =
      "<meta property=\"og:title\" content=\"Radwege ab 02.02.2022 "
      "frei\">";
  const std::string about =
      "<div class=\"story\"><h1>Radwege ab 02.02.2022 frei</h1>" +
      std::string(kDateBody) + "</div>";
  Document e =
      MustExtract(Record(Shell(about, about_head), InputFormat::kHtml));
  EXPECT_EQ(e.published, "");
}

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
