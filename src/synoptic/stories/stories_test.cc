// Tests of the cross-document stage on hand-built document sets. Every
// article below was written for these tests; entities, mentions, times and
// events are filled by hand the way the per-document stages would.
#include "synoptic/stories/stories.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "synoptic/core/hash.h"
#include "synoptic/stories/internal/dedup.h"
#include "synoptic/stories/internal/wikitext.h"

namespace synoptic::stories {
namespace {

// Builds one DocAnalysis by hand.
class DocBuilder {
 public:
  DocBuilder(std::string source, std::string site, std::string published,
             std::string title, std::string text) {
    a_.doc.id = HexId(text);
    a_.doc.source = std::move(source);
    a_.doc.site = std::move(site);
    a_.doc.published = std::move(published);
    a_.doc.published_from =
        a_.doc.published.empty() ? DateSource::kNone : DateSource::kMeta;
    a_.doc.title = std::move(title);
    a_.doc.text = std::move(text);
    size_t start = 0;
    while (start <= a_.doc.text.size()) {
      size_t end = a_.doc.text.find("\n\n", start);
      if (end == std::string::npos) end = a_.doc.text.size();
      a_.doc.paragraphs.push_back(
          {static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
      start = end + 2;
    }
  }

  // Adds an entity and a mention for every occurrence of its name and
  // aliases (longest first, no overlaps).
  int32_t Entity(const std::string& key, const std::string& name,
                 EntityType type, const std::string& code,
                 std::vector<std::string> aliases = {}) {
    const auto idx = static_cast<int32_t>(a_.entities.size());
    a_.entities.push_back({key, name, type, code, aliases});
    std::vector<std::string> forms = aliases;
    forms.push_back(name);
    std::sort(forms.begin(), forms.end(),
              [](const auto& x, const auto& y) { return x.size() > y.size(); });
    const std::string& t = a_.doc.text;
    for (const std::string& f : forms) {
      for (size_t p = t.find(f); p != std::string::npos; p = t.find(f, p + 1)) {
        const ByteSpan span{static_cast<uint32_t>(p),
                            static_cast<uint32_t>(p + f.size())};
        if (Covered(span)) continue;
        Mention m;
        m.span = span;
        m.type = type;
        m.entity = idx;
        m.sentence =
            static_cast<uint32_t>(std::count(t.begin(), t.begin() + p, '.'));
        a_.mentions.push_back(m);
      }
    }
    return idx;
  }

  int32_t Time(const std::string& phrase, const std::string& value,
               bool relative) {
    const size_t p = a_.doc.text.find(phrase);
    EXPECT_NE(p, std::string::npos) << phrase;
    Timex t;
    t.span = {static_cast<uint32_t>(p),
              static_cast<uint32_t>(p + phrase.size())};
    t.value = value;
    t.relative = relative;
    t.anchor = relative && value.rfind("XXXX", 0) != 0 ? TimexAnchor::kDct
                                                       : TimexAnchor::kNone;
    a_.times.push_back(t);
    return static_cast<int32_t>(a_.times.size() - 1);
  }

  // An event read from the sentence containing `in_sentence`.
  Event& Ev(const std::string& type, const std::string& code, uint8_t quad,
            double goldstein, int32_t source, int32_t target, int32_t location,
            const std::string& date, const std::string& in_sentence,
            Modality modality = Modality::kAsserted) {
    Event e;
    e.type = type;
    e.code = code;
    e.root_code = code.substr(0, 2);
    e.quad_class = quad;
    e.goldstein = goldstein;
    e.source = source;
    e.target = target;
    e.location = location;
    e.date = date;
    e.modality = modality;
    e.evidence = SentenceOf(in_sentence);
    a_.events.push_back(e);
    return a_.events.back();
  }

  DocAnalysis Build() { return a_; }

 private:
  bool Covered(ByteSpan s) const {
    for (const Mention& m : a_.mentions) {
      if (s.begin < m.span.end && m.span.begin < s.end) return true;
    }
    return false;
  }

  ByteSpan SentenceOf(const std::string& needle) const {
    const std::string& t = a_.doc.text;
    const size_t p = t.find(needle);
    EXPECT_NE(p, std::string::npos) << needle;
    size_t b = p;
    while (b > 0 && !(t[b - 1] == '\n' ||
                      (b >= 2 && t[b - 1] == ' ' && t[b - 2] == '.'))) {
      --b;
    }
    size_t e = p + needle.size();
    while (e < t.size() && t[e] != '.' && t[e] != '\n') ++e;
    if (e < t.size() && t[e] == '.') ++e;
    return {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
  }

  DocAnalysis a_;
};

// Shared actors and places of the corpus.
struct Ids {
  int32_t putin, kim, rus, prk, usa, kor;
};

Ids Actors(DocBuilder* b) {
  Ids i;
  i.putin = b->Entity("kb:putin_vladimir", "Vladimir Putin",
                      EntityType::kPerson, "RUSGOV", {"Putin"});
  i.kim = b->Entity("kb:kim_jong_un", "Kim Jong Un", EntityType::kPerson,
                    "PRKGOV", {"Kim"});
  i.rus = b->Entity("kb:RUS", "Russia", EntityType::kGpe, "RUS",
                    {"Russian", "Moscow"});
  i.prk = b->Entity("kb:PRK", "North Korea", EntityType::kGpe, "PRK",
                    {"North Korean"});
  i.usa = b->Entity("kb:USA", "United States", EntityType::kGpe, "USA",
                    {"Washington"});
  i.kor =
      b->Entity("kb:KOR", "South Korea", EntityType::kGpe, "KOR", {"Seoul"});
  return i;
}

const char kB2Text[] =
    "Vladimir Putin and Kim Jong Un signed a comprehensive strategic "
    "partnership treaty in Pyongyang on Wednesday that commits each country "
    "to help the other if it is attacked. Kim called the pact the strongest "
    "treaty in the history of relations between the two countries and said "
    "it was purely defensive.\n\n"
    "The summit, held at the Kumsusan state guesthouse after a welcome "
    "ceremony in the city centre, was the second meeting between the leaders "
    "in nine months, after their talks at the Vostochny Cosmodrome in "
    "September 2023. Putin said Russia did not rule out military and "
    "technical cooperation with North Korea under the new agreement.\n\n"
    "The treaty drew swift criticism from Seoul, where officials called it "
    "a threat to regional security and summoned the Russian ambassador. "
    "Analysts said the document revived a Cold War era alliance that had "
    "lapsed in the 1990s.";

DocAnalysis MakeB2Like(const std::string& source, const std::string& site,
                       const std::string& published, const std::string& text) {
  DocBuilder b(source, site, published,
               "Putin and Kim sign mutual defence pact in Pyongyang", text);
  const Ids i = Actors(&b);
  const int32_t pyongyang =
      b.Entity("kb:pyongyang", "Pyongyang", EntityType::kGpe, "PRK");
  const int32_t cosmo = b.Entity("name:FAC:Vostochny Cosmodrome",
                                 "Vostochny Cosmodrome", EntityType::kFac, "");
  b.Ev("sign_agreement", "057", 1, 8.0, i.putin, i.kim, pyongyang, "2024-06-19",
       "signed a comprehensive strategic");
  b.Ev("meet", "043", 1, 2.8, i.kim, i.putin, pyongyang, "2024-06-19",
       "was the second meeting between");
  // A background event inside a later article: the 2023 talks.
  b.Ev("meet", "043", 1, 2.8, i.putin, i.kim, cosmo, "2023-09",
       "was the second meeting between");
  return b.Build();
}

std::vector<DocAnalysis> Corpus() {
  std::vector<DocAnalysis> docs;
  {
    DocBuilder b(
        "A1", "Harbour Wire", "2023-09-11",
        "Kim Jong Un heads to Russia for talks with Putin",
        "North Korean leader Kim Jong Un has left Pyongyang aboard his "
        "armoured train and is heading to Russia for a summit with "
        "President Vladimir Putin, the Kremlin confirmed on Monday. A "
        "Kremlin spokesman said the two leaders would meet in "
        "Vladivostok on Wednesday and hold talks over lunch.\n\n"
        "Officials in Seoul said the trip could lead to an arms deal, "
        "with Moscow seeking artillery shells for its war in Ukraine "
        "and Pyongyang hoping for satellite technology and food aid. "
        "Washington warned that any weapons transfer would breach "
        "United Nations sanctions.\n\n"
        "It will be the first meeting between Putin and Kim since their "
        "talks on Russky Island in 2019.");
    const Ids i = Actors(&b);
    const int32_t vlad =
        b.Entity("kb:vladivostok", "Vladivostok", EntityType::kGpe, "RUS");
    b.Time("on Wednesday", "2023-09-13", true);
    b.Ev("meet", "036", 1, 4.0, i.putin, i.kim, vlad, "2023-09-13",
         "would meet in Vladivostok", Modality::kPlanned);
    docs.push_back(b.Build());
  }
  {
    DocBuilder b(
        "A2", "Eastern Ledger", "2023-09-13",
        "Putin hosts Kim at Russian spaceport as arms fears grow",
        "Russian President Vladimir Putin welcomed North Korean leader "
        "Kim Jong Un at the Vostochny Cosmodrome in the far eastern "
        "Amur region on Wednesday, and the two men toured the launch "
        "site before sitting down for talks that lasted more than four "
        "hours.\n\n"
        "Putin told reporters that Russia would help North Korea build "
        "satellites, a remark that alarmed officials in Seoul and "
        "Tokyo. Kim raised a toast to what he called Russia's sacred "
        "fight and promised full support.\n\n"
        "The United States has accused Pyongyang of preparing to supply "
        "ammunition to Moscow, a charge both governments deny.");
    const Ids i = Actors(&b);
    const int32_t cosmo =
        b.Entity("name:FAC:Vostochny  cosmodrome.", "Vostochny Cosmodrome",
                 EntityType::kFac, "");
    b.Entity("kb:amur_oblast", "Amur region", EntityType::kLoc, "RUS");
    b.Ev("meet", "043", 1, 2.8, i.putin, i.kim, cosmo, "2023-09-13",
         "welcomed North Korean leader");
    b.Ev("accuse", "112", 3, -2.0, i.usa, i.prk, -1, "",
         "has accused Pyongyang");
    docs.push_back(b.Build());
  }
  {
    DocBuilder b(
        "A3", "The Civic Review", "2023-09-21",
        "Opinion: What the spaceport summit tells us about Moscow",
        "The handshake between Vladimir Putin and Kim Jong Un at a "
        "Russian spaceport last week was staged for the cameras, but "
        "its message was aimed at Washington. Both leaders are "
        "isolated, and both need something the other has: Russia needs "
        "shells, North Korea needs technology and cash.\n\n"
        "The summit in the Amur region showed how far the Kremlin has "
        "drifted from the days when it voted for sanctions on Pyongyang "
        "at the Security Council. Western capitals should take the "
        "partnership between the two leaders seriously rather than "
        "dismiss it as theatre.");
    const Ids i = Actors(&b);
    b.Entity("kb:amur_oblast", "Amur region", EntityType::kLoc, "RUS");
    b.Ev("meet", "043", 1, 2.8, i.putin, i.kim, -1, "",
         "The handshake between");
    docs.push_back(b.Build());
  }
  {
    DocBuilder b(
        "B1", "Harbour Wire", "2024-06-18",
        "Putin to visit North Korea for first time in 24 years",
        "Vladimir Putin will arrive in Pyongyang on Tuesday night for a "
        "two-day state visit, his first trip to North Korea since 2000, "
        "the Kremlin said. Kim Jong Un is expected to greet the Russian "
        "leader with a military parade and a mass rally in the main "
        "square of the capital.\n\n"
        "Aides said the leaders would sign a new partnership agreement "
        "covering security and trade. South Korea and Japan said they "
        "were watching the visit closely.");
    const Ids i = Actors(&b);
    const int32_t pyongyang =
        b.Entity("kb:pyongyang", "Pyongyang", EntityType::kGpe, "PRK");
    b.Ev("visit", "042", 1, 1.9, i.putin, i.prk, pyongyang, "2024-06-18",
         "will arrive in Pyongyang", Modality::kPlanned);
    docs.push_back(b.Build());
  }
  docs.push_back(MakeB2Like("B2", "Eastern Ledger", "2024-06-19", kB2Text));
  // The same article syndicated with different page chrome.
  docs.push_back(MakeB2Like(
      "B3", "Northern Post", "2024-06-20",
      std::string(
          "Northern Post | World | Asia-Pacific\nShare this story\n\n") +
          kB2Text + "\n\nRead more: Seoul weighs its response to the treaty"));
  {
    DocBuilder b("B4", "Metro Daily", "", "Kim rolls out red carpet for Putin",
                 "Crowds waving flags lined the streets of Pyongyang on "
                 "Wednesday as Kim Jong Un welcomed Vladimir Putin with a "
                 "ceremony in the main square. The two leaders then held talks "
                 "for several hours and signed a partnership treaty.\n\n"
                 "State television showed Putin and Kim riding together in a "
                 "limousine through the capital. The Russian president invited "
                 "Kim to visit Moscow.");
    const Ids i = Actors(&b);
    const int32_t pyongyang =
        b.Entity("kb:pyongyang", "Pyongyang", EntityType::kGpe, "PRK");
    const int32_t t = b.Time("on Wednesday", "XXXX-WXX-3", true);
    b.Ev("meet", "043", 1, 2.8, i.kim, i.putin, pyongyang, "", "Crowds waving")
        .time = t;
    b.Ev("sign_agreement", "057", 1, 8.0, i.putin, i.kim, -1, "",
         "signed a partnership treaty");
    docs.push_back(b.Build());
  }
  {
    DocBuilder b(
        "U1", "Harbour Wire", "2024-06-17",
        "Gunmen kill villagers in central Nigeria",
        "Gunmen attacked two farming villages in Plateau State in "
        "central Nigeria overnight and killed 12 people, a police "
        "spokesman said on Monday. Survivors said the attackers arrived "
        "on motorcycles and set fire to homes and grain stores.\n\n"
        "The state governor ordered a curfew and sent soldiers to the "
        "area. Clashes between herders and farmers over land have "
        "killed thousands of people in the region in recent years.");
    b.Entity("kb:NGA", "Nigeria", EntityType::kGpe, "NGA");
    const int32_t plateau =
        b.Entity("kb:plateau_state", "Plateau State", EntityType::kGpe, "NGA");
    const int32_t gunmen = b.Entity("name:OTHER:gunmen", "gunmen",
                                    EntityType::kOther, "", {"Gunmen"});
    b.Ev("attack", "190", 4, -10.0, gunmen, -1, plateau, "2024-06-16",
         "attacked two farming villages");
    docs.push_back(b.Build());
  }
  {
    DocBuilder b(
        "U2", "Eastern Ledger", "2024-06-17",
        "Death toll in Plateau village raids rises",
        "At least 15 people were killed when armed gunmen raided "
        "villages in Plateau State in central Nigeria, a local "
        "community leader said on Monday, giving a higher toll than the "
        "police. Dozens of houses were burned.\n\n"
        "The governor of Plateau State imposed a curfew, and the army "
        "said troops had been deployed to restore order in the farming "
        "villages.");
    b.Entity("kb:NGA", "Nigeria", EntityType::kGpe, "NGA");
    const int32_t plateau =
        b.Entity("kb:plateau_state", "Plateau State", EntityType::kGpe, "NGA");
    const int32_t gunmen =
        b.Entity("name:OTHER:gunmen", "gunmen", EntityType::kOther, "");
    b.Ev("attack", "190", 4, -10.0, gunmen, -1, plateau, "2024-06-16",
         "At least 15 people");
    docs.push_back(b.Build());
  }
  return docs;
}

uint32_t Find(const std::vector<DocAnalysis>& docs, const std::string& source) {
  for (uint32_t i = 0; i < docs.size(); ++i) {
    if (docs[i].doc.source == source) return i;
  }
  ADD_FAILURE() << "no document " << source;
  return 0;
}

std::string Src(const std::vector<DocAnalysis>& docs, uint32_t d) {
  return docs[d].doc.source;
}

// The cluster (index) holding a document.
int32_t ClusterOf(const StoryResult& r, const std::vector<DocAnalysis>& docs,
                  const std::string& source) {
  return r.doc_cluster[Find(docs, source)];
}

std::string Cite(const std::vector<DocAnalysis>& docs, const Citation& c) {
  return Src(docs, c.doc) + "[" + std::to_string(c.span.begin) + "," +
         std::to_string(c.span.end) + "]" + c.text;
}

// Everything in a result, with document indexes replaced by sources, so
// that results of permuted inputs can be compared.
std::string Dump(const StoryResult& r, const std::vector<DocAnalysis>& docs) {
  std::ostringstream o;
  for (const GlobalEntity& e : r.entities) {
    o << e.id << " " << e.key << " " << e.name << " " << e.code << " "
      << static_cast<int>(e.type) << " |";
    for (const auto& a : e.aliases) o << a << "|";
    for (const auto& [d, s] : e.mentions) {
      o << Src(docs, d) << ":" << s.begin << "-" << s.end << " ";
    }
    o << "\n";
  }
  for (const Cluster& c : r.clusters) {
    o << c.id << " " << c.title << " " << c.date << " docs:";
    for (uint32_t d : c.docs) o << Src(docs, d) << ",";
    o << " events:";
    for (const EventRef& e : c.events)
      o << Src(docs, e.doc) << "#" << e.index << ",";
    o << " dups:";
    for (const auto& g : c.duplicates) {
      for (uint32_t d : g) o << Src(docs, d) << "+";
      o << ";";
    }
    o << " sources:";
    for (const auto& s : c.sources) o << s << ",";
    o << "\n summary:";
    for (const Citation& s : c.summary) o << Cite(docs, s) << "\n";
  }
  for (const Storyline& s : r.storylines) {
    o << s.id << " " << s.title << ":";
    for (const auto& c : s.clusters) o << c << ",";
    o << "\n";
  }
  for (const TimelineEntry& t : r.timeline) {
    o << t.date << " " << t.cluster << " " << t.text << "\n";
    for (const Citation& c : t.citations) o << "  " << Cite(docs, c) << "\n";
  }
  for (const Disagreement& d : r.disagreements) {
    o << d.cluster << " " << d.about << "\n";
    for (const Claim& c : d.claims)
      o << "  " << c.value << " " << Cite(docs, c.citation) << "\n";
  }
  for (const Relation& rel : r.relations) {
    o << rel.a << " " << rel.b << " " << rel.period << " " << rel.cooperation
      << " " << rel.conflict << ":";
    for (const EventRef& e : rel.events)
      o << Src(docs, e.doc) << "#" << e.index << ",";
    o << "\n";
  }
  std::vector<uint32_t> by_source(docs.size());
  for (uint32_t d = 0; d < docs.size(); ++d) by_source[d] = d;
  std::sort(by_source.begin(), by_source.end(), [&](uint32_t a, uint32_t b) {
    return Src(docs, a) < Src(docs, b);
  });
  for (uint32_t d : by_source) {
    o << Src(docs, d) << " cluster "
      << (r.doc_cluster[d] < 0 ? "-" : r.clusters[r.doc_cluster[d]].id)
      << " published " << docs[d].doc.published << " entities:";
    for (int32_t g : r.entity_map[d]) o << r.entities[g].id << ",";
    o << "\n";
  }
  return o.str();
}

TEST(BuildStories, EmptyInputGivesEmptyResult) {
  std::vector<DocAnalysis> docs;
  const StoryResult r = BuildStories(&docs, StoryOptions());
  EXPECT_TRUE(r.entities.empty());
  EXPECT_TRUE(r.clusters.empty());
  EXPECT_TRUE(r.storylines.empty());
  EXPECT_TRUE(r.timeline.empty());
}

TEST(BuildStories, TwoSummitsOfTheSameLeadersMakeTwoClustersOneStoryline) {
  std::vector<DocAnalysis> docs = Corpus();
  const StoryResult r = BuildStories(&docs, StoryOptions());
  SCOPED_TRACE(Dump(r, docs));
  ASSERT_EQ(r.clusters.size(), 3u);
  const int32_t a = ClusterOf(r, docs, "A1");
  const int32_t b = ClusterOf(r, docs, "B1");
  const int32_t u = ClusterOf(r, docs, "U1");
  EXPECT_NE(a, b);
  EXPECT_NE(a, u);
  EXPECT_NE(b, u);
  EXPECT_EQ(ClusterOf(r, docs, "A2"), a);
  EXPECT_EQ(ClusterOf(r, docs, "A3"), a);  // the opinion piece a week later
  EXPECT_EQ(ClusterOf(r, docs, "B2"), b);
  EXPECT_EQ(ClusterOf(r, docs, "B3"), b);
  EXPECT_EQ(ClusterOf(r, docs, "B4"), b);  // undated, joins by text
  EXPECT_EQ(ClusterOf(r, docs, "U2"), u);
  // Ids in date order; dates are when it happened.
  EXPECT_EQ(r.clusters[a].id, "C1");
  EXPECT_EQ(r.clusters[a].date, "2023-09-13");
  EXPECT_EQ(r.clusters[b].date, "2024-06-19");
  EXPECT_EQ(r.clusters[u].date, "2024-06-16");
  EXPECT_EQ(r.clusters[u].id, "C2");
  EXPECT_EQ(r.clusters[b].id, "C3");
  EXPECT_EQ(r.clusters[a].sources,
            (std::vector<std::string>{"Eastern Ledger", "Harbour Wire",
                                      "The Civic Review"}));
  EXPECT_FALSE(r.clusters[b].title.empty());
  // The summits chain into one storyline; the raids stand alone.
  ASSERT_EQ(r.storylines.size(), 2u);
  const Storyline& s1 = r.storylines[0];
  EXPECT_EQ(s1.clusters, (std::vector<std::string>{"C1", "C3"}));
  EXPECT_EQ(r.storylines[1].clusters, (std::vector<std::string>{"C2"}));
  EXPECT_NE(s1.title.find("Vladimir Putin"), std::string::npos) << s1.title;
  EXPECT_NE(s1.title.find("Kim Jong Un"), std::string::npos) << s1.title;
  EXPECT_NE(s1.title.find("meetings"), std::string::npos) << s1.title;
}

TEST(BuildStories, ReprintWithChangedChromeIsGroupedAndCountsOnce) {
  std::vector<DocAnalysis> docs = Corpus();
  const uint32_t b2 = Find(docs, "B2"), b3 = Find(docs, "B3");
  EXPECT_GT(
      internal::EstimatedJaccard(docs[b2].doc.text, docs[b3].doc.text, {}),
      0.8);
  const StoryResult r = BuildStories(&docs, StoryOptions());
  SCOPED_TRACE(Dump(r, docs));
  const Cluster& c = r.clusters[r.doc_cluster[b2]];
  ASSERT_EQ(c.duplicates.size(), 1u);
  EXPECT_EQ(c.duplicates[0],
            (std::vector<uint32_t>{b2, b3}));  // earliest first
  for (const Cluster& k : r.clusters) {
    for (const EventRef& e : k.events) EXPECT_NE(e.doc, b3);
    for (const Citation& s : k.summary) EXPECT_NE(s.doc, b3);
  }
  for (const TimelineEntry& t : r.timeline) {
    for (const Citation& s : t.citations) EXPECT_NE(s.doc, b3);
  }
  // No other pair of documents is a near-duplicate.
  for (const Cluster& k : r.clusters) {
    if (&k != &c) {
      EXPECT_TRUE(k.duplicates.empty()) << k.id;
    }
  }
}

TEST(BuildStories, InputOrderDoesNotChangeOutput) {
  std::vector<DocAnalysis> base = Corpus();
  std::vector<DocAnalysis> docs = base;
  const std::string expected = Dump(BuildStories(&docs, StoryOptions()), docs);
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    std::vector<DocAnalysis> perm = base;
    std::shuffle(perm.begin(), perm.end(), rng);
    const StoryResult r = BuildStories(&perm, StoryOptions());
    EXPECT_EQ(Dump(r, perm), expected) << "round " << round;
  }
}

TEST(BuildStories, UndatedDocumentGetsClusterDate) {
  std::vector<DocAnalysis> docs = Corpus();
  const StoryResult r = BuildStories(&docs, StoryOptions());
  const DocAnalysis& b4 = docs[Find(docs, "B4")];
  // Median of the cluster's publication dates (06-18, 06-19, 06-20).
  EXPECT_EQ(b4.doc.published, "2024-06-19");
  EXPECT_EQ(b4.doc.published_from, DateSource::kInferred);
  for (const Timex& t : b4.times) {
    if (t.relative && t.value.find('X') == std::string::npos) {
      EXPECT_EQ(t.anchor, TimexAnchor::kInferred) << t.value;
    }
  }
  // Once the time stage resolves "on Wednesday" against the inferred date,
  // the meeting read from that sentence is dated by it.
  const size_t wed = b4.doc.text.find("Wednesday");
  for (const Timex& t : b4.times) {
    if (t.span.begin <= wed && wed < t.span.end &&
        t.value.find('X') == std::string::npos) {
      EXPECT_EQ(t.value, "2024-06-19");
      EXPECT_EQ(t.anchor, TimexAnchor::kInferred);
      EXPECT_EQ(b4.events[0].date, "2024-06-19");
    }
  }
  for (const Event& e : b4.events) {
    if (e.time >= 0) {
      ASSERT_LT(static_cast<size_t>(e.time), b4.times.size());
      EXPECT_EQ(e.date, b4.times[e.time].value);
    }
  }
  // Dated documents are untouched.
  EXPECT_EQ(docs[Find(docs, "A1")].doc.published_from, DateSource::kMeta);
  EXPECT_EQ(docs[Find(docs, "A1")].doc.published, "2023-09-11");
}

TEST(BuildStories, LocationDisagreementCitesBothSides) {
  std::vector<DocAnalysis> docs = Corpus();
  const StoryResult r = BuildStories(&docs, StoryOptions());
  SCOPED_TRACE(Dump(r, docs));
  const Disagreement* found = nullptr;
  for (const Disagreement& d : r.disagreements) {
    if (d.about.rfind("location of meet", 0) == 0 && d.cluster == "C1")
      found = &d;
  }
  ASSERT_NE(found, nullptr);
  EXPECT_NE(found->about.find("Vladimir Putin"), std::string::npos);
  EXPECT_NE(found->about.find("Kim Jong Un"), std::string::npos);
  std::map<std::string, std::string> by_value;
  for (const Claim& c : found->claims) {
    by_value[c.value] = Src(docs, c.citation.doc);
    EXPECT_FALSE(c.citation.text.empty());
    EXPECT_NE(c.citation.text.find(c.value == "Vladivostok" ? "Vladivostok"
                                                            : "Vostochny"),
              std::string::npos);
  }
  EXPECT_EQ(by_value,
            (std::map<std::string, std::string>{
                {"Vladivostok", "A1"}, {"Vostochny Cosmodrome", "A2"}}));
  // The later article's background mention of the 2023 talks is not a
  // claim about the 2024 visit, and the reprint adds no voice.
  for (const Disagreement& d : r.disagreements) {
    EXPECT_NE(d.cluster, r.clusters[r.doc_cluster[Find(docs, "B2")]].id)
        << d.about;
  }
}

TEST(BuildStories, CountDisagreementOnTheSameNoun) {
  std::vector<DocAnalysis> docs = Corpus();
  const StoryResult r = BuildStories(&docs, StoryOptions());
  SCOPED_TRACE(Dump(r, docs));
  const std::string cluster = r.clusters[ClusterOf(r, docs, "U1")].id;
  const Disagreement* found = nullptr;
  for (const Disagreement& d : r.disagreements) {
    if (d.cluster == cluster && d.about == "number of people") found = &d;
  }
  ASSERT_NE(found, nullptr);
  ASSERT_EQ(found->claims.size(), 2u);
  EXPECT_EQ(found->claims[0].value, "12");
  EXPECT_EQ(Src(docs, found->claims[0].citation.doc), "U1");
  EXPECT_EQ(found->claims[1].value, "15");
  EXPECT_EQ(Src(docs, found->claims[1].citation.doc), "U2");
}

TEST(BuildStories, RelationsSumGoldsteinOverIndependentEvents) {
  std::vector<DocAnalysis> docs = Corpus();
  const StoryResult r = BuildStories(&docs, StoryOptions());
  SCOPED_TRACE(Dump(r, docs));
  auto id = [&](const std::string& key) {
    for (const GlobalEntity& e : r.entities) {
      if (e.key == key) return e.id;
    }
    return std::string();
  };
  const std::string putin = id("kb:putin_vladimir"), kim = id("kb:kim_jong_un");
  std::map<std::string, const Relation*> pk;
  for (const Relation& rel : r.relations) {
    if ((rel.a == putin && rel.b == kim) || (rel.a == kim && rel.b == putin)) {
      pk[rel.period] = &rel;
    }
  }
  ASSERT_TRUE(pk.count("2023-09"));
  ASSERT_TRUE(pk.count("2024-06"));
  // 2023-09: A1 planned meeting 4.0 + A2 2.8 + A3 2.8 + B2's background
  // meeting dated 2023-09 (2.8); the reprint B3 adds nothing.
  EXPECT_DOUBLE_EQ(pk["2023-09"]->cooperation, 4.0 + 2.8 + 2.8 + 2.8);
  // 2024-06: B2 treaty 8.0 + meeting 2.8, B4 meeting 2.8 + treaty 8.0.
  EXPECT_DOUBLE_EQ(pk["2024-06"]->cooperation, 8.0 + 2.8 + 2.8 + 8.0);
  EXPECT_EQ(pk["2024-06"]->events.size(), 4u);
  EXPECT_DOUBLE_EQ(pk["2024-06"]->conflict, 0.0);
  bool us_conflict = false;
  for (const Relation& rel : r.relations) {
    if (rel.conflict > 0) {
      us_conflict = true;
      EXPECT_DOUBLE_EQ(rel.conflict, 2.0);
      EXPECT_EQ(rel.period, "2023-09");
    }
  }
  EXPECT_TRUE(us_conflict);
}

TEST(BuildStories, EntitiesMergeByKeyWithStableIds) {
  std::vector<DocAnalysis> docs = Corpus();
  const StoryResult r = BuildStories(&docs, StoryOptions());
  std::vector<std::string> keys;
  for (const GlobalEntity& e : r.entities) keys.push_back(e.key);
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
  EXPECT_EQ(std::set<std::string>(keys.begin(), keys.end()).size(),
            keys.size());
  EXPECT_EQ(r.entities[0].id, "E1");
  // Name keys differing in case, spacing and dots are one entity.
  int cosmodromes = 0;
  for (const GlobalEntity& e : r.entities) {
    if (e.name == "Vostochny Cosmodrome") {
      ++cosmodromes;
      EXPECT_EQ(e.key, "name:fac:vostochny cosmodrome");
    }
    if (e.key == "kb:kim_jong_un") {
      EXPECT_EQ(e.aliases, (std::vector<std::string>{"Kim", "Kim Jong Un"}));
      std::set<uint32_t> in_docs;
      for (const auto& [d, s] : e.mentions) in_docs.insert(d);
      EXPECT_EQ(in_docs.size(), 7u);  // every summit article
    }
  }
  EXPECT_EQ(cosmodromes, 1);
  for (uint32_t d = 0; d < docs.size(); ++d) {
    ASSERT_EQ(r.entity_map[d].size(), docs[d].entities.size());
    for (size_t l = 0; l < docs[d].entities.size(); ++l) {
      EXPECT_EQ(r.entities[r.entity_map[d][l]].name, docs[d].entities[l].name);
    }
  }
}

TEST(BuildStories, TimelineFollowsEventDatesWithCitations) {
  std::vector<DocAnalysis> docs = Corpus();
  const StoryResult r = BuildStories(&docs, StoryOptions());
  SCOPED_TRACE(Dump(r, docs));
  ASSERT_FALSE(r.timeline.empty());
  for (size_t i = 1; i < r.timeline.size(); ++i) {
    EXPECT_LE(r.timeline[i - 1].date, r.timeline[i].date);
  }
  // The Pyongyang treaty: reported by B2 (B3 is its reprint) and B4.
  const TimelineEntry* treaty = nullptr;
  for (const TimelineEntry& t : r.timeline) {
    if (t.date == "2024-06-19" && t.text.find("treaty") != std::string::npos &&
        t.citations.size() >= 2) {
      treaty = &t;
    }
  }
  ASSERT_NE(treaty, nullptr);
  std::set<std::string> cited;
  for (const Citation& c : treaty->citations) {
    cited.insert(Src(docs, c.doc));
    EXPECT_EQ(c.text, docs[c.doc].doc.text.substr(c.span.begin, c.span.size()));
  }
  EXPECT_TRUE(cited.count("B2"));
  EXPECT_TRUE(cited.count("B4"));
  EXPECT_FALSE(cited.count("B3"));
  // The first entries are the 2023 summit.
  EXPECT_EQ(r.timeline.front().date.substr(0, 7), "2023-09");
}

TEST(BuildStories, SummariesAreCitedSentencesOfTheCluster) {
  std::vector<DocAnalysis> docs = Corpus();
  const StoryResult r = BuildStories(&docs, StoryOptions());
  for (const Cluster& c : r.clusters) {
    EXPECT_GE(c.summary.size(), 3u) << c.id;
    EXPECT_LE(c.summary.size(), 5u) << c.id;
    std::set<std::string> texts;
    for (const Citation& s : c.summary) {
      EXPECT_TRUE(std::count(c.docs.begin(), c.docs.end(), s.doc));
      EXPECT_EQ(s.text,
                docs[s.doc].doc.text.substr(s.span.begin, s.span.size()));
      EXPECT_TRUE(texts.insert(s.text).second) << "repeated sentence";
    }
  }
}

TEST(BuildStories, ClusterDateIgnoresBackgroundEvents) {
  std::vector<DocAnalysis> docs;
  for (const char* day : {"2024-06-19", "2024-06-20"}) {
    DocBuilder b(day, "Harbour Wire", day, "Leaders hold second summit",
                 std::string("Published ") + day +
                     ". The two leaders met again in the capital for talks "
                     "on trade and security. They first met at a spaceport "
                     "last September.");
    const Ids i = Actors(&b);
    b.Ev("meet", "043", 1, 2.8, i.putin, i.kim, -1, "2023-09-13",
         "They first met");
    b.Ev("meet", "043", 1, 2.8, i.putin, i.kim, -1, "2024-06-19", "met again",
         Modality::kReported);
    docs.push_back(b.Build());
    docs.back().events[1].date.clear();  // the report itself is undated
    if (docs.size() == 2) docs.back().events[1].date = "2024-06-19";
  }
  const StoryResult r = BuildStories(&docs, StoryOptions());
  ASSERT_EQ(r.clusters.size(), 1u);
  // 2023-09-13 has more support but lies months before the coverage.
  EXPECT_EQ(r.clusters[0].date, "2024-06-19");
}

TEST(BuildStories, HostileIndexesAndSpansAreTolerated) {
  std::vector<DocAnalysis> docs = Corpus();
  for (DocAnalysis& a : docs) {
    const auto n = static_cast<uint32_t>(a.doc.text.size());
    a.doc.paragraphs.push_back({n + 5, n + 50});
    std::swap(a.doc.paragraphs.front(), a.doc.paragraphs.back());
    a.sentences.push_back({{n, n + 10}, 0, 0, 0});
    Mention m;
    m.span = {n + 1, n + 9};
    m.entity = 1000;
    a.mentions.push_back(m);
    Event e;
    e.type = "attack";
    e.source = 77;
    e.target = -9;
    e.location = 5000;
    e.time = 42;
    e.quad_class = 9;
    e.date = "2024-99-99";
    e.evidence = {n + 3, n + 1};
    a.events.push_back(e);
  }
  docs[0].doc.text.clear();
  docs[1].doc.published = "yesterday";
  const StoryResult r = BuildStories(&docs, StoryOptions());
  EXPECT_EQ(r.doc_cluster.size(), docs.size());
  for (int32_t c : r.doc_cluster) EXPECT_GE(c, 0);
}

TEST(BuildStories, ClusterCapIsRespected) {
  std::vector<DocAnalysis> docs = Corpus();
  StoryOptions o;
  o.max_cluster_docs = 1;
  const StoryResult r = BuildStories(&docs, o);
  for (const Cluster& c : r.clusters) {
    std::set<uint32_t> canon;
    for (uint32_t d : c.docs) {
      bool reprint = false;
      for (const auto& g : c.duplicates) {
        reprint |= std::find(g.begin() + 1, g.end(), d) != g.end();
      }
      if (!reprint) canon.insert(d);
    }
    EXPECT_EQ(canon.size(), 1u) << c.id;
  }
}

}  // namespace
}  // namespace synoptic::stories

namespace synoptic::stories {
namespace {


// Two leaders visiting each other's capitals, reported by undated pages
// whose wording is nearly the same: only who travelled where tells the two
// visits apart.
struct VisitIds {
  int32_t lima, vidal, bra, arg, brasilia, baires;
};

VisitIds VisitActors(DocBuilder* b) {
  VisitIds i;
  i.lima = b->Entity("kb:lima_ana", "Ana Lima", EntityType::kPerson, "BRAGOV",
                     {"Lima"});
  i.vidal = b->Entity("kb:vidal_tomas", "Tomas Vidal", EntityType::kPerson,
                      "ARGGOV", {"Vidal"});
  i.bra = b->Entity("kb:BRA", "Brazil", EntityType::kGpe, "BRA", {"Brazilian"});
  i.arg =
      b->Entity("kb:ARG", "Argentina", EntityType::kGpe, "ARG", {"Argentine"});
  i.brasilia = b->Entity("kb:brasilia", "Brasilia", EntityType::kGpe, "BRA");
  i.baires =
      b->Entity("kb:buenos_aires", "Buenos Aires", EntityType::kGpe, "ARG");
  return i;
}

// A state visit by `guest` to `host`'s capital; `away` says who travels.
DocAnalysis StateVisit(const std::string& source, const std::string& site,
                       bool lima_travels) {
  const std::string guest = lima_travels ? "Ana Lima" : "Tomas Vidal";
  const std::string host = lima_travels ? "Tomas Vidal" : "Ana Lima";
  const std::string guest_adj = lima_travels ? "Brazilian" : "Argentine";
  const std::string capital = lima_travels ? "Buenos Aires" : "Brasilia";
  const std::string country = lima_travels ? "Argentina" : "Brazil";
  DocBuilder b(source, site, "", guest + " in " + capital,
               guest_adj + " President " + guest + " arrived in " + capital +
                   " for a two-day state visit, the first trip to " + country +
                   " by a leader of the neighbouring country in six years. " +
                   host +
                   " greeted the visitor with an honour guard, and the two "
                   "leaders discussed a river shipping corridor, beef quotas "
                   "and a joint bid to host the football World Cup.\n\n"
                   "Officials said the talks ended with a pledge to meet "
                   "again before the end of the year.");
  const VisitIds i = VisitActors(&b);
  const int32_t g = lima_travels ? i.lima : i.vidal;
  const int32_t h = lima_travels ? i.vidal : i.lima;
  b.Ev("visit", "042", 1, 1.9, g, -1, lima_travels ? i.baires : i.brasilia, "",
       "arrived in " + capital);
  b.Ev("meet", "040", 1, 1.0, h, g, -1, "", "discussed a river");
  return b.Build();
}

// Another outlet on Lima's visit, in its own words.
DocAnalysis HostedVisit() {
  DocBuilder b("L2", "Metro Daily", "", "Vidal hosts Lima at the Casa Rosada",
               "Tomas Vidal welcomed Ana Lima at the Casa Rosada in Buenos "
               "Aires on her first state visit, and the leaders promised to "
               "finish the river shipping corridor and to press ahead with "
               "a joint World Cup bid.\n\n"
               "Farmers protested outside over beef quotas.");
  const VisitIds i = VisitActors(&b);
  b.Ev("host", "043", 1, 2.8, i.vidal, i.lima, i.baires, "",
       "welcomed Ana Lima");
  return b.Build();
}

TEST(BuildStories, UndatedVisitsInOppositeDirectionsAreTwoHappenings) {
  std::vector<DocAnalysis> base;
  base.push_back(StateVisit("L1", "Harbour Wire", true));
  base.push_back(StateVisit("V1", "Eastern Ledger", false));
  base.push_back(HostedVisit());
  std::vector<DocAnalysis> docs = base;
  const StoryResult r = BuildStories(&docs, StoryOptions());
  SCOPED_TRACE(Dump(r, docs));
  ASSERT_EQ(r.clusters.size(), 2u);
  EXPECT_NE(ClusterOf(r, docs, "L1"), ClusterOf(r, docs, "V1"));
  EXPECT_EQ(ClusterOf(r, docs, "L1"), ClusterOf(r, docs, "L2"));
  // One story: the same two leaders.
  ASSERT_EQ(r.storylines.size(), 1u);
  EXPECT_EQ(r.storylines[0].clusters.size(), 2u);
  // Nothing dated them, and nothing does now.
  for (const DocAnalysis& a : docs) EXPECT_EQ(a.doc.published, "");
  // The same result whatever the input order.
  const std::string expected = Dump(r, docs);
  std::mt19937 rng(11);
  for (int round = 0; round < 4; ++round) {
    std::vector<DocAnalysis> perm = base;
    std::shuffle(perm.begin(), perm.end(), rng);
    EXPECT_EQ(Dump(BuildStories(&perm, StoryOptions()), perm), expected)
        << "round " << round;
  }
}

TEST(BuildStories, UndatedReportsOfTheSameVisitMerge) {
  std::vector<DocAnalysis> docs;
  docs.push_back(StateVisit("L1", "Harbour Wire", true));
  docs.push_back(HostedVisit());
  {
    // A third account: a meeting whose venue says who travelled.
    DocBuilder b("L4", "Northern Post", "",
                 "Lima and Vidal agree on river route",
                 "Ana Lima and Tomas Vidal met for three hours in Buenos "
                 "Aires and agreed to dredge the river shipping corridor, "
                 "Argentine officials said. The Brazilian leader also "
                 "backed a joint bid for the football World Cup.");
    const VisitIds i = VisitActors(&b);
    b.Ev("meet", "040", 1, 1.0, i.lima, i.vidal, i.baires, "",
         "met for three hours");
    docs.push_back(b.Build());
  }
  const StoryResult r = BuildStories(&docs, StoryOptions());
  SCOPED_TRACE(Dump(r, docs));
  ASSERT_EQ(r.clusters.size(), 1u);
  EXPECT_TRUE(r.clusters[0].duplicates.empty());  // three independent reports
}

// "{{date|November 13, 2004}}" -> "2004-11-13".

// Clusters the Wikinews sample (each story and its cited sources) from the
// raw text alone and scores it with BCubed against the story grouping.
// Three reports of one signing in Pyongyang, written for this test: two
// name different rooms and lengths, one names only the palace (which holds
// both rooms) and places the meeting in a district of the city.
std::vector<DocAnalysis> SigningReports() {
  std::vector<DocAnalysis> docs;
  const auto add = [&](const std::string& src, const std::string& site,
                       const std::string& text, const std::string& place,
                       const std::string& dur, const std::string& dur_value,
                       const std::string& dur_mod) {
    DocBuilder b(src, site, "2024-03-05", "Putin and Kim sign a fisheries accord",
                 text);
    const Ids i = Actors(&b);
    const int32_t where =
        b.Entity("name:GPE:" + place, place, EntityType::kGpe, "PRK");
    b.Time("on Tuesday", "2024-03-05", true);
    b.Ev("meet", "040", 1, 1.0, i.putin, i.kim, where, "2024-03-05",
         "met in " + place);
    if (!dur.empty()) {
      b.Time("on Tuesday evening", "2024-03-05TEV", true);
      b.Time(dur, dur_value, false);
      DocAnalysis tmp = b.Build();
      tmp.times.back().type = TimexType::kDuration;
      tmp.times.back().mod = dur_mod;
      docs.push_back(std::move(tmp));
    } else {
      docs.push_back(b.Build());
    }
  };
  add("R1", "one.example",
      "Vladimir Putin and Kim Jong Un met in Pyongyang on Tuesday and agreed "
      "to share fishing grounds in the Sea of Japan. The leaders signed the "
      "accord in the Hall of Lanterns of the Kumsusan Palace. Their talks "
      "lasted two hours on Tuesday evening, officials said.",
      "Pyongyang", "two hours", "PT2H", "");
  add("R2", "two.example",
      "Kim Jong Un and Vladimir Putin met in Pyongyang on Tuesday and agreed "
      "to share fishing grounds off their coasts. The signing ceremony took "
      "place in the Jade Room of the Kumsusan Palace. The talks on Tuesday "
      "evening lasted about five hours, officials said.",
      "Pyongyang", "about five hours", "PT5H", "APPROX");
  add("R3", "three.example",
      "Putin and Kim met in Sunan, a district of Pyongyang, on Tuesday and "
      "signed an accord on fishing grounds at the Kumsusan Palace. Their "
      "talks lasted about two and a half hours on Tuesday evening.",
      "Sunan", "about two and a half hours", "PT2.5H", "APPROX");
  return docs;
}

TEST(BuildStories, VenueAndLengthDisagreementsCiteEachSide) {
  std::vector<DocAnalysis> docs = SigningReports();
  const StoryResult r = BuildStories(&docs, StoryOptions());
  SCOPED_TRACE(Dump(r, docs));
  ASSERT_EQ(r.clusters.size(), 1u);
  std::map<std::string, std::map<std::string, std::string>> by_about;
  for (const Disagreement& d : r.disagreements) {
    for (const Claim& c : d.claims) {
      by_about[d.about][c.value] = Src(docs, c.citation.doc);
      EXPECT_NE(c.citation.text.find(c.value), std::string::npos) << c.value;
    }
  }
  // The palace holds both rooms: R3 contradicts neither.
  EXPECT_EQ(by_about["venue of the signing"],
            (std::map<std::string, std::string>{
                {"Hall of Lanterns of the Kumsusan Palace", "R1"},
                {"Jade Room of the Kumsusan Palace", "R2"},
                {"Kumsusan Palace", "R3"}}));
  // Two hours and two and a half "about" agree; five hours does not.
  ASSERT_EQ(by_about.count("length of the meeting on 2024-03-05"), 1u);
  EXPECT_EQ(by_about["length of the meeting on 2024-03-05"]["about five hours"],
            "R2");
  // R3 names Pyongyang beside Sunan: no location disagreement.
  for (const auto& [about, claims] : by_about) {
    EXPECT_EQ(about.rfind("location of", 0), std::string::npos) << about;
  }
  EXPECT_EQ(by_about.size(), 2u);
}

TEST(BuildStories, NoLengthDisagreementWithinTheMargin) {
  std::vector<DocAnalysis> docs = SigningReports();
  docs.erase(docs.begin() + 1);  // drop the five-hour report
  const StoryResult r = BuildStories(&docs, StoryOptions());
  SCOPED_TRACE(Dump(r, docs));
  for (const Disagreement& d : r.disagreements) {
    EXPECT_EQ(d.about.rfind("length of", 0), std::string::npos) << d.about;
    EXPECT_EQ(d.about.rfind("venue of", 0), std::string::npos) << d.about;
  }
}

TEST(BuildStories, TypographicQuotesDoNotHideAReprint) {
  std::vector<DocAnalysis> docs = Corpus();
  const uint32_t b2 = Find(docs, "B2");
  std::string curly;
  for (char ch : docs[b2].doc.text) {
    if (ch == '\'') {
      curly += "\u2019";
    } else {
      curly += ch;
    }
  }
  curly = "\u201c" + curly + "\u201d";
  EXPECT_GT(internal::EstimatedJaccard(docs[b2].doc.text, curly, {}), 0.95);
}

TEST(BuildStories, ComparisonCountsOutletsAndFlagsSingleSourceClaims) {
  std::vector<DocAnalysis> docs = SigningReports();
  // Only R2 reports a warning by the United States.
  {
    DocAnalysis& r2 = docs[1];
    r2.doc.text += " Washington warned Pyongyang against any arms deal.";
    const auto begin = static_cast<uint32_t>(r2.doc.text.rfind("Washington"));
    const auto usa = static_cast<int32_t>(std::find_if(
        r2.entities.begin(), r2.entities.end(),
        [](const LocalEntity& e) { return e.key == "kb:USA"; }) -
        r2.entities.begin());
    Event e;
    e.type = "warn";
    e.code = "130";
    e.quad_class = 3;
    e.source = usa;
    e.evidence = {begin, static_cast<uint32_t>(r2.doc.text.size())};
    r2.events.push_back(e);
  }
  // R1 tells Kim's visit, R3 Putin hosting him: one claim of two outlets.
  auto local = [](const DocAnalysis& d, const char* key) {
    for (size_t i = 0; i < d.entities.size(); ++i) {
      if (d.entities[i].key == key) return static_cast<int32_t>(i);
    }
    return int32_t{-1};
  };
  for (auto [doc, type, code] : {std::tuple<size_t, const char*, const char*>{0, "visit", "042"},
                                 {2, "host", "043"}}) {
    DocAnalysis& d = docs[doc];
    const int32_t kim = local(d, "kb:kim_jong_un"), putin = local(d, "kb:putin_vladimir");
    ASSERT_GE(kim, 0);
    ASSERT_GE(putin, 0);
    Event e;
    e.type = type;
    e.code = code;
    e.root_code = "04";
    e.quad_class = 1;
    e.source = std::string(type) == "visit" ? kim : putin;
    e.target = std::string(type) == "visit" ? putin : kim;
    e.evidence = d.sentences.empty() ? ByteSpan{0, 10} : d.sentences[0].span;
    d.events.push_back(e);
  }
  const StoryResult r = BuildStories(&docs, StoryOptions());
  SCOPED_TRACE(Dump(r, docs));
  ASSERT_EQ(r.clusters.size(), 1u);
  const Cluster& c = r.clusters[0];
  ASSERT_GE(c.comparison.size(), 2u);
  bool visit_claim = false;
  for (const ClaimComparison& cc : c.comparison) {
    EXPECT_NE(cc.about.rfind("host:", 0), 0u) << cc.about;
    if (cc.about == "visit: Kim Jong Un, Vladimir Putin") {
      visit_claim = true;
      EXPECT_EQ(cc.outlets, (std::vector<std::string>{"one.example", "three.example"}));
    }
  }
  EXPECT_TRUE(visit_claim);
  // The meeting is reported by all three outlets, first.
  EXPECT_EQ(c.comparison[0].about, "meet: Kim Jong Un, Vladimir Putin");
  EXPECT_EQ(c.comparison[0].outlets,
            (std::vector<std::string>{"one.example", "three.example",
                                      "two.example"}));
  EXPECT_TRUE(c.comparison[0].missing.empty());
  ASSERT_EQ(c.comparison[0].citations.size(), 3u);
  const ClaimComparison& last = c.comparison.back();
  EXPECT_EQ(last.about, "warn: United States");
  EXPECT_EQ(last.outlets, (std::vector<std::string>{"two.example"}));
  EXPECT_NE(last.citations[0].text.find("Washington warned"), std::string::npos);
  // Every outlet's sentences about both leaders are scored.
  std::set<std::pair<std::string, std::string>> seen;
  for (const Portrayal& p : c.portrayal) {
    seen.insert({r.entities[p.entity].name, p.outlet});
    EXPECT_GE(p.sentences, 1u);
    EXPECT_FALSE(p.example.text.empty());
  }
  for (const char* who : {"Vladimir Putin", "Kim Jong Un"}) {
    for (const char* o : {"one.example", "two.example", "three.example"}) {
      EXPECT_EQ(seen.count({who, o}), 1u) << who << " " << o;
    }
  }
}

TEST(BuildStories, ClusterTitleComesFromAReportNotAPreview) {
  std::vector<DocAnalysis> docs = SigningReports();
  docs.pop_back();
  // A preview published days before whose words cover both reports: the
  // most central document, but not a report of the happening.
  DocBuilder b("P0", "preview.example", "2024-03-01",
               "Putin to visit Pyongyang next week",
               "Officials expect this: " + docs[0].doc.text + " " +
                   docs[1].doc.text);
  const Ids i = Actors(&b);
  const int32_t where =
      b.Entity("name:GPE:Pyongyang", "Pyongyang", EntityType::kGpe, "PRK");
  b.Time("on Tuesday", "2024-03-05", true);
  b.Ev("meet", "040", 1, 1.0, i.putin, i.kim, where, "2024-03-05",
       "met in Pyongyang", Modality::kPlanned);
  docs.push_back(b.Build());
  const StoryResult r = BuildStories(&docs, StoryOptions());
  SCOPED_TRACE(Dump(r, docs));
  ASSERT_EQ(r.clusters.size(), 1u);
  EXPECT_EQ(r.clusters[0].docs.size(), 3u);
  EXPECT_EQ(r.clusters[0].title, "Putin and Kim sign a fisheries accord");
}

TEST(BuildStories, YearlessDatelineDatesAnUndatedReport) {
  std::vector<DocAnalysis> docs = SigningReports();
  DocBuilder b("W0", "", "", "Leaders seal fishing accord",
               "PYONGYANG, March 6 (Test Wire) - Vladimir Putin and Kim Jong "
               "Un met in Pyongyang on Tuesday and signed an accord sharing "
               "fishing grounds, officials said on Wednesday.");
  const Ids i = Actors(&b);
  const int32_t where =
      b.Entity("name:GPE:Pyongyang", "Pyongyang", EntityType::kGpe, "PRK");
  b.Time("March 6", "XXXX-03-06", false);
  b.Ev("meet", "040", 1, 1.0, i.putin, i.kim, where, "", "met in Pyongyang");
  docs.push_back(b.Build());
  const StoryResult r = BuildStories(&docs, StoryOptions());
  SCOPED_TRACE(Dump(r, docs));
  const Document& w = docs[Find(docs, "W0")].doc;
  EXPECT_EQ(w.published, "2024-03-06");
  EXPECT_EQ(w.published_from, DateSource::kInferred);
  // Its "on Tuesday" is now the day before the dateline.
  bool tuesday = false;
  for (const Timex& t : docs[Find(docs, "W0")].times) {
    if (w.text.substr(t.span.begin, t.span.size()).find("Tuesday") !=
        std::string::npos) {
      tuesday = t.value == "2024-03-05" && t.anchor == TimexAnchor::kInferred;
    }
  }
  EXPECT_TRUE(tuesday);
}

// An undated report in a cluster whose dated reports were published a week
// after the happening is dated by the happening's day, not by their
// publication: its "on Tuesday" is then the Tuesday they report.
TEST(BuildStories, UndatedReportTakesTheHappeningsDay) {
  std::vector<DocAnalysis> docs = SigningReports();
  for (DocAnalysis& d : docs) d.doc.published = "2024-03-14";  // a week on
  DocBuilder b("W1", "", "", "Leaders seal fishing accord",
               "Vladimir Putin and Kim Jong Un met in Pyongyang on Tuesday "
               "and signed an accord sharing fishing grounds, officials said.");
  const Ids i = Actors(&b);
  const int32_t where =
      b.Entity("name:GPE:Pyongyang", "Pyongyang", EntityType::kGpe, "PRK");
  b.Time("on Tuesday", "XXXX-WXX-2", false);
  b.Ev("meet", "040", 1, 1.0, i.putin, i.kim, where, "", "met in Pyongyang");
  docs.push_back(b.Build());
  const StoryResult r = BuildStories(&docs, StoryOptions());
  SCOPED_TRACE(Dump(r, docs));
  const size_t w = Find(docs, "W1");
  ASSERT_EQ(r.doc_cluster[w], r.doc_cluster[Find(docs, "R1")]);
  EXPECT_EQ(docs[w].doc.published, "2024-03-05");
  EXPECT_EQ(docs[w].doc.published_from, DateSource::kInferred);
  bool tuesday = false;
  for (const Timex& t : docs[w].times) {
    if (docs[w].doc.text.substr(t.span.begin, t.span.size()).find("Tuesday") !=
        std::string::npos) {
      tuesday = t.value == "2024-03-05";
    }
  }
  EXPECT_TRUE(tuesday);
}

// A timeline entry shows a report that the thing happened, not an earlier
// one that it may happen, when both are cited for that day.
TEST(BuildStories, TimelineEntryShowsTheReportThatItHappened) {
  std::vector<DocAnalysis> docs = SigningReports();
  DocBuilder b("P1", "first.example", "2024-03-04", "Putin may meet Kim",
               "Vladimir Putin and Kim Jong Un may meet in Pyongyang on "
               "Tuesday to sign an accord on fishing grounds, officials said.");
  const Ids i = Actors(&b);
  const int32_t where =
      b.Entity("name:GPE:Pyongyang", "Pyongyang", EntityType::kGpe, "PRK");
  b.Time("on Tuesday", "2024-03-05", true);
  b.Ev("meet", "040", 1, 1.0, i.putin, i.kim, where, "2024-03-05",
       "may meet in Pyongyang", Modality::kSpeculated);
  DocAnalysis first = b.Build();
  first.doc.id = "0000000000000000";  // first in the canonical order
  docs.insert(docs.begin(), std::move(first));
  const StoryResult r = BuildStories(&docs, StoryOptions());
  SCOPED_TRACE(Dump(r, docs));
  const TimelineEntry* meet = nullptr;
  for (const TimelineEntry& t : r.timeline) {
    if (t.date == "2024-03-05" && t.citations.size() >= 2) meet = &t;
  }
  ASSERT_NE(meet, nullptr);
  EXPECT_EQ(meet->text.find("may meet"), std::string::npos) << meet->text;
  EXPECT_NE(meet->text.find("met in"), std::string::npos) << meet->text;
}

TEST(BuildStories, WikinewsSampleBCubed) {
  const std::string path =
      std::string(SYN_SHARED_DIR) +
      "/data/wikinews-multidoc-sample/wikinewssum_en_sample.jsonl";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << "no " << path;
  std::vector<DocAnalysis> docs;
  std::vector<int> gold;
  std::string line;
  int story = 0;
  while (std::getline(in, line)) {
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    std::string raw;
    for (const auto& p : j.value("text", nlohmann::json::array())) {
      if (p.is_string()) raw += p.get<std::string>() + "\n\n";
    }
    DocAnalysis a;
    a.doc.title = j.value("title", "");
    a.doc.published = internal::WikiDate(raw);
    a.doc.text = internal::PlainWikitext(raw);
    a.doc.id = HexId(a.doc.text);
    a.doc.site = "Wikinews";
    docs.push_back(std::move(a));
    gold.push_back(story);
    for (const auto& src : j.value("sources", nlohmann::json::array())) {
      if (!src.contains("maintext") || !src["maintext"].is_string()) continue;
      DocAnalysis s;
      s.doc.text = src["maintext"].get<std::string>();
      if (s.doc.text.size() < 200) continue;
      if (src.contains("title") && src["title"].is_string()) {
        s.doc.title = src["title"].get<std::string>();
      }
      s.doc.id = HexId(s.doc.text);
      docs.push_back(std::move(s));
      gold.push_back(story);
    }
    ++story;
  }
  ASSERT_GT(docs.size(), 50u);
  const StoryResult r = BuildStories(&docs, StoryOptions());
  // BCubed (Bagga and Baldwin 1998): per item, precision and recall of its
  // predicted cluster against its gold class.
  double p = 0, rc = 0;
  const size_t n = docs.size();
  for (size_t i = 0; i < n; ++i) {
    size_t same_both = 0, same_pred = 0, same_gold = 0;
    for (size_t k = 0; k < n; ++k) {
      const bool pred = r.doc_cluster[i] == r.doc_cluster[k];
      const bool g = gold[i] == gold[k];
      same_pred += pred;
      same_gold += g;
      same_both += pred && g;
    }
    p += static_cast<double>(same_both) / same_pred;
    rc += static_cast<double>(same_both) / same_gold;
  }
  p /= n;
  rc /= n;
  const double f1 = 2 * p * rc / (p + rc);
  std::printf(
      "wikinews sample: %zu docs, %d stories, %zu clusters, "
      "BCubed P %.3f R %.3f F1 %.3f\n",
      n, story, r.clusters.size(), p, rc, f1);
  RecordProperty("bcubed_f1", std::to_string(f1));
  EXPECT_GT(f1, 0.6);
}

}  // namespace
}  // namespace synoptic::stories
