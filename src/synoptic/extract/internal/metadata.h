// Metadata helpers: author names, JSON-LD article objects, titles, hosts,
// and the Draft both extractors fill. Pure functions; safe from any thread.
#ifndef SYNOPTIC_EXTRACT_INTERNAL_METADATA_H_
#define SYNOPTIC_EXTRACT_INTERNAL_METADATA_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "synoptic/core/civil.h"
#include "synoptic/core/types.h"
#include "synoptic/extract/internal/dates.h"

namespace synoptic::extract::internal {

// What an extractor found, before normalisation into a Document.
struct Draft {
  std::vector<std::pair<std::string, uint8_t>> paragraphs;  // text, kind
  std::string title;
  std::vector<std::string> authors;
  std::string published;
  DateSource published_from = DateSource::kNone;
  std::string modified;
  std::string site;
  std::string url;
  uint32_t blocks_total = 0;
  uint32_t blocks_kept = 0;
  uint32_t chars_dropped = 0;
};

// Sets draft->published from dt when none is set yet and dt is not after
// `limit`. Returns whether it was taken.
bool OfferPublished(const std::optional<DateTime>& dt, DateSource from,
                    const std::optional<civil::Date>& limit, Draft* draft);

// A plausible person name from a raw author value, or "" ("By Jane Doe,
// Staff Writer" -> "Jane Doe"; URLs, e-mail addresses, "Staff" -> "").
std::string CleanAuthorName(std::string_view raw);

// Names in a byline ("By Jane Doe and Max Roe | 13 Sep 2023").
std::vector<std::string> AuthorsFromByline(std::string_view line);

// "Jane Doe Jane Doe" (name shown twice by a scraped avatar + link) -> "Jane
// Doe".
std::string RepeatedName(std::string_view line);

// Adds names to *authors without duplicates (case-insensitive).
void AddAuthors(const std::vector<std::string>& names,
                std::vector<std::string>* authors);

struct JsonLdArticle {
  bool found = false;  // an Article-like object was seen
  std::string headline;
  std::string date_published;  // of the Article-like object
  std::string date_modified;
  // Dates of a bare WebPage object (a site's CMS stamps every page, article
  // or not, with these), kept apart from the article's own.
  std::string page_date_published;
  std::string page_date_modified;
  std::vector<std::string> authors;
  std::string publisher;
  std::string url;
};

// Reads one <script type="application/ld+json"> body; fills *out from the
// first Article/NewsArticle/BlogPosting-like object (top level, array, or
// @graph). Malformed JSON is ignored.
void ParseJsonLd(std::string_view json, JsonLdArticle* out);

// Removes a " - Site" / " | Site" / " – Site" tail when it names the site
// or is short and the head is the longer part.
std::string StripTitleSuffix(std::string_view title, std::string_view site);

// "www.example.com" -> "example.com"; "" when not an http(s) URL.
std::string HostOf(std::string_view url);

}  // namespace synoptic::extract::internal

#endif  // SYNOPTIC_EXTRACT_INTERNAL_METADATA_H_
