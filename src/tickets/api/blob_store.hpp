#pragma once
// Attachment bytes on disk, addressed by their SHA-256: <dir>/ab/abcdef…
//
// Durability: put() returns only when the blob would survive a power failure: the bytes
// are written to a temporary name and fsync'd, renamed into place, and the folders that
// name it (the shard folder, and the attachments folder that names the shard) are
// fsync'd. An upload commits the attachment row that references the blob after put(),
// so an acknowledged attachment always has its bytes (tickets/api/blob_power_loss_test.cpp
// proves it with a simulated power failure). The same photo uploaded twice is stored once.
//
// Collection: a blob no attachment row references (a refused or failed upload, whose row
// never committed) is deleted by collect(), once older than a grace period. An upload in
// flight holds a Pin from before put() until its row has committed; collect() checks and
// deletes under the exclusive side of the same lock (flock on <dir>/.lock, so a `kefu
// blobs gc` process and the server agree), and a blob that is stored again has its time
// reset, so the grace period counts from its last upload.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace kefu::api {

// The file operations of a blob store: one seam, so that a test can watch them (and
// simulate a power failure). The default is POSIX; every error throws.
class BlobFiles {
 public:
  virtual ~BlobFiles() = default;
  virtual bool exists(const std::filesystem::path&);
  virtual void create_folder(const std::filesystem::path&);                  // no error when it exists
  virtual void write_new(const std::filesystem::path&, const std::string&);  // not synced
  virtual void sync(const std::filesystem::path&);                           // fsync of a file or a folder
  virtual void rename(const std::filesystem::path& from, const std::filesystem::path& to);
  virtual void remove(const std::filesystem::path&);
  virtual void touch(const std::filesystem::path&);  // its modification time becomes now
};

struct BlobCollection {
  int kept = 0;     // blobs still referenced (or too young)
  int removed = 0;  // unreferenced blobs and left-over temporary files deleted
  int64_t removed_bytes = 0;
};

class BlobStore {
 public:
  explicit BlobStore(std::filesystem::path dir, BlobFiles* files = nullptr);

  // Keeps collect() away from the blobs of this upload until it is dropped.
  class Pin {
   public:
    explicit Pin(int fd) : fd_(fd) {}
    ~Pin();
    Pin(const Pin&) = delete;
    Pin& operator=(const Pin&) = delete;

   private:
    int fd_;
  };
  std::unique_ptr<Pin> pin() const;

  // Stores data durably and returns its sha256 (lowercase hex).
  std::string put(const std::string& data) const;
  std::optional<std::string> get(const std::string& sha256) const;

  // Deletes every blob older than `grace` that in_use(sha256) says no attachment
  // references, and temporary files older than `grace` (left by a crash). With dry_run
  // it only counts them.
  BlobCollection collect(std::chrono::seconds grace, const std::function<bool(const std::string&)>& in_use,
                         bool dry_run = false) const;

 private:
  std::filesystem::path path_of(const std::string& sha256) const;
  std::filesystem::path dir_;
  BlobFiles& files_;
};

// The image type the bytes really are ("image/jpeg", "image/png", "image/webp",
// "image/gif") or empty when they are none of them.
std::string sniff_image_type(const std::string& data);

}  // namespace kefu::api
