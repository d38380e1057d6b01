#include "notifications/domain/attachments.hpp"

#include <stdexcept>

namespace kefu::notify {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string encode(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const uint32_t v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    for (int s : {18, 12, 6, 0}) out += kAlphabet[(v >> s) & 63];
  }
  if (i < in.size()) {
    uint32_t v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

int value_of(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

std::string decode(std::string_view in) {
  if (in.size() % 4 != 0) throw std::invalid_argument("damaged attachment: base64 length");
  std::string out;
  out.reserve(in.size() / 4 * 3);
  for (std::size_t i = 0; i < in.size(); i += 4) {
    uint32_t v = 0;
    int pad = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = in[i + k];
      int d = 0;
      if (c == '=' && i + 4 == in.size() && k >= 2) {
        ++pad;
      } else if (pad || (d = value_of(c)) < 0) {
        throw std::invalid_argument("damaged attachment: not base64");
      }
      v = (v << 6) | static_cast<uint32_t>(d);
    }
    out += static_cast<char>((v >> 16) & 0xFF);
    if (pad < 2) out += static_cast<char>((v >> 8) & 0xFF);
    if (pad < 1) out += static_cast<char>(v & 0xFF);
  }
  return out;
}

}  // namespace

std::string pack_attachments(const std::vector<Attachment>& attachments) {
  std::string out;
  for (const auto& a : attachments) {
    for (const auto* v : {&a.name, &a.content_type})
      if (v->find_first_of(std::string_view("\t\r\n\0", 4)) != std::string::npos)
        throw std::invalid_argument("attachment name or type holds TAB, CR, LF or NUL");
    out += a.name + '\t' + a.content_type + '\t' + encode(a.bytes) + '\n';
  }
  return out;
}

std::vector<Attachment> unpack_attachments(std::string_view packed) {
  std::vector<Attachment> out;
  std::size_t pos = 0;
  while (pos < packed.size()) {
    const auto end = packed.find('\n', pos);
    const auto line = packed.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    const auto tab1 = line.find('\t');
    const auto tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos) throw std::invalid_argument("damaged attachment line");
    out.push_back({std::string(line.substr(0, tab1)), std::string(line.substr(tab1 + 1, tab2 - tab1 - 1)),
                   decode(line.substr(tab2 + 1))});
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return out;
}

}  // namespace kefu::notify
