// In-memory training of the POS tagger (pos_model.h), shared by
// `synoptic train pos` and the parser trainer's jackknifing.
#ifndef SYNOPTIC_NLP_INTERNAL_POS_TRAIN_H_
#define SYNOPTIC_NLP_INTERNAL_POS_TRAIN_H_

#include <memory>
#include <span>

#include "synoptic/nlp/internal/conllu.h"
#include "synoptic/nlp/pos_model.h"

namespace synoptic::nlp::internal {

// Trains on `train` (words and UPOS used); `dev` (may be empty) is scored
// after each iteration into report->dev_accuracy. Fills report->sentences,
// ->tokens and ->features.
std::shared_ptr<const PosModel> TrainPosOnSentences(
    std::span<const UdSentence* const> train, std::span<const UdSentence> dev,
    const PosTrainOptions& options, PosTrainReport* report);

}  // namespace synoptic::nlp::internal

#endif  // SYNOPTIC_NLP_INTERNAL_POS_TRAIN_H_
