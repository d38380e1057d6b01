#pragma once
// PowerLossVfs: a SQLite VFS for tests that forwards every call to the default VFS
// ("unix") and tells a PowerLossDisk (core/storage/power_loss_test_support.hpp) what
// happened to the files that outlive a process: the main database file, its WAL and its
// journals. A database opened with this VFS's name (sqlite::Options::vfs) runs exactly as
// with the default one; the disk then knows which of its bytes a power failure would keep.
//
// What it reports, and why:
// - xWrite and xTruncate of a tracked file: a pending change.
// - xSync of a tracked file that the default VFS synced without error: the file is durable.
//   The unix VFS also syncs the file's folder at the first xSync after an open with
//   SQLITE_OPEN_CREATE of a WAL or a (super-)journal (os_unix.c: syncDir and
//   UNIXFILE_DIRSYNC), so that first sync makes the folder's entries durable too. It
//   never syncs the folder of a new main database file: a database created through this
//   VFS is lost with the power unless the test syncs its folder (tests start from a file
//   that already exists).
// - xOpen: a tracked file that did not exist is created; one that existed and that the
//   disk does not know yet is read and counts as durable as it is.
// - xDelete: the entry goes; with syncDir the folder is synced (as os_unix.c does).
// - The -shm file is not tracked: it is memory the connections share, never synced, and
//   rebuilt from the WAL by the first connection after a crash; PowerLossDisk::image()
//   leaves it out. Temporary files (sort spills, statement journals) are not tracked.
//
// register on construction (not as the default VFS), unregister on destruction; the
// object must outlive every connection opened with it.
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/storage/power_loss_test_support.hpp"

namespace kefu::storage::testing {

class PowerLossVfs {
 public:
  PowerLossVfs(std::string name, PowerLossDisk& disk) : name_(std::move(name)), disk_(disk) {
    real_ = sqlite3_vfs_find(nullptr);
    if (!real_) throw std::runtime_error("no default SQLite VFS");
    vfs_ = *real_;
    vfs_.zName = name_.c_str();
    vfs_.szOsFile = static_cast<int>(sizeof(File)) + real_->szOsFile;
    vfs_.pAppData = this;
    vfs_.pNext = nullptr;
    vfs_.xOpen = &PowerLossVfs::open;
    vfs_.xDelete = &PowerLossVfs::remove;
    // The rest as the default VFS does them, called with the default VFS.
    vfs_.xAccess = [](sqlite3_vfs* v, const char* name, int flags, int* out) {
      auto* real = static_cast<PowerLossVfs*>(v->pAppData)->real_;
      return real->xAccess(real, name, flags, out);
    };
    vfs_.xFullPathname = [](sqlite3_vfs* v, const char* name, int n, char* out) {
      auto* real = static_cast<PowerLossVfs*>(v->pAppData)->real_;
      return real->xFullPathname(real, name, n, out);
    };
    if (sqlite3_vfs_register(&vfs_, 0) != SQLITE_OK) throw std::runtime_error("cannot register VFS " + name_);
  }
  ~PowerLossVfs() { sqlite3_vfs_unregister(&vfs_); }
  PowerLossVfs(const PowerLossVfs&) = delete;
  PowerLossVfs& operator=(const PowerLossVfs&) = delete;

  const std::string& name() const { return name_; }

 private:
  // Our file, with the default VFS's file right behind it.
  struct alignas(16) File {
    sqlite3_file base;
    PowerLossVfs* vfs;
    const char* path;   // null: not tracked
    bool syncs_folder;  // the next xSync also syncs the folder (os_unix.c's UNIXFILE_DIRSYNC)
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(this) + sizeof(File)); }
  };
  static File* of(sqlite3_file* f) { return reinterpret_cast<File*>(f); }
  static sqlite3_file* real(sqlite3_file* f) { return of(f)->real(); }

  static bool tracked_kind(int flags) {
    return flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_SUPER_JOURNAL | SQLITE_OPEN_WAL);
  }

  static std::string read_all(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
  }

  static int open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* f, int flags, int* out_flags) {
    auto* self = static_cast<PowerLossVfs*>(vfs->pAppData);
    auto* file = of(f);
    file->vfs = self;
    file->path = (name && tracked_kind(flags)) ? name : nullptr;  // SQLite keeps the name while the file is open
    file->syncs_folder = (flags & SQLITE_OPEN_CREATE) &&
                         (flags & (SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_SUPER_JOURNAL | SQLITE_OPEN_WAL));
    const bool existed = file->path && std::filesystem::exists(file->path);
    int rc = self->real_->xOpen(self->real_, name, file->real(), flags, out_flags);
    if (rc != SQLITE_OK) {
      f->pMethods = nullptr;
      return rc;
    }
    f->pMethods = &kMethods;
    if (file->path) {
      if (!existed)
        self->disk_.created(file->path);
      else if (!self->disk_.knows(file->path))
        self->disk_.existing(file->path, read_all(file->path));
    }
    return SQLITE_OK;
  }

  static int remove(sqlite3_vfs* vfs, const char* name, int sync_dir) {
    auto* self = static_cast<PowerLossVfs*>(vfs->pAppData);
    int rc = self->real_->xDelete(self->real_, name, sync_dir);
    if (rc == SQLITE_OK) {
      self->disk_.removed(name);
      if (sync_dir) self->disk_.synced_folder(std::filesystem::path(name).parent_path());
    }
    return rc;
  }

  static int close(sqlite3_file* f) {
    int rc = real(f)->pMethods->xClose(real(f));
    return rc;
  }
  static int read(sqlite3_file* f, void* buf, int n, sqlite3_int64 at) {
    return real(f)->pMethods->xRead(real(f), buf, n, at);
  }
  static int write(sqlite3_file* f, const void* buf, int n, sqlite3_int64 at) {
    int rc = real(f)->pMethods->xWrite(real(f), buf, n, at);
    if (rc == SQLITE_OK && of(f)->path)
      of(f)->vfs->disk_.wrote(of(f)->path, at, std::string_view(static_cast<const char*>(buf), n));
    return rc;
  }
  static int truncate(sqlite3_file* f, sqlite3_int64 size) {
    int rc = real(f)->pMethods->xTruncate(real(f), size);
    if (rc == SQLITE_OK && of(f)->path) of(f)->vfs->disk_.truncated(of(f)->path, size);
    return rc;
  }
  static int sync(sqlite3_file* f, int flags) {
    int rc = real(f)->pMethods->xSync(real(f), flags);
    auto* file = of(f);
    if (rc == SQLITE_OK && file->path) {
      file->vfs->disk_.synced(file->path);
      if (file->syncs_folder) file->vfs->disk_.synced_folder(std::filesystem::path(file->path).parent_path());
      file->syncs_folder = false;
    }
    return rc;
  }
  static int file_size(sqlite3_file* f, sqlite3_int64* size) { return real(f)->pMethods->xFileSize(real(f), size); }
  static int lock(sqlite3_file* f, int level) { return real(f)->pMethods->xLock(real(f), level); }
  static int unlock(sqlite3_file* f, int level) { return real(f)->pMethods->xUnlock(real(f), level); }
  static int check_reserved_lock(sqlite3_file* f, int* out) {
    return real(f)->pMethods->xCheckReservedLock(real(f), out);
  }
  static int file_control(sqlite3_file* f, int op, void* arg) {
    return real(f)->pMethods->xFileControl(real(f), op, arg);
  }
  static int sector_size(sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); }
  static int device_characteristics(sqlite3_file* f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); }
  static int shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
    return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
  }
  static int shm_lock(sqlite3_file* f, int offset, int n, int flags) {
    return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
  }
  static void shm_barrier(sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); }
  static int shm_unmap(sqlite3_file* f, int del) { return real(f)->pMethods->xShmUnmap(real(f), del); }
  static int fetch(sqlite3_file* f, sqlite3_int64 at, int n, void** out) {
    return real(f)->pMethods->xFetch(real(f), at, n, out);
  }
  static int unfetch(sqlite3_file* f, sqlite3_int64 at, void* p) { return real(f)->pMethods->xUnfetch(real(f), at, p); }

  static constexpr sqlite3_io_methods kMethods = {3,
                                                  &close,
                                                  &read,
                                                  &write,
                                                  &truncate,
                                                  &sync,
                                                  &file_size,
                                                  &lock,
                                                  &unlock,
                                                  &check_reserved_lock,
                                                  &file_control,
                                                  &sector_size,
                                                  &device_characteristics,
                                                  &shm_map,
                                                  &shm_lock,
                                                  &shm_barrier,
                                                  &shm_unmap,
                                                  &fetch,
                                                  &unfetch};

  std::string name_;
  PowerLossDisk& disk_;
  sqlite3_vfs* real_ = nullptr;
  sqlite3_vfs vfs_{};
};

}  // namespace kefu::storage::testing
