#include "synoptic/serve/internal/search_index.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace synoptic::serve {
namespace {

// FTS5's bm25() defaults (sqlite ext/fts5/fts5_aux.c).
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
// Postings per block. Smaller blocks prune more finely; each costs a
// uint32 and a double.
constexpr uint64_t kBlock = 64;
constexpr uint32_t kNoOffset = std::numeric_limits<uint32_t>::max();
constexpr uint32_t kNoDense = std::numeric_limits<uint32_t>::max();
// A term in at least one document in this many gets a bitmap (3/16 byte
// per document, so at most kDenseShare times the average distinct terms
// per document of them).
constexpr uint64_t kDenseShare = 16;

// First position >= pos whose doc is >= target (galloping search), or end.
uint64_t Advance(const uint32_t* docs, uint64_t pos, uint64_t end,
                 uint32_t target) {
  if (pos >= end || docs[pos] >= target) return pos;
  uint64_t lo = pos;  // docs[lo] < target
  uint64_t step = 1;
  uint64_t hi = pos + 1;
  while (hi < end && docs[hi] < target) {
    lo = hi;
    step *= 2;
    hi = pos + step;
  }
  hi = std::min(hi, end);
  return static_cast<uint64_t>(
      std::lower_bound(docs + lo + 1, docs + hi, target) - docs);
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// Appends text with each run of ASCII white space as one space.
void AppendCollapsed(std::string* out, std::string_view text) {
  bool space = false;
  for (char c : text) {
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out->empty() && out->back() != ' ') out->push_back(' ');
    space = false;
    out->push_back(c);
  }
  if (space && !out->empty() && out->back() != ' ') out->push_back(' ');
}

struct Hit {
  double score;
  uint32_t doc;
  uint32_t first;  // first text offset of any query word (kNoOffset: none)
  uint32_t in_text;  // bit i: distinct word i occurs in the text
};

// a ranks before b: higher score, then earlier document.
bool Better(const Hit& a, const Hit& b) {
  return a.score > b.score || (a.score == b.score && a.doc < b.doc);
}

}  // namespace

Result<std::shared_ptr<const SearchIndex>> SearchIndex::Build(
    std::vector<SearchDoc> docs, store::TextTokenizer* tokenizer,
    SearchIndexOptions options) {
  if (docs.size() >= std::numeric_limits<uint32_t>::max()) {
    return ResourceExhausted("search index: too many documents");
  }
  std::shared_ptr<SearchIndex> index(new SearchIndex());
  index->options_ = options;
  const auto n = static_cast<uint32_t>(docs.size());

  // Pass 1: per-term lists of (document, term frequency, first offset in
  // the text), in document order.
  struct Entry {
    uint32_t doc, tf, first;
  };
  std::vector<std::vector<Entry>> lists;
  std::vector<uint32_t> length(n);
  std::vector<std::pair<uint32_t, uint32_t>> ids;  // (term, offset), reused
  uint64_t total_tokens = 0;
  uint32_t in_title = 0;  // kNoOffset while the title is tokenized
  auto add = [&](std::string_view token, uint32_t begin, uint32_t) {
    auto it = index->term_ids_.find(token);
    uint32_t t;
    if (it == index->term_ids_.end()) {
      t = static_cast<uint32_t>(lists.size());
      index->term_ids_.emplace(std::string(token), t);
      lists.emplace_back();
    } else {
      t = it->second;
    }
    ids.emplace_back(t, in_title ? kNoOffset : begin);
    return true;
  };
  for (uint32_t d = 0; d < n; ++d) {
    ids.clear();
    in_title = 1;
    SYN_RETURN_IF_ERROR(tokenizer->Tokenize(docs[d].title, add));
    in_title = 0;
    SYN_RETURN_IF_ERROR(tokenizer->Tokenize(docs[d].text, add));
    length[d] = static_cast<uint32_t>(ids.size());
    total_tokens += ids.size();
    std::sort(ids.begin(), ids.end());  // by term, then offset
    for (size_t i = 0; i < ids.size();) {
      size_t j = i + 1;
      while (j < ids.size() && ids[j].first == ids[i].first) ++j;
      lists[ids[i].first].push_back(
          Entry{d, static_cast<uint32_t>(j - i), ids[i].second});
      i = j;
    }
  }

  // FTS5's statistics: rows, average tokens per row (both columns).
  const double avgdl =
      n > 0 ? static_cast<double>(total_tokens) / static_cast<double>(n) : 1.0;
  index->norm_.resize(n);
  for (uint32_t d = 0; d < n; ++d) {
    const double D = static_cast<double>(length[d]);
    // Written as fts5_aux.c writes it, so the double result is identical.
    index->norm_[d] = kK1 * (1 - kB + kB * D / avgdl);
  }

  // Pass 2: compact the lists into one array, with block maxima and each
  // term's blocks in order of their maxima.
  uint64_t postings = 0;
  for (const auto& l : lists) postings += l.size();
  index->post_doc_.reserve(postings);
  index->post_tf_.reserve(postings);
  index->post_first_.reserve(postings);
  index->post_impact_.reserve(postings);
  index->post_begin_.reserve(lists.size() + 1);
  index->block_begin_.reserve(lists.size() + 1);
  index->idf_.reserve(lists.size());
  index->term_max_.reserve(lists.size());
  for (auto& l : lists) {
    const auto hits = static_cast<int64_t>(l.size());
    double idf = std::log((static_cast<int64_t>(n) - hits + 0.5) /
                          (static_cast<double>(hits) + 0.5));
    if (idf <= 0.0) idf = 1e-6;
    index->idf_.push_back(idf);
    index->post_begin_.push_back(index->post_doc_.size());
    const uint64_t first_block = index->block_last_doc_.size();
    index->block_begin_.push_back(first_block);
    double term_best = 0;
    for (size_t i = 0; i < l.size(); i += kBlock) {
      double best = 0;
      const size_t e = std::min<size_t>(l.size(), i + kBlock);
      for (size_t k = i; k < e; ++k) {
        const double w = static_cast<double>(l[k].tf);
        const double score =
            idf * ((w * (kK1 + 1.0)) / (w + index->norm_[l[k].doc]));
        best = std::max(best, score);
        // Rounded up, so it bounds the exact score from above.
        float impact = static_cast<float>(score);
        if (static_cast<double>(impact) < score) {
          impact = std::nextafter(impact, std::numeric_limits<float>::infinity());
        }
        index->post_doc_.push_back(l[k].doc);
        index->post_tf_.push_back(l[k].tf);
        index->post_impact_.push_back(impact);
        index->post_first_.push_back(l[k].first);
      }
      index->block_last_doc_.push_back(l[e - 1].doc);
      index->block_max_.push_back(best);
      term_best = std::max(term_best, best);
    }
    index->term_max_.push_back(term_best);
    const uint64_t blocks = index->block_last_doc_.size() - first_block;
    const size_t at = index->block_order_.size();
    for (uint64_t b = 0; b < blocks; ++b) {
      index->block_order_.push_back(static_cast<uint32_t>(b));
    }
    const double* maxima = index->block_max_.data() + first_block;
    std::stable_sort(index->block_order_.begin() + static_cast<ptrdiff_t>(at),
                     index->block_order_.end(),
                     [&](uint32_t a, uint32_t b) { return maxima[a] > maxima[b]; });
    std::vector<Entry>().swap(l);
  }
  index->post_begin_.push_back(index->post_doc_.size());
  index->block_begin_.push_back(index->block_last_doc_.size());
  // Bitmaps with rank counts for the terms in at least one document in
  // kDenseShare: membership of a document is then one bit test instead of
  // a search in a long list.
  const size_t words = (static_cast<size_t>(n) + 63) / 64;
  index->dense_of_.assign(index->idf_.size(), kNoDense);
  for (uint32_t t = 0; t < index->idf_.size(); ++t) {
    const uint64_t b = index->post_begin_[t], e = index->post_begin_[t + 1];
    if (e - b < 64 || (e - b) * kDenseShare < n) continue;
    const size_t at = index->dense_bits_.size();
    index->dense_of_[t] = static_cast<uint32_t>(at / words);
    index->dense_bits_.resize(at + words, 0);
    index->dense_rank_.resize(at + words, 0);
    for (uint64_t p = b; p < e; ++p) {
      const uint32_t d = index->post_doc_[p];
      index->dense_bits_[at + d / 64] |= uint64_t{1} << (d % 64);
    }
    uint32_t count = 0;
    for (size_t w = 0; w < words; ++w) {
      index->dense_rank_[at + w] = count;
      count += static_cast<uint32_t>(__builtin_popcountll(index->dense_bits_[at + w]));
    }
  }
  index->docs_ = std::move(docs);
  return std::shared_ptr<const SearchIndex>(std::move(index));
}

size_t SearchIndex::MemoryBytes() const {
  size_t b = 0;
  for (const auto& d : docs_) {
    b += d.id.capacity() + d.title.capacity() + d.source.capacity() +
         d.text.capacity() + sizeof(SearchDoc);
  }
  for (const auto& [k, v] : term_ids_) b += k.capacity() + 48;
  b += norm_.capacity() * 8 + idf_.capacity() * 8 + post_begin_.capacity() * 8 +
       term_max_.capacity() * 8 + post_doc_.capacity() * 4 +
       post_tf_.capacity() * 4 + post_first_.capacity() * 4 +
       post_impact_.capacity() * 4 +
       block_begin_.capacity() * 8 + block_last_doc_.capacity() * 4 +
       block_max_.capacity() * 8 + block_order_.capacity() * 4 +
       dense_of_.capacity() * 4 + dense_bits_.capacity() * 8 +
       dense_rank_.capacity() * 4;
  return b;
}

Result<std::vector<store::SearchHit>> SearchIndex::Search(
    std::string_view query, size_t limit,
    store::TextTokenizer* tokenizer) const {
  // Words as Store::Search splits them; each must be exactly one token.
  std::vector<std::string> words;
  size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() &&
           (query[i] == ' ' || query[i] == '\t' || query[i] == '\n')) {
      ++i;
    }
    size_t j = i;
    while (j < query.size() && query[j] != ' ' && query[j] != '\t' &&
           query[j] != '\n') {
      ++j;
    }
    if (j > i) {
      if (words.size() == std::min<size_t>(options_.max_query_words, 32)) {
        return InvalidArgument("search query has more than " +
                               std::to_string(options_.max_query_words) +
                               " words");
      }
      int count = 0;
      std::string token;
      SYN_RETURN_IF_ERROR(tokenizer->Tokenize(
          query.substr(i, j - i), [&](std::string_view t, uint32_t, uint32_t) {
            if (++count == 1) token.assign(t);
            return count < 2;
          }));
      if (count != 1) {
        return NotSupported("query word '" + std::string(query.substr(i, j - i)) +
                            "' is not one token");
      }
      words.push_back(std::move(token));
    }
    i = j;
  }
  if (words.empty()) return InvalidArgument("empty search query");

  std::vector<store::SearchHit> out;
  if (limit == 0) return out;
  std::vector<uint32_t> terms;  // per word
  for (const auto& w : words) {
    auto it = term_ids_.find(w);
    if (it == term_ids_.end()) return out;  // every word is required
    terms.push_back(it->second);
  }
  std::vector<uint32_t> distinct = terms;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  auto length = [&](uint32_t t) { return post_begin_[t + 1] - post_begin_[t]; };
  const uint32_t driver = *std::min_element(
      distinct.begin(), distinct.end(),
      [&](uint32_t a, uint32_t b) { return length(a) < length(b); });
  // The other terms, and for the block at hand the postings of theirs that
  // can hold its documents.
  struct Other {
    uint32_t term;
    double bound;         // best score over the current block's documents
    uint64_t pos, end;    // postings range over those documents
    const uint64_t* bits;  // the term's bitmap, if it has one
    const uint32_t* rank;  // set bits before each bitmap word
  };
  std::vector<Other> others;
  const size_t bitmap_words = (docs_.size() + 63) / 64;
  for (uint32_t t : distinct) {
    if (t == driver) continue;
    Other o{t, 0, 0, 0, nullptr, nullptr};
    if (dense_of_[t] != kNoDense) {
      o.bits = dense_bits_.data() + dense_of_[t] * bitmap_words;
      o.rank = dense_rank_.data() + dense_of_[t] * bitmap_words;
    }
    others.push_back(o);
  }
  // Per word: its entry in `others` (or -1 for the driver).
  auto OtherIndex = [&](uint32_t t) {
    size_t k = 0;
    while (others[k].term != t) ++k;
    return k;
  };
  std::vector<int> other_of(terms.size(), -1);
  for (size_t w = 0; w < terms.size(); ++w) {
    if (terms[w] != driver) other_of[w] = static_cast<int>(OtherIndex(terms[w]));
  }
  const uint32_t* docs = post_doc_.data();

  std::vector<Hit> heap;  // worst hit at the front once full
  heap.reserve(limit + 1);
  const uint64_t first_block = block_begin_[driver];
  const uint64_t blocks = block_begin_[driver + 1] - first_block;
  for (uint64_t k = 0; k < blocks; ++k) {
    const uint64_t blk = first_block + block_order_[first_block + k];
    const double bm = block_max_[blk];
    const bool full = heap.size() == limit;
    if (full) {
      // Blocks come best first: once no later one can win, stop.
      double loose = 0;
      for (size_t w = 0; w < terms.size(); ++w) {
        loose += other_of[w] < 0 ? bm : term_max_[terms[w]];
      }
      if (loose <= heap.front().score) break;
    }
    const uint64_t p0 = post_begin_[driver] + (blk - first_block) * kBlock;
    const uint64_t p1 = std::min(p0 + kBlock, post_begin_[driver + 1]);
    const uint32_t lo = docs[p0], hi = block_last_doc_[blk];
    bool possible = true;
    for (Other& o : others) {
      const uint64_t b0 = block_begin_[o.term], b1 = block_begin_[o.term + 1];
      uint64_t ob = static_cast<uint64_t>(
          std::lower_bound(block_last_doc_.begin() + static_cast<ptrdiff_t>(b0),
                           block_last_doc_.begin() + static_cast<ptrdiff_t>(b1),
                           lo) -
          block_last_doc_.begin());
      o.bound = -1;
      o.pos = post_begin_[o.term] + (ob - b0) * kBlock;
      for (; ob < b1; ++ob) {
        const uint64_t first = post_begin_[o.term] + (ob - b0) * kBlock;
        if (docs[first] > hi) break;
        o.bound = std::max(o.bound, block_max_[ob]);
      }
      o.end = std::min(post_begin_[o.term] + (ob - b0) * kBlock,
                       post_begin_[o.term + 1]);
      if (o.bound < 0) {
        possible = false;  // no document of this block holds the term
        break;
      }
    }
    if (!possible) continue;
    if (full) {
      double tight = 0;
      for (size_t w = 0; w < terms.size(); ++w) {
        tight += other_of[w] < 0
                     ? bm
                     : others[static_cast<size_t>(other_of[w])].bound;
      }
      if (tight <= heap.front().score) continue;
    }
    // With a full heap, a posting whose own score plus the other words'
    // bounds cannot win is passed over before any look-up.
    double others_bound = 0;
    for (size_t w = 0; w < terms.size(); ++w) {
      if (other_of[w] >= 0) {
        others_bound += others[static_cast<size_t>(other_of[w])].bound;
      }
    }
    size_t driver_words = 0;
    for (int o : other_of) driver_words += o < 0 ? 1 : 0;
    const float* impact = post_impact_.data();
    for (uint64_t p = p0; p < p1; ++p) {
      const uint32_t d = docs[p];
      if (heap.size() == limit) {
        // Impacts bound the exact scores from above; the margin covers the
        // rounding of the sums.
        if (static_cast<double>(impact[p]) * static_cast<double>(driver_words) +
                others_bound <
            heap.front().score * (1 - 1e-9)) {
          continue;
        }
      }
      bool match = true, done = false;
      for (Other& o : others) {
        if (o.bits != nullptr) {
          // A frequent term: its bitmap answers, its rank finds the posting.
          const uint64_t word = o.bits[d >> 6];
          const uint64_t below = word & ((uint64_t{1} << (d & 63)) - 1);
          if (!((word >> (d & 63)) & 1)) {
            match = false;
            break;
          }
          o.pos = post_begin_[o.term] + o.rank[d >> 6] +
                  static_cast<uint64_t>(__builtin_popcountll(below));
          continue;
        }
        o.pos = Advance(docs, o.pos, o.end, d);
        if (o.pos == o.end) {
          done = true;  // later documents of the block are larger still
          break;
        }
        if (docs[o.pos] != d) {
          match = false;
          break;
        }
      }
      if (done) break;
      if (!match) continue;
      // Summed word by word in query order, as fts5_aux.c sums phrases.
      double score = 0;
      for (size_t w = 0; w < terms.size(); ++w) {
        const uint64_t q =
            other_of[w] < 0 ? p : others[static_cast<size_t>(other_of[w])].pos;
        const double f = static_cast<double>(post_tf_[q]);
        score += idf_[terms[w]] * ((f * (kK1 + 1.0)) / (f + norm_[d]));
      }
      Hit h{score, d, kNoOffset, 0};
      for (size_t k = 0; k < distinct.size(); ++k) {
        const uint32_t t = distinct[k];
        const uint64_t q = t == driver ? p : others[OtherIndex(t)].pos;
        if (post_first_[q] != kNoOffset) {
          h.in_text |= 1u << k;
          h.first = std::min(h.first, post_first_[q]);
        }
      }
      if (heap.size() < limit) {
        heap.push_back(h);
        std::push_heap(heap.begin(), heap.end(), Better);
      } else if (Better(h, heap.front())) {
        std::pop_heap(heap.begin(), heap.end(), Better);
        heap.back() = h;
        std::push_heap(heap.begin(), heap.end(), Better);
      }
    }
  }
  std::sort(heap.begin(), heap.end(), Better);
  std::vector<std::string_view> distinct_words;  // parallel to `distinct`
  for (uint32_t t : distinct) {
    const size_t w = static_cast<size_t>(
        std::find(terms.begin(), terms.end(), t) - terms.begin());
    distinct_words.push_back(words[w]);
  }
  out.reserve(heap.size());
  for (const Hit& h : heap) {
    const SearchDoc& d = docs_[h.doc];
    out.push_back(store::SearchHit{d.id, d.title, d.source,
                                   Snippet(d, h.first, h.in_text, distinct_words,
                                           tokenizer),
                                   -h.score});
  }
  return out;
}

// A window of snippet_tokens tokens of the text holding as many distinct
// query words as any window does (the earliest such), matched words in
// [ ], "…" where text is cut off. Tokenizes from shortly before the first
// occurrence of any query word (known from the postings) and no further
// than needed: until every word that occurs in the text was seen and a full
// window after that, or snippet_scan_tokens, so that a snippet costs a few
// dozen tokens however far apart the words are.
std::string SearchIndex::Snippet(const SearchDoc& doc, uint32_t start,
                                 uint32_t in_text,
                                 const std::vector<std::string_view>& distinct,
                                 store::TextTokenizer* tokenizer) const {
  struct Tok {
    uint32_t begin, end;
    int word;  // index into words, or -1
  };
  // The distinct words that occur in the text (not only in the title).
  std::vector<std::string_view> words;
  for (size_t k = 0; k < distinct.size(); ++k) {
    if (in_text & (1u << k)) words.push_back(distinct[k]);
  }
  size_t unseen = words.size();
  // Back up for a few words of lead-in, to a space where there is one.
  size_t from = 0;
  if (start != kNoOffset && start > 0) {
    from = start > 80 ? start - 80 : 0;
    size_t k = from;
    while (k < start && !IsSpace(doc.text[k])) ++k;
    if (k < start) {
      from = k;
    } else {
      // No space: at least start on a character, not inside one.
      while (from < start &&
             (static_cast<unsigned char>(doc.text[from]) & 0xC0) == 0x80) {
        ++from;
      }
    }
  }
  const size_t window = std::max<size_t>(1, options_.snippet_tokens);
  // The lead-in tokens before the first match, then the scan allowance.
  const size_t scan_cap = std::max(window, options_.snippet_scan_tokens) + 16;
  std::vector<Tok> toks;
  size_t all_seen_at = 0;
  std::vector<char> seen(words.size(), 0);
  bool stopped = false;
  const auto base = static_cast<uint32_t>(from);
  const Status st = tokenizer->Tokenize(
      std::string_view(doc.text).substr(from),
      [&](std::string_view t, uint32_t b, uint32_t e) {
        if (unseen == 0 && toks.size() >= all_seen_at + window) {
          stopped = true;
          return false;
        }
        if (toks.size() >= scan_cap) {
          stopped = true;
          return false;
        }
        int w = -1;
        for (size_t k = 0; k < words.size(); ++k) {
          if (words[k] == t) {
            w = static_cast<int>(k);
            break;
          }
        }
        if (w >= 0 && !seen[static_cast<size_t>(w)]) {
          seen[static_cast<size_t>(w)] = 1;
          if (--unseen == 0) all_seen_at = toks.size();
        }
        toks.push_back(Tok{base + b, base + e, w});
        return true;
      });
  if (!st.ok() || toks.empty()) return std::string();

  size_t best_start = 0, best_count = 0;
  std::vector<char> in(words.size());
  for (size_t s = 0; s < toks.size(); ++s) {
    if (toks[s].word < 0) continue;
    std::fill(in.begin(), in.end(), 0);
    size_t count = 0;
    for (size_t k = s; k < std::min(toks.size(), s + window); ++k) {
      const int w = toks[k].word;
      if (w >= 0 && !in[static_cast<size_t>(w)]) {
        in[static_cast<size_t>(w)] = 1;
        ++count;
      }
    }
    if (count > best_count) {
      best_count = count;
      best_start = s;
    }
  }
  // Up to three tokens of lead-in before the first match, taken from the
  // window's unmatched tail.
  if (best_count > 0) {
    size_t last = best_start;
    for (size_t k = best_start; k < std::min(toks.size(), best_start + window);
         ++k) {
      if (toks[k].word >= 0) last = k;
    }
    const size_t slack = best_start + window - 1 - last;
    best_start -= std::min({best_start, slack, size_t{3}});
  }
  const size_t end = std::min(toks.size(), best_start + window);
  std::string out;
  if (best_start > 0 || from > 0) out += "… ";
  for (size_t k = best_start; k < end; ++k) {
    if (k > best_start) {
      AppendCollapsed(&out, std::string_view(doc.text).substr(
                                toks[k - 1].end, toks[k].begin - toks[k - 1].end));
    }
    const std::string_view word =
        std::string_view(doc.text).substr(toks[k].begin, toks[k].end - toks[k].begin);
    if (toks[k].word >= 0) {
      out += '[';
      out += word;
      out += ']';
    } else {
      out += word;
    }
  }
  if (end < toks.size() || stopped) {
    out += " …";
  } else {
    // The text's own closing punctuation after its last token.
    AppendCollapsed(&out, std::string_view(doc.text).substr(toks[end - 1].end));
    while (!out.empty() && out.back() == ' ') out.pop_back();
  }
  return out;
}

}  // namespace synoptic::serve
