#include "synoptic/stories/internal/names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace synoptic::stories::internal {
namespace {

GlobalEntity E(const std::string& key, const std::string& name,
               EntityType type) {
  GlobalEntity e;
  e.key = key;
  e.name = name;
  e.type = type;
  return e;
}

TEST(StoriesNames, BareSurnameAndTitleTakeTheOneFullName) {
  const std::vector<GlobalEntity> es = {
      E("name:person:ian paisley", "Ian Paisley", EntityType::kPerson),
      E("name:person:paisley", "Paisley", EntityType::kPerson),
      E("name:person:mr paisley", "Mr. Paisley", EntityType::kPerson),
      E("name:person:rev ian paisley", "Rev Ian Paisley", EntityType::kPerson)};
  std::vector<bool> person;
  const std::vector<uint32_t> id = MatchIds(es, &person);
  for (size_t i = 1; i < es.size(); ++i) EXPECT_EQ(id[i], id[0]) << i;
  ASSERT_GT(person.size(), id[0]);
  EXPECT_TRUE(person[id[0]]);
}

TEST(StoriesNames, AmbiguousSurnameStaysApart) {
  const std::vector<GlobalEntity> es = {
      E("a", "Gerry Adams", EntityType::kPerson),
      E("b", "John Adams", EntityType::kPerson),
      E("c", "Adams", EntityType::kPerson),
      // A son is not his father, and makes the bare surname ambiguous.
      E("d", "Ian Paisley", EntityType::kPerson),
      E("e", "Ian Paisley Jr.", EntityType::kPerson),
      E("f", "Paisley", EntityType::kPerson)};
  std::vector<bool> person;
  const std::vector<uint32_t> id = MatchIds(es, &person);
  EXPECT_NE(id[0], id[1]);
  EXPECT_NE(id[2], id[0]);
  EXPECT_NE(id[2], id[1]);
  EXPECT_NE(id[3], id[4]);
  EXPECT_NE(id[5], id[3]);
  EXPECT_NE(id[5], id[4]);
}

TEST(StoriesNames, TypeAndCaseDoNotSplitANameButOtherNamesStayApart) {
  const std::vector<GlobalEntity> es = {
      E("name:gpe:northern ireland", "Northern Ireland", EntityType::kGpe),
      E("name:org:northern ireland", "northern ireland", EntityType::kOrg),
      E("name:gpe:ireland", "Ireland", EntityType::kGpe),
      // A place is never a surname.
      E("name:gpe:paisley", "Paisley", EntityType::kGpe),
      E("name:person:ian paisley", "Ian Paisley", EntityType::kPerson)};
  std::vector<bool> person;
  const std::vector<uint32_t> id = MatchIds(es, &person);
  EXPECT_EQ(id[0], id[1]);
  EXPECT_NE(id[0], id[2]);
  EXPECT_NE(id[3], id[4]);
  EXPECT_FALSE(person[id[0]]);
  EXPECT_TRUE(person[id[4]]);
}

}  // namespace
}  // namespace synoptic::stories::internal
