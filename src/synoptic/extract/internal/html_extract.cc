// HTML pages: one parse into the compact tree (html_tree.h: our own
// tokenizer and tree builder), one iterative walk, then container choice.
//
// Design. The walk (explicit stack, so 10^5-deep nesting is fine) flattens
// the visible DOM into blocks: the text of each block-level element with
// inline children folded in, plus how much of it sits inside links. Script,
// style, forms controls, nav/aside/footer and hidden elements contribute no
// text; head metadata (meta, link, title, JSON-LD) is harvested on the way.
// The article container is chosen the way Readability popularised: each
// paragraph-sized block adds a score (1 + commas + length/100, damped by
// link density) to its parent, half to the grandparent, a third to the
// great-grandparent; the element's class/id cues and tag (article, main,
// itemprop=articleBody) adjust it and its subtree link density scales it.
// Because articles are often cut into chunks (ads, embeds, one wrapper per
// paragraph), the winner then grows: to the deepest element holding most of
// the page's sentence-like text when it holds under half of it, and up to
// four ancestors while each adds 30% more such text, then to an enclosing
// <article> that holds little else (its header carries the lead). Siblings
// of the winner that score well or are plain paragraphs join it. A chrome
// region holding most of the page is a layout wrapper, except a comment
// thread or a consent/pop-up dialog, which stays chrome however long.
// <noscript> content is walked like any markup (script-built pages put their
// text there). The container's blocks then go through SelectMain() (units.h)
// with chrome regions inside the container (related, share, comments, captions,
// ...) pre-marked, which prunes link lists, "Related"/"Most read" sections,
// bylines and captions the container still holds.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "synoptic/extract/internal/cues.h"
#include "synoptic/extract/internal/extractors.h"
#include "synoptic/extract/internal/html_tree.h"
#include "synoptic/extract/internal/text_util.h"
#include "synoptic/extract/internal/units.h"

namespace synoptic::extract::internal {
namespace {

using html::AttrId;
using html::kNoNode;
using html::Tag;
using html::Tree;

constexpr size_t kMaxGather = 400;

struct Elem {
  int parent = -1;
  int end = 0;  // last descendant element index (preorder)
  int depth = 0;
  Tag tag = Tag::kUnknown;
  int weight = 0;
  bool chrome = false;   // class/id names a chrome region
  bool strict = false;   // ... one that never is a layout wrapper
  bool article = false;  // <article> or itemprop=articleBody
  int chrome_anc = -1;   // nearest chrome-region ancestor-or-self
  int list_anc = -1;     // nearest ancestor-or-self named as a story list
  double content = 0;
  uint32_t chars = 0;  // subtree text bytes
  uint32_t link_chars = 0;
};

struct Block {
  std::string text;
  TextShape shape;  // ShapeOf(text), computed once
  int owner = 0;
  uint32_t chars = 0;
  uint32_t link_chars = 0;
  bool in_quote = false;
};

// A date shown by an element: <time>, itemprop=datePublished/dateModified,
// or an element whose class/id names a date ("post-date", "datum").
struct TimeCand {
  int elem;
  std::string value;
  bool published_hint;  // itemprop=datePublished, pubdate, class "publish"
  bool modified_hint;   // itemprop=dateModified, class "modified"/"updated"
  bool text;            // `value` is visible text, not a machine value
  bool styled;          // only its class/id says it is a date
  // Inside an <aside> or <footer> (whose text is never read): `elem` is the
  // element holding it, `at` its place in document order (the next
  // element's index); -1 when not in one. `footer`: a <footer>.
  int at = -1;
  bool footer = false;
};

constexpr size_t kMaxTimeCands = 96;
// Text bytes of a teaser card (headline, date, a line of summary) at most.
constexpr uint32_t kMaxTeaserChars = 600;

enum class DateCue { kNone, kDate, kPublished, kRevision };

// Whether a class/id value may hold one of DateCueOf()'s words: it has
// "dat", "tim", "pub", "pos", "cre", "ers", "mod" or "cha" somewhere.
bool MayNameDate(std::string_view v) {
  for (size_t i = 0; i + 2 < v.size(); ++i) {
    const char a = AsciiLower(v[i]);
    if (a != 'd' && a != 't' && a != 'p' && a != 'c' && a != 'e' && a != 'm')
      continue;
    const char b = AsciiLower(v[i + 1]), c = AsciiLower(v[i + 2]);
    if ((a == 'd' && b == 'a' && c == 't') ||
        (a == 't' && b == 'i' && c == 'm') ||
        (a == 'p' && b == 'u' && c == 'b') ||
        (a == 'p' && b == 'o' && c == 's') ||
        (a == 'c' && b == 'r' && c == 'e') ||
        (a == 'e' && b == 'r' && c == 's') ||
        (a == 'm' && b == 'o' && c == 'd') ||
        (a == 'c' && b == 'h' && c == 'a'))
      return true;
  }
  return false;
}

// What an element's class/id says about a date it shows.
DateCue DateCueOf(std::string_view cls, std::string_view id) {
  if (cls.empty() && id.empty()) return DateCue::kNone;
  // Most class names name no date at all: one pass over each first.
  if (!MayNameDate(cls) && !MayNameDate(id)) return DateCue::kNone;
  auto has = [&](std::string_view k) {
    return ContainsCi(cls, k) || ContainsCi(id, k);
  };
  if (has("updat") || has("modif") || has("lastmod") || has("changed"))
    return DateCue::kRevision;
  if (has("publish") || has("pubdate") || has("posted") || has("created") ||
      has("erstellt"))
    return DateCue::kPublished;
  if (has("date") || has("datum")) return DateCue::kDate;
  if (has("time") && !has("timeline") && !has("readtime") &&
      !has("read-time") && !has("reading-time") && !has("runtime") &&
      !has("timer"))
    return DateCue::kDate;
  return DateCue::kNone;
}

// Inline or small block elements that may show a date as their text.
bool MayShowDate(Tag t) {
  switch (t) {
    case Tag::kSpan:
    case Tag::kDiv:
    case Tag::kP:
    case Tag::kSmall:
    case Tag::kAbbr:
    case Tag::kLi:
    case Tag::kDd:
    case Tag::kEm:
    case Tag::kStrong:
    case Tag::kB:
    case Tag::kI:
    case Tag::kFont:
    case Tag::kTd:
      return true;
    default:
      return false;
  }
}

struct TextCand {
  int elem;
  std::string text;
};

bool IsBlockTag(Tag t) {
  switch (t) {
    case Tag::kAddress:
    case Tag::kArticle:
    case Tag::kBlockquote:
    case Tag::kBody:
    case Tag::kCenter:
    case Tag::kDd:
    case Tag::kDetails:
    case Tag::kDir:
    case Tag::kDiv:
    case Tag::kDl:
    case Tag::kDt:
    case Tag::kFieldset:
    case Tag::kFigure:
    case Tag::kForm:
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
    case Tag::kHeader:
    case Tag::kHgroup:
    case Tag::kHr:
    case Tag::kHtml:
    case Tag::kLi:
    case Tag::kMain:
    case Tag::kMenu:
    case Tag::kOl:
    case Tag::kP:
    case Tag::kPre:
    case Tag::kSection:
    case Tag::kSummary:
    case Tag::kTable:
    case Tag::kTbody:
    case Tag::kTfoot:
    case Tag::kThead:
    case Tag::kTr:
    case Tag::kUl:
    case Tag::kCaption:
    case Tag::kLegend:
      return true;
    default:
      return false;
  }
}

bool IsSkipTag(Tag t) {
  switch (t) {
    case Tag::kScript:
    case Tag::kStyle:
    case Tag::kTemplate:
    case Tag::kSvg:
    case Tag::kMath:
    case Tag::kIframe:
    case Tag::kObject:
    case Tag::kEmbed:
    case Tag::kCanvas:
    case Tag::kVideo:
    case Tag::kAudio:
    case Tag::kNav:
    case Tag::kAside:
    case Tag::kFooter:
    case Tag::kButton:
    case Tag::kSelect:
    case Tag::kTextarea:
    case Tag::kInput:
    case Tag::kLabel:
    case Tag::kFigcaption:
    case Tag::kTitle:
    case Tag::kHead:
    case Tag::kOption:
    case Tag::kMenuitem:
      return true;
    default:
      return false;
  }
}

bool IsHeadingTag(Tag t) {
  return t == Tag::kH1 || t == Tag::kH2 || t == Tag::kH3 || t == Tag::kH4 ||
         t == Tag::kH5 || t == Tag::kH6;
}

// Leaf-ish blocks whose score goes to their parent.
bool IsParagraphTag(Tag t) {
  return t == Tag::kP || t == Tag::kPre || t == Tag::kBlockquote ||
         t == Tag::kLi || t == Tag::kDd || t == Tag::kDt || t == Tag::kTr ||
         IsHeadingTag(t);
}

bool IsHidden(const Tree& t, uint32_t n) {
  if (t.HasAttr(n, AttrId::kHidden)) return true;
  if (EqualsCi(t.Attr(n, AttrId::kAriaHidden), "true")) return true;
  std::string_view style = t.Attr(n, AttrId::kStyle);
  if (!style.empty()) {
    std::string s = LowerAscii(style);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (s.find("display:none") != std::string::npos ||
        s.find("visibility:hidden") != std::string::npos) {
      return true;
    }
  }
  std::string_view role = t.Attr(n, AttrId::kRole);
  return EqualsCi(role, "navigation") || EqualsCi(role, "contentinfo") ||
         EqualsCi(role, "complementary") || EqualsCi(role, "search");
}

// Bounded text of a subtree (byline widgets, rel=author links, <title>).
void GatherText(const Tree& t, uint32_t root, std::string* out) {
  std::vector<uint32_t> stack{root};
  bool pending = false;
  size_t visited = 0;
  while (!stack.empty() && out->size() < kMaxGather && ++visited < 2000) {
    uint32_t n = stack.back();
    stack.pop_back();
    const html::Node& x = t.nodes[n];
    if (x.tag == Tag::kText) {
      AppendCollapsed(t.Text(n), out, &pending);
      pending = true;
    } else {
      if (n != root && IsSkipTag(x.tag)) continue;
      size_t at = stack.size();
      for (uint32_t c = x.first_child; c != kNoNode; c = t.nodes[c].next)
        stack.push_back(c);
      std::reverse(stack.begin() + at, stack.end());
    }
  }
  if (out->size() > kMaxGather) out->resize(kMaxGather);
  *out = std::string(Trim(*out));
}

struct Meta {
  std::string_view key;
  std::string value;
};

// Meta keys we read, lower-case (property, name or itemprop).
constexpr std::array<std::string_view, 32> kMetaKeys = {
    "og:title",
    "twitter:title",
    "og:site_name",
    "og:url",
    "article:published_time",
    "og:published_time",
    "published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc:date",
    "citation_publication_date",
    "dc.date.issued",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "application-name",
    "twitter:site",
};

class Walker {
 public:
  explicit Walker(const Tree& tree) : t_(tree) { buf_.reserve(4096); }

  void Run();

  std::vector<Elem> elems;
  std::vector<Block> blocks;
  std::vector<Meta> metas;
  std::vector<std::string> jsonld;
  std::vector<TimeCand> times;
  std::vector<TextCand> bylines;  // class/itemprop author or byline, rel=author
  std::string title_tag;
  std::string canonical;

 private:
  struct Frame {
    uint32_t node;
    uint32_t next_child;
    int elem;
    bool block;
    bool link;
    bool quote;
  };

  void Enter(uint32_t node);
  void Flush();
  void AddMeta(uint32_t n);
  void AsideDates(uint32_t aside, bool footer);

  const Tree& t_;
  std::vector<Frame> stack_;
  std::vector<int> owners_;  // block owner stack
  std::string buf_;
  bool pending_ = false;
  uint32_t buf_link_ = 0;
  int link_depth_ = 0;
  int quote_depth_ = 0;
  int br_run_ = 0;
};

void Walker::Flush() {
  std::string_view t = Trim(buf_);
  if (!t.empty() && !owners_.empty()) {
    Block b;
    b.text = std::string(t);
    b.shape = ShapeOf(b.text);
    b.owner = owners_.back();
    b.chars = static_cast<uint32_t>(b.text.size());
    b.link_chars = std::min(buf_link_, b.chars);
    b.in_quote = quote_depth_ > 0;
    blocks.push_back(std::move(b));
  }
  buf_.clear();
  buf_link_ = 0;
  pending_ = false;
  br_run_ = 0;
}

void Walker::AddMeta(uint32_t n) {
  std::string_view key = t_.Attr(n, AttrId::kProperty);
  if (key.empty()) key = t_.Attr(n, AttrId::kName);
  if (key.empty()) key = t_.Attr(n, AttrId::kItemprop);
  if (key.empty() || key.size() > 40) return;
  std::string lk = LowerAscii(key);
  std::string_view content = t_.Attr(n, AttrId::kContent);
  if (content.empty()) return;
  for (std::string_view k : kMetaKeys) {
    if (lk == k) {
      for (const Meta& m : metas) {
        if (m.key == k) return;  // first wins
      }
      metas.push_back({k, std::string(Trim(content.substr(0, 1000)))});
      return;
    }
  }
}

// An <aside> or <footer> is page furniture and none of its text is read,
// but articles often set the byline and date in one ("<aside
// class="meta"><time itemprop="datePublished" ...>", a CMS's "<footer
// class="node__meta">"). Its publication-marked machine dates are kept
// (itemprop=datePublished, a pubdate attribute, RDFa
// property=schema:datePublished or dateCreated), placed at the box;
// whether the box belongs to the article is decided later, with the rest
// of the page known.
void Walker::AsideDates(uint32_t aside, bool footer) {
  const int holder = stack_.empty() ? -1 : stack_.back().elem;
  if (holder < 0) return;
  const int at = static_cast<int>(elems.size());
  std::vector<uint32_t> todo;
  int visited = 0;
  for (uint32_t c = t_.nodes[aside].first_child; c != kNoNode;
       c = t_.nodes[c].next)
    todo.push_back(c);
  while (!todo.empty() && ++visited < 400 && times.size() < kMaxTimeCands) {
    const uint32_t n = todo.back();
    todo.pop_back();
    const html::Node& x = t_.nodes[n];
    if (x.tag == Tag::kText || IsHidden(t_, n)) continue;
    const std::string_view property = t_.Attr(n, AttrId::kProperty);
    const bool pub = EqualsCi(t_.Attr(n, AttrId::kItemprop), "datePublished") ||
                     t_.HasAttr(n, AttrId::kPubdate) ||
                     ContainsCi(property, "datePublished") ||
                     ContainsCi(property, "dateCreated");
    std::string_view v = t_.Attr(n, AttrId::kDatetime);
    if (v.empty()) v = t_.Attr(n, AttrId::kContent);
    if (pub && !v.empty()) {
      times.push_back({holder, std::string(v.substr(0, 200)), true, false,
                       false, false, at, footer});
    }
    for (uint32_t c = x.first_child; c != kNoNode; c = t_.nodes[c].next)
      todo.push_back(c);
  }
}

void Walker::Enter(uint32_t node) {
  const html::Node& x = t_.nodes[node];
  if (x.tag == Tag::kText) {
    if (x.whitespace) {
      pending_ = true;  // keeps a <br> run going ("<br> <br>")
      return;
    }
    if (br_run_ >= 2) Flush();
    if (br_run_ == 1) pending_ = true;
    br_run_ = 0;
    size_t before = buf_.size();
    AppendCollapsed(t_.Text(node), &buf_, &pending_);
    if (link_depth_ > 0)
      buf_link_ += static_cast<uint32_t>(buf_.size() - before);
    return;
  }
  Tag tag = x.tag;
  switch (tag) {
    case Tag::kMeta:
      AddMeta(node);
      return;
    case Tag::kLink:
      if (canonical.empty() &&
          EqualsCi(t_.Attr(node, AttrId::kRel), "canonical")) {
        canonical = std::string(Trim(t_.Attr(node, AttrId::kHref)));
      }
      return;
    case Tag::kScript: {
      if (x.first_child == kNoNode || jsonld.size() >= 16 ||
          t_.nodes[x.first_child].tag != Tag::kText) {
        return;
      }
      std::string_view type = t_.Attr(node, AttrId::kType);
      std::string_view body = t_.Text(x.first_child);
      bool ld = ContainsCi(type, "ld+json");
      if (!ld && type.empty()) {
        // Some pages put schema.org JSON-LD in an untyped <script>.
        std::string_view head = Trim(body).substr(0, 300);
        ld = !head.empty() && (head[0] == '{' || head[0] == '[') &&
             head.find("\"@context\"") != std::string_view::npos &&
             ContainsCi(head, "schema.org");
      }
      if (ld) jsonld.emplace_back(body);
      return;
    }
    case Tag::kTitle:
      if (title_tag.empty()) GatherText(t_, node, &title_tag);
      return;
    case Tag::kBr:
      ++br_run_;
      pending_ = true;
      return;
    default:
      break;
  }
  if (tag == Tag::kHead) {
    // Walk head children for meta/link/script/title but keep no text.
    for (uint32_t c = x.first_child; c != kNoNode; c = t_.nodes[c].next) {
      Tag ct = t_.nodes[c].tag;
      if (ct == Tag::kMeta || ct == Tag::kLink || ct == Tag::kScript ||
          ct == Tag::kTitle) {
        Enter(c);
      }
    }
    return;
  }
  if ((tag == Tag::kAside || tag == Tag::kFooter) && !IsHidden(t_, node))
    AsideDates(node, tag == Tag::kFooter);
  if (IsSkipTag(tag) || IsHidden(t_, node)) return;

  std::string_view cls = t_.Attr(node, AttrId::kClass);
  std::string_view id = t_.Attr(node, AttrId::kId);
  std::string_view itemprop = t_.Attr(node, AttrId::kItemprop);
  std::string_view rel = t_.Attr(node, AttrId::kRel);

  Elem el;
  el.parent = stack_.empty() ? -1 : stack_.back().elem;
  el.depth = el.parent < 0 ? 0 : elems[el.parent].depth + 1;
  el.tag = tag;
  const ClassIdCues cues = ScoreClassId(cls, id);
  el.weight = cues.weight;
  switch (tag) {
    case Tag::kArticle:
      el.weight += 25;
      break;
    case Tag::kMain:
      el.weight += 15;
      break;
    case Tag::kDiv:
      el.weight += 5;
      break;
    case Tag::kSection:
      el.weight += 3;
      break;
    case Tag::kTd:
    case Tag::kBlockquote:
      el.weight += 3;
      break;
    case Tag::kForm:
      el.weight -= 20;
      break;
    case Tag::kUl:
    case Tag::kOl:
    case Tag::kDl:
      el.weight -= 3;
      break;
    case Tag::kHeader:
      el.weight -= 10;
      break;
    default:
      break;
  }
  if (EqualsCi(itemprop, "articleBody") || EqualsCi(itemprop, "text"))
    el.weight += 50;
  el.article = tag == Tag::kArticle || EqualsCi(itemprop, "articleBody");
  el.chrome = cues.chrome;
  el.strict = cues.strict;
  el.chrome_anc = el.chrome
                      ? static_cast<int>(elems.size())
                      : (el.parent >= 0 ? elems[el.parent].chrome_anc : -1);
  el.list_anc = cues.story_list
                    ? static_cast<int>(elems.size())
                    : (el.parent >= 0 ? elems[el.parent].list_anc : -1);
  int idx = static_cast<int>(elems.size());
  elems.push_back(el);

  // Metadata carried by body elements.
  const bool dated_tag = tag == Tag::kTime ||
                         EqualsCi(itemprop, "datePublished") ||
                         EqualsCi(itemprop, "dateModified");
  const DateCue cue =
      dated_tag || MayShowDate(tag) ? DateCueOf(cls, id) : DateCue::kNone;
  if ((dated_tag || cue != DateCue::kNone) && times.size() < kMaxTimeCands) {
    std::string_view v = t_.Attr(node, AttrId::kDatetime);
    if (v.empty()) v = t_.Attr(node, AttrId::kContent);
    if (!dated_tag) v = {};  // a styled box: its text is the date
    std::string text;
    if (v.empty()) GatherText(t_, node, &text);
    // A pubdate or itemprop=datePublished, or a "published" class, names the
    // publication even when a class also says "updated" (hAtom themes write
    // "entry-date published updated" on the publication date).
    const bool pub = EqualsCi(itemprop, "datePublished") ||
                     t_.HasAttr(node, AttrId::kPubdate) ||
                     cue == DateCue::kPublished ||
                     (cue == DateCue::kRevision && ContainsCi(cls, "publish"));
    const bool mod = !pub && (EqualsCi(itemprop, "dateModified") ||
                              cue == DateCue::kRevision);
    if (!v.empty() || (!text.empty() && text.size() <= 120)) {
      times.push_back({idx, v.empty() ? text : std::string(v.substr(0, 200)),
                       pub, mod, v.empty(), !dated_tag});
    }
  }
  if ((EqualsCi(itemprop, "author") || EqualsCi(rel, "author") ||
       ContainsCi(cls, "byline") || ContainsCi(cls, "author")) &&
      bylines.size() < 16 && !ContainsCi(cls, "bio") &&
      !ContainsCi(cls, "description")) {
    std::string text;
    GatherText(t_, node, &text);
    if (!text.empty() && text.size() < 300)
      bylines.push_back({idx, std::move(text)});
  }

  bool block = IsBlockTag(tag);
  if (block) {
    Flush();
    owners_.push_back(idx);
  } else if ((tag == Tag::kTd || tag == Tag::kTh) && !buf_.empty()) {
    buf_ += " |";
    pending_ = true;
  }
  bool link = tag == Tag::kA;
  bool quote = tag == Tag::kBlockquote || tag == Tag::kQ;
  if (link) ++link_depth_;
  if (quote) ++quote_depth_;
  stack_.push_back({node, x.first_child, idx, block, link, quote});
}

void Walker::Run() {
  if (t_.nodes.empty()) return;
  Enter(0);
  while (!stack_.empty()) {
    Frame& f = stack_.back();
    if (f.next_child != kNoNode) {
      uint32_t c = f.next_child;
      f.next_child = t_.nodes[c].next;
      Enter(c);  // may push; `f` is not used after this
      continue;
    }
    Frame done = f;
    stack_.pop_back();
    if (done.block) {
      Flush();
      owners_.pop_back();
    }
    if (done.link) --link_depth_;
    if (done.quote) --quote_depth_;
    elems[done.elem].end = static_cast<int>(elems.size()) - 1;
  }
  Flush();
}

std::string MetaValue(const Walker& w, std::string_view key) {
  for (const Meta& m : w.metas) {
    if (m.key == key) return m.value;
  }
  return "";
}

bool Inside(const std::vector<Elem>& elems, int e, int root) {
  return e >= root && e <= elems[root].end;
}

std::string AbsoluteUrl(std::string_view href, std::string_view base) {
  href = Trim(href);
  if (StartsWithCi(href, "http://") || StartsWithCi(href, "https://"))
    return std::string(href);
  if (href.size() > 1 && href[0] == '/' && href[1] != '/') {
    size_t p = base.find("://");
    if (p == std::string_view::npos) return "";
    size_t e = base.find('/', p + 3);
    return std::string(base.substr(0, e)) + std::string(href);
  }
  return "";
}

}  // namespace

void ExtractHtmlTree(const html::Tree& tree, const ingest::InputRecord& record,
                     const std::optional<civil::Date>& not_after,
                     Draft* draft) {
  Walker w(tree);
  w.Run();

  std::vector<Elem>& elems = w.elems;
  std::vector<Block>& blocks = w.blocks;
  const int ne = static_cast<int>(elems.size());

  // Subtree text and link totals (children come after parents in preorder).
  for (const Block& b : blocks) {
    elems[b.owner].chars += b.chars;
    elems[b.owner].link_chars += b.link_chars;
  }
  for (int i = ne - 1; i > 0; --i) {
    int p = elems[i].parent;
    if (p >= 0) {
      elems[p].chars += elems[i].chars;
      elems[p].link_chars += elems[i].link_chars;
    }
  }

  // Content scores.
  for (const Block& b : blocks) {
    const Elem& owner = elems[b.owner];
    const TextShape& s = b.shape;
    if (b.chars < 25) continue;
    // Headings score nothing, unless they hold sentences (body text set in
    // a heading tag; the same test as IsProse() in units.cc).
    if (IsHeadingTag(owner.tag) &&
        !((s.words >= 12 && s.ends_terminal && !s.ends_question) ||
          s.words >= 30))
      continue;
    double ld = b.chars ? static_cast<double>(b.link_chars) / b.chars : 0;
    double score =
        (1.0 + s.commas + std::min(b.chars / 100.0, 3.0)) * (1.0 - ld);
    int e = IsParagraphTag(owner.tag) ? owner.parent : b.owner;
    const double share[3] = {1.0, 0.5, 1.0 / 3};
    for (int lvl = 0; lvl < 3 && e >= 0; ++lvl) {
      elems[e].content += score * share[lvl];
      e = elems[e].parent;
    }
  }
  // A chrome-named element holding most of the page (<body class="with-
  // sidebar">) is a layout wrapper, not a region to drop; but a comment
  // thread or a consent dialog stays one however long it runs, unless it
  // holds the page's headline (then its name is a page-level flag such as
  // "has-comments" or "modal-open").
  const uint32_t total_chars = ne > 0 ? elems[0].chars : 0;
  int first_h1 = -1;
  for (const Block& b : blocks) {
    if (elems[b.owner].tag == Tag::kH1) {
      first_h1 = b.owner;
      break;
    }
  }
  auto small_region = [&](int c) {
    if (elems[c].strict && !(first_h1 >= c && first_h1 <= elems[c].end))
      return true;
    return elems[c].chars * 2 < total_chars;
  };
  int best = -1;
  double best_score = 0;
  std::vector<double> final_score(ne, 0);
  for (int i = 0; i < ne; ++i) {
    if (elems[i].content <= 0) continue;
    double ld = elems[i].chars
                    ? static_cast<double>(elems[i].link_chars) / elems[i].chars
                    : 0;
    final_score[i] = (elems[i].content + elems[i].weight) * (1.0 - ld);
    // Inside a comments/related/sidebar region: rarely the article.
    if (elems[i].chrome_anc >= 0 && small_region(elems[i].chrome_anc))
      final_score[i] *= 0.3;
    if (final_score[i] > best_score) {
      best_score = final_score[i];
      best = i;
    }
  }

  // An article split into chunks (ads or embeds between them) has the
  // winner as one chunk: climb while an ancestor holds clearly more
  // sentence-like paragraph text outside chrome regions.
  if (best >= 0) {
    std::vector<uint32_t> good(ne, 0);
    for (const Block& b : blocks) {
      int c = elems[b.owner].chrome_anc;
      if (c >= 0 && small_region(c)) continue;
      if (b.chars < 80 || b.link_chars * 10 > b.chars * 3) continue;
      if (!b.shape.ends_terminal) continue;
      good[b.owner] += b.chars;
    }
    for (int i = ne - 1; i > 0; --i) {
      if (elems[i].parent >= 0) good[elems[i].parent] += good[i];
    }
    // When the winner holds under half of the page's sentence-like text
    // (paragraphs each wrapped in their own boxes, so no single parent
    // collects their scores), take the deepest element holding most of it.
    // A page with barely a paragraph of such text (a cookie notice and a
    // short post) gives this rule nothing to go on.
    if (ne > 0 && good[best] * 2 < good[0] && good[0] >= 400) {
      int deepest = -1;
      for (int i = 0; i < ne; ++i) {
        if (good[i] * 10 >= good[0] * 6 &&
            (deepest < 0 || elems[i].depth > elems[deepest].depth)) {
          deepest = i;
        }
      }
      if (deepest >= 0) {
        best = deepest;
        best_score = std::max(best_score, final_score[deepest]);
      }
    }
    for (int step = 0; step < 4; ++step) {
      int a = elems[best].parent;
      if (a < 0 || elems[a].tag == Tag::kBody || elems[a].tag == Tag::kHtml)
        break;
      if (elems[a].chrome && small_region(a)) break;
      double ld = elems[a].chars ? static_cast<double>(elems[a].link_chars) /
                                       elems[a].chars
                                 : 0;
      if (good[a] * 10 < good[best] * 13 || ld > 0.4) {
        if (good[a] == good[best]) {
          best = a;  // a plain wrapper: keep looking upward
          continue;
        }
        break;
      }
      best = a;
      best_score = std::max(best_score, final_score[a]);
    }
    // The body text often sits in a box of its own inside the <article>
    // element, with the lead paragraph in the article's header: when an
    // <article> (or itemprop=articleBody) element a few levels up holds
    // little else, it is the container.
    int a = elems[best].parent;
    for (int step = 0; step < 4 && a >= 0; ++step, a = elems[a].parent) {
      if (elems[a].tag == Tag::kBody || elems[a].tag == Tag::kHtml) break;
      if (elems[a].chrome && small_region(a)) break;
      if (!elems[a].article) continue;
      const double ld =
          elems[a].chars
              ? static_cast<double>(elems[a].link_chars) / elems[a].chars
              : 0;
      if (ld <= 0.35 && elems[a].chars <= 2 * elems[best].chars + 2000) {
        best = a;
        best_score = std::max(best_score, final_score[a]);
      }
      break;
    }
  }

  // Roots of the article region: the winner plus good siblings.
  std::vector<int> roots;
  if (best >= 0 && best_score >= 10) {
    int parent = elems[best].parent;
    double threshold = std::max(10.0, best_score * 0.2);
    if (parent >= 0) {
      for (int c = parent + 1; c <= elems[parent].end; c = elems[c].end + 1) {
        if (c == best) {
          roots.push_back(c);
          continue;
        }
        if (elems[c].chrome) continue;
        bool good = final_score[c] >= threshold;
        if (!good && elems[c].tag == Tag::kP && elems[c].chars > 80) {
          good = elems[c].link_chars * 4 < elems[c].chars;
        }
        if (good) roots.push_back(c);
      }
    } else {
      roots.push_back(best);
    }
  }

  // Units: blocks inside the roots, in document order (or all blocks when no
  // container stands out).
  std::vector<Unit> units;
  units.reserve(blocks.size());
  size_t root_i = 0;
  for (const Block& b : blocks) {
    int root = -1;
    if (!roots.empty()) {
      while (root_i < roots.size() && b.owner > elems[roots[root_i]].end)
        ++root_i;
      if (root_i >= roots.size()) break;
      if (!Inside(elems, b.owner, roots[root_i])) continue;
      root = roots[root_i];
    }
    const Elem& owner = elems[b.owner];
    Unit u;
    u.text = b.text;
    u.shape = b.shape;
    u.has_shape = true;
    u.bullet = owner.tag == Tag::kLi || owner.tag == Tag::kDd;
    u.tag_heading = IsHeadingTag(owner.tag);
    u.tag_h1 = owner.tag == Tag::kH1;
    u.tag_paragraph = owner.tag == Tag::kP || owner.tag == Tag::kBlockquote ||
                      owner.tag == Tag::kPre || b.in_quote;
    u.group = owner.parent;
    u.table_row = owner.tag == Tag::kTr;
    u.link_density = b.chars ? static_cast<float>(b.link_chars) / b.chars : 0.f;
    int c = owner.chrome_anc;
    u.chrome = c >= 0 && small_region(c) &&
               (root < 0 || (c > root && Inside(elems, c, root)));
    if (b.in_quote) u.kind = UnitKind::kQuote;
    u.owner = b.owner;
    // The box a cue here would head: its parent, or the grandparent when
    // the parent holds only the cue (<header><h3>Related</h3></header>);
    // never a box holding half the article.
    int box = owner.parent;
    if (box >= 0 && elems[box].chars <= b.chars + 16 &&
        elems[box].parent >= 0) {
      box = elems[box].parent;
    }
    uint32_t region_chars = root >= 0 ? elems[root].chars : total_chars;
    bool big = box < 0 || box <= root || elems[box].chars * 2 > region_chars;
    u.box_end = big ? b.owner : elems[box].end;
    units.push_back(std::move(u));
  }
  draft->blocks_total = static_cast<uint32_t>(blocks.size());

  // Metadata needed by selection: the title.
  JsonLdArticle ld;
  for (const std::string& j : w.jsonld) ParseJsonLd(j, &ld);
  std::string site = MetaValue(w, "og:site_name");
  if (site.empty()) site = ld.publisher;
  if (site.empty()) site = record.site;
  std::string h1;
  int h1_elem = -1;
  for (const Block& b : blocks) {
    if (elems[b.owner].tag == Tag::kH1 && !b.text.empty()) {
      bool chrome_h1 = elems[b.owner].chrome_anc >= 0;
      if (h1.empty() ||
          (h1_elem >= 0 && elems[h1_elem].chrome_anc >= 0 && !chrome_h1)) {
        h1 = b.text;
        h1_elem = b.owner;
      }
      if (!roots.empty() && Inside(elems, b.owner, roots[0])) {
        h1 = b.text;
        h1_elem = b.owner;
        break;
      }
    }
  }
  std::string title = MetaValue(w, "og:title");
  if (title.empty()) title = ld.headline;
  const std::string declared_title = title;
  if (title.empty()) title = MetaValue(w, "twitter:title");
  if (title.empty()) title = w.title_tag;
  if (title.empty()) title = record.title;
  if (!h1.empty() && h1.size() <= 300) {
    std::string hk = NormKey(h1), tk = NormKey(title);
    size_t at = hk.empty() ? std::string::npos : tk.find(hk);
    if (title.empty() ||
        (at != std::string::npos && hk.size() * 3 >= tk.size())) {
      // "Site - Headline" or "Headline | Site": the rest names the site.
      if (site.empty() && at != std::string::npos &&
          tk.size() > hk.size() + 3) {
        std::string rest = at == 0 ? tk.substr(hk.size()) : tk.substr(0, at);
        std::string raw = w.title_tag;
        for (std::string_view sep :
             {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
          size_t p = at == 0 ? raw.rfind(sep) : raw.find(sep);
          if (p == std::string::npos) continue;
          std::string cand(
              Trim(at == 0 ? raw.substr(p + sep.size()) : raw.substr(0, p)));
          if (NormKey(cand) == NormKey(rest) && ShapeOf(cand).words <= 5)
            site = cand;
          break;
        }
      }
      title = h1;
    }
  }
  title = StripTitleSuffix(title, site);
  if (title.size() > 1000) title.resize(0);

  SelectOptions opt;
  opt.html = true;
  opt.title = title;
  for (const std::string& a : ld.authors) {
    if (opt.authors.size() < 8) opt.authors.push_back(a);
  }
  if (opt.authors.empty()) {
    std::string a = CleanAuthorName(MetaValue(w, "author"));
    if (!a.empty()) opt.authors.push_back(std::move(a));
  }
  Selection sel = SelectMain(&units, &opt);
  for (const Unit& u : units) {
    if (u.keep) {
      draft->paragraphs.emplace_back(u.text, static_cast<uint8_t>(u.kind));
      ++draft->blocks_kept;
    }
  }
  uint32_t kept_chars = 0;
  for (const auto& p : draft->paragraphs)
    kept_chars += static_cast<uint32_t>(p.first.size());
  uint32_t all_chars = 0;
  for (const Block& b : blocks) all_chars += b.chars;
  draft->chars_dropped = all_chars > kept_chars ? all_chars - kept_chars : 0;
  draft->title = title;
  draft->site = site;

  // URL.
  std::string url = AbsoluteUrl(w.canonical, record.url);
  if (url.empty()) url = AbsoluteUrl(MetaValue(w, "og:url"), record.url);
  if (url.empty()) url = record.url;
  draft->url = url;

  // Where the article starts and ends, in element order, for "near the
  // article" tests of <time> and bylines.
  int first_root = roots.empty() ? 0 : roots.front();
  int last_end = roots.empty() ? ne - 1 : elems[roots.back()].end;
  int head_from = h1_elem >= 0 && h1_elem < first_root ? h1_elem : first_root;
  if (!roots.empty() && elems[first_root].parent >= 0 &&
      head_from == first_root) {
    head_from = elems[first_root].parent;
  }
  // The headline, for placing the article's header: the <h1>, or failing
  // one a heading that repeats the page's title (an h2 or h3 in a hero box
  // above the article).
  int head_elem = h1_elem;
  if (head_elem < 0 && !title.empty()) {
    const std::string tk = NormKey(title);
    for (const Block& b : blocks) {
      if (b.owner > last_end) break;
      if (!IsHeadingTag(elems[b.owner].tag) || elems[b.owner].chrome_anc >= 0)
        continue;
      if (NormKey(b.text) == tk) {
        head_elem = b.owner;
        break;
      }
    }
  }
  auto near_article = [&](int e) {
    if (e < 0 || e >= ne) return false;
    // Inside a related/most-read/share region: never a source of metadata.
    if (elems[e].chrome_anc >= 0 && small_region(elems[e].chrome_anc))
      return false;
    return e >= head_from && e <= last_end;
  };

  // Published date. Sources, most trusted first:
  //  1. the page's declared publication date: JSON-LD datePublished and the
  //     publication meta tags (article:published_time, pubdate, ...);
  //  2. dates the article shows: <time> / itemprop=datePublished elements
  //     and date-classed boxes in its header, publication-marked first;
  //  3. datelines: bylines and short lines around the headline ("Von Jane
  //     Doe | 31.10.23"), or a date opening the lead ("29.11.2022 - ...");
  //     failing those, a line further down that says it is the publication
  //     ("Erschienen am: 01.11.2023");
  //  4. the generic meta tags (date, dc.date, dcterms.date), which many CMSs
  //     fill with the page's last change rather than its publication;
  //  5. a /2023/09/13/ URL path;
  //  6. a page title that opens with the day.
  // When the declared dates disagree among themselves, the one the article
  // also shows wins. A date inside a story list (related, most read,
  // comments, ...), inside a teaser card (a link or list item holding a
  // headline of its own) or in a list whose items each show a date is
  // another story's and is never read; nor is the headline itself, whose
  // dates are what the story is about.
  std::vector<uint8_t> has_heading(ne, 0);
  for (int i = ne - 1; i >= 0; --i) {
    if (IsHeadingTag(elems[i].tag)) has_heading[i] = 1;
    if (has_heading[i] && elems[i].parent >= 0)
      has_heading[elems[i].parent] = 1;
  }
  auto in_story_list = [&](int e) {
    const int l = elems[e].list_anc;
    if (l < 0) return false;
    // A page-level class ("has-sidebar") on a box holding the headline.
    if (head_elem >= 0 && Inside(elems, head_elem, l)) return false;
    return elems[l].chars * 2 < total_chars || elems[l].strict;
  };
  auto in_teaser_card = [&](int e) {
    for (int a = e, up = 0; a >= 0 && up < 8; a = elems[a].parent, ++up) {
      const Tag t = elems[a].tag;
      if (t != Tag::kA && t != Tag::kLi && t != Tag::kArticle) continue;
      if (!has_heading[a]) continue;
      if (head_elem >= 0 && Inside(elems, head_elem, a)) return false;
      if (!roots.empty() && Inside(elems, first_root, a)) return false;
      // A card is small: a headline, a date, perhaps a line of summary;
      // the page's own article box holds its text.
      return elems[a].chars <= kMaxTeaserChars;
    }
    return false;
  };
  int date_from = head_from;
  // The headline's box: its parent, or grandparent below <body>.
  auto head_box = [&](int h) {
    int p = elems[h].parent;
    if (elems[p].parent >= 0 && elems[elems[p].parent].tag != Tag::kBody)
      p = elems[p].parent;
    return p;
  };
  if (head_elem >= 0 && elems[head_elem].parent >= 0) {
    date_from = std::min(date_from, head_box(head_elem));
    // A hero header above the article often repeats its headline, with
    // the byline and date beside it: the first heading saying the same
    // words starts the article's header.
    std::string head_key;
    for (const Block& b : blocks) {
      if (b.owner == head_elem) {
        head_key = NormKey(b.text);
        break;
      }
    }
    for (const Block& b : blocks) {
      if (head_key.empty() || b.owner >= head_elem) break;
      if (!IsHeadingTag(elems[b.owner].tag) || elems[b.owner].chrome_anc >= 0 ||
          elems[b.owner].parent < 0)
        continue;
      if (NormKey(b.text) == head_key) {
        date_from = std::min(date_from, head_box(b.owner));
        break;
      }
    }
  }
  auto parse_cand = [](const TimeCand& t) {
    return t.text ? FindDatelineDate(t.value) : ParseDateValue(t.value);
  };
  // A list whose items each show a date (upcoming events, a press office's
  // other releases, an archive) lists other pages; the article's own date
  // stands alone. Items are the <li> a few levels above a date.
  auto item_of = [&](int e) {
    for (int a = e, up = 0; a >= 0 && up < 4; a = elems[a].parent, ++up) {
      if (elems[a].tag == Tag::kLi) return a;
    }
    return -1;
  };
  std::vector<uint8_t> dated_items(ne, 0);  // per list: items with a date
  {
    std::vector<int> last_item(ne, -1);
    for (const TimeCand& t : w.times) {
      const int li = t.at < 0 ? item_of(t.elem) : -1;
      if (li < 0 || elems[li].parent < 0) continue;
      const int list = elems[li].parent;
      if (last_item[list] == li || !parse_cand(t)) continue;
      last_item[list] = li;
      if (dated_items[list] < 255) ++dated_items[list];
    }
  }
  constexpr int kMinDatedItems = 3;
  auto in_dated_list = [&](int e) {
    const int li = item_of(e);
    return li >= 0 && elems[li].parent >= 0 &&
           dated_items[elems[li].parent] >= kMinDatedItems;
  };
  auto own_date = [&](int e) {
    if (e < 0 || e >= ne) return false;
    if (e < date_from || e > last_end) return false;
    return !in_story_list(e) && !in_teaser_card(e) && !in_dated_list(e);
  };

  // The article's header: up to its fourth paragraph of body text. A box
  // that only its class calls a date counts there; further down such boxes
  // are event calendars, deadlines and listings.
  int header_end = last_end;
  {
    int long_blocks = 0;
    for (const Block& b : blocks) {
      if (b.owner < date_from || b.chars <= 150) continue;
      if (b.owner > last_end) break;
      if (++long_blocks > 3) {
        header_end = b.owner;
        break;
      }
    }
  }

  // Dates the article shows (2 and 3), in order of trust.
  struct Shown {
    DateTime dt;
    DateSource from;
  };
  std::vector<Shown> shown;
  for (int pass = 0; pass < 2; ++pass) {
    for (const TimeCand& t : w.times) {
      if (t.modified_hint || t.published_hint != (pass == 0)) continue;
      if (!own_date(t.elem)) continue;
      // An aside counts in the article's header only (a byline box), not
      // as a sidebar beside or after the article; a footer anywhere in it.
      if (t.at >= 0 &&
          (t.at < date_from || t.at > (t.footer ? last_end : header_end)))
        continue;
      if (t.styled && !t.published_hint && t.elem > header_end) continue;
      // A box only its class calls a date is visible text, like a byline.
      if (std::optional<DateTime> d = parse_cand(t))
        shown.push_back(
            {*d, t.styled ? DateSource::kByline : DateSource::kTime});
    }
  }
  for (const TextCand& b : w.bylines) {
    if (!own_date(b.elem)) continue;
    if (std::optional<DateTime> d = FindDatelineDate(b.text))
      shown.push_back({*d, DateSource::kByline});
  }
  {
    // Short lines around the headline, up to the lead; the lead itself
    // when it opens with a date.
    // Long blocks above the headline (a promo, a sidebar's text) do not
    // end the search: the count starts again at the headline.
    int seen_body = 0;
    bool past_head = head_elem < 0;
    for (const Block& b : blocks) {
      if (b.owner < date_from) continue;
      if (!past_head && b.owner >= head_elem) {
        past_head = true;
        seen_body = 0;
      }
      if (b.owner > last_end || shown.size() >= 32) break;
      if (seen_body > 3) {
        if (past_head) break;
        continue;
      }
      if (b.owner == head_elem) {
        // The headline's own dates are what the story is about; but a
        // headline element holding the declared title and then a subline
        // ("<h1>Title<br><small>02.02.2022 | Verband</small></h1>") shows
        // the dateline after the title.
        const std::string_view text = Trim(b.text);
        const std::string_view stated = Trim(declared_title);
        if (!stated.empty() && text.size() > stated.size() &&
            text.substr(0, stated.size()) == stated) {
          if (std::optional<DateTime> d =
                  FindDatelineDate(text.substr(stated.size())))
            shown.push_back({*d, DateSource::kByline});
        }
        continue;
      }
      if (in_story_list(b.owner) || in_teaser_card(b.owner) ||
          in_dated_list(b.owner))
        continue;
      if (b.chars > 150) {
        // The lead, or the paragraph after a standfirst.
        if (seen_body++ < 2 && b.owner > head_elem) {
          if (std::optional<DateTime> d = LeadDatelineDate(b.text))
            shown.push_back({*d, DateSource::kByline});
        }
        continue;
      }
      if (IsHeadingTag(elems[b.owner].tag) && b.chars > 40) continue;
      if (std::optional<DateTime> d = FindDatelineDate(b.text))
        shown.push_back({*d, DateSource::kByline});
    }
  }
  if (shown.empty()) {
    // A line that says so ("Erschienen am: 01.11.2023", "Posted on May 3,
    // 2021") anywhere in the article, often at its foot; never in a quote
    // (an embedded post) or a comment, list or teaser.
    for (const Block& b : blocks) {
      if (b.owner < date_from || b.chars > 150 || b.in_quote) continue;
      if (b.owner > last_end) break;
      if (in_story_list(b.owner) || in_teaser_card(b.owner) ||
          in_dated_list(b.owner))
        continue;
      const int c = elems[b.owner].chrome_anc;
      if (c >= 0 && small_region(c)) continue;
      bool published_cue = false;
      std::optional<DateTime> d = FindDatelineDate(b.text, &published_cue);
      if (d && published_cue) {
        shown.push_back({*d, DateSource::kByline});
        break;
      }
    }
  }

  // 1: declared dates.
  struct Declared {
    std::optional<DateTime> dt;
    DateSource from;
  };
  std::vector<Declared> declared;
  declared.push_back({ParseDateValue(ld.date_published), DateSource::kJsonLd});
  for (std::string_view k :
       {"article:published_time", "og:published_time", "published_time",
        "datepublished", "pubdate", "publishdate", "publish-date",
        "publish_date", "dc.date.issued", "sailthru.date", "parsely-pub-date",
        "article.published", "citation_publication_date"}) {
    declared.push_back({ParseDateValue(MetaValue(w, k)), DateSource::kMeta});
  }
  const std::optional<DateTime> url_day = DateFromUrl(draft->url);
  // A bare WebPage's datePublished is when the CMS made the page, which
  // for a shop, a landing or an "about" page is no publication. It counts
  // only when the page says the same day elsewhere: a publication meta
  // tag, a date the article shows, or its URL.
  if (!declared[0].dt) {
    if (std::optional<DateTime> page = ParseDateValue(ld.page_date_published)) {
      bool seconded = url_day && url_day->date == page->date;
      for (const Declared& d : declared) {
        if (d.dt && d.dt->date == page->date) seconded = true;
      }
      for (const Shown& x : shown) {
        if (x.dt.date == page->date) seconded = true;
      }
      if (seconded) declared[0].dt = page;
    }
  }
  auto too_late = [&](const DateTime& d) {
    return not_after && d.date > *not_after;
  };
  auto shows_day = [&](const civil::Date& day) {
    for (const Shown& s : shown) {
      if (s.dt.date == day) return true;
    }
    return false;
  };
  const Declared* pick = nullptr;
  bool disagree = false;
  for (const Declared& d : declared) {
    if (!d.dt || too_late(*d.dt)) continue;
    if (!pick) {
      pick = &d;
    } else if (!(d.dt->date == pick->dt->date)) {
      disagree = true;
    }
  }
  if (pick && disagree && !shows_day(pick->dt->date)) {
    for (const Declared& d : declared) {
      if (d.dt && !too_late(*d.dt) && shows_day(d.dt->date)) {
        pick = &d;
        break;
      }
    }
  }
  if (pick) OfferPublished(pick->dt, pick->from, not_after, draft);
  // 2 and 3.
  for (const Shown& s : shown) {
    if (!draft->published.empty()) break;
    OfferPublished(s.dt, s.from, not_after, draft);
  }
  // 4.
  for (std::string_view k : {"dc.date", "dcterms.date", "date", "dc:date"}) {
    if (!draft->published.empty()) break;
    OfferPublished(ParseDateValue(MetaValue(w, k)), DateSource::kMeta,
                   not_after, draft);
  }
  // 5.
  if (draft->published.empty()) {
    OfferPublished(DateFromUrl(draft->url), DateSource::kUrl, not_after, draft);
    if (draft->published.empty() && draft->url != record.url) {
      OfferPublished(DateFromUrl(record.url), DateSource::kUrl, not_after,
                     draft);
    }
  }
  // 6. A page title opening with the day, a press office's and many news
  // CMSs' convention ("08.11.2021 | Online-Fachtag ...").
  if (draft->published.empty()) {
    OfferPublished(TitleDate(MetaValue(w, "og:title")), DateSource::kMeta,
                   not_after, draft);
  }
  if (draft->published.empty()) {
    OfferPublished(TitleDate(w.title_tag), DateSource::kMeta, not_after, draft);
  }
  // A UTC date-time read as the page's local day: the metadata standards
  // write an offset for local time, so a second statement of the same
  // publication with an offset (or a bare day that a UTC conversion
  // explains) says which calendar day the page meant. Any date-time with an
  // offset on the page names the publisher's zone, revision dates included;
  // a bare day must be one the article shows.
  if (std::optional<DateTime> utc = ParseDateValue(draft->published);
      utc && utc->has_time && utc->zone == "Z") {
    std::vector<std::pair<DateTime, bool>> others;  // date, shown
    auto add = [&](std::optional<DateTime> d, bool visible = false) {
      if (d && others.size() < 48) others.push_back({*d, visible});
    };
    for (const Declared& d : declared) add(d.dt);
    for (std::string_view k : {"date", "dcterms.date", "article:modified_time",
                               "og:updated_time", "datemodified"}) {
      add(ParseDateValue(MetaValue(w, k)));
    }
    add(ParseDateValue(ld.date_modified));
    add(ParseDateValue(ld.page_date_modified));
    for (const TimeCand& t : w.times) {
      if (own_date(t.elem)) add(parse_cand(t));
    }
    for (const Shown& s : shown) add(s.dt, true);
    add(url_day, true);
    // Offsets first: they state the zone. Then bare days the article
    // shows, only when they agree: a page that shows both the UTC day and
    // its neighbour (a site header with today's date) says nothing.
    std::optional<DateTime> local;
    for (const auto& [o, visible] : others) {
      if (!(o.has_time && o.zone.size() == 6)) continue;
      if ((local = LocalReading(*utc, o))) break;
    }
    if (!local) {
      bool mixed = false;
      for (const auto& [o, visible] : others) {
        if (!visible || (o.has_time && !o.zone.empty())) continue;
        if (o.date == utc->date) mixed = true;
        std::optional<DateTime> l = LocalReading(*utc, o);
        if (!l) continue;
        if (local && !(local->date == l->date)) mixed = true;
        if (!local) local = l;
      }
      if (mixed) local.reset();
    }
    // Failing a second statement, the country of a ccTLD host: its local
    // day, unless the article itself shows the UTC day.
    if (!local) {
      bool shows_utc_day = false;
      for (const auto& [o, visible] : others) {
        if (visible && o.date == utc->date && !(o.has_time && !o.zone.empty()))
          shows_utc_day = true;
      }
      if (!shows_utc_day) {
        local = CountryLocalReading(
            *utc, HostOf(draft->url.empty() ? record.url : draft->url));
      }
    }
    if (local && !(not_after && local->date > *not_after))
      draft->published = local->ToIso();
  }
  // Modified date.
  std::optional<DateTime> mod = ParseDateValue(ld.date_modified);
  if (!mod) mod = ParseDateValue(ld.page_date_modified);
  for (std::string_view k :
       {"article:modified_time", "og:updated_time", "datemodified"}) {
    if (!mod) mod = ParseDateValue(MetaValue(w, k));
  }
  if (!mod) {
    for (const TimeCand& t : w.times) {
      if (t.modified_hint && near_article(t.elem) &&
          (mod = ParseDateValue(t.value)))
        break;
    }
  }
  if (mod && !(not_after && mod->date > *not_after))
    draft->modified = mod->ToIso();

  // Authors.
  AddAuthors(ld.authors, &draft->authors);
  if (draft->authors.empty()) {
    for (std::string_view k : {"author", "article:author", "parsely-author",
                               "sailthru.author", "dc.creator"}) {
      std::string v = MetaValue(w, k);
      if (v.empty()) continue;
      std::vector<std::string> names = AuthorsFromByline("By " + v);
      if (names.empty()) {
        std::string one = CleanAuthorName(v);
        if (!one.empty()) names.push_back(one);
      }
      AddAuthors(names, &draft->authors);
      if (!draft->authors.empty()) break;
    }
  }
  if (draft->authors.empty()) {
    for (const TextCand& b : w.bylines) {
      if (!near_article(b.elem)) continue;
      std::vector<std::string> names = AuthorsFromByline(b.text);
      if (names.empty() && IsNameLine(b.text))
        names.push_back(CleanAuthorName(b.text));
      AddAuthors(names, &draft->authors);
      if (draft->authors.size() >= 4) break;
    }
  }
  if (draft->authors.empty()) {
    for (int i = std::max(0, sel.core_begin - 3);
         i < std::min<int>(static_cast<int>(units.size()), sel.core_begin + 3);
         ++i) {
      if (IsBylineLine(units[i].text))
        AddAuthors(AuthorsFromByline(units[i].text), &draft->authors);
    }
  }
}

void ExtractHtml(const ingest::InputRecord& record,
                 const std::optional<civil::Date>& not_after, Draft* draft) {
  html::Tree tree;
  html::ParseOptions options;
  // ExtractDocument() hands us valid UTF-8 without NUL bytes.
  options.validate_utf8 = false;
  html::ParseHtml(record.body, options, &tree);
  ExtractHtmlTree(tree, record, not_after, draft);
}

}  // namespace synoptic::extract::internal
