#include "synoptic/core/types.h"

namespace synoptic {

std::string_view InputFormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kUnknown: return "unknown";
    case InputFormat::kHtml: return "html";
    case InputFormat::kText: return "text";
    case InputFormat::kWarc: return "warc";
    case InputFormat::kJsonLines: return "jsonl";
  }
  return "unknown";
}

std::string_view DateSourceName(DateSource s) {
  switch (s) {
    case DateSource::kNone: return "none";
    case DateSource::kMeta: return "meta";
    case DateSource::kJsonLd: return "json-ld";
    case DateSource::kTime: return "time-element";
    case DateSource::kByline: return "byline";
    case DateSource::kText: return "text";
    case DateSource::kUrl: return "url";
    case DateSource::kRecord: return "record";
    case DateSource::kOption: return "option";
    case DateSource::kInferred: return "inferred";
  }
  return "none";
}

std::string_view PosName(Pos p) {
  static constexpr std::string_view kNames[] = {
      "X",    "ADJ",  "ADP",   "ADV",   "AUX",   "CCONJ", "DET",   "INTJ", "NOUN",
      "NUM",  "PART", "PRON",  "PROPN", "PUNCT", "SCONJ", "SYM",   "VERB"};
  const auto i = static_cast<size_t>(p);
  return i < std::size(kNames) ? kNames[i] : "X";
}

std::string_view EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "PERSON";
    case EntityType::kOrg: return "ORG";
    case EntityType::kGpe: return "GPE";
    case EntityType::kLoc: return "LOC";
    case EntityType::kNorp: return "NORP";
    case EntityType::kFac: return "FAC";
    case EntityType::kEvent: return "EVENT";
    case EntityType::kLaw: return "LAW";
    case EntityType::kOther: return "MISC";
  }
  return "MISC";
}

std::string_view TimexTypeName(TimexType t) {
  switch (t) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

std::string_view TimexAnchorName(TimexAnchor a) {
  switch (a) {
    case TimexAnchor::kNone: return "none";
    case TimexAnchor::kDct: return "dct";
    case TimexAnchor::kInferred: return "inferred";
  }
  return "none";
}

std::string_view ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted: return "asserted";
    case Modality::kReported: return "reported";
    case Modality::kPlanned: return "planned";
    case Modality::kSpeculated: return "speculated";
    case Modality::kNegated: return "negated";
    case Modality::kHypothetical: return "hypothetical";
  }
  return "asserted";
}

}  // namespace synoptic
