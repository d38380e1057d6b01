#include "core/mail/message.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace kefu::notify {
namespace {

using namespace std::chrono;

const std::string kSubject = "【超时】工单 KF261122000123 已超时";

std::string from_base64(std::string_view b64) {
  std::string out(b64.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.data(), b64.size(), " \r\n", &len,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    throw std::runtime_error("bad base64: " + std::string(b64));
  out.resize(len);
  return out;
}

std::vector<std::string> split_crlf(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  for (auto end = text.find("\r\n"); end != std::string::npos; end = text.find("\r\n", pos)) {
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 2;
  }
  EXPECT_EQ(pos, text.size()) << "message does not end with CRLF";
  return lines;
}

// The words of a (possibly folded) header value, encoded-words decoded.
struct Decoded {
  std::vector<std::string> words;  // each encoded-word as sent
  std::string text;                // decoded and joined
};
Decoded decode_words(const std::string& value) {
  Decoded d;
  std::size_t pos = 0;
  while ((pos = value.find("=?", pos)) != std::string::npos) {
    auto end = value.find("?=", pos + 10);
    std::string word = value.substr(pos, end + 2 - pos);
    EXPECT_EQ(word.rfind("=?UTF-8?B?", 0), 0u) << word;
    d.words.push_back(word);
    d.text += from_base64(std::string_view(word).substr(10, word.size() - 12));
    pos = end + 2;
  }
  return d;
}

struct Parsed {
  std::vector<std::string> header_lines;
  std::string body_b64;
};
Parsed parse(const std::string& message) {
  Parsed p;
  bool in_body = false;
  for (auto& line : split_crlf(message)) {
    if (in_body)
      p.body_b64 += line;
    else if (line.empty())
      in_body = true;
    else
      p.header_lines.push_back(line);
  }
  return p;
}

// Unfolded value of one header.
std::string header(const Parsed& p, const std::string& name) {
  std::string value;
  bool found = false;
  for (auto& line : p.header_lines) {
    if (found && (line[0] == ' ' || line[0] == '\t')) {
      value += line;
    } else if (found) {
      break;
    } else if (line.rfind(name + ": ", 0) == 0) {
      found = true;
      value = line.substr(name.size() + 2);
    }
  }
  return value;
}

const SmtpConfig kConfig{.url = "smtp://127.0.0.1:2525", .from = "kefu@store.example"};
const sys_seconds kNow = sys_days{2026y / November / 22} + 8h + 5min + 9s;

std::string build(const Email& email) { return build_message(kConfig, email, kNow, "abc123@store.example"); }

}  // namespace

TEST(Message, HeadersInOrder) {
  auto p = parse(build({"chenjing@store.example", kSubject, "正文"}));
  std::erase_if(p.header_lines, [](const std::string& line) { return line[0] == ' '; });  // folded Subject
  ASSERT_EQ(p.header_lines.size(), 8u);
  EXPECT_EQ(p.header_lines[0], "Date: Sun, 22 Nov 2026 08:05:09 +0000");
  EXPECT_EQ(p.header_lines[1], "From: " + encode_header_word("kefu 客服") + " <kefu@store.example>");
  EXPECT_EQ(p.header_lines[2], "To: chenjing@store.example");
  EXPECT_EQ(p.header_lines[3].rfind("Subject: =?UTF-8?B?", 0), 0u);
  EXPECT_EQ(p.header_lines[4], "Message-ID: <abc123@store.example>");
  EXPECT_EQ(p.header_lines[5], "MIME-Version: 1.0");
  EXPECT_EQ(p.header_lines[6], "Content-Type: text/plain; charset=UTF-8");
  EXPECT_EQ(p.header_lines[7], "Content-Transfer-Encoding: base64");
  EXPECT_EQ(decode_words(header(p, "From")).text, "kefu 客服");
}

TEST(Message, SubjectRoundTrips) {
  auto p = parse(build({"chenjing@store.example", kSubject, "x"}));
  EXPECT_EQ(decode_words(header(p, "Subject")).text, kSubject);
}

TEST(Message, LongSubjectSplitsIntoWholeCharacterWords) {
  std::string subject;
  for (int i = 0; i < 12; ++i) subject += kSubject + " ";  // ~550 bytes, mostly 3-byte characters
  for (std::string s : {subject, "a" + subject, "ab" + subject, std::string(200, 'x')}) {
    auto encoded = encode_header_word(s);
    auto d = decode_words(encoded);
    ASSERT_GT(d.words.size(), 1u);
    EXPECT_EQ(d.text, s);
    for (auto& w : d.words) {
      EXPECT_LE(w.size(), 75u) << w;
      auto chunk = from_base64(std::string_view(w).substr(10, w.size() - 12));
      EXPECT_NE(static_cast<unsigned char>(chunk.front()) & 0xC0, 0x80) << "word starts inside a character: " << w;
    }
    // Words are folded one per line.
    EXPECT_EQ(split_crlf(encoded + "\r\n").size(), d.words.size());
  }
}

TEST(Message, EmptySubjectAndNoDisplayName) {
  SmtpConfig config = kConfig;
  config.from_name = "";
  auto p = parse(build_message(config, {"a@b.example", "", ""}, kNow, "id@b.example"));
  EXPECT_EQ(header(p, "From"), "kefu@store.example");
  EXPECT_EQ(header(p, "Subject"), "");
  EXPECT_EQ(p.body_b64, "");
}

TEST(Message, BodyRoundTripsWithCanonicalLineEnds) {
  std::string body;
  for (int i = 0; i < 40; ++i) body += "工单 KF261122000123 已超过首次响应时限，请尽快处理。\n";
  auto p = parse(build({"chenjing@store.example", kSubject, body}));
  std::string want;
  for (char c : body) want += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(from_base64(p.body_b64), want);
  // Already-canonical CRLF is kept as it is, bare CR becomes CRLF.
  EXPECT_EQ(from_base64(parse(build({"a@b.example", "s", "a\r\nb\rc"})).body_b64), "a\r\nb\r\nc");
}

TEST(Message, CrlfEverywhereAndShortLines) {
  std::string body(5000, 'y');
  std::string subject;
  for (int i = 0; i < 40; ++i) subject += kSubject;
  auto message = build({"chenjing@store.example", subject, body});
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (message[i] == '\n') {
      ASSERT_TRUE(i > 0 && message[i - 1] == '\r') << "bare LF at " << i;
    }
    if (message[i] == '\r') {
      ASSERT_TRUE(i + 1 < message.size() && message[i + 1] == '\n') << "bare CR at " << i;
    }
  }
  auto lines = split_crlf(message);
  bool in_body = false;
  for (auto& line : lines) {
    EXPECT_LE(line.size(), 998u);
    EXPECT_LE(line.size(), 78u) << line;
    if (in_body && &line != &lines.back()) {
      EXPECT_EQ(line.size(), 76u);
    }
    if (line.empty()) in_body = true;
  }
}

TEST(Message, RefusesHeaderInjection) {
  for (std::string to : {"a@b.example\r\nBcc: x@evil.example", "a@b.example\nBcc: x@evil.example", "a@b.example\r"})
    EXPECT_THROW(build({to, "s", "b"}), std::invalid_argument) << to;
  for (std::string subject : {std::string("hi\r\nBcc: x@evil.example"), std::string("hi\nX: y"), std::string("hi\r"),
                              std::string("hi\0x", 4)})
    EXPECT_THROW(build({"a@b.example", subject, "b"}), std::invalid_argument);
  EXPECT_THROW(build_message(kConfig, {"a@b.example", "s", "b"}, kNow, "id\r\nX: y"), std::invalid_argument);
  // The body is base64, so line breaks there are just text.
  EXPECT_NO_THROW(build({"a@b.example", "s", "line\r\nBcc: x@evil.example\r\n"}));
}

TEST(Message, RefusesWhatIsNotAnAddress) {
  for (std::string to :
       {"", "nobody", "@b.example", "a@", "a b@c.example", "<a@b.example>", "a@b.example, c@d.example"})
    EXPECT_THROW(build({to, "s", "b"}), std::invalid_argument) << to;
  SmtpConfig config = kConfig;
  config.from = "kefu";
  EXPECT_THROW(build_message(config, {"a@b.example", "s", "b"}, kNow, "id@x"), std::invalid_argument);
}

TEST(Message, DateIsRfc5322Utc) {
  EXPECT_EQ(rfc5322_date(sys_days{2026y / January / 5} + 23h + 59min + 59s), "Mon, 05 Jan 2026 23:59:59 +0000");
  EXPECT_EQ(rfc5322_date(sys_days{2000y / February / 29}), "Tue, 29 Feb 2000 00:00:00 +0000");
}

TEST(Message, Base64) {
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("f"), "Zg==");
  EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64("客服"), "5a6i5pyN");
}

}  // namespace kefu::notify
