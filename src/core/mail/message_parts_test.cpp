// Multipart messages: an HTML alternative and attachments (a scheduled report's XLSX),
// and the plain-text message unchanged byte for byte.
#include <gtest/gtest.h>
#include <sodium.h>

#include <stdexcept>
#include <string>

#include "core/mail/message.hpp"

namespace kefu::notify {
namespace {

using namespace std::chrono;

const SmtpConfig kConfig{.url = "smtp://127.0.0.1:2525", .from = "kefu@store.example", .from_name = ""};
const sys_seconds kNow = sys_days{2026y / November / 22} + 8h + 5min + 9s;

std::string build(const Email& email) { return build_message(kConfig, email, kNow, "abc@store.example"); }

std::string unbase64(std::string_view b64) {
  std::string out(b64.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.data(), b64.size(), "\r\n", &len,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    throw std::runtime_error("bad base64");
  out.resize(len);
  return out;
}

// The decoded body of the part whose headers contain `marker`.
std::string part_body(const std::string& m, const std::string& marker) {
  auto at = m.find(marker);
  if (at == std::string::npos) return "<no part>";
  auto start = m.find("\r\n\r\n", at) + 4;
  auto end = m.find("\r\n--", start);
  return unbase64(std::string_view(m).substr(start, end - start));
}

TEST(MessageParts, PlainTextIsByteForByteTheSingleTextPart) {
  EXPECT_EQ(build({"a@b.example", "hi", "line\n"}),
            "Date: Sun, 22 Nov 2026 08:05:09 +0000\r\n"
            "From: kefu@store.example\r\n"
            "To: a@b.example\r\n"
            "Subject: =?UTF-8?B?aGk=?=\r\n"
            "Message-ID: <abc@store.example>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=UTF-8\r\n"
            "Content-Transfer-Encoding: base64\r\n"
            "\r\n"
            "bGluZQ0K\r\n");
}

TEST(MessageParts, HtmlAloneIsAnAlternative) {
  Email e{"a@b.example", "日报", "正文"};
  e.html = "<p>正文</p>";
  const auto m = build(e);
  EXPECT_NE(m.find("Content-Type: multipart/alternative; boundary=\"=_kefu_alt\"\r\n"), std::string::npos);
  EXPECT_EQ(m.find("multipart/mixed"), std::string::npos);
  EXPECT_EQ(part_body(m, "Content-Type: text/plain"), "正文");
  EXPECT_EQ(part_body(m, "Content-Type: text/html"), "<p>正文</p>");
  EXPECT_TRUE(m.ends_with("--=_kefu_alt--\r\n"));
}

TEST(MessageParts, AttachmentsAreBase64PartsWithTheirUtf8Names) {
  std::string xlsx = "PK\x03\x04";
  xlsx += std::string(300, '\xFF');
  Email e{"a@b.example", "日报", "见附件"};
  e.html = "<table><tr><td>1</td></tr></table>";
  e.attachments.push_back({"日报-2026-11-22.xlsx", "application/vnd.ms-excel", xlsx});
  const auto m = build(e);
  EXPECT_NE(m.find("Content-Type: multipart/mixed; boundary=\"=_kefu_mixed\"\r\n"), std::string::npos);
  EXPECT_LT(m.find("multipart/mixed"), m.find("multipart/alternative"));
  EXPECT_NE(m.find("Content-Disposition: attachment; filename*=UTF-8''%E6%97%A5%E6%8A%A5-2026-11-22.xlsx\r\n"),
            std::string::npos);
  EXPECT_NE(m.find("Content-Type: application/vnd.ms-excel; name=\"=?UTF-8?B?"), std::string::npos);
  EXPECT_EQ(part_body(m, "Content-Disposition: attachment"), xlsx);
  EXPECT_EQ(part_body(m, "Content-Type: text/plain"), "见附件");
  EXPECT_TRUE(m.ends_with("--=_kefu_mixed--\r\n"));
  for (std::size_t pos = 0, end; (end = m.find("\r\n", pos)) != std::string::npos; pos = end + 2)
    EXPECT_LE(end - pos, 998u);
}

TEST(MessageParts, AttachmentWithoutHtmlCarriesTheTextPart) {
  Email e{"a@b.example", "s", "text"};
  e.attachments.push_back({"r.csv", "text/csv", "a,b\r\n"});
  const auto m = build(e);
  EXPECT_EQ(m.find("multipart/alternative"), std::string::npos);
  EXPECT_EQ(part_body(m, "Content-Type: text/plain"), "text");
  EXPECT_EQ(part_body(m, "filename*=UTF-8''r.csv"), "a,b\r\n");
}

TEST(MessageParts, RefusesInjectionThroughAttachments) {
  Email e{"a@b.example", "s", "b"};
  e.attachments.push_back({"x\r\nBcc: c@d.example", "text/plain", "x"});
  EXPECT_THROW(build(e), std::invalid_argument);
  e.attachments[0] = {"x", "text/plain; charset=\"x\"", "x"};
  EXPECT_THROW(build(e), std::invalid_argument);
}

}  // namespace
}  // namespace kefu::notify
