// Full-text search for `synoptic serve` without SQLite on the request path.
//
// An in-memory inverted index over each document's title and text that
// ranks exactly as the store's FTS5 query does: the same tokenizer
// (store::TextTokenizer is FTS5's own unicode61), every query word required,
// and FTS5's bm25 (k1 = 1.2, b = 0.75, both columns weighted 1, document
// length = tokens in title and text) computed in the same order of double
// operations, so the scores agree to the last bit. What differs is the cost:
// FTS5 scores every matching row before it sorts, which takes seconds for a
// common word over 100,000 articles; here the postings are cut into blocks
// that carry their best score (block-max indexes, Ding & Suel 2011). The
// rarest word's blocks are visited best first; a block whose bound (its own
// best plus, for each other word, the best of that word's blocks over the
// same documents) cannot beat the current k-th hit is skipped, and the
// search ends at the first block that could not even with every other
// word's best score. A word in at least one document in 16 also has a
// bitmap of its documents (with rank counts), so testing a candidate against
// it is one bit rather than a search in its list. Documents of equal score may come in another order
// than FTS5's, whose order among ties is unspecified too. Each posting also
// keeps where the word first occurs in the text, so a snippet tokenizes
// only the stretch of text around the matches.
//
// store::Store::Search stays the reference this is differential-tested
// against (search_index_test.cc) and the fallback for what this does not
// answer: a query word that FTS5 reads as a phrase of several tokens
// ("U.S.", "Kim-Jong") or as no token at all (kNotSupported).
//
// Immutable after Build(): Search() may run on any number of threads at once,
// each passing its own tokenizer.
#ifndef SYNOPTIC_SERVE_INTERNAL_SEARCH_INDEX_H_
#define SYNOPTIC_SERVE_INTERNAL_SEARCH_INDEX_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "synoptic/core/status.h"
#include "synoptic/store/store.h"

namespace synoptic::serve {

// One stored document, in store order (the order breaks score ties, as the
// store's rowid does).
struct SearchDoc {
  std::string id;
  std::string title;
  std::string source;
  std::string text;
};

struct SearchIndexOptions {
  size_t max_query_words = 32;     // more words: kInvalidArgument (<= 32)
  size_t snippet_tokens = 16;      // tokens shown around the matches
  // Tokens scanned, from the first match on, for a window with more of
  // the query's words (bounds the cost of a snippet).
  size_t snippet_scan_tokens = 64;
};

class SearchIndex {
 public:
  // Tokenizes every document with `tokenizer` (used only during the call).
  // kResourceExhausted past 2^32 - 1 documents.
  static Result<std::shared_ptr<const SearchIndex>> Build(
      std::vector<SearchDoc> docs, store::TextTokenizer* tokenizer,
      SearchIndexOptions options = {});

  // The best `limit` documents holding every word of `query` (words split on
  // space, tab and newline, as Store::Search splits them), best first, with
  // FTS5's bm25 as rank (negative; lower is better) and a snippet with
  // [ ] around matched words. kNotSupported when a word is not one token
  // (ask the store); kInvalidArgument for an empty or over-long query.
  Result<std::vector<store::SearchHit>> Search(
      std::string_view query, size_t limit,
      store::TextTokenizer* tokenizer) const;

  size_t documents() const { return docs_.size(); }
  size_t terms() const { return idf_.size(); }
  size_t postings() const { return post_doc_.size(); }
  // Heap bytes held (approximate).
  size_t MemoryBytes() const;

 private:
  SearchIndex() = default;
  // `start`: first text offset of any query word; `in_text`: bit k set when
  // distinct[k] occurs in the text.
  std::string Snippet(const SearchDoc& doc, uint32_t start, uint32_t in_text,
                      const std::vector<std::string_view>& distinct,
                      store::TextTokenizer* tokenizer) const;

  SearchIndexOptions options_;
  std::vector<SearchDoc> docs_;
  std::vector<double> norm_;  // k1 * (1 - b + b * D / avgdl) per document
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>{}(s);
    }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> term_ids_;
  std::vector<double> idf_;           // per term
  std::vector<uint64_t> post_begin_;  // per term + 1: range in post_*
  std::vector<double> term_max_;      // per term: best block_max_
  std::vector<uint32_t> post_doc_;    // ascending within a term
  std::vector<uint32_t> post_tf_;
  std::vector<float> post_impact_;    // the posting's score, rounded up
  std::vector<uint32_t> post_first_;  // byte offset of the first occurrence
                                      // in the text; kNoOffset: title only
  std::vector<uint64_t> block_begin_;  // per term + 1: range in block_*
  std::vector<uint32_t> block_last_doc_;
  std::vector<double> block_max_;  // best term score within the block
  std::vector<uint32_t> block_order_;  // per term: its blocks, best first
                                       // (offsets from block_begin_)
  // Frequent terms: bitmap of their documents and, per 64-bit word, the
  // set bits before it (dense_of_: which bitmap, or none).
  std::vector<uint32_t> dense_of_;
  std::vector<uint64_t> dense_bits_;
  std::vector<uint32_t> dense_rank_;
};

}  // namespace synoptic::serve

#endif  // SYNOPTIC_SERVE_INTERNAL_SEARCH_INDEX_H_
