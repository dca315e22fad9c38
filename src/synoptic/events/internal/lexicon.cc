// Parsing of the events lexicon TSV files and the small rule lemmatiser.
//
// The lemmatiser only needs to map inflected forms onto lemmas the lexicon
// knows (pattern words and cue words), so it tries the irregular table, then
// a handful of English suffix rules, and accepts a candidate only when it is
// a known lemma. Unknown words come back unchanged.
#include "synoptic/events/internal/lexicon.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <utility>

namespace synoptic::events {

using internal::Alternative;
using internal::CueKind;
using internal::Pattern;
using internal::Phrase;

namespace {

constexpr size_t kMaxWordBytes = 48;

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, p - start));
    start = p + 1;
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' '))
    s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s;
}

// Calls fn(line_number, line) for each non-empty, non-comment line; checks
// that the first line is the expected "# synoptic <name> v1" header.
template <typename Fn>
Status ForEachRow(std::string_view text, std::string_view name, Fn fn) {
  std::string header = "# synoptic " + std::string(name) + " v1";
  if (text.substr(0, header.size()) != header) {
    if (text.substr(0, 11 + name.size()) == "# synoptic " + std::string(name)) {
      return NotSupported(std::string(name) + ": unknown format version");
    }
    return Corrupt(std::string(name) + ": missing '" + header + "' header");
  }
  uint32_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    SYN_RETURN_IF_ERROR(fn(line_no, line));
  }
  return Status::Ok();
}

Status RowError(std::string_view file, uint32_t line, std::string_view why) {
  return Corrupt(std::string(file) + " line " + std::to_string(line) + ": " +
                 std::string(why));
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  for (std::string_view w : Split(s, ' ')) {
    if (!w.empty()) out.emplace_back(w);
  }
  return out;
}

}  // namespace

Result<std::shared_ptr<const EventLexicon>> EventLexicon::Parse(
    std::string_view verbs_tsv, std::string_view cues_tsv,
    std::string_view forms_tsv,
    std::shared_ptr<const internal::ParseModels> parse,
    std::shared_ptr<const internal::SourceRanker> source_ranker,
    std::shared_ptr<const internal::CueModel> cue_model, bool parse_events,
    bool parse_quotes) {
  std::shared_ptr<EventLexicon> lex(new EventLexicon());
  lex->parse_ = std::move(parse);
  lex->parse_events_ = parse_events;
  lex->parse_quotes_ = parse_quotes;
  lex->source_ranker_ = std::move(source_ranker);
  lex->cue_model_ = std::move(cue_model);

  SYN_RETURN_IF_ERROR(ForEachRow(
      verbs_tsv, "events_verbs",
      [&](uint32_t line, std::string_view row) -> Status {
        std::vector<std::string_view> cols = Split(row, '\t');
        if (cols.size() != 7)
          return RowError("events_verbs", line, "need 7 columns");
        Pattern p;
        p.order = line;
        if (cols[0] == "V") {
          p.noun = false;
        } else if (cols[0] == "N") {
          p.noun = true;
        } else {
          return RowError("events_verbs", line, "kind must be V or N");
        }
        std::vector<std::string_view> elems = Split(cols[1], ' ');
        int head = -1;
        for (std::string_view e : elems) {
          if (e.empty()) return RowError("events_verbs", line, "empty element");
          // Actor slots: '$' source, '+' target, before the next element.
          if (e == "$" || e == "+") {
            int8_t& slot = e == "$" ? p.source_slot : p.target_slot;
            if (slot >= 0 || p.elements.size() > 60)
              return RowError("events_verbs", line, "bad actor slot");
            slot = static_cast<int8_t>(p.elements.size());
            continue;
          }
          // '~' skips one phrase (PETRARCH's '^' after the verb): it
          // cannot start a row.
          if (e == "~" && p.elements.empty())
            return RowError("events_verbs", line, "row starts with a skip");
          if (e.front() == '^') {
            head = static_cast<int>(p.elements.size());
            e.remove_prefix(1);
          }
          std::vector<Alternative> alts;
          for (std::string_view a : Split(e, '|')) {
            if (a.empty())
              return RowError("events_verbs", line, "empty alternative");
            Alternative words;
            for (std::string_view w : Split(a, '_')) {
              if (w.empty() || w.size() > kMaxWordBytes) {
                return RowError("events_verbs", line, "bad word");
              }
              words.emplace_back(w);
              lex->known_.emplace(w);
            }
            alts.push_back(std::move(words));
          }
          p.elements.push_back(std::move(alts));
        }
        if (p.elements.empty())
          return RowError("events_verbs", line, "no pattern element");
        p.head =
            head >= 0
                ? static_cast<uint32_t>(head)
                : (p.noun ? static_cast<uint32_t>(p.elements.size() - 1) : 0);
        p.type = std::string(cols[2]);
        p.code = cols[3] == "-" ? std::string() : std::string(cols[3]);
        for (char c : p.code) {
          if (c < '0' || c > '9')
            return RowError("events_verbs", line, "bad code");
        }
        int quad = -1;
        auto [qp, qec] = std::from_chars(cols[4].data(),
                                         cols[4].data() + cols[4].size(), quad);
        if (qec != std::errc() || qp != cols[4].data() + cols[4].size() ||
            quad < 0 || quad > 4) {
          return RowError("events_verbs", line, "quad must be 0..4");
        }
        p.quad = static_cast<uint8_t>(quad);
        // std::from_chars for double is available in GCC 12's libstdc++.
        double g = 0;
        auto [gp, gec] =
            std::from_chars(cols[5].data(), cols[5].data() + cols[5].size(), g);
        if (gec != std::errc() || gp != cols[5].data() + cols[5].size() ||
            g < -10.0 || g > 10.0) {
          return RowError("events_verbs", line,
                          "goldstein must be in [-10, 10]");
        }
        p.goldstein = g;
        if (cols[6] != "-") {
          for (std::string_view f : Split(cols[6], ',')) {
            if (f == "target") {
              p.needs_target = true;
            } else if (f == "sym") {
              p.symmetric = true;
            } else if (f == "imported") {
              p.imported = true;
            } else if (f.starts_with("pair:") && f.size() >= 7 &&
                       f.size() <= 9 &&
                       std::all_of(f.begin() + 5, f.end(), [](char c) {
                         return c >= '0' && c <= '9';
                       })) {
              p.pair_code = std::string(f.substr(5));
            } else {
              return RowError("events_verbs", line, "unknown flag");
            }
          }
        }
        lex->patterns_.push_back(std::move(p));
        return Status::Ok();
      }));
  if (lex->patterns_.empty()) return Corrupt("events_verbs: no patterns");

  static constexpr std::array<std::pair<std::string_view, CueKind>, 14> kKinds{{
      {"speech", CueKind::kSpeech},
      {"that_speech", CueKind::kThatSpeech},
      {"belief", CueKind::kBelief},
      {"negation", CueKind::kNegation},
      {"neg_verb", CueKind::kNegVerb},
      {"planned", CueKind::kPlanned},
      {"plan_adj", CueKind::kPlanAdj},
      {"speculated", CueKind::kSpeculated},
      {"hypothetical", CueKind::kHypothetical},
      {"reported", CueKind::kReported},
      {"source", CueKind::kSource},
      {"expert", CueKind::kExpert},
      {"role", CueKind::kRole},
      {"reciprocal", CueKind::kReciprocal},
  }};
  SYN_RETURN_IF_ERROR(ForEachRow(
      cues_tsv, "events_cues",
      [&](uint32_t line, std::string_view row) -> Status {
        std::vector<std::string_view> cols = Split(row, '\t');
        if (cols.size() != 2)
          return RowError("events_cues", line, "need 2 columns");
        auto it =
            std::find_if(kKinds.begin(), kKinds.end(),
                         [&](const auto& k) { return k.first == cols[0]; });
        if (it == kKinds.end())
          return RowError("events_cues", line, "unknown kind");
        Phrase words = Words(cols[1]);
        if (words.empty()) return RowError("events_cues", line, "empty phrase");
        for (const std::string& w : words) lex->known_.insert(w);
        if (it->second == CueKind::kNegVerb ||
            it->second == CueKind::kPlanned ||
            it->second == CueKind::kSpeculated ||
            it->second == CueKind::kHypothetical ||
            it->second == CueKind::kBelief) {
          for (const std::string& w : words) lex->modality_words_.insert(w);
        }
        size_t k = static_cast<size_t>(it->second);
        if (words.size() == 1) lex->single_[k].insert(words[0]);
        lex->phrases_[k].push_back(std::move(words));
        return Status::Ok();
      }));

  SYN_RETURN_IF_ERROR(ForEachRow(
      forms_tsv, "events_forms",
      [&](uint32_t line, std::string_view row) -> Status {
        std::vector<std::string_view> cols = Split(row, '\t');
        if (cols.size() != 2 || cols[0].empty() || cols[1].empty()) {
          return RowError("events_forms", line, "need form<TAB>lemma");
        }
        lex->forms_.emplace(std::string(cols[0]), std::string(cols[1]));
        return Status::Ok();
      }));
  for (const auto& [form, lemma] : lex->forms_) lex->known_.insert(lemma);

  // Index by the first word of each alternative of the first element,
  // longest patterns first so that "sign agreement" beats "sign".
  std::vector<uint32_t> order(lex->patterns_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  // Our own rows before imported ones (the coder relies on this order).
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const Pattern& pa = lex->patterns_[a];
    const Pattern& pb = lex->patterns_[b];
    if (pa.imported != pb.imported) return pb.imported;
    return pa.elements.size() > pb.elements.size();
  });
  for (uint32_t i : order) {
    for (const Alternative& alt : lex->patterns_[i].elements[0]) {
      std::vector<uint32_t>& v = lex->by_first_[alt[0]];
      if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
    }
  }

  // Self-check: the lemmatiser must reach the lexicon's own lemmas.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 3>
      kSelfTest{{{"met", "meet"}, {"signed", "sign"}, {"visited", "visit"}}};
  for (const auto& [form, lemma] : kSelfTest) {
    if (lex->Known(lemma) && lex->Lemma(form) != lemma) {
      return Corrupt("events lexicon self-test failed: " + std::string(form));
    }
  }
  return std::shared_ptr<const EventLexicon>(std::move(lex));
}

std::string_view EventLexicon::Lemma(std::string_view w) const {
  if (auto it = forms_.find(w); it != forms_.end()) return it->second;
  // Suffix rules run before the known-word check so that "meeting" and
  // "bombing" reach their verbs; the nominal patterns also match the
  // lowercase form, so nothing is lost for nouns.
  if (w.size() < 4 || w.size() > kMaxWordBytes) return w;
  std::array<char, kMaxWordBytes + 4> buf;
  auto try_candidate = [&](size_t keep,
                           std::string_view add) -> const std::string* {
    std::memcpy(buf.data(), w.data(), keep);
    std::memcpy(buf.data() + keep, add.data(), add.size());
    auto it = known_.find(std::string_view(buf.data(), keep + add.size()));
    return it == known_.end() ? nullptr : &*it;
  };
  auto ends = [&](std::string_view suf) {
    return w.size() > suf.size() + 1 && w.substr(w.size() - suf.size()) == suf;
  };
  const std::string* hit = nullptr;
  size_t n = w.size();
  auto doubled = [&](size_t cut) {
    return n > cut + 2 && w[n - cut - 1] == w[n - cut - 2];
  };
  if (ends("ies") || ends("ied")) hit = try_candidate(n - 3, "y");
  if (!hit && ends("es")) hit = try_candidate(n - 2, "");
  if (!hit && ends("s") && !ends("ss")) hit = try_candidate(n - 1, "");
  if (!hit && ends("ed")) {
    hit = try_candidate(n - 2, "");
    if (!hit) hit = try_candidate(n - 1, "");  // "agreed" -> "agree", "used"
    if (!hit && doubled(2)) hit = try_candidate(n - 3, "");
  }
  if (!hit && ends("ing")) {
    hit = try_candidate(n - 3, "");
    if (!hit) hit = try_candidate(n - 3, "e");
    if (!hit && doubled(3)) hit = try_candidate(n - 4, "");
  }
  if (hit) return *hit;
  if (auto it = known_.find(w); it != known_.end()) return *it;
  return w;
}

const std::vector<uint32_t>* EventLexicon::PatternsStartingWith(
    std::string_view word) const {
  auto it = by_first_.find(word);
  return it == by_first_.end() ? nullptr : &it->second;
}

bool EventLexicon::IsCue(CueKind kind, std::string_view word) const {
  return single_[static_cast<size_t>(kind)].count(word) != 0;
}

}  // namespace synoptic::events
