// ExtractDocument(): dispatch to the HTML or plain-text extractor (see
// internal/html_extract.cc and internal/text_extract.cc for the algorithms),
// then normalise the draft into a Document: NFC paragraphs joined by blank
// lines, byte spans, record hints as fallbacks, language, id and stats.
#include "synoptic/extract/extract.h"

#include <optional>
#include <string>

#include "synoptic/core/civil.h"
#include "synoptic/core/hash.h"
#include "synoptic/core/utf8.h"
#include "synoptic/extract/internal/extractors.h"
#include "synoptic/extract/internal/metadata.h"
#include "synoptic/extract/internal/text_util.h"

namespace synoptic::extract {
namespace {

using internal::Draft;

bool LooksLikeHtml(std::string_view body) {
  size_t n = std::min<size_t>(body.size(), 2048);
  std::string head = internal::LowerAscii(body.substr(0, n));
  return head.find("<html") != std::string::npos ||
         head.find("<!doctype") != std::string::npos ||
         head.find("<body") != std::string::npos ||
         head.find("<p>") != std::string::npos ||
         head.find("<div") != std::string::npos;
}

std::string CleanField(std::string_view s, size_t max_bytes) {
  std::string collapsed;
  bool pending = false;
  std::string safe =
      utf8::IsValid(s) ? std::string(s) : utf8::Sanitize(s, nullptr);
  internal::AppendCollapsed(safe, &collapsed, &pending);
  if (collapsed.size() > max_bytes) {
    size_t cut = max_bytes;
    while (cut > 0 &&
           (static_cast<unsigned char>(collapsed[cut]) & 0xC0) == 0x80)
      --cut;
    collapsed.resize(cut);
  }
  return internal::ToNfc(internal::Trim(collapsed));
}

}  // namespace

Result<Document> ExtractDocument(const ingest::InputRecord& record,
                                 const ExtractOptions& options) {
  // A publication date can be neither after the caller's limit nor after
  // the page was fetched: the stricter of the two applies.
  std::optional<civil::Date> not_after;
  if (!options.not_after.empty()) {
    not_after = civil::ParseIsoDate(options.not_after);
    if (!not_after)
      return InvalidArgument("bad not_after date: " + options.not_after);
  }
  if (!record.crawled.empty()) {
    std::optional<civil::Date> crawled = civil::ParseIsoDate(record.crawled);
    if (crawled && (!not_after || *crawled < *not_after)) not_after = crawled;
  }

  // The body should already be valid UTF-8; make sure, since hostile input
  // can reach us from any path.
  const ingest::InputRecord* rec = &record;
  ingest::InputRecord sanitized;
  if (!internal::IsValidUtf8NoNul(record.body)) {
    sanitized = record;
    sanitized.body = utf8::Sanitize(record.body, nullptr);
    for (char& c : sanitized.body) {
      if (c == '\0') c = ' ';
    }
    rec = &sanitized;
  }

  InputFormat format = rec->format;
  if (format != InputFormat::kHtml && format != InputFormat::kText) {
    format = LooksLikeHtml(rec->body) ? InputFormat::kHtml : InputFormat::kText;
  }
  Draft draft;
  if (format == InputFormat::kHtml) {
    internal::ExtractHtml(*rec, not_after, &draft);
  } else {
    internal::ExtractText(*rec, not_after, &draft);
  }

  Document doc;
  doc.source = rec->source;
  doc.format = format;
  doc.crawled = rec->crawled;

  // Main text.
  size_t total = 0;
  for (const auto& [text, kind] : draft.paragraphs) total += text.size() + 2;
  if (total > options.max_text_bytes + 2) {
    return ResourceExhausted("main text of " + std::to_string(total) +
                             " bytes exceeds max_text_bytes");
  }
  doc.text.reserve(total);
  for (const auto& [text, kind] : draft.paragraphs) {
    std::string para = internal::ToNfc(text);
    std::string_view t = internal::Trim(para);
    if (t.empty()) continue;
    if (!doc.text.empty()) doc.text += "\n\n";
    ByteSpan span;
    span.begin = static_cast<uint32_t>(doc.text.size());
    doc.text.append(t);
    span.end = static_cast<uint32_t>(doc.text.size());
    doc.paragraphs.push_back(span);
    doc.paragraph_kinds.push_back(kind);
  }
  if (doc.text.empty()) return Empty("no main text found");
  if (doc.text.size() > options.max_text_bytes) {
    return ResourceExhausted("main text exceeds max_text_bytes");
  }

  // Metadata, with the record's hints as fallbacks.
  doc.title = CleanField(draft.title, 1000);
  if (doc.title.empty()) doc.title = CleanField(rec->title, 1000);
  for (const std::string& a : draft.authors) {
    std::string c = CleanField(a, 200);
    if (!c.empty()) doc.authors.push_back(std::move(c));
  }
  if (doc.authors.empty()) {
    for (const std::string& a : rec->authors) {
      std::string c = CleanField(a, 200);
      if (!c.empty() && doc.authors.size() < 20)
        doc.authors.push_back(std::move(c));
    }
  }
  doc.published = draft.published;
  doc.published_from = draft.published_from;
  // A record's own date (a JSON-lines `published` field) is stated data and
  // beats a date guessed from the URL path.
  const bool weak = doc.published.empty() || doc.published_from == DateSource::kUrl;
  if (weak && !rec->published.empty()) {
    if (auto dt = internal::ParseDateValue(rec->published)) {
      if (!(not_after && dt->date > *not_after)) {
        doc.published = dt->ToIso();
        doc.published_from = DateSource::kRecord;
      }
    }
  }
  doc.modified = draft.modified;
  doc.url = CleanField(draft.url.empty() ? rec->url : draft.url, 4000);
  doc.site = CleanField(draft.site, 200);
  if (doc.site.empty()) doc.site = CleanField(rec->site, 200);
  if (doc.site.empty()) doc.site = internal::HostOf(doc.url);
  if (doc.site.empty()) doc.site = internal::HostOf(rec->url);

  doc.language = DetectLanguage(doc.text, true);
  doc.id = HexId(doc.text);
  doc.stats.input_bytes =
      static_cast<uint32_t>(std::min<size_t>(rec->body.size(), UINT32_MAX));
  doc.stats.blocks_total = draft.blocks_total;
  doc.stats.blocks_kept = draft.blocks_kept;
  doc.stats.chars_dropped = draft.chars_dropped;
  return doc;
}

}  // namespace synoptic::extract
