#include "synoptic/time/internal/values.h"

#include <gtest/gtest.h>

namespace synoptic::time::internal {
namespace {

using civil::Date;

TEST(TimexValues, FormatsCalendarUnits) {
  const Date d{2024, 6, 19};
  EXPECT_EQ(UnitValue(d, Unit::kDay), "2024-06-19");
  EXPECT_EQ(UnitValue(d, Unit::kWeek), "2024-W25");
  EXPECT_EQ(UnitValue(d, Unit::kWeekend), "2024-W25-WE");
  EXPECT_EQ(UnitValue(d, Unit::kMonth), "2024-06");
  EXPECT_EQ(UnitValue(d, Unit::kQuarter), "2024-Q2");
  EXPECT_EQ(UnitValue(d, Unit::kDecade), "202");
  EXPECT_EQ(UnitValue(d, Unit::kCentury), "20");
  // ISO week-numbering year differs from the calendar year at the edges.
  EXPECT_EQ(Week(Date{2021, 1, 3}), "2020-W53");
  EXPECT_EQ(Week(Date{2024, 12, 30}), "2025-W01");
}

TEST(TimexValues, FormatsDurations) {
  EXPECT_EQ(DurationValue(3, Unit::kYear), "P3Y");
  EXPECT_EQ(DurationValue(5, Unit::kHour), "PT5H");
  EXPECT_EQ(DurationValue(30, Unit::kMinute), "PT30M");
  EXPECT_EQ(DurationValue(6, Unit::kMonth), "P6M");
  EXPECT_EQ(DurationValue(1, Unit::kDecade), "P10Y");
  EXPECT_EQ(DurationValue(3, Unit::kQuarter), "P9M");
  EXPECT_EQ(DurationValue(-1, Unit::kDay), "PXD");
  EXPECT_EQ(DurationValue(-1, Unit::kHour), "PTXH");
}

TEST(TimexValues, ShiftsClampToMonthEnds) {
  EXPECT_EQ(Shift(Date{2024, 3, 31}, Unit::kMonth, -1), (Date{2024, 2, 29}));
  EXPECT_EQ(Shift(Date{2024, 2, 29}, Unit::kYear, 1), (Date{2025, 2, 28}));
  EXPECT_EQ(Shift(Date{2024, 12, 30}, Unit::kWeek, 1), (Date{2025, 1, 6}));
}

TEST(TimexValues, ComputesOrthodoxEaster) {
  EXPECT_EQ(OrthodoxEaster(2018), (Date{2018, 4, 8}));
  EXPECT_EQ(OrthodoxEaster(2020), (Date{2020, 4, 19}));
  EXPECT_EQ(OrthodoxEaster(2016), (Date{2016, 5, 1}));
  // Some years both churches agree.
  EXPECT_EQ(OrthodoxEaster(2017), Easter(2017));
}

TEST(TimexValues, ComputesWeekdayHolidaysAndEaster) {
  EXPECT_EQ(NthWeekday(2024, 11, 4, 4), (Date{2024, 11, 28}));  // Thanksgiving
  EXPECT_EQ(NthWeekday(2024, 5, 1, -1), (Date{2024, 5, 27}));   // last Monday
  EXPECT_EQ(Easter(2000), (Date{2000, 4, 23}));
  EXPECT_EQ(Easter(2008), (Date{2008, 3, 23}));
  EXPECT_EQ(HolidayDate(Holiday::kGoodFriday, 2024), (Date{2024, 3, 29}));
}

}  // namespace
}  // namespace synoptic::time::internal
