// ParseHtmlWithGumbo(): the reference tree. gumbo parses the page (after
// a guard against pathological nesting) and its DOM is copied into the same
// compact tree ParseHtml() builds, all strings into the arena, comments
// dropped, so the two parsers can be compared node for node and the
// extractor can run on either.
#include <gumbo.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "synoptic/extract/internal/html_tree.h"
#include "synoptic/extract/internal/text_util.h"

namespace synoptic::extract::internal::html {
namespace {

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

uint32_t HashLower(std::string_view lower) {
  uint32_t h = 2166136261u;
  for (char c : lower) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

std::string ElementName(const GumboElement& e) {
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece piece = e.original_tag;
  gumbo_tag_from_original_text(&piece);
  return LowerAscii(std::string_view(piece.data, piece.length));
}

uint32_t AddText(std::string_view text, bool whitespace, Tree* tree) {
  uint32_t n = static_cast<uint32_t>(tree->nodes.size());
  tree->nodes.emplace_back();
  Node& x = tree->nodes.back();
  x.tag = Tag::kText;
  x.in_arena = true;
  x.whitespace = whitespace;
  x.begin = static_cast<uint32_t>(tree->arena.size());
  x.len = static_cast<uint32_t>(text.size());
  tree->arena.append(text);
  return n;
}

uint32_t AddElement(const GumboElement& e, Tree* tree) {
  uint32_t n = static_cast<uint32_t>(tree->nodes.size());
  tree->nodes.emplace_back();
  std::string name = ElementName(e);
  Tag tag = TagFromName(name);
  tree->nodes[n].tag = tag;
  tree->nodes[n].name_hash = tag == Tag::kUnknown ? HashLower(name) : 0;
  tree->nodes[n].begin = static_cast<uint32_t>(tree->attrs.size());
  uint32_t count = 0;
  for (unsigned i = 0; i < e.attributes.length; ++i) {
    const GumboAttribute* a =
        static_cast<const GumboAttribute*>(e.attributes.data[i]);
    AttrId id = AttrFromName(LowerAscii(a->name));
    if (id == AttrId::kCount) continue;
    bool dup = false;
    for (uint32_t k = 0; k < count; ++k)
      dup = dup || tree->attrs[tree->nodes[n].begin + k].id == id;
    if (dup) continue;
    std::string_view v = a->value;
    tree->attrs.push_back({id, true, static_cast<uint32_t>(tree->arena.size()),
                           static_cast<uint32_t>(v.size())});
    tree->arena.append(v);
    ++count;
  }
  tree->nodes[n].len = count;
  return n;
}

void Link(uint32_t parent, uint32_t child, Tree* tree) {
  Node& p = tree->nodes[parent];
  tree->nodes[child].parent = parent;
  if (p.last_child == kNoNode) {
    p.first_child = child;
  } else {
    tree->nodes[p.last_child].next = child;
  }
  p.last_child = child;
}

}  // namespace

void ParseHtmlWithGumbo(std::string_view html, Tree* tree) {
  tree->Clear();
  std::string limited;
  if (LimitNesting(html, &limited)) html = limited;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* out =
      gumbo_parse_with_options(&options, html.data(), html.size());
  if (out == nullptr || out->root->type != GUMBO_NODE_ELEMENT) {
    tree->nodes.emplace_back();
    tree->nodes.back().tag = Tag::kHtml;
    if (out != nullptr) gumbo_destroy_output(&options, out);
    return;
  }
  AddElement(out->root->v.element, tree);
  struct Frame {
    const GumboNode* node;
    unsigned next;
    uint32_t id;
  };
  std::vector<Frame> stack{{out->root, 0, 0}};
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector& ch = f.node->v.element.children;
    if (f.next >= ch.length) {
      stack.pop_back();
      continue;
    }
    const GumboNode* c = static_cast<const GumboNode*>(ch.data[f.next++]);
    uint32_t parent = f.id;
    switch (c->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        uint32_t id = AddElement(c->v.element, tree);
        Link(parent, id, tree);
        stack.push_back({c, 0, id});  // `f` is dead from here
        break;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        Link(parent,
             AddText(c->v.text.text, c->type == GUMBO_NODE_WHITESPACE, tree),
             tree);
        break;
      default:
        break;
    }
  }
  gumbo_destroy_output(&options, out);
}

}  // namespace synoptic::extract::internal::html
