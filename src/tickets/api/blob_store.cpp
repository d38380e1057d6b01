#include "tickets/api/blob_store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "auth/domain/password.hpp"

namespace kefu::api {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& p) {
  throw std::runtime_error(what + " " + p.string() + ": " + std::strerror(errno));
}

bool is_hex(const std::string& s) { return s.find_first_not_of("0123456789abcdef") == std::string::npos; }

// The lock between uploads (shared) and the collector (exclusive).
int lock_file(const fs::path& dir, int how) {
  int fd = ::open((dir / ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) fail("cannot open", dir / ".lock");
  while (::flock(fd, how) != 0) {
    if (errno == EINTR) continue;
    ::close(fd);
    fail("cannot lock", dir / ".lock");
  }
  return fd;
}

}  // namespace

bool BlobFiles::exists(const fs::path& p) { return fs::exists(p); }

void BlobFiles::create_folder(const fs::path& p) { fs::create_directory(p); }

void BlobFiles::write_new(const fs::path& p, const std::string& data) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out) fail("cannot write", p);
}

void BlobFiles::sync(const fs::path& p) {
  int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail("cannot open", p);
  // An fsync error means the data may be lost: the upload fails rather than be acknowledged.
  int rc = ::fsync(fd);
  int saved = errno;
  ::close(fd);
  errno = saved;
  if (rc != 0) fail("cannot fsync", p);
}

void BlobFiles::rename(const fs::path& from, const fs::path& to) { fs::rename(from, to); }

void BlobFiles::remove(const fs::path& p) { fs::remove(p); }

void BlobFiles::touch(const fs::path& p) {
  if (::utimensat(AT_FDCWD, p.c_str(), nullptr, 0) != 0) fail("cannot touch", p);
}

BlobStore::BlobStore(fs::path dir, BlobFiles* files)
    : dir_(std::move(dir)), files_(files ? *files : *[] {
        static BlobFiles posix;
        return &posix;
      }()) {}

BlobStore::Pin::~Pin() { ::close(fd_); }  // closing the descriptor releases the lock

std::unique_ptr<BlobStore::Pin> BlobStore::pin() const {
  fs::create_directories(dir_);
  return std::make_unique<Pin>(lock_file(dir_, LOCK_SH));
}

fs::path BlobStore::path_of(const std::string& sha) const { return dir_ / sha.substr(0, 2) / sha; }

std::string BlobStore::put(const std::string& data) const {
  static std::atomic<uint64_t> next_tmp{0};
  auto sha = people::sha256_hex(data);
  auto target = path_of(sha);
  auto shard = target.parent_path();
  if (!files_.exists(dir_)) {  // the first upload of an installation makes the attachments folder
    fs::create_directories(dir_);
    files_.sync(fs::absolute(dir_).parent_path());
  }
  if (files_.exists(target)) {
    // Another upload may have renamed it into place and not yet synced the folders:
    // sync them here too, so that this acknowledgement does not depend on that one.
    files_.touch(target);  // the collector's grace period counts from now
    files_.sync(shard);
    files_.sync(dir_);
    return sha;
  }
  // The shard folder's name lives in dir_: syncing dir_ makes it durable (a new shard's
  // blob would be lost with the power otherwise). Always, for the same reason as above.
  files_.create_folder(shard);
  files_.sync(dir_);
  auto tmp = shard / (sha + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(next_tmp++));
  files_.write_new(tmp, data);
  files_.sync(tmp);
  files_.rename(tmp, target);
  files_.sync(shard);
  return sha;
}

std::optional<std::string> BlobStore::get(const std::string& sha) const {
  if (sha.size() != 64 || !is_hex(sha)) return std::nullopt;
  std::ifstream in(path_of(sha), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

BlobCollection BlobStore::collect(std::chrono::seconds grace, const std::function<bool(const std::string&)>& in_use,
                                  bool dry_run) const {
  BlobCollection out;
  if (!fs::is_directory(dir_)) return out;
  auto old = [&](const fs::path& p) {
    std::error_code ec;
    auto t = fs::last_write_time(p, ec);
    return !ec && t + grace <= fs::file_time_type::clock::now();
  };
  for (const auto& shard : fs::directory_iterator(dir_)) {
    const auto name = shard.path().filename().string();
    if (!shard.is_directory() || name.size() != 2 || !is_hex(name)) continue;
    std::vector<fs::path> candidates;
    for (const auto& f : fs::directory_iterator(shard.path())) {
      if (!f.is_regular_file()) continue;
      const auto file = f.path().filename().string();
      const bool blob = file.size() == 64 && is_hex(file) && file.starts_with(name);
      const bool tmp = file.find(".tmp-") != std::string::npos;
      if (!(blob || tmp)) continue;
      if (old(f.path()))
        candidates.push_back(f.path());
      else if (blob)
        ++out.kept;
    }
    if (candidates.empty()) continue;
    // Exclusive: no upload is between its put() and its commit while we look and delete.
    int fd = lock_file(dir_, LOCK_EX);
    try {
      bool removed = false;
      for (const auto& p : candidates) {
        const auto file = p.filename().string();
        const bool blob = file.find(".tmp-") == std::string::npos;
        if (!old(p) || (blob && in_use(file))) {
          if (blob) ++out.kept;
          continue;
        }
        std::error_code ec;
        const auto size = static_cast<int64_t>(fs::file_size(p, ec));
        if (!dry_run) {
          files_.remove(p);
          removed = true;
        }
        ++out.removed;
        out.removed_bytes += ec ? 0 : size;
      }
      if (removed) files_.sync(shard.path());
    } catch (...) {
      ::close(fd);
      throw;
    }
    ::close(fd);
  }
  return out;
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
