// The two extractors behind ExtractDocument(). Each fills a Draft from one
// record; ExtractDocument() normalises it into a Document. Pure functions;
// safe from any thread.
#ifndef SYNOPTIC_EXTRACT_INTERNAL_EXTRACTORS_H_
#define SYNOPTIC_EXTRACT_INTERNAL_EXTRACTORS_H_

#include <optional>

#include "synoptic/core/civil.h"
#include "synoptic/extract/internal/metadata.h"
#include "synoptic/ingest/reader.h"

namespace synoptic::extract::internal {

// HTML page (parsed with gumbo).
void ExtractHtml(const ingest::InputRecord& record,
                 const std::optional<civil::Date>& not_after, Draft* draft);

// Plain-text scrape: line and block level decisions.
void ExtractText(const ingest::InputRecord& record,
                 const std::optional<civil::Date>& not_after, Draft* draft);

}  // namespace synoptic::extract::internal

#endif  // SYNOPTIC_EXTRACT_INTERNAL_EXTRACTORS_H_
