// The single-sentence driver: the same stage calls as report::Analyzer,
// minus extraction (the text is already clean), so the coder can be run and
// scored on its own.
#include "synoptic/events/sentence_coder.h"

#include "synoptic/actors/actors.h"
#include "synoptic/core/utf8.h"
#include "synoptic/nlp/nlp.h"
#include "synoptic/time/timex.h"

namespace synoptic::events {

struct SentenceCoder::Models {
  std::shared_ptr<const nlp::NlpModel> nlp;
  std::shared_ptr<const actors::ActorKb> kb;
  std::shared_ptr<const EventLexicon> lexicon;
  std::shared_ptr<const PloverMap> plover;
  nlp::NlpOptions nlp_options;
};

SentenceCoder::SentenceCoder() = default;
SentenceCoder::~SentenceCoder() = default;

Result<std::unique_ptr<SentenceCoder>> SentenceCoder::Create(
    Env* env, const SentenceCoderOptions& options) {
  std::unique_ptr<SentenceCoder> c(new SentenceCoder());
  c->options_ = options;
  c->models_ = std::make_unique<Models>();
  c->models_->nlp_options.models_dir = options.models_dir;
  SYN_ASSIGN_OR_RETURN(c->models_->nlp,
                       nlp::LoadNlpModel(env, c->models_->nlp_options));
  actors::ActorOptions ao;
  ao.models_dir = options.models_dir;
  SYN_ASSIGN_OR_RETURN(c->models_->kb, actors::LoadActorKb(env, ao));
  EventOptions eo;
  eo.models_dir = options.models_dir;
  eo.imported_verbs = options.imported_verbs;
  eo.extra_verbs_tsv = options.extra_verbs_tsv;
  eo.use_parse = options.use_parse;
  eo.quote_parse = options.quote_parse;
  eo.quote_sources = options.quote_sources;
  eo.quote_cues = options.quote_cues;
  SYN_ASSIGN_OR_RETURN(c->models_->lexicon, LoadEventLexicon(env, eo));
  auto plover = PloverMap::Load(env, options.models_dir);
  if (plover.ok()) {
    c->models_->plover = std::move(plover).value();
  } else if (plover.status().code() != StatusCode::kNotFound) {
    return plover.status();
  }
  return c;
}

DocAnalysis SentenceCoder::Code(std::string_view text,
                                const std::optional<civil::Date>& date,
                                std::vector<QuoteFrame>* frames) const {
  DocAnalysis a;
  if (text.size() > options_.max_text_bytes) {
    size_t cut = options_.max_text_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
      --cut;
    text = text.substr(0, cut);
  }
  a.doc.text.assign(text);
  if (!utf8::IsValid(a.doc.text)) a.doc.text.clear();
  a.doc.format = InputFormat::kText;
  a.doc.language = "en";
  // Paragraphs: runs of text between blank lines.
  const std::string& t = a.doc.text;
  size_t start = 0;
  while (start < t.size()) {
    size_t p = t.find("\n\n", start);
    size_t end = p == std::string::npos ? t.size() : p;
    if (end > start) {
      a.doc.paragraphs.push_back(
          {static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
      a.doc.paragraph_kinds.push_back(0);
    }
    if (p == std::string::npos) break;
    start = p + 2;
  }
  if (date) {
    a.doc.published = civil::FormatDate(*date);
    a.doc.published_from = DateSource::kOption;
  }
  nlp::Annotate(*models_->nlp, models_->nlp_options, &a);
  time::TagTimes(date, time::TimeOptions{}, &a);
  actors::ResolveActors(*models_->kb, date, &a);
  ExtractEvents(*models_->lexicon, &a, frames);
  return a;
}

const EventLexicon& SentenceCoder::lexicon() const {
  return *models_->lexicon;
}

std::string_view SentenceCoder::Plover(std::string_view cameo) const {
  if (!models_->plover || cameo.empty()) return {};
  const PloverEntry* e = models_->plover->Find(cameo);
  return e == nullptr ? std::string_view() : std::string_view(e->category);
}

}  // namespace synoptic::events
