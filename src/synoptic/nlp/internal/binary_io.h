// Fixed-size values in and out of the model files' byte payloads (host byte
// order; the files carry a checksum and a format version, see pos_model.h
// and dep_parser.h).
#ifndef SYNOPTIC_NLP_INTERNAL_BINARY_IO_H_
#define SYNOPTIC_NLP_INTERNAL_BINARY_IO_H_

#include <cstring>
#include <string>
#include <string_view>

namespace synoptic::nlp::internal {

template <typename T>
void Put(std::string* out, T v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof v);
}

// Reads one T from the front of *in; false (nothing consumed) if too short.
template <typename T>
bool Get(std::string_view* in, T* v) {
  if (in->size() < sizeof(T)) return false;
  std::memcpy(v, in->data(), sizeof(T));
  in->remove_prefix(sizeof(T));
  return true;
}

// Reads the "# ..." provenance lines that follow a model file's magic line,
// up to and including the blank line ending them, appending each to *header
// without its "# " and with a newline. Returns null, or what is wrong
// ("truncated header", "no header end").
inline const char* GetHeader(std::string_view* in, std::string* header) {
  while (!in->empty() && (*in)[0] == '#') {
    const size_t nl = in->find('\n');
    if (nl == std::string_view::npos) return "truncated header";
    const size_t from = nl < 2 ? nl : 2;
    header->append(in->substr(from, nl - from));
    header->push_back('\n');
    in->remove_prefix(nl + 1);
  }
  if (in->empty() || (*in)[0] != '\n') return "no header end";
  in->remove_prefix(1);
  return nullptr;
}

}  // namespace synoptic::nlp::internal

#endif  // SYNOPTIC_NLP_INTERNAL_BINARY_IO_H_
