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

}  // namespace synoptic::nlp::internal

#endif  // SYNOPTIC_NLP_INTERNAL_BINARY_IO_H_
