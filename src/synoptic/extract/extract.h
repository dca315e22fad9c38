// Main text and metadata from one input record.
//
// ExtractDocument() turns an HTML page or a scraped plain-text page into a
// Document: the article's own paragraphs (headings, lists, quotes kept as
// paragraph kinds) with page chrome removed (menus, tickers, related and
// most-read lists, share bars, cookie text, comment forms, author bios,
// footers), plus title, authors, publication date with where it came from,
// site name, canonical URL and language.
//
// Never returns a publication date after the crawl time, nor one read from a
// related-news block; leaves `published` empty rather than guess.
// Thread-safety: pure function of its arguments; safe from any thread.
#ifndef SYNOPTIC_EXTRACT_EXTRACT_H_
#define SYNOPTIC_EXTRACT_EXTRACT_H_

#include <string>

#include "synoptic/core/status.h"
#include "synoptic/core/types.h"
#include "synoptic/ingest/reader.h"

namespace synoptic::extract {

struct ExtractOptions {
  // Main text longer than this (bytes) is refused, not cut.
  size_t max_text_bytes = size_t{8} << 20;
  // Latest acceptable publication date (ISO 8601 date); dates after it are
  // rejected as implausible. The record's crawl date, when earlier, is a
  // limit too. Empty and no crawl date: no limit.
  std::string not_after;
};

// kEmpty when no main text is found (an empty or chrome-only page).
Result<Document> ExtractDocument(const ingest::InputRecord& record,
                                 const ExtractOptions& options);

// ISO 639-1 code of the text's language (cld2), "und" if unreliable.
std::string DetectLanguage(std::string_view utf8_text, bool is_plain_text);

}  // namespace synoptic::extract

#endif  // SYNOPTIC_EXTRACT_EXTRACT_H_
