// The SQLite store: the one adapter for sqlite3.
//
// Durability: WAL journal with synchronous=NORMAL. A committed transaction
// survives a killed process (the WAL is replayed on the next open); only a
// power loss may lose the last transactions, never corrupt the file. Each
// document is one BEGIN IMMEDIATE ... COMMIT, so a kill mid-ingest loses at
// most the document in flight.
//
// Migrations: PRAGMA user_version holds the schema version; each step in
// kMigrations moves it up by one inside a transaction.
#include "synoptic/store/store.h"

#include <sqlite3.h>

#include "synoptic/report/report.h"

namespace synoptic::store {
namespace {

// Step i moves the schema from version i to i + 1. Never edit a released
// step: add a new one.
constexpr const char* kMigrations[] = {
    // 0 -> 1
    R"sql(
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  url TEXT, site TEXT, title TEXT, published TEXT, language TEXT,
  text TEXT NOT NULL,
  analysis TEXT NOT NULL,
  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX documents_published ON documents(published);
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, content='documents', content_rowid='rowid',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text)
  VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TABLE input_errors (
  source TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
)sql",
};
constexpr int kNumMigrations = sizeof(kMigrations) / sizeof(kMigrations[0]);
static_assert(kNumMigrations == kSchemaVersion);

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) {
    rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  sqlite3_stmt* get() { return stmt_; }
  void Bind(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  int Step() { return sqlite3_step(stmt_); }
  std::string Text(int col) {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
};

}  // namespace

struct Store::Impl {
  sqlite3* db = nullptr;
  std::string path;
  ~Impl() {
    if (db) sqlite3_close_v2(db);
  }
  Status Error(std::string_view what) const {
    return IoError(path + ": " + std::string(what) + ": " + sqlite3_errmsg(db));
  }
  Status Exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string m = err ? err : "unknown error";
      sqlite3_free(err);
      const bool corrupt = sqlite3_errcode(db) == SQLITE_CORRUPT ||
                           sqlite3_errcode(db) == SQLITE_NOTADB;
      return Status(corrupt ? StatusCode::kCorrupt : StatusCode::kIoError,
                    path + ": " + m);
    }
    return Status::Ok();
  }
};

Store::Store() : impl_(std::make_unique<Impl>()) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  std::unique_ptr<Store> s(new Store());
  s->impl_->path = path;
  if (sqlite3_open_v2(path.c_str(), &s->impl_->db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                          SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    return s->impl_->Error("cannot open store");
  }
  sqlite3_busy_timeout(s->impl_->db, 10000);
  SYN_RETURN_IF_ERROR(s->impl_->Exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
      "PRAGMA foreign_keys=ON;"));
  int version = 0;
  {
    Stmt st(s->impl_->db, "PRAGMA user_version");
    if (!st.ok() || st.Step() != SQLITE_ROW) {
      return Corrupt(path + ": not a synoptic store (cannot read its version)");
    }
    version = sqlite3_column_int(st.get(), 0);
  }
  if (version > kSchemaVersion) {
    return NotSupported(path + ": store schema version " + std::to_string(version) +
                        " is newer than this synoptic (" +
                        std::to_string(kSchemaVersion) + ")");
  }
  for (int v = version; v < kSchemaVersion; ++v) {
    SYN_RETURN_IF_ERROR(s->impl_->Exec("BEGIN IMMEDIATE"));
    Status st = s->impl_->Exec(kMigrations[v]);
    if (st.ok()) {
      const std::string bump = "PRAGMA user_version=" + std::to_string(v + 1);
      st = s->impl_->Exec(bump.c_str());
    }
    if (!st.ok()) {
      (void)s->impl_->Exec("ROLLBACK");
      return st;
    }
    SYN_RETURN_IF_ERROR(s->impl_->Exec("COMMIT"));
  }
  return s;
}

Result<bool> Store::PutDocument(const DocAnalysis& a) {
  SYN_RETURN_IF_ERROR(impl_->Exec("BEGIN IMMEDIATE"));
  Stmt st(impl_->db,
          "INSERT OR IGNORE INTO documents(id, source, url, site, title, "
          "published, language, text, analysis) VALUES (?,?,?,?,?,?,?,?,?)");
  if (!st.ok()) {
    (void)impl_->Exec("ROLLBACK");
    return impl_->Error("prepare insert");
  }
  const Document& d = a.doc;
  st.Bind(1, d.id);
  st.Bind(2, d.source);
  st.Bind(3, d.url);
  st.Bind(4, d.site);
  st.Bind(5, d.title);
  st.Bind(6, d.published);
  st.Bind(7, d.language);
  st.Bind(8, d.text);
  st.Bind(9, report::SerializeAnalysis(a));
  if (st.Step() != SQLITE_DONE) {
    Status err = impl_->Error("insert document");
    (void)impl_->Exec("ROLLBACK");
    return err;
  }
  const bool inserted = sqlite3_changes(impl_->db) > 0;
  SYN_RETURN_IF_ERROR(impl_->Exec("COMMIT"));
  return inserted;
}

Status Store::PutError(const InputError& e) {
  Stmt st(impl_->db, "INSERT INTO input_errors(source, code, message) VALUES (?,?,?)");
  if (!st.ok()) return impl_->Error("prepare error insert");
  st.Bind(1, e.source);
  st.Bind(2, e.code);
  st.Bind(3, e.message);
  if (st.Step() != SQLITE_DONE) return impl_->Error("insert error");
  return Status::Ok();
}

Result<std::vector<DocAnalysis>> Store::LoadDocuments() {
  Stmt st(impl_->db, "SELECT id, analysis FROM documents ORDER BY rowid");
  if (!st.ok()) return impl_->Error("prepare load");
  std::vector<DocAnalysis> out;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    auto a = report::DeserializeAnalysis(st.Text(1));
    if (!a.ok()) {
      return Status(a.status().code(),
                    impl_->path + ": document " + st.Text(0) + ": " + a.status().message());
    }
    out.push_back(std::move(a).value());
  }
  if (rc != SQLITE_DONE) return impl_->Error("load documents");
  return out;
}

Result<std::vector<InputError>> Store::LoadErrors() {
  Stmt st(impl_->db, "SELECT source, code, message FROM input_errors ORDER BY rowid");
  if (!st.ok()) return impl_->Error("prepare load errors");
  std::vector<InputError> out;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    out.push_back(InputError{st.Text(0), st.Text(1), st.Text(2)});
  }
  if (rc != SQLITE_DONE) return impl_->Error("load errors");
  return out;
}

Result<size_t> Store::CountDocuments() {
  Stmt st(impl_->db, "SELECT count(*) FROM documents");
  if (!st.ok() || st.Step() != SQLITE_ROW) return impl_->Error("count");
  return static_cast<size_t>(sqlite3_column_int64(st.get(), 0));
}

Result<std::vector<SearchHit>> Store::Search(const std::string& query, size_t limit) {
  // The user's words are matched as FTS5 strings (each term quoted), so
  // punctuation in a query can never be read as FTS5 syntax.
  std::string fts;
  std::string term;
  auto flush = [&] {
    if (term.empty()) return;
    std::string q = "\"";
    for (char c : term) {
      if (c == '"') q += "\"\"";
      else q += c;
    }
    q += "\"";
    if (!fts.empty()) fts += " ";
    fts += q;
    term.clear();
  };
  for (char c : query) {
    if (c == ' ' || c == '\t' || c == '\n') flush();
    else term += c;
  }
  flush();
  if (fts.empty()) return InvalidArgument("empty search query");
  Stmt st(impl_->db,
          "SELECT d.id, d.title, d.source, "
          "snippet(documents_fts, 1, '[', ']', ' … ', 16), bm25(documents_fts) "
          "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
          "WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?");
  if (!st.ok()) return impl_->Error("prepare search");
  st.Bind(1, fts);
  st.Bind(2, static_cast<int64_t>(limit));
  std::vector<SearchHit> hits;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    hits.push_back(SearchHit{st.Text(0), st.Text(1), st.Text(2), st.Text(3),
                             sqlite3_column_double(st.get(), 4)});
  }
  if (rc != SQLITE_DONE) return impl_->Error("search");
  return hits;
}

Result<bool> Store::CheckIntegrity() {
  Stmt st(impl_->db, "PRAGMA integrity_check");
  if (!st.ok() || st.Step() != SQLITE_ROW) return impl_->Error("integrity check");
  return st.Text(0) == "ok";
}

struct TextTokenizer::Impl {
  sqlite3* db = nullptr;
  fts5_tokenizer api{};
  Fts5Tokenizer* tok = nullptr;
  ~Impl() {
    if (tok) api.xDelete(tok);
    if (db) sqlite3_close_v2(db);
  }
};

TextTokenizer::TextTokenizer() : impl_(std::make_unique<Impl>()) {}
TextTokenizer::~TextTokenizer() = default;

Result<std::unique_ptr<TextTokenizer>> TextTokenizer::Create() {
  std::unique_ptr<TextTokenizer> t(new TextTokenizer());
  Impl& m = *t->impl_;
  if (sqlite3_open_v2(":memory:", &m.db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    return Internal("tokenizer: cannot open an in-memory SQLite database");
  }
  // The documented way to reach the FTS5 API: SELECT fts5(?) with a pointer.
  fts5_api* fts = nullptr;
  {
    Stmt st(m.db, "SELECT fts5(?1)");
    if (!st.ok()) return NotSupported("tokenizer: this SQLite has no FTS5");
    sqlite3_bind_pointer(st.get(), 1, &fts, "fts5_api_ptr", nullptr);
    (void)st.Step();
  }
  if (fts == nullptr) return NotSupported("tokenizer: no FTS5 API");
  void* user = nullptr;
  if (fts->xFindTokenizer(fts, "unicode61", &user, &m.api) != SQLITE_OK) {
    return NotSupported("tokenizer: FTS5 has no unicode61 tokenizer");
  }
  // The same arguments as the documents_fts table (kMigrations).
  const char* args[] = {"remove_diacritics", "2"};
  if (m.api.xCreate(user, args, 2, &m.tok) != SQLITE_OK) {
    m.tok = nullptr;
    return Internal("tokenizer: cannot create unicode61 remove_diacritics 2");
  }
  return t;
}

Status TextTokenizer::TokenizeRaw(std::string_view text, TokenFn fn, void* ctx) {
  if (text.size() >= (size_t{1} << 31)) {
    return InvalidArgument("text too long to tokenize");
  }
  struct Call {
    TokenFn fn;
    void* ctx;
    bool stopped = false;
  } call{fn, ctx};
  // Any non-OK return stops xTokenize; SQLITE_DONE marks "the caller asked".
  auto on_token = [](void* p, int, const char* token, int n, int begin,
                     int end) -> int {
    auto* c = static_cast<Call*>(p);
    if (c->fn(c->ctx, std::string_view(token, static_cast<size_t>(n)),
              static_cast<uint32_t>(begin), static_cast<uint32_t>(end))) {
      return SQLITE_OK;
    }
    c->stopped = true;
    return SQLITE_DONE;
  };
  const int rc = impl_->api.xTokenize(impl_->tok, &call, FTS5_TOKENIZE_DOCUMENT,
                                      text.data(), static_cast<int>(text.size()),
                                      on_token);
  if (rc != SQLITE_OK && !(rc == SQLITE_DONE && call.stopped)) {
    return Internal("tokenizer failed: " + std::string(sqlite3_errstr(rc)));
  }
  return Status::Ok();
}

}  // namespace synoptic::store
