// TempEval-3 style scoring of the TIMEX3 tagger, plus value accuracy on the
// Duckling English time corpus.
//
// TempEval-3 (UzZaman et al., SemEval-2013 Task 1, "Task A" for timexes):
// strict match = identical extent, relaxed match = any overlap; precision and
// recall count matches over system and gold timexes. Attribute scores (type,
// value) are computed over relaxed matches: an attribute is correct when the
// pair matches and the attribute agrees, and its F1 uses the system and gold
// totals as denominators (so value F1 is roughly relaxed F1 x value
// accuracy, as in the official scorer). We match on character overlap of the
// untagged text, one system timex per gold timex, leftmost first.
//
// Usage: eval_time [SHARED_DIR] [--tbaq DIR] [--duckling FILE]
//                  [--tml-dir DIR] [--errors N] [--write-inputs DIR]
//                  [--peer NAME=DIR ...]
//   SHARED_DIR holds data/ (defaults to $SYN_SHARED_DIR, then the CMake
//   define SYN_SHARED_DIR). --tbaq defaults to
//   SHARED_DIR/data/tempeval3/TBAQ-cleaned; its TimeBank/ and AQUAINT/
//   folders are scored separately and together. Output is Markdown; absent
//   data prints a "skip:" line (exit code 0).
//   --tml-dir scores one folder of .tml files instead (e.g. the TE3 silver
//   data unpacked somewhere). --errors N prints the first N mismatches to
//   stderr (MISS, FALSE, DIFF lines), TBAQ ones only from the tuning four
//   fifths (the check fifth's are never printed; see InCheckFifth).
//   --write-inputs writes every scored document as JSON lines {doc, text,
//   dct} (DIR/tbaq.jsonl, DIR/duckling.jsonl) for peer taggers and exits.
//   --peer NAME=DIR reads a peer's output, JSON lines {doc, start, end,
//   type, value} with code point offsets, and scores it with the same code;
//   a side-by-side table follows (eval/time/peers/ has the peer scripts).
// The data is read from the shared folder by path and never copied.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "synoptic/core/civil.h"
#include "synoptic/time/timex.h"

namespace fs = std::filesystem;
using synoptic::Timex;
using synoptic::TimexType;
using synoptic::TimexTypeName;
namespace civil = synoptic::civil;

namespace {

struct Gold {
  size_t begin = 0, end = 0;
  std::string type, value;
};

struct Doc {
  std::string name, text;
  std::optional<civil::Date> dct;
  std::vector<Gold> gold;
  bool check = false;  // in the check fifth: scored, its errors never shown
};

// The TBAQ documents here split into a tuning part (four fifths, whose
// errors --errors prints) and a check part (one fifth, chosen by a hash of
// the file name, whose errors are never printed), so that a rule written
// from the tuning errors can be seen to carry over to text it was not
// written from (HOLDOUT.md asks for a dev split or cross-validation of what
// is here; the TimeBank fifth held back is not here at all).
bool InCheckFifth(const std::string& name) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (unsigned char ch : name) {
    h ^= ch;
    h *= 16777619u;
  }
  return h % 5 == 0;
}

std::string Attr(const std::string& tag, const std::string& name) {
  std::string key = " " + name + "=\"";
  size_t p = tag.find(key);
  if (p == std::string::npos) return "";
  p += key.size();
  size_t q = tag.find('"', p);
  return tag.substr(p, q - p);
}

// Appends the text between tags, decoding the five XML entities.
void AppendText(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      static const std::pair<std::string_view, char> kEnt[] = {
          {"&amp;", '&'},
          {"&lt;", '<'},
          {"&gt;", '>'},
          {"&quot;", '"'},
          {"&apos;", '\''}};
      bool done = false;
      for (auto& [e, c] : kEnt) {
        if (s.substr(i, e.size()) == e) {
          out->push_back(c);
          i += e.size() - 1;
          done = true;
          break;
        }
      }
      if (!done) out->push_back('&');
    } else {
      out->push_back(s[i]);
    }
  }
}

bool ReadTml(const fs::path& path, Doc* doc) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::stringstream ss;
  ss << f.rdbuf();
  std::string xml = ss.str();
  doc->name = path.filename().string();
  size_t d = xml.find("functionInDocument=\"CREATION_TIME\"");
  if (d != std::string::npos) {
    size_t ts = xml.rfind("<TIMEX3", d);
    size_t te = xml.find('>', d);
    std::string v = Attr(xml.substr(ts, te - ts), "value");
    doc->dct = civil::ParseIsoDate(v);
  }
  size_t b = xml.find("<TEXT>");
  size_t e = xml.find("</TEXT>");
  if (b == std::string::npos || e == std::string::npos) return false;
  b += 6;
  std::vector<Gold> open;
  size_t i = b;
  while (i < e) {
    size_t lt = xml.find('<', i);
    if (lt == std::string::npos || lt > e) lt = e;
    AppendText(std::string_view(xml).substr(i, lt - i), &doc->text);
    if (lt >= e) break;
    size_t gt = xml.find('>', lt);
    std::string tag = xml.substr(lt, gt - lt + 1);
    if (tag.rfind("<TIMEX3", 0) == 0) {
      Gold g;
      g.begin = doc->text.size();
      g.type = Attr(tag, "type");
      g.value = Attr(tag, "value");
      open.push_back(g);
    } else if (tag.rfind("</TIMEX3", 0) == 0 && !open.empty()) {
      Gold g = open.back();
      open.pop_back();
      g.end = doc->text.size();
      doc->gold.push_back(g);
    }
    i = gt + 1;
  }
  return true;
}

struct Counts {
  int gold = 0, sys = 0, strict = 0, relaxed = 0, type_ok = 0, value_ok = 0;
  void Add(const Counts& o) {
    gold += o.gold;
    sys += o.sys;
    strict += o.strict;
    relaxed += o.relaxed;
    type_ok += o.type_ok;
    value_ok += o.value_ok;
  }
};

double F1(int correct, int sys, int gold) {
  if (correct == 0) return 0;
  double p = double(correct) / sys, r = double(correct) / gold;
  return 2 * p * r / (p + r);
}

void PrintHeader() {
  std::printf(
      "| set | docs | gold | system | strict P | strict R | strict F1 | "
      "relaxed P | relaxed R | relaxed F1 | type acc | type F1 | value acc | "
      "value F1 |\n"
      "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
}

void PrintRow(const std::string& name, int docs, const Counts& c) {
  auto pr = [](int k, int d) { return d ? 100.0 * k / d : 0.0; };
  std::printf(
      "| %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | "
      "%.1f | %.1f | %.1f |\n",
      name.c_str(), docs, c.gold, c.sys, pr(c.strict, c.sys),
      pr(c.strict, c.gold), 100 * F1(c.strict, c.sys, c.gold),
      pr(c.relaxed, c.sys), pr(c.relaxed, c.gold),
      100 * F1(c.relaxed, c.sys, c.gold), pr(c.type_ok, c.relaxed),
      100 * F1(c.type_ok, c.sys, c.gold), pr(c.value_ok, c.relaxed),
      100 * F1(c.value_ok, c.sys, c.gold));
}

// Scores one system's timexes on one document against its gold.
Counts Score(const Doc& doc, const std::vector<Timex>& sys, int* errors_left,
             std::ostream& err) {
  Counts c;
  c.gold = static_cast<int>(doc.gold.size());
  c.sys = static_cast<int>(sys.size());
  std::vector<bool> used(sys.size(), false);
  for (const Gold& g : doc.gold) {
    int hit = -1;
    for (size_t k = 0; k < sys.size(); ++k) {
      if (used[k]) continue;
      if (sys[k].span.begin < g.end && g.begin < sys[k].span.end) {
        hit = static_cast<int>(k);
        break;
      }
    }
    std::string gtext = doc.text.substr(g.begin, g.end - g.begin);
    if (hit < 0) {
      if ((*errors_left)-- > 0)
        err << "MISS  " << doc.name << " [" << gtext << "] " << g.type << " "
            << g.value << "\n";
      continue;
    }
    used[hit] = true;
    const Timex& s = sys[hit];
    ++c.relaxed;
    if (s.span.begin == g.begin && s.span.end == g.end) ++c.strict;
    bool type_ok = TimexTypeName(s.type) == g.type;
    bool value_ok = s.value == g.value;
    c.type_ok += type_ok;
    c.value_ok += value_ok;
    if ((!value_ok || !type_ok || s.span.begin != g.begin ||
         s.span.end != g.end) &&
        (*errors_left)-- > 0) {
      err << "DIFF  " << doc.name << " gold [" << gtext << "] " << g.type << " "
          << g.value << " | sys ["
          << doc.text.substr(s.span.begin, s.span.size()) << "] "
          << TimexTypeName(s.type) << " " << s.value << "\n";
    }
  }
  for (size_t k = 0; k < sys.size(); ++k) {
    if (!used[k] && (*errors_left)-- > 0)
      err << "FALSE " << doc.name << " ["
          << doc.text.substr(sys[k].span.begin, sys[k].span.size()) << "] "
          << TimexTypeName(sys[k].type) << " " << sys[k].value << "\n";
  }
  return c;
}

// ---------------------------------------------------------------- Duckling
//
// Duckling states each expected answer as a wall-clock start (and end, for
// intervals) with a grain, relative to "now" = 2013-02-12T04:30 (diffCorpus:
// 2013-02-15T04:30). TIMEX3 writes some of the same answers differently; the
// "TIMEX3 notation" column accepts these (and only these) as equal:
// - PRESENT_REF for a phrase whose answer is "now" itself;
// - a DATE equal to the expected day when the expected time of day is just
//   "now" truncated at the grain ("7 days ago" = 2013-02-05T04:00: the hour
//   comes from the reference time, not from the phrase);
// - a DURATION that, added to the reference time, lands on the expected start
//   at its grain ("in 15 minutes" = PT15M; every component of a compound
//   one is added, "in 2.5 hours" = PT2H30M), or, for an interval, spans it
//   exactly from start to end ("the last 2 days" = P2D);
// - a part of day (TMO, TAF, TEV, TNI) for Duckling's part-of-day intervals
//   (morning 00-12, afternoon 12-19, evening/night 18-24);
// - T24:00 of a day for 00:00 of the next;
// - the weekend of an ISO week ("2013-W43-WE") for Duckling's weekend,
//   Friday 18:00 to Monday 00:00;
// - a season of year Y ("2012-WI") for the astronomical season starting in Y;
// - a year, month or ISO week with mod START, MID or END for an interval
//   that is the beginning, middle or end of it ("end of the month").
// The "exact" column accepts only a value whose prefix is the expected start
// at its grain (minutes for hour and finer grains).

struct Instant {
  civil::Date d;
  int sec = 0;  // seconds since midnight
};

std::optional<Instant> ParseInstant(const std::string& s) {
  auto d = civil::ParseIsoDate(s);
  if (!d) return std::nullopt;
  Instant t{*d, 0};
  if (s.size() >= 19 && s[10] == 'T')
    t.sec = std::atoi(s.substr(11, 2).c_str()) * 3600 +
            std::atoi(s.substr(14, 2).c_str()) * 60 +
            std::atoi(s.substr(17, 2).c_str());
  return t;
}

std::string GrainValue(const Instant& t, const std::string& grain) {
  char buf[32];
  const civil::Date& d = t.d;
  if (grain == "year") {
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  } else if (grain == "month") {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else if (grain == "quarter") {
    std::snprintf(buf, sizeof buf, "%04d-Q%d", d.year, (d.month - 1) / 3 + 1);
  } else if (grain == "week") {
    int y = 0, w = 0;
    civil::IsoWeek(d, &y, &w);
    std::snprintf(buf, sizeof buf, "%04d-W%02d", y, w);
  } else if (grain == "day") {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  } else if (grain == "hour" || grain == "minute" || grain == "second") {
    int minute = grain == "hour" ? 0 : t.sec / 60 % 60;
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", d.year, d.month,
                  d.day, t.sec / 3600, minute);
  } else {
    return "";
  }
  return buf;
}

// t moved by n units of a TIMEX3 duration letter (time units when in_time).
Instant AddUnit(Instant t, int n, char unit, bool in_time) {
  if (in_time) {
    int64_t secs = unit == 'H' ? 3600 : unit == 'M' ? 60 : 1;
    int64_t total = t.sec + secs * n;
    int64_t days = total >= 0 ? total / 86400 : -((-total + 86399) / 86400);
    t.d = civil::AddDays(t.d, days);
    t.sec = static_cast<int>(total - days * 86400);
    return t;
  }
  switch (unit) {
    case 'D': t.d = civil::AddDays(t.d, n); break;
    case 'W': t.d = civil::AddDays(t.d, 7 * n); break;
    case 'M': t.d = civil::AddMonths(t.d, n); break;
    case 'Y': t.d = civil::AddMonths(t.d, 12 * n); break;
    default: break;
  }
  return t;
}

struct DuckCase {
  std::string id, phrase, kind, grain, want;
  std::optional<Instant> start, end;
  Instant ref;
};

bool ExactOk(const std::string& value, const std::string& want) {
  return !want.empty() && value.compare(0, want.size(), want) == 0 &&
         (value.size() == want.size() || want.size() >= 16);
}

bool NotationOk(const Timex& t, const DuckCase& c) {
  if (ExactOk(t.value, c.want)) return true;
  if (c.want.empty() || !c.start) return false;
  const std::string ref_at_grain = GrainValue(c.ref, c.grain);
  if (t.value == "PRESENT_REF") return c.want == ref_at_grain;
  // "midnight" of a day is T24:00 in TIMEX3, 00:00 of the next in Duckling.
  if (t.value.size() == 16 && t.value.compare(10, 6, "T24:00") == 0) {
    if (auto d = civil::ParseIsoDate(t.value.substr(0, 10)))
      return GrainValue({civil::AddDays(*d, 1), 0}, c.grain) == c.want;
  }
  if (t.type == TimexType::kDate && t.value.size() == 10 &&
      c.want.size() >= 16 && c.want.compare(0, 10, t.value) == 0 &&
      c.want.substr(10) == ref_at_grain.substr(10))
    return true;
  if (t.type == TimexType::kDuration && t.value.size() >= 3 &&
      t.value[0] == 'P') {
    // One or more components, date units before time units: "P2D",
    // "PT2H30M" ("in 2.5 hours"), "P1Y6M".
    std::vector<std::pair<int, char>> parts;
    std::vector<bool> timed;
    bool in_time = false;
    size_t p = 1;
    while (p < t.value.size()) {
      if (t.value[p] == 'T' && !in_time) {
        in_time = true;
        ++p;
        continue;
      }
      size_t q = p;
      while (q < t.value.size() &&
             std::isdigit(static_cast<unsigned char>(t.value[q])))
        ++q;
      if (q == p || q >= t.value.size()) return false;
      parts.emplace_back(std::atoi(t.value.substr(p, q - p).c_str()),
                         t.value[q]);
      timed.push_back(in_time);
      p = q + 1;
    }
    if (parts.empty()) return false;
    auto add_all = [&](Instant x) {
      for (size_t k = 0; k < parts.size(); ++k)
        x = AddUnit(x, parts[k].first, parts[k].second, timed[k]);
      return x;
    };
    if (c.end) {
      Instant e = add_all(*c.start);
      return e.d == c.end->d && e.sec == c.end->sec;
    }
    return GrainValue(add_all(c.ref), c.grain) == c.want;
  }
  if (c.end && t.value.size() == 7 && t.value[4] == '-' &&
      std::isalpha(static_cast<unsigned char>(t.value[5]))) {
    // A TIMEX3 season of year Y for Duckling's astronomical season that
    // starts in Y (winter: 21 December of Y).
    static const std::pair<const char*, int> kStart[] = {
        {"SP", 3}, {"SU", 6}, {"FA", 9}, {"WI", 12}};
    for (const auto& [code, month] : kStart)
      if (t.value.compare(5, 2, code) == 0)
        return c.start->d.year == std::atoi(t.value.c_str()) &&
               c.start->d.month == month;
  }
  if (c.end && !t.mod.empty()) {
    // A calendar unit with a TIMEX3 mod for Duckling's part of it:
    // "the end of the month" = 2013-02 END = [2013-02-21, 2013-03-01).
    std::optional<Instant> us, ue;
    const std::string& v = t.value;
    if (v.size() == 4 && std::isdigit(static_cast<unsigned char>(v[3]))) {
      int y = std::atoi(v.c_str());
      us = Instant{{y, 1, 1}, 0};
      ue = Instant{{y + 1, 1, 1}, 0};
    } else if (v.size() == 7 && v[4] == '-' && v[5] != 'W' && v[5] != 'Q') {
      civil::Date d{std::atoi(v.c_str()), std::atoi(v.c_str() + 5), 1};
      us = Instant{d, 0};
      ue = Instant{civil::AddMonths(d, 1), 0};
    } else if (v.size() == 8 && v[5] == 'W') {
      // ISO week: the Monday of week 1 is the Monday on or before Jan 4.
      civil::Date jan4{std::atoi(v.c_str()), 1, 4};
      civil::Date mon = civil::AddDays(
          jan4, 1 - civil::Weekday(jan4) + 7 * (std::atoi(v.c_str() + 6) - 1));
      us = Instant{mon, 0};
      ue = Instant{civil::AddDays(mon, 7), 0};
    }
    if (us) {
      auto key = [](const Instant& x) {
        return civil::ToDays(x.d) * 86400 + x.sec;
      };
      int64_t s0 = key(*c.start), e0 = key(*c.end), a = key(*us),
              b = key(*ue);
      bool inside = s0 >= a && e0 <= b && (s0 > a || e0 < b);
      if (t.mod == "START") return inside && s0 == a;
      if (t.mod == "END") return inside && e0 == b;
      if (t.mod == "MID") return inside && s0 > a && e0 < b;
    }
  }
  if (c.end && t.value.size() == 11 && t.value[5] == 'W' &&
      t.value.compare(8, 3, "-WE") == 0) {
    // The weekend of an ISO week ("2013-W43-WE") for Duckling's weekend
    // interval, Friday 18:00 to Monday 00:00.
    civil::Date jan4{std::atoi(t.value.c_str()), 1, 4};
    civil::Date mon =
        civil::AddDays(jan4, 1 - civil::Weekday(jan4) +
                                 7 * (std::atoi(t.value.c_str() + 6) - 1));
    return c.start->d == civil::AddDays(mon, 4) && c.start->sec == 18 * 3600 &&
           c.end->d == civil::AddDays(mon, 7) && c.end->sec == 0;
  }
  if (c.end && t.value.size() == 13 && t.value[10] == 'T' &&
      t.value.compare(0, 10, GrainValue(*c.start, "day")) == 0) {
    std::string part = t.value.substr(11);
    int h0 = c.start->sec / 3600;
    int64_t span_days = civil::ToDays(c.end->d) - civil::ToDays(c.start->d);
    int h1 = static_cast<int>(span_days * 24 + c.end->sec / 3600);
    if (c.start->sec % 3600 || c.end->sec % 3600) return false;
    if (part == "MO") return h0 == 0 && h1 == 12;
    if (part == "AF") return h0 == 12 && h1 == 19;
    if (part == "EV" || part == "NI") return h0 == 18 && h1 == 24;
  }
  return false;
}

// The Duckling corpus as phrases (latentCorpus left out: it needs "latent"
// matches such as a bare "7"), plus the must-not-match list.
void ReadDuckling(const std::string& path, std::vector<DuckCase>* cases,
                  std::vector<std::string>* negatives) {
  std::ifstream f(path);
  std::string line;
  int k = 0;
  while (std::getline(f, line)) {
    auto rec = nlohmann::json::parse(line, nullptr, false);
    if (rec.is_discarded() || !rec.is_object()) continue;
    std::string section = rec.value("section", "");
    if (section == "latentCorpus") continue;
    DuckCase base;
    base.kind = rec.value("kind", "");
    base.grain = rec["grain"].is_string() ? std::string(rec["grain"]) : "";
    if (rec["start"].is_string()) base.start = ParseInstant(rec["start"]);
    if (rec["end"].is_string()) base.end = ParseInstant(rec["end"]);
    base.ref = {section == "diffCorpus" ? civil::Date{2013, 2, 15}
                                        : civil::Date{2013, 2, 12},
                4 * 3600 + 30 * 60};
    if (base.start) base.want = GrainValue(*base.start, base.grain);
    for (const auto& p : rec["phrases"]) {
      DuckCase c = base;
      c.phrase = p;
      c.id = "duckling/" + std::to_string(k++);
      cases->push_back(std::move(c));
    }
  }
  std::ifstream nf(fs::path(path).parent_path() /
                   "duckling_time_en_negative.txt");
  while (std::getline(nf, line))
    if (!line.empty()) negatives->push_back(line);
}

// ---------------------------------------------------------------- systems
//
// A system's output: document id -> timexes (byte spans into the document's
// text). Ours comes from TagText; a peer's from JSON lines in its folder.
using Outputs = std::map<std::string, std::vector<Timex>>;

struct Input {
  std::string id, text, dct;  // dct: "YYYY-MM-DD" or with "THH:MM:SS"
};

std::string InstantIso(const Instant& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", t.d.year,
                t.d.month, t.d.day, t.sec / 3600, t.sec / 60 % 60, t.sec % 60);
  return buf;
}

// Byte offset of code point index cp in UTF-8 text (clamped to the end).
size_t ByteOfCodePoint(const std::string& text, size_t cp) {
  size_t i = 0;
  for (size_t n = 0; i < text.size() && n < cp; ++n) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) ==
                                  0x80)
      ++i;
  }
  return i;
}

std::optional<TimexType> ParseType(const std::string& s) {
  for (TimexType t : {TimexType::kDate, TimexType::kTime,
                      TimexType::kDuration, TimexType::kSet})
    if (TimexTypeName(t) == s) return t;
  return std::nullopt;
}

// Reads every *.jsonl in dir: {"doc", "start", "end", "type", "value"} with
// code point offsets into the document's text. Lines naming unknown documents
// or malformed ones are counted in *bad.
Outputs ReadPeer(const fs::path& dir,
                 const std::map<std::string, const std::string*>& texts,
                 int* bad) {
  Outputs out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".jsonl") continue;
    std::ifstream f(e.path());
    std::string line;
    while (std::getline(f, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object() || !j["doc"].is_string() ||
          !j["start"].is_number_integer() || !j["end"].is_number_integer()) {
        ++*bad;
        continue;
      }
      auto it = texts.find(j["doc"]);
      auto type = ParseType(j.value("type", ""));
      if (it == texts.end() || !type) {
        ++*bad;
        continue;
      }
      const std::string& text = *it->second;
      Timex t;
      t.span.begin = ByteOfCodePoint(text, j["start"].get<size_t>());
      t.span.end = ByteOfCodePoint(text, j["end"].get<size_t>());
      t.type = *type;
      t.value = j["value"].is_string() ? std::string(j["value"]) : "";
      if (t.span.end <= t.span.begin) {
        ++*bad;
        continue;
      }
      out[it->first].push_back(std::move(t));
    }
  }
  for (auto& [id, v] : out)
    std::sort(v.begin(), v.end(), [](const Timex& a, const Timex& b) {
      return a.span.begin < b.span.begin;
    });
  return out;
}

struct DuckScore {
  std::map<std::string, std::array<int, 3>> by_kind;  // exact, notation, n
  int tagged = 0, negatives = 0, negatives_clean = 0;
  int Exact() const {
    int s = 0;
    for (auto& [k, v] : by_kind) s += v[0];
    return s;
  }
  int Notation() const {
    int s = 0;
    for (auto& [k, v] : by_kind) s += v[1];
    return s;
  }
  int Total() const {
    int s = 0;
    for (auto& [k, v] : by_kind) s += v[2];
    return s;
  }
};

DuckScore ScoreDuckling(const std::vector<DuckCase>& cases,
                        const std::vector<std::string>& negatives,
                        const Outputs& sys, int* errors, std::ostream& err) {
  DuckScore s;
  static const std::vector<Timex> kNone;
  for (const DuckCase& c : cases) {
    auto it = sys.find(c.id);
    const auto& got = it == sys.end() ? kNone : it->second;
    bool exact = false, notation = false;
    for (const Timex& t : got) {
      exact = exact || ExactOk(t.value, c.want);
      notation = notation || NotationOk(t, c);
    }
    auto& k = s.by_kind[c.kind];
    k[0] += exact;
    k[1] += notation;
    k[2] += 1;
    s.tagged += !got.empty();
    if (!notation && (*errors)-- > 0) {
      err << "DUCK  " << c.kind << " [" << c.phrase << "] want " << c.want
          << (c.end ? " to " + InstantIso(*c.end) : "") << " got";
      for (const Timex& t : got)
        err << " {" << c.phrase.substr(t.span.begin, t.span.size()) << ": "
            << TimexTypeName(t.type) << " " << t.value << "}";
      err << "\n";
    }
  }
  for (size_t i = 0; i < negatives.size(); ++i) {
    ++s.negatives;
    auto it = sys.find("duckling-neg/" + std::to_string(i));
    if (it == sys.end() || it->second.empty())
      ++s.negatives_clean;
    else if ((*errors)-- > 0)
      err << "DUCKNEG [" << negatives[i] << "] -> " << it->second[0].value
          << "\n";
  }
  return s;
}

double Pct(int k, int n) { return n ? 100.0 * k / n : 0.0; }

void PrintDuckling(const DuckScore& s) {
  std::printf(
      "Phrase-level value accuracy (reference 2013-02-12T04:30, diffCorpus "
      "2013-02-15T04:30; latentCorpus left out). **exact**: some timex's "
      "value starts with the expected start at its grain. **TIMEX3 "
      "notation**: also accepts the same answer written the TIMEX3 way "
      "(PRESENT_REF, a duration from now, a part of day, a season, T24:00, "
      "a unit with a START/MID/END mod, a date whose time of day is only "
      "inherited from now; see eval/time/README.md). "
      "Intervals are scored on their start (or a duration spanning them). "
      "Tagged with `unknown_tense_is_future` (Duckling is an assistant "
      "grammar: a bare weekday means the next one). No published scores: "
      "Duckling passes its own corpus by construction.\n\n");
  std::printf("| kind | phrases | exact | TIMEX3 notation |\n|---|---|---|---|\n");
  for (auto& [k, v] : s.by_kind)
    std::printf("| %s | %d | %.1f%% | %.1f%% (%d) |\n", k.c_str(), v[2],
                Pct(v[0], v[2]), Pct(v[1], v[2]), v[1]);
  std::printf("| **all** | %d | %.1f%% | **%.1f%%** (%d) |\n\n", s.Total(),
              Pct(s.Exact(), s.Total()), Pct(s.Notation(), s.Total()),
              s.Notation());
  std::printf("tagged anything: %.1f%% of phrases; negatives: %d/%d produce "
              "no timex\n\n",
              Pct(s.tagged, s.Total()), s.negatives_clean, s.negatives);
}

struct Part {
  std::string name;
  std::vector<Doc> docs;
};

std::vector<Timex> Ours(const std::string& text,
                        const std::optional<civil::Date>& dct,
                        const synoptic::time::TimeOptions& options) {
  return synoptic::time::TagText(text, dct, options);
}

bool WriteInputs(const fs::path& dir, const std::vector<Part>& parts,
                 const std::vector<DuckCase>& cases,
                 const std::vector<std::string>& negatives) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::ofstream tb(dir / "tbaq.jsonl"), du(dir / "duckling.jsonl");
  if (!tb || !du) return false;
  for (const Part& p : parts)
    for (const Doc& d : p.docs)
      tb << nlohmann::json{{"doc", p.name + "/" + d.name},
                           {"text", d.text},
                           {"dct", d.dct ? civil::FormatDate(*d.dct) : ""}}
                .dump()
         << "\n";
  for (const DuckCase& c : cases)
    du << nlohmann::json{{"doc", c.id},
                         {"text", c.phrase},
                         {"dct", InstantIso(c.ref)}}
              .dump()
       << "\n";
  for (size_t i = 0; i < negatives.size(); ++i)
    du << nlohmann::json{{"doc", "duckling-neg/" + std::to_string(i)},
                         {"text", negatives[i]},
                         {"dct", "2013-02-12T04:30:00"}}
              .dump()
       << "\n";
  return static_cast<bool>(tb) && static_cast<bool>(du);
}

}  // namespace

#ifndef SYN_SHARED_DIR
#define SYN_SHARED_DIR "../shared"
#endif

int main(int argc, char** argv) {
  std::string shared;
  std::string tbaq, duck, tml_dir, write_inputs;
  std::vector<std::pair<std::string, std::string>> peers;
  int errors = 0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool has_value = i + 1 < argc;
    if (a == "--tbaq" && has_value) {
      tbaq = argv[++i];
    } else if (a == "--tml-dir" && has_value) {
      tml_dir = argv[++i];
    } else if (a == "--duckling" && has_value) {
      duck = argv[++i];
    } else if (a == "--errors" && has_value) {
      errors = std::atoi(argv[++i]);
    } else if (a == "--write-inputs" && has_value) {
      write_inputs = argv[++i];
    } else if (a == "--peer" && has_value &&
               std::string(argv[i + 1]).find('=') != std::string::npos) {
      std::string v = argv[++i];
      size_t eq = v.find('=');
      peers.emplace_back(v.substr(0, eq), v.substr(eq + 1));
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr,
                   "usage: eval_time [SHARED_DIR] [--tbaq DIR] [--duckling "
                   "FILE] [--tml-dir DIR] [--errors N] [--write-inputs DIR] "
                   "[--peer NAME=DIR ...]\n");
      return 2;
    } else {
      shared = a;
    }
  }
  if (shared.empty()) {
    const char* env = std::getenv("SYN_SHARED_DIR");
    shared = env && *env ? env : SYN_SHARED_DIR;
  }
  if (tbaq.empty()) tbaq = shared + "/data/tempeval3/TBAQ-cleaned";
  if (duck.empty())
    duck = shared + "/data/duckling-time-en/duckling_time_en.jsonl";

  // Inputs.
  std::vector<std::pair<std::string, fs::path>> dirs = {
      {"TimeBank", fs::path(tbaq) / "TimeBank"},
      {"AQUAINT", fs::path(tbaq) / "AQUAINT"}};
  if (!tml_dir.empty()) dirs = {{"tml-dir", fs::path(tml_dir)}};
  std::vector<Part> parts;
  std::vector<std::string> skips;
  for (const auto& [name, dir] : dirs) {
    if (!fs::is_directory(dir)) {
      skips.push_back("skip: TempEval-3 " + name + " (no " + dir.string() +
                      ")");
      continue;
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".tml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    Part part{name, {}};
    for (const auto& p : files) {
      Doc doc;
      if (ReadTml(p, &doc)) {
        doc.check = InCheckFifth(doc.name);
        part.docs.push_back(std::move(doc));
      }
    }
    parts.push_back(std::move(part));
  }
  std::vector<DuckCase> cases;
  std::vector<std::string> negatives;
  bool have_duck = tml_dir.empty() && fs::exists(duck);
  if (have_duck) ReadDuckling(duck, &cases, &negatives);

  if (!write_inputs.empty()) {
    if (!WriteInputs(write_inputs, parts, cases, negatives)) {
      std::fprintf(stderr, "eval_time: cannot write %s\n",
                   write_inputs.c_str());
      return 1;
    }
    return 0;
  }

  // Systems: ours, then each peer's files.
  struct System {
    std::string name;
    Outputs tbaq, duck;
    int bad = 0;
  };
  std::vector<System> systems;
  {
    System ours{"synoptic", {}, {}, 0};
    for (const Part& p : parts)
      for (const Doc& d : p.docs)
        ours.tbaq[p.name + "/" + d.name] = Ours(d.text, d.dct, {});
    synoptic::time::TimeOptions assistant;
    assistant.unknown_tense_is_past = false;
    assistant.unknown_tense_is_future = true;
    // Duckling's "now" is 04:30 on a clock at UTC-02:00 (SOURCE.md), and
    // its expected values are wall-clock times in that zone.
    assistant.anchor_minute_of_day = 4 * 60 + 30;
    assistant.anchor_utc_offset_minutes = -120;
    for (const DuckCase& c : cases)
      ours.duck[c.id] = Ours(c.phrase, c.ref.d, assistant);
    for (size_t i = 0; i < negatives.size(); ++i)
      ours.duck["duckling-neg/" + std::to_string(i)] =
          Ours(negatives[i], civil::Date{2013, 2, 12}, assistant);
    systems.push_back(std::move(ours));
  }
  std::map<std::string, const std::string*> texts;
  for (const Part& p : parts)
    for (const Doc& d : p.docs) texts[p.name + "/" + d.name] = &d.text;
  for (const DuckCase& c : cases) texts[c.id] = &c.phrase;
  for (size_t i = 0; i < negatives.size(); ++i)
    texts["duckling-neg/" + std::to_string(i)] = &negatives[i];
  for (const auto& [name, dir] : peers) {
    System s{name, {}, {}, 0};
    Outputs all = ReadPeer(dir, texts, &s.bad);
    for (auto& [id, v] : all)
      (id.rfind("duckling", 0) == 0 ? s.duck : s.tbaq)[id] = std::move(v);
    if (!fs::is_directory(dir))
      std::printf("skip: peer %s (no %s)\n", name.c_str(), dir.c_str());
    systems.push_back(std::move(s));
  }

  // Ours in detail.
  std::printf("## Time expressions: TempEval-3 TBAQ (TimeML TIMEX3)\n\n");
  for (const auto& s : skips) std::printf("%s\n", s.c_str());
  std::vector<Counts> totals(systems.size());
  Counts tune_total, check_total;
  int all_docs = 0, check_docs = 0;
  static const std::vector<Timex> kNone;
  for (size_t si = 0; si < systems.size(); ++si) {
    bool print = si == 0;
    if (print && !parts.empty()) {
      std::printf(
          "TempEval-3 Task A measures, in %%: strict = same extent, relaxed = "
          "any overlap; type/value accuracy over relaxed matches, attribute "
          "F1 with system/gold totals (as the TE3 scorer). DCT timexes are "
          "not scored. **In-sample**: the rules were written while reading "
          "TBAQ errors, and about a fifth of TimeBank is held back "
          "(HOLDOUT.md), so these are development-set numbers, not a test "
          "score. Since the split was introduced, `--errors` shows only the "
          "tuning four fifths; the check fifth (by file-name hash) shows "
          "whether newer rules carry over (rules older than the split were "
          "written from all of TBAQ). The published row is TempEval-3's "
          "platinum *test* set, which is not here (figures quoted from "
          "memory in SOURCE.md).\n\n");
      PrintHeader();
    }
    int part_errors = si == 0 ? errors : 0;
    for (const Part& p : parts) {
      Counts c;
      for (const Doc& d : p.docs) {
        auto it = systems[si].tbaq.find(p.name + "/" + d.name);
        int no_errors = 0;
        Counts dc = Score(d, it == systems[si].tbaq.end() ? kNone : it->second,
                          d.check ? &no_errors : &part_errors, std::cerr);
        c.Add(dc);
        if (si == 0) {
          (d.check ? check_total : tune_total).Add(dc);
          check_docs += d.check;
        }
      }
      if (print) PrintRow(p.name, static_cast<int>(p.docs.size()), c);
      if (si == 0) all_docs += static_cast<int>(p.docs.size());
      totals[si].Add(c);
    }
    if (si == 0) errors = part_errors;
  }
  if (!parts.empty() && tml_dir.empty()) {
    PrintRow("**TBAQ total**", all_docs, totals[0]);
    PrintRow("TBAQ tuning part (4/5; --errors shows these)",
             all_docs - check_docs, tune_total);
    PrintRow("TBAQ check part (1/5 by file-name hash; errors never shown)",
             check_docs, check_total);
    std::printf(
        "| HeidelTime, TE3 platinum test (published) | 20 | ~138 | — | — | — "
        "| 81.3 | — | — | 90.3 | — | — | — | **77.6** |\n\n");
    const Counts& t = totals[0];
    std::printf(
        "TBAQ total, value: %d right of %d system and %d gold timexes: "
        "value F1 %.4f (the table rounds it; the issue's target is 0.82)\n\n",
        t.value_ok, t.sys, t.gold, F1(t.value_ok, t.sys, t.gold));
  } else {
    std::printf("\n");
  }
  std::vector<DuckScore> duck_scores;
  if (have_duck) {
    std::printf("## Time values: Duckling English corpus\n\n");
    for (size_t si = 0; si < systems.size(); ++si) {
      int e = si == 0 ? errors : 0;
      duck_scores.push_back(
          ScoreDuckling(cases, negatives, systems[si].duck, &e, std::cerr));
    }
    PrintDuckling(duck_scores[0]);
  } else if (tml_dir.empty()) {
    std::printf("skip: Duckling English time corpus (no %s)\n\n", duck.c_str());
  }

  // Side by side with the peers.
  if (systems.size() > 1) {
    std::printf(
        "## Time: synoptic beside peers run here (same inputs, same "
        "scorer)\n\n"
        "Each system tags the same texts with the same DCT; spans and values "
        "are scored by the code above. Peers' outputs are mapped to TIMEX3 "
        "values at the granularity they know (eval/time/README.md).\n\n"
        "| system | TBAQ strict F1 | relaxed F1 | type acc | value acc | "
        "value F1 | Duckling exact | Duckling TIMEX3 | negatives clean |\n"
        "|---|---|---|---|---|---|---|---|---|\n");
    for (size_t si = 0; si < systems.size(); ++si) {
      const Counts& c = totals[si];
      std::printf("| %s%s | %.1f | %.1f | %.1f | %.1f | %.1f |",
                  systems[si].name.c_str(),
                  systems[si].bad ? " (bad lines!)" : "",
                  100 * F1(c.strict, c.sys, c.gold),
                  100 * F1(c.relaxed, c.sys, c.gold), Pct(c.type_ok, c.relaxed),
                  Pct(c.value_ok, c.relaxed),
                  100 * F1(c.value_ok, c.sys, c.gold));
      if (si < duck_scores.size()) {
        const DuckScore& d = duck_scores[si];
        std::printf(" %.1f%% | %.1f%% | %d/%d |\n", Pct(d.Exact(), d.Total()),
                    Pct(d.Notation(), d.Total()), d.negatives_clean,
                    d.negatives);
      } else {
        std::printf(" — | — | — |\n");
      }
    }
    std::printf(
        "| HeidelTime, TE3 platinum test (published) | 81.3 | 90.3 | — | — | "
        "77.6 | — | — | — |\n"
        "| chrono-node, held-out TimeBank (issue 5, not re-measured) | — | — "
        "| — | — | 46 | — | — | — |\n"
        "| dateparser, held-out TimeBank (issue 5, not re-measured) | — | — | "
        "— | — | 29 | — | — | — |\n\n");
  }
  return 0;
}
