// Our HTML tokenizer and tree builder (internal/html_tree.h): hand-written
// tricky markup with the expected tree, and a differential test against
// gumbo's tree on every Scrapinghub benchmark page and on examples/.
#include "synoptic/extract/internal/html_tree.h"

#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "synoptic/core/utf8.h"
#include "synoptic/extract/internal/extractors.h"
#include "synoptic/extract/internal/text_util.h"

namespace synoptic::extract::internal::html {
namespace {

namespace fs = std::filesystem;

std::string Collapse(std::string_view s) {
  std::string out;
  bool pending = false;
  AppendCollapsed(s, &out, &pending);
  return std::string(Trim(out));
}

// Compact dump: elements as name[children], unknown ones as ?, text as
// "collapsed text"; whitespace-only text and <head> content omitted.
void Dump(const Tree& t, uint32_t n, std::string* out) {
  const Node& x = t.nodes[n];
  if (x.tag == Tag::kText) {
    if (!x.whitespace) *out += "\"" + Collapse(t.Text(n)) + "\"";
    return;
  }
  std::string_view name = TagName(x.tag);
  *out += name.empty() ? "?" : std::string(name);
  if (x.first_child == kNoNode) return;
  *out += "[";
  bool first = true;
  for (uint32_t c = x.first_child; c != kNoNode; c = t.nodes[c].next) {
    if (t.nodes[c].tag == Tag::kText && t.nodes[c].whitespace) continue;
    if (!first) *out += ",";
    first = false;
    Dump(t, c, out);
  }
  *out += "]";
}

// The <body> subtree of our parse, dumped.
std::string Body(std::string_view html) {
  Tree t;
  ParseHtml(html, ParseOptions(), &t);
  for (uint32_t c = t.nodes[0].first_child; c != kNoNode; c = t.nodes[c].next) {
    if (t.nodes[c].tag == Tag::kBody) {
      std::string out;
      Dump(t, c, &out);
      return out;
    }
  }
  return "(no body)";
}

std::string BodyGumbo(std::string_view html) {
  Tree t;
  ParseHtmlWithGumbo(html, &t);
  for (uint32_t c = t.nodes[0].first_child; c != kNoNode; c = t.nodes[c].next) {
    if (t.nodes[c].tag == Tag::kBody) {
      std::string out;
      Dump(t, c, &out);
      return out;
    }
  }
  return "(no body)";
}

// Checks the structural invariants every tree must satisfy (also used by
// the fuzzer's logic): spans inside their buffers, parent/child links
// consistent, node 0 the root, no cycles.
::testing::AssertionResult Invariants(const Tree& t) {
  if (t.nodes.empty() || t.nodes[0].tag != Tag::kHtml)
    return ::testing::AssertionFailure() << "no html root";
  std::string_view src = t.owned.empty() ? t.source : t.owned;
  for (size_t i = 0; i < t.nodes.size(); ++i) {
    const Node& x = t.nodes[i];
    if (x.tag == Tag::kText) {
      size_t limit = x.in_arena ? t.arena.size() : src.size();
      if (size_t{x.begin} + x.len > limit)
        return ::testing::AssertionFailure() << "text span out of bounds";
      if (!utf8::IsValid(t.Text(static_cast<uint32_t>(i))))
        return ::testing::AssertionFailure() << "invalid UTF-8 in text";
    } else if (size_t{x.begin} + x.len > t.attrs.size()) {
      return ::testing::AssertionFailure() << "attribute range out of bounds";
    }
    if (i > 0 && x.parent == kNoNode) continue;  // detached never happens
    for (uint32_t c = x.first_child; c != kNoNode; c = t.nodes[c].next) {
      if (t.nodes[c].parent != i)
        return ::testing::AssertionFailure() << "bad parent link at " << c;
    }
  }
  return ::testing::AssertionSuccess();
}

TEST(HtmlTree, ImpliesHeadBodyAndClosesParagraphs) {
  EXPECT_EQ(Body("<p>one<p>two<div>three</div>"),
            "body[p[\"one\"],p[\"two\"],div[\"three\"]]");
  EXPECT_EQ(Body("<title>T</title>text"), "body[\"text\"]");
}

TEST(HtmlTree, ClosesListItemsAndDefinitions) {
  EXPECT_EQ(Body("<ul><li>a<li>b<ul><li>c</ul><li>d</ul>"),
            "body[ul[li[\"a\"],li[\"b\",ul[li[\"c\"]]],li[\"d\"]]]");
  EXPECT_EQ(Body("<dl><dt>k<dd>v<dt>k2</dl>"),
            "body[dl[dt[\"k\"],dd[\"v\"],dt[\"k2\"]]]");
}

TEST(HtmlTree, BuildsTableStructureAndFostersStrayText) {
  EXPECT_EQ(Body("<table><tr><td>a<td>b<tr><th>c</table>"),
            "body[table[tbody[tr[td[\"a\"],td[\"b\"]],tr[th[\"c\"]]]]]");
  // Text directly in a table goes before it.
  EXPECT_EQ(Body("<table>stray<tr><td>x</td></tr></table>"),
            "body[\"stray\",table[tbody[tr[td[\"x\"]]]]]");
  // A div in table context is fostered; the next row pops it.
  EXPECT_EQ(Body("<table><div>d</div><tr><td>x</table>"),
            "body[div[\"d\"],table[tbody[tr[td[\"x\"]]]]]");
}

TEST(HtmlTree, KeepsScriptTextRaw) {
  Tree t;
  ParseHtml("<body><script>if (a<b) { x = '</div>'; }</script><p>after</p>",
            ParseOptions(), &t);
  bool found = false;
  for (uint32_t i = 0; i < t.nodes.size(); ++i) {
    if (t.nodes[i].tag == Tag::kScript) {
      ASSERT_NE(t.nodes[i].first_child, kNoNode);
      EXPECT_EQ(t.Text(t.nodes[i].first_child), "if (a<b) { x = '</div>'; }");
      found = true;
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(Body("<body><script>var s = '<p>no';</script><p>yes</p>"),
            "body[script[\"var s = '<p>no';\"],p[\"yes\"]]");
  EXPECT_EQ(Body("<textarea>a &amp; <b>b</b></textarea>"),
            "body[textarea[\"a & <b>b</b>\"]]");
}

TEST(HtmlTree, DecodesCharacterReferences) {
  EXPECT_EQ(Body("<p>a&amp;b &lt;c&gt; &copy 2024 &eacute;t&eacute;</p>"),
            "body[p[\"a&b <c> \xC2\xA9 2024 \xC3\xA9t\xC3\xA9\"]]");
  EXPECT_EQ(Body("<p>&#65;&#x42;&#128;&#150;&#0;&#x110000;&unknown;</p>"),
            "body[p[\"AB\xE2\x82\xAC\xE2\x80\x93\xEF\xBF\xBD\xEF\xBF\xBD"
            "&unknown;\"]]");
  // Legacy prefix match: "&notit;" is "not" + "it;".
  EXPECT_EQ(Body("<p>&notit;</p>"), "body[p[\"\xC2\xACit;\"]]");
  Tree t;
  ParseHtml("<a href=\"/x?a=1&copy=2&amp;b=3\">l</a>", ParseOptions(), &t);
  for (uint32_t i = 0; i < t.nodes.size(); ++i) {
    if (t.nodes[i].tag == Tag::kA) {
      EXPECT_EQ(t.Attr(i, AttrId::kHref), "/x?a=1&copy=2&b=3");
    }
  }
}

TEST(HtmlTree, ReadsUnquotedAndOddAttributes) {
  Tree t;
  ParseHtml(
      "<div class=story id='main' data-x=\"1\" CLASS=dup hidden>x</div>"
      "<p role=navigation/>y",
      ParseOptions(), &t);
  uint32_t div = kNoNode, p = kNoNode;
  for (uint32_t i = 0; i < t.nodes.size(); ++i) {
    if (t.nodes[i].tag == Tag::kDiv) div = i;
    if (t.nodes[i].tag == Tag::kP) p = i;
  }
  ASSERT_NE(div, kNoNode);
  ASSERT_NE(p, kNoNode);
  EXPECT_EQ(t.Attr(div, AttrId::kClass), "story");  // first one wins
  EXPECT_EQ(t.Attr(div, AttrId::kId), "main");
  EXPECT_TRUE(t.HasAttr(div, AttrId::kHidden));
  EXPECT_EQ(t.Attr(div, AttrId::kHidden), "");
  EXPECT_EQ(t.Attr(p, AttrId::kRole), "navigation/");
}

TEST(HtmlTree, HandlesCommentsAndJunk) {
  EXPECT_EQ(Body("<p>a<!-- <p>hidden --></p>b<!---->c<!--->d"),
            "body[p[\"a\"],\"b\",\"c\",\"d\"]");
  EXPECT_EQ(Body("<p>x<![CDATA[junk]]>y<?php echo 1 ?>z</p>"),
            "body[p[\"x\",\"y\",\"z\"]]");
  EXPECT_EQ(Body("<p>open <!-- never closed <p>gone"), "body[p[\"open\"]]");
  // "</" + space opens a bogus comment that runs to the next '>'.
  EXPECT_EQ(Body("a < b and c <3 </ d"), "body[\"a < b and c <3\"]");
}

TEST(HtmlTree, MisnestedFormattingFollowsAdoptionAgency) {
  EXPECT_EQ(Body("<p><b>bold<i>both</b>italic</i></p>"),
            "body[p[b[\"bold\",i[\"both\"]],i[\"italic\"]]]");
  EXPECT_EQ(Body("<a href=1><div>in</a>out</div>"),
            "body[a,div[a[\"in\"],\"out\"]]");
  // An unclosed link is reopened in the next paragraph.
  EXPECT_EQ(Body("<p><a href=1>x</p><p>y</p>"),
            "body[p[a[\"x\"]],p[a[\"y\"]]]");
}

TEST(HtmlTree, IgnoresStrayEndTagsAndVoidContent) {
  EXPECT_EQ(Body("</div><div>a</span></li>b</div></p>c"),
            "body[div[\"a\",\"b\"],p,\"c\"]");
  EXPECT_EQ(Body("<p>a<br>b<img src=x>c</br>d<hr>e"),
            "body[p[\"a\",br,\"b\",img,\"c\",br,\"d\"],hr,\"e\"]");
}

TEST(HtmlTree, ForeignContentAndSelect) {
  EXPECT_EQ(Body("<svg><path d='1'/><title>t</title></svg><p>x"),
            "body[svg[?,title[\"t\"]],p[\"x\"]]");
  EXPECT_EQ(Body("<svg><g><p>breaks out</g>"),
            "body[svg[?],p[\"breaks out\"]]");
  EXPECT_EQ(Body("<select><option>a<option>b<div>c</div></select>d"),
            "body[select[option[\"a\"],option[\"b\",\"c\"]],\"d\"]");
}

TEST(HtmlTree, SurvivesNulBytesAndInvalidUtf8) {
  const std::string html("<p>a\0b\xFF\xFE<x\0y>c</p>", 18);
  Tree t;
  ParseHtml(html, ParseOptions(), &t);
  EXPECT_TRUE(Invariants(t));
  std::string text;
  for (uint32_t i = 0; i < t.nodes.size(); ++i) {
    if (t.nodes[i].tag == Tag::kText) text += t.Text(i);
  }
  EXPECT_EQ(text,
            "ab\xEF\xBF\xBD\xEF\xBF\xBD"
            "c");
}

TEST(HtmlTree, CapsDepthAndSurvivesUnterminatedInput) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  deep += "bottom";
  ParseOptions opt;
  opt.max_depth = 100;
  Tree t;
  ParseHtml(deep, opt, &t);
  EXPECT_TRUE(Invariants(t));
  EXPECT_LE(t.nodes.size(), 110u);
  for (std::string_view junk :
       {"<", "<a", "<a href=\"", "<!--", "<!doctype", "</", "<script>x",
        "<p class='x", "&", "&#", "&#x", "&am",
        "<table><tr><td><svg><![CDATA["}) {
    ParseHtml(junk, ParseOptions(), &t);
    EXPECT_TRUE(Invariants(t)) << junk;
  }
}

// Inputs shaped like what the fuzzer (fuzz/html_tree_fuzzer.cc) explores
// and what is slow in naive tree builders: thousands of unclosed formatting
// elements reopened in every paragraph, misnested tables, unclosed svg, and
// entity soup. Both parsers must stay fast; our tree keeps its invariants.
TEST(HtmlTree, PathologicalInputsParseQuickly) {
  std::string formatting, tables, mixed;
  for (int i = 0; i < 3000; ++i) formatting += "<b><i><a href=x><font>";
  for (int i = 0; i < 500; ++i) formatting += "<p>text";
  for (int i = 0; i < 2000; ++i) tables += "<table><tr><td><div>cell";
  for (int i = 0; i < 2000; ++i) {
    mixed += "<svg><p>&amp&#x;&notin;<select><option><table></b></i></a>";
  }
  for (const std::string* input : {&formatting, &tables, &mixed}) {
    auto start = std::chrono::steady_clock::now();
    ParseOptions opt;
    opt.max_depth = 64;
    Tree t;
    ParseHtml(*input, opt, &t);
    EXPECT_TRUE(Invariants(t));
    Tree ref;
    ParseHtmlWithGumbo(*input, &ref);
    double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    EXPECT_LT(secs, 5.0);
  }
}

TEST(HtmlTree, MatchesGumboOnHandWrittenCases) {
  // Cases where both parsers must agree exactly.
  for (std::string_view html : {
           "<!doctype html><p>a<p>b<table><tr><td>c</table>",
           "<ul><li>one<li>two</ul><ol><li>x</ol>",
           "<div><p>para<blockquote>q</blockquote></div>",
           "<h1>t<h2>u</h2>",
           "<table><caption>c</caption><tr><td>1<td>2</tr></table>",
           "<p><b>b<p>c</b>d",
           "<dl><dt>a<dd>b</dl>",
           "<form><input name=q><button>go</button></form><p>after",
       }) {
    EXPECT_EQ(Body(html), BodyGumbo(html)) << html;
  }
}

// Extraction rules that ride on the tree: a kept table stays whole, an
// embedded post in a "social" box stays with its attribution line, and a
// sentence that is partly a link is still article text.
TEST(HtmlExtract, KeepsTablesEmbedsAndLinkedSentences) {
  std::string body;
  for (int i = 0; i < 4; ++i) {
    body +=
        "<p>The harbour board met again on Tuesday evening, and its "
        "members argued for an hour about the price of berths, the state "
        "of the cranes and the winter timetable.</p>";
  }
  const std::string html =
      "<html><body><nav><a href=/>Home</a></nav><article><h1>Harbour board "
      "meets</h1>" +
      body +
      "<p>Officials said the plan <a href=/x>follows a survey of every berth "
      "on the quay</a> and will be published next month in full.</p>"
      "<table><tr><th>Berth</th><th>Fee</th></tr>"
      "<tr><td>North quay berth for cargo ships</td><td>120 per day, paid "
      "weekly in advance.</td></tr><tr><td>South</td><td>90</td></tr>"
      "</table>" +
      body +
      "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\">"
      "<p>The cranes are moving again on the north quay this morning, at "
      "last.</p>\xE2\x80\x94 Quay Watch (@quaywatch) May 3, 2024"
      "</blockquote></div>" +
      body + "</article></body></html>";
  ingest::InputRecord record;
  record.body = html;
  record.format = InputFormat::kHtml;
  Draft d;
  ExtractHtml(record, std::nullopt, &d);
  std::string text;
  for (const auto& p : d.paragraphs) text += p.first + "\n";
  EXPECT_NE(text.find("Berth | Fee"), std::string::npos) << text;
  EXPECT_NE(text.find("South | 90"), std::string::npos) << text;
  EXPECT_NE(text.find("follows a survey of every berth"), std::string::npos);
  EXPECT_NE(text.find("The cranes are moving again"), std::string::npos);
  EXPECT_NE(text.find("(@quaywatch)"), std::string::npos) << text;
  EXPECT_EQ(text.find("Home"), std::string::npos);
}

// ---------------------------------------------------------------------------
// Differential test on real pages.

std::string ReadGz(const fs::path& path) {
  std::string out;
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) out.append(buf, n);
  gzclose(f);
  return out;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool IsBlockLevel(Tag t) {
  switch (t) {
    case Tag::kAddress:
    case Tag::kArticle:
    case Tag::kAside:
    case Tag::kBlockquote:
    case Tag::kBody:
    case Tag::kDd:
    case Tag::kDiv:
    case Tag::kDl:
    case Tag::kDt:
    case Tag::kFigure:
    case Tag::kFigcaption:
    case Tag::kFooter:
    case Tag::kForm:
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
    case Tag::kHeader:
    case Tag::kLi:
    case Tag::kMain:
    case Tag::kNav:
    case Tag::kOl:
    case Tag::kP:
    case Tag::kPre:
    case Tag::kSection:
    case Tag::kTable:
    case Tag::kTd:
    case Tag::kTh:
    case Tag::kTr:
    case Tag::kUl:
    case Tag::kHead:
    case Tag::kTitle:
    case Tag::kSelect:
    case Tag::kOption:
    case Tag::kTextarea:
    case Tag::kCaption:
      return true;
    default:
      return false;
  }
}

// (block-level element path, collapsed text) per run of text between block
// boundaries; script and style text excluded (it is not markup).
std::vector<std::string> BlockSequence(const Tree& t) {
  std::vector<std::string> out;
  std::string path, buf;
  bool pending = false;
  auto flush = [&] {
    std::string_view s = Trim(buf);
    if (!s.empty()) out.push_back(path + "|" + std::string(s));
    buf.clear();
    pending = false;
  };
  struct Frame {
    uint32_t node;
    uint32_t next;
    size_t path_len;
    bool block;
  };
  std::vector<Frame> stack{{0, t.nodes[0].first_child, 0, true}};
  path = "html";
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (f.next == kNoNode) {
      if (f.block) flush();
      path.resize(f.path_len);
      stack.pop_back();
      continue;
    }
    uint32_t c = f.next;
    f.next = t.nodes[c].next;
    const Node& x = t.nodes[c];
    if (x.tag == Tag::kText) {
      AppendCollapsed(t.Text(c), &buf, &pending);
      continue;
    }
    if (x.tag == Tag::kScript || x.tag == Tag::kStyle) continue;
    bool block = IsBlockLevel(x.tag);
    size_t len = path.size();
    if (block) {
      flush();
      path += "/" + std::string(TagName(x.tag));
    }
    stack.push_back({c, x.first_child, len, block});
  }
  flush();
  return out;
}

// Every node in preorder, as a hash of "depth tag" or "depth #text", with
// the collapsed text: the full shape of the tree, inline elements included
// (whitespace-only text left out: where it lands carries no content).
std::vector<uint64_t> NodeSequence(const Tree& t) {
  std::vector<uint64_t> out;
  struct Item {
    uint32_t node;
    int depth;
  };
  std::vector<Item> stack{{0, 0}};
  std::hash<std::string> hash;
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    const Node& x = t.nodes[it.node];
    std::string key = std::to_string(it.depth) + " ";
    if (x.tag == Tag::kText) {
      // Adjacent text siblings count as one node (gumbo merges them; we
      // keep one node per run between tags).
      std::string text(t.Text(it.node));
      while (!stack.empty() && t.nodes[stack.back().node].tag == Tag::kText &&
             t.nodes[stack.back().node].parent == x.parent) {
        text += t.Text(stack.back().node);
        stack.pop_back();
      }
      text = Collapse(text);
      if (text.empty()) continue;
      key += "#" + text;
    } else {
      std::string_view name = TagName(x.tag);
      key +=
          name.empty() ? "?" + std::to_string(x.name_hash) : std::string(name);
    }
    out.push_back(hash(key));
    size_t at = stack.size();
    for (uint32_t c = x.first_child; c != kNoNode; c = t.nodes[c].next)
      stack.push_back({c, it.depth + 1});
    std::reverse(stack.begin() + at, stack.end());
  }
  return out;
}

// Insert/delete edit distance by Myers' O((n+m)D) algorithm; returns
// max_d + 1 when the distance exceeds max_d.
size_t EditDistance(const std::vector<uint64_t>& a,
                    const std::vector<uint64_t>& b, size_t max_d) {
  const long n = static_cast<long>(a.size()), m = static_cast<long>(b.size());
  const long off = static_cast<long>(max_d) + 1;
  std::vector<long> v(2 * off + 2, 0);
  for (long d = 0; d <= static_cast<long>(max_d); ++d) {
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
                   ? v[off + k + 1]
                   : v[off + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && a[x] == b[y]) {
        ++x;
        ++y;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return static_cast<size_t>(d);
    }
  }
  return max_d + 1;
}

// Length of the longest common subsequence (two rows of DP).
template <typename V>
size_t Lcs(const V& a, const V& b) {
  std::vector<uint32_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1
                                    : std::max(prev[j], cur[j - 1]);
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// Character-level similarity 2*LCS/(|a|+|b|), on the part after the common
// prefix and suffix (small when the texts are near-identical).
double Similarity(std::string_view a, std::string_view b) {
  if (a == b) return 1.0;
  size_t total = a.size() + b.size();
  size_t p = 0;
  while (p < a.size() && p < b.size() && a[p] == b[p]) ++p;
  size_t s = 0;
  while (s < a.size() - p && s < b.size() - p &&
         a[a.size() - 1 - s] == b[b.size() - 1 - s]) {
    ++s;
  }
  std::string_view ma = a.substr(p, a.size() - p - s);
  std::string_view mb = b.substr(p, b.size() - p - s);
  if (ma.size() * mb.size() > 4e8) return 0.0;  // treat as very different
  return 2.0 * (p + s + Lcs(ma, mb)) / total;
}

std::string MainText(const Tree& t, const ingest::InputRecord& record) {
  Draft d;
  ExtractHtmlTree(t, record, std::nullopt, &d);
  std::string out;
  for (const auto& p : d.paragraphs) {
    out += p.first;
    out += "\n\n";
  }
  return out + "title: " + d.title + "\npublished: " + d.published;
}

struct DiffStats {
  int pages = 0;
  size_t blocks = 0;      // entries in gumbo's sequence, summed
  size_t unmatched = 0;   // max(len) - LCS, summed
  size_t nodes = 0;       // all nodes (see NodeSequence), max of the two
  size_t node_edits = 0;  // insert/delete edits between the two
  int pages_identical_text = 0;
  int pages_similar_text = 0;  // similarity >= 0.99
  double worst_rate = 0;
  std::string worst_page;
};

void Compare(const std::string& name, const std::string& html, DiffStats* st) {
  std::string body = utf8::IsValid(html) ? html : utf8::Sanitize(html, nullptr);
  std::replace(body.begin(), body.end(), '\0', ' ');
  Tree ours, ref;
  ParseHtml(body, ParseOptions(), &ours);
  ParseHtmlWithGumbo(body, &ref);
  EXPECT_TRUE(Invariants(ours)) << name;
  std::vector<std::string> a = BlockSequence(ours), b = BlockSequence(ref);
  size_t lcs = Lcs(a, b);
  size_t longest = std::max(a.size(), b.size());
  double rate = longest ? 1.0 - static_cast<double>(lcs) / longest : 0.0;
  st->blocks += longest;
  st->unmatched += longest - lcs;
  if (rate > st->worst_rate) {
    st->worst_rate = rate;
    st->worst_page = name;
  }
  std::vector<uint64_t> na = NodeSequence(ours), nb = NodeSequence(ref);
  st->nodes += std::max(na.size(), nb.size());
  size_t edits = EditDistance(na, nb, 50000);
  st->node_edits += edits;
  if (std::getenv("SYN_DIFF_VERBOSE") != nullptr && edits > 0) {
    std::printf("  %s: %zu node edits of %zu\n", name.c_str(), edits,
                std::max(na.size(), nb.size()));
  }
  ingest::InputRecord record;
  record.body = body;
  record.url = "https://example.com/news/2024/05/06/story";
  record.format = InputFormat::kHtml;
  std::string ta = MainText(ours, record), tb = MainText(ref, record);
  if (ta == tb) ++st->pages_identical_text;
  if (ta != tb && std::getenv("SYN_DIFF_VERBOSE") != nullptr) {
    size_t p = 0;
    while (p < ta.size() && p < tb.size() && ta[p] == tb[p]) ++p;
    std::printf("  %s: main text differs at byte %zu: ours [%s] gumbo [%s]\n",
                name.c_str(), p, ta.substr(p, 80).c_str(),
                tb.substr(p, 80).c_str());
  }
  double sim = Similarity(ta, tb);
  if (sim >= 0.99) ++st->pages_similar_text;
  if (sim < 0.99) {
    // Reported here; the callers assert the share of such pages.
    std::printf("  %s: main text similarity %.4f (ours %zu bytes, gumbo %zu)\n",
                name.c_str(), sim, ta.size(), tb.size());
  }
  ++st->pages;
}

void Report(const char* what, const DiffStats& st) {
  double rate = st.blocks ? static_cast<double>(st.unmatched) / st.blocks : 0;
  std::printf(
      "[ differential %s ] %d pages, %zu blocks, %zu unmatched (%.4f%%), "
      "worst page %.4f%% (%s); all nodes: %zu, %zu insert/delete edits "
      "(%.4f%%); main text identical on %d, similarity >= 0.99 on %d\n",
      what, st.pages, st.blocks, st.unmatched, 100 * rate, 100 * st.worst_rate,
      st.worst_page.c_str(), st.nodes, st.node_edits,
      st.nodes ? 100.0 * st.node_edits / st.nodes : 0.0,
      st.pages_identical_text, st.pages_similar_text);
}

TEST(HtmlTreeDifferential, MatchesGumboOnBenchmarkPages) {
  fs::path dir =
      fs::path(SYN_SHARED_DIR) / "data/article-extraction-scrapinghub/html";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no " << dir;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  DiffStats st;
  for (const fs::path& f : files) {
    std::string html = f.extension() == ".gz" ? ReadGz(f) : ReadFile(f);
    Compare(f.filename().string(), html, &st);
  }
  Report("scrapinghub", st);
  ASSERT_GT(st.pages, 0);
  // Measured on the 88 development pages: 0 unmatched blocks of 15887 and
  // 0 node edits of 88131, main text identical on all. These pages were
  // saved from a browser's DOM, so they are well-formed and any difference
  // is a bug in our tree builder; the bounds leave room for a handful of
  // nodes only (the held-back half may hold a construct we do not model),
  // and the main text must agree on >= 98% of pages.
  EXPECT_LE(static_cast<double>(st.unmatched), 0.001 * st.blocks);
  EXPECT_LE(static_cast<double>(st.node_edits), 0.001 * st.nodes);
  EXPECT_LE(st.worst_rate, 0.02);
  EXPECT_GE(st.pages_identical_text * 100, st.pages * 98);
  EXPECT_GE(st.pages_similar_text * 100, st.pages * 98);
}

// Raw (not browser-serialised) pages exercise error recovery far more than
// the benchmark's pages: point SYN_DIFF_HTML_DIR at a folder of *.html
// files (for example the unpacked trafilatura-eval html.tar.xz) to run the
// same comparison on them. Skipped when unset.
TEST(HtmlTreeDifferential, MatchesGumboOnPagesInDir) {
  const char* env = std::getenv("SYN_DIFF_HTML_DIR");
  if (env == nullptr || !fs::is_directory(env))
    GTEST_SKIP() << "SYN_DIFF_HTML_DIR not set";
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(env)) {
    if (e.path().extension() == ".html" || e.path().extension() == ".htm")
      files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  DiffStats st;
  for (const fs::path& f : files) {
    Compare(f.filename().string(), ReadFile(f), &st);
  }
  Report("dir", st);
  // Measured on the 1032 raw trafilatura-eval pages: 8 unmatched blocks of
  // 209345, 28 node edits of 1161371, main text identical on 1029 (the
  // other 3 differ by C1 control characters that gumbo replaces with
  // U+FFFD and we keep, as the standard does), all >= 0.99 similar.
  EXPECT_LE(static_cast<double>(st.unmatched), 0.001 * st.blocks);
  EXPECT_LE(static_cast<double>(st.node_edits), 0.001 * st.nodes);
  EXPECT_GE(st.pages_similar_text * 100, st.pages * 98);
}

TEST(HtmlTreeDifferential, MatchesGumboOnExamples) {
  fs::path dir = fs::path(SYN_SOURCE_DIR) / "examples";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no " << dir;
  DiffStats st;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.path().extension() != ".html") continue;
    Compare(e.path().filename().string(), ReadFile(e.path()), &st);
  }
  Report("examples", st);
  EXPECT_EQ(st.unmatched, 0u);
  EXPECT_EQ(st.node_edits, 0u);
  EXPECT_EQ(st.pages_identical_text, st.pages);
}

}  // namespace
}  // namespace synoptic::extract::internal::html
