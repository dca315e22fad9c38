// Fuzzes our HTML tokenizer and tree builder (extract/internal/html_tree.h)
// and the extraction walk over its tree. Checks the tree invariants: every
// node reachable from the root exactly once with consistent parent links,
// text and attribute spans inside their buffers, valid UTF-8 text, depth
// within the cap. The same bytes also go through the gumbo reference path
// (converter + extraction), which must not crash either.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "synoptic/core/utf8.h"
#include "synoptic/extract/internal/extractors.h"
#include "synoptic/extract/internal/html_tree.h"

namespace html = synoptic::extract::internal::html;

namespace {

void CheckTree(const html::Tree& t, int max_depth) {
  if (t.nodes.empty() || t.nodes[0].tag != html::Tag::kHtml) __builtin_trap();
  std::string_view src = t.owned.empty() ? t.source : t.owned;
  std::vector<uint8_t> seen(t.nodes.size(), 0);
  struct Item {
    uint32_t node;
    int depth;
  };
  std::vector<Item> stack{{0, 0}};
  size_t visited = 0;
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    if (it.node >= t.nodes.size() || seen[it.node]) __builtin_trap();
    seen[it.node] = 1;
    ++visited;
    if (it.depth > max_depth + 2) __builtin_trap();
    const html::Node& x = t.nodes[it.node];
    if (x.tag == html::Tag::kText) {
      size_t limit = x.in_arena ? t.arena.size() : src.size();
      if (size_t{x.begin} + x.len > limit) __builtin_trap();
      if (x.first_child != html::kNoNode) __builtin_trap();
      if (!synoptic::utf8::IsValid(t.Text(it.node))) __builtin_trap();
      continue;
    }
    if (size_t{x.begin} + x.len > t.attrs.size()) __builtin_trap();
    for (uint32_t k = x.begin; k < x.begin + x.len; ++k) {
      const html::Attribute& a = t.attrs[k];
      size_t limit = a.in_arena ? t.arena.size() : src.size();
      if (size_t{a.begin} + a.len > limit) __builtin_trap();
    }
    uint32_t last = html::kNoNode;
    for (uint32_t c = x.first_child; c != html::kNoNode; c = t.nodes[c].next) {
      if (c >= t.nodes.size() || t.nodes[c].parent != it.node) __builtin_trap();
      if (stack.size() > t.nodes.size()) __builtin_trap();  // a cycle
      stack.push_back({c, it.depth + 1});
      last = c;
    }
    if (last != x.last_child) __builtin_trap();
  }
  if (visited != t.nodes.size()) __builtin_trap();  // unreachable nodes
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (size_t{1} << 20)) size = size_t{1} << 20;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  html::ParseOptions options;
  options.max_depth = 64;  // small, so the cap is exercised
  html::Tree tree;
  html::ParseHtml(input, options, &tree);
  CheckTree(tree, options.max_depth);

  synoptic::ingest::InputRecord record;
  record.url = "https://fuzz.example/2024/01/02/page";
  record.body = synoptic::utf8::Sanitize(input, nullptr);
  synoptic::extract::internal::Draft draft;
  synoptic::extract::internal::ExtractHtmlTree(tree, record, std::nullopt,
                                               &draft);
  for (const auto& p : draft.paragraphs) {
    if (!synoptic::utf8::IsValid(p.first)) __builtin_trap();
  }
  if (size < 4096) {
    html::Tree ref;
    html::ParseHtmlWithGumbo(record.body, &ref);
    synoptic::extract::internal::Draft d2;
    synoptic::extract::internal::ExtractHtmlTree(ref, record, std::nullopt,
                                                 &d2);
  }
  return 0;
}
