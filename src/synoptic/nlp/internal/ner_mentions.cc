// Mentions from the trained entity tagger (NlpOptions::ner_model).
//
// Each sentence's words are tagged for part of speech by the NER model's
// own tagger (pos_en.bin, whatever tagger the pipeline uses for
// Token::pos), then by the entity model; every entity becomes a name
// mention with the model's type. The entity model does not tag bare
// nationality words ("Russian officials"), which the actors stage needs for
// demonyms and role phrases ("the Russian President"), so the rule finder's
// mentions that overlap no model entity are kept when the model's gazetteer
// knows them as demonyms. All buffers are per document.
#include <algorithm>
#include <vector>

#include "synoptic/nlp/internal/ner_internal.h"
#include "synoptic/nlp/internal/nlp_internal.h"

namespace synoptic::nlp::internal {

void FindMentionsWithModel(const NlpModel& model, DocAnalysis* a) {
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
  for (uint32_t si = 0; si < a->sentences.size(); ++si) {
    const Sentence& s = a->sentences[si];
    words.clear();
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      const Token& t = a->tokens[i];
      words.push_back(text.substr(t.begin, t.end - t.begin));
    }
    pos.resize(words.size());
    if (model.ner_pos_model() != nullptr) TagWords(*model.ner_pos_model(), words, pos);
    spans.clear();
    TagEntities(ner, words, pos, &ws, &spans);
    for (const NerSpan& sp : spans) {
      Mention m;
      m.span = {a->tokens[s.first_token + sp.first].begin, a->tokens[s.first_token + sp.end - 1].end};
      m.sentence = si;
      m.type = sp.type;
      a->mentions.push_back(m);
    }
  }
  // Demonyms the model left out. Both lists are in text order.
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
    if (n == 0 || !(ner.gazetteer.Find(GazPhraseKey(hashes, n)) & kGazDemonym)) continue;
    Mention m = r;
    m.type = EntityType::kNorp;
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
