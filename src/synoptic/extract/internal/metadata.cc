// Metadata helpers. JSON-LD goes through nlohmann::json without exceptions
// (parse errors give a discarded value); this file is the JSON adapter.
#include "synoptic/extract/internal/metadata.h"

#include <array>
#include <nlohmann/json.hpp>

#include "synoptic/extract/internal/text_util.h"
#include "synoptic/extract/internal/units.h"

namespace synoptic::extract::internal {
namespace {

constexpr size_t kMaxJsonLdBytes = 512 * 1024;

bool IsArticleType(const nlohmann::json& t) {
  auto one = [](const std::string& s) {
    return s.find("Article") != std::string::npos || s == "BlogPosting" ||
           s == "Report" || s == "LiveBlogPosting" || s == "WebPage" ||
           s == "Posting" || s == "OpinionNewsArticle";
  };
  if (t.is_string()) return one(t.get<std::string>());
  if (t.is_array()) {
    for (const auto& x : t) {
      if (x.is_string() && one(x.get<std::string>())) return true;
    }
  }
  return false;
}

std::string StringOf(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array() && !v.empty()) return StringOf(v[0]);
  if (v.is_object()) {
    auto it = v.find("name");
    if (it != v.end() && it->is_string()) return it->get<std::string>();
    it = v.find("@id");
    if (it != v.end() && it->is_string()) return it->get<std::string>();
  }
  return "";
}

void AuthorsOf(const nlohmann::json& v, std::vector<std::string>* out) {
  if (v.is_array()) {
    for (size_t i = 0; i < v.size() && i < 20; ++i) AuthorsOf(v[i], out);
    return;
  }
  std::string name;
  if (v.is_string()) {
    name = v.get<std::string>();
  } else if (v.is_object()) {
    auto it = v.find("name");
    if (it != v.end() && it->is_string()) name = it->get<std::string>();
  }
  std::string clean = CleanAuthorName(name);
  if (!clean.empty()) AddAuthors({clean}, out);
}

void FromObject(const nlohmann::json& o, JsonLdArticle* out, int depth) {
  if (depth > 4) return;
  if (o.is_array()) {
    for (size_t i = 0; i < o.size() && i < 64; ++i)
      FromObject(o[i], out, depth + 1);
    return;
  }
  if (!o.is_object()) return;
  auto graph = o.find("@graph");
  if (graph != o.end()) FromObject(*graph, out, depth + 1);
  auto type = o.find("@type");
  if (type == o.end() || !IsArticleType(*type)) return;
  // Prefer a real Article over a WebPage seen earlier.
  bool is_webpage = type->is_string() && type->get<std::string>() == "WebPage";
  if (out->found && is_webpage) return;
  auto get = [&](const char* key) -> std::string {
    auto it = o.find(key);
    return it == o.end() ? std::string() : StringOf(*it);
  };
  if (!out->found || out->headline.empty()) out->headline = get("headline");
  if (out->headline.empty() && !is_webpage) out->headline = get("name");
  std::string& published =
      is_webpage ? out->page_date_published : out->date_published;
  std::string& modified =
      is_webpage ? out->page_date_modified : out->date_modified;
  if (published.empty()) published = get("datePublished");
  if (modified.empty()) modified = get("dateModified");
  if (out->authors.empty()) {
    auto a = o.find("author");
    if (a != o.end()) AuthorsOf(*a, &out->authors);
  }
  if (out->publisher.empty()) {
    auto p = o.find("publisher");
    if (p != o.end()) out->publisher = StringOf(*p);
    if (out->publisher.rfind("http", 0) == 0 ||
        out->publisher.rfind("#", 0) == 0) {
      out->publisher.clear();
    }
  }
  if (out->url.empty()) out->url = get("url");
  if (!is_webpage) out->found = true;
}

bool HasLetters(std::string_view s) {
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
      return true;
  }
  return false;
}

}  // namespace

bool OfferPublished(const std::optional<DateTime>& dt, DateSource from,
                    const std::optional<civil::Date>& limit, Draft* draft) {
  if (!dt || !draft->published.empty()) return false;
  if (limit && dt->date > *limit) return false;
  draft->published = dt->ToIso();
  draft->published_from = from;
  return true;
}

std::string CleanAuthorName(std::string_view raw) {
  std::string_view s = Trim(raw);
  if (s.empty() || s.size() > 120) return "";
  if (s.find("://") != std::string_view::npos ||
      s.find('@') != std::string_view::npos ||
      s.find('/') != std::string_view::npos) {
    return "";
  }
  if (StartsWithCi(s, "by ")) s = Trim(s.substr(3));
  // Cut roles and extras after a comma, pipe or dash.
  size_t cut = s.find_first_of(",|(\xE2");
  if (cut != std::string_view::npos) s = Trim(s.substr(0, cut));
  size_t dash = s.find(" - ");
  if (dash != std::string_view::npos) s = Trim(s.substr(0, dash));
  if (!HasLetters(s)) return "";
  TextShape sh = ShapeOf(s);
  if (sh.words < 1 || sh.words > 6 || sh.has_digit) return "";
  // Roles and desks are not people ("Staff Writer", "News Desk").
  static constexpr std::array<std::string_view, 16> kRoleWords = {
      "staff",         "admin",       "editor",       "editorial",
      "newsroom",      "reporter",    "desk",         "writer",
      "correspondent", "contributor", "columnist",    "journalist",
      "bureau",        "team",        "photographer", "producer"};
  std::string key = NormKey(s);
  size_t i = 0;
  while (i < key.size()) {
    size_t j = key.find(' ', i);
    if (j == std::string::npos) j = key.size();
    std::string_view word = std::string_view(key).substr(i, j - i);
    for (std::string_view r : kRoleWords) {
      if (word == r || (word.size() == r.size() + 1 &&
                        word.substr(0, r.size()) == r && word.back() == 's')) {
        return "";
      }
    }
    i = j + 1;
  }
  if (sh.cap_words == 0) return "";
  return std::string(s);
}

std::vector<std::string> AuthorsFromByline(std::string_view line) {
  std::vector<std::string> out;
  std::string_view s = Trim(line);
  size_t by = 0;
  if (StartsWithCi(s, "by ")) {
    by = 3;
  } else {
    size_t p = LowerAscii(s).find(" by ");
    if (p == std::string::npos) return out;
    by = p + 4;
  }
  s = s.substr(by);
  // Stop at the first separator that begins other byline matter.
  size_t stop = s.find_first_of("|\xE2\xC2");
  for (std::string_view sep : {" - ", " on ", " in ", " for ", " at "}) {
    size_t p = s.find(sep);
    if (p != std::string_view::npos && p < stop) stop = p;
  }
  if (stop != std::string_view::npos) s = s.substr(0, stop);
  std::string names(s);
  for (std::string_view sep : {" and ", " & ", ";"}) {
    size_t p;
    while ((p = names.find(sep)) != std::string::npos)
      names.replace(p, sep.size(), ",");
  }
  size_t i = 0;
  while (i <= names.size()) {
    size_t j = names.find(',', i);
    if (j == std::string::npos) j = names.size();
    std::string name =
        CleanAuthorName(std::string_view(names).substr(i, j - i));
    if (!name.empty() && IsNameLine(name)) AddAuthors({name}, &out);
    i = j + 1;
  }
  return out;
}

std::string RepeatedName(std::string_view line) {
  std::string_view s = Trim(line);
  if (s.size() < 5 || s.size() > 100) return "";
  // Split into words and compare the halves.
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  if (words.size() < 4 || words.size() % 2 != 0 || words.size() > 10) return "";
  size_t h = words.size() / 2;
  for (size_t k = 0; k < h; ++k) {
    if (words[k] != words[k + h]) return "";
  }
  std::string_view name(
      words[0].data(),
      words[h - 1].data() + words[h - 1].size() - words[0].data());
  if (!IsNameLine(name)) return "";
  return std::string(name);
}

void AddAuthors(const std::vector<std::string>& names,
                std::vector<std::string>* authors) {
  for (const std::string& n : names) {
    if (n.empty() || authors->size() >= 20) continue;
    bool dup = false;
    for (const std::string& a : *authors) dup |= EqualsCi(a, n);
    if (!dup) authors->push_back(n);
  }
}

void ParseJsonLd(std::string_view json, JsonLdArticle* out) {
  if (json.size() > kMaxJsonLdBytes) return;
  nlohmann::json j = nlohmann::json::parse(json.begin(), json.end(), nullptr,
                                           /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    // Hand-written JSON-LD often carries raw line breaks or tabs inside
    // strings, which JSON forbids; read them as spaces and try once more.
    std::string relaxed(json);
    bool changed = false;
    for (char& c : relaxed) {
      if (static_cast<unsigned char>(c) < 0x20) {
        changed |= c != ' ';
        c = ' ';
      }
    }
    if (!changed) return;
    j = nlohmann::json::parse(relaxed.begin(), relaxed.end(), nullptr,
                              /*allow_exceptions=*/false);
    if (j.is_discarded()) return;
  }
  FromObject(j, out, 0);
}

std::string StripTitleSuffix(std::string_view title, std::string_view site) {
  std::string_view t = Trim(title);
  static constexpr std::array<std::string_view, 7> kSeps = {
      " | ",  " - ",        " \xE2\x80\x93 ", " \xE2\x80\x94 ",
      " :: ", " \xC2\xBB ", " \xC2\xB7 "};
  std::string site_key = NormKey(site);
  for (std::string_view sep : kSeps) {
    size_t p = t.rfind(sep);
    if (p == std::string_view::npos || p == 0) continue;
    std::string_view head = Trim(t.substr(0, p));
    std::string_view tail = Trim(t.substr(p + sep.size()));
    std::string tail_key = NormKey(tail);
    bool names_site =
        !site_key.empty() &&
        (tail_key == site_key || tail_key.find(site_key) != std::string::npos ||
         site_key.find(tail_key) != std::string::npos);
    TextShape hs = ShapeOf(head), ts = ShapeOf(tail);
    if (names_site || (ts.words <= 4 && hs.words >= 3 && hs.words > ts.words &&
                       sep != " - ")) {
      return StripTitleSuffix(head, site);
    }
    if (sep == " - " && ts.words <= 3 && hs.words >= 4 &&
        ts.cap_words == ts.words) {
      return StripTitleSuffix(head, site);
    }
  }
  return std::string(t);
}

std::string HostOf(std::string_view url) {
  size_t p = url.find("://");
  if (p == std::string_view::npos) return "";
  std::string_view scheme = url.substr(0, p);
  if (!EqualsCi(scheme, "http") && !EqualsCi(scheme, "https")) return "";
  std::string_view rest = url.substr(p + 3);
  size_t e = rest.find_first_of("/?#:");
  std::string host = LowerAscii(rest.substr(0, e));
  size_t at = host.find('@');
  if (at != std::string::npos) host = host.substr(at + 1);
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

}  // namespace synoptic::extract::internal
