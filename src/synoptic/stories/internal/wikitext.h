// Wikinews wikitext as plain text, for reading the public Wikinews
// multi-document sample (shared/data/wikinews-multidoc-sample) in the
// stories tests and eval/stories. Pure functions.
#ifndef SYNOPTIC_STORIES_INTERNAL_WIKITEXT_H_
#define SYNOPTIC_STORIES_INTERNAL_WIKITEXT_H_

#include <string>
#include <string_view>

namespace synoptic::stories::internal {

// Templates are dropped except the label of {{w|target|label}} links;
// [[target|label]] keeps its label ([[target]] its target; namespaced links
// such as [[Category:...]] go); ''emphasis'' marks go.
std::string PlainWikitext(std::string_view s);

// The story's date from its {{date|Month D, YYYY}} template, else from a
// line that opens with '''Month D, YYYY''' (older stories' dateline), as
// "YYYY-MM-DD"; empty when there is none.
std::string WikiDate(std::string_view s);

}  // namespace synoptic::stories::internal

#endif  // SYNOPTIC_STORIES_INTERNAL_WIKITEXT_H_
