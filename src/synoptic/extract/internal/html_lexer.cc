// ParseHtml(): our streaming HTML tokenizer and compact tree builder.
//
// Design. One pass over the input. The tokenizer finds the next '<' with
// memchr (text between tags is never copied unless it holds a character
// reference or a NUL: such runs are decoded into the tree's arena, all
// others stay spans of the input), reads tags with all their attributes
// (keeping only those extraction reads), comments, doctypes and the raw text
// of script/style/textarea/title/xmp/iframe/noembed/noframes/plaintext, and
// hands each token straight to the tree builder (no token objects).
// The builder follows the HTML5 tree-construction rules that change the
// shape of real pages: head/body implied, p/li/dd/dt/option/tr/td/th closed
// implicitly, void elements, stray end tags ignored, scope-limited closing,
// misnested formatting elements through a simplified adoption agency (the
// furthest block moves out, the formatting element is cloned inside it) and
// reconstruction of the active formatting elements, table modes derived from
// the stack of open elements with text and stray elements foster-parented
// before the table, select content, and svg/math as foreign content.
// Scripting is off (like gumbo's default): <noscript> content is markup.
// Not modelled: the script-data double-escape states, frameset documents,
// template insertion modes, the Noah's-ark clause beyond a simple cap.
// Depth and node count are capped (ParseOptions), so hostile input costs
// O(n * max_depth) at worst.
#include <algorithm>
#include <array>
#include <cstring>

#include "synoptic/core/utf8.h"
#include "synoptic/extract/internal/html_tree.h"

namespace synoptic::extract::internal::html {
namespace {

// ---------------------------------------------------------------------------
// Character references.

struct Entity {
  std::string_view name;  // without ';'
  std::string_view value;
  bool legacy;  // recognised without ';'
};

constexpr Entity kEntities[] = {
#include "synoptic/extract/internal/html_entities.inc"
};

const Entity* FindEntity(std::string_view name) {
  const Entity* begin = std::begin(kEntities);
  const Entity* end = std::end(kEntities);
  const Entity* it = std::lower_bound(
      begin, end, name,
      [](const Entity& e, std::string_view n) { return e.name < n; });
  return it != end && it->name == name ? it : nullptr;
}

// Windows-1252 meanings of numeric references &#128; .. &#159;.
constexpr char16_t kC1[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

inline bool IsAlpha(char c) {
  return static_cast<unsigned char>((c | 0x20) - 'a') < 26;
}
inline bool IsDigit(char c) { return static_cast<unsigned char>(c - '0') < 10; }
inline bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
inline bool IsHex(char c) {
  return IsDigit(c) || static_cast<unsigned char>((c | 0x20) - 'a') < 6;
}
inline bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}
inline char Lower(char c) {
  return static_cast<unsigned char>(c - 'A') < 26 ? static_cast<char>(c | 0x20)
                                                  : c;
}

void AppendCodePoint(uint32_t cp, std::string* out) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp >= 0x80 && cp <= 0x9F) cp = kC1[cp - 0x80];
  utf8::Append(static_cast<char32_t>(cp), out);
}

// `s[pos]` follows a '&'. Appends the decoded reference and returns the
// number of bytes consumed after the '&', or 0 when there is no reference
// (the caller then keeps the '&' as text).
size_t DecodeReference(std::string_view s, size_t pos, bool in_attribute,
                       std::string* out) {
  if (pos >= s.size()) return 0;
  if (s[pos] == '#') {
    size_t i = pos + 1;
    bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    size_t digits = i;
    uint32_t cp = 0;
    while (i < s.size() && (hex ? IsHex(s[i]) : IsDigit(s[i]))) {
      uint32_t d = IsDigit(s[i]) ? s[i] - '0' : (s[i] | 0x20) - 'a' + 10;
      if (cp <= 0x10FFFF) cp = cp * (hex ? 16 : 10) + d;
      ++i;
    }
    if (i == digits) return 0;
    if (i < s.size() && s[i] == ';') ++i;
    AppendCodePoint(cp, out);
    return i - pos;
  }
  if (!IsAlnum(s[pos])) return 0;
  size_t end = pos;
  while (end < s.size() && end - pos < 32 && IsAlnum(s[end])) ++end;
  std::string_view name = s.substr(pos, end - pos);
  if (end < s.size() && s[end] == ';') {
    if (const Entity* e = FindEntity(name)) {
      out->append(e->value);
      return name.size() + 1;
    }
  }
  // Legacy references match as the longest known prefix without ';'.
  for (size_t n = std::min<size_t>(name.size(), 6); n >= 2; --n) {
    const Entity* e = FindEntity(name.substr(0, n));
    if (e == nullptr || !e->legacy) continue;
    if (in_attribute && pos + n < s.size() &&
        (s[pos + n] == '=' || IsAlnum(s[pos + n]))) {
      return 0;
    }
    out->append(e->value);
    return n;
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Tag properties.

enum TagFlag : uint16_t {
  kVoid = 1 << 0,
  kSpecial = 1 << 1,
  kFormatting = 1 << 2,
  kClosesP = 1 << 3,     // start tag closes an open <p> in button scope
  kScope = 1 << 4,       // boundary of the default scope
  kImpliedEnd = 1 << 5,  // popped by "generate implied end tags"
  kHeading = 1 << 6,
  kTableish = 1 << 7,    // table, tbody, thead, tfoot, tr: foster-parents
  kPlainBlock = 1 << 8,  // end tag: pop through when in scope
};

constexpr size_t kTagCount = static_cast<size_t>(Tag::kCount);

constexpr std::array<uint16_t, kTagCount> MakeFlags() {
  std::array<uint16_t, kTagCount> f{};
  auto set = [&f](std::initializer_list<Tag> tags, uint16_t flag) {
    for (Tag t : tags) f[static_cast<size_t>(t)] |= flag;
  };
  using T = Tag;
  set({T::kArea, T::kBase, T::kBasefont, T::kBgsound, T::kBr, T::kCol,
       T::kEmbed, T::kFrame, T::kHr, T::kImg, T::kInput, T::kKeygen, T::kLink,
       T::kMeta, T::kParam, T::kSource, T::kTrack, T::kWbr},
      kVoid);
  set({T::kAddress,    T::kApplet,   T::kArea,     T::kArticle,
       T::kAside,      T::kBase,     T::kBasefont, T::kBgsound,
       T::kBlockquote, T::kBody,     T::kBr,       T::kButton,
       T::kCaption,    T::kCenter,   T::kCol,      T::kColgroup,
       T::kDd,         T::kDetails,  T::kDir,      T::kDiv,
       T::kDl,         T::kDt,       T::kEmbed,    T::kFieldset,
       T::kFigcaption, T::kFigure,   T::kFooter,   T::kForm,
       T::kFrame,      T::kFrameset, T::kH1,       T::kH2,
       T::kH3,         T::kH4,       T::kH5,       T::kH6,
       T::kHead,       T::kHeader,   T::kHgroup,   T::kHr,
       T::kHtml,       T::kIframe,   T::kImg,      T::kInput,
       T::kKeygen,     T::kLi,       T::kLink,     T::kListing,
       T::kMain,       T::kMarquee,  T::kMenu,     T::kMeta,
       T::kNav,        T::kNoembed,  T::kNoframes, T::kNoscript,
       T::kObject,     T::kOl,       T::kP,        T::kParam,
       T::kPlaintext,  T::kPre,      T::kScript,   T::kSearch,
       T::kSection,    T::kSelect,   T::kSource,   T::kStyle,
       T::kSummary,    T::kTable,    T::kTbody,    T::kTd,
       T::kTemplate,   T::kTextarea, T::kTfoot,    T::kTh,
       T::kThead,      T::kTitle,    T::kTr,       T::kTrack,
       T::kUl,         T::kWbr,      T::kXmp,      T::kSvg,
       T::kMath},
      kSpecial);
  set({T::kA, T::kB, T::kBig, T::kCode, T::kEm, T::kFont, T::kI, T::kNobr,
       T::kS, T::kSmall, T::kStrike, T::kStrong, T::kTt, T::kU},
      kFormatting);
  set({T::kAddress,  T::kArticle,    T::kAside,   T::kBlockquote, T::kCenter,
       T::kDetails,  T::kDialog,     T::kDir,     T::kDiv,        T::kDl,
       T::kFieldset, T::kFigcaption, T::kFigure,  T::kFooter,     T::kHeader,
       T::kHgroup,   T::kMain,       T::kMenu,    T::kNav,        T::kOl,
       T::kP,        T::kSearch,     T::kSection, T::kSummary,    T::kUl,
       T::kH1,       T::kH2,         T::kH3,      T::kH4,         T::kH5,
       T::kH6,       T::kPre,        T::kListing, T::kForm,       T::kPlaintext,
       T::kHr,       T::kXmp},
      kClosesP);
  // (svg and math are not boundaries; some of their children are, which we
  // do not model.)
  set({T::kApplet, T::kCaption, T::kHtml, T::kTable, T::kTd, T::kTh,
       T::kMarquee, T::kObject, T::kTemplate},
      kScope);
  set({T::kDd, T::kDt, T::kLi, T::kOptgroup, T::kOption, T::kP, T::kRb, T::kRp,
       T::kRt, T::kRtc},
      kImpliedEnd);
  set({T::kH1, T::kH2, T::kH3, T::kH4, T::kH5, T::kH6}, kHeading);
  set({T::kTable, T::kTbody, T::kThead, T::kTfoot, T::kTr}, kTableish);
  set({T::kAddress, T::kArticle,  T::kAside,      T::kBlockquote, T::kButton,
       T::kCenter,  T::kDetails,  T::kDialog,     T::kDir,        T::kDiv,
       T::kDl,      T::kFieldset, T::kFigcaption, T::kFigure,     T::kFooter,
       T::kHeader,  T::kHgroup,   T::kListing,    T::kMain,       T::kMenu,
       T::kNav,     T::kOl,       T::kPre,        T::kSearch,     T::kSection,
       T::kSummary, T::kUl},
      kPlainBlock);
  return f;
}

constexpr std::array<uint16_t, kTagCount> kFlags = MakeFlags();

inline bool Has(Tag t, uint16_t flag) {
  return (kFlags[static_cast<size_t>(t)] & flag) != 0;
}

constexpr uint32_t kFnvBasis = 2166136261u;
inline uint32_t FnvStep(uint32_t h, char c) {
  return (h ^ static_cast<unsigned char>(c)) * 16777619u;
}

enum class Scope { kDefault, kListItem, kButton, kTable, kSelect };

enum class TextMode { kData, kRawText, kRcdata, kPlaintext };

constexpr uint32_t kMarker = kNoNode;

constexpr uint32_t HashName(std::string_view s) {
  uint32_t h = kFnvBasis;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}
constexpr uint32_t kImageHash = HashName("image");

// ---------------------------------------------------------------------------

class Builder {
 public:
  Builder(std::string_view src, const ParseOptions& options, Tree* tree)
      : src_(src), opt_(options), t_(*tree) {}

  void Run();

 private:
  // Tokenizer.
  size_t Tag(size_t lt);  // returns the position after the tag
  size_t Comment(size_t lt);
  size_t Bogus(size_t from);
  size_t Declaration(size_t lt);
  size_t RawText(size_t from);
  void Text(size_t begin, size_t end);

  // Tree building.
  uint32_t NewNode(html::Tag tag, uint32_t hash);
  void Append(uint32_t parent, uint32_t child);
  void InsertBefore(uint32_t parent, uint32_t child, uint32_t ref);
  void Detach(uint32_t node);
  void InsertAtPlace(uint32_t node, bool foster_ok);
  // Inserts an element at the appropriate place (or as the last child of
  // `parent` when given), with the attributes of the tag being read when
  // `own_attrs`; pushes it when `push`. kNoNode when a cap was hit.
  uint32_t InsertElement(html::Tag tag, uint32_t hash, bool push,
                         bool own_attrs = true, bool foster_ok = true,
                         uint32_t parent = kNoNode);
  void StartRaw(html::Tag tag, uint32_t hash, TextMode mode,
                uint32_t parent = kNoNode);
  void InsertText(uint32_t begin, uint32_t len, bool in_arena, bool ws);
  void EmitRaw(size_t begin, size_t end);
  void EnsureHead();
  void ClearTo(std::initializer_list<html::Tag> stop);
  bool HeadingInScope() const;
  uint32_t Clone(uint32_t node);
  void InsertTextNode(uint32_t begin, uint32_t len, bool in_arena, bool ws);
  void Push(uint32_t n);
  void Pop();
  void PopThrough(uint32_t n);
  void PopUntilTag(html::Tag tag);
  void PopUntilHeading();
  html::Tag Current() const { return t_.nodes[stack_.back()].tag; }
  bool InScope(html::Tag tag, Scope scope) const;
  bool NodeInScope(uint32_t n) const;
  void ImpliedEnd(html::Tag except);
  void ClosePInButtonScope();
  void Reconstruct();
  void PushActive(uint32_t n);
  void ClearActiveToMarker();
  void Adoption(html::Tag tag, uint32_t hash);
  void EnsureBody();
  void CloseHead();
  bool Matches(uint32_t n, html::Tag tag, uint32_t hash) const {
    const Node& x = t_.nodes[n];
    return x.tag == tag && (tag != html::Tag::kUnknown || x.name_hash == hash);
  }
  enum class Mode { kBody, kTable, kTableBody, kRow, kCell, kCaption, kSelect };
  Mode CurrentMode() const;
  void ClearToTableContext(uint16_t stop_mask_tags);

  void StartTag(html::Tag tag, uint32_t hash, bool self_closing);
  void BodyStartTag(html::Tag tag, uint32_t hash, bool self_closing);
  void EndTag(html::Tag tag, uint32_t hash);
  void BodyEndTag(html::Tag tag, uint32_t hash);
  void AnyOtherEndTag(html::Tag tag, uint32_t hash);
  void ForeignStartTag(html::Tag tag, uint32_t hash, bool self_closing);
  bool ForeignEndTag(html::Tag tag, uint32_t hash);
  void Doctype(std::string_view body);
  bool EqualsHidden() const;  // the tag being read has type=hidden

  std::string_view src_;
  const ParseOptions& opt_;
  Tree& t_;

  std::vector<uint32_t> stack_;
  std::vector<uint32_t> active_;
  std::vector<uint8_t> open_;         // per node: on the stack of open elements
  std::vector<Attribute> tag_attrs_;  // attributes of the tag being read
  uint32_t head_ = kNoNode;
  uint32_t body_ = kNoNode;
  uint32_t form_ = kNoNode;
  bool quirks_ = true;
  bool seen_doctype_ = false;
  bool started_ = false;     // any token other than a doctype seen
  int tables_ = 0;           // open table elements
  int selects_ = 0;          // open select elements
  size_t foreign_base_ = 0;  // stack index of the outermost svg/math, or 0
  TextMode mode_ = TextMode::kData;
  html::Tag raw_tag_ = html::Tag::kUnknown;
  uint32_t raw_node_ = kNoNode;  // element receiving raw text (not stacked)
  bool limited_ = false;         // node cap reached: no more elements
};

// ----- tree primitives -----

uint32_t Builder::NewNode(html::Tag tag, uint32_t hash) {
  uint32_t n = static_cast<uint32_t>(t_.nodes.size());
  t_.nodes.emplace_back();
  Node& x = t_.nodes.back();
  x.tag = tag;
  x.name_hash = hash;
  open_.push_back(0);
  return n;
}

void Builder::Append(uint32_t parent, uint32_t child) {
  Node& p = t_.nodes[parent];
  Node& c = t_.nodes[child];
  c.parent = parent;
  c.next = kNoNode;
  if (p.last_child == kNoNode) {
    p.first_child = child;
  } else {
    t_.nodes[p.last_child].next = child;
  }
  p.last_child = child;
}

void Builder::InsertBefore(uint32_t parent, uint32_t child, uint32_t ref) {
  Node& p = t_.nodes[parent];
  t_.nodes[child].parent = parent;
  t_.nodes[child].next = ref;
  if (p.first_child == ref) {
    p.first_child = child;
    return;
  }
  uint32_t c = p.first_child;
  while (t_.nodes[c].next != ref) c = t_.nodes[c].next;
  t_.nodes[c].next = child;
}

void Builder::Detach(uint32_t node) {
  uint32_t parent = t_.nodes[node].parent;
  if (parent == kNoNode) return;
  Node& p = t_.nodes[parent];
  uint32_t prev = kNoNode;
  for (uint32_t c = p.first_child; c != node; c = t_.nodes[c].next) prev = c;
  uint32_t next = t_.nodes[node].next;
  if (prev == kNoNode) {
    p.first_child = next;
  } else {
    t_.nodes[prev].next = next;
  }
  if (p.last_child == node) p.last_child = prev;
  t_.nodes[node].parent = kNoNode;
  t_.nodes[node].next = kNoNode;
}

// The "appropriate place for inserting a node": the current node, or before
// the last open table when the current node is table structure (foster
// parenting).
void Builder::InsertAtPlace(uint32_t node, bool foster_ok) {
  uint32_t target = stack_.back();
  if (foster_ok && Has(t_.nodes[target].tag, kTableish)) {
    for (size_t i = stack_.size(); i-- > 1;) {
      uint32_t s = stack_[i];
      if (t_.nodes[s].tag != html::Tag::kTable) continue;
      uint32_t parent = t_.nodes[s].parent;
      if (parent != kNoNode) {
        InsertBefore(parent, node, s);
      } else {
        Append(stack_[i - 1], node);
      }
      return;
    }
  }
  Append(target, node);
}

uint32_t Builder::InsertElement(html::Tag tag, uint32_t hash, bool push,
                                bool own_attrs, bool foster_ok,
                                uint32_t parent) {
  if (limited_ || t_.nodes.size() >= opt_.max_nodes) {
    limited_ = true;
    return kNoNode;
  }
  if (push && stack_.size() >= static_cast<size_t>(opt_.max_depth))
    return kNoNode;
  uint32_t n = NewNode(tag, hash);
  Node& x = t_.nodes[n];
  x.begin = static_cast<uint32_t>(t_.attrs.size());
  if (own_attrs) {
    x.len = static_cast<uint32_t>(tag_attrs_.size());
    t_.attrs.insert(t_.attrs.end(), tag_attrs_.begin(), tag_attrs_.end());
    tag_attrs_.clear();
  }
  if (parent != kNoNode) {
    Append(parent, n);
  } else {
    InsertAtPlace(n, foster_ok);
  }
  if (push) Push(n);
  return n;
}

uint32_t Builder::Clone(uint32_t node) {
  if (t_.nodes.size() >= opt_.max_nodes) {
    limited_ = true;
    return kNoNode;
  }
  uint32_t n = NewNode(t_.nodes[node].tag, t_.nodes[node].name_hash);
  Node& src = t_.nodes[node];
  Node& x = t_.nodes[n];
  x.begin = static_cast<uint32_t>(t_.attrs.size());
  x.len = src.len;
  for (uint32_t i = 0; i < src.len; ++i)
    t_.attrs.push_back(t_.attrs[src.begin + i]);
  return n;
}

void Builder::InsertTextNode(uint32_t begin, uint32_t len, bool in_arena,
                             bool ws) {
  if (len == 0 || limited_) return;
  if (t_.nodes.size() >= opt_.max_nodes) {
    limited_ = true;
    return;
  }
  uint32_t n = NewNode(html::Tag::kText, 0);
  Node& x = t_.nodes[n];
  x.begin = begin;
  x.len = len;
  x.in_arena = in_arena;
  x.whitespace = ws;
  // Whitespace inside table structure stays there; other text is fostered.
  InsertAtPlace(n, !ws);
}

void Builder::Push(uint32_t n) {
  html::Tag tag = t_.nodes[n].tag;
  if (tag == html::Tag::kTable) ++tables_;
  if (tag == html::Tag::kSelect) ++selects_;
  if ((tag == html::Tag::kSvg || tag == html::Tag::kMath) &&
      foreign_base_ == 0) {
    foreign_base_ = stack_.size();
  }
  open_[n] = 1;
  stack_.push_back(n);
}

void Builder::Pop() {
  if (stack_.size() <= 1) return;  // <html> stays
  uint32_t n = stack_.back();
  stack_.pop_back();
  open_[n] = 0;
  switch (t_.nodes[n].tag) {
    case html::Tag::kTable:
      --tables_;
      break;
    case html::Tag::kSelect:
      --selects_;
      break;
    case html::Tag::kTd:
    case html::Tag::kTh:
    case html::Tag::kCaption:
    case html::Tag::kApplet:
    case html::Tag::kMarquee:
    case html::Tag::kObject:
    case html::Tag::kTemplate:
      ClearActiveToMarker();
      break;
    default:
      break;
  }
  if (foreign_base_ != 0 && stack_.size() <= foreign_base_) foreign_base_ = 0;
}

void Builder::PopThrough(uint32_t n) {
  while (stack_.size() > 1) {
    uint32_t top = stack_.back();
    Pop();
    if (top == n) return;
  }
}

void Builder::PopUntilTag(html::Tag tag) {
  while (stack_.size() > 1) {
    bool done = Current() == tag;
    Pop();
    if (done) return;
  }
}

void Builder::PopUntilHeading() {
  while (stack_.size() > 1) {
    bool done = Has(Current(), kHeading);
    Pop();
    if (done) return;
  }
}

bool Builder::InScope(html::Tag tag, Scope scope) const {
  for (size_t i = stack_.size(); i-- > 0;) {
    html::Tag s = t_.nodes[stack_[i]].tag;
    if (s == tag) return true;
    switch (scope) {
      case Scope::kTable:
        if (s == html::Tag::kTable || s == html::Tag::kHtml ||
            s == html::Tag::kTemplate)
          return false;
        break;
      case Scope::kSelect:
        if (s != html::Tag::kOptgroup && s != html::Tag::kOption) return false;
        break;
      case Scope::kListItem:
        if (s == html::Tag::kOl || s == html::Tag::kUl) return false;
        [[fallthrough]];
      case Scope::kButton:
        if (scope == Scope::kButton && s == html::Tag::kButton) return false;
        [[fallthrough]];
      case Scope::kDefault:
        if (Has(s, kScope)) return false;
        break;
    }
  }
  return false;
}

bool Builder::NodeInScope(uint32_t n) const {
  for (size_t i = stack_.size(); i-- > 0;) {
    if (stack_[i] == n) return true;
    if (Has(t_.nodes[stack_[i]].tag, kScope)) return false;
  }
  return false;
}

void Builder::ImpliedEnd(html::Tag except) {
  while (stack_.size() > 1 && Current() != except &&
         Has(Current(), kImpliedEnd)) {
    Pop();
  }
}

void Builder::ClosePInButtonScope() {
  if (!InScope(html::Tag::kP, Scope::kButton)) return;
  ImpliedEnd(html::Tag::kP);
  PopUntilTag(html::Tag::kP);
}

void Builder::ClearActiveToMarker() {
  while (!active_.empty()) {
    uint32_t n = active_.back();
    active_.pop_back();
    if (n == kMarker) return;
  }
}

// Adds a formatting element to the active list; at most three entries with
// the same tag and attributes after the last marker (the Noah's-ark rule),
// and a hard cap on the list so reconstruction stays cheap.
void Builder::PushActive(uint32_t n) {
  const Node& x = t_.nodes[n];
  int same = 0;
  size_t earliest = 0;
  for (size_t i = active_.size(); i-- > 0;) {
    uint32_t a = active_[i];
    if (a == kMarker) break;
    const Node& y = t_.nodes[a];
    if (y.tag != x.tag || y.name_hash != x.name_hash || y.len != x.len)
      continue;
    bool equal = true;
    for (uint32_t k = 0; k < x.len && equal; ++k) {
      const Attribute& p = t_.attrs[x.begin + k];
      const Attribute& q = t_.attrs[y.begin + k];
      equal = p.id == q.id && t_.Span(p.in_arena, p.begin, p.len) ==
                                  t_.Span(q.in_arena, q.begin, q.len);
    }
    if (!equal) continue;
    ++same;
    earliest = i;
  }
  if (same >= 3) active_.erase(active_.begin() + earliest);
  if (active_.size() >= 64) active_.erase(active_.begin());
  active_.push_back(n);
}

void Builder::Reconstruct() {
  if (active_.empty()) return;
  uint32_t last = active_.back();
  if (last == kMarker || open_[last]) return;
  size_t i = active_.size() - 1;
  while (i > 0 && active_[i - 1] != kMarker && !open_[active_[i - 1]]) --i;
  for (; i < active_.size(); ++i) {
    if (stack_.size() >= static_cast<size_t>(opt_.max_depth)) return;
    uint32_t c = Clone(active_[i]);
    if (c == kNoNode) return;
    InsertAtPlace(c, true);
    Push(c);
    active_[i] = c;
  }
}

// A simplified adoption agency: the furthest block (first special element
// above the formatting element) moves to the formatting element's parent and
// receives a clone of the formatting element around its children; elements
// between the two are taken off the stack (the standard clones formatting
// ones; their text is unaffected).
void Builder::Adoption(html::Tag tag, uint32_t hash) {
  uint32_t cur = stack_.back();
  if (Matches(cur, tag, hash) &&
      std::find(active_.begin(), active_.end(), cur) == active_.end()) {
    Pop();
    return;
  }
  for (int iteration = 0; iteration < 8; ++iteration) {
    size_t fi = active_.size();
    for (size_t i = active_.size(); i-- > 0;) {
      if (active_[i] == kMarker) break;
      if (Matches(active_[i], tag, hash)) {
        fi = i;
        break;
      }
    }
    if (fi == active_.size()) {
      AnyOtherEndTag(tag, hash);
      return;
    }
    uint32_t f = active_[fi];
    if (!open_[f]) {
      active_.erase(active_.begin() + fi);
      return;
    }
    if (!NodeInScope(f)) return;
    size_t fs = stack_.size();
    while (stack_[--fs] != f) {
    }
    size_t fb = fs + 1;
    while (fb < stack_.size() && !Has(t_.nodes[stack_[fb]].tag, kSpecial)) ++fb;
    if (fb == stack_.size()) {
      PopThrough(f);
      active_.erase(active_.begin() + fi);
      return;
    }
    uint32_t block = stack_[fb];
    uint32_t clone = Clone(f);
    if (clone == kNoNode) {
      PopThrough(f);
      return;
    }
    active_[fi] = clone;
    // f and the elements between it and the block leave the stack.
    for (size_t k = fs; k < fb; ++k) {
      open_[stack_[k]] = 0;
      if (k == fs) continue;
      auto it = std::find(active_.begin(), active_.end(), stack_[k]);
      if (it != active_.end()) active_.erase(it);
    }
    std::vector<uint32_t> tail(stack_.begin() + fb + 1, stack_.end());
    stack_.resize(fs);  // the current node is now `common`
    Detach(block);
    InsertAtPlace(block, true);
    // The clone takes the block's children.
    Node& b = t_.nodes[block];
    Node& c = t_.nodes[clone];
    c.first_child = b.first_child;
    c.last_child = b.last_child;
    for (uint32_t k = c.first_child; k != kNoNode; k = t_.nodes[k].next)
      t_.nodes[k].parent = clone;
    b.first_child = b.last_child = kNoNode;
    Append(block, clone);
    stack_.push_back(block);
    stack_.push_back(clone);
    open_[clone] = 1;
    stack_.insert(stack_.end(), tail.begin(), tail.end());
    if (foreign_base_ != 0) {
      foreign_base_ = 0;
      for (size_t k = 1; k < stack_.size(); ++k) {
        html::Tag tg = t_.nodes[stack_[k]].tag;
        if (tg == html::Tag::kSvg || tg == html::Tag::kMath) {
          foreign_base_ = k;
          break;
        }
      }
    }
  }
}

// ----- insertion helpers -----

void Builder::EnsureHead() {
  if (head_ == kNoNode) head_ = InsertElement(html::Tag::kHead, 0, true, false);
}

void Builder::CloseHead() {
  EnsureHead();
  if (head_ != kNoNode && open_[head_]) PopThrough(head_);
}

void Builder::EnsureBody() {
  if (body_ != kNoNode) return;
  CloseHead();
  body_ = InsertElement(html::Tag::kBody, 0, true, false);
  if (body_ == kNoNode) body_ = 0;  // cap hit: content goes to <html>
}

void Builder::ClearTo(std::initializer_list<html::Tag> stop) {
  while (stack_.size() > 1) {
    html::Tag c = Current();
    if (c == html::Tag::kHtml || c == html::Tag::kTemplate) return;
    if (std::find(stop.begin(), stop.end(), c) != stop.end()) return;
    Pop();
  }
}

bool Builder::HeadingInScope() const {
  for (size_t i = stack_.size(); i-- > 0;) {
    html::Tag s = t_.nodes[stack_[i]].tag;
    if (Has(s, kHeading)) return true;
    if (Has(s, kScope)) return false;
  }
  return false;
}

Builder::Mode Builder::CurrentMode() const {
  if (tables_ == 0 && selects_ == 0) return Mode::kBody;
  for (size_t i = stack_.size(); i-- > 0;) {
    switch (t_.nodes[stack_[i]].tag) {
      case html::Tag::kTd:
      case html::Tag::kTh:
        return Mode::kCell;
      case html::Tag::kTr:
        return Mode::kRow;
      case html::Tag::kTbody:
      case html::Tag::kThead:
      case html::Tag::kTfoot:
        return Mode::kTableBody;
      case html::Tag::kCaption:
        return Mode::kCaption;
      case html::Tag::kTable:
        return Mode::kTable;
      case html::Tag::kSelect:
        return Mode::kSelect;
      case html::Tag::kTemplate:
      case html::Tag::kHtml:
        return Mode::kBody;
      default:
        break;
    }
  }
  return Mode::kBody;
}

// Raw-text elements never enter the stack: their one text child is added
// when the tokenizer reaches the end tag.
void Builder::StartRaw(html::Tag tag, uint32_t hash, TextMode mode,
                       uint32_t parent) {
  raw_node_ = InsertElement(tag, hash, false, true, true, parent);
  raw_tag_ = tag;
  mode_ = mode;
}

void Builder::InsertText(uint32_t begin, uint32_t len, bool in_arena, bool ws) {
  if (body_ == kNoNode) {
    if (ws) return;  // whitespace before <body> carries nothing
    std::string_view s = t_.Span(in_arena, begin, len);
    uint32_t k = 0;
    while (k < len && IsSpace(s[k])) ++k;
    if (head_ != kNoNode && open_[head_] && Current() == html::Tag::kNoscript) {
      Pop();
    }
    EnsureBody();
    begin += k;
    len -= k;
  }
  if (!ws) started_ = true;
  if (!ws && Current() == html::Tag::kColgroup) Pop();
  if (!(ws && Has(Current(), kTableish))) Reconstruct();
  InsertTextNode(begin, len, in_arena, ws);
}

// ----- start tags -----

void Builder::StartTag(html::Tag tag, uint32_t hash, bool self_closing) {
  started_ = true;
  using T = html::Tag;
  if (foreign_base_ != 0) {
    ForeignStartTag(tag, hash, self_closing);
    return;
  }
  if (body_ == kNoNode) {
    bool head_open = head_ != kNoNode && open_[head_];
    if (head_open && Current() == T::kNoscript) {
      switch (tag) {
        case T::kLink:
        case T::kMeta:
        case T::kStyle:
        case T::kNoframes:
        case T::kBasefont:
        case T::kBgsound:
          break;
        case T::kHead:
        case T::kNoscript:
          tag_attrs_.clear();
          return;
        default:
          Pop();
          break;
      }
    }
    switch (tag) {
      case T::kHtml:
        tag_attrs_.clear();
        return;
      case T::kHead:
        if (head_ == kNoNode) {
          head_ = InsertElement(T::kHead, 0, true);
        } else {
          tag_attrs_.clear();
        }
        return;
      case T::kBase:
      case T::kBasefont:
      case T::kBgsound:
      case T::kLink:
      case T::kMeta:
        EnsureHead();
        InsertElement(tag, hash, false, true, false,
                      open_[head_] ? stack_.back() : head_);
        return;
      case T::kTitle:
        EnsureHead();
        StartRaw(tag, hash, TextMode::kRcdata,
                 open_[head_] ? stack_.back() : head_);
        return;
      case T::kStyle:
      case T::kScript:
      case T::kNoframes:
        EnsureHead();
        StartRaw(tag, hash, TextMode::kRawText,
                 open_[head_] ? stack_.back() : head_);
        return;
      case T::kNoscript:
      case T::kTemplate:
        EnsureHead();
        if (open_[head_]) {
          InsertElement(tag, hash, true);
          return;
        }
        break;  // after </head>: an ordinary body element
      case T::kBody:
      case T::kFrameset:
        CloseHead();
        body_ = InsertElement(T::kBody, 0, true);
        if (body_ == kNoNode) body_ = 0;
        return;
      default:
        break;
    }
    EnsureBody();
  }
  // An open <colgroup> holds only <col>s: anything else closes it.
  if (Current() == T::kColgroup && tag != T::kCol) Pop();

  switch (CurrentMode()) {
    case Mode::kBody:
      break;
    case Mode::kSelect:
      switch (tag) {
        case T::kOption:
          if (Current() == T::kOption) Pop();
          InsertElement(tag, hash, true);
          return;
        case T::kOptgroup:
          if (Current() == T::kOption) Pop();
          if (Current() == T::kOptgroup) Pop();
          InsertElement(tag, hash, true);
          return;
        case T::kHr:
          if (Current() == T::kOption) Pop();
          if (Current() == T::kOptgroup) Pop();
          InsertElement(tag, hash, false);
          return;
        case T::kSelect:
          tag_attrs_.clear();
          PopUntilTag(T::kSelect);
          return;
        case T::kInput:
        case T::kKeygen:
        case T::kTextarea:
          PopUntilTag(T::kSelect);
          StartTag(tag, hash, self_closing);
          return;
        case T::kCaption:
        case T::kTable:
        case T::kTbody:
        case T::kTfoot:
        case T::kThead:
        case T::kTr:
        case T::kTd:
        case T::kTh:
          if (tables_ > 0) {
            PopUntilTag(T::kSelect);
            StartTag(tag, hash, self_closing);
          } else {
            tag_attrs_.clear();
          }
          return;
        case T::kScript:
        case T::kStyle:
          StartRaw(tag, hash, TextMode::kRawText);
          return;
        case T::kTemplate:
          InsertElement(tag, hash, true);
          return;
        default:
          tag_attrs_.clear();
          return;
      }
    case Mode::kCell:
    case Mode::kCaption:
      switch (tag) {
        case T::kCaption:
        case T::kCol:
        case T::kColgroup:
        case T::kTbody:
        case T::kTd:
        case T::kTfoot:
        case T::kTh:
        case T::kThead:
        case T::kTr:
          // Closes the open cell (or caption) and is reprocessed.
          ImpliedEnd(T::kUnknown);
          while (stack_.size() > 1) {
            T c = Current();
            Pop();
            if (c == T::kTd || c == T::kTh || c == T::kCaption) break;
          }
          StartTag(tag, hash, self_closing);
          return;
        default:
          break;
      }
      break;
    case Mode::kTable:
    case Mode::kTableBody:
    case Mode::kRow: {
      Mode m = CurrentMode();
      switch (tag) {
        case T::kCaption:
          ClearTo({T::kTable});
          if (InsertElement(tag, hash, true, true, false) != kNoNode)
            active_.push_back(kMarker);
          return;
        case T::kColgroup:
          ClearTo({T::kTable});
          InsertElement(tag, hash, true, true, false);
          return;
        case T::kCol:
          if (Current() != T::kColgroup) {
            ClearTo({T::kTable});
            InsertElement(T::kColgroup, 0, true, false, false);
          }
          InsertElement(tag, hash, false, true, false);
          return;
        case T::kTbody:
        case T::kThead:
        case T::kTfoot:
          ClearTo({T::kTable});
          InsertElement(tag, hash, true, true, false);
          return;
        case T::kTr:
        case T::kTd:
        case T::kTh: {
          bool cell = tag != T::kTr;
          if (m == Mode::kRow && !cell) {
            ClearTo({T::kTr});
            if (Current() == T::kTr) Pop();
            m = Mode::kTableBody;
          }
          if (m == Mode::kTable) {
            ClearTo({T::kTable});
            InsertElement(T::kTbody, 0, true, false, false);
            m = Mode::kTableBody;
          }
          if (m == Mode::kTableBody) {
            ClearTo({T::kTbody, T::kThead, T::kTfoot});
            if (cell) InsertElement(T::kTr, 0, true, false, false);
          } else {
            ClearTo({T::kTr});
          }
          if (InsertElement(tag, hash, true, true, false) != kNoNode && cell) {
            active_.push_back(kMarker);
          }
          return;
        }
        case T::kTable:
          PopUntilTag(T::kTable);
          StartTag(tag, hash, self_closing);
          return;
        case T::kStyle:
        case T::kScript:
          StartRaw(tag, hash, TextMode::kRawText, stack_.back());
          return;
        case T::kTemplate:
          InsertElement(tag, hash, true, true, false);
          return;
        case T::kInput:
          if (EqualsHidden()) {
            InsertElement(tag, hash, false, true, false);
            return;
          }
          break;
        case T::kForm:
          if (form_ == kNoNode)
            form_ = InsertElement(tag, hash, false, true, false);
          else
            tag_attrs_.clear();
          return;
        default:
          break;
      }
      break;
    }
  }
  BodyStartTag(tag, hash, self_closing);
}

void Builder::BodyStartTag(html::Tag tag, uint32_t hash, bool self_closing) {
  using T = html::Tag;
  switch (tag) {
    case T::kHtml:
    case T::kBody:
    case T::kHead:
    case T::kFrameset:
    case T::kCaption:
    case T::kCol:
    case T::kColgroup:
    case T::kFrame:
    case T::kTbody:
    case T::kTd:
    case T::kTfoot:
    case T::kTh:
    case T::kThead:
    case T::kTr:
      tag_attrs_.clear();
      return;
    case T::kBase:
    case T::kBasefont:
    case T::kBgsound:
    case T::kLink:
    case T::kMeta:
    case T::kParam:
    case T::kSource:
    case T::kTrack:
      InsertElement(tag, hash, false);
      return;
    case T::kTitle:
    case T::kTextarea:
      StartRaw(tag, hash, TextMode::kRcdata);
      return;
    case T::kStyle:
    case T::kScript:
    case T::kNoframes:
    case T::kIframe:
    case T::kNoembed:
      StartRaw(tag, hash, TextMode::kRawText);
      return;
    case T::kXmp:
      ClosePInButtonScope();
      Reconstruct();
      StartRaw(tag, hash, TextMode::kRawText);
      return;
    case T::kPlaintext:
      ClosePInButtonScope();
      StartRaw(tag, hash, TextMode::kPlaintext);
      return;
    case T::kTemplate:
      if (InsertElement(tag, hash, true) != kNoNode) active_.push_back(kMarker);
      return;
    case T::kH1:
    case T::kH2:
    case T::kH3:
    case T::kH4:
    case T::kH5:
    case T::kH6:
      ClosePInButtonScope();
      if (Has(Current(), kHeading)) Pop();
      InsertElement(tag, hash, true);
      return;
    case T::kForm:
      if (form_ != kNoNode) {
        tag_attrs_.clear();
        return;
      }
      ClosePInButtonScope();
      form_ = InsertElement(tag, hash, true);
      return;
    case T::kLi:
    case T::kDd:
    case T::kDt:
      for (size_t i = stack_.size(); i-- > 1;) {
        T s = t_.nodes[stack_[i]].tag;
        bool match = tag == T::kLi ? s == T::kLi : (s == T::kDd || s == T::kDt);
        if (match) {
          ImpliedEnd(s);
          PopUntilTag(s);
          break;
        }
        if (Has(s, kSpecial) && s != T::kAddress && s != T::kDiv &&
            s != T::kP) {
          break;
        }
      }
      ClosePInButtonScope();
      InsertElement(tag, hash, true);
      return;
    case T::kButton:
      if (InScope(T::kButton, Scope::kDefault)) {
        ImpliedEnd(T::kUnknown);
        PopUntilTag(T::kButton);
      }
      Reconstruct();
      InsertElement(tag, hash, true);
      return;
    case T::kA:
      for (size_t i = active_.size(); i-- > 0;) {
        uint32_t a = active_[i];
        if (a == kMarker) break;
        if (t_.nodes[a].tag != T::kA) continue;
        std::vector<Attribute> saved;
        saved.swap(tag_attrs_);
        Adoption(T::kA, 0);
        saved.swap(tag_attrs_);
        auto it = std::find(active_.begin(), active_.end(), a);
        if (it != active_.end()) active_.erase(it);
        if (open_[a]) {
          for (size_t k = stack_.size(); k-- > 1;) {
            if (stack_[k] == a) {
              stack_.erase(stack_.begin() + k);
              open_[a] = 0;
              break;
            }
          }
        }
        break;
      }
      [[fallthrough]];
    case T::kB:
    case T::kBig:
    case T::kCode:
    case T::kEm:
    case T::kFont:
    case T::kI:
    case T::kS:
    case T::kSmall:
    case T::kStrike:
    case T::kStrong:
    case T::kTt:
    case T::kU: {
      Reconstruct();
      uint32_t n = InsertElement(tag, hash, true);
      if (n != kNoNode) PushActive(n);
      return;
    }
    case T::kNobr: {
      Reconstruct();
      if (InScope(T::kNobr, Scope::kDefault)) {
        std::vector<Attribute> saved;
        saved.swap(tag_attrs_);
        Adoption(T::kNobr, 0);
        saved.swap(tag_attrs_);
        Reconstruct();
      }
      uint32_t n = InsertElement(tag, hash, true);
      if (n != kNoNode) PushActive(n);
      return;
    }
    case T::kApplet:
    case T::kMarquee:
    case T::kObject:
      Reconstruct();
      if (InsertElement(tag, hash, true) != kNoNode) active_.push_back(kMarker);
      return;
    case T::kTable:
      if (!quirks_) ClosePInButtonScope();
      InsertElement(tag, hash, true);
      return;
    case T::kArea:
    case T::kBr:
    case T::kEmbed:
    case T::kImg:
    case T::kKeygen:
    case T::kWbr:
    case T::kInput:
      Reconstruct();
      InsertElement(tag, hash, false);
      return;
    case T::kHr:
      ClosePInButtonScope();
      InsertElement(tag, hash, false);
      return;
    case T::kSelect:
      Reconstruct();
      InsertElement(tag, hash, true);
      return;
    case T::kOptgroup:
    case T::kOption:
      if (Current() == T::kOption) Pop();
      Reconstruct();
      InsertElement(tag, hash, true);
      return;
    case T::kRb:
    case T::kRtc:
      if (InScope(T::kRuby, Scope::kDefault)) ImpliedEnd(T::kUnknown);
      InsertElement(tag, hash, true);
      return;
    case T::kRp:
    case T::kRt:
      if (InScope(T::kRuby, Scope::kDefault)) ImpliedEnd(T::kRtc);
      InsertElement(tag, hash, true);
      return;
    case T::kSvg:
    case T::kMath:
      Reconstruct();
      InsertElement(tag, hash, !self_closing);
      return;
    default:
      break;
  }
  if (Has(tag, kClosesP)) {
    ClosePInButtonScope();
  } else {
    Reconstruct();
  }
  InsertElement(tag, hash, true);
}

void Builder::ForeignStartTag(html::Tag tag, uint32_t hash, bool self_closing) {
  using T = html::Tag;
  switch (tag) {
    case T::kB:
    case T::kBig:
    case T::kBlockquote:
    case T::kBody:
    case T::kBr:
    case T::kCenter:
    case T::kCode:
    case T::kDd:
    case T::kDiv:
    case T::kDl:
    case T::kDt:
    case T::kEm:
    case T::kEmbed:
    case T::kH1:
    case T::kH2:
    case T::kH3:
    case T::kH4:
    case T::kH5:
    case T::kH6:
    case T::kHead:
    case T::kHr:
    case T::kI:
    case T::kImg:
    case T::kLi:
    case T::kListing:
    case T::kMenu:
    case T::kMeta:
    case T::kNobr:
    case T::kOl:
    case T::kP:
    case T::kPre:
    case T::kRuby:
    case T::kS:
    case T::kSmall:
    case T::kSpan:
    case T::kStrong:
    case T::kStrike:
    case T::kSub:
    case T::kSup:
    case T::kTable:
    case T::kTt:
    case T::kU:
    case T::kUl:
      // HTML breaks out of svg/math.
      while (foreign_base_ != 0 && stack_.size() > 1) Pop();
      StartTag(tag, hash, self_closing);
      return;
    default:
      InsertElement(tag, hash, !self_closing);
      return;
  }
}

bool Builder::ForeignEndTag(html::Tag tag, uint32_t hash) {
  for (size_t i = stack_.size(); i-- > foreign_base_;) {
    if (Matches(stack_[i], tag, hash)) {
      PopThrough(stack_[i]);
      return true;
    }
  }
  return false;
}

// ----- end tags -----

void Builder::EndTag(html::Tag tag, uint32_t hash) {
  using T = html::Tag;
  started_ = true;
  if (foreign_base_ != 0 && ForeignEndTag(tag, hash)) return;
  if (body_ == kNoNode) {
    if (tag == T::kHead) {
      CloseHead();
    } else if (tag == T::kNoscript && Current() == T::kNoscript) {
      Pop();
    } else if (tag == T::kBr) {
      EnsureBody();
      BodyStartTag(T::kBr, 0, false);
    }
    return;
  }
  switch (CurrentMode()) {
    case Mode::kBody:
      break;
    case Mode::kSelect:
      switch (tag) {
        case T::kOption:
          if (Current() == T::kOption) Pop();
          return;
        case T::kOptgroup:
          if (Current() == T::kOption && stack_.size() > 2 &&
              t_.nodes[stack_[stack_.size() - 2]].tag == T::kOptgroup) {
            Pop();
          }
          if (Current() == T::kOptgroup) Pop();
          return;
        case T::kSelect:
          PopUntilTag(T::kSelect);
          return;
        case T::kCaption:
        case T::kTable:
        case T::kTbody:
        case T::kTfoot:
        case T::kThead:
        case T::kTr:
        case T::kTd:
        case T::kTh:
          if (tables_ > 0 && InScope(tag, Scope::kTable)) {
            PopUntilTag(T::kSelect);
            EndTag(tag, hash);
          }
          return;
        default:
          return;
      }
    case Mode::kCell:
    case Mode::kCaption:
      switch (tag) {
        case T::kTd:
        case T::kTh:
        case T::kCaption:
          if (InScope(tag, Scope::kTable)) {
            ImpliedEnd(T::kUnknown);
            PopUntilTag(tag);
          }
          return;
        case T::kBody:
        case T::kCol:
        case T::kColgroup:
        case T::kHtml:
          return;
        case T::kTable:
        case T::kTbody:
        case T::kTfoot:
        case T::kThead:
        case T::kTr:
          if (InScope(tag, Scope::kTable)) {
            ImpliedEnd(T::kUnknown);
            while (stack_.size() > 1) {
              T c = Current();
              Pop();
              if (c == T::kTd || c == T::kTh || c == T::kCaption) break;
            }
            EndTag(tag, hash);
          }
          return;
        default:
          break;
      }
      break;
    case Mode::kTable:
    case Mode::kTableBody:
    case Mode::kRow:
      switch (tag) {
        case T::kTable:
          if (InScope(T::kTable, Scope::kTable)) PopUntilTag(T::kTable);
          return;
        case T::kTbody:
        case T::kTfoot:
        case T::kThead:
          if (InScope(tag, Scope::kTable)) {
            ClearTo({T::kTbody, T::kThead, T::kTfoot});
            Pop();
          }
          return;
        case T::kTr:
          if (InScope(T::kTr, Scope::kTable)) {
            ClearTo({T::kTr});
            Pop();
          }
          return;
        case T::kColgroup:
          if (Current() == T::kColgroup) Pop();
          return;
        case T::kBody:
        case T::kCaption:
        case T::kCol:
        case T::kHtml:
        case T::kTd:
        case T::kTh:
          return;
        default:
          break;
      }
      break;
  }
  BodyEndTag(tag, hash);
}

void Builder::BodyEndTag(html::Tag tag, uint32_t hash) {
  using T = html::Tag;
  switch (tag) {
    case T::kBody:
    case T::kHtml:
      return;
    case T::kForm: {
      uint32_t n = form_;
      form_ = kNoNode;
      if (n == kNoNode || !NodeInScope(n)) return;
      ImpliedEnd(T::kUnknown);
      for (size_t k = stack_.size(); k-- > 1;) {
        if (stack_[k] == n) {
          stack_.erase(stack_.begin() + k);
          open_[n] = 0;
          break;
        }
      }
      return;
    }
    case T::kP:
      if (!InScope(T::kP, Scope::kButton)) {
        Reconstruct();
        InsertElement(T::kP, 0, false, false);
      } else {
        ImpliedEnd(T::kP);
        PopUntilTag(T::kP);
      }
      return;
    case T::kLi:
      if (InScope(T::kLi, Scope::kListItem)) {
        ImpliedEnd(T::kLi);
        PopUntilTag(T::kLi);
      }
      return;
    case T::kDd:
    case T::kDt:
      if (InScope(tag, Scope::kDefault)) {
        ImpliedEnd(tag);
        PopUntilTag(tag);
      }
      return;
    case T::kH1:
    case T::kH2:
    case T::kH3:
    case T::kH4:
    case T::kH5:
    case T::kH6:
      if (HeadingInScope()) {
        ImpliedEnd(T::kUnknown);
        PopUntilHeading();
      }
      return;
    case T::kA:
    case T::kB:
    case T::kBig:
    case T::kCode:
    case T::kEm:
    case T::kFont:
    case T::kI:
    case T::kNobr:
    case T::kS:
    case T::kSmall:
    case T::kStrike:
    case T::kStrong:
    case T::kTt:
    case T::kU:
      Adoption(tag, hash);
      return;
    case T::kApplet:
    case T::kMarquee:
    case T::kObject:
      if (InScope(tag, Scope::kDefault)) {
        ImpliedEnd(T::kUnknown);
        PopUntilTag(tag);
      }
      return;
    case T::kBr:
      Reconstruct();
      InsertElement(T::kBr, 0, false, false);
      return;
    default:
      break;
  }
  if (Has(tag, kPlainBlock)) {
    if (InScope(tag, Scope::kDefault)) {
      ImpliedEnd(T::kUnknown);
      PopUntilTag(tag);
    }
    return;
  }
  AnyOtherEndTag(tag, hash);
}

void Builder::AnyOtherEndTag(html::Tag tag, uint32_t hash) {
  for (size_t i = stack_.size(); i-- > 1;) {
    uint32_t n = stack_[i];
    if (Matches(n, tag, hash)) {
      ImpliedEnd(tag);
      PopThrough(n);
      return;
    }
    if (Has(t_.nodes[n].tag, kSpecial)) return;
  }
}

// ----- doctype -----

void Builder::Doctype(std::string_view body) {
  if (started_ || seen_doctype_) return;
  seen_doctype_ = true;
  std::string d;
  for (char c : body.substr(0, 300)) d.push_back(Lower(c));
  size_t b = 0;
  while (b < d.size() && IsSpace(d[b])) ++b;
  size_t e = b;
  while (e < d.size() && !IsSpace(d[e])) ++e;
  if (d.substr(b, e - b) != "html") {
    quirks_ = true;
    return;
  }
  quirks_ = false;
  size_t pub = d.find("public", e);
  if (pub == std::string::npos) return;
  size_t q1 = d.find_first_of("\"'", pub);
  if (q1 == std::string::npos) return;
  size_t q2 = d.find(d[q1], q1 + 1);
  std::string_view id = std::string_view(d).substr(
      q1 + 1, q2 == std::string::npos ? std::string::npos : q2 - q1 - 1);
  bool has_system = q2 != std::string::npos &&
                    d.find_first_of("\"'", q2 + 1) != std::string::npos;
  static constexpr std::string_view kQuirky[] = {
      "-//w3c//dtd html 3",
      "-//w3c//dtd html 4.0 transitional",
      "-//w3c//dtd html 4.0 frameset",
      "-//w3c//dtd html 2",
      "-//w3c//dtd w3 html",
      "-//w3c//dtd html experimental",
      "-//ietf//",
      "-//w3o//",
      "-//netscape",
      "-//microsoft",
      "-//softquad",
      "-//spyglass",
      "-//sun microsystems",
      "-//webtechs",
      "-//o'reilly",
      "-//as//",
      "-//advasoft",
      "-//metrius",
      "-//sq//",
      "-//silmaril"};
  for (std::string_view q : kQuirky) {
    if (id.substr(0, q.size()) == q) quirks_ = true;
  }
  if (!has_system &&
      (id.substr(0, 34) == "-//w3c//dtd html 4.01 transitional" ||
       id.substr(0, 31) == "-//w3c//dtd html 4.01 frameset")) {
    quirks_ = true;
  }
}

// ----- tokenizer -----

void Builder::Text(size_t begin, size_t end) {
  if (begin >= end) return;
  const char* p = src_.data() + begin;
  size_t n = end - begin;
  bool decode =
      std::memchr(p, '&', n) != nullptr || std::memchr(p, '\0', n) != nullptr;
  uint32_t off = static_cast<uint32_t>(begin);
  uint32_t len = static_cast<uint32_t>(n);
  bool in_arena = false;
  if (decode) {
    std::string& a = t_.arena;
    off = static_cast<uint32_t>(a.size());
    std::string_view s = src_.substr(0, end);
    size_t i = begin;
    while (i < end) {
      char c = s[i];
      if (c == '&') {
        size_t used = DecodeReference(s, i + 1, false, &a);
        if (used == 0) a.push_back('&');
        i += 1 + used;
      } else if (c == '\0') {
        ++i;  // dropped in body content
      } else {
        size_t j = i + 1;
        while (j < end && s[j] != '&' && s[j] != '\0') ++j;
        a.append(s.data() + i, j - i);
        i = j;
      }
    }
    len = static_cast<uint32_t>(a.size() - off);
    in_arena = true;
  }
  std::string_view t = t_.Span(in_arena, off, len);
  bool ws = true;
  for (char c : t) {
    if (!IsSpace(c)) {
      ws = false;
      break;
    }
  }
  if (len > 0) InsertText(off, len, in_arena, ws);
}

void Builder::EmitRaw(size_t begin, size_t end) {
  if (begin >= end || raw_node_ == kNoNode) return;
  bool rcdata = mode_ == TextMode::kRcdata;
  const char* p = src_.data() + begin;
  size_t n = end - begin;
  bool decode = (rcdata && std::memchr(p, '&', n) != nullptr) ||
                std::memchr(p, '\0', n) != nullptr;
  uint32_t off = static_cast<uint32_t>(begin);
  uint32_t len = static_cast<uint32_t>(n);
  if (decode) {
    std::string& a = t_.arena;
    off = static_cast<uint32_t>(a.size());
    std::string_view s = src_.substr(0, end);
    for (size_t i = begin; i < end;) {
      if (s[i] == '&' && rcdata) {
        size_t used = DecodeReference(s, i + 1, false, &a);
        if (used == 0) a.push_back('&');
        i += 1 + used;
      } else if (s[i] == '\0') {
        a.append("\xEF\xBF\xBD");
        ++i;
      } else {
        a.push_back(s[i++]);
      }
    }
    len = static_cast<uint32_t>(a.size() - off);
  }
  if (len == 0 || t_.nodes.size() >= opt_.max_nodes) return;
  uint32_t node = NewNode(html::Tag::kText, 0);
  Node& x = t_.nodes[node];
  x.begin = off;
  x.len = len;
  x.in_arena = decode;
  std::string_view t = t_.Span(decode, off, len);
  x.whitespace = std::all_of(t.begin(), t.end(), IsSpace);
  Append(raw_node_, node);
}

size_t Builder::RawText(size_t from) {
  const size_t n = src_.size();
  if (mode_ == TextMode::kPlaintext) {
    EmitRaw(from, n);
    return n;
  }
  std::string_view name = TagName(raw_tag_);
  size_t i = from;
  while (true) {
    const void* p = std::memchr(src_.data() + i, '<', n - i);
    if (p == nullptr) break;
    size_t j = static_cast<const char*>(p) - src_.data();
    size_t k = j + 2 + name.size();
    if (k < n && src_[j + 1] == '/') {
      bool match = true;
      for (size_t m = 0; m < name.size() && match; ++m)
        match = Lower(src_[j + 2 + m]) == name[m];
      if (match && (IsSpace(src_[k]) || src_[k] == '/' || src_[k] == '>')) {
        EmitRaw(from, j);
        mode_ = TextMode::kData;
        raw_node_ = kNoNode;
        const void* gt = std::memchr(src_.data() + k, '>', n - k);
        return gt == nullptr ? n
                             : static_cast<const char*>(gt) - src_.data() + 1;
      }
    }
    i = j + 1;
  }
  EmitRaw(from, n);
  mode_ = TextMode::kData;
  raw_node_ = kNoNode;
  return n;
}

size_t Builder::Comment(size_t lt) {
  const size_t n = src_.size();
  size_t i = lt + 4;
  if (i < n && src_[i] == '>') return i + 1;
  if (i + 1 < n && src_[i] == '-' && src_[i + 1] == '>') return i + 2;
  while (i < n) {
    const void* p = std::memchr(src_.data() + i, '-', n - i);
    if (p == nullptr) return n;
    size_t j = static_cast<const char*>(p) - src_.data();
    if (j + 2 < n && src_[j + 1] == '-') {
      if (src_[j + 2] == '>') return j + 3;
      if (j + 3 < n && src_[j + 2] == '!' && src_[j + 3] == '>') return j + 4;
    }
    i = j + 1;
  }
  return n;
}

size_t Builder::Bogus(size_t from) {
  if (from >= src_.size()) return src_.size();
  const void* p = std::memchr(src_.data() + from, '>', src_.size() - from);
  return p == nullptr ? src_.size()
                      : static_cast<const char*>(p) - src_.data() + 1;
}

size_t Builder::Declaration(size_t lt) {
  const size_t n = src_.size();
  std::string_view rest = src_.substr(lt + 2);
  if (rest.size() >= 2 && rest[0] == '-' && rest[1] == '-') return Comment(lt);
  auto starts_ci = [&rest](std::string_view w) {
    if (rest.size() < w.size()) return false;
    for (size_t i = 0; i < w.size(); ++i) {
      if (Lower(rest[i]) != w[i]) return false;
    }
    return true;
  };
  if (starts_ci("doctype")) {
    size_t end = Bogus(lt + 9);
    size_t body_end = end == n && (n == 0 || src_[n - 1] != '>') ? n : end - 1;
    Doctype(src_.substr(lt + 9, body_end > lt + 9 ? body_end - lt - 9 : 0));
    return end;
  }
  if (foreign_base_ != 0 && rest.substr(0, 7) == "[CDATA[") {
    size_t b = lt + 9;
    size_t e = src_.find("]]>", b);
    size_t stop = e == std::string_view::npos ? n : e;
    Text(b, stop);
    return e == std::string_view::npos ? n : e + 3;
  }
  return Bogus(lt + 2);
}

size_t Builder::Tag(size_t lt) {
  const size_t n = src_.size();
  size_t i = lt + 1;
  bool end_tag = src_[i] == '/';
  if (end_tag) ++i;
  char name[16];
  size_t name_len = 0;
  uint32_t h = kFnvBasis;
  while (i < n && !IsSpace(src_[i]) && src_[i] != '/' && src_[i] != '>') {
    char c = Lower(src_[i]);
    if (name_len < sizeof(name)) name[name_len] = c;
    ++name_len;
    h = FnvStep(h, c);
    ++i;
  }
  html::Tag tag = name_len <= sizeof(name)
                      ? TagFromHashedName(std::string_view(name, name_len), h)
                      : html::Tag::kUnknown;
  tag_attrs_.clear();
  bool self_closing = false;
  while (true) {
    while (i < n && IsSpace(src_[i])) ++i;
    if (i >= n) {
      tag_attrs_.clear();
      return n;  // EOF inside a tag: the tag is dropped
    }
    char c = src_[i];
    if (c == '>') {
      ++i;
      break;
    }
    if (c == '/') {
      if (i + 1 < n && src_[i + 1] == '>') {
        self_closing = true;
        i += 2;
        break;
      }
      ++i;
      continue;
    }
    size_t nb = i++;
    while (i < n && !IsSpace(src_[i]) && src_[i] != '/' && src_[i] != '>' &&
           src_[i] != '=') {
      ++i;
    }
    AttrId id = AttrId::kCount;
    if (i - nb <= 11) {
      char an[11];
      for (size_t k = nb; k < i; ++k) an[k - nb] = Lower(src_[k]);
      id = AttrFromName(std::string_view(an, i - nb));
    }
    size_t save = i;
    while (i < n && IsSpace(src_[i])) ++i;
    size_t vb = i, ve = i;
    if (i < n && src_[i] == '=') {
      ++i;
      while (i < n && IsSpace(src_[i])) ++i;
      if (i >= n) {
        tag_attrs_.clear();
        return n;
      }
      if (src_[i] == '"' || src_[i] == '\'') {
        const void* q = std::memchr(src_.data() + i + 1, src_[i], n - i - 1);
        if (q == nullptr) {
          tag_attrs_.clear();
          return n;
        }
        vb = i + 1;
        ve = static_cast<const char*>(q) - src_.data();
        i = ve + 1;
      } else {
        vb = i;
        while (i < n && !IsSpace(src_[i]) && src_[i] != '>') ++i;
        ve = i;
      }
    } else {
      i = save;
    }
    if (id == AttrId::kCount || end_tag) continue;
    bool dup = false;
    for (const Attribute& a : tag_attrs_) dup = dup || a.id == id;
    if (dup) continue;
    Attribute a{id, false, static_cast<uint32_t>(vb),
                static_cast<uint32_t>(ve - vb)};
    std::string_view v = src_.substr(vb, ve - vb);
    if (v.find('&') != std::string_view::npos ||
        v.find('\0') != std::string_view::npos) {
      std::string& ar = t_.arena;
      a.in_arena = true;
      a.begin = static_cast<uint32_t>(ar.size());
      for (size_t k = 0; k < v.size();) {
        if (v[k] == '&') {
          size_t used = DecodeReference(v, k + 1, true, &ar);
          if (used == 0) ar.push_back('&');
          k += 1 + used;
        } else if (v[k] == '\0') {
          ar.append("\xEF\xBF\xBD");
          ++k;
        } else {
          ar.push_back(v[k++]);
        }
      }
      a.len = static_cast<uint32_t>(ar.size() - a.begin);
    }
    tag_attrs_.push_back(a);
  }
  if (end_tag) {
    EndTag(tag, h);
  } else {
    if (tag == html::Tag::kUnknown && foreign_base_ == 0 && h == kImageHash) {
      tag = html::Tag::kImg;
    }
    StartTag(tag, h, self_closing);
  }
  tag_attrs_.clear();
  return i;
}

bool Builder::EqualsHidden() const {
  for (const Attribute& a : tag_attrs_) {
    if (a.id != AttrId::kType) continue;
    std::string_view v = t_.Span(a.in_arena, a.begin, a.len);
    if (v.size() != 6) return false;
    for (size_t k = 0; k < 6; ++k) {
      if (Lower(v[k]) != "hidden"[k]) return false;
    }
    return true;
  }
  return false;
}

void Builder::Run() {
  uint32_t root = NewNode(html::Tag::kHtml, 0);
  Push(root);
  const size_t n = src_.size();
  size_t text_begin = 0;
  size_t i = 0;
  while (i < n) {
    if (mode_ != TextMode::kData) {
      i = text_begin = RawText(i);
      continue;
    }
    const void* p = std::memchr(src_.data() + i, '<', n - i);
    if (p == nullptr) break;
    size_t lt = static_cast<const char*>(p) - src_.data();
    char c = lt + 1 < n ? src_[lt + 1] : '\0';
    size_t next;
    if (IsAlpha(c)) {
      Text(text_begin, lt);
      next = Tag(lt);
    } else if (c == '/') {
      char c2 = lt + 2 < n ? src_[lt + 2] : '\0';
      if (lt + 2 >= n) {
        i = lt + 1;
        continue;
      }
      Text(text_begin, lt);
      if (IsAlpha(c2)) {
        next = Tag(lt);
      } else if (c2 == '>') {
        next = lt + 3;
      } else {
        next = Bogus(lt + 2);
      }
    } else if (c == '!') {
      Text(text_begin, lt);
      next = Declaration(lt);
    } else if (c == '?') {
      Text(text_begin, lt);
      next = Bogus(lt + 1);
    } else {
      i = lt + 1;
      continue;
    }
    i = text_begin = next;
  }
  if (mode_ == TextMode::kData) Text(text_begin, n);
}

}  // namespace

void ParseHtml(std::string_view html, const ParseOptions& options, Tree* tree) {
  tree->Clear();
  if (html.size() > 0x7FFFFFFFu) html = html.substr(0, 0x7FFFFFFFu);
  if (options.validate_utf8 && !utf8::IsValid(html)) {
    tree->owned = utf8::Sanitize(html, nullptr);
    if (tree->owned.size() > 0x7FFFFFFFu) tree->owned.resize(0x7FFFFFFFu);
    html = tree->owned;
  }
  tree->source = html;
  tree->nodes.reserve(html.size() / 24 + 16);
  tree->attrs.reserve(html.size() / 80 + 16);
  Builder builder(html, options, tree);
  builder.Run();
}

}  // namespace synoptic::extract::internal::html
