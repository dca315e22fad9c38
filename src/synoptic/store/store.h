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

#include <memory>
#include <string>
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

}  // namespace synoptic::store

#endif  // SYNOPTIC_STORE_STORE_H_
