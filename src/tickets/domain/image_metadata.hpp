#pragma once
// Customers' photos lose their metadata before they are stored: a phone writes where the
// photo was taken (GPS), when, and on which device into the file, and a complaint photo
// shown to staff or kept for years needs none of it.
//
// What is removed, by format (the pixels are copied byte for byte, never re-encoded):
// - JPEG: every APPn segment except APP0 (JFIF), APP2 holding an ICC colour profile and
//   APP14 (Adobe colour transform), so Exif and XMP (APP1), IPTC (APP13) and the like go;
//   COM comments; anything after the end-of-image marker (where phones append extra
//   pictures and their own Exif). Orientation is kept: when the Exif block said the photo
//   is rotated (Orientation ≠ 1), a new Exif block with that one tag and nothing else
//   takes its place, so the photo still shows upright.
// - PNG: the eXIf, tEXt, zTXt, iTXt (which also carries XMP) and tIME chunks, and
//   anything after IEND.
// - WebP: the EXIF and XMP chunks (the VP8X header's flags for them are cleared).
// - GIF: kept as it is (it has no standard place for a location; comment and
//   application extensions are left alone).
//
// Why our own segment-level rewriter: the Debian libraries that read Exif (libexif,
// exiv2) either cannot write a file back simply or rewrite far more than needed; walking
// the segments and chunks is short, and copies the image data untouched.
#include <optional>
#include <string>
#include <string_view>

namespace kefu::ticket {

// The image without its metadata, or nullopt when the bytes are not a well-formed image
// of `content_type` ("image/jpeg", "image/png", "image/webp", "image/gif") as far as the
// segments go. Pure: no I/O.
std::optional<std::string> strip_image_metadata(std::string_view content_type, std::string_view image);

}  // namespace kefu::ticket
