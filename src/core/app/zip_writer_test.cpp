// The ZIP writer: what it writes reads back (by a small reader of the format here, and by
// Info-ZIP's unzip when the machine has it), deflated where that helps, stored where not.
#include "core/app/zip_writer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>

namespace kefu::app {
namespace {

uint32_t get16(const std::string& s, std::size_t at) {
  return static_cast<uint8_t>(s[at]) | (static_cast<uint8_t>(s[at + 1]) << 8);
}
uint32_t get32(const std::string& s, std::size_t at) { return get16(s, at) | (get16(s, at + 2) << 16); }

struct Read {
  std::map<std::string, std::string> files;
  std::map<std::string, int> methods;
};

// Walks the central directory from the end record and inflates each entry.
Read read_zip(const std::string& zip) {
  Read r;
  const std::size_t end = zip.size() - 22;
  EXPECT_EQ(get32(zip, end), 0x06054b50u);
  const uint32_t n = get16(zip, end + 10);
  std::size_t at = get32(zip, end + 16);
  for (uint32_t i = 0; i < n; ++i) {
    EXPECT_EQ(get32(zip, at), 0x02014b50u);
    EXPECT_EQ(get16(zip, at + 8) & (1u << 11), 1u << 11);  // UTF-8 names
    const uint32_t method = get16(zip, at + 10), crc = get32(zip, at + 16);
    const uint32_t csize = get32(zip, at + 20), usize = get32(zip, at + 24);
    const uint32_t name_len = get16(zip, at + 28), offset = get32(zip, at + 42);
    const std::string name = zip.substr(at + 46, name_len);
    EXPECT_EQ(get32(zip, offset), 0x04034b50u);
    const std::size_t data_at = offset + 30 + get16(zip, offset + 26) + get16(zip, offset + 28);
    std::string packed = zip.substr(data_at, csize), data;
    if (method == 0) {
      data = packed;
    } else {
      data.resize(usize);
      z_stream z{};
      inflateInit2(&z, -15);
      z.next_in = reinterpret_cast<Bytef*>(packed.data());
      z.avail_in = csize;
      z.next_out = reinterpret_cast<Bytef*>(data.data());
      z.avail_out = usize;
      EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
      inflateEnd(&z);
    }
    EXPECT_EQ(crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())), crc) << name;
    r.files[name] = data;
    r.methods[name] = static_cast<int>(method);
    at += 46 + name_len + get16(zip, at + 30) + get16(zip, at + 32);
  }
  return r;
}

std::string noise(std::size_t n) {
  std::mt19937 rng(7);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(rng() & 0xff);
  return s;
}

TEST(ZipWriter, WhatItWritesReadsBack) {
  ZipWriter z(1795278600000LL);
  const std::string json(5000, '{');
  const std::string photo = noise(3000);
  z.add("README.txt", "个人信息导出 / personal data export\n");
  z.add("tickets.json", json);
  z.add("photos/票据.jpg", photo);
  z.add("empty.json", "");
  const auto r = read_zip(z.finish());
  ASSERT_EQ(r.files.size(), 4u);
  EXPECT_EQ(r.files.at("README.txt"), "个人信息导出 / personal data export\n");
  EXPECT_EQ(r.files.at("tickets.json"), json);
  EXPECT_EQ(r.files.at("photos/票据.jpg"), photo);
  EXPECT_EQ(r.files.at("empty.json"), "");
  EXPECT_EQ(r.methods.at("tickets.json"), 8);     // deflated: text shrinks
  EXPECT_EQ(r.methods.at("photos/票据.jpg"), 0);  // stored: noise does not
}

TEST(ZipWriter, RefusesDuplicateAndEscapingNames) {
  ZipWriter z(0);
  z.add("a.json", "1");
  EXPECT_THROW(z.add("a.json", "2"), std::invalid_argument);
  EXPECT_THROW(z.add("../a.json", "2"), std::invalid_argument);
  EXPECT_THROW(z.add("/etc/a", "2"), std::invalid_argument);
  EXPECT_THROW(z.add("", "2"), std::invalid_argument);
  EXPECT_EQ(z.size(), 1u);
}

TEST(ZipWriter, InfoZipUnzipAcceptsIt) {
  if (std::system("command -v unzip >/dev/null 2>&1") != 0) GTEST_SKIP() << "no unzip on this machine";
  ZipWriter z(1795278600000LL);
  z.add("members.json", "[{\"name\":\"王女士\"}]");
  z.add("photos/1.png", noise(100));
  const auto path = std::filesystem::temp_directory_path() / ("kefu-zip-" + std::to_string(::getpid()) + ".zip");
  std::ofstream(path, std::ios::binary) << z.finish();
  EXPECT_EQ(std::system(("unzip -tq " + path.string() + " >/dev/null").c_str()), 0);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace kefu::app
