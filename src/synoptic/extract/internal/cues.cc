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
  // "commentary" names an opinion piece, not a comment thread.
  if (cue == "comment" && ContainsCi(tok, "commentar")) return false;
  if (!StartsWithCi(tok, cue)) {
    // Page builders name every block "<builder>-widget-...": only a token
    // that starts with "widget" is a sidebar widget.
    if (!inner || cue == "widget") return false;
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

// Index of an ASCII letter (case-insensitive), 26 for everything else.
constexpr int LetterIndex(char c) {
  unsigned char l = static_cast<unsigned char>(c | 0x20);
  return l >= 'a' && l <= 'z' ? l - 'a' : 26;
}
constexpr uint32_t LetterBit(char c) { return 1u << LetterIndex(c); }

// The cues grouped by first letter, so a token is only tested against cues
// that can match one of its segment starts.
struct LetterCues {
  uint8_t count = 0;
  uint8_t index[16] = {};
};
constexpr std::array<LetterCues, 27> MakeCuesByLetter() {
  std::array<LetterCues, 27> out{};
  for (size_t k = 0; k < kClassCues.size(); ++k) {
    LetterCues& l = out[LetterIndex(kClassCues[k].token[0])];
    l.index[l.count++] = static_cast<uint8_t>(k);
  }
  return out;
}
constexpr std::array<LetterCues, 27> kCuesByLetter = MakeCuesByLetter();

// Calls fn(cue, at_start) once per distinct cue hit: "ArticleHeader-a
// ArticleHeader-b" counts "article" once. A token may hit several cues
// ("post-body" is post and body); at_start tells whether some hit was at
// the start of a token, where BEM-style names put the block's own kind
// ("related-articles" is a related box that happens to list articles).
template <typename Fn>
void ForEachHit(std::string_view class_attr, std::string_view id_attr, Fn fn) {
  std::bitset<kClassCues.size()> seen, at_start;
  auto visit = [&](std::string_view tok) {
    // A cue can only hit where a token or one of its '-' segments starts
    // with the cue's first letter: skip the others cheaply.
    uint32_t starts = LetterBit(tok[0]);
    for (size_t i = 1; i + 1 < tok.size(); ++i) {
      if (tok[i] == '-') starts |= LetterBit(tok[i + 1]);
    }
    while (starts != 0) {
      const LetterCues& group = kCuesByLetter[__builtin_ctz(starts)];
      starts &= starts - 1;
      for (int g = 0; g < group.count; ++g) {
        const size_t k = group.index[g];
        if (TokenHits(tok, kClassCues[k].token, true)) {
          seen.set(k);
          if (TokenHits(tok, kClassCues[k].token, false)) at_start.set(k);
        }
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
// English first, then the same kinds of label in German, French, Spanish,
// Italian, Portuguese, Dutch and Polish (keys are NormKey()ed: lower case,
// punctuation gone, Latin-1 capitals folded).
constexpr std::string_view kSectionStarts[] = {
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
    "don t miss",
    "no comments",
    "explore further",
    // de
    "ähnliche beiträge",
    "ähnliche artikel",
    "verwandte artikel",
    "weitere artikel",
    "weitere beiträge",
    "weitere nachrichten",
    "mehr zum thema",
    "mehr zu diesem thema",
    "mehr aus",
    "mehr von",
    "lesen sie auch",
    "lies auch",
    "auch interessant",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "das thema könnte dich auch interessieren",
    "das thema könnte sie auch interessieren",
    "meistgelesen",
    "meistgelesene artikel",
    "am meisten gelesen",
    "beliebte beiträge",
    "kommentare",
    "schreibe einen kommentar",
    "hinterlasse einen kommentar",
    "kommentar schreiben",
    "kommentar verfassen",
    "artikel teilen",
    "beitrag teilen",
    "diesen artikel teilen",
    "schlagwörter",
    "schlagworte",
    "über den autor",
    "über die autorin",
    "vorschau auf den nächsten artikel",
    "schon gelesen",
    "zum weiterlesen",
    "weiterlesen",
    "mehr themen",
    "themen im artikel",
    "lust auf mehr",
    "keine kommentare",
    "bisher keine kommentare",
    "kommentieren",
    "weitere informationen",
    "zusatzinformationen",
    "quellenangaben",
    // fr
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "voir aussi",
    "sur le même sujet",
    "articles similaires",
    "articles liés",
    "les plus lus",
    "commentaires",
    "laisser un commentaire",
    "partager cet article",
    "aucun commentaire",
    // es
    "noticias relacionadas",
    "artículos relacionados",
    "te puede interesar",
    "también te puede interesar",
    "lee también",
    "lo más leído",
    "comentarios",
    "deja un comentario",
    "compartir",
    "sin comentarios",
    // it
    "articoli correlati",
    "leggi anche",
    "potrebbe interessarti",
    "i più letti",
    "commenti",
    "lascia un commento",
    // pt
    "leia também",
    "notícias relacionadas",
    "mais lidas",
    "comentários",
    "deixe um comentário",
    // nl
    "lees ook",
    "gerelateerde artikelen",
    "meest gelezen",
    "reacties",
    // pl
    "czytaj także",
    "czytaj też",
    "zobacz też",
    "zobacz także",
    "najczęściej czytane",
    "komentarze",
};

constexpr std::array<std::string_view, 9> kTickerLabels = {
    "breaking",    "breaking news", "latest", "live",  "just in",
    "news ticker", "developing",    "urgent", "flash",
};

}  // namespace

// An embedded post ("social-media-embed", "twitter-tweet", "embed-code"):
// a quoted tweet or video inside the article is part of the story, even in
// a box whose name says "social" or "share".
bool NamesEmbeddedPost(std::string_view class_attr) {
  bool hit = false;
  ForEachToken(class_attr, [&hit](std::string_view tok) {
    size_t b = 0;
    while (!hit && b <= tok.size()) {
      size_t e = tok.find('-', b);
      if (e == std::string_view::npos) e = tok.size();
      std::string_view seg = tok.substr(b, e - b);
      hit = EqualsCi(seg, "embed") || EqualsCi(seg, "embedded") ||
            EqualsCi(seg, "tweet");
      b = e + 1;
    }
  });
  return hit;
}

// Whether the chrome cues of a class/id that also names content are state
// modifiers beside a clean content name ("entry themeform share", "post
// social"): a whole token that is just "share", "social", "tags" or
// "widget", while another token starts with a content cue and carries no
// chrome cue itself. A box named "share entry-share" stays chrome.
bool OnlyModifierChrome(std::string_view class_attr, std::string_view id_attr) {
  static constexpr std::string_view kModifiers[] = {
      "share", "sharing", "social", "tags", "tag", "widget", "print"};
  bool clean_content = false, other_chrome = false;
  auto visit = [&](std::string_view tok) {
    for (std::string_view m : kModifiers) {
      if (EqualsCi(tok, m)) return;
    }
    bool content = false, chrome = false;
    for (const Cue& c : kClassCues) {
      if (!TokenHits(tok, c.token, true)) continue;
      if (c.weight < 0) chrome = true;
      if (c.weight >= 15 && TokenHits(tok, c.token, false)) content = true;
    }
    if (content && !chrome) clean_content = true;
    if (chrome) other_chrome = true;
  };
  ForEachToken(class_attr, visit);
  ForEachToken(id_attr, visit);
  return clean_content && !other_chrome;
}

ClassIdCues ScoreClassId(std::string_view class_attr,
                         std::string_view id_attr) {
  ClassIdCues out;
  if (class_attr.empty() && id_attr.empty()) return out;
  int w = 0, neg = 0, pos = 0;
  bool region = false, head_region = false, head_content = false;
  bool strict = false, story_list = false;
  ForEachHit(class_attr, id_attr, [&](const Cue& c, bool at_start) {
    w += c.weight;
    if (c.weight < 0) neg += c.weight;
    if (c.weight > 0) pos += c.weight;
    region |= c.region && c.weight < 0;
    head_region |= c.region && c.weight <= -25 && at_start;
    head_content |= c.weight >= 15 && at_start;
    story_list |= c.token == "related" || c.token == "popular" ||
                  c.token == "mostread" || c.token == "most-read" ||
                  c.token == "trending" || c.token == "recommend" ||
                  c.token == "outbrain" || c.token == "taboola" ||
                  c.token == "sidebar" || c.token == "comment" ||
                  c.token == "disqus" || c.token == "ticker";
    strict |= c.token == "comment" || c.token == "disqus" ||
              c.token == "cookie" || c.token == "consent" ||
              c.token == "gdpr" || c.token == "modal" || c.token == "popup" ||
              c.token == "dialog" || c.token == "overlay" ||
              c.token == "lightbox" || c.token == "newsletter";
  });
  out.weight = std::clamp(w, -60, 60);
  out.chrome = region && ((head_region && !head_content) ||
                          (neg + pos / 2 <= -20 && pos < 25));
  if (out.chrome && NamesEmbeddedPost(class_attr)) out.chrome = false;
  if (out.chrome && head_content && OnlyModifierChrome(class_attr, id_attr))
    out.chrome = false;
  out.strict = out.chrome && strict;
  out.story_list = story_list;
  return out;
}

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

bool NamesStoryList(std::string_view class_attr, std::string_view id_attr) {
  return ScoreClassId(class_attr, id_attr).story_list;
}

bool IsSectionStart(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.size() > 60) return false;
  std::string key = NormKey(t);
  if (key.empty()) return false;
  // A label ending in a colon ("Lesen Sie auch die folgenden Beiträge:")
  // opens its section whatever words follow the cue.
  const bool label = t.back() == ':' && CharCount(key) <= 50;
  for (std::string_view s : kSectionStarts) {
    if (key == s) return true;
    if (label && key.size() > s.size() && key.compare(0, s.size(), s) == 0 &&
        key[s.size()] == ' ') {
      return true;
    }
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
    if (StartsWithCi(t, "source:") || StartsWithCi(t, "quelle:") ||
        StartsWithCi(t, "fuente:") || StartsWithCi(t, "fonte:") ||
        key == "externer inhalt" || key == "external content" ||
        key == "empfohlener redaktioneller inhalt" ||
        StartsWithCi(t, "download our app") || StartsWithCi(t, "follow us") ||
        StartsWithCi(t, "share on") || StartsWithCi(t, "share this") ||
        StartsWithCi(t, "image:") || StartsWithCi(t, "photo:") ||
        StartsWithCi(t, "photograph:")) {
      return true;
    }
  }
  if (n <= 400) {
    // Lower-case once; then each phrase is one memchr-driven find.
    const std::string low = LowerAscii(t);
    auto has = [&low](std::string_view phrase) {
      return low.find(phrase) != std::string::npos;
    };
    if (t.find("\xC2\xA9") != std::string_view::npos ||  // (c) sign
        has("all rights reserved") || StartsWithCi(t, "copyright ")) {
      return true;
    }
    if (has("cookie") &&
        (has("website") || has("this site") || has("experience") ||
         has("consent") || has("accept") || has("we use"))) {
      return true;
    }
    if ((has("terms of use") || has("terms of service") ||
         has("privacy policy") || has("terms and conditions")) &&
        (has("our ") || has("please") || n <= 60)) {
      return true;
    }
    if (has("please enter your") || has("enter your email") ||
        has("email address will not be published") ||
        has("required fields are marked") || has("save my name, email") ||
        has("you must be logged in to post") ||
        has("sign up for our newsletter") ||
        has("subscribe to our newsletter") || has("get the app") ||
        has("download the app") || (n <= 200 && has("unsubscribe"))) {
      return true;
    }
    // Disclaimers and consent notices in German ("Alle Angaben ohne
    // Gewähr", "Wir respektieren deine Privatsphäre").
    if (n <= 200 && (has("ohne gew\xC3\xA4hr") ||
                     (has("respektieren") && has("privatsph")))) {
      return true;
    }
    if (has("views expressed") &&
        (has("not necessarily") || has("solely those"))) {
      return true;
    }
    if (has("app store") && has("play")) return true;
    // Calls to action and script-only widgets ("Click here for more
    // information.", "This slideshow requires JavaScript.", "Like this
    // story? Share it with a friend!").
    if (n <= 160 && (has("click here") || has("clicking here") ||
                     has("requires javascript") || has("share it with"))) {
      return true;
    }
    // Feedback and share prompts asked as a question ("Was this article
    // helpful?", "War der Artikel nützlich?", "Möchten Sie den Artikel
    // teilen?", "Cet article vous a-t-il été utile ?").
    if (n <= 80 && t.back() == '?' &&
        (has("helpful") || has("useful") || has("hilfreich") || has("tzlich") ||
         has("utile") || has("share") || has("teilen") || has("partager") ||
         has("compartir") || has("condividere"))) {
      return true;
    }
    // The <noscript> notice, whatever its language ("Please enable
    // JavaScript", "JavaScript aktivieren", "activer JavaScript").
    if (n <= 200 && has("javascript") &&
        (has("enable") || has("activ") || has("aktivier") || has("disabled") ||
         has("deaktiviert"))) {
      return true;
    }
    // Newsletter sign-up pitches in any wording ("Let our news meet your
    // inbox"), and the social-media tail of author bios.
    // Also e-mail alert pitches ("Get breaking news alerts ... delivered
    // weekday mornings"), in the languages the sign-up verb is written in
    // (abonnieren, s'inscrire/s'abonner, suscribirse/suscríbete).
    if (n <= 300 &&
        (has("newsletter") || has("inbox") || has("news alerts") ||
         has("email alerts") || has("e-mail alerts")) &&
        (has("sign up") || has("subscribe") || has("deliver") || has("get ") ||
         has("abonn") || has("inscri") || has("suscr"))) {
      return true;
    }
    if (has("follow him on") || has("follow her on") || has("follow them on") ||
        has("follow us on") ||
        (n <= 200 &&
         (has("folgen sie uns") || has("folge uns") || has("suivez-nous") ||
          has("siguenos") || has("s\xC3\xADguenos") || has("seguici")))) {
      return true;
    }
    // Comment-form prompts in German ("Sie müssen sich einloggen, um ...
    // zu kommentieren"), post-meta lines ("This entry was posted in ...",
    // "Der Beitrag wurde am ... veröffentlicht"), licence notes.
    if (n <= 200 && (has("einloggen") || has("anmelden")) &&
        (has("kommentar") || has("diskussion"))) {
      return true;
    }
    if (n <= 250 && (has("this entry was posted") || has("beitrag wurde am") ||
                     has("eintrag wurde am"))) {
      return true;
    }
    if (n <= 300 && (has("creative commons") || has("cc by")) &&
        (has("licen") || has("lizenz") || has("ausgewiesen"))) {
      return true;
    }
    // Paywall notices ("To view the full story, please subscribe", "Pour
    // lire la suite", "Lesen Sie weiter mit").
    if (n <= 200 && (has("pour lire la suite") || has("lesen sie weiter mit") ||
                     has("to continue reading, subscribe"))) {
      return true;
    }
    if (n <= 200 && has("subscribe") &&
        (has("full story") || has("full article"))) {
      return true;
    }
    // Unexpanded CMS shortcodes: "[button link=...]Send us[/button]".
    if (t.front() == '[' && t.find("[/") != std::string_view::npos) return true;
    // "Read more: <headline>", "See also: ...": cross-links.
    if (n <= 200 &&
        (StartsWithCi(t, "read more:") || StartsWithCi(t, "read also:") ||
         StartsWithCi(t, "see also:") || StartsWithCi(t, "related:"))) {
      return true;
    }
    // "Also on example.com <headline>": a cross-link to another story.
    if (n <= 250 && StartsWithCi(t, "also on ")) {
      std::string_view rest = t.substr(8);
      std::string_view word = rest.substr(0, rest.find(' '));
      if (word.find('.') != std::string_view::npos && word.back() != '.')
        return true;
    }
  }
  return false;
}

bool IsCaptionOrCredit(std::string_view line) {
  std::string_view t = Trim(line);
  size_t n = CharCount(t);
  if (n == 0) return false;
  // Ends with a parenthesised credit: "... (Illustrated by X)", "(Photo: Y)";
  // captions are short, a long paragraph ending "(EPA)" names an acronym.
  if (t.back() == ')' && n <= 300) {
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
    // English, then German, French and Spanish credit labels ("Foto:",
    // "Bildquelle", "Titelbild:", "Crédits photos :", "Créditos").
    if (StartsWithCi(t, "photo") || StartsWithCi(t, "image") ||
        StartsWithCi(t, "credit") || StartsWithCi(t, "picture:") ||
        StartsWithCi(t, "illustration") || StartsWithCi(t, "foto:") ||
        StartsWithCi(t, "fotos:") || StartsWithCi(t, "bild:") ||
        StartsWithCi(t, "bildquelle") || StartsWithCi(t, "titelbild") ||
        StartsWithCi(t, "beitragsbild") || StartsWithCi(t, "abbildung") ||
        StartsWithCi(t, "abb.") || ContainsCi(t, "istock") ||
        StartsWithCi(t,
                     "cr\xC3\xA9"
                     "dit") ||
        ContainsCi(t, "getty images") || ContainsCi(t, "/ afp") ||
        ContainsCi(t, "/afp") || ContainsCi(t, "via reuters") ||
        ContainsCi(t, "shutterstock")) {
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
