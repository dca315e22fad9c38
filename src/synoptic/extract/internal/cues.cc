// Cue tables. They name kinds of page furniture common to news sites in
// general (menus, related lists, share bars, comment forms, legal notices),
// never phrases of particular pages. Matching is ASCII case-insensitive on
// whole tokens or line prefixes, so the cost is linear in the input.
#include "synoptic/extract/internal/cues.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <string>

#include "synoptic/extract/internal/text_util.h"

namespace synoptic::extract::internal {
namespace {

struct Cue {
  std::string_view token;
  int weight;
  bool region;  // drop the subtree when found inside the article
};

// Class/id tokens (prefix match on each token).
constexpr std::array<Cue, 66> kClassCues = {{
    {"article", 25, false},    {"content", 15, false},
    {"story", 20, false},      {"body", 15, false},
    {"post", 10, false},       {"entry", 15, false},
    {"main", 10, false},       {"text", 10, false},
    {"prose", 20, false},      {"blog", 5, false},
    {"hentry", 10, false},     {"articlebody", 40, false},
    {"nav", -30, true},        {"menu", -30, true},
    {"footer", -30, true},     {"header", -15, false},
    {"masthead", -30, true},   {"sidebar", -30, true},
    {"related", -35, true},    {"popular", -30, true},
    {"mostread", -35, true},   {"most-read", -35, true},
    {"trending", -30, true},   {"share", -30, true},
    {"sharing", -30, true},    {"social", -30, true},
    {"comment", -30, true},    {"disqus", -30, true},
    {"cookie", -40, true},     {"consent", -40, true},
    {"gdpr", -40, true},       {"newsletter", -35, true},
    {"subscribe", -30, true},  {"promo", -30, true},
    {"ad", -25, true},         {"ads", -30, true},
    {"advert", -35, true},     {"sponsor", -30, true},
    {"breaking", -20, false},  {"ticker", -35, true},
    {"tags", -30, true},       {"tag", -20, true},
    {"taglist", -30, true},    {"keywords", -20, true},
    {"author-bio", -35, true}, {"bio", -20, true},
    {"caption", -25, true},    {"credit", -25, true},
    {"breadcrumb", -40, true}, {"widget", -25, true},
    {"banner", -25, true},     {"modal", -30, true},
    {"popup", -30, true},      {"recommend", -30, true},
    {"more-", -15, false},     {"outbrain", -40, true},
    {"taboola", -40, true},    {"pagination", -25, true},
    {"print", -10, false},     {"hidden", -20, true},
    {"skip", -20, true},       {"byline", -5, false},
    {"dialog", -30, true},     {"overlay", -25, true},
    {"privacy", -30, true},    {"lightbox", -30, true},
}};

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

// Calls fn(token) for each token of an attribute value, splitting on spaces
// and on '_' / ':' but keeping '-' inside tokens ("most-read").
template <typename Fn>
void ForEachToken(std::string_view v, Fn fn) {
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && !IsAlnum(v[i])) ++i;
    size_t j = i;
    while (j < v.size() && (IsAlnum(v[j]) || v[j] == '-')) ++j;
    if (j > i) fn(v.substr(i, j - i));
    i = j;
  }
}

// Whether a token hits a cue: "ad"/"ads"/"tag"/"bio"/"nav" need an exact
// match or a '-' boundary, since as prefixes they hit ordinary words
// ("address", "navy" is rare but "adjust", "biography"...).
bool TokenHits(std::string_view tok, std::string_view cue, bool inner) {
  if (!StartsWithCi(tok, cue)) {
    if (!inner) return false;
    // Inner segments: "post-sidebar", "article-related".
    size_t dash = tok.find('-');
    while (dash != std::string_view::npos) {
      std::string_view rest = tok.substr(dash + 1);
      if (StartsWithCi(rest, cue) &&
          (cue.size() > 3 || rest.size() == cue.size() ||
           rest[cue.size()] == '-')) {
        return true;
      }
      dash = tok.find('-', dash + 1);
    }
    return false;
  }
  if (cue.size() <= 3) {
    return tok.size() == cue.size() || tok[cue.size()] == '-' ||
           (cue == "ad" && tok.size() == 3 && AsciiLower(tok[2]) == 's') ||
           (cue == "nav" && StartsWithCi(tok, "navbar")) ||
           (cue == "nav" && StartsWithCi(tok, "navigation"));
  }
  return true;
}

// Calls fn(cue, at_start) once per distinct cue hit: "ArticleHeader-a
// ArticleHeader-b" counts "article" once. A token may hit several cues
// ("post-body" is post and body); at_start tells whether some hit was at
// the start of a token, where BEM-style names put the block's own kind
// ("related-articles" is a related box that happens to list articles).
template <typename Fn>
void ForEachHit(std::string_view class_attr, std::string_view id_attr, Fn fn) {
  std::bitset<kClassCues.size()> seen, at_start;
  auto visit = [&](std::string_view tok) {
    for (size_t k = 0; k < kClassCues.size(); ++k) {
      if (TokenHits(tok, kClassCues[k].token, true)) {
        seen.set(k);
        if (TokenHits(tok, kClassCues[k].token, false)) at_start.set(k);
      }
    }
  };
  ForEachToken(class_attr, visit);
  ForEachToken(id_attr, visit);
  for (size_t k = 0; k < kClassCues.size(); ++k) {
    if (seen[k]) fn(kClassCues[k], at_start[k]);
  }
}

// Normalised line keys ("related news", "most read") that open a section.
constexpr std::array<std::string_view, 44> kSectionStarts = {
    "related",
    "related news",
    "related articles",
    "related stories",
    "related posts",
    "related content",
    "related topics",
    "related coverage",
    "read more",
    "read also",
    "also read",
    "see also",
    "more from",
    "more stories",
    "more news",
    "more on this",
    "more in",
    "most read",
    "most popular",
    "most viewed",
    "most shared",
    "popular",
    "popular posts",
    "trending",
    "trending now",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended for you",
    "editor s picks",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "comments",
    "join the conversation",
    "share this",
    "share this article",
    "tags",
    "topics",
    "about the author",
    "latest news",
    "latest stories",
    "top stories",
    "other news",
};

constexpr std::array<std::string_view, 9> kTickerLabels = {
    "breaking",    "breaking news", "latest", "live",  "just in",
    "news ticker", "developing",    "urgent", "flash",
};

}  // namespace

int ClassIdWeight(std::string_view class_attr, std::string_view id_attr) {
  int w = 0;
  ForEachHit(class_attr, id_attr, [&](const Cue& c, bool) { w += c.weight; });
  return std::clamp(w, -60, 60);
}

bool IsChromeRegion(std::string_view class_attr, std::string_view id_attr) {
  int neg = 0, pos = 0;
  bool region = false, head_region = false, head_content = false;
  ForEachHit(class_attr, id_attr, [&](const Cue& c, bool at_start) {
    if (c.weight < 0) neg += c.weight;
    if (c.weight > 0) pos += c.weight;
    region |= c.region && c.weight < 0;
    head_region |= c.region && c.weight <= -25 && at_start;
    head_content |= c.weight >= 15 && at_start;
  });
  if (!region) return false;
  // "related-articles", "comment-body": the leading word decides.
  if (head_region && !head_content) return true;
  // "article-content has-share-bar": a positive content cue outweighs.
  return neg + pos / 2 <= -20 && pos < 25;
}

bool IsSectionStart(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.size() > 60) return false;
  std::string key = NormKey(t);
  if (key.empty()) return false;
  for (std::string_view s : kSectionStarts) {
    if (key == s) return true;
    // "More from this writer", "Related: ...", "Tags: x, y" (short prefix
    // lines), "Most Read Today".
    if (key.size() > s.size() && key.compare(0, s.size(), s) == 0 &&
        key[s.size()] == ' ' && s.size() >= 7) {
      // Only short labels, not sentences that start with these words.
      if (CharCount(key) <= 40 &&
          key.find(' ', s.size() + 1) == std::string::npos) {
        return true;
      }
      if (s == "more from" || s == "related" || s == "most read" ||
          s == "more stories" || s == "more news") {
        return CharCount(key) <= 40;
      }
    }
  }
  if (StartsWithCi(t, "tags:") || StartsWithCi(t, "topics:") ||
      StartsWithCi(t, "related:") || StartsWithCi(t, "filed under")) {
    return true;
  }
  return false;
}

bool IsTickerLabel(std::string_view line) {
  std::string key = NormKey(line);
  for (std::string_view s : kTickerLabels) {
    if (key == s) return true;
  }
  return false;
}

namespace {

size_t CountOf(std::string_view t, std::string_view sep) {
  size_t n = 0;
  for (size_t at = t.find(sep); at != std::string_view::npos;
       at = t.find(sep, at + sep.size())) {
    ++n;
  }
  return n;
}

// Lines made of fragments joined by a repeated separator are page furniture,
// whatever language their words are in: "+++ headline +++ headline +++"
// tickers, and "Share · Print · Email" or "World | Asia | Europe" bars whose
// every item is a few words long.
bool IsSeparatedFragments(std::string_view t) {
  if (CountOf(t, "+++") >= 2) return true;
  for (std::string_view sep : {" \xC2\xB7 ", " | ", " \xE2\x80\xA2 ", " // "}) {
    if (CountOf(t, sep) < 2) continue;
    bool all_short = true;
    size_t start = 0;
    while (start <= t.size()) {
      size_t end = t.find(sep, start);
      if (end == std::string_view::npos) end = t.size();
      const std::string_view part = Trim(t.substr(start, end - start));
      size_t words = 0;
      bool in_word = false;
      for (char c : part) {
        const bool space = c == ' ';
        if (!space && !in_word) ++words;
        in_word = !space;
      }
      if (words > 4) {
        all_short = false;
        break;
      }
      start = end + sep.size();
    }
    if (all_short) return true;
  }
  return false;
}

}  // namespace

bool IsBoilerplateLine(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.empty()) return true;
  if (IsSeparatedFragments(t)) return true;
  std::string key = NormKey(t);
  size_t n = CharCount(t);
  // Single-token controls and labels.
  static constexpr std::array<std::string_view, 34> kExact = {
      "x",
      "share",
      "tweet",
      "email",
      "print",
      "facebook",
      "twitter",
      "whatsapp",
      "linkedin",
      "telegram",
      "reddit",
      "pinterest",
      "copy link",
      "advertisement",
      "advertising",
      "sponsored",
      "ad",
      "android",
      "ios",
      "app store",
      "google play",
      "play store",
      "subscribe",
      "sign in",
      "log in",
      "login",
      "sign up",
      "menu",
      "search",
      "close",
      "skip to content",
      "all",
      "home",
      "continue reading",
  };
  for (std::string_view e : kExact) {
    if (key == e) return true;
  }
  if (n <= 40) {
    // "5 Min Read", "1 Shares", "12 comments", "Source: X".
    if (key.size() > 2 && key[0] >= '0' && key[0] <= '9') {
      size_t sp = key.find(' ');
      if (sp != std::string::npos) {
        std::string_view rest = std::string_view(key).substr(sp + 1);
        if (rest == "min read" || rest == "minute read" ||
            rest == "mins read" || rest == "minutes read" || rest == "shares" ||
            rest == "share" || rest == "comments" || rest == "comment" ||
            rest == "views") {
          return true;
        }
      }
    }
    if (StartsWithCi(t, "source:") || StartsWithCi(t, "download our app") ||
        StartsWithCi(t, "follow us") || StartsWithCi(t, "share on") ||
        StartsWithCi(t, "share this") || StartsWithCi(t, "image:") ||
        StartsWithCi(t, "photo:") || StartsWithCi(t, "photograph:")) {
      return true;
    }
  }
  if (n <= 400) {
    if (t.find("\xC2\xA9") != std::string_view::npos ||  // (c) sign
        ContainsCi(t, "all rights reserved") || StartsWithCi(t, "copyright ")) {
      return true;
    }
    if (ContainsCi(t, "cookie") &&
        (ContainsCi(t, "website") || ContainsCi(t, "this site") ||
         ContainsCi(t, "experience") || ContainsCi(t, "consent") ||
         ContainsCi(t, "accept") || ContainsCi(t, "we use"))) {
      return true;
    }
    if ((ContainsCi(t, "terms of use") || ContainsCi(t, "terms of service") ||
         ContainsCi(t, "privacy policy") ||
         ContainsCi(t, "terms and conditions")) &&
        (ContainsCi(t, "our ") || ContainsCi(t, "please") || n <= 60)) {
      return true;
    }
    if (ContainsCi(t, "please enter your") ||
        ContainsCi(t, "enter your email") ||
        ContainsCi(t, "email address will not be published") ||
        ContainsCi(t, "required fields are marked") ||
        ContainsCi(t, "save my name, email") ||
        ContainsCi(t, "you must be logged in to post") ||
        ContainsCi(t, "sign up for our newsletter") ||
        ContainsCi(t, "subscribe to our newsletter") ||
        ContainsCi(t, "get the app") || ContainsCi(t, "download the app") ||
        (n <= 200 && ContainsCi(t, "unsubscribe"))) {
      return true;
    }
    if (ContainsCi(t, "views expressed") &&
        (ContainsCi(t, "not necessarily") || ContainsCi(t, "solely those"))) {
      return true;
    }
    if (ContainsCi(t, "app store") && ContainsCi(t, "play")) return true;
  }
  return false;
}

bool IsCaptionOrCredit(std::string_view line) {
  std::string_view t = Trim(line);
  size_t n = CharCount(t);
  if (n == 0) return false;
  // Ends with a parenthesised credit: "... (Illustrated by X)", "(Photo: Y)".
  if (t.back() == ')') {
    size_t open = t.rfind('(');
    if (open != std::string_view::npos) {
      std::string_view inner = t.substr(open + 1);
      if (ContainsCi(inner, "illustrat") || ContainsCi(inner, "photo") ||
          ContainsCi(inner, "image") || ContainsCi(inner, "credit") ||
          ContainsCi(inner, "getty") || ContainsCi(inner, "afp") ||
          ContainsCi(inner, "reuters") || ContainsCi(inner, "ap photo") ||
          ContainsCi(inner, "file") || ContainsCi(inner, "epa")) {
        return true;
      }
    }
  }
  if (n <= 60) {
    if (StartsWithCi(t, "photo") || StartsWithCi(t, "image") ||
        StartsWithCi(t, "credit") || StartsWithCi(t, "picture:") ||
        StartsWithCi(t, "illustration") || ContainsCi(t, "getty images") ||
        ContainsCi(t, "/ afp") || ContainsCi(t, "/afp") ||
        ContainsCi(t, "via reuters") || ContainsCi(t, "shutterstock")) {
      return true;
    }
    // Agency credit shaped like "EPA-EFE/KCNA", "AP/Jane Doe": one or two
    // tokens with a slash, mostly upper case.
    size_t slash = t.find('/');
    if (slash != std::string_view::npos &&
        t.find(' ') == std::string_view::npos) {
      int upper = 0, letters = 0;
      for (char c : t) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ++letters;
        if (c >= 'A' && c <= 'Z') ++upper;
      }
      if (letters > 0 && upper * 2 >= letters &&
          t.find("://") == std::string_view::npos) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace synoptic::extract::internal
