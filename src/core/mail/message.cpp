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

void append_base64_lines(std::string& m, std::string_view bytes) {
  std::string body = base64(bytes);
  for (std::size_t i = 0; i < body.size(); i += kBodyLine) {
    m.append(body, i, kBodyLine);
    m += "\r\n";
  }
}

constexpr const char* kMixed = "=_kefu_mixed";
constexpr const char* kAlternative = "=_kefu_alt";

void append_text_part(std::string& m, const char* subtype, const std::string& text) {
  m += std::string("Content-Type: text/") + subtype + "; charset=UTF-8\r\n";
  m += "Content-Transfer-Encoding: base64\r\n\r\n";
  append_base64_lines(m, canonical_line_ends(text));
}

// The text, or text and HTML as multipart/alternative, as one part (headers included).
void append_body_part(std::string& m, const Email& email) {
  if (email.html.empty()) return append_text_part(m, "plain", email.body);
  m += std::string("Content-Type: multipart/alternative; boundary=\"") + kAlternative + "\"\r\n\r\n";
  m += std::string("--") + kAlternative + "\r\n";
  append_text_part(m, "plain", email.body);
  m += std::string("--") + kAlternative + "\r\n";
  append_text_part(m, "html", email.html);
  m += std::string("--") + kAlternative + "--\r\n";
}

// RFC 2231 extended value: UTF-8'' then every byte but letters, digits and .-_ as %XX.
std::string percent_encoded(std::string_view utf8) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "UTF-8''";
  for (unsigned char c : utf8) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
        c == '_') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

void append_attachment(std::string& m, const Attachment& a) {
  refuse_line_breaks(a.name, "attachment name");
  refuse_line_breaks(a.content_type, "attachment type");
  if (a.content_type.find_first_of(";\"") != std::string::npos)
    throw std::invalid_argument("email attachment type holds parameters");
  const std::string name = a.name.empty() ? std::string("attachment") : a.name;
  std::string word = encode_header_word(name);
  if (word.find("\r\n") != std::string::npos) word = percent_encoded(name).substr(7);  // too long for one word
  m += "Content-Type: " + (a.content_type.empty() ? std::string("application/octet-stream") : a.content_type) +
       "; name=\"" + word + "\"\r\n";
  m += "Content-Disposition: attachment; filename*=" + percent_encoded(name) + "\r\n";
  m += "Content-Transfer-Encoding: base64\r\n\r\n";
  append_base64_lines(m, a.bytes);
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
  if (email.attachments.empty()) {
    append_body_part(m, email);
    return m;
  }
  m += std::string("Content-Type: multipart/mixed; boundary=\"") + kMixed + "\"\r\n\r\n";
  m += std::string("--") + kMixed + "\r\n";
  append_body_part(m, email);
  for (const auto& a : email.attachments) {
    m += std::string("--") + kMixed + "\r\n";
    append_attachment(m, a);
  }
  m += std::string("--") + kMixed + "--\r\n";
  return m;
}

}  // namespace kefu::notify
