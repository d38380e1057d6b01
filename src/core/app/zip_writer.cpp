#include "core/app/zip_writer.hpp"

#include <zlib.h>

#include <ctime>
#include <limits>
#include <stdexcept>

namespace kefu::app {
namespace {

constexpr uint16_t kUtf8Names = 1 << 11;
constexpr uint16_t kVersion = 20;  // 2.0: deflate

void put16(std::string& out, uint16_t v) {
  out += static_cast<char>(v & 0xff);
  out += static_cast<char>(v >> 8);
}

void put32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

// Raw deflate (no zlib header), as ZIP's method 8 wants.
std::string deflate_raw(const std::string& in) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("deflateInit2");
  std::string out(deflateBound(&z, static_cast<uLong>(in.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate");
  out.resize(z.total_out);
  return out;
}

}  // namespace

ZipWriter::ZipWriter(int64_t modified_ms) {
  const std::time_t t = static_cast<std::time_t>(modified_ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  const int year = std::max(tm.tm_year + 1900, 1980);
  dos_time_ = static_cast<uint16_t>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
  dos_date_ = static_cast<uint16_t>(((year - 1980) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

void ZipWriter::add(const std::string& name, const std::string& bytes) {
  if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos || name.size() > 0xffff)
    throw std::invalid_argument("zip entry name: " + name);
  for (const auto& e : entries_)
    if (e.name == name) throw std::invalid_argument("duplicate zip entry: " + name);
  if (entries_.size() >= 0xffff || bytes.size() >= std::numeric_limits<uint32_t>::max() ||
      body_.size() + bytes.size() >= std::numeric_limits<uint32_t>::max())
    throw std::invalid_argument("zip archive too large (no ZIP64)");

  Entry e;
  e.name = name;
  e.offset = static_cast<uint32_t>(body_.size());
  e.size = static_cast<uint32_t>(bytes.size());
  e.crc = static_cast<uint32_t>(
      crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
  std::string packed = deflate_raw(bytes);
  const bool store = packed.size() >= bytes.size();
  e.method = store ? 0 : 8;
  e.compressed_size = static_cast<uint32_t>(store ? bytes.size() : packed.size());

  put32(body_, 0x04034b50);
  put16(body_, kVersion);
  put16(body_, kUtf8Names);
  put16(body_, e.method);
  put16(body_, dos_time_);
  put16(body_, dos_date_);
  put32(body_, e.crc);
  put32(body_, e.compressed_size);
  put32(body_, e.size);
  put16(body_, static_cast<uint16_t>(name.size()));
  put16(body_, 0);
  body_ += name;
  body_ += store ? bytes : packed;
  entries_.push_back(std::move(e));
}

std::string ZipWriter::finish() const {
  std::string out = body_;
  const auto directory_at = static_cast<uint32_t>(out.size());
  for (const auto& e : entries_) {
    put32(out, 0x02014b50);
    put16(out, kVersion);
    put16(out, kVersion);
    put16(out, kUtf8Names);
    put16(out, e.method);
    put16(out, dos_time_);
    put16(out, dos_date_);
    put32(out, e.crc);
    put32(out, e.compressed_size);
    put32(out, e.size);
    put16(out, static_cast<uint16_t>(e.name.size()));
    put16(out, 0);  // extra
    put16(out, 0);  // comment
    put16(out, 0);  // disk
    put16(out, 0);  // internal attributes
    put32(out, 0);  // external attributes
    put32(out, e.offset);
    out += e.name;
  }
  const auto directory_size = static_cast<uint32_t>(out.size() - directory_at);
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<uint16_t>(entries_.size()));
  put16(out, static_cast<uint16_t>(entries_.size()));
  put32(out, directory_size);
  put32(out, directory_at);
  put16(out, 0);
  return out;
}

}  // namespace kefu::app
