// Choosing the article among a page's units.
//
// Design: every unit first gets a local label from its own text (prose,
// heading-like, boilerplate line, caption, section cue) and from its
// neighbours (a cue opens a chrome section that lasts until sustained prose
// resumes, so an inline "Related" box inside an article is skipped while
// the article around it is kept; a "Most read" list at the end never
// resumes because teasers are single sentences or headline/teaser pairs).
// Then the article core is the maximum-sum contiguous run of units, where
// prose scores its length and everything else scores negative (the
// boilerplate-detection-by-maximum-subarray idea also used by body-text
// extractors such as BTE). This generalises across layouts because it only
// relies on the fact that an article is a long stretch of sentences while
// chrome is short, repetitive and link-like.
#include "synoptic/extract/internal/units.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "synoptic/extract/internal/cues.h"
#include "synoptic/extract/internal/dates.h"
#include "synoptic/extract/internal/metadata.h"

namespace synoptic::extract::internal {
namespace {

bool EndsWithEllipsis(std::string_view s) {
  return (s.size() >= 3 && s.substr(s.size() - 3) == "...") ||
         (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xA6");
}

bool IsProse(const Unit& u, bool html) {
  const TextShape& s = u.shape;
  if (html) {
    if (u.link_density > 0.35f) return false;
    // A "heading" that runs to sentences is body text set in a heading tag.
    if (u.tag_heading)
      return (s.words >= 12 && s.ends_terminal && !s.ends_question) ||
             s.words >= 30;
    return (s.words >= 10 && s.ends_terminal) || s.words >= 30 ||
           (u.tag_paragraph && s.ends_terminal && s.words >= 4);
  }
  if (u.bullet) return false;
  return (s.words >= 10 && s.ends_terminal) || s.words >= 30;
}

// Prose strong enough to end a chrome section: several sentences, not a
// truncated teaser.
bool IsStrongProse(const Unit& u, bool html) {
  if (!IsProse(u, html) || u.link_density > 0.2f) return false;
  if (EndsWithEllipsis(u.text)) return false;
  return u.shape.sentences >= 2 || u.shape.words >= 40;
}

// HTML text that reads as a paragraph even without a closing period: a <p>,
// or a longer run of text directly in a <div> ("<div>line<br><br>line").
bool ParagraphLike(const Unit& u) {
  if (u.link_density >= 0.35f || u.tag_heading || u.bullet) return false;
  return u.tag_paragraph || u.shape.words >= 8;
}

bool HeadingShape(const Unit& u, bool html) {
  const TextShape& s = u.shape;
  if (html && u.tag_heading)
    return s.words >= 1 && s.chars <= 200 && u.link_density < 0.5f &&
           !IsProse(u, html);
  if (u.bullet) return false;
  // A line that is all link is a teaser for another page, not a subhead.
  if (html && u.link_density >= 0.5f) return false;
  if (s.words < 2 || s.words > 20 || s.chars > 150) return false;
  if (s.ends_terminal && !s.ends_question) return false;
  unsigned char c = u.text.empty() ? 0 : u.text[0];
  if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80))
    return false;
  if (IsBylineLine(u.text) || FindDateInLine(u.text)) return false;
  return true;
}

}  // namespace

bool IsBylineLine(std::string_view s) {
  s = Trim(s);
  if (CharCount(s) > 120) return false;
  // "By our correspondent ...", "From our staff in ...".
  if (StartsWithCi(s, "by our ") || StartsWithCi(s, "from our ") ||
      StartsWithCi(s, "by staff") || StartsWithCi(s, "by a staff")) {
    return true;
  }
  if (!(StartsWithCi(s, "by ") || StartsWithCi(s, "written by ") ||
        StartsWithCi(s, "words by ") || StartsWithCi(s, "reported by "))) {
    return false;
  }
  size_t sp = s.find(' ');
  // "By Jane Doe": the next word is capitalised.
  size_t w = s.find_first_not_of(' ', sp);
  if (StartsWithCi(s, "written by ") || StartsWithCi(s, "words by ") ||
      StartsWithCi(s, "reported by ")) {
    w = s.find_first_not_of(' ', s.find(" by ") + 4);
  }
  return w != std::string_view::npos &&
         ((s[w] >= 'A' && s[w] <= 'Z') || (unsigned char)s[w] >= 0x80);
}

bool IsNameLine(std::string_view s) {
  s = Trim(s);
  TextShape sh = ShapeOf(s);
  // Bylines without "By": "Jane Doe", "Jane Doe and John Roe", "A Bee, C Dee
  // and E Eff": capitalised words joined by "and", "&" or commas.
  int connectors = 0;
  for (size_t at = 0; (at = s.find(" and ", at)) != std::string_view::npos; ++at) {
    ++connectors;
  }
  for (size_t at = 0; (at = s.find(" & ", at)) != std::string_view::npos; ++at) {
    ++connectors;
  }
  const int names = sh.words - connectors;
  if (names < 2 || sh.words > 6 + 4 * connectors ||
      sh.chars > 50 + 40 * connectors || sh.has_digit) {
    return false;
  }
  if (sh.cap_words < names) return false;
  for (char c : s) {
    if (c == ':' || c == '|' || c == '?' || c == '!' || c == '/' ||
        c == '(' || c == '@' || (c == ',' && connectors == 0)) {
      return false;
    }
  }
  return true;
}

bool IsReadingTimeLine(std::string_view s) {
  s = Trim(s);
  if (CharCount(s) > 40) return false;
  if (StartsWithCi(s, "reading time") || StartsWithCi(s, "read time")) return true;
  // "5 min read", "4 minute read", "3 mins read"
  const bool digit = !s.empty() && s[0] >= '0' && s[0] <= '9';
  return digit && (s.find(" min") != std::string_view::npos) &&
         (s.find("read") != std::string_view::npos);
}

Selection SelectMain(std::vector<Unit>* units_ptr, SelectOptions* opt) {
  std::vector<Unit>& units = *units_ptr;
  const bool html = opt->html;
  const int n = static_cast<int>(units.size());
  Selection sel;
  if (n == 0) return sel;
  for (Unit& u : units) {
    if (!u.has_shape) u.shape = ShapeOf(u.text);
  }

  std::vector<char> prose(n), strong(n), chrome(n), soft(n), dup(n);
  const std::string headline_key = html ? NormKey(opt->title) : std::string();
  for (int i = 0; i < n; ++i) {
    prose[i] = IsProse(units[i], html);
    strong[i] = IsStrongProse(units[i], html);
    // A sentence set as a heading right under the headline is the
    // standfirst (summary line), not body text.
    if (prose[i] && units[i].tag_heading && i > 0 && !headline_key.empty() &&
        NormKey(units[i - 1].text) == headline_key) {
      prose[i] = strong[i] = 0;
    }
    // Regions the HTML walker dropped (share bars, embeds, related boxes)
    // are removed but, like single boilerplate lines, do not end the run.
    chrome[i] = units[i].chrome;
    soft[i] = units[i].chrome;
    // A table row's cells are joined with " | ": short cells are data, not
    // the "World | Asia | Europe" bar the line test takes them for.
    const bool cells =
        units[i].table_row && units[i].text.find(" |") != std::string::npos;
    if (!cells && (IsBoilerplateLine(units[i].text) ||
                   IsCaptionOrCredit(units[i].text))) {
      chrome[i] = 1;
      soft[i] = 1;  // a single line: does not say where the article ends
    }
  }

  // Short lines repeated on the page (menus listed twice, headline repeated
  // as image alt text) are chrome; the first copy of a headline is handled
  // by the title logic below.
  {
    std::unordered_map<std::string, int> seen;
    std::vector<std::string> keys(n);
    for (int i = 0; i < n; ++i) {
      if (prose[i] || units[i].shape.chars > 200) continue;
      keys[i] = NormKey(units[i].text);
      if (!keys[i].empty()) ++seen[keys[i]];
    }
    for (int i = 0; i < n; ++i) {
      // HTML paragraphs of plain text that recur ("Earcuff: Zoeca" under two
      // photos) are the article's own; menus and link labels are not.
      const bool plain_paragraph =
          html && units[i].tag_paragraph && units[i].link_density < 0.3f;
      if (!keys[i].empty() && seen[keys[i]] > 1 && !units[i].tag_heading &&
          !plain_paragraph) {
        chrome[i] = 1;
        soft[i] = 1;
        dup[i] = 1;
      }
    }
  }

  // Sections opened by cues and tickers.
  for (int i = 0; i < n; ++i) {
    const Unit& u = units[i];
    bool cue = u.shape.chars <= 60 && IsSectionStart(u.text);
    bool ticker = !cue && u.shape.chars <= 30 && IsTickerLabel(u.text);
    if (!cue && !ticker) continue;
    chrome[i] = 1;
    soft[i] = 0;
    int j = i + 1;
    for (; j < n && units[j].group == u.group; ++j) {
      chrome[j] = 1;
      soft[j] = 0;
    }
    if (ticker && !html) {  // in HTML a ticker is a boxed section
      i = j - 1;
      continue;
    }
    if (html) {
      // Markup bounds the section: everything in the cue's box, then
      // anything up to the next real paragraph.
      for (; j < n; ++j) {
        bool in_box = units[j].owner <= u.box_end;
        bool paragraph = (units[j].tag_paragraph || prose[j]) &&
                         units[j].link_density < 0.3f &&
                         units[j].shape.words >= 5 && !units[j].chrome;
        if (!in_box && paragraph) break;
        chrome[j] = 1;
        soft[j] = 0;
      }
      i = j - 1;
      continue;
    }
    // The section lasts until sustained prose: a strong paragraph followed
    // by more prose (or ending the page's units with another strong one).
    for (; j < n; ++j) {
      if (strong[j] &&
          (j + 1 >= n || prose[j + 1] || strong[j + 1] ||
           (j + 2 < n && HeadingShape(units[j + 1], html) && prose[j + 2]))) {
        break;
      }
      if (j + 1 < n && strong[j] && !prose[j + 1] &&
          units[j].shape.sentences >= 3 && units[j].shape.words >= 60) {
        break;
      }
      chrome[j] = 1;
      soft[j] = 0;
    }
    i = j - 1;
  }

  // Author bios: a name line followed by a paragraph opening with the name.
  for (int i = 0; i + 1 < n; ++i) {
    if (!IsNameLine(units[i].text)) continue;
    std::string_view next = units[i + 1].text;
    std::string_view name = Trim(units[i].text);
    if (next.size() > name.size() && StartsWithCi(next, name) &&
        next[name.size()] == ' ') {
      chrome[i] = chrome[i + 1] = 1;
    }
  }

  // HTML: author names from metadata. A short line naming the author is a
  // byline ("Jane Doe Diplomatic correspondent"); a paragraph opening with
  // the name is the author's bio ("Jane Doe is ..."), which also ends the
  // article's run.
  if (html) {
    std::vector<std::string> names = opt->authors;
    for (int i = 0; i < n && names.size() < 12; ++i) {
      if (!IsBylineLine(units[i].text)) continue;
      for (std::string& a : AuthorsFromByline(units[i].text))
        names.push_back(std::move(a));
    }
    for (const std::string& name : names) {
      if (name.size() < 5 || name.find(' ') == std::string::npos) continue;
      for (int i = 0; i < n; ++i) {
        const Unit& u = units[i];
        if (u.text.compare(0, name.size(), name) == 0 &&
            u.text.size() > name.size() + 1 && u.text[name.size()] == ' ' &&
            prose[i]) {
          chrome[i] = 1;
          soft[i] = 0;
        } else if (u.shape.words <= 8 && !u.shape.ends_terminal &&
                   u.text.find(name) != std::string::npos) {
          chrome[i] = 1;
          soft[i] = 1;
        }
      }
    }
  }

  // Known title: drop its repetitions.
  std::string title_key = NormKey(opt->title);
  auto drop_title_dups = [&]() {
    if (title_key.empty()) return;
    for (int i = 0; i < n; ++i) {
      if (units[i].shape.chars <= 400 && NormKey(units[i].text) == title_key) {
        chrome[i] = 1;
        soft[i] = 1;
      }
    }
  };
  drop_title_dups();

  // Maximum-sum run.
  std::vector<long> score(n);
  for (int i = 0; i < n; ++i) {
    const Unit& u = units[i];
    long c = u.shape.chars;
    if (chrome[i] && soft[i]) {
      score[i] = -(20 + c / 4);
    } else if (chrome[i]) {
      score[i] = -(c + 50);
    } else if (prose[i]) {
      score[i] = c;
    } else if (HeadingShape(u, html) && i + 1 < n && prose[i + 1]) {
      score[i] = 0;
    } else if (html && ParagraphLike(u)) {
      score[i] = (u.shape.ends_terminal || u.shape.words >= 8) ? c / 2 : -5;
    } else if (html && u.bullet && u.link_density < 0.35f &&
               u.shape.words >= 4) {
      score[i] = -5;
    } else {
      score[i] = -(20 + c / 2);
    }
  }
  long best = 0, cur = 0;
  int cur_begin = 0, best_begin = 0, best_end = 0;
  for (int i = 0; i < n; ++i) {
    if (cur <= 0) {
      cur = 0;
      cur_begin = i;
    }
    cur += score[i];
    if (cur > best) {
      best = cur;
      best_begin = cur_begin;
      best_end = i + 1;
    }
  }
  sel.core_begin = best_begin;
  sel.core_end = best_end;
  if (best <= 0) return sel;

  // Title for plain text: the nearest headline-like, non-chrome unit before
  // the core (or the core's own first heading).
  if (opt->find_title && opt->title.empty()) {
    int lo = std::max(0, sel.core_begin - 40);
    for (int i = sel.core_begin - 1; i >= lo && sel.title_unit < 0; --i) {
      const Unit& u = units[i];
      if ((chrome[i] && !dup[i]) || u.bullet || IsSectionStart(u.text) ||
          IsBylineLine(u.text) || IsReadingTimeLine(u.text)) {
        continue;
      }
      const TextShape& s = u.shape;
      if (s.words >= 3 && s.words <= 30 && s.chars <= 250 &&
          (!s.ends_terminal || s.ends_question || u.text.back() == '!') &&
          !FindDateInLine(u.text) && !IsNameLine(u.text)) {
        sel.title_unit = i;
      }
    }
    if (sel.title_unit < 0 && HeadingShape(units[sel.core_begin], html)) {
      sel.title_unit = sel.core_begin;
    }
    if (sel.title_unit >= 0) {
      opt->title = units[sel.title_unit].text;
      title_key = NormKey(opt->title);
      drop_title_dups();
    }
  }

  // HTML: the core grows over the container's plain content next to it.
  // Inside the chosen container, what sits between the core and the first
  // chrome barrier (a section cue, a dropped region, a link list) is the
  // article's own: an intro paragraph above an ingredient list, the list
  // itself, a closing line or signature after the last long paragraph.
  // Lone boilerplate lines and captions are passed over (never kept), as is
  // a short run of small non-paragraph texts (ratings, "1.", counters).
  std::vector<char> grown(n, 0);
  int lead = -1;
  if (html) {
    auto barrier = [&](int i) {
      const Unit& u = units[i];
      if (chrome[i] && (!soft[i] || u.chrome)) return true;
      // Table rows with linked names (a product or results table) are not
      // a link list: passed over, though not kept.
      return u.link_density >= 0.4f && u.shape.words >= 2 && !u.table_row;
    };
    auto content = [&](int i) {
      const Unit& u = units[i];
      if (chrome[i]) return false;
      if (u.bullet || u.table_row) return u.link_density < 0.3f;
      if (prose[i]) return true;
      if (u.tag_heading) return false;  // kept only before content
      return ParagraphLike(u) && u.shape.words >= 2;
    };
    // An inline box (related links, an ad, a share bar) set between two
    // paragraphs of one text box does not end the article: past a barrier,
    // growth resumes at a plain paragraph that has the same parent element
    // as the core's edge paragraph.
    auto resume_after = [&](int i, int step, int edge_group) {
      for (int k = 0; k < 40 && i >= 0 && i < n; ++k, i += step) {
        const Unit& u = units[i];
        if (chrome[i] || barrier(i)) continue;
        const bool paragraph = u.tag_paragraph && !u.tag_heading &&
                               u.link_density < 0.3f && u.shape.words >= 5;
        return paragraph && u.group == edge_group ? i : -1;
      }
      return -1;
    };
    auto grow = [&](int from, int step) {
      int last = -1, loose = 0;
      const int edge = step > 0 ? sel.core_end - 1 : sel.core_begin;
      const int edge_group = units[edge].tag_paragraph ? units[edge].group : -1;
      for (int i = from; i >= 0 && i < n; i += step) {
        if (barrier(i)) {
          const int next =
              edge_group >= 0 ? resume_after(i, step, edge_group) : -1;
          if (next < 0) break;
          i = next - step;  // the loop's step lands on `next`
          loose = 0;
          continue;
        }
        if (content(i)) {
          last = i;
          loose = 0;
        } else if (!chrome[i] && !units[i].tag_heading && ++loose > 3) {
          break;
        }
      }
      return last;
    };
    int before = grow(sel.core_begin - 1, -1);
    const int after = grow(sel.core_end, +1);
    // The lead under the headline: when growth stops short of the page's
    // <h1> (a share bar or a "more on this" box sits between head and
    // body), the first unit after the <h1> that reads as text (a sentence
    // or a subtitle of eight words or more, not a byline or a date line)
    // is the article's lead and joins it.
    const int top = before >= 0 ? before : sel.core_begin;
    for (int h = top - 1; h >= 0 && h >= top - 40; --h) {
      if (!units[h].tag_h1) continue;
      for (int i = h + 1; i < top; ++i) {
        const Unit& u = units[i];
        if (chrome[i] && !dup[i]) continue;
        if (u.link_density < 0.3f && u.shape.words >= 8 && !u.bullet &&
            !IsBylineLine(u.text) && !FindDateInLine(u.text) &&
            (prose[i] || u.tag_heading || ParagraphLike(u))) {
          for (int k = i + 1; k < top; ++k) chrome[k] = 1;
          before = i;
          lead = i;
        }
        break;
      }
      break;
    }
    for (int i = before >= 0 ? before : sel.core_begin; i < sel.core_begin; ++i)
      grown[i] = 1;
    for (int i = sel.core_end; after >= 0 && i <= after; ++i) grown[i] = 1;
    if (before >= 0) sel.core_begin = before;
    if (after >= 0) sel.core_end = after + 1;
  }

  for (int i = sel.core_begin; i < sel.core_end; ++i) {
    Unit& u = units[i];
    if (chrome[i]) continue;
    const TextShape& s = u.shape;
    if (grown[i]) {
      // Grown units: plain paragraphs, non-link list items and table rows,
      // headings that lead to such content; never bylines or date lines.
      bool next_content = false;
      for (int j = i + 1; j < sel.core_end && j <= i + 3; ++j) {
        if (chrome[j] || units[j].tag_heading) continue;
        next_content = true;
        break;
      }
      if (prose[i]) {
        u.keep = true;
      } else if (u.tag_heading) {
        u.keep = next_content && HeadingShape(u, html);
        if (u.keep) u.kind = UnitKind::kHeading;
      } else if (u.bullet || u.table_row) {
        u.keep = u.link_density < 0.3f && s.words >= 1 && !IsBylineLine(u.text);
        if (u.keep && u.bullet) u.kind = UnitKind::kListItem;
      } else {
        u.keep = ParagraphLike(u) && s.words >= 2 && !IsBylineLine(u.text) &&
                 !IsNameLine(u.text) && !IsReadingTimeLine(u.text) &&
                 !(s.chars <= 80 && FindDateInLine(u.text));
      }
      continue;
    }
    bool next_prose = false;
    for (int j = i + 1; j < sel.core_end && j <= i + 2; ++j) {
      if (chrome[j]) continue;
      next_prose = prose[j];
      break;
    }
    if (prose[i]) {
      u.keep = true;
    } else if (html && !u.bullet && !u.tag_heading && s.ends_terminal &&
               s.words >= 15 && u.link_density < 0.6f &&
               !EndsWithEllipsis(u.text)) {
      // A sentence inside the article whose words are partly a link
      // ("... predicted that Apple will <a>move its lineup to X</a>.").
      u.keep = true;
    } else if (HeadingShape(u, html) && next_prose) {
      u.keep = true;
      u.kind = UnitKind::kHeading;
    } else if (u.bullet) {
      u.keep = s.words >= 4 && u.link_density < 0.35f &&
               (s.ends_terminal || s.words >= 6) && !IsBylineLine(u.text);
    } else if (html) {
      u.keep = ParagraphLike(u) && s.words >= 2 && !IsBylineLine(u.text) &&
               !(s.chars <= 80 && FindDateInLine(u.text));
    } else {
      u.keep = s.ends_terminal && s.words >= 3 && !IsBylineLine(u.text);
    }
    if (u.keep && u.bullet && u.kind == UnitKind::kBody)
      u.kind = UnitKind::kListItem;
  }

  if (lead >= 0) {
    units[lead].keep = true;
    if (units[lead].tag_heading) units[lead].kind = UnitKind::kBody;
  }

  // HTML: above the core's first prose paragraph, short lines that are not
  // sentences (a kicker such as "Opinion", an author's title, a section
  // label) are header furniture, not text; headings, list items and table
  // rows are judged below.
  if (html) {
    for (int i = sel.core_begin; i < sel.core_end && !prose[i]; ++i) {
      Unit& u = units[i];
      if (u.tag_h1) u.keep = false;  // the headline: the title, not text
      if (u.tag_heading || u.bullet || u.table_row) continue;
      if (u.shape.words < 5 && !u.shape.ends_terminal) u.keep = false;
    }
  }

  // HTML lists and tables inside the core whose text is not links are the
  // article's own (ingredients, steps, specifications, results), however
  // short each item: kept whole. Link lists (related, tags) are not.
  std::vector<char> plain_table(n, 0);
  if (html) {
    for (int i = sel.core_begin; i < sel.core_end;) {
      const bool row = units[i].table_row;
      if (!units[i].bullet && !row) {
        ++i;
        continue;
      }
      const int g = units[i].group;
      int e = i;
      long chars = 0, link = 0;
      while (e < sel.core_end && units[e].group == g &&
             (row ? units[e].table_row : units[e].bullet)) {
        chars += units[e].shape.chars;
        link += static_cast<long>(units[e].link_density * units[e].shape.chars);
        ++e;
      }
      if (link * 5 < chars) {
        for (int k = i; k < e; ++k) {
          if (row) plain_table[k] = 1;
          if (!chrome[k] && units[k].shape.words >= 1 && !row &&
              units[k].link_density < 0.5f && !IsBylineLine(units[k].text)) {
            units[k].keep = true;
            units[k].kind = UnitKind::kListItem;
          }
        }
      }
      i = e;
    }
  }

  // A table the article keeps is kept whole (even rows past the core's
  // edge): its short rows ("Pos | Player | Plays") read as fragments alone.
  for (int i = sel.core_begin; i < sel.core_end; ++i) {
    if (!units[i].table_row || !(units[i].keep || plain_table[i])) continue;
    const int g = units[i].group;
    int b = i, e = i;
    while (b > 0 && units[b - 1].table_row && units[b - 1].group == g) --b;
    while (e + 1 < n && units[e + 1].table_row && units[e + 1].group == g)
      ++e;
    for (int k = b; k <= e; ++k) {
      if (!chrome[k] && units[k].shape.words >= 1) units[k].keep = true;
    }
    i = e;
  }
  // HTML headings inside the core that lead to kept content of any kind (a
  // list, a table, a short paragraph), not only to prose.
  if (html) {
    for (int i = sel.core_begin; i < sel.core_end; ++i) {
      Unit& u = units[i];
      if (u.keep || chrome[i] || !u.tag_heading || u.tag_h1 ||
          !HeadingShape(u, html))
        continue;
      for (int j = i + 1; j < sel.core_end && j <= i + 2; ++j) {
        if (chrome[j]) continue;
        if (units[j].keep && !units[j].tag_heading) {
          u.keep = true;
          u.kind = UnitKind::kHeading;
        }
        break;
      }
    }
  }
  // Interview pairs: "Q: ..." then "A: ...", kept together however short
  // the answer ("A: A trip to the coast").
  for (int i = sel.core_begin; i + 1 < sel.core_end; ++i) {
    Unit& q = units[i];
    Unit& a = units[i + 1];
    if (q.chrome || a.chrome) continue;
    if (StartsWithCi(q.text, "q:") && StartsWithCi(a.text, "a:") &&
        q.shape.words >= 2 && a.shape.words >= 2) {
      q.keep = a.keep = true;
      ++i;
    }
  }
  // The attribution line of a kept quotation ("— Name (@handle) date"),
  // though a line-level test took it for a dateline; not in chrome regions.
  for (int i = std::max(sel.core_begin, 1); i < sel.core_end; ++i) {
    Unit& u = units[i];
    if (u.keep || u.chrome || u.kind != UnitKind::kQuote) continue;
    if (!units[i - 1].keep || units[i - 1].kind != UnitKind::kQuote) continue;
    if (u.shape.chars <= 200 && (StartsWithCi(u.text, "\xE2\x80\x94") ||
                                 StartsWithCi(u.text, "\xE2\x80\x93") ||
                                 StartsWithCi(u.text, "- "))) {
      u.keep = true;
    }
  }
  return sel;
}

}  // namespace synoptic::extract::internal
