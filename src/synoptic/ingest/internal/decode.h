// Charset sniffing and conversion to UTF-8 (the ICU and uchardet adapter).
//
// Pure functions; safe from any thread. Nothing here fails: an unknown or
// lying charset falls back to detection, and whatever remains ill-formed
// becomes U+FFFD.
#ifndef SYNOPTIC_INGEST_INTERNAL_DECODE_H_
#define SYNOPTIC_INGEST_INTERNAL_DECODE_H_

#include <string>
#include <string_view>

namespace synoptic::ingest::internal {

// Charset named by a byte order mark ("UTF-8", "UTF-16LE", ...) and the
// mark's length, or "" and 0.
std::string_view BomCharset(std::string_view bytes, size_t* bom_len);

// Charset declared by <meta charset> or <meta http-equiv content> in the
// first 4 KB of an HTML page, or "".
std::string MetaCharset(std::string_view html);

// The `charset` parameter of a MIME type ("text/html; charset=koi8-r").
std::string CharsetParam(std::string_view content_type);

// Like DecodeToUtf8 but takes ownership, so valid UTF-8 is moved through
// without a copy.
std::string DecodeOwned(std::string&& bytes, std::string_view declared,
                        bool is_html, std::string* used);

// Converts with ICU; false if ICU does not know the charset.
bool ConvertWithIcu(std::string_view bytes, std::string_view charset,
                    std::string* out, std::string* canonical);

}  // namespace synoptic::ingest::internal

#endif  // SYNOPTIC_INGEST_INTERNAL_DECODE_H_
