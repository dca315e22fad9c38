// The nlp stage: loading the lexicon and running the passes in order.
//
// This first implementation is rule-based: a tokenizer with exact byte
// offsets, a punctuation/abbreviation-aware sentence splitter, a lexicon plus
// suffix-rule POS tagger and a capitalisation-run mention finder with cue
// words for the type guess. Trained taggers replace the tagger and the
// mention typing later; the token and sentence passes are meant to stay.
#include "synoptic/nlp/nlp.h"

#include <string>

#include "synoptic/nlp/internal/nlp_internal.h"

namespace synoptic::nlp {
namespace {

constexpr uint64_t kMaxLexiconBytes = 8u << 20;

struct CueName {
  std::string_view name;
  uint16_t bit;
};
constexpr CueName kCueNames[] = {
    {"title", kCueTitle}, {"org", kCueOrg},
    {"gpe", kCueGpe},     {"loc", kCueLoc},
    {"month", kCueMonth}, {"weekday", kCueWeekday},
    {"junk", kCueJunk},   {"particle", kCueParticle},
    {"abbr", kCueAbbr},   {"starter", kCueStarter},
};

std::string_view NextField(std::string_view* line, char sep) {
  size_t p = line->find(sep);
  std::string_view f = line->substr(0, p);
  *line =
      p == std::string_view::npos ? std::string_view() : line->substr(p + 1);
  return f;
}

}  // namespace

namespace internal {

bool ParsePos(std::string_view name, Pos* out) {
  static constexpr std::pair<std::string_view, Pos> kNames[] = {
      {"X", Pos::kX},         {"ADJ", Pos::kAdj},     {"ADP", Pos::kAdp},
      {"ADV", Pos::kAdv},     {"AUX", Pos::kAux},     {"CCONJ", Pos::kCconj},
      {"DET", Pos::kDet},     {"INTJ", Pos::kIntj},   {"NOUN", Pos::kNoun},
      {"NUM", Pos::kNum},     {"PART", Pos::kPart},   {"PRON", Pos::kPron},
      {"PROPN", Pos::kPropn}, {"PUNCT", Pos::kPunct}, {"SCONJ", Pos::kSconj},
      {"SYM", Pos::kSym},     {"VERB", Pos::kVerb},
  };
  for (const auto& [n, p] : kNames) {
    if (n == name) {
      *out = p;
      return true;
    }
  }
  return false;
}

}  // namespace internal

Status NlpModel::ParseLexicon(std::string_view tsv) {
  int line_no = 0;
  while (!tsv.empty()) {
    std::string_view line = NextField(&tsv, '\n');
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::string_view forms = NextField(&line, '\t');
    std::string_view pos_name = NextField(&line, '\t');
    std::string_view cues = line;
    Pos pos;
    if (!internal::ParsePos(pos_name, &pos)) {
      return Corrupt("nlp_lexicon.tsv:" + std::to_string(line_no) +
                     ": unknown POS '" + std::string(pos_name) + "'");
    }
    uint16_t bits = 0;
    while (!cues.empty()) {
      std::string_view c = NextField(&cues, ',');
      bool found = false;
      for (const CueName& cn : kCueNames) {
        if (cn.name == c) {
          bits |= cn.bit;
          found = true;
        }
      }
      if (!found) {
        return Corrupt("nlp_lexicon.tsv:" + std::to_string(line_no) +
                       ": unknown cue '" + std::string(c) + "'");
      }
    }
    while (!forms.empty()) {
      std::string_view f = NextField(&forms, '|');
      if (f.empty()) continue;
      LexEntry& e = words_[std::string(f)];
      if (!e.has_pos) {
        e.pos = pos;
        e.has_pos = true;
      }
      e.cues |= bits;
    }
  }
  return Status::Ok();
}

Result<std::shared_ptr<const NlpModel>> LoadNlpModel(
    Env* env, const NlpOptions& options) {
  const std::string path = options.models_dir + "/nlp_lexicon.tsv";
  SYN_ASSIGN_OR_RETURN(std::string tsv, env->ReadFile(path, kMaxLexiconBytes));
  auto model = std::make_shared<NlpModel>();
  SYN_RETURN_IF_ERROR(model->ParseLexicon(tsv));
  // Self-check: a lexicon without its closed-class core would silently turn
  // every sentence-initial word into a name.
  for (std::string_view w : {"the", "of", "said", "president", "monday"}) {
    if (model->Find(w) == nullptr) {
      return Corrupt(path + ": self-check failed, missing '" + std::string(w) +
                     "'");
    }
  }
  std::shared_ptr<const PosModel> pipeline_pos;
  if (!options.pos_model.empty()) {
    const std::string pos_path = options.models_dir + "/" + options.pos_model;
    auto pos = LoadPosModel(env, pos_path);
    if (!pos.ok()) {
      return Status(pos.status().code(),
                    pos_path + ": " + pos.status().message() +
                        " (make it with `synoptic train pos`, see models/MODELS.md)");
    }
    pipeline_pos = std::move(pos).value();
    model->set_pos_model(pipeline_pos);
  }
  if (!options.ner_model.empty()) {
    const std::string ner_path = options.models_dir + "/" + options.ner_model;
    auto ner = LoadNerModel(env, ner_path);
    if (!ner.ok()) {
      return Status(ner.status().code(),
                    ner_path + ": " + ner.status().message() +
                        " (make it with `synoptic train ner`, see models/MODELS.md)");
    }
    std::shared_ptr<const PosModel> ner_pos;
    if (NerUsesPos(**ner)) {
      if (pipeline_pos != nullptr) {
        ner_pos = pipeline_pos;
      } else {
        const std::string pos_path = options.models_dir + "/pos_en.bin";
        auto p = LoadPosModel(env, pos_path);
        if (!p.ok()) {
          return Status(p.status().code(), pos_path + ": " + p.status().message() +
                                               " (the NER model's POS features need it)");
        }
        ner_pos = std::move(p).value();
      }
    }
    model->set_ner_model(std::move(ner).value(), std::move(ner_pos));
  }
  return std::shared_ptr<const NlpModel>(std::move(model));
}

void Annotate(const NlpModel& model, const NlpOptions& options,
              DocAnalysis* analysis) {
  analysis->tokens.clear();
  analysis->sentences.clear();
  analysis->mentions.clear();
  internal::Tokenize(model, analysis);
  internal::SplitSentences(model, options, analysis);
  internal::TagPos(model, analysis);
  if (model.ner_model() != nullptr) {
    internal::FindMentionsWithModel(model, options.ner_keep_rule_mentions,
                                    analysis);
  } else {
    internal::FindMentions(model, analysis);
  }
}

}  // namespace synoptic::nlp
