// Training of the named-entity tagger (ner_model.h): corpus readers, the
// gazetteer builder and the averaged perceptron.
//
// Corpora and how their types map onto the model's classes (NerClass):
//   GUM (CoNLL-U, nested `Entity=` brackets): a mention is a name when its
//     annotated minimal span (its head words), without leading determiners,
//     begins and ends with a PROPN, exactly the gold of eval/nlp/eval_ner;
//     person -> PERSON, organization -> ORG, place -> PLACE, event -> EVENT,
//     abstract and object names -> MISC; time, substance, animal, plant
//     names are left O. Of overlapping names the longest is kept (the
//     tagger produces no nested entities).
//   WNUT-17: person -> PERSON, corporation and group -> ORG, location ->
//     PLACE, product and creative-work -> MISC.
//   CoNLL-2003 style (Wikigold): PER, ORG, LOC -> PLACE, MISC.
// PLACE is split into GPE / LOC / FAC after tagging (NerEntityType).
//
// Averaging uses the trick of Daumé (2006): besides the weights w, u sums
// step * update, and the average over all steps is w - u / steps.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <unordered_map>

#include "synoptic/ingest/reader.h"
#include "synoptic/nlp/internal/ner_internal.h"
#include "synoptic/nlp/internal/nlp_internal.h"
#include "synoptic/nlp/pos_model.h"

namespace synoptic::nlp {
namespace {

using internal::kNerLabels;


struct TrainSent {
  std::vector<std::string> words;
  std::vector<Pos> pos;
  std::vector<int> gold;  // labels
};
struct TrainDoc {
  std::vector<TrainSent> sents;
};

struct Span {
  size_t first, end;  // words, [first, end)
  NerClass cls;
};

void SetLabels(const std::vector<Span>& spans, TrainSent* s) {
  s->gold.assign(s->words.size(), 0);
  for (const Span& sp : spans) {
    if (sp.end - sp.first == 1) {
      s->gold[sp.first] = internal::NerLabel(sp.cls, internal::kU);
      continue;
    }
    for (size_t k = sp.first; k < sp.end; ++k) {
      s->gold[k] = internal::NerLabel(
          sp.cls, k == sp.first ? internal::kB : k + 1 == sp.end ? internal::kL : internal::kI);
    }
  }
}

// Keeps the longest of overlapping spans.
std::vector<Span> NonOverlapping(std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.end - a.first != b.end - b.first ? a.end - a.first > b.end - b.first
                                              : a.first < b.first;
  });
  std::vector<Span> kept;
  for (const Span& s : spans) {
    bool clash = false;
    for (const Span& k : kept) clash = clash || (s.first < k.end && k.first < s.end);
    if (!clash) kept.push_back(s);
  }
  return kept;
}

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find(sep, b);
    if (e == std::string_view::npos) e = s.size();
    out.emplace_back(s.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

// ---- GUM ----

Result<TrainDoc> ReadGumDoc(Env* env, const std::string& path) {
  SYN_ASSIGN_OR_RETURN(std::string text, env->ReadFile(path, uint64_t{64} << 20));
  struct Open {
    std::string id, type;
    size_t first;
    int min_lo, min_hi;
  };
  struct Raw {
    size_t first, last;
    std::string type;
    int min_lo, min_hi;
  };
  std::vector<std::string> words, upos;
  std::vector<size_t> sent_end;  // word index one past each sentence
  std::vector<Open> open;
  std::vector<Raw> raw;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (sent_end.empty() ? !words.empty() : sent_end.back() != words.size()) {
        sent_end.push_back(words.size());
      }
      continue;
    }
    if (line[0] == '#') continue;
    const std::vector<std::string> f = SplitOn(line, '\t');
    if (f.size() < 10 || f[0].find_first_of("-.") != std::string::npos) continue;
    const size_t idx = words.size();
    words.push_back(f[1]);
    upos.push_back(f[3]);
    const size_t e = f[9].find("Entity=");
    if (e == std::string::npos) continue;
    std::string spec = f[9].substr(e + 7);
    spec = spec.substr(0, spec.find('|'));
    size_t i = 0;
    while (i < spec.size()) {
      if (spec[i] == '(') {
        size_t j = i + 1;
        while (j < spec.size() && spec[j] != '(' && spec[j] != ')') ++j;
        const std::vector<std::string> parts = SplitOn(spec.substr(i + 1, j - i - 1), '-');
        Open o{parts[0], parts.size() > 1 ? parts[1] : "", idx, 0, 0};
        if (parts.size() >= 6) {
          // The minimal span may list discontinuous head words ("1,2,3,10,11"
          // for "John Cam Hobhouse, ..., 1st Baron"): the name is the first
          // run of consecutive positions.
          std::vector<int> pos;
          for (const std::string& n : SplitOn(parts[5], ',')) {
            const int v = std::atoi(n.c_str());
            if (v > 0) pos.push_back(v);
          }
          std::sort(pos.begin(), pos.end());
          if (!pos.empty()) {
            o.min_lo = o.min_hi = pos[0];
            for (size_t q = 1; q < pos.size() && pos[q] == o.min_hi + 1; ++q) o.min_hi = pos[q];
          }
        }
        if (j < spec.size() && spec[j] == ')') {
          raw.push_back({idx, idx, o.type, o.min_lo, o.min_hi});
          ++j;
        } else {
          open.push_back(o);
        }
        i = j;
      } else if (spec[i] >= '0' && spec[i] <= '9') {
        size_t j = i;
        while (j < spec.size() && spec[j] != ')' && spec[j] != '(') ++j;
        const std::string id = spec.substr(i, j - i);
        for (size_t k = open.size(); k-- > 0;) {
          if (open[k].id == id) {
            raw.push_back({open[k].first, idx, open[k].type, open[k].min_lo, open[k].min_hi});
            open.erase(open.begin() + static_cast<long>(k));
            break;
          }
        }
        i = j + 1;
      } else {
        ++i;
      }
    }
  }
  if (sent_end.empty() || sent_end.back() != words.size()) sent_end.push_back(words.size());
  std::vector<Span> names;
  for (Raw m : raw) {
    NerClass cls;
    if (m.type == "person") cls = NerClass::kPerson;
    else if (m.type == "organization") cls = NerClass::kOrg;
    else if (m.type == "place") cls = NerClass::kPlace;
    else if (m.type == "event") cls = NerClass::kEvent;
    else if (m.type == "abstract" || m.type == "object") cls = NerClass::kMisc;
    else continue;
    if (m.min_lo > 0) {
      const size_t a = m.first + static_cast<size_t>(m.min_lo) - 1;
      const size_t b = m.first + static_cast<size_t>(m.min_hi) - 1;
      if (b > m.last) continue;
      m.first = a;
      m.last = b;
    }
    while (m.first < m.last && upos[m.first] == "DET") ++m.first;
    if (upos[m.first] != "PROPN" || upos[m.last] != "PROPN") continue;
    if (m.last - m.first >= 10) continue;
    names.push_back({m.first, m.last + 1, cls});
  }
  names = NonOverlapping(std::move(names));
  TrainDoc doc;
  size_t begin = 0;
  for (size_t end : sent_end) {
    TrainSent s;
    for (size_t k = begin; k < end; ++k) s.words.push_back(words[k]);
    std::vector<Span> local;
    for (const Span& sp : names) {
      if (sp.first >= begin && sp.end <= end) local.push_back({sp.first - begin, sp.end - begin, sp.cls});
    }
    SetLabels(local, &s);
    if (!s.words.empty()) doc.sents.push_back(std::move(s));
    begin = end;
  }
  return doc;
}

// ---- BIO / IO files ----

// `docstart`: -DOCSTART- lines separate documents (else each sentence is
// one). Tags not in type_map are O.
Result<std::vector<TrainDoc>> ReadBio(Env* env, const std::string& path,
                                      const std::map<std::string, NerClass>& type_map,
                                      bool docstart) {
  SYN_ASSIGN_OR_RETURN(std::string text, env->ReadFile(path, uint64_t{256} << 20));
  std::vector<TrainDoc> docs(1);
  TrainSent cur;
  std::vector<Span> spans;
  int open_cls = -1;
  size_t open_first = 0;
  const auto close = [&]() {
    if (open_cls >= 0) spans.push_back({open_first, cur.words.size(), static_cast<NerClass>(open_cls)});
    open_cls = -1;
  };
  const auto end_sentence = [&]() {
    close();
    if (!cur.words.empty()) {
      SetLabels(spans, &cur);
      docs.back().sents.push_back(std::move(cur));
      if (!docstart) docs.emplace_back();
    }
    cur = TrainSent();
    spans.clear();
  };
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> f;
    {
      std::string w;
      for (char c : line) {
        if (c == '\t' || c == ' ') {
          if (!w.empty()) f.push_back(std::move(w));
          w.clear();
        } else {
          w += c;
        }
      }
      if (!w.empty()) f.push_back(std::move(w));
    }
    if (f.empty()) {
      end_sentence();
      continue;
    }
    if (f[0] == "-DOCSTART-") {
      end_sentence();
      if (!docs.back().sents.empty()) docs.emplace_back();
      continue;
    }
    const std::string tag = f.size() > 1 ? f.back() : "O";
    int cls = -1;
    char prefix = 0;
    if (tag.size() > 2 && tag[1] == '-') {
      prefix = tag[0];
      const auto it = type_map.find(tag.substr(2));
      if (it != type_map.end()) cls = static_cast<int>(it->second);
    }
    const bool continues = cls >= 0 && prefix == 'I' && open_cls == cls;
    if (!continues) close();
    if (cls >= 0 && !continues) {
      open_cls = cls;
      open_first = cur.words.size();
    }
    cur.words.push_back(f[0]);
  }
  end_sentence();
  if (docs.back().sents.empty()) docs.pop_back();
  return docs;
}

// ---- gazetteer ----

class GazBuilder {
 public:
  void Add(std::string_view phrase, uint16_t bits) {
    std::vector<uint64_t> hashes;
    std::string w;
    const auto flush = [&]() {
      if (!w.empty()) hashes.push_back(internal::GazWordHash(w));
      w.clear();
    };
    for (char c : phrase) {
      if (c == ' ' || c == '_' || c == '\t') {
        flush();
      } else {
        w += c;
      }
    }
    flush();
    if (hashes.empty() || hashes.size() > internal::kGazMaxWords) return;
    map_[internal::GazPhraseKey(hashes.data(), hashes.size())] |= bits;
  }
  // A person's name: the whole, and its first and last words.
  void AddPerson(std::string_view name) {
    Add(name, internal::kGazPerson);
    std::vector<std::string> words;
    for (std::string& p : SplitOn(name, ' ')) {
      if (!p.empty()) words.push_back(std::move(p));
    }
    if (words.size() < 2) return;
    if (words.front().size() > 1 && words.front().back() != '.') Add(words.front(), internal::kGazFirstName);
    if (words.back().size() > 1) Add(words.back(), internal::kGazLastName);
  }
  internal::Gazetteer Build() const {
    internal::Gazetteer g;
    for (const auto& [k, b] : map_) {
      g.keys.push_back(k);
      g.bits.push_back(b);
    }
    return g;
  }
  size_t size() const { return map_.size(); }

 private:
  std::map<uint32_t, uint16_t> map_;
};

std::string Unders(std::string s) {
  // Phoenix "KU_KLUX_KLAN_(KKK)_" -> "KU KLUX KLAN"; parenthesised parts dropped.
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(') ++depth;
    else if (c == ')') depth = std::max(0, depth - 1);
    else if (depth == 0) out += c == '_' ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Phoenix actor files: an entry line "NAME_ [CODE ...]" or "NAME_" followed
// by indented "[CODE date]" lines and "+SYNONYM_" lines. `dated` entries
// (a code with a date range) are people.
void AddPhoenixActors(std::string_view text, uint16_t undated_bits, GazBuilder* g) {
  std::vector<std::string> names;
  bool dated = false;
  const auto flush = [&]() {
    for (const std::string& n : names) {
      if (n.size() < 2) continue;
      if (dated) g->AddPerson(n);
      else g->Add(n, undated_bits);
    }
    names.clear();
    dated = false;
  };
  for (std::string line : SplitOn(text, '\n')) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    const bool indented = line[0] == ' ' || line[0] == '\t';
    const size_t br = line.find('[');
    if (br != std::string::npos) {
      const std::string code = line.substr(br);
      if (code.find_first_of("0123456789") != std::string::npos) dated = true;
    }
    if (indented) continue;
    std::string head = line.substr(0, std::min(line.find_first_of(" \t["), line.size()));
    if (head.empty()) continue;
    if (head[0] == '+') {
      names.push_back(Unders(head.substr(1)));
      continue;
    }
    flush();
    if (br != std::string::npos) {
      const std::string code = line.substr(br);
      dated = code.find_first_of("0123456789") != std::string::npos;
    }
    names.push_back(Unders(head));
  }
  flush();
}

Status BuildGazetteer(Env* env, const NerTrainSources& src, GazBuilder* g) {
  const auto read = [&](const std::string& path, std::string* out) -> bool {
    auto r = env->ReadFile(path, uint64_t{64} << 20);
    if (!r.ok()) return false;
    *out = std::move(r).value();
    return true;
  };
  std::string text;
  if (!src.actors_kb.empty()) {
    if (!read(src.actors_kb, &text)) return NotFound(src.actors_kb + ": cannot read");
    for (const std::string& line : SplitOn(text, '\n')) {
      if (line.empty() || line[0] == '#') continue;
      const std::vector<std::string> f = SplitOn(line, '\t');
      const auto each = [&](size_t col, auto fn) {
        if (col < f.size()) {
          for (const std::string& x : SplitOn(f[col], '|')) {
            if (!x.empty()) fn(x);
          }
        }
      };
      if (f[0] == "country") {
        each(2, [&](const std::string& x) { g->Add(x, internal::kGazCountry); });
        each(3, [&](const std::string& x) { g->Add(x, internal::kGazCapital | internal::kGazCity); });
        each(4, [&](const std::string& x) { g->Add(x, internal::kGazDemonym); });
        each(5, [&](const std::string& x) { g->Add(x, internal::kGazCountry); });
      } else if (f[0] == "city") {
        each(2, [&](const std::string& x) { g->Add(x, internal::kGazCity); });
        each(3, [&](const std::string& x) { g->Add(x, internal::kGazCity); });
      } else if (f[0] == "org") {
        each(4, [&](const std::string& x) { g->Add(x, internal::kGazOrg); });
        each(5, [&](const std::string& x) { g->Add(x, internal::kGazOrg); });
      } else if (f[0] == "person") {
        each(2, [&](const std::string& x) { g->AddPerson(x); });
        each(4, [&](const std::string& x) { g->AddPerson(x); });
      }
    }
  }
  if (!src.lexicon.empty()) {
    if (!read(src.lexicon, &text)) return NotFound(src.lexicon + ": cannot read");
    for (const std::string& line : SplitOn(text, '\n')) {
      if (line.empty() || line[0] == '#') continue;
      const std::vector<std::string> f = SplitOn(line, '\t');
      if (f.size() < 3) continue;
      uint16_t bits = 0;
      for (const std::string& c : SplitOn(f[2], ',')) {
        if (c == "title") bits |= internal::kGazTitle;
        if (c == "org") bits |= internal::kGazOrgHead;
        if (c == "gpe" || c == "loc") bits |= internal::kGazPlaceHead;
        if (c == "month" || c == "weekday") bits |= internal::kGazTime;
      }
      if (bits == 0) continue;
      for (const std::string& w : SplitOn(f[0], '|')) {
        if (!w.empty()) g->Add(w, bits);
      }
    }
  }
  try {
    if (!src.iso_codes_dir.empty()) {
      if (read(src.iso_codes_dir + "/iso_3166-1.json", &text)) {
        const auto j = nlohmann::json::parse(text);
        for (const auto& c : j.value("3166-1", nlohmann::json::array())) {
          for (const char* k : {"name", "common_name", "official_name"}) {
            if (c.contains(k)) g->Add(c[k].get<std::string>(), internal::kGazCountry);
          }
        }
      }
      if (read(src.iso_codes_dir + "/iso_3166-2.json", &text)) {
        const auto j = nlohmann::json::parse(text);
        for (const auto& c : j.value("3166-2", nlohmann::json::array())) {
          if (c.contains("name")) g->Add(c["name"].get<std::string>(), internal::kGazRegion);
        }
      }
    }
    if (!src.gazetteers_dir.empty()) {
      const std::string d = src.gazetteers_dir;
      if (read(d + "/world-countries.json", &text)) {
        const auto j = nlohmann::json::parse(text);
        for (const auto& c : j) {
          const auto& n = c["name"];
          g->Add(n.value("common", ""), internal::kGazCountry);
          g->Add(n.value("official", ""), internal::kGazCountry);
          for (const auto& a : c.value("altSpellings", nlohmann::json::array())) {
            const std::string s = a.get<std::string>();
            if (s.size() > 3) g->Add(s, internal::kGazCountry);
          }
          for (const auto& a : c.value("capital", nlohmann::json::array())) {
            g->Add(a.get<std::string>(), internal::kGazCapital | internal::kGazCity);
          }
          if (c.contains("demonyms") && c["demonyms"].contains("eng")) {
            const auto& dm = c["demonyms"]["eng"];
            g->Add(dm.value("m", ""), internal::kGazDemonym);
            g->Add(dm.value("f", ""), internal::kGazDemonym);
          }
        }
      }
      if (read(d + "/geonames-countryInfo.txt", &text)) {
        for (const std::string& line : SplitOn(text, '\n')) {
          if (line.empty() || line[0] == '#') continue;
          const std::vector<std::string> f = SplitOn(line, '\t');
          if (f.size() < 6) continue;
          g->Add(f[4], internal::kGazCountry);
          g->Add(f[5], internal::kGazCapital | internal::kGazCity);
        }
      }
      if (read(d + "/world-leaders-wikidata.csv", &text)) {
        for (const std::string& line : SplitOn(text, '\n')) {
          const std::vector<std::string> f = SplitOn(line, ',');
          if (f.size() < 6) continue;
          const std::string& n = f[5];
          if (n.empty() || (n[0] == 'Q' && n.size() > 1 && n[1] >= '0' && n[1] <= '9')) continue;
          if (n == "officeholderLabel") continue;
          g->AddPerson(n);
        }
      }
      for (const char* file : {"/cities-json-geonames.json.gz", "/cities-json-geonames-admin1.json.gz"}) {
        auto r = env->ReadFile(d + file, uint64_t{256} << 20);
        if (!r.ok()) continue;
        auto json = ingest::Gunzip(*r, uint64_t{512} << 20);
        if (!json.ok()) return Corrupt(d + file + ": " + json.status().message());
        const auto j = nlohmann::json::parse(*json);
        const uint16_t bits = std::string_view(file).find("admin1") != std::string_view::npos
                                  ? internal::kGazRegion
                                  : internal::kGazCity;
        for (const auto& c : j) g->Add(c.value("name", ""), bits);
      }
    }
  } catch (const std::exception& e) {
    return Corrupt(std::string("gazetteer JSON: ") + e.what());
  }
  if (!src.petrarch_dir.empty()) {
    const std::string d = src.petrarch_dir;
    if (read(d + "/Phoenix.Countries.actors.txt", &text)) AddPhoenixActors(text, internal::kGazActor, g);
    if (read(d + "/Phoenix.International.actors.txt", &text)) AddPhoenixActors(text, internal::kGazOrg, g);
    if (read(d + "/Phoenix.MilNonState.actors.txt", &text)) AddPhoenixActors(text, internal::kGazOrg, g);
    if (read(d + "/Phoenix.agents.txt", &text)) {
      for (std::string line : SplitOn(text, '\n')) {
        if (line.empty() || line[0] == '#' || line[0] == ' ' || line[0] == '\t') continue;
        line = line.substr(0, std::min(line.find_first_of(" \t[{#"), line.size()));
        const size_t bang = line.find('!');
        if (bang != std::string::npos) line.resize(bang);
        if (!line.empty() && line[0] == '+') line.erase(0, 1);
        if (line.size() > 2) g->Add(Unders(line), internal::kGazAgent);
      }
    }
  }
  return Status::Ok();
}

// ---- the perceptron ----

struct TrainWeight {
  std::array<float, kNerLabels> w{};
  std::array<double, kNerLabels> u{};
  uint32_t count = 0;
};

class Trainer {
 public:
  void Scores(const uint64_t* feats, size_t n, bool averaged, std::array<double, kNerLabels>* s) const {
    s->fill(0);
    for (size_t k = 0; k < n; ++k) {
      const auto it = weights_.find(feats[k]);
      if (it == weights_.end()) continue;
      const TrainWeight& tw = it->second;
      for (int l = 0; l < kNerLabels; ++l) {
        (*s)[l] += averaged ? tw.w[l] - tw.u[l] / static_cast<double>(std::max<int64_t>(step_, 1))
                            : tw.w[l];
      }
    }
  }
  void AddScores(const uint64_t* feats, size_t n, bool averaged, double* s) const {
    for (size_t k = 0; k < n; ++k) {
      const auto it = weights_.find(feats[k]);
      if (it == weights_.end()) continue;
      const TrainWeight& tw = it->second;
      for (int l = 0; l < kNerLabels; ++l) {
        s[l] += averaged ? tw.w[l] - tw.u[l] / static_cast<double>(std::max<int64_t>(step_, 1))
                         : tw.w[l];
      }
    }
  }
  // One step of a sequence update: Add() calls follow, then nothing else.
  void Step() { ++step_; }
  void Add(const uint64_t* feats, size_t n, int label, float delta) {
    for (size_t k = 0; k < n; ++k) {
      TrainWeight& tw = weights_[feats[k]];
      ++tw.count;
      tw.w[label] += delta;
      tw.u[label] += delta * static_cast<double>(step_);
    }
  }
  void Update(const uint64_t* feats, size_t n, int gold, int guess) {
    ++step_;
    for (size_t k = 0; k < n; ++k) {
      TrainWeight& tw = weights_[feats[k]];
      if (gold == guess) continue;
      ++tw.count;
      tw.w[gold] += 1;
      tw.u[gold] += static_cast<double>(step_);
      tw.w[guess] -= 1;
      tw.u[guess] -= static_cast<double>(step_);
    }
  }
  void Collect(int min_count, std::vector<std::pair<uint64_t, std::array<float, kNerLabels>>>* kept,
               float* max_abs) const {
    for (const auto& [key, tw] : weights_) {
      if (tw.count < static_cast<uint32_t>(min_count)) continue;
      std::array<float, kNerLabels> avg{};
      bool any = false;
      for (int l = 0; l < kNerLabels; ++l) {
        avg[l] = static_cast<float>(tw.w[l] - tw.u[l] / static_cast<double>(step_));
        any |= std::fabs(avg[l]) > 1e-4f;
        *max_abs = std::max(*max_abs, std::fabs(avg[l]));
      }
      if (any) kept->emplace_back(key, avg);
    }
  }

 private:
  std::unordered_map<uint64_t, TrainWeight> weights_;
  int64_t step_ = 0;
};

int BestAllowed(const std::array<double, kNerLabels>& s, int prev, bool last) {
  int best = -1;
  for (int l = 0; l < kNerLabels; ++l) {
    if (!internal::NerAllowed(prev, l)) continue;
    if (last && l > 0 && (internal::LabelPart(l) == internal::kB || internal::LabelPart(l) == internal::kI)) continue;
    if (best < 0 || s[l] > s[best]) best = l;
  }
  return best;
}

// The best label the tagger can still choose after its own previous label
// (a dynamic oracle for greedy BILOU decoding): the gold label when the
// transition allows it; else, inside an entity the tagger opened, close it
// now (L); else, inside a gold entity whose start it missed, O. Training
// towards an unreachable gold label would never teach the tagger to close
// an entity it opened by mistake, and its mistakes would run on.
int Oracle(int prev, int gold) {
  if (internal::NerAllowed(prev, gold)) return gold;
  if (prev > 0 && (internal::LabelPart(prev) == internal::kB || internal::LabelPart(prev) == internal::kI)) {
    return internal::NerLabel(internal::LabelClass(prev), internal::kL);
  }
  return 0;
}

// Tags a document with the trainer (averaged or not), optionally updating
// it towards the gold labels; returns the predicted labels per sentence.
// Beam 1: greedy, each word updated towards the dynamic oracle's label.
// Wider: beam search with early update (the gold prefix against the best
// hypothesis when the gold prefix falls off the beam, or the whole sentence
// when the best final hypothesis is wrong), or with max_violation the
// whole sentence decoded and the prefixes updated at the word of the
// largest violation.
void RunDoc(Trainer* t, const internal::Gazetteer& gaz, bool use_pos, int beam, uint8_t groups,
            bool max_violation, const TrainDoc& doc, bool learn, std::vector<std::vector<int>>* predicted,
            std::vector<internal::NerTok>* toks, std::vector<internal::NerBeamItem>* lattice) {
  internal::NerMemory memory;
  memory.Clear();
  std::vector<std::string_view> words;
  uint64_t feats[internal::kNerMaxFeatures];
  std::array<double, kNerLabels> scores;
  predicted->clear();
  std::vector<int> mems;
  internal::NerMemory doc_case;
  doc_case.Clear();
  for (const TrainSent& s : doc.sents) {
    words.assign(s.words.begin(), s.words.end());
    internal::NerNoteWords(words, &doc_case);
  }
  for (const TrainSent& s : doc.sents) {
    words.assign(s.words.begin(), s.words.end());
    internal::PrepareSentence(gaz, words, s.pos, use_pos, toks);
    internal::NerApplyDocCase(doc_case, toks);
    std::vector<int> labels(words.size());
    mems.assign(words.size(), 0);
    for (size_t i = 0; i < words.size(); ++i) {
      const internal::NerTok& tk = (*toks)[i];
      mems[i] = (tk.flags & internal::kNerCap) ? memory.Get(tk.lower) : 0;
    }
    const auto feats_at = [&](size_t i, int p1, int p2) {
      size_t n = internal::NerStaticFeatures(*toks, i, mems[i], groups, feats);
      n += internal::NerHistoryFeatures(*toks, i, p1, p2, mems[i], feats + n);
      return n;
    };
    if (beam <= 1) {
      int p1 = -1, p2 = -1;
      for (size_t i = 0; i < words.size(); ++i) {
        const size_t n = feats_at(i, p1, p2);
        t->Scores(feats, n, !learn, &scores);
        const int guess = BestAllowed(scores, p1, i + 1 == words.size());
        if (learn) t->Update(feats, n, Oracle(p1, s.gold[i]), guess);
        labels[i] = guess;
        p2 = p1;
        p1 = guess;
      }
    } else if (!words.empty()) {
      if (lattice->size() < words.size() * beam) lattice->resize(words.size() * beam);
      const size_t decoded = internal::NerBeamDecode(
          words.size(), beam,
          [&](size_t i, double* sc) {
            for (int l = 0; l < kNerLabels; ++l) sc[l] = 0;
            t->AddScores(feats, internal::NerStaticFeatures(*toks, i, mems[i], groups, feats), !learn, sc);
          },
          [&](size_t i, int p1, int p2, double* sc) {
            t->AddScores(feats, internal::NerHistoryFeatures(*toks, i, p1, p2, mems[i], feats),
                         !learn, sc);
          },
          learn && !max_violation ? s.gold.data() : nullptr, lattice->data(), labels.data());
      size_t upto = decoded;  // the prefix to update
      if (learn && max_violation) {
        // The gold prefix's score word by word against the best kept
        // hypothesis's; the update is at the word of the largest violation
        // (best minus gold) where the best prefix is not the gold one.
        double gold_score = 0, worst = -1.0;
        upto = 0;
        std::array<double, kNerLabels> sc;
        for (size_t i = 0; i < words.size(); ++i) {
          const int gp1 = i >= 1 ? s.gold[i - 1] : -1, gp2 = i >= 2 ? s.gold[i - 2] : -1;
          t->Scores(feats, feats_at(i, gp1, gp2), false, &sc);
          gold_score += sc[s.gold[i]];
          const internal::NerBeamItem& best = (*lattice)[i * beam];
          if (best.label < 0) break;
          const double v = best.score - gold_score;
          if (v < worst) continue;
          // Is the best prefix the gold one?
          bool same = true;
          int cell = static_cast<int>(i * beam);
          for (size_t k = i + 1; k-- > 0 && same;) {
            same = (*lattice)[cell].label == s.gold[k];
            cell = (*lattice)[cell].back;
          }
          if (same) continue;
          worst = v;
          upto = i + 1;
        }
        if (upto > 0) {
          int cell = static_cast<int>((upto - 1) * beam);
          for (size_t k = upto; k-- > 0;) {
            labels[k] = (*lattice)[cell].label;
            cell = (*lattice)[cell].back;
          }
        }
      }
      if (learn) {
        bool wrong = false;
        for (size_t i = 0; i < upto; ++i) wrong |= labels[i] != s.gold[i];
        if (wrong) {
          t->Step();
          for (size_t i = 0; i < upto; ++i) {
            const int gp1 = i >= 1 ? s.gold[i - 1] : -1, gp2 = i >= 2 ? s.gold[i - 2] : -1;
            const int pp1 = i >= 1 ? labels[i - 1] : -1, pp2 = i >= 2 ? labels[i - 2] : -1;
            if (labels[i] == s.gold[i] && gp1 == pp1 && gp2 == pp2) continue;
            size_t n = feats_at(i, gp1, gp2);
            t->Add(feats, n, s.gold[i], 1.0f);
            n = feats_at(i, pp1, pp2);
            t->Add(feats, n, labels[i], -1.0f);
          }
        }
        // The rest of an early-stopped sentence: the gold labels, so the
        // document memory sees them.
        for (size_t i = upto; i < words.size(); ++i) labels[i] = s.gold[i];
      }
    }
    for (size_t i = 0; i < words.size(); ++i) {
      if (labels[i] > 0 && ((*toks)[i].flags & internal::kNerCap)) {
        memory.Set((*toks)[i].lower, 1 + static_cast<int>(internal::LabelClass(labels[i])));
      }
    }
    predicted->push_back(std::move(labels));
  }
}

std::vector<Span> SpansOf(const std::vector<int>& labels) {
  std::vector<Span> out;
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
    out.push_back({i, e, internal::LabelClass(l)});
    i = e - 1;
  }
  return out;
}

struct Prf {
  size_t tp = 0, sys = 0, gold = 0;
  double P() const { return sys ? static_cast<double>(tp) / sys : 0; }
  double R() const { return gold ? static_cast<double>(tp) / gold : 0; }
  double F() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
};

void Score(const std::vector<int>& gold, const std::vector<int>& pred, Prf* prf) {
  const auto scored = [](const Span& s) {
    return s.cls == NerClass::kPerson || s.cls == NerClass::kOrg || s.cls == NerClass::kPlace;
  };
  const std::vector<Span> g = SpansOf(gold), p = SpansOf(pred);
  for (const Span& s : p) {
    if (!scored(s)) continue;
    ++prf->sys;
    for (const Span& x : g) {
      if (x.first == s.first && x.end == s.end && x.cls == s.cls) ++prf->tp;
    }
  }
  for (const Span& s : g) prf->gold += scored(s);
}

}  // namespace

Result<NerTrainReport> TrainNerModel(Env* env, const NerTrainSources& src,
                                     const NerTrainOptions& options, const std::string& provenance,
                                     const std::string& out_path) {
  std::vector<TrainDoc> train, dev;
  for (const std::string& p : src.gum_train) {
    SYN_ASSIGN_OR_RETURN(TrainDoc d, ReadGumDoc(env, p));
    train.push_back(std::move(d));
  }
  for (const std::string& p : src.gum_dev) {
    SYN_ASSIGN_OR_RETURN(TrainDoc d, ReadGumDoc(env, p));
    dev.push_back(std::move(d));
  }
  const std::map<std::string, NerClass> wnut_map = {
      {"person", NerClass::kPerson},     {"corporation", NerClass::kOrg},
      {"group", NerClass::kOrg},         {"location", NerClass::kPlace},
      {"product", NerClass::kMisc},      {"creative-work", NerClass::kMisc}};
  const std::map<std::string, NerClass> conll_map = {{"PER", NerClass::kPerson},
                                                     {"ORG", NerClass::kOrg},
                                                     {"LOC", NerClass::kPlace},
                                                     {"MISC", NerClass::kMisc}};
  for (const std::string& p : src.wnut) {
    SYN_ASSIGN_OR_RETURN(std::vector<TrainDoc> d, ReadBio(env, p, wnut_map, false));
    for (TrainDoc& x : d) train.push_back(std::move(x));
  }
  for (const std::string& p : src.conll) {
    SYN_ASSIGN_OR_RETURN(std::vector<TrainDoc> d, ReadBio(env, p, conll_map, true));
    for (TrainDoc& x : d) train.push_back(std::move(x));
  }
  if (train.empty()) return InvalidArgument("no NER training documents");

  NerTrainReport report;
  const bool rule_pos = options.tagger == nullptr && options.rule_tagger != nullptr;
  const bool use_pos = options.tagger != nullptr || rule_pos;
  for (std::vector<TrainDoc>* set : {&train, &dev}) {
    for (TrainDoc& d : *set) {
      for (TrainSent& s : d.sents) {
        s.pos.assign(s.words.size(), Pos::kX);
        std::vector<std::string_view> w(s.words.begin(), s.words.end());
        if (options.tagger != nullptr) {
          TagWords(*options.tagger, w, s.pos);
        } else if (rule_pos) {
          internal::TagWordsWithRules(*options.rule_tagger, w, s.pos);
        }
      }
    }
  }
  for (const TrainDoc& d : train) {
    ++report.documents;
    for (const TrainSent& s : d.sents) {
      ++report.sentences;
      report.tokens += s.words.size();
      report.mentions += SpansOf(s.gold).size();
    }
  }

  GazBuilder gb;
  SYN_RETURN_IF_ERROR(BuildGazetteer(env, src, &gb));
  auto model = std::make_shared<NerModel>();
  model->gazetteer = gb.Build();
  model->uses_pos = use_pos;
  model->rule_pos = rule_pos;
  report.gazetteer_entries = gb.size();

  Trainer trainer;
  std::mt19937_64 rng(options.seed);
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<std::vector<int>> predicted;
  std::vector<internal::NerTok> toks;
  std::vector<internal::NerBeamItem> lattice;
  const int beam = std::clamp(options.beam, 1, internal::kNerMaxBeam);
  model->beam = beam;
  model->features = static_cast<uint8_t>(options.feature_groups & 3);
  const auto dev_score = [&](Prf* prf) {
    for (const TrainDoc& d : dev) {
      RunDoc(&trainer, model->gazetteer, use_pos, beam, model->features, false, d, false, &predicted, &toks, &lattice);
      for (size_t s = 0; s < d.sents.size(); ++s) Score(d.sents[s].gold, predicted[s], prf);
    }
  };
  for (int it = 0; it < options.iterations; ++it) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t di : order) {
      RunDoc(&trainer, model->gazetteer, use_pos, beam, model->features, options.max_violation, train[di], true, &predicted, &toks, &lattice);
    }
    if (!dev.empty()) {
      Prf prf;
      dev_score(&prf);
      report.dev_f1.push_back(prf.F());
      env->Log(LogLevel::kInfo, "ner iteration " + std::to_string(it + 1) +
                                    ": GUM dev F1 " + std::to_string(prf.F()));
    }
  }

  // Average, prune, quantise.
  std::vector<std::pair<uint64_t, std::array<float, kNerLabels>>> kept;
  float max_abs = 0;
  trainer.Collect(options.min_feature_count, &kept, &max_abs);
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  model->scale = max_abs > 0 ? max_abs / 32000.0f : 1.0f;
  for (const auto& [key, w] : kept) {
    std::array<int16_t, kNerLabels> q{};
    bool any = false;
    for (int l = 0; l < kNerLabels; ++l) {
      const long v = std::lround(w[l] / model->scale);
      q[l] = std::abs(v) < options.min_abs_weight ? 0 : static_cast<int16_t>(v);
      any |= q[l] != 0;
    }
    if (!any) continue;
    model->keys.push_back(key);
    model->weights.push_back(q);
  }
  model->BuildIndex();
  report.features = model->keys.size();

  // Dev with the saved (quantised) weights, and the self-test sentences:
  // the first three dev (else training) sentences holding an entity.
  NerWorkspace ws;
  std::vector<std::string_view> words;
  Prf final_prf;
  for (const TrainDoc& d : dev) {
    ws.BeginDocument();
    for (const TrainSent& s : d.sents) {
      words.assign(s.words.begin(), s.words.end());
      NoteDocumentSentence(words, &ws);
    }
    for (const TrainSent& s : d.sents) {
      words.assign(s.words.begin(), s.words.end());
      internal::NerDecode(*model, words, s.pos, &ws);
      Score(s.gold, ws.impl().labels, &final_prf);
    }
  }
  report.dev_precision = final_prf.P();
  report.dev_recall = final_prf.R();
  for (const std::vector<TrainDoc>* set : {&dev, &train}) {
    for (const TrainDoc& d : *set) {
      for (const TrainSent& s : d.sents) {
        if (model->self_tests.size() >= 3) break;
        if (SpansOf(s.gold).empty() || s.words.size() > 60) continue;
        bool short_words = true;
        for (const std::string& w : s.words) short_words = short_words && w.size() < 100;
        if (!short_words) continue;
        words.assign(s.words.begin(), s.words.end());
        ws.BeginDocument();
        NoteDocumentSentence(words, &ws);
        internal::NerDecode(*model, words, s.pos, &ws);
        NerModel::SelfTest t;
        t.words = s.words;
        for (Pos p : s.pos) t.pos.push_back(static_cast<uint8_t>(p));
        for (int l : ws.impl().labels) t.labels.push_back(static_cast<uint8_t>(l));
        model->self_tests.push_back(std::move(t));
      }
    }
  }

  std::string header;
  std::istringstream prov(provenance);
  std::string line;
  while (std::getline(prov, line)) header += "# " + line + "\n";
  char buf[400];
  std::snprintf(buf, sizeof buf,
                "# trained on %zu documents, %zu sentences, %zu tokens, %zu entity mentions; "
                "%d iterations, seed %llu, beam %d, %s, feature groups %d; features kept (updated >= %d times, |w| >= %d "
                "quanta): %zu; gazetteer %zu phrases; POS features: %s\n",
                report.documents, report.sentences, report.tokens, report.mentions,
                options.iterations, static_cast<unsigned long long>(options.seed), beam,
                beam <= 1 ? "dynamic-oracle updates" : options.max_violation ? "max-violation update" : "early update",
                options.feature_groups,
                options.min_feature_count, options.min_abs_weight, report.features,
                report.gazetteer_entries,
                rule_pos ? "lexicon rules" : use_pos ? "pos_en.bin" : "no");
  header += buf;
  for (size_t i = 0; i < report.dev_f1.size(); ++i) {
    std::snprintf(buf, sizeof buf, "# GUM dev F1 (PER/ORG/PLACE, gold tokens) after iteration %zu: %.4f\n",
                  i + 1, report.dev_f1[i]);
    header += buf;
  }
  if (!dev.empty()) {
    std::snprintf(buf, sizeof buf, "# GUM dev as saved (quantised): P %.4f R %.4f F1 %.4f\n",
                  final_prf.P(), final_prf.R(), final_prf.F());
    header += buf;
  }
  model->header = header;
  const std::string file = internal::NerSerialize(*model, header);
  report.model_bytes = file.size();
  SYN_RETURN_IF_ERROR(env->WriteFile(out_path, file));
  return report;
}

}  // namespace synoptic::nlp
