#include "tickets/api/blob_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "auth/domain/password.hpp"

namespace kefu::api {
namespace {

void fsync_path(const std::filesystem::path& p, int flags) {
  int fd = ::open(p.c_str(), flags);
  if (fd < 0) throw std::runtime_error("cannot open " + p.string());
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

std::filesystem::path BlobStore::path_of(const std::string& sha) const { return dir_ / sha.substr(0, 2) / sha; }

std::string BlobStore::put(const std::string& data) const {
  auto sha = people::sha256_hex(data);
  auto target = path_of(sha);
  if (std::filesystem::exists(target)) return sha;
  std::filesystem::create_directories(target.parent_path());
  auto tmp = target;
  tmp += ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<uintptr_t>(&data));
  {
    std::ofstream out(tmp, std::ios::binary);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out) throw std::runtime_error("cannot write attachment " + tmp.string());
  }
  fsync_path(tmp, O_RDONLY);
  std::filesystem::rename(tmp, target);
  fsync_path(target.parent_path(), O_RDONLY | O_DIRECTORY);
  return sha;
}

std::optional<std::string> BlobStore::get(const std::string& sha) const {
  if (sha.size() != 64 || sha.find_first_not_of("0123456789abcdef") != std::string::npos) return std::nullopt;
  std::ifstream in(path_of(sha), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::string sniff_image_type(const std::string& d) {
  auto starts = [&](std::string_view magic, std::size_t at = 0) {
    return d.size() >= at + magic.size() && std::string_view(d).substr(at, magic.size()) == magic;
  };
  if (starts("\xFF\xD8\xFF")) return "image/jpeg";
  if (starts("\x89PNG\r\n\x1A\n")) return "image/png";
  if (starts("GIF87a") || starts("GIF89a")) return "image/gif";
  if (starts("RIFF") && starts("WEBP", 8)) return "image/webp";
  return "";
}

}  // namespace kefu::api
