// Plain-text scrapes: lines -> units -> SelectMain().
//
// A scrape keeps a page's reading order but loses its markup, so structure is
// rebuilt from layout: blank lines separate blocks, bullet markers and
// indentation mark list items (menus, tag lists, byline widgets), and a
// block of evenly long lines is a hard-wrapped paragraph to be joined.
// Metadata comes from the header area between the title and the article's
// first paragraph (byline, dateline) and never from after the core.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "synoptic/extract/internal/cues.h"
#include "synoptic/extract/internal/extractors.h"
#include "synoptic/extract/internal/text_util.h"
#include "synoptic/extract/internal/units.h"

namespace synoptic::extract::internal {
namespace {

struct Line {
  std::string_view text;  // without bullet marker, trimmed
  int indent = 0;
  bool bullet = false;
  bool blank = false;
};

constexpr std::array<std::string_view, 10> kBullets = {
    "\xE2\x80\xA2",  // U+2022 bullet
    "\xC2\xB7",      // U+00B7 middle dot
    "\xE2\x96\xAA",  // U+25AA
    "\xE2\x97\xA6",  // U+25E6
    "\xE2\x80\xA3",  // U+2023
    "\xE2\x97\x8F",  // U+25CF
    "- ",           "* ", "+ ", "\xE2\x80\x93 ",
};

Line ParseLine(std::string_view raw) {
  Line l;
  size_t i = 0;
  while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) {
    l.indent += raw[i] == '\t' ? 4 : 1;
    ++i;
  }
  std::string_view rest = raw.substr(i);
  // Possibly several markers ("• • LIVE").
  bool again = true;
  while (again) {
    again = false;
    for (std::string_view b : kBullets) {
      if (rest.size() >= b.size() && rest.compare(0, b.size(), b) == 0) {
        l.bullet = true;
        rest = Trim(rest.substr(b.size()));
        again = true;
        break;
      }
    }
  }
  l.text = Trim(rest);
  l.blank = l.text.empty() && !l.bullet;
  return l;
}

// Whether a block of lines is one hard-wrapped paragraph.
bool IsWrapped(const std::vector<Line>& lines, size_t b, size_t e) {
  if (e - b < 2) return false;
  size_t maxlen = 0;
  for (size_t i = b; i < e; ++i) {
    if (lines[i].bullet) return false;
    maxlen = std::max(maxlen, CharCount(lines[i].text));
  }
  if (maxlen < 40 || maxlen > 100) return false;
  size_t full = 0;
  for (size_t i = b; i + 1 < e; ++i) {
    if (CharCount(lines[i].text) * 10 >= maxlen * 6) ++full;
  }
  if (full * 10 < (e - b - 1) * 8) return false;
  // Hard wrapping breaks sentences: some line must continue in lower case.
  for (size_t i = b; i + 1 < e; ++i) {
    unsigned char c = lines[i + 1].text.empty() ? 0 : lines[i + 1].text[0];
    if (c >= 'a' && c <= 'z') return true;
  }
  return false;
}

}  // namespace

void ExtractText(const ingest::InputRecord& record,
                 const std::optional<civil::Date>& not_after, Draft* draft) {
  std::string_view body = record.body;
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t e = body.find('\n', pos);
    if (e == std::string_view::npos) e = body.size();
    std::string_view raw = body.substr(pos, e - pos);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    lines.push_back(ParseLine(raw));
    pos = e + 1;
  }

  std::vector<Unit> units;
  int group = 0;
  size_t i = 0;
  bool pending = false;
  while (i < lines.size()) {
    if (lines[i].blank) {
      ++i;
      continue;
    }
    size_t e = i;
    while (e < lines.size() && !lines[e].blank) ++e;
    ++group;
    if (IsWrapped(lines, i, e)) {
      // Join, ending a paragraph at a short line that closes a sentence.
      std::string text;
      size_t maxlen = 0;
      for (size_t k = i; k < e; ++k)
        maxlen = std::max(maxlen, CharCount(lines[k].text));
      for (size_t k = i; k < e; ++k) {
        pending = true;
        AppendCollapsed(lines[k].text, &text, &pending);
        if (k + 1 == e || (CharCount(lines[k].text) * 10 < maxlen * 7 &&
                           ShapeOf(lines[k].text).ends_terminal)) {
          Unit u;
          u.text = std::move(text);
          u.group = group;
          units.push_back(std::move(u));
          text.clear();
        }
      }
    } else {
      int bullet_indent = -1;
      for (size_t k = i; k < e; ++k) {
        Unit u;
        pending = false;
        AppendCollapsed(lines[k].text, &u.text, &pending);
        u.bullet = lines[k].bullet;
        if (u.bullet) {
          bullet_indent = lines[k].indent;
        } else if (bullet_indent >= 0 && lines[k].indent > bullet_indent) {
          u.bullet = true;  // continuation of a list item
        } else {
          bullet_indent = -1;
        }
        if (u.text.empty()) continue;
        u.group = group;
        units.push_back(std::move(u));
      }
    }
    i = e;
  }

  SelectOptions opt;
  opt.html = false;
  opt.title = std::string(Trim(record.title));
  opt.find_title = opt.title.empty();
  Selection sel = SelectMain(&units, &opt);
  draft->title = opt.title;
  draft->blocks_total = static_cast<uint32_t>(units.size());
  for (const Unit& u : units) {
    if (u.keep) {
      draft->paragraphs.emplace_back(u.text, static_cast<uint8_t>(u.kind));
      ++draft->blocks_kept;
    } else {
      draft->chars_dropped += static_cast<uint32_t>(u.shape.chars);
    }
  }
  if (draft->paragraphs.empty()) return;

  // "Headline - Outlet" repeated in the page head names the site.
  if (!draft->title.empty() && record.site.empty()) {
    for (int k = 0; k < sel.core_begin && draft->site.empty(); ++k) {
      std::string_view t = units[k].text;
      if (t.size() <= draft->title.size() + 3 || !StartsWithCi(t, draft->title))
        continue;
      std::string_view rest = t.substr(draft->title.size());
      for (std::string_view sep :
           {" - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
        if (rest.substr(0, sep.size()) != sep) continue;
        std::string_view site = Trim(rest.substr(sep.size()));
        TextShape sh = ShapeOf(site);
        if (sh.words >= 1 && sh.words <= 5 && !sh.ends_terminal)
          draft->site = std::string(site);
        break;
      }
    }
  }

  // A masthead: the page's first line is a short name that the page
  // repeats (header and footer), and it is not the headline.
  if (draft->site.empty() && record.site.empty() && sel.core_begin > 1 &&
      !units.empty()) {
    const Unit& first = units[0];
    const TextShape& sh = first.shape;
    if (!first.bullet && sel.title_unit != 0 && sh.words >= 1 &&
        sh.words <= 5 && !sh.has_digit && !sh.ends_terminal &&
        sh.cap_words * 2 >= sh.words && !IsSectionStart(first.text) &&
        !IsBoilerplateLine(first.text)) {
      std::string key = NormKey(first.text);
      for (size_t k = 1; k < units.size(); ++k) {
        if (static_cast<int>(k) >= sel.core_begin &&
            static_cast<int>(k) < sel.core_end)
          continue;
        if (NormKey(units[k].text) == key) {
          draft->site = first.text;
          break;
        }
      }
    }
  }

  // Header area: from the title (or a few units before the core) to just
  // inside the core.
  int hb =
      sel.title_unit >= 0 ? sel.title_unit : std::max(0, sel.core_begin - 12);
  int he = std::min<int>(static_cast<int>(units.size()), sel.core_begin + 2);
  for (int k = hb; k < he; ++k) {
    const Unit& u = units[k];
    if (u.keep && u.shape.chars > 120) continue;
    if (IsBylineLine(u.text))
      AddAuthors(AuthorsFromByline(u.text), &draft->authors);
    std::string rep = RepeatedName(u.text);
    if (!rep.empty()) AddAuthors({rep}, &draft->authors);
    if (u.shape.chars <= 120 && !u.keep) {
      OfferPublished(FindDateInLine(u.text), DateSource::kByline, not_after,
                     draft);
    }
  }
  // An author-bio name line right after the article.
  if (draft->authors.empty()) {
    int end =
        std::min<int>(static_cast<int>(units.size()) - 1, sel.core_end + 6);
    for (int k = sel.core_end; k < end; ++k) {
      std::string_view name = Trim(units[k].text);
      const std::string& next = units[k + 1].text;
      if (IsNameLine(name) && next.size() > name.size() &&
          StartsWithCi(next, name) && next[name.size()] == ' ') {
        AddAuthors({CleanAuthorName(name)}, &draft->authors);
        break;
      }
    }
  }
}

}  // namespace synoptic::extract::internal
