#pragma once
// Attachment bytes on disk, addressed by their SHA-256: <dir>/ab/abcdef…
// A file is written to a temporary name, fsync'd and renamed, so a crash never
// leaves a half-written blob under a real address. The same photo uploaded twice
// is stored once.
#include <filesystem>
#include <optional>
#include <string>

namespace kefu::api {

class BlobStore {
 public:
  explicit BlobStore(std::filesystem::path dir) : dir_(std::move(dir)) {}
  // Stores data and returns its sha256 (lowercase hex).
  std::string put(const std::string& data) const;
  std::optional<std::string> get(const std::string& sha256) const;

 private:
  std::filesystem::path path_of(const std::string& sha256) const;
  std::filesystem::path dir_;
};

// The image type the bytes really are ("image/jpeg", "image/png", "image/webp",
// "image/gif") or empty when they are none of them.
std::string sniff_image_type(const std::string& data);

}  // namespace kefu::api
