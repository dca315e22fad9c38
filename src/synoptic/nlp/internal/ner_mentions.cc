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
// rule finder does; honorifics ("Dr.", "King") stay. All buffers are per document.
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
      a->mentions.push_back(m);
    }
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
    if (!keep_rule_mentions && !(bits & kKnown) &&
        !BeforePlaceCue(model, *a, r)) {
      continue;
    }
    Mention m = r;
    if (bits & kGazDemonym) m.type = EntityType::kNorp;
    a->mentions.push_back(m);
  }
  if (a->mentions.size() > model_mentions) {
    std::inplace_merge(a->mentions.begin(), a->mentions.begin() + static_cast<long>(model_mentions),
                       a->mentions.end(), [](const Mention& x, const Mention& y) {
                         return x.span.begin < y.span.begin;
                       });
  }
}

}  // namespace synoptic::nlp::internal
