// The in-memory data model shared by every stage (design.md §3).
//
// Internally every span is a pair of BYTE offsets into one document's UTF-8
// main text (`Document::text`). The report converts them to code points at
// the edge (see core/utf8.h). All types here are plain values: copyable,
// movable, no invariants beyond those stated per field, safe to read from
// several threads at once and to write from one.
#ifndef SYNOPTIC_CORE_TYPES_H_
#define SYNOPTIC_CORE_TYPES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace synoptic {

// [begin, end) in bytes into Document::text. begin <= end <= text.size(),
// and both fall on UTF-8 code point boundaries.
struct ByteSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  friend bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

// What the raw bytes of an input were. Detected from content, never from the
// file name alone.
enum class InputFormat : uint8_t { kUnknown, kHtml, kText, kWarc, kJsonLines };
std::string_view InputFormatName(InputFormat f);

// Where Document::published came from (report field `published_from`).
enum class DateSource : uint8_t {
  kNone,      // unknown
  kMeta,      // <meta> tags, OpenGraph, article:published_time, WARC/HTTP dates are NOT used
  kJsonLd,    // schema.org datePublished in JSON-LD
  kTime,      // a <time datetime> element in the article
  kByline,    // a dateline/byline in the visible text near the title
  kText,      // elsewhere in the visible text
  kUrl,       // /2023/09/13/ style URL path
  kRecord,    // a field of the input record (JSON lines `published`)
  kOption,    // the --dct command-line option
  kInferred,  // from the document's event cluster (stories stage)
};
std::string_view DateSourceName(DateSource s);

struct BoilerplateStats {
  uint32_t input_bytes = 0;     // raw bytes of the record
  uint32_t blocks_total = 0;    // text blocks seen
  uint32_t blocks_kept = 0;     // blocks kept as main text
  uint32_t chars_dropped = 0;   // code points of dropped blocks
};

// One article after extraction. `text` is the main text only: paragraphs
// separated by "\n\n", valid UTF-8, NFC-normalised.
struct Document {
  std::string id;       // stable content hash of `text` (16 hex digits)
  std::string source;   // path, or path#record for multi-record inputs
  InputFormat format = InputFormat::kUnknown;
  std::string url;
  std::string site;     // site or outlet name ("Al Example"), or host
  std::string title;
  std::vector<std::string> authors;
  std::string published;        // ISO 8601: YYYY-MM-DD or with THH:MM[:SS][zone]
  DateSource published_from = DateSource::kNone;
  std::string modified;         // ISO 8601 or empty
  std::string crawled;          // ISO 8601 crawl/fetch time if known (WARC-Date)
  std::string language;         // ISO 639-1 ("en"), "und" when unknown
  std::string text;
  std::vector<ByteSpan> paragraphs;  // into text, in order
  std::vector<uint8_t> paragraph_kinds;  // parallel: 0 body, 1 heading, 2 list item, 3 quote
  BoilerplateStats stats;
};

// ---- per-document linguistic layer (nlp stage) ----

enum class Pos : uint8_t {  // Universal POS tags
  kX = 0, kAdj, kAdp, kAdv, kAux, kCconj, kDet, kIntj, kNoun, kNum, kPart,
  kPron, kPropn, kPunct, kSconj, kSym, kVerb,
};
std::string_view PosName(Pos p);

struct Token {
  uint32_t begin = 0;  // bytes into Document::text
  uint32_t end = 0;
  Pos pos = Pos::kX;
  uint8_t flags = 0;   // kTokCapitalized | kTokSentenceStart | ...
  uint32_t head = 0;   // dependency head token index (self = root); 0 if unparsed
  uint32_t lemma_id = 0;  // interned lemma, 0 = none
};
inline constexpr uint8_t kTokCapitalized = 1;
inline constexpr uint8_t kTokSentenceStart = 2;
inline constexpr uint8_t kTokAllCaps = 4;
inline constexpr uint8_t kTokDigit = 8;
inline constexpr uint8_t kTokPunct = 16;
inline constexpr uint8_t kTokQuote = 32;

struct Sentence {
  ByteSpan span;
  uint32_t first_token = 0;  // [first_token, end_token)
  uint32_t end_token = 0;
  uint32_t paragraph = 0;    // index into Document::paragraphs
};

enum class EntityType : uint8_t {
  kPerson, kOrg, kGpe, kLoc, kNorp, kFac, kEvent, kLaw, kOther,
};
std::string_view EntityTypeName(EntityType t);  // "PERSON", "ORG", ...

enum class MentionKind : uint8_t {
  kName,     // "Kim Jong Un", "Kim"
  kDemonym,  // "North Korean", "Russian"
  kRole,     // "the Russian President", "the DPRK leader"
  kMetonym,  // "Pyongyang said", "the Kremlin"
  kPronoun,  // "he", "she" (when resolved)
};

struct Mention {
  ByteSpan span;
  EntityType type = EntityType::kOther;
  MentionKind kind = MentionKind::kName;
  uint32_t sentence = 0;
  int32_t entity = -1;  // index into DocAnalysis::entities after resolution
};

// A document-local entity (actors stage). `key` is the cross-document
// identity: the knowledge-base id ("kb:putin_vladimir", "kb:RUS") when the
// entity is known, else a normalised-name key ("name:PERSON:jane doe").
struct LocalEntity {
  std::string key;
  std::string name;              // canonical display name
  EntityType type = EntityType::kOther;
  std::string code;              // CAMEO-style actor code: "RUS", "RUSGOV", "PRK"; may be empty
  std::vector<std::string> aliases;  // surface forms seen in this document
};

// ---- time ----

enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };
std::string_view TimexTypeName(TimexType t);  // "DATE", "TIME", ...

enum class TimexAnchor : uint8_t {
  kNone,      // absolute, or relative with no DCT (value underspecified)
  kDct,       // resolved against the document creation time
  kInferred,  // resolved against a date inferred from the story
};
std::string_view TimexAnchorName(TimexAnchor a);  // "none", "dct", "inferred"

struct Timex {
  ByteSpan span;
  TimexType type = TimexType::kDate;
  std::string value;  // TIMEX3 value: "2023-09-13", "XXXX-09-13", "P25Y", "2024-W25"
  std::string mod;    // TIMEX3 mod: "APPROX", "START", ... or empty
  TimexAnchor anchor = TimexAnchor::kNone;
  bool relative = false;  // depends on the DCT ("on Tuesday", "this week")
};

// ---- events, quotes ----

enum class Modality : uint8_t {
  kAsserted, kReported, kPlanned, kSpeculated, kNegated, kHypothetical,
};
std::string_view ModalityName(Modality m);

struct Event {
  std::string type;        // verb class: "meet", "visit", "sign_agreement", ...
  std::string code;        // CAMEO code, e.g. "036", "057"
  std::string root_code;   // first two digits, "03"
  uint8_t quad_class = 0;  // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  double goldstein = 0.0;
  std::string plover;      // PLOVER category of the code ("CONSULT"), or empty
  int32_t source = -1;     // DocAnalysis::entities index or -1
  int32_t target = -1;
  int32_t location = -1;
  int32_t time = -1;       // DocAnalysis::times index or -1
  std::string date;        // resolved date value (may be empty)
  Modality modality = Modality::kAsserted;
  std::string attributed_to;  // who says so: entity key or a phrase ("analysts")
  ByteSpan evidence;       // the sentence (or clause) it was read from
  ByteSpan trigger;        // the verb or noun that triggered it
};

struct Quote {
  ByteSpan span;           // the quoted content
  int32_t speaker = -1;    // DocAnalysis::entities index or -1
  std::string speaker_text;  // surface form of the speaker when unresolved
  bool direct = true;
  std::string cue;         // "said", "told", "according to"
};

// Everything the per-document stages produce for one article.
struct DocAnalysis {
  Document doc;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;
  std::vector<LocalEntity> entities;
  std::vector<Timex> times;
  std::vector<Event> events;
  std::vector<Quote> quotes;
};

// A problem with one input: shown on stderr and in the report's `errors`.
struct InputError {
  std::string source;   // file path (and #record)
  std::string code;     // StatusCodeName
  std::string message;  // human reason
};

}  // namespace synoptic

#endif  // SYNOPTIC_CORE_TYPES_H_
