#include "synoptic/time/internal/calendars.h"

#include <gtest/gtest.h>

#include <string_view>

namespace synoptic::time::internal {
namespace {

using civil::Date;

const Feast* FeastNamed(std::string_view name) {
  size_t n = 0;
  const Feast* f = Feasts(&n);
  for (size_t i = 0; i < n; ++i) {
    std::string_view names = f[i].names;
    if (names.substr(0, names.find('|')) == name) return &f[i];
  }
  return nullptr;
}

TEST(FeastCalendars, LunarFeastCanFallTwiceInAYear) {
  const Feast* fitr = FeastNamed("eid al fitr");
  ASSERT_NE(fitr, nullptr);
  auto days = FeastDays(*fitr, 2000);
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].month, 1);
  EXPECT_EQ(days[1].month, 12);
  EXPECT_TRUE(FeastDays(*fitr, 1200).empty());  // out of range
}

TEST(FeastCalendars, FastMovesOffTheSabbath) {
  // 9 Av 5778 was Saturday 21 July 2018: the fast is kept on Sunday 22 July
  // and so begins on the evening of the 21st (not the 20th).
  const Feast* av = FeastNamed("tisha b av");
  ASSERT_NE(av, nullptr);
  auto days = FeastDays(*av, 2018);
  ASSERT_EQ(days.size(), 1u);
  EXPECT_EQ(days[0], (Date{2018, 7, 21}));
}

TEST(FeastCalendars, LastFridayOfRamadan) {
  const Feast* wida = FeastNamed("jumu atul wida");
  ASSERT_NE(wida, nullptr);
  auto days = FeastDays(*wida, 2024);
  ASSERT_EQ(days.size(), 1u);
  EXPECT_EQ(days[0], (Date{2024, 4, 5}));  // Eid al-Fitr 2024: Wed 10 April
}

TEST(FeastCalendars, HinduLunarDay) {
  // Amavasya of Ashvin (amanta) 2023: Diwali's new moon, 12-13 November.
  auto d = HinduLunarDay(2023, 7, 30);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(*d, (Date{2023, 11, 13}));  // at sunrise; Diwali is kept at dusk
  // Purnima of Shravana 2024: Raksha Bandhan, 19 August.
  EXPECT_EQ(HinduLunarDay(2024, 5, 15), (Date{2024, 8, 19}));
}

}  // namespace
}  // namespace synoptic::time::internal
