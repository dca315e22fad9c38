// HTML pages: one gumbo parse, one iterative walk, then container choice.
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
// four ancestors while each adds 30% more such text. Siblings of the winner
// that score well or are plain paragraphs join it.
// The container's blocks then go through SelectMain() (units.h) with chrome
// regions inside the container (related, share, comments, captions, ...)
// pre-marked, which prunes link lists, "Related"/"Most read" sections,
// bylines and captions the container still holds.
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "synoptic/extract/internal/cues.h"
#include "synoptic/extract/internal/extractors.h"
#include "synoptic/extract/internal/text_util.h"
#include "synoptic/extract/internal/units.h"

namespace synoptic::extract::internal {
namespace {

constexpr size_t kMaxGather = 400;

struct Elem {
  int parent = -1;
  int end = 0;  // last descendant element index (preorder)
  int depth = 0;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  int weight = 0;
  bool chrome = false;  // class/id names a chrome region
  int chrome_anc = -1;  // nearest chrome-region ancestor-or-self
  double content = 0;
  uint32_t chars = 0;  // subtree text bytes
  uint32_t link_chars = 0;
};

struct Block {
  std::string text;
  int owner = 0;
  uint32_t chars = 0;
  uint32_t link_chars = 0;
  bool in_quote = false;
};

struct TimeCand {
  int elem;
  std::string value;
  bool published_hint;  // itemprop=datePublished, pubdate, class "publish"
  bool modified_hint;
};

struct TextCand {
  int elem;
  std::string text;
};

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_LEGEND:
      return true;
    default:
      return false;
  }
}

bool IsSkipTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_MENUITEM:
      return true;
    default:
      return false;
  }
}

bool IsHeadingTag(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 ||
         t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

// Leaf-ish blocks whose score goes to their parent.
bool IsParagraphTag(GumboTag t) {
  return t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_BLOCKQUOTE ||
         t == GUMBO_TAG_LI || t == GUMBO_TAG_DD || t == GUMBO_TAG_DT ||
         t == GUMBO_TAG_TR || IsHeadingTag(t);
}

std::string_view Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

bool IsHidden(const GumboElement& e) {
  if (gumbo_get_attribute(&e.attributes, "hidden") != nullptr) return true;
  if (EqualsCi(Attr(e, "aria-hidden"), "true")) return true;
  std::string_view style = Attr(e, "style");
  if (!style.empty()) {
    std::string s = LowerAscii(style);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (s.find("display:none") != std::string::npos ||
        s.find("visibility:hidden") != std::string::npos) {
      return true;
    }
  }
  std::string_view role = Attr(e, "role");
  return EqualsCi(role, "navigation") || EqualsCi(role, "contentinfo") ||
         EqualsCi(role, "complementary") || EqualsCi(role, "search");
}

// Bounded text of a subtree (byline widgets, rel=author links, <title>).
void GatherText(const GumboNode* root, std::string* out) {
  std::vector<const GumboNode*> stack{root};
  bool pending = false;
  size_t visited = 0;
  while (!stack.empty() && out->size() < kMaxGather && ++visited < 2000) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      AppendCollapsed(n->v.text.text, out, &pending);
      pending = true;
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      if (n != root && IsSkipTag(n->v.element.tag)) continue;
      const GumboVector& ch = n->v.element.children;
      for (unsigned i = ch.length; i > 0; --i) {
        stack.push_back(static_cast<const GumboNode*>(ch.data[i - 1]));
      }
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
constexpr std::array<std::string_view, 30> kMetaKeys = {
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
  Walker() { buf_.reserve(4096); }

  void Run(const GumboNode* root);

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
    const GumboNode* node;
    unsigned next_child;
    int elem;
    bool block;
    bool link;
    bool quote;
  };

  void Enter(const GumboNode* node);
  void Flush();
  void AddMeta(const GumboElement& e);

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

void Walker::AddMeta(const GumboElement& e) {
  std::string_view key = Attr(e, "property");
  if (key.empty()) key = Attr(e, "name");
  if (key.empty()) key = Attr(e, "itemprop");
  if (key.empty() || key.size() > 40) return;
  std::string lk = LowerAscii(key);
  std::string_view content = Attr(e, "content");
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

void Walker::Enter(const GumboNode* node) {
  if (node->type == GUMBO_NODE_WHITESPACE) {
    pending_ = true;  // keeps a <br> run going ("<br> <br>")
    return;
  }
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
    if (br_run_ >= 2) Flush();
    if (br_run_ == 1) pending_ = true;
    br_run_ = 0;
    size_t before = buf_.size();
    AppendCollapsed(node->v.text.text, &buf_, &pending_);
    if (link_depth_ > 0)
      buf_link_ += static_cast<uint32_t>(buf_.size() - before);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
    return;
  const GumboElement& e = node->v.element;
  GumboTag tag = e.tag;
  switch (tag) {
    case GUMBO_TAG_META:
      AddMeta(e);
      return;
    case GUMBO_TAG_LINK:
      if (canonical.empty() && EqualsCi(Attr(e, "rel"), "canonical")) {
        canonical = std::string(Trim(Attr(e, "href")));
      }
      return;
    case GUMBO_TAG_SCRIPT:
      if (ContainsCi(Attr(e, "type"), "ld+json") && e.children.length > 0 &&
          jsonld.size() < 16) {
        const GumboNode* c = static_cast<const GumboNode*>(e.children.data[0]);
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA ||
            c->type == GUMBO_NODE_WHITESPACE) {
          jsonld.emplace_back(c->v.text.text);
        }
      }
      return;
    case GUMBO_TAG_TITLE:
      if (title_tag.empty()) GatherText(node, &title_tag);
      return;
    case GUMBO_TAG_BR:
      ++br_run_;
      pending_ = true;
      return;
    default:
      break;
  }
  if (tag == GUMBO_TAG_HEAD) {
    // Walk head children for meta/link/script/title but keep no text.
    const GumboVector& ch = e.children;
    for (unsigned i = 0; i < ch.length; ++i) {
      const GumboNode* c = static_cast<const GumboNode*>(ch.data[i]);
      if (c->type == GUMBO_NODE_ELEMENT) {
        GumboTag ct = c->v.element.tag;
        if (ct == GUMBO_TAG_META || ct == GUMBO_TAG_LINK ||
            ct == GUMBO_TAG_SCRIPT || ct == GUMBO_TAG_TITLE) {
          Enter(c);
        }
      }
    }
    return;
  }
  if (IsSkipTag(tag) || IsHidden(e)) return;

  std::string_view cls = Attr(e, "class");
  std::string_view id = Attr(e, "id");
  std::string_view itemprop = Attr(e, "itemprop");
  std::string_view rel = Attr(e, "rel");

  Elem el;
  el.parent = stack_.empty() ? -1 : stack_.back().elem;
  el.depth = el.parent < 0 ? 0 : elems[el.parent].depth + 1;
  el.tag = tag;
  el.weight = ClassIdWeight(cls, id);
  switch (tag) {
    case GUMBO_TAG_ARTICLE:
      el.weight += 25;
      break;
    case GUMBO_TAG_MAIN:
      el.weight += 15;
      break;
    case GUMBO_TAG_DIV:
      el.weight += 5;
      break;
    case GUMBO_TAG_SECTION:
      el.weight += 3;
      break;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      el.weight += 3;
      break;
    case GUMBO_TAG_FORM:
      el.weight -= 20;
      break;
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
      el.weight -= 3;
      break;
    case GUMBO_TAG_HEADER:
      el.weight -= 10;
      break;
    default:
      break;
  }
  if (EqualsCi(itemprop, "articleBody") || EqualsCi(itemprop, "text"))
    el.weight += 50;
  el.chrome = IsChromeRegion(cls, id);
  el.chrome_anc = el.chrome
                      ? static_cast<int>(elems.size())
                      : (el.parent >= 0 ? elems[el.parent].chrome_anc : -1);
  int idx = static_cast<int>(elems.size());
  elems.push_back(el);

  // Metadata carried by body elements.
  if (tag == GUMBO_TAG_TIME || EqualsCi(itemprop, "datePublished") ||
      EqualsCi(itemprop, "dateModified")) {
    std::string_view v = Attr(e, "datetime");
    if (v.empty()) v = Attr(e, "content");
    std::string text;
    if (v.empty()) GatherText(node, &text);
    if (times.size() < 64) {
      bool pub = EqualsCi(itemprop, "datePublished") ||
                 gumbo_get_attribute(&e.attributes, "pubdate") != nullptr ||
                 ContainsCi(cls, "publish");
      bool mod = EqualsCi(itemprop, "dateModified") ||
                 ContainsCi(cls, "modif") || ContainsCi(cls, "updat");
      times.push_back(
          {idx, v.empty() ? text : std::string(v.substr(0, 200)), pub, mod});
    }
  }
  if ((EqualsCi(itemprop, "author") || EqualsCi(rel, "author") ||
       ContainsCi(cls, "byline") || ContainsCi(cls, "author")) &&
      bylines.size() < 16 && !ContainsCi(cls, "bio") &&
      !ContainsCi(cls, "description")) {
    std::string text;
    GatherText(node, &text);
    if (!text.empty() && text.size() < 300)
      bylines.push_back({idx, std::move(text)});
  }

  bool block = IsBlockTag(tag);
  if (block) {
    Flush();
    owners_.push_back(idx);
  } else if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && !buf_.empty()) {
    buf_ += " |";
    pending_ = true;
  }
  bool link = tag == GUMBO_TAG_A;
  bool quote = tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_Q;
  if (link) ++link_depth_;
  if (quote) ++quote_depth_;
  stack_.push_back({node, 0, idx, block, link, quote});
}

void Walker::Run(const GumboNode* root) {
  Enter(root);
  while (!stack_.empty()) {
    Frame& f = stack_.back();
    const GumboVector& ch = f.node->v.element.children;
    if (f.next_child < ch.length) {
      const GumboNode* c =
          static_cast<const GumboNode*>(ch.data[f.next_child++]);
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

// Tags whose end tag may be omitted or that are void: they do not nest.
bool IsFlatTag(std::string_view name) {
  static constexpr std::array<std::string_view, 26> kFlat = {
      "p",      "li",       "dt",    "dd",    "tr",    "td",    "th",
      "option", "optgroup", "tbody", "thead", "tfoot", "rt",    "rp",
      "br",     "img",      "hr",    "meta",  "link",  "input", "wbr",
      "area",   "base",     "col",   "embed", "source"};
  for (std::string_view f : kFlat) {
    if (EqualsCi(name, f)) return true;
  }
  return false;
}

// gumbo's tree builder scans the stack of open elements for many start tags,
// so 10^5 unclosed <div>s cost 10^10 steps. Real pages nest a few hundred
// levels at most; start tags that would nest deeper than kMaxNesting are
// removed (their text stays). One linear scan; copies only when needed.
constexpr int kMaxNesting = 1000;

bool LimitNesting(std::string_view html, std::string* out) {
  int depth = 0;
  bool copying = false;
  size_t copied_to = 0;
  size_t i = 0;
  while (true) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) break;
    size_t j = lt + 1;
    bool end_tag = html[j] == '/';
    if (end_tag) ++j;
    size_t name_begin = j;
    while (j < html.size() && ((html[j] >= 'a' && html[j] <= 'z') ||
                               (html[j] >= 'A' && html[j] <= 'Z') ||
                               (html[j] >= '0' && html[j] <= '9'))) {
      ++j;
    }
    if (j == name_begin) {
      i = lt + 1;
      continue;
    }
    std::string_view name = html.substr(name_begin, j - name_begin);
    size_t gt = html.find('>', j);
    size_t tag_end = gt == std::string_view::npos ? html.size() : gt + 1;
    bool self_closing =
        gt != std::string_view::npos && gt > 0 && html[gt - 1] == '/';
    if (EqualsCi(name, "script") || EqualsCi(name, "style")) {
      // Raw text: skip to the matching end tag.
      if (!end_tag) {
        std::string close = "</" + LowerAscii(name);
        size_t k = tag_end;
        while (k < html.size()) {
          size_t c = html.find("</", k);
          if (c == std::string_view::npos) {
            k = html.size();
            break;
          }
          if (StartsWithCi(html.substr(c), close)) {
            k = c;
            break;
          }
          k = c + 2;
        }
        i = k;
        continue;
      }
    } else if (!IsFlatTag(name) && !self_closing) {
      if (end_tag) {
        if (depth > 0) --depth;
      } else if (++depth > kMaxNesting) {
        --depth;
        if (!copying) {
          copying = true;
          out->clear();
          out->reserve(html.size());
        }
        out->append(html.substr(copied_to, lt - copied_to));
        copied_to = tag_end;
      }
    }
    i = tag_end;
  }
  if (copying) out->append(html.substr(copied_to));
  return copying;
}

}  // namespace

void ExtractHtml(const ingest::InputRecord& record,
                 const std::optional<civil::Date>& not_after, Draft* draft) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  std::string limited;
  std::string_view html = record.body;
  if (LimitNesting(html, &limited)) html = limited;
  GumboOutput* out =
      gumbo_parse_with_options(&options, html.data(), html.size());
  if (out == nullptr) return;
  Walker w;
  w.Run(out->root);
  gumbo_destroy_output(&options, out);

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
    if (b.chars < 25 || IsHeadingTag(owner.tag)) continue;
    TextShape s = ShapeOf(b.text);
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
  // sidebar">) is a layout wrapper, not a region to drop.
  const uint32_t total_chars = ne > 0 ? elems[0].chars : 0;
  auto small_region = [&](int c) { return elems[c].chars * 2 < total_chars; };
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
      if (!ShapeOf(b.text).ends_terminal) continue;
      good[b.owner] += b.chars;
    }
    for (int i = ne - 1; i > 0; --i) {
      if (elems[i].parent >= 0) good[elems[i].parent] += good[i];
    }
    // When the winner holds under half of the page's sentence-like text
    // (paragraphs each wrapped in their own boxes, so no single parent
    // collects their scores), take the deepest element holding most of it.
    if (ne > 0 && good[best] * 2 < good[0]) {
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
      if (a < 0 || elems[a].tag == GUMBO_TAG_BODY ||
          elems[a].tag == GUMBO_TAG_HTML)
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
        if (!good && elems[c].tag == GUMBO_TAG_P && elems[c].chars > 80) {
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
    u.bullet = owner.tag == GUMBO_TAG_LI || owner.tag == GUMBO_TAG_DD;
    u.tag_heading = IsHeadingTag(owner.tag);
    u.tag_paragraph = owner.tag == GUMBO_TAG_P ||
                      owner.tag == GUMBO_TAG_BLOCKQUOTE ||
                      owner.tag == GUMBO_TAG_PRE || b.in_quote;
    u.group = owner.parent;
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
    if (elems[b.owner].tag == GUMBO_TAG_H1 && !b.text.empty()) {
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
  auto near_article = [&](int e) {
    if (e < 0 || e >= ne) return false;
    // Inside a related/most-read/share region: never a source of metadata.
    if (elems[e].chrome_anc >= 0 && small_region(elems[e].chrome_anc))
      return false;
    return e >= head_from && e <= last_end;
  };

  // Published date, by priority.
  OfferPublished(ParseDateValue(ld.date_published), DateSource::kJsonLd,
                 not_after, draft);
  for (std::string_view k :
       {"article:published_time", "og:published_time", "published_time",
        "datepublished", "pubdate", "publishdate", "publish-date",
        "publish_date", "dc.date.issued", "dc.date", "dcterms.date", "date",
        "sailthru.date", "parsely-pub-date", "article.published"}) {
    if (!draft->published.empty()) break;
    OfferPublished(ParseDateValue(MetaValue(w, k)), DateSource::kMeta,
                   not_after, draft);
  }
  for (int pass = 0; pass < 2 && draft->published.empty(); ++pass) {
    for (const TimeCand& t : w.times) {
      if (t.modified_hint || (pass == 0 && !t.published_hint)) continue;
      if (!near_article(t.elem)) continue;
      if (OfferPublished(ParseDateValue(t.value), DateSource::kTime, not_after,
                         draft))
        break;
    }
  }
  if (draft->published.empty()) {
    for (const TextCand& b : w.bylines) {
      if (!near_article(b.elem)) continue;
      if (OfferPublished(FindDateInLine(b.text), DateSource::kByline, not_after,
                         draft))
        break;
    }
  }
  if (draft->published.empty()) {
    // Short blocks between the headline and the article's first paragraphs.
    int seen_body = 0;
    for (const Block& b : blocks) {
      if (b.owner < head_from) continue;
      if (b.owner > last_end || seen_body > 3) break;
      if (elems[b.owner].chrome_anc >= 0 &&
          small_region(elems[b.owner].chrome_anc))
        continue;
      if (b.chars > 150) {
        ++seen_body;
        continue;
      }
      if (OfferPublished(FindDateInLine(b.text), DateSource::kByline, not_after,
                         draft))
        break;
    }
  }
  if (draft->published.empty()) {
    OfferPublished(DateFromUrl(draft->url), DateSource::kUrl, not_after, draft);
    if (draft->published.empty() && draft->url != record.url) {
      OfferPublished(DateFromUrl(record.url), DateSource::kUrl, not_after,
                     draft);
    }
  }
  // Modified date.
  std::optional<DateTime> mod = ParseDateValue(ld.date_modified);
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

}  // namespace synoptic::extract::internal
