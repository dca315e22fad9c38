// Moves are read from the coded events of one document. Only the
// diplomatic classes say who went where: visits (the source travels to the
// venue, else to the target's country), hosting (the guest travels to the
// venue, else to the host's country), and meetings and agreements with a
// venue (every party from another country travelled there). Countries come from
// actor codes, so the rule knows nothing of particular places or people.
//
// Conflict is judged per unordered pair of countries and per traveller on
// shares of the evidence, not on counts, so that one background sentence
// ("their first meeting, five years ago in B") does not outvote an
// article's lead.
#include "synoptic/stories/internal/signature.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <string>

#include "synoptic/stories/internal/context.h"

namespace synoptic::stories::internal {
namespace {

// CAMEO region and group prefixes: not countries a leader travels to.
constexpr std::string_view kNotCountries[] = {
    "IGO", "NGO", "MNC", "WST", "EUR", "ASA", "AFR", "MEA", "LAM", "NAF",
    "SAS", "SEA", "CAS", "EAF", "WAF", "CAF", "SAF", "NMR", "SAM", "CRB",
    "BLK", "BAL", "CEU", "EEU", "GRB", "SCN", "WEU", "PGS", "CAU", "MDT"};

uint32_t EntityCountry(const DocAnalysis& a, int32_t e) {
  if (e < 0 || static_cast<size_t>(e) >= a.entities.size()) return 0;
  return CountryOf(a.entities[e].code);
}

bool IsPlace(EntityType t) {
  return t == EntityType::kGpe || t == EntityType::kLoc ||
         t == EntityType::kFac;
}

// The venue's country: its own code, else the nearest coded place named
// within a few words of it in the evidence sentence (not a party).
uint32_t VenueCountry(const DocAnalysis& a, const Event& e, float* weight) {
  *weight = 1.0f;
  const uint32_t own = EntityCountry(a, e.location);
  if (own || e.location < 0) return own;
  constexpr uint32_t kNearBytes = 80;
  // Bounded work on hostile input: a few mentions of the venue suffice.
  constexpr int kMaxVenueMentions = 4;
  int seen = 0;
  uint32_t best = 0, best_gap = kNearBytes + 1;
  for (const Mention& at : a.mentions) {
    if (at.entity != e.location || at.span.begin < e.evidence.begin ||
        at.span.end > e.evidence.end) {
      continue;
    }
    if (++seen > kMaxVenueMentions) break;
    for (const Mention& m : a.mentions) {
      if (m.entity < 0 || m.entity == e.location || m.entity == e.source ||
          m.entity == e.target || !IsPlace(m.type) ||
          m.span.begin < e.evidence.begin || m.span.end > e.evidence.end) {
        continue;
      }
      const uint32_t c = EntityCountry(a, m.entity);
      if (!c) continue;
      const uint32_t gap =
          m.span.end <= at.span.begin   ? at.span.begin - m.span.end
          : at.span.end <= m.span.begin ? m.span.begin - at.span.end
                                        : 0;
      if (gap < best_gap) {
        best_gap = gap;
        best = c;
      }
    }
  }
  *weight = 0.7f;  // read from a neighbouring name, not the venue itself
  return best;
}

// Whether an event dated `date` is background to a document published on
// `pub` (a day number): another year, month or season altogether.
bool Background(const std::string& date, int64_t pub) {
  const std::string p = DatePrefix(date);
  int64_t first = 0, last = 0;
  if (p.size() == 10) {
    if (!ParseDay(p, &first)) return false;
    last = first;
  } else if (p.size() == 7) {
    if (!ParseDay(p + "-01", &first)) return false;
    last = first + 30;
  } else if (p.size() == 4) {
    if (!ParseDay(p + "-01-01", &first)) return false;
    last = first + 364;
  } else {
    return false;
  }
  return pub < first - 60 || pub > last + 60;
}

// Events whose place is where the parties met: consultations (CAMEO 04),
// the intent to meet (036) and signed agreements. A pledge "on Ukraine" or
// an appeal names a topic, not a venue.
bool MeetingLike(const Event& e) {
  return e.root_code == "04" || e.code == "036" || e.type == "sign_agreement";
}

}  // namespace

uint32_t CountryOf(std::string_view code) {
  if (code.size() < 3) return 0;
  for (size_t i = 0; i < 3; ++i) {
    if (code[i] < 'A' || code[i] > 'Z') return 0;
  }
  const std::string_view head = code.substr(0, 3);
  if (std::find(std::begin(kNotCountries), std::end(kNotCountries), head) !=
      std::end(kNotCountries)) {
    return 0;
  }
  return (static_cast<uint32_t>(code[0]) << 16) |
         (static_cast<uint32_t>(code[1]) << 8) | static_cast<uint32_t>(code[2]);
}

Moves DocMoves(const DocAnalysis& a) {
  std::map<uint64_t, float> acc;
  int64_t pub = 0;
  const bool dated = ParseDay(a.doc.published, &pub);
  const double size = std::max<size_t>(a.doc.text.size(), 1);
  for (const Event& e : a.events) {
    float w = 0;
    switch (e.modality) {
      case Modality::kAsserted:
      case Modality::kReported:
        w = 1.0f;
        break;
      case Modality::kPlanned:
      case Modality::kSpeculated:
        w = 0.5f;
        break;
      default:
        continue;
    }
    const bool visit = e.type == "visit";
    const bool host = e.type == "host";
    if (!visit && !host && !(MeetingLike(e) && e.location >= 0)) continue;
    // The host's half of a visit row ("X visited Y": Y hosts X) is the same
    // trip as its visit: counted once.
    if (host && std::any_of(a.events.begin(), a.events.end(), [&](const Event& v) {
          return v.type == "visit" && v.evidence.begin == e.evidence.begin &&
                 v.trigger.begin == e.trigger.begin && v.source == e.target &&
                 v.target == e.source;
        })) {
      continue;
    }
    w *= static_cast<float>(1.0 - 0.6 * std::min(1.0, e.evidence.begin / size));
    if (dated && Background(e.date, pub)) w *= 0.2f;
    float venue_w = 1.0f;
    const uint32_t venue = VenueCountry(a, e, &venue_w);
    const uint32_t src = EntityCountry(a, e.source);
    const uint32_t tgt = EntityCountry(a, e.target);
    auto add = [&](uint32_t from, uint32_t to, float weight) {
      if (from && to && from != to) acc[MoveKey(from, to)] += weight;
    };
    if (visit) {
      add(src, venue ? venue : tgt, venue ? w * venue_w : w);
    } else if (host) {
      add(tgt, venue ? venue : src, venue ? w * venue_w : w);
    } else if (venue) {
      add(src, venue, w * venue_w);
      add(tgt, venue, w * venue_w);
    }
  }
  Moves out;
  for (const auto& [k, w] : acc) out.emplace_back(k, std::min(w, 1.0f));
  return out;
}

bool MovesConflict(const Moves& doc, const Moves& cluster, double min_mass) {
  if (doc.empty() || cluster.empty()) return false;
  auto weight = [](const Moves& m, uint64_t key) {
    const auto it =
        std::lower_bound(m.begin(), m.end(), key,
                         [](const auto& e, uint64_t k) { return e.first < k; });
    return it != m.end() && it->first == key ? static_cast<double>(it->second)
                                             : 0.0;
  };
  // Opposite directions between the same two countries.
  for (const auto& [key, w] : doc) {
    const uint64_t back = (key << 32) | (key >> 32);
    const double d_fwd = w, d_back = weight(doc, back);
    const double c_fwd = weight(cluster, key), c_back = weight(cluster, back);
    if (d_fwd < min_mass || c_back < min_mass) continue;
    const bool doc_forward = d_fwd - d_back >= 0.5 * (d_fwd + d_back);
    const bool cluster_back = c_back - c_fwd >= 0.5 * (c_fwd + c_back);
    if (doc_forward && cluster_back) return true;
  }
  // The same traveller, disjoint main destinations.
  auto destinations = [](const Moves& m, uint32_t from, double* mass) {
    std::vector<std::pair<uint32_t, double>> out;
    const uint64_t lo = static_cast<uint64_t>(from) << 32;
    auto it =
        std::lower_bound(m.begin(), m.end(), lo,
                         [](const auto& e, uint64_t k) { return e.first < k; });
    double top = 0;
    *mass = 0;
    for (; it != m.end() && (it->first >> 32) == from; ++it) {
      out.emplace_back(static_cast<uint32_t>(it->first), it->second);
      top = std::max(top, static_cast<double>(it->second));
      *mass += it->second;
    }
    std::erase_if(out, [&](const auto& e) { return e.second < 0.5 * top; });
    return out;
  };
  for (size_t i = 0; i < doc.size();) {
    const uint32_t from = static_cast<uint32_t>(doc[i].first >> 32);
    while (i < doc.size() && (doc[i].first >> 32) == from) ++i;
    double dm = 0, cm = 0;
    const auto d = destinations(doc, from, &dm);
    const auto c = destinations(cluster, from, &cm);
    if (dm < min_mass || cm < min_mass) continue;
    bool shared = false;
    for (const auto& x : d) {
      for (const auto& y : c) shared = shared || x.first == y.first;
    }
    if (!shared) return true;
  }
  return false;
}

}  // namespace synoptic::stories::internal
