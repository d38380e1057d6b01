#include "tickets/domain/image_metadata.hpp"

#include <algorithm>
#include <cstdint>

namespace kefu::ticket {
namespace {

uint8_t byte(std::string_view d, std::size_t i) { return static_cast<uint8_t>(d[i]); }
uint32_t be16(std::string_view d, std::size_t i) { return (byte(d, i) << 8) | byte(d, i + 1); }
uint32_t be32(std::string_view d, std::size_t i) { return (be16(d, i) << 16) | be16(d, i + 2); }
uint32_t le32(std::string_view d, std::size_t i) {
  return byte(d, i) | (byte(d, i + 1) << 8) | (byte(d, i + 2) << 16) | (static_cast<uint32_t>(byte(d, i + 3)) << 24);
}
void put_le32(std::string& out, std::size_t at, uint32_t v) {
  for (int k = 0; k < 4; ++k) out[at + k] = static_cast<char>((v >> (8 * k)) & 0xFF);
}

// The Orientation tag (0x0112) of an Exif block's first IFD ("Exif\0\0" + TIFF), or 0.
int exif_orientation(std::string_view exif) {
  if (exif.size() < 14 || exif.substr(0, 6) != std::string_view("Exif\0\0", 6)) return 0;
  auto tiff = exif.substr(6);
  const bool little = tiff.substr(0, 2) == "II";
  if (!little && tiff.substr(0, 2) != "MM") return 0;
  auto u16 = [&](std::size_t i) { return little ? byte(tiff, i) | (byte(tiff, i + 1) << 8) : be16(tiff, i); };
  auto u32 = [&](std::size_t i) { return little ? le32(tiff, i) : be32(tiff, i); };
  const std::size_t ifd = u32(4);
  if (ifd + 2 > tiff.size()) return 0;
  const std::size_t entries = u16(ifd);
  for (std::size_t e = 0; e < entries; ++e) {
    const std::size_t at = ifd + 2 + 12 * e;
    if (at + 12 > tiff.size()) return 0;
    if (u16(at) == 0x0112 && u16(at + 2) == 3) {  // SHORT
      const int v = static_cast<int>(u16(at + 8));
      return v >= 1 && v <= 8 ? v : 0;
    }
  }
  return 0;
}

// An APP1 segment holding an Exif block with the Orientation tag only (big-endian TIFF).
std::string orientation_only_app1(int orientation) {
  const unsigned char seg[] = {0xFF, 0xE1, 0x00, 34,   'E', 'x', 'i', 'f', 0, 0,
                               'M',  'M',  0x00, 0x2A, 0,   0,   0,   8,   0, 1,
                               0x01, 0x12, 0x00, 0x03, 0,   0,   0,   1,   0, static_cast<unsigned char>(orientation),
                               0,    0,    0,    0,    0,   0};
  return std::string(reinterpret_cast<const char*>(seg), sizeof(seg));
}

bool keep_jpeg_segment(uint8_t marker, std::string_view payload) {
  if (marker == 0xFE) return false;  // COM
  if (marker < 0xE0 || marker > 0xEF) return true;
  if (marker == 0xE0 || marker == 0xEE) return true;  // JFIF, Adobe
  return marker == 0xE2 && payload.substr(0, 12) == std::string_view("ICC_PROFILE\0", 12);
}

std::optional<std::string> strip_jpeg(std::string_view d) {
  if (d.size() < 4 || byte(d, 0) != 0xFF || byte(d, 1) != 0xD8) return std::nullopt;
  std::string out = "\xFF\xD8";
  std::size_t i = 2;
  bool oriented = false;
  while (i < d.size()) {
    if (byte(d, i) != 0xFF) return std::nullopt;
    while (i < d.size() && byte(d, i) == 0xFF) ++i;  // fill bytes
    if (i >= d.size()) return std::nullopt;
    const uint8_t marker = byte(d, i++);
    if (marker == 0xD9) return out + "\xFF\xD9";  // end of image: what follows is dropped
    if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      out += '\xFF';
      out += static_cast<char>(marker);
      continue;
    }
    if (i + 2 > d.size()) return std::nullopt;
    const std::size_t len = be16(d, i);
    if (len < 2 || i + len > d.size()) return std::nullopt;
    const auto payload = d.substr(i + 2, len - 2);
    if (keep_jpeg_segment(marker, payload)) {
      out += '\xFF';
      out += static_cast<char>(marker);
      out.append(d.substr(i, len));
    } else if (marker == 0xE1 && !oriented) {
      const int o = exif_orientation(payload);
      if (o > 1) out += orientation_only_app1(o);
      oriented = o > 0;
    }
    i += len;
    if (marker != 0xDA) continue;
    // Start of scan: entropy-coded data up to the next marker (0xFF not followed by a
    // stuffed 0x00 or a restart marker).
    std::size_t j = i;
    while (j < d.size()) {
      if (byte(d, j) == 0xFF && j + 1 < d.size()) {
        const uint8_t next = byte(d, j + 1);
        if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
          j += 2;
          continue;
        }
        if (next != 0xFF) break;
      }
      ++j;
    }
    out.append(d.substr(i, j - i));
    i = j;
  }
  return out;  // a scan cut short before its end marker: kept as it came (still no metadata)
}

std::optional<std::string> strip_png(std::string_view d) {
  static constexpr std::string_view kSignature("\x89PNG\r\n\x1A\n", 8);
  if (d.substr(0, 8) != kSignature) return std::nullopt;
  std::string out(kSignature);
  std::size_t i = 8;
  while (i + 12 <= d.size()) {
    const std::size_t len = be32(d, i);
    if (len > d.size() - i - 12) return std::nullopt;
    const auto type = d.substr(i + 4, 4);
    const bool metadata = type == "eXIf" || type == "tEXt" || type == "zTXt" || type == "iTXt" || type == "tIME";
    if (!metadata) out.append(d.substr(i, len + 12));
    i += len + 12;
    if (type == "IEND") return out;
  }
  return std::nullopt;  // no IEND
}

std::optional<std::string> strip_webp(std::string_view d) {
  if (d.size() < 12 || d.substr(0, 4) != "RIFF" || d.substr(8, 4) != "WEBP") return std::nullopt;
  const std::size_t end = std::min<std::size_t>(d.size(), std::size_t{8} + le32(d, 4));
  std::string out(d.substr(0, 12));
  std::size_t i = 12, vp8x = 0;
  while (i + 8 <= end) {
    const auto fourcc = d.substr(i, 4);
    const std::size_t size = le32(d, i + 4), padded = size + (size & 1);
    if (size > end - i - 8) return std::nullopt;
    if (fourcc == "VP8X" && size >= 1) vp8x = out.size() + 8;
    if (fourcc != "EXIF" && fourcc != "XMP ") out.append(d.substr(i, std::min(8 + padded, end - i)));
    i += 8 + padded;
  }
  if (vp8x) out[vp8x] = static_cast<char>(byte(out, vp8x) & ~0x0C);  // no EXIF (0x08), no XMP (0x04)
  put_le32(out, 4, static_cast<uint32_t>(out.size() - 8));
  return out;
}

}  // namespace

std::optional<std::string> strip_image_metadata(std::string_view content_type, std::string_view image) {
  if (content_type == "image/jpeg") return strip_jpeg(image);
  if (content_type == "image/png") return strip_png(image);
  if (content_type == "image/webp") return strip_webp(image);
  if (content_type == "image/gif") return std::string(image);
  return std::nullopt;
}

}  // namespace kefu::ticket
