// Named-entity tagging with an averaged perceptron over BILOU labels.
//
// Each word is hashed once per sentence (lower-cased and raw form, shape,
// affixes, gazetteer matches: NerTok); a feature is then a 64-bit mix of a
// template number with one or two of those hashes, so extraction builds no
// strings. Decoding is a left-to-right beam search (NerBeamDecode; the
// width is stored in the model, 1 = greedy), restricted to valid BILOU
// transitions (an entity opened with B must close with L; U is a one-word
// entity), with the two previous labels as features, as in Ratinov & Roth
// (2009), "Design challenges and misconceptions in named entity
// recognition". Only the few label-history features are scored per beam
// hypothesis; the rest once per word. Their "non-local" feature is kept in a
// simple form: the class a capitalised word was last given earlier in the
// same document (NerMemory), which helps a surname-only second mention; and
// how the word is written elsewhere in the document (NerNoteWords:
// capitalised inside a sentence, or in lower case), which tells a
// sentence-initial common word from a name.
//
// The gazetteer maps phrases of up to six words (ASCII-lowercased) to
// category bits; a word gets the BILU position of every longest match that
// covers it, per category.
//
// File format (version 2): the line "synoptic ner-model 2", header lines
// starting with "# ", an empty line, then little-endian binary: uint64
// payload length, uint32 CRC-32C of the payload, payload = uint32 label
// count (21), uint8 POS features (0 none, 1 pos_en.bin, 2 the lexicon
// rules), uint8 beam width (version 1 has no such byte
// and is decoded greedily), uint8 optional feature groups, float scale, uint32 feature count, per feature
// (sorted by hash) uint64 hash, uint8 n and n (uint8 label, int16 weight)
// pairs (weight = int16 * scale; absent labels weigh 0); uint32 gazetteer
// size, per entry (sorted) uint32 key and uint16 category bits; uint32
// self-test count, per sentence uint32 word count and per word uint16
// length, bytes, uint8 POS and uint8 label.
#include "synoptic/nlp/ner_model.h"

#include <algorithm>
#include <cstring>

#include "synoptic/core/hash.h"
#include "synoptic/nlp/internal/binary_io.h"
#include "synoptic/nlp/internal/crc32c.h"
#include "synoptic/nlp/internal/ner_internal.h"

namespace synoptic::nlp {

using internal::Get;
using internal::GetHeader;
using internal::kNerLabels;
using internal::Put;

namespace {

constexpr std::string_view kMagic = "synoptic ner-model 2\n";
constexpr std::string_view kMagicV1 = "synoptic ner-model 1\n";  // greedy, no beam field
constexpr uint8_t kNoPos = 17;

inline uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}
inline uint64_t F(uint64_t tmpl, uint64_t a) { return Mix(a ^ Mix(tmpl * 0x9e3779b97f4a7c15ULL + 1)); }
inline uint64_t F2(uint64_t tmpl, uint64_t a, uint64_t b) { return Mix(F(tmpl, a) ^ (b * 0xc2b2ae3d27d4eb4fULL)); }

uint64_t HashLowered(std::string_view w, size_t from, size_t len) {
  char buf[64];
  const size_t n = std::min(len, sizeof buf);
  for (size_t i = 0; i < n; ++i) {
    const char c = w[from + i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return Hash64(std::string_view(buf, n), 0x6e65722d776f7264ULL);
}

// "Xx", "x", "X", "d", "d.d", "Xx-Xx": character classes, runs collapsed
// (short) or kept up to four (long: "Xxxx", "dddd").
void Shapes(std::string_view w, uint64_t* shape, uint64_t* short_shape) {
  char lng[32], sht[32];
  size_t nl = 0, ns = 0, run = 0;
  char last = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    const auto c = static_cast<unsigned char>(w[i]);
    char k;
    if (c >= 'A' && c <= 'Z') k = 'X';
    else if (c >= 'a' && c <= 'z') k = 'x';
    else if (c >= '0' && c <= '9') k = 'd';
    else if (c >= 0x80) k = 'u';
    else k = static_cast<char>(c);
    run = k == last ? run + 1 : 1;
    if (run <= 4 && nl < sizeof lng) lng[nl++] = k;
    if (k != last && ns < sizeof sht) sht[ns++] = k;
    last = k;
  }
  *shape = Hash64(std::string_view(lng, nl), 0x5348);
  *short_shape = Hash64(std::string_view(sht, ns), 0x5353);
}

}  // namespace

namespace internal {

bool NerAllowed(int prev, int next) {
  const bool prev_open = prev > 0 && (LabelPart(prev) == kB || LabelPart(prev) == kI);
  if (prev_open) {
    return next > 0 && LabelClass(next) == LabelClass(prev) &&
           (LabelPart(next) == kI || LabelPart(next) == kL);
  }
  return next == 0 || LabelPart(next) == kB || LabelPart(next) == kU;
}

uint64_t GazWordHash(std::string_view word) { return HashLowered(word, 0, word.size()); }

uint32_t GazPhraseKey(const uint64_t* word_hashes, size_t n) {
  uint64_t h = 0x67617a6574746565ULL;
  for (size_t i = 0; i < n; ++i) h = Mix(h ^ word_hashes[i]) + i;
  return static_cast<uint32_t>(h >> 32);
}

uint16_t Gazetteer::Find(uint32_t key) const {
  const auto it = std::lower_bound(keys.begin(), keys.end(), key);
  if (it == keys.end() || *it != key) return 0;
  return bits[static_cast<size_t>(it - keys.begin())];
}

void NerMemory::Clear() {
  if (used_ > 0) {
    keys_.fill(0);
    values_.fill(0);
  }
  used_ = 0;
}

int NerMemory::Get(uint64_t word) const {
  const uint64_t k = word | 1;
  for (size_t s = word % kSlots, probes = 0; probes < kSlots; s = (s + 1) % kSlots, ++probes) {
    if (keys_[s] == 0) return 0;
    if (keys_[s] == k) return values_[s];
  }
  return 0;
}

void NerMemory::Set(uint64_t word, int value) {
  const uint64_t k = word | 1;
  for (size_t s = word % kSlots, probes = 0; probes < kSlots; s = (s + 1) % kSlots, ++probes) {
    if (keys_[s] == k) {
      values_[s] = static_cast<uint8_t>(value);
      return;
    }
    if (keys_[s] == 0) {
      if (used_ * 4 >= kSlots * 3) return;  // full enough: forget the rest
      keys_[s] = k;
      values_[s] = static_cast<uint8_t>(value);
      ++used_;
      return;
    }
  }
}

void NerNoteWords(std::span<const std::string_view> words, NerMemory* doc_case) {
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    if (w.empty()) continue;
    const char c = w[0];
    if (c >= 'a' && c <= 'z') {
      doc_case->Or(GazWordHash(w), kNerDocLower);
    } else if (c >= 'A' && c <= 'Z' && i > 0) {
      const char prev = words[i - 1].empty() ? ' ' : words[i - 1][0];
      // Not after sentence-like openers (quotes, colons, dashes).
      if (prev != '"' && prev != ':' && prev != '-' && prev != '(' && prev != '\'') {
        doc_case->Or(GazWordHash(w), kNerDocCap);
      }
    }
  }
}

void NerApplyDocCase(const NerMemory& doc_case, std::vector<NerTok>* toks) {
  for (NerTok& t : *toks) t.doc_case = static_cast<uint8_t>(doc_case.Get(t.lower));
}

void PrepareSentence(const Gazetteer& gaz, std::span<const std::string_view> words,
                     std::span<const Pos> pos, bool use_pos, std::vector<NerTok>* toks) {
  const size_t n = words.size();
  toks->resize(n);
  for (size_t i = 0; i < n; ++i) {
    NerTok& t = (*toks)[i];
    const std::string_view w = words[i];
    t = NerTok();
    t.lower = HashLowered(w, 0, w.size());
    t.raw = Hash64(w.substr(0, 64), 0x726177);
    Shapes(w.substr(0, 64), &t.shape, &t.short_shape);
    const auto suffix = [&](size_t k) {
      return w.size() > k ? HashLowered(w, w.size() - k, k) + k : t.lower + k;
    };
    t.suf2 = suffix(2);
    t.suf3 = suffix(3);
    t.suf4 = suffix(4);
    t.pre3 = w.size() > 3 ? HashLowered(w, 0, 3) + 7 : t.lower + 7;
    bool lower = false, upper = false, alnum = false;
    for (const char c : w) {
      if (c >= 'a' && c <= 'z') lower = true;
      if (c >= 'A' && c <= 'Z') upper = true;
      if (c >= '0' && c <= '9') t.flags |= kNerDigit;
      if (c == '-') t.flags |= kNerHyphen;
      if (c == '.') t.flags |= kNerPeriod;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          static_cast<unsigned char>(c) >= 0x80) {
        alnum = true;
      }
    }
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') t.flags |= kNerCap;
    if (upper && !lower) t.flags |= kNerAllCaps;
    if (!alnum) t.flags |= kNerPunct;
    if (i == 0) t.flags |= kNerFirst;
    t.pos = use_pos && i < pos.size() ? static_cast<uint8_t>(pos[i]) : kNoPos;
  }
  // Runs of capitalised words.
  const auto cap = [&](size_t k) {
    return ((*toks)[k].flags & (kNerCap | kNerAllCaps)) != 0 && !((*toks)[k].flags & kNerPunct);
  };
  const auto joiner = [&](size_t k) {
    const std::string_view w = words[k];
    return w == "of" || w == "and" || w == "de" || w == "the" || w == "-" || w == "&" ||
           w == "for" || w == "'s";
  };
  for (size_t i = 0; i < n;) {
    if (!cap(i)) {
      ++i;
      continue;
    }
    size_t e = i + 1;
    while (e < n) {
      if (cap(e)) {
        ++e;
      } else if (joiner(e) && e + 1 < n && cap(e + 1)) {
        e += 2;
      } else {
        break;
      }
    }
    const size_t len = e - i;
    const uint8_t bucket = len == 1 ? 0 : len == 2 ? 1 : len <= 4 ? 2 : 3;
    for (size_t k = i; k < e; ++k) {
      NerTok& t = (*toks)[k];
      const int part = len == 1 ? kU : k == i ? kB : k + 1 == e ? kL : kI;
      t.run_part = static_cast<uint8_t>(1 + part + 4 * bucket);
      t.run_first = static_cast<uint16_t>(std::min<size_t>(i, 65535));
      t.run_last = static_cast<uint16_t>(std::min<size_t>(e - 1, 65535));
    }
    i = e;
  }
  // Gazetteer: the longest match starting at each word.
  uint64_t hashes[kGazMaxWords];
  for (size_t i = 0; i < n; ++i) {
    const size_t max = std::min<size_t>(kGazMaxWords, n - i);
    for (size_t k = 0; k < max; ++k) hashes[k] = (*toks)[i + k].lower;
    for (size_t len = max; len >= 1; --len) {
      const uint16_t bits = gaz.Find(GazPhraseKey(hashes, len));
      if (bits == 0) continue;
      if (len == 1) (*toks)[i].gaz_word = bits;
      for (int c = 0; c < kGazCategories; ++c) {
        if (!(bits & (1u << c))) continue;
        for (size_t k = 0; k < len; ++k) {
          const int part = len == 1 ? kU : k == 0 ? kB : k + 1 == len ? kL : kI;
          (*toks)[i + k].gaz_pos |= uint64_t{1} << (4 * c + part);
        }
      }
      if (len > 1) {
        // Still record the single word's own categories.
        uint64_t h1 = hashes[0];
        (*toks)[i].gaz_word = gaz.Find(GazPhraseKey(&h1, 1));
      }
      break;
    }
  }
}

namespace {
const NerTok& NoneTok() {
  static const NerTok kNone = [] {
    NerTok x;
    x.lower = x.raw = x.shape = x.short_shape = 0x5eed;
    x.pos = 18;
    return x;
  }();
  return kNone;
}
}  // namespace

size_t NerStaticFeatures(std::span<const NerTok> toks, size_t i, int memory, uint8_t groups,
                         uint64_t* out) {
  size_t n = 0;
  const NerTok& t = toks[i];
  const auto at = [&](long k) -> const NerTok& {
    return k < 0 || static_cast<size_t>(k) >= toks.size() ? NoneTok() : toks[static_cast<size_t>(k)];
  };
  const long li = static_cast<long>(i);
  const NerTok& m1 = at(li - 1);
  const NerTok& p1 = at(li + 1);
  const NerTok& m2 = at(li - 2);
  const NerTok& p2 = at(li + 2);
  out[n++] = F(0, 0);
  out[n++] = F(1, t.lower);
  out[n++] = F(2, t.raw);
  out[n++] = F(3, t.suf2);
  out[n++] = F(4, t.suf3);
  out[n++] = F(5, t.suf4);
  out[n++] = F(6, t.pre3);
  out[n++] = F(7, t.shape);
  out[n++] = F(8, t.short_shape);
  out[n++] = F(9, t.flags);
  out[n++] = F(10, m1.lower);
  out[n++] = F(11, p1.lower);
  out[n++] = F(12, m2.lower);
  out[n++] = F(13, p2.lower);
  out[n++] = F(14, m1.short_shape);
  out[n++] = F(15, p1.short_shape);
  out[n++] = F2(16, m1.lower, t.lower);
  out[n++] = F2(17, t.lower, p1.lower);
  out[n++] = F2(18, F2(0, m1.short_shape, t.short_shape), p1.short_shape);
  out[n++] = F(24, t.gaz_word);
  out[n++] = F(25, m1.gaz_word);
  out[n++] = F(26, p1.gaz_word);
  out[n++] = F2(27, t.gaz_word, t.short_shape);
  out[n++] = F(28, m1.suf3);
  out[n++] = F(29, p1.suf3);
  if (t.pos != kNoPos) {
    out[n++] = F(31, t.pos);
    out[n++] = F(32, m1.pos);
    out[n++] = F(33, p1.pos);
    out[n++] = F2(34, m1.pos, t.pos);
    out[n++] = F2(35, t.pos, p1.pos);
    out[n++] = F(36, m2.pos);
    out[n++] = F(37, p2.pos);
    out[n++] = F2(38, t.pos, t.short_shape);
    out[n++] = F2(40, F2(0, m1.pos, t.pos), p1.pos);
  }
  if (memory > 0) out[n++] = F(41, static_cast<uint64_t>(memory));
  if ((groups & kNerFeatRuns) && t.run_part != 0) {
    const NerTok& first = toks[t.run_first];
    const NerTok& last = toks[t.run_last];
    const NerTok& before = at(static_cast<long>(t.run_first) - 1);
    out[n++] = F(47, t.run_part);
    out[n++] = F2(48, last.lower, t.run_part);
    out[n++] = F2(49, last.gaz_word, t.run_part);
    out[n++] = F(50, last.suf3);
    out[n++] = F2(51, first.gaz_word, t.run_part);
    out[n++] = F2(52, before.lower, t.run_part & 3);
  }
  if ((groups & kNerFeatDocCase) && (t.flags & kNerCap)) {
    out[n++] = F(45, t.doc_case | (t.flags & kNerFirst ? 4u : 0u));
    out[n++] = F2(46, t.doc_case, t.short_shape);
  }
  // Gazetteer positions: one feature per (category, part) bit.
  uint64_t g = t.gaz_pos;
  while (g != 0 && n + 2 + kNerMaxHistoryFeatures < kNerMaxFeatures) {
    const int b = __builtin_ctzll(g);
    g &= g - 1;
    out[n++] = F(43, static_cast<uint64_t>(b));
    out[n++] = F2(44, static_cast<uint64_t>(b), t.flags & kNerCap);
  }
  return n;
}

size_t NerHistoryFeatures(std::span<const NerTok> toks, size_t i, int prev1, int prev2,
                          int memory, uint64_t* out) {
  size_t n = 0;
  const NerTok& t = toks[i];
  const NerTok& m1 = i == 0 ? NoneTok() : toks[i - 1];
  const auto l1 = static_cast<uint64_t>(prev1 + 1), l2 = static_cast<uint64_t>(prev2 + 1);
  out[n++] = F(19, l1);
  out[n++] = F2(20, l2, l1);
  out[n++] = F2(21, l1, t.lower);
  out[n++] = F2(22, l1, t.short_shape);
  out[n++] = F2(23, l1, m1.lower);
  out[n++] = F2(30, l1, t.flags);
  if (t.pos != kNoPos) out[n++] = F2(39, l1, t.pos);
  if (memory > 0) out[n++] = F2(42, static_cast<uint64_t>(memory), l1);
  return n;
}

void NerDecode(const NerModel& model, std::span<const std::string_view> words,
               std::span<const Pos> pos, NerWorkspace* ws) {
  NerWorkspace::Impl& w = ws->impl();
  PrepareSentence(model.gazetteer, words, pos, model.uses_pos, &w.toks);
  NerApplyDocCase(w.doc_case, &w.toks);
  const size_t n = words.size();
  w.labels.resize(n);
  if (n == 0) return;
  const int beam = std::clamp(model.beam, 1, kNerMaxBeam);
  if (w.lattice.size() < n * static_cast<size_t>(beam)) w.lattice.resize(n * static_cast<size_t>(beam));
  uint64_t feats[kNerMaxFeatures];
  int mem = 0;
  const auto add = [&](const uint64_t* f, size_t nf, double* s) {
    int32_t sum[kNerLabels] = {};
    for (size_t k = 0; k < nf; ++k) {
      const auto* wt = model.Find(f[k]);
      if (wt == nullptr) continue;
      for (int l = 0; l < kNerLabels; ++l) sum[l] += (*wt)[l];
    }
    for (int l = 0; l < kNerLabels; ++l) s[l] += sum[l];
  };
  NerBeamDecode(
      n, beam,
      [&](size_t i, double* s) {
        const NerTok& t = w.toks[i];
        mem = (t.flags & kNerCap) ? w.memory.Get(t.lower) : 0;
        for (int l = 0; l < kNerLabels; ++l) s[l] = 0;
        add(feats, NerStaticFeatures(w.toks, i, mem, model.features, feats), s);
      },
      [&](size_t i, int p1, int p2, double* s) {
        add(feats, NerHistoryFeatures(w.toks, i, p1, p2, mem, feats), s);
      },
      nullptr, w.lattice.data(), w.labels.data());
  // Remember the classes given to capitalised words.
  for (size_t i = 0; i < n; ++i) {
    if (w.labels[i] > 0 && (w.toks[i].flags & kNerCap)) {
      w.memory.Set(w.toks[i].lower, 1 + static_cast<int>(LabelClass(w.labels[i])));
    }
  }
}

EntityType NerEntityType(const NerModel& model, std::span<const std::string_view> words,
                         const NerSpan& span) {
  const auto last_is = [&](std::initializer_list<std::string_view> heads) {
    std::string_view w = words[span.end - 1];
    for (std::string_view h : heads) {
      if (w.size() == h.size() &&
          std::equal(w.begin(), w.end(), h.begin(), [](char a, char b) {
            return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b;
          })) {
        return true;
      }
    }
    return false;
  };
  uint64_t hashes[kGazMaxWords];
  uint16_t bits = 0;
  const size_t len = span.end - span.first;
  if (len <= kGazMaxWords) {
    for (size_t k = 0; k < len; ++k) hashes[k] = GazWordHash(words[span.first + k]);
    bits = model.gazetteer.Find(GazPhraseKey(hashes, len));
  }
  // A name whose head names a happening is an event, whatever class the
  // tagger gave it ("the Cold War", "the Korean War", "the Arab Spring
  // Uprising", "the G20 Summit", "the World Cup").
  if (last_is({"war", "wars", "revolution", "uprising", "massacre", "genocide",
               "olympics", "summit", "championships", "cup", "crisis"}) &&
      len >= 2) {
    return EntityType::kEvent;
  }
  switch (span.cls) {
    case NerClass::kPerson: return EntityType::kPerson;
    case NerClass::kOrg: return EntityType::kOrg;
    case NerClass::kEvent: return EntityType::kEvent;
    case NerClass::kPlace:
      if (bits & (kGazCountry | kGazCity | kGazRegion | kGazCapital)) return EntityType::kGpe;
      if (last_is({"airport", "station", "bridge", "stadium", "hospital", "tower", "palace",
                   "square", "museum", "hotel", "building", "church", "cathedral", "temple",
                   "mosque", "prison", "port", "base", "dam", "highway", "street", "avenue",
                   "road", "park", "hall", "centre", "center", "arena", "castle"})) {
        return EntityType::kFac;
      }
      if (last_is({"city", "county", "province", "state", "republic", "kingdom", "oblast",
                   "district", "region", "prefecture", "township", "village", "borough"})) {
        return EntityType::kGpe;
      }
      return EntityType::kLoc;
    case NerClass::kMisc:
      if (bits & kGazDemonym) return EntityType::kNorp;
      if (last_is({"act", "law", "treaty", "accord", "accords", "convention", "constitution",
                   "agreement", "amendment", "charter", "protocol", "bill", "code"})) {
        return EntityType::kLaw;
      }
      return EntityType::kOther;
  }
  return EntityType::kOther;
}

std::string NerSerialize(const NerModel& m, const std::string& header_lines) {
  std::string payload;
  Put(&payload, static_cast<uint32_t>(kNerLabels));
  Put(&payload, static_cast<uint8_t>(m.uses_pos ? (m.rule_pos ? 2 : 1) : 0));
  Put(&payload, static_cast<uint8_t>(m.beam));
  Put(&payload, m.features);
  Put(&payload, m.scale);
  Put(&payload, static_cast<uint32_t>(m.keys.size()));
  for (size_t i = 0; i < m.keys.size(); ++i) {
    Put(&payload, m.keys[i]);
    uint8_t nz = 0;
    for (int16_t q : m.weights[i]) nz += q != 0;
    Put(&payload, nz);
    for (int l = 0; l < kNerLabels; ++l) {
      if (m.weights[i][l] == 0) continue;
      Put(&payload, static_cast<uint8_t>(l));
      Put(&payload, m.weights[i][l]);
    }
  }
  Put(&payload, static_cast<uint32_t>(m.gazetteer.keys.size()));
  for (size_t i = 0; i < m.gazetteer.keys.size(); ++i) {
    Put(&payload, m.gazetteer.keys[i]);
    Put(&payload, m.gazetteer.bits[i]);
  }
  Put(&payload, static_cast<uint32_t>(m.self_tests.size()));
  for (const NerModel::SelfTest& s : m.self_tests) {
    Put(&payload, static_cast<uint32_t>(s.words.size()));
    for (size_t i = 0; i < s.words.size(); ++i) {
      Put(&payload, static_cast<uint16_t>(s.words[i].size()));
      payload += s.words[i];
      Put(&payload, s.pos[i]);
      Put(&payload, s.labels[i]);
    }
  }
  std::string file(kMagic);
  file += header_lines;
  file += "\n";
  Put(&file, static_cast<uint64_t>(payload.size()));
  Put(&file, Crc32c(payload));
  file += payload;
  return file;
}

Result<std::shared_ptr<NerModel>> NerParse(std::string_view in, const std::string& path) {
  const bool v1 = in.substr(0, kMagicV1.size()) == kMagicV1;
  if (!v1 && in.substr(0, kMagic.size()) != kMagic) {
    if (in.substr(0, 19) == "synoptic ner-model ") {
      return NotSupported(path + ": ner-model format version other than 1 or 2");
    }
    return Corrupt(path + ": not a synoptic ner-model file");
  }
  in.remove_prefix(kMagic.size());
  auto m = std::make_shared<NerModel>();
  if (const char* bad = GetHeader(&in, &m->header)) {
    return Corrupt(path + ": " + bad);
  }
  uint64_t len = 0;
  uint32_t crc = 0;
  if (!Get(&in, &len) || !Get(&in, &crc) || len != in.size()) {
    return Corrupt(path + ": payload length does not match the file");
  }
  if (Crc32c(in) != crc) return Corrupt(path + ": checksum mismatch");
  uint32_t labels = 0, n = 0;
  uint8_t uses_pos = 0;
  uint8_t beam = 1;
  if (!Get(&in, &labels) || labels != kNerLabels || !Get(&in, &uses_pos) ||
      (!v1 && (!Get(&in, &beam) || !Get(&in, &m->features))) || beam < 1 || beam > internal::kNerMaxBeam ||
      !Get(&in, &m->scale) || !Get(&in, &n) || in.size() < static_cast<size_t>(n) * 9) {
    return Corrupt(path + ": bad label or feature count");
  }
  if (uses_pos > 2) return Corrupt(path + ": bad POS source");
  m->uses_pos = uses_pos != 0;
  m->rule_pos = uses_pos == 2;
  m->beam = beam;
  m->keys.resize(n);
  m->weights.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    uint8_t nz = 0;
    if (!Get(&in, &m->keys[i]) || !Get(&in, &nz) || nz > kNerLabels) {
      return Corrupt(path + ": truncated features");
    }
    m->weights[i].fill(0);
    for (uint8_t k = 0; k < nz; ++k) {
      uint8_t l = 0;
      int16_t q = 0;
      if (!Get(&in, &l) || !Get(&in, &q) || l >= kNerLabels) {
        return Corrupt(path + ": bad feature weight");
      }
      m->weights[i][l] = q;
    }
    if (i > 0 && m->keys[i] <= m->keys[i - 1]) return Corrupt(path + ": features out of order");
  }
  uint32_t g = 0;
  if (!Get(&in, &g) || in.size() < static_cast<size_t>(g) * 6) {
    return Corrupt(path + ": bad gazetteer size");
  }
  m->gazetteer.keys.resize(g);
  m->gazetteer.bits.resize(g);
  for (uint32_t i = 0; i < g; ++i) {
    Get(&in, &m->gazetteer.keys[i]);
    Get(&in, &m->gazetteer.bits[i]);
    if (i > 0 && m->gazetteer.keys[i] <= m->gazetteer.keys[i - 1]) {
      return Corrupt(path + ": gazetteer out of order");
    }
  }
  uint32_t tests = 0;
  if (!Get(&in, &tests) || tests > 1000) return Corrupt(path + ": bad self-test count");
  for (uint32_t t = 0; t < tests; ++t) {
    NerModel::SelfTest s;
    uint32_t words = 0;
    if (!Get(&in, &words) || words > 1000) return Corrupt(path + ": bad self-test");
    for (uint32_t i = 0; i < words; ++i) {
      uint16_t wl = 0;
      uint8_t p = 0, l = 0;
      if (!Get(&in, &wl) || in.size() < wl) return Corrupt(path + ": bad self-test");
      s.words.emplace_back(in.substr(0, wl));
      in.remove_prefix(wl);
      if (!Get(&in, &p) || !Get(&in, &l) || p >= 17 || l >= kNerLabels) {
        return Corrupt(path + ": bad self-test");
      }
      s.pos.push_back(p);
      s.labels.push_back(l);
    }
    m->self_tests.push_back(std::move(s));
  }
  if (!in.empty()) return Corrupt(path + ": trailing bytes");
  m->BuildIndex();
  return m;
}

}  // namespace internal

const std::array<int16_t, kNerLabels>* NerModel::Find(uint64_t key) const {
  if (index.empty()) return nullptr;
  const size_t mask = index.size() - 1;
  for (size_t s = Mix(key) & mask;; s = (s + 1) & mask) {
    const uint32_t v = index[s];
    if (v == 0) return nullptr;
    if (keys[v - 1] == key) return &weights[v - 1];
  }
}

void NerModel::BuildIndex() {
  size_t cap = 16;
  while (cap < keys.size() * 2) cap <<= 1;
  index.assign(cap, 0);
  const size_t mask = cap - 1;
  for (size_t i = 0; i < keys.size(); ++i) {
    size_t s = Mix(keys[i]) & mask;
    while (index[s] != 0) s = (s + 1) & mask;
    index[s] = static_cast<uint32_t>(i + 1);
  }
}

NerWorkspace::NerWorkspace() : impl_(std::make_unique<Impl>()) {}
NerWorkspace::~NerWorkspace() = default;
void NerWorkspace::BeginDocument() {
  impl_->memory.Clear();
  impl_->doc_case.Clear();
}

void NoteDocumentSentence(std::span<const std::string_view> words, NerWorkspace* ws) {
  internal::NerNoteWords(words, &ws->impl().doc_case);
}

bool NerUsesPos(const NerModel& model) { return model.uses_pos && !model.rule_pos; }
bool NerUsesRulePos(const NerModel& model) { return model.uses_pos && model.rule_pos; }

void TagEntities(const NerModel& model, std::span<const std::string_view> words,
                 std::span<const Pos> pos, NerWorkspace* ws, std::vector<NerSpan>* out) {
  if (words.empty()) return;
  internal::NerDecode(model, words, pos, ws);
  const std::vector<int>& labels = ws->impl().labels;
  for (size_t i = 0; i < labels.size(); ++i) {
    const int l = labels[i];
    if (l == 0) continue;
    const int part = internal::LabelPart(l);
    if (part != internal::kB && part != internal::kU) continue;
    size_t e = i + 1;
    if (part == internal::kB) {
      while (e < labels.size() && internal::LabelPart(labels[e]) != internal::kL) ++e;
      e = std::min(e + 1, labels.size());
    }
    NerSpan s;
    s.first = static_cast<uint32_t>(i);
    s.end = static_cast<uint32_t>(e);
    s.cls = internal::LabelClass(l);
    s.type = internal::NerEntityType(model, words, s);
    out->push_back(s);
    i = e - 1;
  }
}

Result<std::shared_ptr<const NerModel>> LoadNerModel(Env* env, const std::string& path) {
  SYN_ASSIGN_OR_RETURN(std::string data, env->ReadFile(path, uint64_t{64} << 20));
  SYN_ASSIGN_OR_RETURN(std::shared_ptr<NerModel> m, internal::NerParse(data, path));
  // Self-test: the saved sentences must get the labels they got when saved.
  NerWorkspace ws;
  std::vector<std::string_view> words;
  std::vector<Pos> pos;
  for (size_t t = 0; t < m->self_tests.size(); ++t) {
    const NerModel::SelfTest& s = m->self_tests[t];
    words.assign(s.words.begin(), s.words.end());
    pos.clear();
    for (uint8_t p : s.pos) pos.push_back(static_cast<Pos>(p));
    ws.BeginDocument();
    NoteDocumentSentence(words, &ws);
    internal::NerDecode(*m, words, pos, &ws);
    for (size_t i = 0; i < words.size(); ++i) {
      if (ws.impl().labels[i] != s.labels[i]) {
        return Corrupt(path + ": self-test sentence " + std::to_string(t + 1) +
                       " is tagged differently from when the model was saved");
      }
    }
  }
  return std::shared_ptr<const NerModel>(std::move(m));
}

std::string NerModelProvenance(const NerModel& model) { return model.header; }

}  // namespace synoptic::nlp
