#include "synoptic/stories/internal/facts.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace synoptic::stories::internal {
namespace {

std::vector<std::string> Venues(std::string_view s) {
  std::vector<Word> scratch;
  std::vector<std::string> out;
  for (const Venue& v : FindVenues(s, &scratch)) {
    out.push_back(std::string(v.what) + ": " + v.name + " = " + v.norm);
  }
  return out;
}

TEST(StoriesFacts, VenueIsTheBuildingPhraseNextToAHappening) {
  EXPECT_EQ(Venues("The treaty was signed in the Mirror Room of the Old "
                   "Town Hall on Friday."),
            (std::vector<std::string>{
                "signing: Mirror Room of the Old Town Hall = mirror room of "
                "old town hall"}));
  EXPECT_EQ(Venues("In the Great Hall on Thursday they signed a charter."),
            (std::vector<std::string>{"signing: Great Hall = great hall"}));
  // Curly apostrophes are compared as straight ones.
  EXPECT_EQ(Venues("Talks were held at St Olaf\u2019s House."),
            (std::vector<std::string>{
                "talks: St Olaf\u2019s House = st olaf's house"}));
}

TEST(StoriesFacts, VenueNeedsABuildingWordAndANearbyCue) {
  // A city is a place, not a venue.
  EXPECT_TRUE(Venues("The leaders met in Lisbon on Monday.").empty());
  // No happening cue in the clause.
  EXPECT_TRUE(Venues("Tourists queued at the Royal Palace all day.").empty());
  // The cue is across a clause break.
  EXPECT_TRUE(
      Venues("After the talks, the guests dined at the Winter Palace.").empty());
  // The cue sits in a temporal adjunct: the venue is the dinner's.
  EXPECT_TRUE(Venues("The guests dined at the Winter Palace after the talks.")
                  .empty());
}

TEST(StoriesFacts, HappeningClassPrefersSigning) {
  std::vector<Word> scratch;
  EXPECT_EQ(HappeningClass("They met and signed a pact.", &scratch), "signing");
  EXPECT_EQ(HappeningClass("They witnessed the exchange of 4 documents.",
                           &scratch),
            "signing");
  EXPECT_EQ(HappeningClass("They exchanged views over tea.", &scratch), "");
  EXPECT_EQ(HappeningClass("The ministers met again.", &scratch), "talks");
  EXPECT_EQ(HappeningClass("Prices rose.", &scratch), "");
}

TEST(StoriesFacts, VenueContainmentIsByWholeWords) {
  EXPECT_TRUE(VenueContains("mirror room of old town hall", "old town hall"));
  EXPECT_TRUE(VenueContains("kremlin", "kremlin"));
  EXPECT_FALSE(VenueContains("mirror room of old town hall", "town hal"));
  EXPECT_FALSE(VenueContains("great hall", "great hall of people"));
}

TEST(StoriesFacts, CountClassJoinsNamesOfSignedPapers) {
  EXPECT_EQ(CountClass("agreement"), CountClass("document"));
  EXPECT_EQ(CountClass("deal"), "documents signed");
  EXPECT_EQ(CountClass("soldier"), "soldier");
}

TEST(StoriesFacts, LengthsInHours) {
  EXPECT_DOUBLE_EQ(DurationHours("PT3H"), 3.0);
  EXPECT_DOUBLE_EQ(DurationHours("PT4.5H"), 4.5);
  EXPECT_DOUBLE_EQ(DurationHours("PT90M"), 1.5);
  EXPECT_DOUBLE_EQ(DurationHours("PT4H30M"), 4.5);
  EXPECT_LT(DurationHours("P3D"), 0);
  EXPECT_LT(DurationHours("PT30H"), 0);
  EXPECT_LT(DurationHours("PTXH"), 0);
  EXPECT_LT(DurationHours("PT3S"), 0);
  EXPECT_LT(DurationHours("PT4H30"), 0);
  std::vector<Word> scratch;
  EXPECT_TRUE(StatesLength("The meeting lasted two hours.", &scratch));
  EXPECT_FALSE(StatesLength("The meeting is in two hours.", &scratch));
}

}  // namespace
}  // namespace synoptic::stories::internal
