// Tests for extract's internal helpers: date parsing, chrome cues, author
// and title clean-up.
#include <gtest/gtest.h>

#include "synoptic/extract/internal/cues.h"
#include "synoptic/extract/internal/dates.h"
#include "synoptic/extract/internal/metadata.h"
#include "synoptic/extract/internal/text_util.h"
#include "synoptic/extract/internal/units.h"

namespace synoptic::extract::internal {
namespace {

std::string Iso(std::string_view s) {
  auto d = ParseDateValue(s);
  return d ? d->ToIso() : "none";
}

std::string InLine(std::string_view s) {
  auto d = FindDateInLine(s);
  return d ? d->ToIso() : "none";
}

TEST(Dates, ParsesMetadataValues) {
  EXPECT_EQ(Iso("2023-09-13T23:18:00+03:00"), "2023-09-13T23:18:00+03:00");
  EXPECT_EQ(Iso("2023-09-13T23:18:00.000Z"), "2023-09-13T23:18:00Z");
  // .NET writes seven fraction digits.
  EXPECT_EQ(Iso("2020-08-06T09:09:24.0000000Z"), "2020-08-06T09:09:24Z");
  EXPECT_EQ(Iso("2020-08-06T09:09:24.1234567+02:00"), "2020-08-06T09:09:24+02:00");
  EXPECT_EQ(Iso("2023-09-13T23:18:00+0000"), "2023-09-13T23:18:00Z");
  EXPECT_EQ(Iso("2023-09-13 08:05"), "2023-09-13T08:05");
  EXPECT_EQ(Iso("2023-09-13"), "2023-09-13");
  EXPECT_EQ(Iso("20230913"), "2023-09-13");
  EXPECT_EQ(Iso("Wed, 13 Sep 2023 10:00:00 GMT"), "2023-09-13T10:00:00Z");
  EXPECT_EQ(Iso("September 13, 2023"), "2023-09-13");
  EXPECT_EQ(Iso("Published: Sept. 13, 2023 5:30 p.m. EDT"),
            "2023-09-13T17:30-04:00");
  EXPECT_EQ(Iso("13.09.2023"), "2023-09-13");
  EXPECT_EQ(Iso("2023-02-30"), "none");
  EXPECT_EQ(Iso("09/10/2023"), "none");  // ambiguous order
  EXPECT_EQ(Iso("yesterday"), "none");
  EXPECT_EQ(Iso(""), "none");
}

TEST(Dates, FindsDatelinesInsideLines) {
  EXPECT_EQ(InLine("22 Sep 2023 23:18"), "2023-09-22T23:18");
  EXPECT_EQ(InLine("By Jane Roe | March 3, 2024 at 4:15 pm"),
            "2024-03-03T16:15");
  EXPECT_EQ(InLine("Updated on the 5th of June 2021"), "2021-06-05");
  EXPECT_EQ(InLine("Posted 2022/11/30"), "2022-11-30");
  EXPECT_EQ(InLine("May the best team win in 2023"), "none");
  EXPECT_EQ(InLine("12 comments"), "none");
}

TEST(Dates, ReadsUrlPaths) {
  auto d = DateFromUrl("https://news.example/world/2023/09/13/summit-opens");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->ToIso(), "2023-09-13");
  EXPECT_EQ(DateFromUrl("https://news.example/2023-09-13-summit")->ToIso(),
            "2023-09-13");
  EXPECT_FALSE(DateFromUrl("https://news.example/item/12345678/x"));
  EXPECT_FALSE(DateFromUrl("https://news.example/2023/13/40/x"));
  EXPECT_FALSE(DateFromUrl("not a url"));
}

TEST(Dates, ReadsDaysInSlugsAndMonthNamesInUrls) {
  auto url = [](std::string_view u) {
    std::optional<DateTime> d = DateFromUrl(u);
    return d ? d->ToIso() : std::string("none");
  };
  // A month name between year and day.
  EXPECT_EQ(url("https://paper.example/world/2020/oct/02/ferry-resumes"),
            "2020-10-02");
  EXPECT_EQ(url("https://paper.example/2020/sept/02/x"), "2020-09-02");
  EXPECT_EQ(url("https://paper.example/2020/best/02/x"), "none");
  // A segment or slug opening with a compact or day-first date.
  EXPECT_EQ(url("https://club.example/news/29-10-2021"), "2021-10-29");
  EXPECT_EQ(url("https://club.example/de/23-01-2022-finale-im-schnee/17.html"),
            "2022-01-23");
  EXPECT_EQ(url("https://gov.example/texte/22/20220127-gedenkstunde.html"),
            "2022-01-27");
  EXPECT_EQ(url("https://club.example/news/31012022-jahresbericht"),
            "2022-01-31");
  EXPECT_EQ(url("https://club.example/news/12-31-2021-recap"), "2021-12-31");
  // Day and month both 12 or less: the order is unknown, so none.
  EXPECT_EQ(url("https://club.example/news/08-11-2021"), "none");
  EXPECT_EQ(url("https://club.example/news/08112021-fachtag"), "none");
  // Ids, archive time stamps, invalid days and implausible years.
  EXPECT_EQ(url("https://shop.example/item/20221399-x"), "none");
  EXPECT_EQ(url("https://archive.example/web/20110106023242/http://a.example/"),
            "none");
  EXPECT_EQ(url("https://club.example/news/30-02-2021"), "none");
  EXPECT_EQ(url("https://club.example/news/31-01-1850"), "none");
  EXPECT_EQ(url("https://club.example/news/123-01-2022"), "none");
  // A session id after ';' is not part of the path.
  EXPECT_EQ(url("https://gov.example/a/20220127-x.html;jsessionid=2022-01-28"),
            "2022-01-27");
}

TEST(Dates, UtcTimestampReadInTheCountryOfTheHost) {
  auto v = [](std::string_view s) { return *ParseDateValue(s); };
  auto local = [&](std::string_view s, std::string_view host) {
    std::optional<DateTime> d = CountryLocalReading(v(s), host);
    return d ? d->ToIso() : std::string("none");
  };
  // Berlin in winter (+01:00), Sao Paulo and the rest of Brazil (-02:00 to
  // -05:00 all give the previous day), La Paz, London in summer.
  EXPECT_EQ(local("2022-11-06T23:00:00Z", "zeitung.example.de"),
            "2022-11-07T00:00:00+01:00");
  EXPECT_EQ(local("2022-05-04T00:44:52Z", "noticias.example.com.br"),
            "2022-05-03T21:44:52-03:00");
  EXPECT_EQ(local("2022-05-04T02:41:00Z", "diario.example.bo"),
            "2022-05-03T22:41:00-04:00");
  EXPECT_EQ(local("2022-07-01T23:30:00Z", "paper.example.co.uk"),
            "2022-07-02T00:30:00+01:00");
  // Same day in the country: nothing to change.
  EXPECT_EQ(local("2022-11-06T12:00:00Z", "zeitung.example.de"), "none");
  // Generic domains and country codes sold as generic names.
  EXPECT_EQ(local("2022-11-06T23:00:00Z", "news.example.com"), "none");
  EXPECT_EQ(local("2022-11-06T23:00:00Z", "news.example.org"), "none");
  EXPECT_EQ(local("2022-11-06T23:00:00Z", "startup.example.io"), "none");
  EXPECT_EQ(local("2022-11-06T23:00:00Z", "radio.example.fm"), "none");
  // A country whose zones fall on different days (Kaliningrad to
  // Kamchatka; Perth and Sydney).
  EXPECT_EQ(local("2022-03-01T12:30:00Z", "gazeta.example.ru"), "none");
  EXPECT_EQ(local("2022-01-10T15:30:00Z", "news.example.com.au"), "none");
  // Not a UTC date-time.
  EXPECT_EQ(local("2022-11-06T23:00:00+01:00", "zeitung.example.de"), "none");
  EXPECT_EQ(local("2022-11-06", "zeitung.example.de"), "none");
}

TEST(Dates, MonthNamesOfManyLanguagesFromIcu) {
  auto line = [](std::string_view s) {
    std::optional<DateTime> d = FindDatelineDate(s);
    return d ? d->ToIso() : std::string("none");
  };
  EXPECT_EQ(line("5. Januar 2022"), "2022-01-05");
  EXPECT_EQ(line("5. Jänner 2022"), "2022-01-05");
  EXPECT_EQ(line("6 de mayo de 2022"), "2022-05-06");
  EXPECT_EQ(line("12 février 2020"), "2020-02-12");
  EXPECT_EQ(line("12 févr. 2020"), "2020-02-12");
  EXPECT_EQ(line("3 settembre 2021"), "2021-09-03");
  EXPECT_EQ(line("3 września 2021"), "2021-09-03");
  EXPECT_EQ(line("3 listopada 2021"), "2021-11-03");  // Polish reading
  EXPECT_EQ(line("19. helmikuuta 2019"), "2019-02-19");
  EXPECT_EQ(line("15 августа 2016, 13:43"), "2016-08-15T13:43");
  EXPECT_EQ(line("15 серпня 2016"), "2016-08-15");
  EXPECT_EQ(line("15 Σεπτεμβρίου 2023"), "2023-09-15");
  EXPECT_EQ(line("15. září 2023"), "2023-09-15");
  EXPECT_EQ(line("15 OKTOBER 2023"), "2023-10-15");
  // Cyrillic prose is words, not punctuation: a long sentence that
  // mentions a date is no dateline.
  EXPECT_EQ(line("Встреча состоится 15 августа 2016 года в большом зале "
                 "городской библиотеки на главной площади старого города"),
            "none");
}

TEST(Dates, ATitleOpeningWithTheDay) {
  auto title = [](std::string_view s) {
    std::optional<DateTime> d = TitleDate(s);
    return d ? d->ToIso() : std::string("none");
  };
  EXPECT_EQ(title("08.11.2021 | Online-Fachtag zur Jugendarbeit"),
            "2021-11-08");
  EXPECT_EQ(title("  2022-01-23 - Finale im Schnee"), "2022-01-23");
  EXPECT_EQ(title("5. Mai 2022: Neue Radwege"), "2022-05-05");
  // The date must open the title and a separator must follow it.
  EXPECT_EQ(title("Konzert am 12.03.2022 - Eintritt frei"), "none");
  EXPECT_EQ(title("08.11.2021 Online-Fachtag"), "none");
  EXPECT_EQ(title("2021 | Jahresbericht"), "none");
}

TEST(Dates, LocalReadingOfUtcTimestamp) {
  auto v = [](std::string_view s) { return *ParseDateValue(s); };
  // An offset stated elsewhere: the instant in that local time.
  auto r = LocalReading(v("2022-05-04T03:37:37Z"), v("2022-05-03T20:00-05:00"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->ToIso(), "2022-05-03T22:37:37-05:00");
  r = LocalReading(v("2018-12-31T23:11:59Z"), v("2019-01-01T00:11:59+01:00"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->ToIso(), "2019-01-01T00:11:59+01:00");
  // A bare day one off that a real offset explains.
  r = LocalReading(v("2020-02-25T02:25:54Z"), v("Feb 24, 2020"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->ToIso(), "2020-02-24");
  // A bare day one off that no offset explains (noon UTC is the same day
  // from -12:00 to +11:59): not a conversion, keep what we have.
  EXPECT_FALSE(LocalReading(v("2020-02-25T12:00:00Z"), v("2020-02-24")));
  // Same day, dates far apart, or a non-UTC first value: nothing to do.
  EXPECT_FALSE(LocalReading(v("2020-02-25T02:00:00Z"), v("2020-02-25")));
  EXPECT_FALSE(LocalReading(v("2020-02-25T02:00:00Z"), v("2020-03-25")));
  EXPECT_FALSE(
      LocalReading(v("2020-02-25T02:00:00+01:00"), v("2020-02-24")));
  EXPECT_FALSE(LocalReading(v("2020-02-25"), v("2020-02-24")));
}

TEST(Dates, OfferPublishedRespectsLimitAndPriority) {
  Draft draft;
  std::optional<civil::Date> limit = civil::Date{2024, 1, 31};
  EXPECT_FALSE(OfferPublished(ParseDateValue("2024-02-01"), DateSource::kMeta,
                              limit, &draft));
  EXPECT_TRUE(OfferPublished(ParseDateValue("2024-01-31"), DateSource::kMeta,
                             limit, &draft));
  EXPECT_FALSE(OfferPublished(ParseDateValue("2024-01-01"), DateSource::kUrl,
                              limit, &draft));
  EXPECT_EQ(draft.published, "2024-01-31");
  EXPECT_EQ(draft.published_from, DateSource::kMeta);
}

TEST(Cues, ClassAndIdWeights) {
  EXPECT_GT(ClassIdWeight("article-body entry-content", ""), 0);
  EXPECT_LT(ClassIdWeight("sidebar widget", ""), 0);
  EXPECT_LT(ClassIdWeight("", "comments"), 0);
  EXPECT_TRUE(IsChromeRegion("related-articles", ""));
  EXPECT_TRUE(IsChromeRegion("share-bar", ""));
  EXPECT_TRUE(IsChromeRegion("most-read", ""));
  EXPECT_TRUE(IsChromeRegion("cookie-consent", ""));
  EXPECT_FALSE(IsChromeRegion("article-content has-share-bar", ""));
  EXPECT_FALSE(IsChromeRegion("address", ""));  // not "ad"
  EXPECT_FALSE(IsChromeRegion("story-body", ""));
  // Repeated classes count once.
  EXPECT_EQ(
      ClassIdWeight("ArticleHeader-a ArticleHeader-b ArticleHeader-c", ""),
      ClassIdWeight("ArticleHeader-a", ""));
}

TEST(Cues, EmbeddedPostsAreNotChromeAndOneScoreMatchesBoth) {
  EXPECT_FALSE(ScoreClassId("social-media-embed", "").chrome);
  EXPECT_FALSE(ScoreClassId("twitter-tweet", "").chrome);
  EXPECT_TRUE(ScoreClassId("social-share-bar", "").chrome);
  for (const char* cls : {"related-articles", "story-body", "sidebar widget",
                          "article-content has-share-bar", "address", ""}) {
    EXPECT_EQ(ScoreClassId(cls, "x").weight, ClassIdWeight(cls, "x")) << cls;
    EXPECT_EQ(ScoreClassId(cls, "").chrome, IsChromeRegion(cls, "")) << cls;
  }
}

TEST(Cues, CrossLinksPitchesAndShortcodesAreBoilerplate) {
  for (const char* s :
       {"Read more: Harbour cranes return to work after the strike",
        "Like this report? Share it with a colleague!",
        "Also on harbourwire.example Ferry fares rise again",
        "Start your morning with our briefing. Subscribe to the newsletter.",
        "The stories that matter, delivered to your inbox. Sign up now.",
        "[cta url=\"/tips\"]Send us your tip[/cta]",
        "Our reviews desk tests kit every week. Click here for details.",
        "Jana writes about ports. Follow her on Mastodon."}) {
    EXPECT_TRUE(IsBoilerplateLine(s)) << s;
  }
  for (const char* s :
       {"Also on Monday, the port authority said cranes were back.",
        "The union said the newsletter it mailed to members was read widely."}) {
    EXPECT_FALSE(IsBoilerplateLine(s)) << s;
  }
}

TEST(Cues, SectionStartsAndBoilerplateLines) {
  for (const char* s :
       {"Related News", "Most Read", "More from this writer", "Leave a Reply",
        "Related Stories", "Tags: ports, unions", "You may also like",
        "READ MORE"}) {
    EXPECT_TRUE(IsSectionStart(s)) << s;
  }
  for (const char* s :
       {"Related talks continued on Monday with both delegations present.",
        "Most readers will not notice the change, officials said."}) {
    EXPECT_FALSE(IsSectionStart(s)) << s;
  }
  for (const char* s : {"5 Min Read", "12 Shares", "Source: Some Agency", "x",
                        "Android", "© 2025 Example Media",
                        "This website uses cookies to improve your experience.",
                        "Please enter your comment!", "Download our app",
                        "Your email address will not be published. Required "
                        "fields are marked *"}) {
    EXPECT_TRUE(IsBoilerplateLine(s)) << s;
  }
  EXPECT_FALSE(IsBoilerplateLine(
      "The cookie factory on the river will close next year, its owner said."));
  // Separator-joined fragments in any language: tickers and share/menu bars.
  EXPECT_TRUE(IsBoilerplateLine(
      "AO VIVO +++ Porto: ferry strike ends after two days +++ Braga: new "
      "tram line opens +++"));
  EXPECT_TRUE(IsBoilerplateLine("Teilen \xC2\xB7 Drucken \xC2\xB7 E-Mail"));
  EXPECT_TRUE(IsBoilerplateLine("Home | World | Asia | Europe"));
  EXPECT_FALSE(IsBoilerplateLine(
      "The mayor said the plan | which critics call rushed | would pass, "
      "and that the council agreed after a long debate on costs."));
  EXPECT_TRUE(IsTickerLabel("BREAKING"));
  EXPECT_TRUE(IsTickerLabel("Breaking News"));
  EXPECT_TRUE(IsCaptionOrCredit("EPA-EFE/KCNA"));
  EXPECT_TRUE(IsCaptionOrCredit("Cranes at dusk (Photo by Staff)"));
  EXPECT_FALSE(
      IsCaptionOrCredit("The talks resumed in Geneva (after a short break)"));
}

TEST(Dates, ReadsMonthNamesOfOtherLanguages) {
  // Bylines in the languages of the trafilatura set: German day numbers
  // with a period, "de" in Spanish and Portuguese, French "1er", Polish
  // genitive month names; abbreviations as in English.
  EXPECT_EQ(InLine("Posted on 2. September 2015 by Kim"), "2015-09-02");
  EXPECT_EQ(InLine("Veröffentlicht am 12. März 2020, 14:05"),
            "2020-03-12T14:05");
  EXPECT_EQ(InLine("Stand: 3. Okt. 2019"), "2019-10-03");
  EXPECT_EQ(InLine("Publié le 1er février 2021"), "2021-02-01");
  EXPECT_EQ(InLine("5 de mayo de 2022 - 10:30"), "2022-05-05T10:30");
  EXPECT_EQ(InLine("Pubblicato il 7 settembre 2018"), "2018-09-07");
  EXPECT_EQ(InLine("15 października 2019"), "2019-10-15");
  EXPECT_EQ(InLine("3 maart 2018"), "2018-03-03");
  EXPECT_EQ(Iso("Jänner 4, 2021"), "2021-01-04");
  // Not dates: a month word without a year, a plain number with a period.
  EXPECT_EQ(InLine("Am 2. Mai kam es zum Streit"), "none");
  EXPECT_EQ(InLine("Teil 2. Die Mainzer Woche"), "none");
}

TEST(Cues, ModifierClassesBuildersAndCommentary) {
  // A content box whose other classes are state modifiers is not chrome;
  // a share box named after the entry still is.
  EXPECT_FALSE(ScoreClassId("entry themeform share", "").chrome);
  EXPECT_FALSE(ScoreClassId("entry-content social", "").chrome);
  EXPECT_TRUE(ScoreClassId("share entry-share", "").chrome);
  EXPECT_TRUE(ScoreClassId("entry-comments", "").chrome);
  // Page builders' "-widget-" blocks are not sidebar widgets.
  EXPECT_FALSE(ScoreClassId("elementor-widget-container", "").chrome);
  EXPECT_TRUE(ScoreClassId("widget widget_text", "").chrome);
  // "commentary" is a kind of article, "comments" a thread.
  EXPECT_FALSE(ScoreClassId("news commentary article", "").chrome);
  ClassIdCues thread = ScoreClassId("sect sect_commentlinks", "");
  EXPECT_TRUE(thread.chrome);
  EXPECT_TRUE(thread.strict);
  EXPECT_TRUE(ScoreClassId("cmplz-cookiebanner", "cookie-consent").strict);
  EXPECT_FALSE(ScoreClassId("related-links", "").strict);
}

TEST(Cues, SectionStartsInOtherLanguages) {
  EXPECT_TRUE(IsSectionStart("Ähnliche Beiträge"));
  EXPECT_TRUE(IsSectionStart("ÄHNLICHE BEITRÄGE"));
  EXPECT_TRUE(IsSectionStart("Das könnte Sie auch interessieren"));
  EXPECT_TRUE(IsSectionStart("Kommentare (3)"));
  EXPECT_TRUE(IsSectionStart("À lire aussi"));
  EXPECT_TRUE(IsSectionStart("Noticias relacionadas"));
  EXPECT_TRUE(IsSectionStart("Leggi anche"));
  EXPECT_TRUE(IsSectionStart("DON'T MISS"));
  EXPECT_TRUE(IsSectionStart("Lesen Sie auch die folgenden Beiträge:"));
  EXPECT_TRUE(IsSectionStart("Schon gelesen?"));
  EXPECT_FALSE(IsSectionStart("Lesen Sie auch die folgenden Beiträge"));
  EXPECT_FALSE(IsSectionStart(
      "Kommentare von Lesern zeigen, wie sehr das Thema bewegt."));
  EXPECT_FALSE(IsSectionStart("Die Geschichte der Stadt"));
}

TEST(Cues, PromptsNoticesAndAlertPitchesAreBoilerplate) {
  EXPECT_TRUE(IsBoilerplateLine("Was this article helpful?"));
  EXPECT_TRUE(IsBoilerplateLine("War der Artikel nützlich?"));
  EXPECT_TRUE(IsBoilerplateLine("Möchten Sie den Artikel teilen?"));
  EXPECT_TRUE(
      IsBoilerplateLine("Bitte aktivieren Sie JavaScript in Ihrem Browser."));
  EXPECT_TRUE(IsBoilerplateLine("Please enable JavaScript to view this page."));
  EXPECT_TRUE(IsBoilerplateLine(
      "Get breaking news alerts and special reports, delivered weekday "
      "mornings."));
  EXPECT_TRUE(IsBoilerplateLine(
      "Abonnieren Sie unseren Newsletter und bleiben Sie informiert."));
  EXPECT_TRUE(
      IsBoilerplateLine("Síguenos en Telegram, Instagram, Facebook y Twitter"));
  EXPECT_TRUE(IsBoilerplateLine(
      "To view the full story, please subscribe to the paper."));
  EXPECT_TRUE(IsBoilerplateLine(
      "Sie müssen sich einloggen, um sich an einer Diskussion zu beteiligen."));
  EXPECT_TRUE(IsBoilerplateLine(
      "Der Beitrag wurde am Mittwoch, 5. Februar 2020 veröffentlicht."));
  EXPECT_TRUE(IsBoilerplateLine("Pour lire la suite, abonnez-vous."));
  EXPECT_TRUE(IsCaptionOrCredit("Crédits photos : Agence Nord"));
  EXPECT_TRUE(IsCaptionOrCredit("Titelbild: Stadtarchiv"));
  EXPECT_TRUE(IsCaptionOrCredit("Abbildung 4: Schnitt durch die Mauer"));
  EXPECT_TRUE(IsBoilerplateLine("Quelle: Landesregierung"));
  EXPECT_TRUE(IsBoilerplateLine("Alle Angaben ohne Gewähr."));
  EXPECT_TRUE(IsBoilerplateLine("Externer Inhalt"));
  EXPECT_FALSE(IsCaptionOrCredit("Bildung ist das wichtigste Thema"));
  // Article sentences on the same subjects are not.
  EXPECT_FALSE(IsBoilerplateLine(
      "The council asked whether the new rules were helpful to tenants, and "
      "most said they were not."));
  EXPECT_FALSE(IsBoilerplateLine(
      "JavaScript runs in every browser, which is why the team chose it for "
      "the new tool."));
  EXPECT_FALSE(IsBoilerplateLine(
      "The service kept signing up subscribers all week, the company said."));
}

TEST(TextUtil, NormKeyFoldsLatinCapitals) {
  EXPECT_EQ(NormKey("Ähnliche Beiträge"), NormKey("ähnliche beiträge"));
  EXPECT_EQ(NormKey("ÉTÉ À PARIS"), "été à paris");
  EXPECT_EQ(NormKey("5 × 3"), "5 × 3");  // the multiplication sign stays
}

TEST(Metadata, AuthorsAndTitles) {
  EXPECT_EQ(AuthorsFromByline("By Jane Roe and Max Doe | 13 Sep 2023"),
            (std::vector<std::string>{"Jane Roe", "Max Doe"}));
  EXPECT_EQ(AuthorsFromByline("By Jane Roe, Staff Writer"),
            std::vector<std::string>{"Jane Roe"});
  EXPECT_EQ(RepeatedName("Jane Roe Jane Roe"), "Jane Roe");
  EXPECT_EQ(RepeatedName("Jane Roe Max Doe"), "");
  EXPECT_EQ(CleanAuthorName("https://social.example/jane"), "");
  EXPECT_EQ(CleanAuthorName("staff"), "");
  EXPECT_EQ(StripTitleSuffix("Dock strike ends at the port | Harbor Ledger",
                             "Harbor Ledger"),
            "Dock strike ends at the port");
  EXPECT_EQ(StripTitleSuffix("Dock strike ends at the port - The Ledger", ""),
            "Dock strike ends at the port");
  EXPECT_EQ(StripTitleSuffix("Kim - Putin talks", ""), "Kim - Putin talks");
  EXPECT_EQ(HostOf("https://www.news.example:8080/a"), "news.example");
  EXPECT_EQ(HostOf("ftp://x"), "");
}

TEST(Metadata, JsonLdGraphAndArrays) {
  JsonLdArticle a;
  ParseJsonLd(R"([{"@type":"WebPage","name":"Page"},
                 {"@type":["NewsArticle"],"headline":"Ferry resumes",
                  "datePublished":"2024-01-02","author":[{"name":"Kai Lund"},"Ana Berg"],
                  "publisher":{"@type":"Organization","name":"Island Post"}}])",
              &a);
  EXPECT_TRUE(a.found);
  EXPECT_EQ(a.headline, "Ferry resumes");
  EXPECT_EQ(a.date_published, "2024-01-02");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Kai Lund", "Ana Berg"}));
  EXPECT_EQ(a.publisher, "Island Post");
  JsonLdArticle bad;
  ParseJsonLd("{not json", &bad);
  EXPECT_FALSE(bad.found);
}

TEST(Metadata, JsonLdKeepsWebPageDatesApart) {
  JsonLdArticle a;
  ParseJsonLd(R"({"@graph":[{"@type":"WebPage","datePublished":"2019-03-04",
                  "dateModified":"2020-01-01"},
                 {"@type":"BlogPosting","datePublished":"2019-03-02"}]})",
              &a);
  EXPECT_EQ(a.date_published, "2019-03-02");
  EXPECT_EQ(a.date_modified, "");
  EXPECT_EQ(a.page_date_published, "2019-03-04");
  EXPECT_EQ(a.page_date_modified, "2020-01-01");
  JsonLdArticle page;
  ParseJsonLd(R"({"@type":"WebPage","datePublished":"2019-03-04"})", &page);
  EXPECT_FALSE(page.found);
  EXPECT_EQ(page.date_published, "");
  EXPECT_EQ(page.page_date_published, "2019-03-04");
}

TEST(Metadata, JsonLdWithRawLineBreaksInStrings) {
  // JSON forbids raw control characters in strings; pages write them.
  JsonLdArticle a;
  ParseJsonLd(
      "{\"@type\":\"NewsArticle\",\"headline\":\"Ferry\nresumes\","
      "\"description\":\"A\tB\",\"datePublished\":\"2022-02-02T11:14:00"
      "+01:00\"}",
      &a);
  EXPECT_TRUE(a.found);
  EXPECT_EQ(a.date_published, "2022-02-02T11:14:00+01:00");
}

TEST(Dates, SpansOfDaysAreNoDatelines) {
  auto line = [](std::string_view s) {
    std::optional<DateTime> d = FindDatelineDate(s);
    return d ? d->ToIso() : std::string("none");
  };
  EXPECT_EQ(line("WoB 31. Dezember 2021-06. Januar 2022"), "none");
  EXPECT_EQ(line("Tippspiel KW 4: 28.01.2022 \xE2\x80\x93 29.01.2022"), "none");
  EXPECT_EQ(line("Messe 13. - 15. März 2022"), "none");
  EXPECT_EQ(line("Festival du 3 au 5 mai 2022"), "none");
  EXPECT_EQ(line("Von Jana Berg - 15.03.2022 - 10:30"), "2022-03-15T10:30");
  EXPECT_EQ(line("Published 12 May 2023 - Updated 13 May 2023"), "2023-05-12");
}

TEST(Dates, SlashDatesOnlyWhereTheNumbersDecideTheOrder) {
  auto value = [](std::string_view s) {
    std::optional<DateTime> d = ParseDateValue(s);
    return d ? d->ToIso() : std::string("none");
  };
  EXPECT_EQ(value("17/02/2022"), "2022-02-17");
  EXPECT_EQ(value("02/17/2022 10:30"), "2022-02-17T10:30");
  EXPECT_EQ(value("03/04/2023"), "none");
  EXPECT_EQ(value("11/01/2023 12:43:42"), "none");
  std::optional<DateTime> line = FindDatelineDate("Familie 17/02/2022");
  ASSERT_TRUE(line);
  EXPECT_EQ(line->ToIso(), "2022-02-17");
  EXPECT_FALSE(FindDatelineDate("Pfad 1/17/2022/3"));
}

TEST(Dates, DatelineSaysWhetherAPublicationCueStoodBefore) {
  bool cue = true;
  EXPECT_TRUE(FindDatelineDate("Erschienen am: 01.11.2023", &cue));
  EXPECT_TRUE(cue);
  EXPECT_TRUE(FindDatelineDate("Posted on May 3, 2021 by Kai", &cue));
  EXPECT_TRUE(cue);
  EXPECT_TRUE(FindDatelineDate("Datum: 01.11.2023", &cue));
  EXPECT_FALSE(cue);
  EXPECT_TRUE(FindDatelineDate("Jana Berg | 01.11.2023", &cue));
  EXPECT_FALSE(cue);
}

TEST(Dates, DatelineDatesAndShortYears) {
  auto line = [](std::string_view s) {
    std::optional<DateTime> d = FindDatelineDate(s);
    return d ? d->ToIso() : std::string("none");
  };
  EXPECT_EQ(line("Von: Jana Berg | 31.10.23"), "2023-10-31");
  EXPECT_EQ(line("Erschienen am: 01.11.2023"), "2023-11-01");
  EXPECT_EQ(line("Published on March 3, 2021 at 5:10 pm"), "2021-03-03T17:10");
  // Prose that mentions a date is no dateline.
  EXPECT_EQ(line("Der nächste Stammtisch findet am Mittwoch, 5. Februar 2020 "
                 "ab 19 Uhr im Nebenraum der Gaststätte am Markt statt"),
            "none");
  // Revisions and availability ends are not publication dates.
  EXPECT_EQ(line("Updated: 30.12.2016"), "none");
  EXPECT_EQ(line("Video verfügbar bis: 14.10.2020"), "none");
  // Dotted numbers that are not dates.
  EXPECT_EQ(line("Version 1.2.33.4"), "none");
  EXPECT_EQ(line("Kapitel 3.14.15"), "none");

  auto lead = [](std::string_view s) {
    std::optional<DateTime> d = LeadDatelineDate(s);
    return d ? d->ToIso() : std::string("none");
  };
  EXPECT_EQ(lead("29.11.2022 - Die Branche fordert mehr Tempo beim Ausbau."),
            "2022-11-29");
  EXPECT_EQ(lead("BERLIN, 25. Januar 2022 (dpa) - Die Regierung will ..."),
            "2022-01-25");
  EXPECT_EQ(lead("(21. November 2022) Die Versorger erhöhen die Preise."),
            "2022-11-21");
  EXPECT_EQ(lead("(21. November 2022 Die Versorger erhöhen die Preise."),
            "none");
  EXPECT_EQ(lead("Am 25. Januar 2022 traf sich der Rat zum ersten Mal."),
            "none");
}

TEST(Cues, StoryListNames) {
  EXPECT_TRUE(NamesStoryList("related-articles", ""));
  EXPECT_TRUE(NamesStoryList("box", "most-read"));
  EXPECT_TRUE(NamesStoryList("article-sidebar", ""));
  EXPECT_TRUE(NamesStoryList("comment-list", ""));
  EXPECT_FALSE(NamesStoryList("article-header", ""));
  EXPECT_FALSE(NamesStoryList("commentary", ""));
  EXPECT_FALSE(NamesStoryList("footer news-list-date", ""));
}

TEST(TextUtil, CollapseTrimShape) {
  std::string out;
  bool pending = false;
  AppendCollapsed("  a \t b\xC2\xA0\xC2\xA0", &out, &pending);
  AppendCollapsed("c\n", &out, &pending);
  EXPECT_EQ(out, "a b c");
  EXPECT_EQ(Trim("\xE2\x80\x83 x \n"), "x");
  TextShape s = ShapeOf("Dr. Roe said it works. Then he left!");
  EXPECT_EQ(s.sentences, 2);
  EXPECT_TRUE(s.ends_terminal);
  EXPECT_EQ(s.words, 8);
  EXPECT_EQ(NormKey("Kim’s Visit - Live!"), "kim s visit live");
  EXPECT_TRUE(IsNameLine("Jane Roe"));
  EXPECT_FALSE(IsNameLine("Jane Roe said so."));
  EXPECT_TRUE(IsNameLine("Mara Lind and Tomas Vek"));
  EXPECT_TRUE(IsBylineLine("By our correspondent Ilse Brandt"));
  EXPECT_TRUE(IsBylineLine("From our staff in Lisbon"));
  EXPECT_TRUE(IsNameLine("Mara Lind, Ivo Sand and Tomas Vek"));
  EXPECT_FALSE(IsNameLine("Ferries and trains stopped"));
  EXPECT_TRUE(IsReadingTimeLine("Reading time: 5 minutes"));
  EXPECT_TRUE(IsReadingTimeLine("4 min read"));
  EXPECT_FALSE(IsReadingTimeLine("Harbour reopens after five minutes of silence"));
  EXPECT_TRUE(IsBylineLine("By Jane Roe"));
  EXPECT_FALSE(IsBylineLine("by the river the town grew"));
}

}  // namespace
}  // namespace synoptic::extract::internal
