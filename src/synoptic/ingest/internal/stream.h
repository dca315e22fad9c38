// ByteStream: a forward-only window over raw, gzip- or zstd-compressed bytes.
//
// Container parsers (WARC, ARC, JSON lines) pull bytes through a window that
// grows on demand and shrinks as they consume, so a multi-gigabyte gzip file
// never has to be decompressed whole. Uncompressed input is a zero-copy view.
// Decoder faults (truncated or corrupt stream, output over the cap) stop the
// stream; the bytes decoded before the fault stay readable and status() says
// what went wrong. Not thread-safe; one stream per input.
#ifndef SYNOPTIC_INGEST_INTERNAL_STREAM_H_
#define SYNOPTIC_INGEST_INTERNAL_STREAM_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "synoptic/core/status.h"

namespace synoptic::ingest::internal {

enum class Codec : uint8_t { kNone, kGzip, kZstd };

// Codec from the first bytes (gzip or zstd magic), else kNone.
Codec SniffCodec(std::string_view bytes);
std::string_view CodecName(Codec codec);

class ByteStream {
 public:
  // `raw` must outlive the stream. Decoded output beyond `max_output` bytes
  // stops the stream with kResourceExhausted.
  // Decoding proceeds in steps of at least `min_chunk` bytes.
  ByteStream(std::string_view raw, Codec codec, uint64_t max_output,
             size_t min_chunk = size_t{64} << 10);
  ~ByteStream();
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;

  // Bytes available from the current position; invalidated by Ensure/Grow.
  std::string_view Window() const {
    return codec_ == Codec::kNone ? raw_.substr(pos_)
                                  : std::string_view(buf_).substr(start_);
  }
  // Makes at least n bytes available; false if the input ends first.
  bool Ensure(size_t n);
  // Decodes more (at least `hint` bytes when possible); false at the end.
  bool Grow(size_t hint = 0);
  // Drops n bytes (n <= Window().size()).
  void Consume(size_t n);
  // Drops n bytes, decoding without keeping them; returns how many were
  // dropped (less than n when the input ends).
  uint64_t Skip(uint64_t n);
  // True when no byte is left, neither buffered nor to decode.
  bool AtEnd() { return Window().empty() && !Grow(); }
  // Everything decoded so far plus everything left is available; used for
  // single-record inputs. Stops early once the window exceeds `limit`.
  void FillUpTo(uint64_t limit);
  // Moves the window out as a string (one copy for uncompressed input) and
  // leaves the window empty.
  std::string TakeWindow();
  // OK, or why decoding stopped early.
  const Status& status() const { return status_; }
  // Decoded bytes consumed so far.
  uint64_t position() const { return consumed_; }
  Codec codec() const { return codec_; }

 private:
  struct Decoder;
  bool DecodeMore(size_t want);

  std::string_view raw_;
  Codec codec_;
  uint64_t max_output_;
  size_t min_chunk_;
  size_t pos_ = 0;    // kNone: offset into raw_
  std::string buf_;   // compressed: decoded bytes
  size_t start_ = 0;  // compressed: window start in buf_
  uint64_t produced_ = 0;
  uint64_t consumed_ = 0;
  bool done_ = false;
  Status status_;
  std::unique_ptr<Decoder> dec_;
};

// Decompresses a whole gzip (multi-member) or zlib/raw-deflate body, as used by
// HTTP Content-Encoding. Fails with kResourceExhausted above max_output.
Result<std::string> Inflate(std::string_view data, bool deflate,
                            uint64_t max_output);

}  // namespace synoptic::ingest::internal

#endif  // SYNOPTIC_INGEST_INTERNAL_STREAM_H_
