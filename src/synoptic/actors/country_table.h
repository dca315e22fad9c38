// The built part of the actor KB: a country table (`synoptic train kb`)
// with the capitals, English demonyms and names of every country that our
// hand-written actors_kb.tsv does not describe, read from a public country
// list (shared/data/gazetteers/world-countries.json). The hand-written rows
// stay the authority: their countries and cities are left out of the table.
#ifndef SYNOPTIC_ACTORS_COUNTRY_TABLE_H_
#define SYNOPTIC_ACTORS_COUNTRY_TABLE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "synoptic/core/status.h"

namespace synoptic::actors {

struct CountryTableStats {
  size_t countries = 0;  // rows written
  size_t demonyms = 0;
  size_t capitals = 0;
  size_t skipped_hand = 0;     // described by actors_kb.tsv already
  size_t skipped_no_iso = 0;   // no ISO 3166 code in iso-codes
};

// Builds actors_countries.tsv (the country rows of actors_kb.tsv's format,
// with a header saying how it was made: `provenance` is written as a
// comment line). `world_countries_json` is the country list, `iso_json`
// Debian's iso_3166-1.json (only its codes are used), `hand_tsv` our
// actors_kb.tsv. Fails on malformed JSON.
Result<std::string> BuildCountryTable(std::string_view world_countries_json,
                                      std::string_view iso_json,
                                      std::string_view hand_tsv,
                                      std::string_view provenance,
                                      CountryTableStats* stats);

struct RegionRowStats {
  size_t regions = 0;         // rows written (one per region)
  size_t names = 0;           // names and short names in them
  size_t skipped_shared = 0;  // names two countries' regions share
  size_t skipped_known = 0;   // names the KB or the country table has
};

// The region rows of the country table: every first-level division of a
// country (GeoNames admin1: "Amur Oblast", "Texas", "Gyeonggi-do") as
// `region ISO3 name aliases`, the alias being the name without its generic
// last word ("Amur"). `admin1_json` is the decompressed
// cities-json-geonames-admin1.json, `iso_json` iso_3166-1.json (alpha-2 ->
// alpha-3), `known_tsv` the hand-written KB and the country rows already
// built (their names, capitals, demonyms and cities are left out). A name
// two countries' regions share is left out. The actors stage reads these
// rows only to give a place mention its country's code, and only when the
// document names that country too.
Result<std::string> BuildRegionRows(std::string_view admin1_json,
                                    std::string_view iso_json,
                                    std::string_view known_tsv,
                                    RegionRowStats* stats);

}  // namespace synoptic::actors

#endif  // SYNOPTIC_ACTORS_COUNTRY_TABLE_H_
