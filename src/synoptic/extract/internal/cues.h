// Lexical cues for page chrome, shared by the HTML and text extractors.
// Pure functions over constexpr tables; safe from any thread.
#ifndef SYNOPTIC_EXTRACT_INTERNAL_CUES_H_
#define SYNOPTIC_EXTRACT_INTERNAL_CUES_H_

#include <string_view>

namespace synoptic::extract::internal {

// Weight of an element's class and id attribute values: > 0 for content
// cues (article, story, body, ...), < 0 for chrome (nav, related, share,
// comment, ...). Tokens are split on non-alphanumerics; a token matches a
// cue when it equals it or starts with it ("sidebar-left", "comments").
int ClassIdWeight(std::string_view class_attr, std::string_view id_attr);

// True when the class/id names a strong chrome region whose whole subtree is
// dropped inside the article container (related, share, comments, ...).
bool IsChromeRegion(std::string_view class_attr, std::string_view id_attr);

// ClassIdWeight() and IsChromeRegion() in one pass over the tokens.
struct ClassIdCues {
  int weight = 0;
  bool chrome = false;
  // A chrome region that stays one however much of the page it holds: a
  // comment thread, a cookie/consent notice or a pop-up dialog.
  bool strict = false;
  // The class/id names a list of other stories or of reader posts (see
  // NamesStoryList()).
  bool story_list = false;
};
ClassIdCues ScoreClassId(std::string_view class_attr, std::string_view id_attr);

// True when the class/id names a list of other stories or of reader posts
// (related, popular, most read, trending, recommended, sidebar, comments,
// ticker): a date shown inside one belongs to another story, never to the
// page. ScoreClassId() gives the same answer as `story_list`.
bool NamesStoryList(std::string_view class_attr, std::string_view id_attr);

// A short line that opens a chrome section ("Related News", "Most Read",
// "More from this writer", "Leave a Reply", "Tags:", ...): what follows it
// is not article text until article prose resumes.
bool IsSectionStart(std::string_view line);

// A line that is chrome wherever it appears: copyright, cookie and terms
// notices, comment-form prompts, app-store and share prompts, reading-time
// and share counters, editorial disclaimers, "Advertisement".
bool IsBoilerplateLine(std::string_view line);

// A "BREAKING"/"Latest" ticker label: the lines directly under it (same
// block) are headlines of other stories.
bool IsTickerLabel(std::string_view line);

// An image caption or credit line ("Photo: Reuters", "(Getty Images)",
// "EPA-EFE/KCNA", text ending in "(Illustrated by X)").
bool IsCaptionOrCredit(std::string_view line);

}  // namespace synoptic::extract::internal

#endif  // SYNOPTIC_EXTRACT_INTERNAL_CUES_H_
