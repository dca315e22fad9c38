// Builders for ingest tests: gzip members, WARC records, HTTP responses.
// Header-only so the library does not carry test code.
#ifndef SYNOPTIC_INGEST_TEST_UTIL_H_
#define SYNOPTIC_INGEST_TEST_UTIL_H_

#include <unicode/ucnv.h>
#include <zlib.h>

#include <string>
#include <string_view>

namespace synoptic::ingest::testing {

// One gzip member holding `data`.
inline std::string Gzip(std::string_view data) {
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
               Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  return out;
}

// A WARC record; `extra` is inserted verbatim among the header fields
// (each line ending in \r\n).
inline std::string WarcRecord(std::string_view type, std::string_view uri,
                              std::string_view content_type,
                              std::string_view block,
                              std::string_view extra = "",
                              std::string_view version = "WARC/1.0") {
  std::string r(version);
  r += "\r\nWARC-Type: ";
  r += type;
  r +=
      "\r\nWARC-Record-ID: <urn:uuid:00000000-1111-2222-3333-444444444444>\r\n";
  r += "WARC-Date: 2024-03-05T10:20:30Z\r\n";
  if (!uri.empty()) {
    r += "WARC-Target-URI: ";
    r += uri;
    r += "\r\n";
  }
  r += extra;
  r += "Content-Type: ";
  r += content_type;
  r += "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

inline std::string HttpResponse(std::string_view status,
                                std::string_view headers,
                                std::string_view body) {
  std::string r = "HTTP/1.1 ";
  r += status;
  r += "\r\nServer: test\r\n";
  r += headers;
  r += "\r\n";
  r += body;
  return r;
}

// UTF-8 text converted to `charset` with ICU (for building legacy pages).
inline std::string FromUtf8(std::string_view utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(),
                                 static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &err);
  out.resize(U_SUCCESS(err) ? static_cast<size_t>(n) : 0);
  return out;
}

}  // namespace synoptic::ingest::testing

#endif  // SYNOPTIC_INGEST_TEST_UTIL_H_
