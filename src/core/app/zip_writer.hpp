#pragma once
// A small ZIP writer (PKWARE APPNOTE 6.3, the subset every unzip reads): entries deflated
// with zlib, or stored when deflating does not make them smaller (photos), UTF-8 names
// (flag bit 11), one central directory at the end. Built in memory: for archives of a few
// megabytes (a person's data export, privacy/), not for streaming large files.
// Limits: no ZIP64 (at most 65,535 entries and 4 GiB), no encryption, no folders entries
// (a name with '/' is a path inside the archive, which every unzip creates).
#include <cstdint>
#include <string>
#include <vector>

namespace kefu::app {

class ZipWriter {
 public:
  // `modified_ms`: the entries' modification time (Unix ms, written as UTC DOS time).
  explicit ZipWriter(int64_t modified_ms);

  // Adds one file. Names must be unique, relative and non-empty (std::invalid_argument).
  void add(const std::string& name, const std::string& bytes);
  // The archive so far, central directory included; the writer may be added to afterwards.
  std::string finish() const;
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string name;
    uint16_t method = 0;
    uint32_t crc = 0;
    uint32_t size = 0;
    uint32_t compressed_size = 0;
    uint32_t offset = 0;
  };
  uint16_t dos_time_ = 0, dos_date_ = 0;
  std::string body_;
  std::vector<Entry> entries_;
};

}  // namespace kefu::app
