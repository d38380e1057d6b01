#pragma once
// PowerLossDisk: what a disk keeps when the power fails, for tests. The code under test
// does its real file operations on a real folder and the test tells the disk about each
// one (the SQLite VFS shim, core/storage/sqlite/power_loss_vfs_test_support.hpp, does it
// for the database files; a watched file-operations seam for the attachment blobs). The
// disk remembers which of them are durable, and after a power failure gives the folder
// as it would be found after the reboot.
//
// The model (POSIX's guarantees, read strictly):
// - File contents. A write or a truncation is durable once the file is synced (fsync)
//   after it. Until then it is pending, and a power failure drops every pending change:
//   the contents become exactly what they were at the file's last sync. (The model keeps
//   no torn or partly written-back data: it is the strictest loss, not every possible one.)
// - Directory entries. Creating, renaming or removing a file, and creating a folder,
//   change the live entries of its folder; they become durable when that folder is
//   synced. So a new file that was synced but whose folder was not is lost; a file renamed
//   over another keeps its old durable name (and the other file) until the folder is
//   synced; a removal not followed by a folder sync is undone. A file is in the image only
//   when its entry and the entries of every folder above it, up to the root, are durable.
// - What the disk first hears of. A file or folder that already existed when the test
//   first tells the disk about it (`existing`) counts as durable as it is; the root always
//   exists.
// - freeze() is the instant the power fails: from then on nothing changes the durable
//   state (calls are accepted and ignored), so the code under test may run on and shut
//   down normally. frozen() lets the test tell an acknowledgement that came before the
//   failure from one that came after.
// - Calls about a path the disk does not know (no live entry) are ignored.
//
// Thread-safe (one mutex). Bookkeeping only: the disk does no I/O, except image(),
// which writes the durable files into a new folder.
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kefu::storage::testing {

class PowerLossDisk {
 public:
  explicit PowerLossDisk(std::filesystem::path root) : root_(key(root)) {}

  void existing(const std::filesystem::path& p, std::string contents) { add_existing(p, std::move(contents), false); }
  void existing_folder(const std::filesystem::path& p) { add_existing(p, {}, true); }
  // A new empty file (or folder) at p: a live entry only, until p's folder is synced.
  void created(const std::filesystem::path& p) { add_created(p, false); }
  void created_folder(const std::filesystem::path& p) { add_created(p, true); }

  void wrote(const std::filesystem::path& p, int64_t offset, std::string_view data) {
    pend(p, {offset, std::string(data), false});
  }
  void truncated(const std::filesystem::path& p, int64_t size) { pend(p, {size, {}, true}); }

  // fsync of a file: its pending changes become durable.
  void synced(const std::filesystem::path& p) {
    std::lock_guard lock(mu_);
    if (frozen_) return;
    auto it = live_.find(key(p));
    if (it == live_.end()) return;
    auto& node = nodes_[it->second];
    for (const auto& c : node.pending) apply(node.durable, c);
    node.pending.clear();
  }

  void renamed(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::lock_guard lock(mu_);
    if (frozen_) return;
    auto it = live_.find(key(from));
    if (it == live_.end()) return;
    auto node = it->second;
    live_.erase(it);
    live_[key(to)] = node;
  }

  void removed(const std::filesystem::path& p) {
    std::lock_guard lock(mu_);
    if (frozen_) return;
    live_.erase(key(p));
  }

  // fsync of a folder: its live entries become its durable entries.
  void synced_folder(const std::filesystem::path& folder) {
    std::lock_guard lock(mu_);
    if (frozen_) return;
    const auto dir = key(folder);
    std::erase_if(durable_, [&](const auto& e) { return parent(e.first) == dir; });
    for (const auto& [path, node] : live_)
      if (parent(path) == dir) durable_[path] = node;
  }

  bool knows(const std::filesystem::path& p) const {
    std::lock_guard lock(mu_);
    return live_.contains(key(p));
  }

  void freeze() {
    std::lock_guard lock(mu_);
    frozen_ = true;
  }
  bool frozen() const {
    std::lock_guard lock(mu_);
    return frozen_;
  }

  // The files a reboot would find: path relative to the root -> contents.
  std::map<std::string, std::string> durable_files() const {
    std::lock_guard lock(mu_);
    std::map<std::string, std::string> out;
    for (const auto& [path, node] : durable_)
      if (!nodes_[node].folder && reachable(path)) out[path.substr(root_.size() + 1)] = nodes_[node].durable;
    return out;
  }

  // Writes the durable files into the folder `to` (created; its relative paths kept).
  void image(const std::filesystem::path& to) const {
    for (const auto& [rel, contents] : durable_files()) {
      auto p = to / rel;
      std::filesystem::create_directories(p.parent_path());
      std::ofstream out(p, std::ios::binary | std::ios::trunc);
      out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
      if (!out) throw std::runtime_error("cannot write " + p.string());
    }
  }

 private:
  struct Change {
    int64_t at = 0;  // offset of a write, new size of a truncation
    std::string data;
    bool truncate = false;
  };
  struct Node {
    std::string durable;
    std::vector<Change> pending;
    bool folder = false;
  };

  static std::string key(const std::filesystem::path& p) {
    auto s = std::filesystem::absolute(p).lexically_normal().string();
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
  }
  static std::string parent(const std::string& k) { return k.substr(0, k.find_last_of('/')); }

  static void apply(std::string& bytes, const Change& c) {
    if (c.truncate) {
      bytes.resize(static_cast<std::size_t>(c.at));
      return;
    }
    const auto end = static_cast<std::size_t>(c.at) + c.data.size();
    if (bytes.size() < end) bytes.resize(end);
    std::memcpy(bytes.data() + c.at, c.data.data(), c.data.size());
  }

  // Every folder between the root and the path has a durable entry.
  bool reachable(const std::string& path) const {
    for (auto dir = parent(path); dir.size() > root_.size(); dir = parent(dir)) {
      auto it = durable_.find(dir);
      if (it == durable_.end() || !nodes_[it->second].folder) return false;
    }
    return path.starts_with(root_ + "/");
  }

  void add_existing(const std::filesystem::path& p, std::string contents, bool folder) {
    std::lock_guard lock(mu_);
    if (frozen_ || live_.contains(key(p))) return;
    nodes_.push_back({std::move(contents), {}, folder});
    live_[key(p)] = durable_[key(p)] = nodes_.size() - 1;
  }

  void add_created(const std::filesystem::path& p, bool folder) {
    std::lock_guard lock(mu_);
    if (frozen_) return;
    nodes_.push_back({{}, {}, folder});
    live_[key(p)] = nodes_.size() - 1;
  }

  void pend(const std::filesystem::path& p, Change c) {
    std::lock_guard lock(mu_);
    if (frozen_) return;
    auto it = live_.find(key(p));
    if (it != live_.end()) nodes_[it->second].pending.push_back(std::move(c));
  }

  const std::string root_;
  mutable std::mutex mu_;
  std::vector<Node> nodes_;                     // every file or folder the disk has heard of
  std::map<std::string, std::size_t> live_;     // path -> node, as the running system sees it
  std::map<std::string, std::size_t> durable_;  // path -> node, as a reboot would find it
  bool frozen_ = false;
};

}  // namespace kefu::storage::testing
