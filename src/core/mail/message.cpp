#include "core/mail/message.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace kefu::notify {
namespace {

// 42 bytes → 56 base64 characters → a 68-character encoded-word, so that even the
// first line "Subject: =?UTF-8?B?…?=" stays within the 78 characters RFC 5322 asks for.
constexpr std::size_t kWordBytes = 42;
constexpr std::size_t kBodyLine = 76;

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

void refuse_line_breaks(std::string_view value, const char* what) {
  if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos)
    throw std::invalid_argument(std::string("email ") + what + " contains CR, LF or NUL (header injection)");
}

void check_address(std::string_view address, const char* what) {
  refuse_line_breaks(address, what);
  if (address.empty()) throw std::invalid_argument(std::string("email ") + what + " address is empty");
  for (unsigned char c : address)
    if (c < 0x21 || c == 0x7F || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || c == '(' || c == ')')
      throw std::invalid_argument(std::string("email ") + what + " address holds a character addresses may not");
  auto at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size())
    throw std::invalid_argument(std::string("email ") + what + " address is not local@domain");
}

// Text to the canonical CRLF form RFC 2046 asks of text/* before base64: bare LF
// and bare CR become CRLF, existing CRLF stays.
std::string canonical_line_ends(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      out += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n') {
      out += "\r\n";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string base64(std::string_view bytes) {
  const auto variant = sodium_base64_VARIANT_ORIGINAL;
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    variant);
  out.resize(out.size() - 1);  // the encoded length counts the terminating NUL
  return out;
}

std::string encode_header_word(std::string_view utf8) {
  std::string out;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    std::size_t end = std::min(pos + kWordBytes, utf8.size());
    if (end < utf8.size()) {
      // Back up to the start of the character that straddles the cut.
      std::size_t cut = end;
      while (cut > pos && is_continuation(static_cast<unsigned char>(utf8[cut]))) --cut;
      if (cut > pos) end = cut;  // else: not UTF-8 at all; cut where we are
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?";
    out += base64(utf8.substr(pos, end - pos));
    out += "?=";
    pos = end;
  }
  return out;
}

std::string rfc5322_date(std::chrono::system_clock::time_point t) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char out[40];
  std::snprintf(out, sizeof out, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday], tm.tm_mday,
                kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return out;
}

std::string build_message(const SmtpConfig& config, const Email& email, std::chrono::system_clock::time_point now,
                          std::string message_id) {
  check_address(email.to, "recipient");
  check_address(config.from, "sender");
  refuse_line_breaks(email.subject, "subject");
  refuse_line_breaks(message_id, "Message-ID");
  if (message_id.size() >= 2 && message_id.front() == '<' && message_id.back() == '>')
    message_id = message_id.substr(1, message_id.size() - 2);

  std::string m;
  m += "Date: " + rfc5322_date(now) + "\r\n";
  if (config.from_name.empty())
    m += "From: " + config.from + "\r\n";
  else
    m += "From: " + encode_header_word(config.from_name) + " <" + config.from + ">\r\n";
  m += "To: " + email.to + "\r\n";
  m += "Subject: " + encode_header_word(email.subject) + "\r\n";
  m += "Message-ID: <" + message_id + ">\r\n";
  m += "MIME-Version: 1.0\r\n";
  m += "Content-Type: text/plain; charset=UTF-8\r\n";
  m += "Content-Transfer-Encoding: base64\r\n";
  m += "\r\n";
  std::string body = base64(canonical_line_ends(email.body));
  for (std::size_t i = 0; i < body.size(); i += kBodyLine) {
    m.append(body, i, kBodyLine);
    m += "\r\n";
  }
  return m;
}

}  // namespace kefu::notify
