// Photos lose their metadata (GPS above all) and stay valid images: real JPEG and PNG
// bytes (made by cjpeg and zlib), with Exif, XMP and text blocks put in by the test.
#include "tickets/domain/image_metadata.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace kefu::ticket {
namespace {

std::string bytes(std::initializer_list<int> v) {
  std::string s;
  for (int b : v) s += static_cast<char>(b);
  return s;
}
std::string hex(std::string_view h) {
  std::string s;
  for (std::size_t i = 0; i + 1 < h.size(); i += 2)
    s += static_cast<char>(std::stoi(std::string(h.substr(i, 2)), nullptr, 16));
  return s;
}
std::string le16(int v) { return bytes({v & 0xFF, (v >> 8) & 0xFF}); }
std::string le32(uint32_t v) { return le16(v & 0xFFFF) + le16(v >> 16); }
std::string be16(int v) { return bytes({(v >> 8) & 0xFF, v & 0xFF}); }
std::string be32(uint32_t v) { return be16(v >> 16) + be16(v & 0xFFFF); }

// A 2×2 grey baseline JPEG from cjpeg: SOI, APP0 (JFIF, 16 bytes), DQT, SOF0, DHT, SOS…EOI.
const std::string kJpeg =
    hex("ffd8ffe000104a46494600010100000100010000ffdb004300100b0c0e0c0a100e0d0e1211101318281a181616183123"
        "251d283a333d3c3933383740485c4e404457453738506d51575f626768673e4d71797064785c656763ffc0000b080002"
        "000201011100ffc40014000100000000000000000000000000000006ffc4001b10010100010500000000000000000000"
        "000104030002435171ffda0008010100003f006734119362093001b0e33af35fffd9");
constexpr std::size_t kAfterApp0 = 2 + 2 + 16;

// An APP1 Exif block (little-endian TIFF): IFD0 with Orientation, Make and a GPS IFD
// (N 31°14′, the Bund).
std::string exif_app1(int orientation) {
  std::string tiff = "II" + le16(42) + le32(8);
  const uint32_t gps_ifd = 8 + 2 + 3 * 12 + 4, make = gps_ifd + 2 + 2 * 12 + 4, lat = make + 10;
  tiff += le16(3);
  tiff += le16(0x0112) + le16(3) + le32(1) + le16(orientation) + le16(0);  // Orientation
  tiff += le16(0x010F) + le16(2) + le32(10) + le32(make);                  // Make
  tiff += le16(0x8825) + le16(4) + le32(1) + le32(gps_ifd);                // GPS IFD
  tiff += le32(0);
  tiff += le16(2);
  tiff += le16(0x0001) + le16(2) + le32(2) + std::string("N\0\0\0", 4);  // GPSLatitudeRef
  tiff += le16(0x0002) + le16(5) + le32(3) + le32(lat);                  // GPSLatitude
  tiff += le32(0);
  tiff += std::string("KefuPhone", 10);
  tiff += le32(31) + le32(1) + le32(14) + le32(1) + le32(0) + le32(1);
  std::string payload = std::string("Exif\0\0", 6) + tiff;
  return bytes({0xFF, 0xE1}) + be16(static_cast<int>(payload.size()) + 2) + payload;
}

std::string segment(int marker, const std::string& payload) {
  return bytes({0xFF, marker}) + be16(static_cast<int>(payload.size()) + 2) + payload;
}

std::string with_segments(const std::string& inserted) {
  return kJpeg.substr(0, kAfterApp0) + inserted + kJpeg.substr(kAfterApp0);
}

const std::string kXmp = std::string("http://ns.adobe.com/xap/1.0/\0", 29) +
                         "<x:xmpmeta><rdf:Description exif:GPSLatitude=\"31,14N\"/></x:xmpmeta>";

TEST(ImageMetadata, AJpegWithoutMetadataIsUnchanged) { EXPECT_EQ(strip_image_metadata("image/jpeg", kJpeg), kJpeg); }

TEST(ImageMetadata, JpegExifWithGpsXmpIptcAndCommentsAreRemoved) {
  auto in = with_segments(exif_app1(1) + segment(0xE1, kXmp) + segment(0xED, "Photoshop 3.0 IPTC city=上海") +
                          segment(0xFE, "taken at 南京东路 by KefuPhone"));
  auto out = strip_image_metadata("image/jpeg", in);
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, kJpeg);  // orientation 1 is the default: no Exif block at all
  EXPECT_EQ(out->find("KefuPhone"), std::string::npos);
}

TEST(ImageMetadata, ARotatedJpegKeepsOnlyItsOrientation) {
  auto out = strip_image_metadata("image/jpeg", with_segments(exif_app1(6)));
  ASSERT_TRUE(out);
  // APP1: "Exif\0\0", big-endian TIFF, one IFD entry: Orientation (SHORT) = 6.
  const std::string only = bytes({0xFF, 0xE1, 0, 34}) + std::string("Exif\0\0MM\0\x2A\0\0\0\x08", 14) +
                           bytes({0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0});
  EXPECT_EQ(*out, with_segments(only));
  EXPECT_EQ(out->find("KefuPhone"), std::string::npos);
  EXPECT_EQ(strip_image_metadata("image/jpeg", *out), *out) << "stripping twice changes nothing";
}

TEST(ImageMetadata, JpegKeepsItsColourProfileAndDropsWhatFollowsTheEnd) {
  auto icc = segment(0xE2, std::string("ICC_PROFILE\0\x01\x01", 14) + "profile");
  auto mpf = segment(0xE2, std::string("MPF\0", 4) + "II*");
  auto out = strip_image_metadata("image/jpeg", with_segments(icc + mpf) + exif_app1(3));  // a second picture's Exif
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, with_segments(icc));
}

TEST(ImageMetadata, ABrokenJpegIsRefused) {
  EXPECT_FALSE(strip_image_metadata("image/jpeg", kJpeg.substr(0, 30)));                  // a segment cut short
  EXPECT_FALSE(strip_image_metadata("image/jpeg", "\xFF\xD8\xFF"));                       // nothing after the start
  EXPECT_FALSE(strip_image_metadata("image/jpeg", std::string("\xFF\xD8x", 3) + kJpeg));  // not a marker
}

uint32_t crc32(std::string_view d) {
  uint32_t c = 0xFFFFFFFF;
  for (unsigned char b : d) {
    c ^= b;
    for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
  }
  return c ^ 0xFFFFFFFF;
}
std::string chunk(const std::string& type, const std::string& data) {
  return be32(static_cast<uint32_t>(data.size())) + type + data + be32(crc32(type + data));
}

// A 1×1 RGB PNG (zlib): signature, IHDR, IDAT, IEND.
const std::string kPng =
    hex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c49444154789c63b8236203"
        "0002fc012dd5cccabc0000000049454e44ae426082");
constexpr std::size_t kAfterIhdr = 8 + 25;

TEST(ImageMetadata, PngTextExifAndTimeChunksAreRemoved) {
  auto in = kPng.substr(0, kAfterIhdr) + chunk("eXIf", exif_app1(1).substr(10)) +
            chunk("tEXt", std::string("Comment\0GPS 31.23N", 18)) +
            chunk("iTXt", std::string("XML:com.adobe.xmp\0\0\0\0\0", 22) + kXmp) +
            chunk("zTXt", std::string("Author\0\0", 8) + "x") + chunk("tIME", bytes({7, 234, 11, 22, 10, 0, 0})) +
            chunk("gAMA", be32(45455)) + kPng.substr(kAfterIhdr) + "trailing bytes";
  auto out = strip_image_metadata("image/png", in);
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, kPng.substr(0, kAfterIhdr) + chunk("gAMA", be32(45455)) + kPng.substr(kAfterIhdr));
  EXPECT_EQ(strip_image_metadata("image/png", kPng), kPng);
  EXPECT_FALSE(strip_image_metadata("image/png", kPng.substr(0, kPng.size() - 12)));  // no IEND
}

std::string riff_chunk(const std::string& fourcc, const std::string& data) {
  return fourcc + le32(static_cast<uint32_t>(data.size())) + data + (data.size() % 2 ? std::string(1, '\0') : "");
}
std::string webp(const std::string& chunks) {
  return "RIFF" + le32(static_cast<uint32_t>(4 + chunks.size())) + "WEBP" + chunks;
}

TEST(ImageMetadata, WebpExifAndXmpChunksAndTheirFlagsAreRemoved) {
  const std::string vp8l = riff_chunk("VP8L", "\x2f image data");  // not decoded here
  auto vp8x = [](int flags) { return riff_chunk("VP8X", bytes({flags, 0, 0, 0, 0, 0, 0, 0, 0, 0})); };
  auto in = webp(vp8x(0x2C) + riff_chunk("ICCP", "icc") + vp8l + riff_chunk("EXIF", exif_app1(1).substr(10)) +
                 riff_chunk("XMP ", kXmp));
  auto out = strip_image_metadata("image/webp", in);
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, webp(vp8x(0x20) + riff_chunk("ICCP", "icc") + vp8l));  // the ICC flag stays
}

TEST(ImageMetadata, GifIsKeptAsItIs) {
  const std::string gif = std::string("GIF89a\x01\0\x01\0\0\0\0;", 14);
  EXPECT_EQ(strip_image_metadata("image/gif", gif), gif);
  EXPECT_FALSE(strip_image_metadata("text/plain", gif));
}

}  // namespace
}  // namespace kefu::ticket
