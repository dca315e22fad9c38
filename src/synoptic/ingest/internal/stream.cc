// ByteStream decoders. gzip input may hold many members (WARC writes one per
// record); zstd input may hold many frames. Both are decoded in bounded
// chunks into a buffer that is compacted once the consumed prefix dominates,
// so memory stays near the largest record rather than the file size.
#include "synoptic/ingest/internal/stream.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <climits>

namespace synoptic::ingest::internal {
namespace {

constexpr size_t kMinChunk = size_t{64} << 10;
constexpr size_t kMaxChunk = size_t{16} << 20;

}  // namespace

Codec SniffCodec(std::string_view b) {
  if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1f &&
      static_cast<unsigned char>(b[1]) == 0x8b) {
    return Codec::kGzip;
  }
  if (b.size() >= 4 && static_cast<unsigned char>(b[0]) == 0x28 &&
      static_cast<unsigned char>(b[1]) == 0xb5 &&
      static_cast<unsigned char>(b[2]) == 0x2f &&
      static_cast<unsigned char>(b[3]) == 0xfd) {
    return Codec::kZstd;
  }
  return Codec::kNone;
}

std::string_view CodecName(Codec codec) {
  switch (codec) {
    case Codec::kNone:
      return "none";
    case Codec::kGzip:
      return "gzip";
    case Codec::kZstd:
      return "zstd";
  }
  return "none";
}

struct ByteStream::Decoder {
  z_stream z{};
  bool z_ready = false;
  bool member_done = false;
  ZSTD_DCtx* zstd = nullptr;
  size_t zstd_last = 1;  // last ZSTD_decompressStream hint; 0 = frame ended
  size_t in_pos = 0;

  ~Decoder() {
    if (z_ready) inflateEnd(&z);
    if (zstd != nullptr) ZSTD_freeDCtx(zstd);
  }
};

ByteStream::ByteStream(std::string_view raw, Codec codec, uint64_t max_output,
                       size_t min_chunk)
    : raw_(raw),
      codec_(codec),
      max_output_(max_output),
      min_chunk_(std::clamp<size_t>(min_chunk, 16, kMaxChunk)) {
  if (codec_ == Codec::kNone) {
    if (raw_.size() > max_output_) {
      raw_ = raw_.substr(0, max_output_);
      status_ = ResourceExhausted("input is over the limit of " +
                                  std::to_string(max_output_) + " bytes");
    }
    return;
  }
  dec_ = std::make_unique<Decoder>();
  if (codec_ == Codec::kGzip) {
    if (inflateInit2(&dec_->z, 16 + MAX_WBITS) != Z_OK) {
      status_ = Internal("cannot initialise zlib");
      done_ = true;
      return;
    }
    dec_->z_ready = true;
  } else {
    dec_->zstd = ZSTD_createDCtx();
    if (dec_->zstd == nullptr) {
      status_ = Internal("cannot initialise zstd");
      done_ = true;
    }
  }
}

ByteStream::~ByteStream() = default;

bool ByteStream::Ensure(size_t n) {
  while (Window().size() < n) {
    if (!Grow(n - Window().size())) return false;
  }
  return true;
}

bool ByteStream::Grow(size_t hint) {
  if (codec_ == Codec::kNone) return false;
  const size_t before = buf_.size() - start_;
  while (!done_ && buf_.size() - start_ == before) {
    DecodeMore(hint);
  }
  return buf_.size() - start_ > before;
}

void ByteStream::Consume(size_t n) {
  consumed_ += n;
  if (codec_ == Codec::kNone) {
    pos_ += n;
  } else {
    start_ += n;
  }
}

uint64_t ByteStream::Skip(uint64_t n) {
  uint64_t skipped = 0;
  while (skipped < n) {
    const size_t have = Window().size();
    if (have == 0) {
      const uint64_t rest = n - skipped;
      if (!Grow(static_cast<size_t>(std::min<uint64_t>(rest, kMaxChunk)))) {
        break;
      }
      continue;
    }
    const size_t take =
        static_cast<size_t>(std::min<uint64_t>(have, n - skipped));
    Consume(take);
    skipped += take;
  }
  return skipped;
}

void ByteStream::FillUpTo(uint64_t limit) {
  while (Window().size() <= limit) {
    const size_t have = Window().size();
    const size_t hint = std::clamp<size_t>(have, min_chunk_, kMaxChunk);
    if (!Grow(hint)) break;
  }
}

std::string ByteStream::TakeWindow() {
  std::string out;
  if (codec_ == Codec::kNone) {
    out.assign(Window());
    Consume(out.size());
  } else {
    buf_.erase(0, start_);
    start_ = 0;
    out.swap(buf_);
    consumed_ += out.size();
  }
  return out;
}

bool ByteStream::DecodeMore(size_t want) {
  if (done_) return false;
  // Compact once the consumed prefix is at least half the buffer.
  if (start_ > 0 && start_ >= buf_.size() / 2) {
    buf_.erase(0, start_);
    start_ = 0;
  }
  want = std::clamp(want, min_chunk_, kMaxChunk);
  // One byte past the cap tells "exactly at the cap" from "over it".
  const uint64_t room = max_output_ - std::min(max_output_, produced_) + 1;
  want = static_cast<size_t>(std::min<uint64_t>(want, room));
  const size_t old = buf_.size();
  buf_.resize(old + want);
  size_t got = 0;
  Decoder& d = *dec_;
  if (codec_ == Codec::kGzip) {
    z_stream& z = d.z;
    z.next_out = reinterpret_cast<Bytef*>(buf_.data() + old);
    z.avail_out = static_cast<uInt>(want);
    while (z.avail_out > 0 && !done_) {
      if (d.member_done) {
        if (d.in_pos >= raw_.size()) {
          done_ = true;
          break;
        }
        const std::string_view rest = raw_.substr(d.in_pos);
        if (SniffCodec(rest) != Codec::kGzip) {
          // Some writers pad with zero bytes; anything else is damage.
          if (rest.find_first_not_of('\0') != std::string_view::npos) {
            status_ = Corrupt("data after the end of the gzip stream at byte " +
                              std::to_string(d.in_pos));
          }
          done_ = true;
          break;
        }
        inflateReset(&z);
        d.member_done = false;
      }
      const size_t avail = std::min<size_t>(raw_.size() - d.in_pos, UINT_MAX);
      z.next_in =
          reinterpret_cast<Bytef*>(const_cast<char*>(raw_.data() + d.in_pos));
      z.avail_in = static_cast<uInt>(avail);
      const uInt out_before = z.avail_out;
      const int r = inflate(&z, Z_NO_FLUSH);
      const size_t used = avail - z.avail_in;
      d.in_pos += used;
      if (r == Z_STREAM_END) {
        d.member_done = true;
        continue;
      }
      if (r == Z_OK || r == Z_BUF_ERROR) {
        if (d.in_pos >= raw_.size() && z.avail_out > 0) {
          status_ = Truncated("truncated gzip stream");
          done_ = true;
        } else if (used == 0 && z.avail_out == out_before) {
          status_ = Corrupt("gzip stream makes no progress");
          done_ = true;
        }
        continue;
      }
      status_ = Corrupt(std::string("corrupt gzip stream: ") +
                        (z.msg != nullptr ? z.msg : "data error"));
      done_ = true;
    }
    got = want - z.avail_out;
  } else {
    ZSTD_outBuffer out{buf_.data() + old, want, 0};
    ZSTD_inBuffer in{raw_.data(), raw_.size(), d.in_pos};
    while (out.pos < out.size && !done_) {
      const size_t in_before = in.pos;
      const size_t out_before = out.pos;
      const size_t r = ZSTD_decompressStream(d.zstd, &out, &in);
      if (ZSTD_isError(r)) {
        status_ = Corrupt(std::string("corrupt zstd stream: ") +
                          ZSTD_getErrorName(r));
        done_ = true;
        break;
      }
      d.zstd_last = r;
      if (in.pos == in.size && out.pos < out.size &&
          (r == 0 || (in.pos == in_before && out.pos == out_before))) {
        if (r != 0) status_ = Truncated("truncated zstd stream");
        done_ = true;
      }
    }
    d.in_pos = in.pos;
    got = out.pos;
  }
  buf_.resize(old + got);
  produced_ += got;
  if (produced_ > max_output_) {
    buf_.resize(buf_.size() - static_cast<size_t>(produced_ - max_output_));
    produced_ = max_output_;
    status_ = ResourceExhausted("decompressed data is over the limit of " +
                                std::to_string(max_output_) + " bytes");
    done_ = true;
  }
  return got > 0;
}

Result<std::string> Inflate(std::string_view data, bool deflate,
                            uint64_t max_output) {
  if (!deflate) {
    ByteStream s(data, Codec::kGzip, max_output);
    s.FillUpTo(max_output);
    if (!s.status().ok()) return s.status();
    return s.TakeWindow();
  }
  // "deflate" is meant to be zlib-wrapped, but many servers send raw deflate.
  for (const int bits : {MAX_WBITS, -MAX_WBITS}) {
    z_stream z{};
    if (inflateInit2(&z, bits) != Z_OK)
      return Internal("cannot initialise zlib");
    std::string out;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(std::min<size_t>(data.size(), UINT_MAX));
    int r = Z_OK;
    while (r == Z_OK) {
      const size_t old = out.size();
      const size_t chunk = std::max(kMinChunk, old);
      out.resize(old + chunk);
      z.next_out = reinterpret_cast<Bytef*>(out.data() + old);
      z.avail_out = static_cast<uInt>(chunk);
      r = inflate(&z, Z_NO_FLUSH);
      out.resize(old + chunk - z.avail_out);
      if (out.size() > max_output) {
        inflateEnd(&z);
        return ResourceExhausted("decompressed data is over the limit of " +
                                 std::to_string(max_output) + " bytes");
      }
      if (r == Z_BUF_ERROR && z.avail_in == 0) break;
    }
    inflateEnd(&z);
    if (r == Z_STREAM_END) return out;
    if (bits < 0) {
      return r == Z_BUF_ERROR ? Truncated("truncated deflate stream")
                              : Corrupt("corrupt deflate stream");
    }
  }
  return Corrupt("corrupt deflate stream");
}

}  // namespace synoptic::ingest::internal
