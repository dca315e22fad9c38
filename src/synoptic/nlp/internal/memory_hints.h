// A hint to the CPU for the models' big lookup tables (the parser's and the
// tagger's weights): it changes only speed, never a result.
#ifndef SYNOPTIC_NLP_INTERNAL_MEMORY_HINTS_H_
#define SYNOPTIC_NLP_INTERNAL_MEMORY_HINTS_H_

namespace synoptic::nlp::internal {

// Asks for the cache line holding p to be loaded, so that the misses of
// several independent lookups overlap (no fault even if p is bad).
inline void Prefetch(const void* p) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}

}  // namespace synoptic::nlp::internal

#endif  // SYNOPTIC_NLP_INTERNAL_MEMORY_HINTS_H_
