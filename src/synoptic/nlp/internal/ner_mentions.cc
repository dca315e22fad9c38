// Mentions from the trained entity tagger (NlpOptions::ner_model).
//
// Each sentence's words are tagged for part of speech by the NER model's
// own tagger (pos_en.bin, whatever tagger the pipeline uses for
// Token::pos), or, for a model trained on the lexicon rules' tags, take
// Token::pos as it is; then by the entity model; every entity becomes a name
// mention with the model's type. The entity model does not tag bare
// nationality words ("Russian officials"), which the actors stage needs for
// demonyms and role phrases ("the Russian President"), so the rule finder's
// mentions that overlap no model entity are kept: all of them
// (NlpOptions::ner_keep_rule_mentions, the default), or only those the
// model's gazetteer knows as demonyms or as known actors (countries, cities,
// regions, leaders, organisations: the model's recall of the names the
// actors stage resolves should be no worse than the rules'), or that a
// lower-case place word follows ("the Amur oblast"). A person's role words are cut off the
// front of its span ("President Vladimir Putin" -> "Vladimir Putin"), as the
// rule finder does; honorifics ("Dr.", "King") stay. A person found in a
// title-cased heading line is dropped unless something else says it is a
// name (InHeadingLine, below). All buffers are per document.
#include <algorithm>
#include <vector>

#include "synoptic/nlp/internal/ner_internal.h"
#include "synoptic/nlp/internal/nlp_internal.h"

namespace synoptic::nlp::internal {

namespace {

// A role word of the lexicon ("President", "Minister", "leader"), not an
// honorific ("Dr.", "Mrs", "King"), which is written as part of the name
// (and GUM's names include it).
bool IsRoleWord(const NlpModel& model, std::string_view w) {
  char buf[64];
  std::string_view lw = LowerInto(w, buf, sizeof buf);
  if (lw.size() > 1 && lw.back() == '.') lw.remove_suffix(1);
  if (lw.empty()) return false;
  const LexEntry* e = model.Find(lw);
  if (e == nullptr || !(e->cues & kCueTitle)) return false;
  for (std::string_view h : {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "lord",
                             "lady", "dame", "king", "queen", "prince", "princess", "emperor",
                             "pope", "sheikh", "emir", "sultan", "saint", "st"}) {
    if (lw == h) return false;
  }
  return true;
}

// The rule finder's mention is followed by a lower-case place word ("the
// Amur oblast", "Hebei province"): a place name whatever the model said.
bool BeforePlaceCue(const NlpModel& model, const DocAnalysis& a, const Mention& r) {
  const auto it = std::lower_bound(a.tokens.begin(), a.tokens.end(), r.span.end,
                                   [](const Token& t, uint32_t pos) { return t.begin < pos; });
  if (it == a.tokens.end() || (it->flags & kTokCapitalized)) return false;
  char buf[64];
  const std::string_view lw =
      LowerInto(std::string_view(a.doc.text).substr(it->begin, it->end - it->begin), buf, sizeof buf);
  const LexEntry* e = lw.empty() ? nullptr : model.Find(lw);
  return e != nullptr && (e->cues & (kCueGpe | kCueLoc)) &&
         (r.type == EntityType::kGpe || r.type == EntityType::kLoc);
}

// The mention starts its sentence (its first token carries the flag).
bool AtSentenceStart(const DocAnalysis& a, const ByteSpan& span) {
  const auto it = std::lower_bound(a.tokens.begin(), a.tokens.end(), span.begin,
                                   [](const Token& t, uint32_t pos) { return t.begin < pos; });
  return it != a.tokens.end() && it->begin == span.begin && (it->flags & kTokSentenceStart);
}

// Whether `word` (a capitalised word) is written in lower case somewhere in
// `text`, as a whole word: a common word that only a sentence start
// capitalised ("Concerns arise ...", "Visit by ..." beside "the visit").
bool WrittenLowerElsewhere(std::string_view text, std::string_view word) {
  char buf[48];
  if (word.size() < 2 || word.size() > sizeof(buf)) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view low(buf, word.size());
  const auto is_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  for (size_t p = text.find(low); p != std::string_view::npos; p = text.find(low, p + 1)) {
    const bool left = p == 0 || !is_word(text[p - 1]);
    const bool right = p + low.size() == text.size() || !is_word(text[p + low.size()]);
    if (left && right) return true;
  }
  return false;
}

// A heading line: the text line around a mention (to the nearest line
// breaks) has no closing punctuation, at most 12 words, and every word of
// four letters or more is capitalised ("Future Prospects and Concerns").
bool InHeadingLine(std::string_view text, const ByteSpan& span) {
  const size_t nl = text.rfind('\n', span.begin);
  const size_t b = nl == std::string_view::npos ? 0 : nl + 1;
  size_t e = text.find('\n', span.end);
  if (e == std::string_view::npos) e = text.size();
  std::string_view line = text.substr(b, e - b);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
  if (line.empty() || line.size() > 120) return false;
  const char c = line.back();
  if (c == '.' || c == '!' || c == '?' || c == '"' || c == ')' || c == ':' || c == ';' ||
      c == ',') {
    return false;
  }
  int words = 0;
  for (size_t p = 0; p < line.size();) {
    while (p < line.size() && line[p] == ' ') ++p;
    size_t q = p;
    while (q < line.size() && line[q] != ' ') ++q;
    if (q == p) break;
    const std::string_view w = line.substr(p, q - p);
    p = q;
    if (++words > 12) return false;
    if (w[0] >= 'a' && w[0] <= 'z' && w.size() >= 4) return false;
  }
  return true;
}

// Names built on "of" ("the Calenardhon Ministry of Silly Walks", "the
// Bank of England", "the Minister of Foreign Affairs"): taggers trained on
// general text cut them at "of" and call the part after it a person. An
// organisation word (the lexicon's org cue) followed by "of" or "for" and
// capitalised words makes one ORG mention, reaching left over the
// capitalised words before the head ("Russian", "Calenardhon") and right to
// the end of the capitalised run (with "and", "the", "&" inside it; not over
// a second "of", so "Ministry of Defence of Russia" keeps Russia apart).
// After a role word ("Minister of ...") the words after "of" name a
// portfolio, not a person: a person or untyped mention there goes, as does
// the role word tagged as a person on its own; places stay ("President of
// Russia" is a role of Russia).
constexpr uint32_t kMaxOfWords = 6;

bool IsFunctionWord(std::string_view lw) {
  for (std::string_view f : {"the", "a", "an", "this", "that", "these", "those", "his", "her",
                             "its", "their", "our", "my", "your", "in", "on", "at", "for", "and",
                             "or", "but", "as", "with", "by", "from", "to", "of", "after",
                             "before", "while", "when", "if", "since", "under", "over"}) {
    if (lw == f) return true;
  }
  return false;
}

void MergeOfNames(const NlpModel& model, DocAnalysis* a) {
  const std::string_view text = a->doc.text;
  const auto& toks = a->tokens;
  char buf[64];
  const auto lower = [&](uint32_t i) {
    return LowerInto(text.substr(toks[i].begin, toks[i].end - toks[i].begin), buf, sizeof buf);
  };
  const auto cap_word = [&](uint32_t i) {
    return (toks[i].flags & kTokCapitalized) && !(toks[i].flags & kTokPunct);
  };
  struct Cut {
    ByteSpan span;       // the merged name, or the portfolio after a role
    ByteSpan head;       // the head word
    uint32_t sentence;
    bool org;
  };
  std::vector<Cut> cuts;
  for (uint32_t si = 0; si < a->sentences.size(); ++si) {
    const Sentence& s = a->sentences[si];
    for (uint32_t i = s.first_token; i + 2 < s.end_token; ++i) {
      if (!cap_word(i) || (toks[i].flags & kTokAllCaps)) continue;
      const std::string_view of = lower(i + 1);
      if (of != "of" && of != "for") continue;
      std::string_view hw = lower(i);
      const LexEntry* e = hw.empty() ? nullptr : model.Find(hw);
      const bool org = e != nullptr && (e->cues & kCueOrg);
      const bool role = !org && IsRoleWord(model, text.substr(toks[i].begin, toks[i].end - toks[i].begin));
      if (!org && !role) continue;
      // Right: capitalised words, joined by and / the / &.
      uint32_t r = i + 2, last = 0;
      while (r < s.end_token && r < i + 2 + kMaxOfWords) {
        if (cap_word(r) && lower(r) != "of") {
          last = r++;
          continue;
        }
        const std::string_view w = lower(r);
        if ((w == "and" || w == "the" || w == "&") && last != 0) {
          ++r;
          continue;
        }
        break;
      }
      if (last == 0) continue;
      uint32_t l = i;
      if (org) {
        while (l > s.first_token && cap_word(l - 1) && !IsFunctionWord(lower(l - 1))) --l;
      }
      Cut c;
      c.span = {toks[org ? l : i + 2].begin, toks[last].end};
      c.head = {toks[i].begin, toks[i].end};
      c.sentence = si;
      c.org = org;
      cuts.push_back(c);
      i = last;
    }
  }
  if (cuts.empty()) return;
  std::vector<Mention> out;
  out.reserve(a->mentions.size() + cuts.size());
  size_t k = 0;
  for (const Cut& c : cuts) {
    // Mentions before the cut stay.
    while (k < a->mentions.size() && a->mentions[k].span.end <= c.span.begin &&
           !(c.org == false && a->mentions[k].span.begin == c.head.begin)) {
      out.push_back(a->mentions[k++]);
    }
    if (c.org) {
      // Every mention overlapping the name goes into it.
      Mention m;
      m.span = c.span;
      m.type = EntityType::kOrg;
      m.sentence = c.sentence;
      while (k < a->mentions.size() && a->mentions[k].span.begin < c.span.end) {
        m.span.begin = std::min(m.span.begin, a->mentions[k].span.begin);
        m.span.end = std::max(m.span.end, a->mentions[k].span.end);
        ++k;
      }
      // A tagger's span may bring a leading article ("The Bank"): the name
      // starts after it.
      for (std::string_view art : {"The ", "the "}) {
        if (text.substr(m.span.begin, art.size()) == art && m.span.begin + art.size() < c.span.begin + 1) {
          m.span.begin += static_cast<uint32_t>(art.size());
        }
      }
      out.push_back(m);
    } else {
      while (k < a->mentions.size() && a->mentions[k].span.begin < c.span.end) {
        const Mention& m = a->mentions[k++];
        const bool lone_role = m.span.begin == c.head.begin && m.span.end == c.head.end &&
                               m.type == EntityType::kPerson;
        const bool in_portfolio = m.span.begin >= c.span.begin &&
                                  (m.type == EntityType::kPerson || m.type == EntityType::kOther);
        if (!lone_role && !in_portfolio) out.push_back(m);
      }
    }
  }
  while (k < a->mentions.size()) out.push_back(a->mentions[k++]);
  a->mentions.swap(out);
}

}  // namespace

void FindMentionsWithModel(const NlpModel& model, bool keep_rule_mentions,
                           DocAnalysis* a) {
  const NerModel& ner = *model.ner_model();
  const std::string_view text = a->doc.text;
  // The rule finder's demonyms first (into a->mentions), kept aside.
  FindMentions(model, a);
  std::vector<Mention> rules;
  rules.swap(a->mentions);
  a->mentions.reserve(a->tokens.size() / 8 + 4);

  // Person mentions the model found in heading lines: checked once the
  // whole document is tagged (indexes into a->mentions).
  std::vector<uint32_t> heading_persons;
  // One-word persons at a sentence start (same indexes): no support for a
  // heading person, and dropped with it when they are the same word.
  std::vector<uint32_t> initial_persons;
  NerWorkspace ws;
  ws.BeginDocument();
  std::vector<std::string_view> words;
  std::vector<Pos> pos;
  std::vector<NerSpan> spans;
  for (const Sentence& s : a->sentences) {
    words.clear();
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      const Token& t = a->tokens[i];
      words.push_back(text.substr(t.begin, t.end - t.begin));
    }
    NoteDocumentSentence(words, &ws);
  }
  for (uint32_t si = 0; si < a->sentences.size(); ++si) {
    const Sentence& s = a->sentences[si];
    words.clear();
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      const Token& t = a->tokens[i];
      words.push_back(text.substr(t.begin, t.end - t.begin));
    }
    pos.resize(words.size());
    if (model.ner_pos_model() != nullptr) {
      TagWords(*model.ner_pos_model(), words, pos);
    } else if (NerUsesRulePos(ner)) {
      for (uint32_t i = s.first_token; i < s.end_token; ++i) pos[i - s.first_token] = a->tokens[i].pos;
    }
    spans.clear();
    TagEntities(ner, words, pos, &ws, &spans);
    for (const NerSpan& sp : spans) {
      Mention m;
      uint32_t first = sp.first;
      m.type = sp.type;
      if (sp.cls == NerClass::kPerson || sp.cls == NerClass::kMisc) {
        // A person's name starts after its role words ("Russian President
        // Vladimir Putin" -> "Vladimir Putin", as the rule finder splits
        // runs): the actors stage resolves the name and reads the role
        // from the words before it. Capitalised words after a role in a
        // span the model calls some other name ("North Korean leader Kim
        // Jong Un") are a person too.
        for (uint32_t p = sp.first; p + 1 < sp.end; ++p) {
          if (IsRoleWord(model, words[p])) first = p + 1;
        }
        if (first > sp.first) {
          bool names = true;
          for (uint32_t p = first; p < sp.end; ++p) {
            names = names && !words[p].empty() && words[p][0] >= 'A' && words[p][0] <= 'Z';
          }
          if (!names) {
            first = sp.first;
          } else {
            m.type = EntityType::kPerson;
          }
        }
      }
      m.span = {a->tokens[s.first_token + first].begin, a->tokens[s.first_token + sp.end - 1].end};
      m.sentence = si;
      if (m.type == EntityType::kPerson && InHeadingLine(text, m.span)) {
        heading_persons.push_back(static_cast<uint32_t>(a->mentions.size()));
      } else if (m.type == EntityType::kPerson && first == 0 && sp.end == 1 + first) {
        initial_persons.push_back(static_cast<uint32_t>(a->mentions.size()));
      }
      a->mentions.push_back(m);
    }
  }
  // A section heading is title-cased, so the model takes its last
  // capitalised common noun for a surname ("Future Prospects and
  // Concerns"). A person in a heading line stays only when the gazetteer
  // knows one of its words as a name, or one of them is part of another
  // mention of the document (not a heading person, not a one-word person at
  // a sentence start). A one-word person at a sentence start that is the
  // word of a dropped heading person goes too ("Concerns arise over ...").
  if (!heading_persons.empty()) {
    // Not cities: GeoNames has places named "Research" or "Concord".
    constexpr uint16_t kNameBits =
        kGazPerson | kGazFirstName | kGazLastName | kGazCountry | kGazOrg;
    const auto text_of = [&](const Mention& o) {
      return text.substr(o.span.begin, o.span.end - o.span.begin);
    };
    const auto word_in = [&](std::string_view w, std::string_view ot) {
      for (size_t p = ot.find(w); p != std::string_view::npos; p = ot.find(w, p + 1)) {
        const bool left = p == 0 || ot[p - 1] == ' ';
        const bool right = p + w.size() == ot.size() || ot[p + w.size()] == ' ' ||
                           ot[p + w.size()] == '\'';
        if (left && right) return true;
      }
      return false;
    };
    const auto listed = [](const std::vector<uint32_t>& v, size_t i) {
      return std::binary_search(v.begin(), v.end(), static_cast<uint32_t>(i));
    };
    std::vector<uint32_t> dropped;  // heading persons that go
    for (uint32_t hi : heading_persons) {
      const std::string_view mt = text_of(a->mentions[hi]);
      bool drop = true;
      size_t b = 0;
      for (size_t p = 0; p <= mt.size() && drop; ++p) {
        if (p < mt.size() && mt[p] != ' ') continue;
        const std::string_view w = mt.substr(b, p - b);
        b = p + 1;
        if (w.empty() || !(w[0] >= 'A' && w[0] <= 'Z')) continue;
        uint64_t wh = GazWordHash(w);
        if (ner.gazetteer.Find(GazPhraseKey(&wh, 1)) & kNameBits) drop = false;
        for (size_t j = 0; j < a->mentions.size() && drop; ++j) {
          if (listed(heading_persons, j) || listed(initial_persons, j)) continue;
          if (word_in(w, text_of(a->mentions[j]))) drop = false;
        }
      }
      if (drop) dropped.push_back(hi);
    }
    size_t out = 0;
    for (size_t i = 0; i < a->mentions.size(); ++i) {
      bool drop = listed(dropped, i);
      if (!drop && listed(initial_persons, i)) {
        const std::string_view w = text_of(a->mentions[i]);
        for (uint32_t d : dropped) drop = drop || word_in(w, text_of(a->mentions[d]));
      }
      if (!drop) a->mentions[out++] = a->mentions[i];
    }
    a->mentions.resize(out);
  }
  // Demonyms and known actors (countries, cities, regions, leaders,
  // organisations of the gazetteer: "the West", "Xi Jinping") that the rule
  // finder found and the model left out. Both lists are in text order.
  constexpr uint16_t kKnown = kGazDemonym | kGazCountry | kGazCity | kGazRegion | kGazCapital |
                              kGazPerson | kGazOrg;
  const size_t model_mentions = a->mentions.size();
  size_t k = 0;
  uint64_t hashes[kGazMaxWords];
  for (const Mention& r : rules) {
    while (k < model_mentions && a->mentions[k].span.end <= r.span.begin) ++k;
    if (k < model_mentions && a->mentions[k].span.begin < r.span.end) continue;  // overlap
    size_t n = 0;
    uint32_t b = r.span.begin;
    for (uint32_t p = r.span.begin; p <= r.span.end && n < kGazMaxWords; ++p) {
      if (p == r.span.end || text[p] == ' ') {
        if (p > b) hashes[n++] = GazWordHash(text.substr(b, p - b));
        b = p + 1;
      }
    }
    const uint16_t bits = n == 0 ? 0 : ner.gazetteer.Find(GazPhraseKey(hashes, n));
    // Unknown words of a heading line are the heading's, not a name the
    // model missed ("Harbour Talks and Worries").
    const bool known = (bits & kKnown) || BeforePlaceCue(model, *a, r);
    if (!known && (!keep_rule_mentions || InHeadingLine(text, r.span))) {
      continue;
    }
    // The rule finder guesses a nationality word from its ending ("-an",
    // "-ese"); for one word at a sentence start, where every word is
    // capitalised, that is no evidence ("Human rights activists ..."): only
    // a demonym the gazetteer knows stays.
    if (r.type == EntityType::kNorp && n == 1 && !(bits & kGazDemonym) &&
        AtSentenceStart(*a, r.span)) {
      continue;
    }
    Mention m = r;
    if (bits & kGazDemonym) m.type = EntityType::kNorp;
    a->mentions.push_back(m);
  }
  // A one-word person or unnamed-kind name at a sentence start or in a
  // title-cased heading whose word the same document writes in lower case
  // is a common word that only the position capitalised ("Concerns arise
  // over ..." beside "raised concerns", "Significance of the Visit" beside
  // "the visit"), unless the gazetteer knows it as a name.
  size_t model_mentions_left = model_mentions;
  {
    constexpr uint16_t kNamed = kKnown | kGazFirstName | kGazLastName;
    size_t out = 0;
    size_t kept_model = model_mentions;
    for (size_t i = 0; i < a->mentions.size(); ++i) {
      const Mention& m = a->mentions[i];
      bool drop = false;
      if ((m.type == EntityType::kPerson || m.type == EntityType::kOther) &&
          (AtSentenceStart(*a, m.span) || InHeadingLine(text, m.span))) {
        const std::string_view w = text.substr(m.span.begin, m.span.end - m.span.begin);
        if (w.find(' ') == std::string_view::npos && WrittenLowerElsewhere(text, w)) {
          uint64_t wh = GazWordHash(w);
          drop = !(ner.gazetteer.Find(GazPhraseKey(&wh, 1)) & kNamed);
        }
      }
      if (drop) {
        if (i < model_mentions) --kept_model;
        continue;
      }
      a->mentions[out++] = m;
    }
    a->mentions.resize(out);
    model_mentions_left = kept_model;
  }
  if (a->mentions.size() > model_mentions_left) {
    std::inplace_merge(a->mentions.begin(),
                       a->mentions.begin() + static_cast<long>(model_mentions_left),
                       a->mentions.end(), [](const Mention& x, const Mention& y) {
                         return x.span.begin < y.span.begin;
                       });
  }
  MergeOfNames(model, a);
}

}  // namespace synoptic::nlp::internal
