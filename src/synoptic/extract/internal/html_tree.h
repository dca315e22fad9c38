// The compact HTML tree extraction walks: elements with a tag id and the
// few attributes extraction reads, text nodes as spans. Built either by our
// own streaming tokenizer + tree builder (ParseHtml, html_lexer.cc: the hot
// path) or from gumbo's DOM (TreeFromGumbo, html_gumbo.cc: the reference the
// differential test compares against).
//
// Ownership: a Tree built by ParseHtml may point into the input buffer (text
// and attribute values without character references are not copied); the
// input must outlive the Tree. Not thread-safe to mutate; const use is safe
// from any thread.
#ifndef SYNOPTIC_EXTRACT_INTERNAL_HTML_TREE_H_
#define SYNOPTIC_EXTRACT_INTERNAL_HTML_TREE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace synoptic::extract::internal::html {

// Tags the extractor or the tree-construction rules tell apart; everything
// else is kUnknown (its name's hash is kept for matching end tags).
// clang-format off
#define SYN_HTML_TAGS(X)                                                      \
  X(A, "a") X(Abbr, "abbr") X(Address, "address") X(Applet, "applet")         \
  X(Area, "area") X(Article, "article") X(Aside, "aside") X(Audio, "audio")   \
  X(B, "b") X(Base, "base") X(Basefont, "basefont") X(Bgsound, "bgsound")     \
  X(Big, "big") X(Blockquote, "blockquote") X(Body, "body") X(Br, "br")       \
  X(Button, "button") X(Canvas, "canvas") X(Caption, "caption")               \
  X(Center, "center") X(Cite, "cite") X(Code, "code") X(Col, "col")           \
  X(Colgroup, "colgroup") X(Dd, "dd") X(Details, "details")                   \
  X(Dialog, "dialog") X(Dir, "dir") X(Div, "div") X(Dl, "dl") X(Dt, "dt")     \
  X(Em, "em") X(Embed, "embed") X(Fieldset, "fieldset")                       \
  X(Figcaption, "figcaption") X(Figure, "figure") X(Font, "font")             \
  X(Footer, "footer") X(Form, "form") X(Frame, "frame")                       \
  X(Frameset, "frameset") X(H1, "h1") X(H2, "h2") X(H3, "h3") X(H4, "h4")     \
  X(H5, "h5") X(H6, "h6") X(Head, "head") X(Header, "header")                 \
  X(Hgroup, "hgroup") X(Hr, "hr") X(Html, "html") X(I, "i")                   \
  X(Iframe, "iframe") X(Img, "img") X(Input, "input") X(Keygen, "keygen")     \
  X(Label, "label") X(Legend, "legend") X(Li, "li") X(Link, "link")           \
  X(Listing, "listing") X(Main, "main") X(Marquee, "marquee")                 \
  X(Math, "math") X(Menu, "menu") X(Menuitem, "menuitem") X(Meta, "meta")     \
  X(Nav, "nav") X(Nobr, "nobr") X(Noembed, "noembed")                         \
  X(Noframes, "noframes") X(Noscript, "noscript") X(Object, "object")         \
  X(Ol, "ol") X(Optgroup, "optgroup") X(Option, "option") X(P, "p")           \
  X(Param, "param") X(Picture, "picture") X(Plaintext, "plaintext")           \
  X(Pre, "pre") X(Q, "q") X(Rb, "rb") X(Rp, "rp") X(Rt, "rt") X(Rtc, "rtc")   \
  X(Ruby, "ruby") X(S, "s") X(Script, "script") X(Search, "search")           \
  X(Section, "section") X(Select, "select") X(Small, "small")                 \
  X(Source, "source") X(Span, "span") X(Strike, "strike")                     \
  X(Strong, "strong") X(Style, "style") X(Sub, "sub") X(Summary, "summary")   \
  X(Sup, "sup") X(Svg, "svg") X(Table, "table") X(Tbody, "tbody")             \
  X(Td, "td") X(Template, "template") X(Textarea, "textarea")                 \
  X(Tfoot, "tfoot") X(Th, "th") X(Thead, "thead") X(Time, "time")             \
  X(Title, "title") X(Tr, "tr") X(Track, "track") X(Tt, "tt") X(U, "u")       \
  X(Ul, "ul") X(Video, "video") X(Wbr, "wbr") X(Xmp, "xmp")
// clang-format on

enum class Tag : uint8_t {
  kUnknown,
  kText,  // a text node, not an element
#define SYN_HTML_TAG_ENUM(id, name) k##id,
  SYN_HTML_TAGS(SYN_HTML_TAG_ENUM)
#undef SYN_HTML_TAG_ENUM
      kCount
};

// `lower` must already be lower-case ASCII.
Tag TagFromName(std::string_view lower);
// The same, given the 32-bit FNV-1a hash of `lower` (faster).
Tag TagFromHashedName(std::string_view lower, uint32_t fnv1a);
std::string_view TagName(Tag tag);  // "" for kUnknown and kText

// Attributes kept on elements (all others are tokenized and dropped).
enum class AttrId : uint8_t {
  kClass,
  kId,
  kItemprop,
  kRole,
  kHidden,
  kAriaHidden,
  kStyle,
  kHref,
  kDatetime,
  kContent,
  kProperty,
  kName,
  kRel,
  kLang,
  kType,
  kPubdate,
  kCount
};
// `lower` must already be lower-case ASCII; kCount when not kept.
AttrId AttrFromName(std::string_view lower);

constexpr uint32_t kNoNode = 0xFFFFFFFFu;

struct Node {
  uint32_t parent = kNoNode;
  uint32_t first_child = kNoNode;
  uint32_t last_child = kNoNode;
  uint32_t next = kNoNode;  // next sibling
  // Text: the span (see Tree::Text). Element: its attributes are
  // attrs[begin, begin + len).
  uint32_t begin = 0;
  uint32_t len = 0;
  uint32_t name_hash = 0;  // elements of kUnknown tag: hash of the name
  Tag tag = Tag::kUnknown;
  bool in_arena = false;    // text span is in Tree::arena, else in source
  bool whitespace = false;  // text node holding only ASCII whitespace
};

struct Attribute {
  AttrId id;
  bool in_arena;
  uint32_t begin;
  uint32_t len;
};

// Node 0 is always the <html> element; every other node descends from it.
struct Tree {
  std::string_view source;  // the parsed input (not owned), unless:
  std::string owned;  // a sanitised copy, when it was needed (then non-empty)
  std::string arena;  // decoded text and attribute values
  std::vector<Node> nodes;
  std::vector<Attribute> attrs;

  std::string_view Span(bool in_arena, uint32_t begin, uint32_t len) const {
    const char* base = in_arena
                           ? arena.data()
                           : (owned.empty() ? source.data() : owned.data());
    return std::string_view(base + begin, len);
  }
  std::string_view Text(uint32_t n) const {
    const Node& x = nodes[n];
    return Span(x.in_arena, x.begin, x.len);
  }
  // Value of attribute `a` on element `n`; "" when absent (see HasAttr).
  std::string_view Attr(uint32_t n, AttrId a) const;
  bool HasAttr(uint32_t n, AttrId a) const;
  void Clear();
};

struct ParseOptions {
  // Elements nested deeper than this are not opened (their text is kept and
  // goes to the deepest open element): bounds stack scans on hostile input.
  int max_depth = 400;
  // Caps on what hostile input can inflate.
  uint32_t max_nodes = 1u << 22;
  // Check the input is valid UTF-8 without NUL bytes first (and work on a
  // sanitised copy when it is not). Callers that already guarantee it may
  // skip the pass.
  bool validate_utf8 = true;
};

// Parses an HTML document with our HTML5-approximating tokenizer and tree
// builder into *tree (cleared first). Never fails: any byte string yields a
// tree. O(n * max_depth) worst case, O(n) on real pages.
void ParseHtml(std::string_view html, const ParseOptions& options, Tree* tree);

// Builds the same compact tree from gumbo's parse of `html` (the reference
// implementation; slower). Copies all strings into the arena.
void ParseHtmlWithGumbo(std::string_view html, Tree* tree);

}  // namespace synoptic::extract::internal::html

#endif  // SYNOPTIC_EXTRACT_INTERNAL_HTML_TREE_H_
