// Cross-page template removal: when several pages of one site are given
// together (a crawl, a folder of saved pages), the paragraphs that recur on
// many of them are the site's template (a newsletter box, a standing
// disclaimer, "Follow us on ..." lines, an author bio under every story)
// that per-page extraction could not tell from the article. They are taken
// out of each page's main text.
//
// A site is the page's URL host (without "www."), else its site name; pages
// with neither are left alone. A paragraph is template when its exact text
// is on at least `min_pages` pages of its site and on at least `min_share`
// of them. A page keeps its text when the template would take more than
// `max_removed_share` of it (reprints and versions of one story share most
// paragraphs; near-duplicate detection handles those). Document::id is the
// page's identity and stays as extraction set it; `stats` counts the removed
// paragraphs as dropped blocks.
//
// Thread-safety: works on the documents given; call from one thread.
#ifndef SYNOPTIC_EXTRACT_SITE_TEMPLATES_H_
#define SYNOPTIC_EXTRACT_SITE_TEMPLATES_H_

#include <cstddef>
#include <cstdint>
#include <span>

#include "synoptic/core/types.h"

namespace synoptic::extract {

struct TemplateOptions {
  uint32_t min_pages = 3;
  double min_share = 0.5;
  double max_removed_share = 0.5;  // of a page's text bytes
};

// Returns the number of paragraphs removed over all pages.
size_t RemoveSiteTemplates(std::span<Document* const> docs,
                           const TemplateOptions& options = {});

}  // namespace synoptic::extract

#endif  // SYNOPTIC_EXTRACT_SITE_TEMPLATES_H_
