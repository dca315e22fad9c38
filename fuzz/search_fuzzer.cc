// Fuzzes the server's in-memory search index: the input is cut at NUL bytes
// into up to eight documents (title and text split at the first newline)
// and a query (the last piece). Building and searching must never crash;
// hits are at most the limit, best first, with negative ranks, and every
// snippet is valid UTF-8 when the texts were.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "synoptic/core/utf8.h"
#include "synoptic/serve/internal/search_index.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 16)) return 0;
  static auto* tokenizer =
      synoptic::store::TextTokenizer::Create().value().release();
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> pieces;
  size_t at = 0;
  while (pieces.size() < 9) {
    const size_t nul = input.find('\0', at);
    pieces.push_back(input.substr(at, nul == std::string::npos ? nul : nul - at));
    if (nul == std::string::npos) break;
    at = nul + 1;
  }
  const std::string query = pieces.back();
  pieces.pop_back();
  std::vector<synoptic::serve::SearchDoc> docs;
  bool valid = true;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const size_t nl = pieces[i].find('\n');
    synoptic::serve::SearchDoc d;
    d.id = "d" + std::to_string(i);
    d.title = pieces[i].substr(0, nl);
    d.text = nl == std::string::npos ? "" : pieces[i].substr(nl + 1);
    valid = valid && synoptic::utf8::IsValid(d.text);
    docs.push_back(std::move(d));
  }
  auto index = synoptic::serve::SearchIndex::Build(std::move(docs), tokenizer);
  if (!index.ok()) std::abort();
  for (size_t limit : {1, 3, 20}) {
    auto hits = (*index)->Search(query, limit, tokenizer);
    if (!hits.ok()) continue;  // phrases, empty and long queries
    if (hits->size() > limit) std::abort();
    for (size_t i = 0; i < hits->size(); ++i) {
      const auto& h = (*hits)[i];
      if (!(h.rank < 0)) std::abort();
      if (i > 0 && (*hits)[i - 1].rank > h.rank) std::abort();
      if (valid && !synoptic::utf8::IsValid(h.snippet)) std::abort();
    }
  }
  return 0;
}
