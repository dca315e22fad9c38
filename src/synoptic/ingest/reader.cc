// PLACEHOLDER: replaced by the ingest implementation.
#include "synoptic/ingest/reader.h"
namespace synoptic::ingest {
void ReadInputs(Env*, const std::vector<std::string>&, const ReaderOptions&, RecordSink*) {}
void ReadBytes(std::string_view, std::string_view, const ReaderOptions&, RecordSink*) {}
InputFormat DetectFormat(std::string_view) { return InputFormat::kUnknown; }
Result<std::string> DecodeToUtf8(std::string_view b, std::string_view, bool, std::string*) { return std::string(b); }
}  // namespace synoptic::ingest
