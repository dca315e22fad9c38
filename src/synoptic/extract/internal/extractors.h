// The two extractors behind ExtractDocument(). Each fills a Draft from one
// record; ExtractDocument() normalises it into a Document. Pure functions;
// safe from any thread.
#ifndef SYNOPTIC_EXTRACT_INTERNAL_EXTRACTORS_H_
#define SYNOPTIC_EXTRACT_INTERNAL_EXTRACTORS_H_

#include <optional>

#include "synoptic/core/civil.h"
#include "synoptic/extract/internal/html_tree.h"
#include "synoptic/extract/internal/metadata.h"
#include "synoptic/ingest/reader.h"

namespace synoptic::extract::internal {

// HTML page, parsed with our tree builder (html_tree.h). record.body must be
// valid UTF-8.
void ExtractHtml(const ingest::InputRecord& record,
                 const std::optional<civil::Date>& not_after, Draft* draft);

// The same extraction on an already built tree (ours or gumbo's reference
// tree); `record` supplies the URL, site and title hints. The tree must
// outlive the call only.
void ExtractHtmlTree(const html::Tree& tree, const ingest::InputRecord& record,
                     const std::optional<civil::Date>& not_after, Draft* draft);

// Plain-text scrape: line and block level decisions.
void ExtractText(const ingest::InputRecord& record,
                 const std::optional<civil::Date>& not_after, Draft* draft);

}  // namespace synoptic::extract::internal

#endif  // SYNOPTIC_EXTRACT_INTERNAL_EXTRACTORS_H_
