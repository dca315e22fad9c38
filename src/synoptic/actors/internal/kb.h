// The actor knowledge base behind actors.h: its in-memory layout, loader and
// lookups. Immutable after Load; every lookup is const and thread-safe.
#ifndef SYNOPTIC_ACTORS_INTERNAL_KB_H_
#define SYNOPTIC_ACTORS_INTERNAL_KB_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "synoptic/actors/actors.h"
#include "synoptic/core/civil.h"
#include "synoptic/core/status.h"
#include "synoptic/core/types.h"

namespace synoptic::actors {

enum class ActorKind : uint8_t { kCountry, kGovernment, kOrg, kPerson, kCity };

struct Actor {
  std::string id;    // key without "kb:" ("RUS", "RUSGOV", "putin_vladimir")
  std::string name;  // display name
  EntityType type = EntityType::kOther;
  ActorKind kind = ActorKind::kOrg;
  std::string code;     // CAMEO-style code; persons: set from their offices
  std::string country;  // ISO3 of a city or a government; empty otherwise
  std::vector<std::string> short_keys;  // persons: normalised surnames
};

struct Office {
  std::string id;       // "RUS:president"
  uint32_t anchor = 0;  // actor index of the country or organisation
  std::string code;     // "RUSGOV"
};

struct Term {
  uint32_t office = 0;
  uint32_t person = 0;
  civil::Date start;
  civil::Date end;  // exclusive; {9999,12,31} while ongoing
};

class ActorKb {
 public:
  // Builds the KB from the iso-codes JSON text, the country table built by
  // `synoptic train kb` (actors_countries.tsv; may be empty) and our
  // hand-written TSV, read in that order.
  static Result<ActorKb> Build(std::string_view iso_json, std::string_view tsv,
                               std::string_view countries_tsv = {});

  const Actor& actor(uint32_t i) const { return actors_[i]; }
  size_t size() const { return actors_.size(); }

  // Actors whose full alias has this normalised key.
  const std::vector<uint32_t>* FindAlias(std::string_view key) const;
  // Persons known by this normalised short name ("putin", "kim").
  const std::vector<uint32_t>* FindShort(std::string_view key) const;
  // Country actor for a normalised demonym ("north korean").
  std::optional<uint32_t> FindDemonym(std::string_view key) const;
  // City actor for a normalised capital name.
  std::optional<uint32_t> FindCapital(std::string_view key) const;
  // Country actor of a first-level division by its normalised name
  // ("amur", "amur oblast", "texas"): the region rows of the built table.
  std::optional<uint32_t> FindRegionCountry(std::string_view key) const;
  // Government actor of a country (by ISO3).
  std::optional<uint32_t> GovernmentOf(std::string_view iso3) const;
  // Offices anchored at `anchor` that answer to the normalised role phrase.
  std::vector<uint32_t> OfficesFor(uint32_t anchor,
                                   std::string_view role) const;
  // Longest role phrase (in tokens, <= 3) known at all, for scanning.
  bool IsRolePhrase(std::string_view role) const {
    return roles_.count(std::string(role)) != 0;
  }
  // Holder of an office on a date.
  std::optional<uint32_t> HolderAt(uint32_t office, const civil::Date& d) const;
  // True if the person holds any office on d.
  bool InOfficeAt(uint32_t person, const civil::Date& d) const;
  // Whether the person ever held the office.
  bool EverHeld(uint32_t person, uint32_t office) const;
  const Office& office(uint32_t i) const { return offices_[i]; }
  // Actor by id ("RUS", "putin_vladimir").
  std::optional<uint32_t> FindId(std::string_view id) const {
    auto it = by_id_.find(std::string(id));
    if (it == by_id_.end()) return std::nullopt;
    return it->second;
  }

 private:
  uint32_t AddActor(Actor a);
  void AddAlias(std::string_view surface, uint32_t actor);

  std::vector<Actor> actors_;
  std::vector<Office> offices_;
  std::vector<Term> terms_;
  std::unordered_map<std::string, uint32_t> by_id_;
  std::unordered_map<std::string, std::vector<uint32_t>> alias_;
  std::unordered_map<std::string, std::vector<uint32_t>> short_;
  std::unordered_map<std::string, uint32_t> demonym_;
  std::unordered_map<std::string, uint32_t> capital_;
  std::unordered_map<std::string, uint32_t> region_;  // key -> country actor
  // role phrase -> offices answering to it
  std::unordered_map<std::string, std::vector<uint32_t>> roles_;
};

namespace internal {
// Alias key: case-folded, accents removed, periods and apostrophes dropped,
// other punctuation and hyphens as single spaces, a leading "the" removed.
// "Kim Jong-un" == "kim jong un", "U.S." == "us".
std::string NormalizeKey(std::string_view s);
// The fields of `s` between `sep` characters, empty ones included (one TSV
// line, one '|' list).
std::vector<std::string_view> Split(std::string_view s, char sep);
}  // namespace internal

}  // namespace synoptic::actors

#endif  // SYNOPTIC_ACTORS_INTERNAL_KB_H_
