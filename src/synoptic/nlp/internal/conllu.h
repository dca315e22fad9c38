// Reading Universal Dependencies CoNLL-U files for training (the POS tagger
// and the parser). Multiword token ranges ("3-4") and empty nodes ("5.1")
// are skipped: only syntactic words are kept.
#ifndef SYNOPTIC_NLP_INTERNAL_CONLLU_H_
#define SYNOPTIC_NLP_INTERNAL_CONLLU_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "synoptic/core/env.h"
#include "synoptic/core/status.h"
#include "synoptic/core/types.h"

namespace synoptic::nlp::internal {

struct UdSentence {
  std::vector<std::string> words;
  std::vector<Pos> upos;
  // 0-based head index per word, -1 for the root. Empty when the sentence
  // has no valid tree (a head out of range, an unknown column).
  std::vector<int32_t> heads;
  std::vector<std::string> deprels;  // parallel to heads
};

// Parses CoNLL-U text; `name` is used in error messages. A line with an
// unknown UPOS drops the word (and the sentence's tree).
Result<std::vector<UdSentence>> ParseConllu(std::string_view text,
                                            const std::string& name);
Result<std::vector<UdSentence>> ReadConllu(Env* env, const std::string& path);

}  // namespace synoptic::nlp::internal

#endif  // SYNOPTIC_NLP_INTERNAL_CONLLU_H_
