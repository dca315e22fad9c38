// Tag and attribute name tables of the compact tree (html_tree.h).
#include "synoptic/extract/internal/html_tree.h"

#include <algorithm>
#include <array>

namespace synoptic::extract::internal::html {
namespace {

constexpr std::array<std::string_view, static_cast<size_t>(Tag::kCount) - 2>
    kTagNames = {
#define SYN_HTML_TAG_NAME(id, name) name,
        SYN_HTML_TAGS(SYN_HTML_TAG_NAME)
#undef SYN_HTML_TAG_NAME
};

constexpr bool SortedNames() {
  for (size_t i = 1; i < kTagNames.size(); ++i) {
    if (!(kTagNames[i - 1] < kTagNames[i])) return false;
  }
  return true;
}
static_assert(SortedNames(), "SYN_HTML_TAGS must be sorted by name");

constexpr uint32_t Fnv1a(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

// Open-addressing table from the FNV-1a hash of a tag name to its index in
// kTagNames + 1 (0 = empty slot): the tokenizer hashes names anyway.
constexpr size_t kSlots = 512;
constexpr std::array<uint8_t, kSlots> MakeSlots() {
  std::array<uint8_t, kSlots> slots{};
  for (size_t i = 0; i < kTagNames.size(); ++i) {
    size_t at = Fnv1a(kTagNames[i]) & (kSlots - 1);
    while (slots[at] != 0) at = (at + 1) & (kSlots - 1);
    slots[at] = static_cast<uint8_t>(i + 1);
  }
  return slots;
}
constexpr std::array<uint8_t, kSlots> kSlotsTable = MakeSlots();

struct AttrName {
  std::string_view name;
  AttrId id;
};
constexpr std::array<AttrName, static_cast<size_t>(AttrId::kCount)> kAttrNames =
    {{
        {"class", AttrId::kClass},
        {"id", AttrId::kId},
        {"itemprop", AttrId::kItemprop},
        {"role", AttrId::kRole},
        {"hidden", AttrId::kHidden},
        {"aria-hidden", AttrId::kAriaHidden},
        {"style", AttrId::kStyle},
        {"href", AttrId::kHref},
        {"datetime", AttrId::kDatetime},
        {"content", AttrId::kContent},
        {"property", AttrId::kProperty},
        {"name", AttrId::kName},
        {"rel", AttrId::kRel},
        {"lang", AttrId::kLang},
        {"type", AttrId::kType},
        {"pubdate", AttrId::kPubdate},
    }};

}  // namespace

Tag TagFromName(std::string_view lower) {
  auto it = std::lower_bound(kTagNames.begin(), kTagNames.end(), lower);
  if (it == kTagNames.end() || *it != lower) return Tag::kUnknown;
  return static_cast<Tag>(2 + (it - kTagNames.begin()));
}

Tag TagFromHashedName(std::string_view lower, uint32_t fnv1a) {
  for (size_t at = fnv1a & (kSlots - 1);; at = (at + 1) & (kSlots - 1)) {
    uint8_t v = kSlotsTable[at];
    if (v == 0) return Tag::kUnknown;
    if (kTagNames[v - 1] == lower) return static_cast<Tag>(v + 1);
  }
}

std::string_view TagName(Tag tag) {
  size_t i = static_cast<size_t>(tag);
  if (i < 2 || i >= static_cast<size_t>(Tag::kCount)) return {};
  return kTagNames[i - 2];
}

AttrId AttrFromName(std::string_view lower) {
  if (lower.size() < 2 || lower.size() > 11) return AttrId::kCount;
  for (const AttrName& a : kAttrNames) {
    if (a.name == lower) return a.id;
  }
  return AttrId::kCount;
}

std::string_view Tree::Attr(uint32_t n, AttrId a) const {
  const Node& x = nodes[n];
  if (x.tag == Tag::kText) return {};
  for (uint32_t i = x.begin; i < x.begin + x.len; ++i) {
    if (attrs[i].id == a)
      return Span(attrs[i].in_arena, attrs[i].begin, attrs[i].len);
  }
  return {};
}

bool Tree::HasAttr(uint32_t n, AttrId a) const {
  const Node& x = nodes[n];
  if (x.tag == Tag::kText) return false;
  for (uint32_t i = x.begin; i < x.begin + x.len; ++i) {
    if (attrs[i].id == a) return true;
  }
  return false;
}

void Tree::Clear() {
  source = {};
  owned.clear();
  arena.clear();
  nodes.clear();
  attrs.clear();
}

}  // namespace synoptic::extract::internal::html
