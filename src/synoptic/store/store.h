// The embedded store: one SQLite file in WAL mode.
//
// Schema migrations are versioned (PRAGMA user_version). PutDocument() is
// idempotent (the document id is a content hash: same content, stored once)
// and transactional: each document is one transaction, so a killed process
// loses at most the document in flight and never corrupts the file.
// Thread-safety: a Store is used from one thread at a time; open one per
// thread or process.
#ifndef SYNOPTIC_STORE_STORE_H_
#define SYNOPTIC_STORE_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "synoptic/core/status.h"
#include "synoptic/core/types.h"

namespace synoptic::store {

inline constexpr int kSchemaVersion = 1;

struct SearchHit {
  std::string doc_id;
  std::string title;
  std::string source;
  std::string snippet;  // with [ ] around matched terms
  double rank = 0;      // bm25; lower is better
};

class Store {
 public:
  // Opens or creates the file and brings its schema up to kSchemaVersion.
  // kNotSupported if the file was written by a newer synoptic.
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Returns true if stored, false if the same content was already there.
  Result<bool> PutDocument(const DocAnalysis& doc);
  Status PutError(const InputError& error);
  Result<std::vector<DocAnalysis>> LoadDocuments();
  Result<std::vector<InputError>> LoadErrors();
  Result<size_t> CountDocuments();
  // FTS5 query over title and text, ranked by bm25.
  Result<std::vector<SearchHit>> Search(const std::string& query, size_t limit);
  // PRAGMA integrity_check == "ok".
  Result<bool> CheckIntegrity();

 private:
  Store();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The documents table's own full-text tokenizer (SQLite FTS5's unicode61
// with remove_diacritics 2, run through FTS5's tokenizer API on a private
// in-memory connection), for code that indexes text outside SQLite and must
// agree with Search() token for token. Not thread-safe: one per thread.
class TextTokenizer {
 public:
  // kNotSupported if this SQLite has no FTS5 or no unicode61 tokenizer.
  static Result<std::unique_ptr<TextTokenizer>> Create();
  ~TextTokenizer();
  TextTokenizer(const TextTokenizer&) = delete;
  TextTokenizer& operator=(const TextTokenizer&) = delete;

  // Calls on_token(token, begin, end) for each token of `text` in order,
  // until it returns false. `token` is folded (lower case, Latin diacritics
  // removed) and valid only during the call; begin and end are byte offsets
  // into `text`. kInvalidArgument for text of 2 GiB or more.
  template <class F>
  Status Tokenize(std::string_view text, F&& on_token) {
    return TokenizeRaw(
        text,
        [](void* ctx, std::string_view token, uint32_t begin, uint32_t end) {
          return (*static_cast<std::remove_reference_t<F>*>(ctx))(token, begin,
                                                                  end);
        },
        &on_token);
  }

 private:
  using TokenFn = bool (*)(void* ctx, std::string_view token, uint32_t begin,
                           uint32_t end);
  Status TokenizeRaw(std::string_view text, TokenFn fn, void* ctx);
  TextTokenizer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace synoptic::store

#endif  // SYNOPTIC_STORE_STORE_H_
