// Entity names as the event clusterer compares them (names.h).
#include "synoptic/stories/internal/names.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <unordered_map>

#include "synoptic/stories/internal/text.h"

namespace synoptic::stories::internal {
// An entity's name as the clusterer compares it across documents: lower
// case, dots and commas dropped, titles before a person's name dropped,
// and without the type the tagger gave ("Northern Ireland" as a place or an
// organisation is one name). Sets *surname to a person's surname and
// *single to whether the name is one word.
namespace {

std::string MatchName(const GlobalEntity& e, std::string* surname,
                      bool* single) {
  std::string name = internal::Lower(e.name);
  for (char& c : name) {
    if (c == '.' || c == ',') c = ' ';
  }
  std::vector<std::string_view> words;
  std::string_view rest = name;
  while (!rest.empty()) {
    const size_t b = rest.find_first_not_of(' ');
    if (b == std::string_view::npos) break;
    rest.remove_prefix(b);
    const size_t end = std::min(rest.find(' '), rest.size());
    words.push_back(rest.substr(0, end));
    rest.remove_prefix(end);
  }
  surname->clear();
  if (e.type == EntityType::kPerson) {
    // Titles before a name ("Gen Pinochet", "Mr Lagos") are not part of it.
    static constexpr std::string_view kTitles[] = {
        "mr",         "mrs",      "ms",       "dr",         "sir",
        "dame",       "gen",      "general",  "col",        "colonel",
        "maj",        "major",    "capt",     "captain",    "lt",
        "sgt",        "sergeant", "adm",      "admiral",    "sen",
        "senator",    "rep",      "gov",      "governor",   "president",
        "pres",       "prime",    "minister", "secretary",  "judge",
        "justice",    "rev",      "father",   "pope",       "king",
        "queen",      "prince",   "princess", "chancellor", "mayor",
        "ambassador", "chief"};
    while (words.size() > 1 && std::find(std::begin(kTitles), std::end(kTitles),
                                         words.front()) != std::end(kTitles)) {
      words.erase(words.begin());
    }
    // The surname is the last word before a generational suffix ("Jr");
    // the suffix stays in the name (a son is not his father).
    static constexpr std::string_view kSuffixes[] = {"jr", "sr", "ii", "iii",
                                                     "iv"};
    size_t last = words.size();
    while (last > 1 && std::find(std::begin(kSuffixes), std::end(kSuffixes),
                                 words[last - 1]) != std::end(kSuffixes)) {
      --last;
    }
    if (last > 0) *surname = std::string(words[last - 1]);
  }
  *single = words.size() == 1;
  std::string out;
  for (const std::string_view w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace

std::vector<uint32_t> MatchIds(const std::vector<GlobalEntity>& entities,
                               std::vector<bool>* person) {
  std::vector<std::string> names(entities.size()), surnames(entities.size());
  std::vector<bool> single(entities.size());
  // Surname -> the one full name ending with it ("" once there are two).
  std::unordered_map<std::string, std::string> full_name;
  for (size_t g = 0; g < entities.size(); ++g) {
    bool one = false;
    names[g] = MatchName(entities[g], &surnames[g], &one);
    single[g] = one;
    if (names[g].empty()) names[g] = "id:" + entities[g].key;
    if (entities[g].type != EntityType::kPerson || one || surnames[g].empty()) {
      continue;
    }
    const auto [it, added] = full_name.emplace(surnames[g], names[g]);
    if (!added && it->second != names[g]) it->second.clear();
  }
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<uint32_t> out(entities.size());
  person->clear();
  for (size_t g = 0; g < entities.size(); ++g) {
    const std::string* key = &names[g];
    if (entities[g].type == EntityType::kPerson && single[g]) {
      const auto it = full_name.find(surnames[g]);
      if (it != full_name.end() && !it->second.empty()) key = &it->second;
    }
    const auto [it, added] =
        ids.emplace(*key, static_cast<uint32_t>(ids.size()));
    if (added) person->push_back(false);
    out[g] = it->second;
    if (entities[g].type == EntityType::kPerson) (*person)[it->second] = true;
  }
  return out;
}

}  // namespace synoptic::stories::internal
