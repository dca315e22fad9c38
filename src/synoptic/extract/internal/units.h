// Units: the text blocks both extractors reduce a page to (one HTML block
// element's text, or one line/paragraph of a plain-text scrape), and the
// decision which of them form the article.
#ifndef SYNOPTIC_EXTRACT_INTERNAL_UNITS_H_
#define SYNOPTIC_EXTRACT_INTERNAL_UNITS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "synoptic/extract/internal/text_util.h"

namespace synoptic::extract::internal {

enum class UnitKind : uint8_t {
  kBody = 0,
  kHeading = 1,
  kListItem = 2,
  kQuote = 3
};

struct Unit {
  std::string text;  // collapsed white space, trimmed
  UnitKind kind = UnitKind::kBody;
  bool bullet = false;         // a list item / bullet line
  bool tag_heading = false;    // HTML <h1>..<h6>
  bool tag_h1 = false;         // HTML <h1>: the page's headline level
  bool tag_paragraph = false;  // HTML <p>/<blockquote>: strong body evidence
  bool table_row = false;      // HTML <tr>: rows of one table share `group`
  int group = 0;  // text: blank-separated block; HTML: parent element
  float link_density = 0.f;  // share of chars inside links (HTML)
  bool chrome = false;       // decided chrome before selection (HTML regions)
  // HTML: preorder index of the block's element, and the last element index
  // of the box a section cue in this unit would head (its grandparent).
  int owner = 0;
  int box_end = -1;
  // Filled by SelectMain.
  TextShape shape;
  bool has_shape = false;  // `shape` already holds ShapeOf(text)
  bool keep = false;
};

struct Selection {
  int core_begin = 0;  // [core_begin, core_end): the article's span of units
  int core_end = 0;
  int title_unit = -1;  // plain text: the unit used as title, or -1
};

struct SelectOptions {
  bool html = false;
  // Known title (from metadata); units repeating it are dropped. When empty
  // and `find_title` is set, a headline-like unit before the core is chosen.
  std::string title;
  bool find_title = false;
  // Author names known from metadata (HTML: JSON-LD, <meta name=author>).
  // Short lines naming one are bylines; a paragraph opening with one is the
  // author's bio.
  std::vector<std::string> authors;
};

// Marks units[i].keep for the article's own paragraphs and sets kinds. Rules
// (in order): boilerplate lines and captions are chrome; a section-start cue
// ("Related News", "Most Read", "Leave a Reply") makes the following units
// chrome until sustained article prose resumes; ticker labels make the rest
// of their group chrome; an author-name line followed by a paragraph opening
// with that name is a bio; then the maximum-sum run of units (prose scores
// its length, chrome and short non-sentences score negative) is the core.
// HTML: the core grows over the container's plain content on either side
// (paragraphs, link-free list items and table rows) up to a chrome barrier,
// and past an inline chrome box when the text resumes in the same parent;
// the first text unit under the <h1> joins as the lead; short lines naming
// a known author are bylines and a paragraph opening with the name a bio.
// Inside it, prose, headings followed by kept content, sentence-like list
// items and (HTML) whole link-free lists and tables are kept.
Selection SelectMain(std::vector<Unit>* units, SelectOptions* options);

// "By Jane Doe" style line.
bool IsBylineLine(std::string_view s);

// A short line that is just a person's name ("Jane Doe", "Dr. A. B. Khan").
bool IsNameLine(std::string_view s);
// "Reading time: 5 minutes", "4 min read": page metadata, never a title.
bool IsReadingTimeLine(std::string_view s);

}  // namespace synoptic::extract::internal

#endif  // SYNOPTIC_EXTRACT_INTERNAL_UNITS_H_
