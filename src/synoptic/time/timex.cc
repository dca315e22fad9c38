// PLACEHOLDER: replaced by the time implementation.
#include "synoptic/time/timex.h"
namespace synoptic::time {
void TagTimes(const std::optional<civil::Date>&, const TimeOptions&, DocAnalysis*) {}
std::vector<Timex> TagText(std::string_view, const std::optional<civil::Date>&, const TimeOptions&) { return {}; }
}  // namespace synoptic::time
