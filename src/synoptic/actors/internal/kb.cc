// Building the actor KB: countries from iso-codes, then our TSV on top
// (display names, capitals, demonyms, aliases, metonyms, organisations,
// persons, offices and dated terms). Every country also gets a government
// actor "<ISO3>GOV" so that capitals and metonyms have something to point to.
#include "synoptic/actors/internal/kb.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace synoptic::actors {

std::vector<std::string_view> internal::Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  while (true) {
    size_t p = s.find(sep);
    out.push_back(s.substr(0, p));
    if (p == std::string_view::npos) break;
    s = s.substr(p + 1);
  }
  return out;
}

namespace {

using internal::Split;

constexpr civil::Date kOpenEnd{9999, 12, 31};

std::vector<std::string_view> List(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::string_view x : Split(s, '|')) {
    if (!x.empty()) out.push_back(x);
  }
  return out;
}

bool ParseType(std::string_view s, EntityType* t) {
  if (s == "ORG")
    *t = EntityType::kOrg;
  else if (s == "GPE")
    *t = EntityType::kGpe;
  else if (s == "LOC")
    *t = EntityType::kLoc;
  else if (s == "NORP")
    *t = EntityType::kNorp;
  else if (s == "PERSON")
    *t = EntityType::kPerson;
  else
    return false;
  return true;
}

}  // namespace

uint32_t ActorKb::AddActor(Actor a) {
  const uint32_t idx = static_cast<uint32_t>(actors_.size());
  by_id_.emplace(a.id, idx);
  actors_.push_back(std::move(a));
  return idx;
}

void ActorKb::AddAlias(std::string_view surface, uint32_t actor) {
  std::string key = internal::NormalizeKey(surface);
  if (key.empty()) return;
  auto& v = alias_[key];
  if (std::find(v.begin(), v.end(), actor) == v.end()) v.push_back(actor);
}

Result<ActorKb> ActorKb::Build(std::string_view iso_json,
                               std::string_view tsv,
                               std::string_view countries_tsv) {
  ActorKb kb;
  // 1. Countries from iso-codes.
  try {
    const nlohmann::json j = nlohmann::json::parse(iso_json);
    for (const auto& c : j.at("3166-1")) {
      Actor a;
      a.id = c.at("alpha_3").get<std::string>();
      a.code = a.id;
      a.type = EntityType::kGpe;
      a.kind = ActorKind::kCountry;
      a.name = c.contains("common_name") ? c["common_name"].get<std::string>()
                                         : c.at("name").get<std::string>();
      const uint32_t idx = kb.AddActor(a);
      for (const char* f : {"name", "common_name", "official_name"}) {
        if (!c.contains(f)) continue;
        const std::string n = c[f].get<std::string>();
        kb.AddAlias(n, idx);
        // "Korea, Republic of" -> "Republic of Korea".
        const size_t comma = n.find(", ");
        if (comma != std::string::npos) {
          kb.AddAlias(n.substr(comma + 2) + " " + n.substr(0, comma), idx);
        }
      }
    }
  } catch (const std::exception& e) {
    return Corrupt(std::string("iso_3166-1.json: ") + e.what());
  }
  if (kb.actors_.size() < 200) {
    return Corrupt("iso_3166-1.json: too few countries");
  }
  // Governments for every country.
  const size_t ncountries = kb.actors_.size();
  for (size_t i = 0; i < ncountries; ++i) {
    Actor g;
    g.id = kb.actors_[i].id + "GOV";
    g.code = g.id;
    g.country = kb.actors_[i].id;
    g.type = EntityType::kOrg;
    g.kind = ActorKind::kGovernment;
    g.name = "Government of " + kb.actors_[i].name;
    const uint32_t gi = kb.AddActor(g);
    kb.AddAlias("Government of " + kb.actors_[i].name, gi);
    kb.AddAlias(kb.actors_[i].name + " government", gi);
  }

  // 2. The built country table, then our hand-written TSV (whose display
  // names win).
  int line_no = 0;
  std::string_view file;
  auto bad = [&](const std::string& why) {
    return Corrupt(std::string(file) + ":" + std::to_string(line_no) + ": " + why);
  };
  for (const auto& [name, text] :
       {std::pair<std::string_view, std::string_view>{"actors_countries.tsv", countries_tsv},
        std::pair<std::string_view, std::string_view>{"actors_kb.tsv", tsv}}) {
  file = name;
  line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> f = Split(line, '\t');
    const std::string_view kind = f[0];
    auto find_id = [&](std::string_view id) -> std::optional<uint32_t> {
      auto it = kb.by_id_.find(std::string(id));
      if (it == kb.by_id_.end()) return std::nullopt;
      return it->second;
    };
    if (kind == "country") {
      if (f.size() < 6) return bad("country needs 6 fields");
      auto ci = find_id(f[1]);
      if (!ci) return bad("unknown country code " + std::string(f[1]));
      kb.actors_[*ci].name = std::string(f[2]);
      kb.AddAlias(f[2], *ci);
      for (auto a : List(f[5])) kb.AddAlias(a, *ci);
      for (auto d : List(f[4])) {
        kb.demonym_.emplace(internal::NormalizeKey(d), *ci);
      }
      auto gi = find_id(std::string(f[1]) + "GOV");
      kb.actors_[*gi].name = "Government of " + std::string(f[2]);
      kb.AddAlias("Government of " + std::string(f[2]), *gi);
      for (auto d : List(f[4])) {
        kb.AddAlias(std::string(d) + " government", *gi);
      }
      for (auto cap : List(f[3])) {
        const std::string key = internal::NormalizeKey(cap);
        if (kb.capital_.count(key)) continue;
        Actor city;
        city.id = "city:" + key;
        city.name = std::string(cap);
        city.type = EntityType::kGpe;
        city.kind = ActorKind::kCity;
        city.code = std::string(f[1]);
        city.country = std::string(f[1]);
        kb.capital_.emplace(key, kb.AddActor(city));
      }
    } else if (kind == "city") {
      if (f.size() < 4) return bad("city needs 4 fields");
      if (!find_id(f[1]))
        return bad("unknown country code " + std::string(f[1]));
      Actor city;
      city.id = "city:" + internal::NormalizeKey(f[2]);
      if (find_id(city.id)) return bad("duplicate city " + city.id);
      city.name = std::string(f[2]);
      city.type = EntityType::kGpe;
      city.kind = ActorKind::kCity;
      city.code = std::string(f[1]);
      city.country = std::string(f[1]);
      const uint32_t idx = kb.AddActor(city);
      kb.AddAlias(f[2], idx);
      for (auto al : List(f[3])) kb.AddAlias(al, idx);
    } else if (kind == "region") {
      // A first-level division: only its country, for place mentions the
      // document ties to that country; never an alias (a region's name may
      // be a person's or a word).
      if (f.size() < 4) return bad("region needs 4 fields");
      const auto c = find_id(f[1]);
      if (!c) return bad("unknown country code " + std::string(f[1]));
      for (std::string_view n : List(f[3])) kb.region_.emplace(internal::NormalizeKey(n), *c);
      kb.region_.emplace(internal::NormalizeKey(f[2]), *c);
    } else if (kind == "metonym") {
      if (f.size() < 3) return bad("metonym needs 3 fields");
      auto ai = find_id(f[1]);
      if (!ai) return bad("unknown actor " + std::string(f[1]));
      for (auto a : List(f[2])) kb.AddAlias(a, *ai);
    } else if (kind == "org") {
      if (f.size() < 6) return bad("org needs 6 fields");
      Actor a;
      a.id = std::string(f[1]);
      a.code = std::string(f[2]);
      if (!ParseType(f[3], &a.type)) return bad("bad type");
      a.kind = ActorKind::kOrg;
      a.name = std::string(f[4]);
      if (find_id(a.id)) return bad("duplicate id " + a.id);
      const uint32_t idx = kb.AddActor(a);
      kb.AddAlias(f[4], idx);
      for (auto al : List(f[5])) kb.AddAlias(al, idx);
    } else if (kind == "person") {
      if (f.size() < 5) return bad("person needs 5 fields");
      Actor a;
      a.id = std::string(f[1]);
      a.name = std::string(f[2]);
      a.type = EntityType::kPerson;
      a.kind = ActorKind::kPerson;
      if (find_id(a.id)) return bad("duplicate id " + a.id);
      for (auto s : List(f[3]))
        a.short_keys.push_back(internal::NormalizeKey(s));
      const uint32_t idx = kb.AddActor(a);
      kb.AddAlias(f[2], idx);
      for (auto al : List(f[4])) kb.AddAlias(al, idx);
      for (const std::string& s : kb.actors_[idx].short_keys) {
        kb.short_[s].push_back(idx);
      }
    } else if (kind == "office") {
      if (f.size() < 5) return bad("office needs 5 fields");
      auto anchor = find_id(f[2]);
      if (!anchor) return bad("unknown anchor " + std::string(f[2]));
      Office o;
      o.id = std::string(f[1]);
      o.anchor = *anchor;
      o.code = std::string(f[3]);
      const uint32_t oi = static_cast<uint32_t>(kb.offices_.size());
      kb.offices_.push_back(o);
      for (auto r : List(f[4]))
        kb.roles_[internal::NormalizeKey(r)].push_back(oi);
    } else if (kind == "term") {
      if (f.size() < 5) return bad("term needs 5 fields");
      Term t;
      auto it = std::find_if(kb.offices_.begin(), kb.offices_.end(),
                             [&](const Office& o) { return o.id == f[1]; });
      if (it == kb.offices_.end()) return bad("unknown office");
      t.office = static_cast<uint32_t>(it - kb.offices_.begin());
      auto pi = find_id(f[2]);
      if (!pi || kb.actors_[*pi].kind != ActorKind::kPerson) {
        return bad("unknown person " + std::string(f[2]));
      }
      t.person = *pi;
      auto start = civil::ParseIsoDate(f[3]);
      if (!start) return bad("bad start date");
      t.start = *start;
      if (f[4].empty()) {
        t.end = kOpenEnd;
      } else {
        auto end = civil::ParseIsoDate(f[4]);
        if (!end) return bad("bad end date");
        t.end = *end;
      }
      kb.terms_.push_back(t);
    } else {
      return bad("unknown record kind '" + std::string(kind) + "'");
    }
  }
  }
  // Person codes: the government code of their latest office.
  for (const Term& t : kb.terms_) {
    Actor& p = kb.actors_[t.person];
    p.code = kb.offices_[t.office].code;  // terms are listed oldest first
  }
  return kb;
}

const std::vector<uint32_t>* ActorKb::FindAlias(std::string_view key) const {
  auto it = alias_.find(std::string(key));
  return it == alias_.end() ? nullptr : &it->second;
}

const std::vector<uint32_t>* ActorKb::FindShort(std::string_view key) const {
  auto it = short_.find(std::string(key));
  return it == short_.end() ? nullptr : &it->second;
}

std::optional<uint32_t> ActorKb::FindDemonym(std::string_view key) const {
  auto it = demonym_.find(std::string(key));
  if (it == demonym_.end()) return std::nullopt;
  return it->second;
}

std::optional<uint32_t> ActorKb::FindCapital(std::string_view key) const {
  auto it = capital_.find(std::string(key));
  if (it == capital_.end()) return std::nullopt;
  return it->second;
}

std::optional<uint32_t> ActorKb::FindRegionCountry(std::string_view key) const {
  auto it = region_.find(std::string(key));
  if (it == region_.end()) return std::nullopt;
  return it->second;
}

std::optional<uint32_t> ActorKb::GovernmentOf(std::string_view iso3) const {
  auto it = by_id_.find(std::string(iso3) + "GOV");
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

std::vector<uint32_t> ActorKb::OfficesFor(uint32_t anchor,
                                          std::string_view role) const {
  std::vector<uint32_t> out;
  auto it = roles_.find(std::string(role));
  if (it == roles_.end()) return out;
  for (uint32_t oi : it->second) {
    if (offices_[oi].anchor == anchor) out.push_back(oi);
  }
  return out;
}

std::optional<uint32_t> ActorKb::HolderAt(uint32_t office,
                                          const civil::Date& d) const {
  for (const Term& t : terms_) {
    if (t.office == office && t.start <= d && d < t.end) return t.person;
  }
  return std::nullopt;
}

bool ActorKb::InOfficeAt(uint32_t person, const civil::Date& d) const {
  for (const Term& t : terms_) {
    if (t.person == person && t.start <= d && d < t.end) return true;
  }
  return false;
}

bool ActorKb::EverHeld(uint32_t person, uint32_t office) const {
  for (const Term& t : terms_) {
    if (t.person == person && t.office == office) return true;
  }
  return false;
}

}  // namespace synoptic::actors
