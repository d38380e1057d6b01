// multipart/form-data as browsers send it (Chromium's and Firefox's boundaries, quoted
// names, UTF-8 file names), and the malformed bodies the feedback form must refuse.
#include "feedback/api/multipart.hpp"

#include <gtest/gtest.h>

namespace kefu::api::multipart {
namespace {

const std::string kBoundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

std::string form(const std::vector<std::string>& parts) {
  std::string body;
  for (const auto& p : parts) body += "--" + kBoundary + "\r\n" + p + "\r\n";
  return body + "--" + kBoundary + "--\r\n";
}

TEST(Multipart, BoundaryFromTheContentType) {
  EXPECT_EQ(boundary_of("multipart/form-data; boundary=" + kBoundary), kBoundary);
  EXPECT_EQ(boundary_of("Multipart/Form-Data; charset=utf-8; boundary=\"a b;c\""), "a b;c");
  EXPECT_EQ(boundary_of("application/json"), std::nullopt);
  EXPECT_EQ(boundary_of("multipart/form-data"), std::nullopt);
  EXPECT_EQ(boundary_of("multipart/form-data; boundary="), std::nullopt);
  EXPECT_EQ(boundary_of("multipart/form-data; boundary=" + std::string(71, 'x')), std::nullopt);
  EXPECT_EQ(boundary_of("multipart/form-data; boundary=\"unterminated"), std::nullopt);
}

TEST(Multipart, FieldsAndFilesInOrder) {
  const std::string png("\x89PNG\r\n\x1a\n\r\n--not-the-boundary\0tail", 36);
  const auto body = form({"Content-Disposition: form-data; name=\"text\"\r\n\r\n停车场的指示牌看不清",
                          "Content-Disposition: form-data; name=\"rating\"\r\n\r\n4",
                          "Content-Disposition: form-data; name=\"photo\"; filename=\"停车场.png\"\r\n"
                          "Content-Type: image/png\r\n\r\n" +
                              png,
                          "content-disposition: form-data; name=empty\r\n\r\n"});
  auto parts = parse(body, kBoundary);
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 4u);
  EXPECT_EQ((*parts)[0].name, "text");
  EXPECT_EQ((*parts)[0].body, "停车场的指示牌看不清");
  EXPECT_EQ((*parts)[0].filename, "");
  EXPECT_EQ((*parts)[1].body, "4");
  EXPECT_EQ((*parts)[2].name, "photo");
  EXPECT_EQ((*parts)[2].filename, "停车场.png");
  EXPECT_EQ((*parts)[2].content_type, "image/png");
  EXPECT_EQ((*parts)[2].body, png);  // CRLFs and dashes inside the bytes are content
  EXPECT_EQ((*parts)[3].name, "empty");
  EXPECT_EQ((*parts)[3].body, "");
}

TEST(Multipart, APreambleAndAnEpilogueAreIgnored) {
  auto body = "this is a preamble\r\n" + form({"Content-Disposition: form-data; name=\"a\"\r\n\r\n1"}) + "epilogue";
  auto parts = parse(body, kBoundary);
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].body, "1");
}

TEST(Multipart, MalformedBodiesAreRefused) {
  const std::string field = "Content-Disposition: form-data; name=\"a\"\r\n\r\n1";
  auto whole = form({field});
  EXPECT_FALSE(parse("", kBoundary));
  EXPECT_FALSE(parse("no delimiter at all", kBoundary));
  EXPECT_FALSE(parse(whole.substr(0, whole.size() - 12), kBoundary)) << "no close delimiter";
  EXPECT_FALSE(parse(form({"\r\n1"}), kBoundary)) << "no headers";
  EXPECT_FALSE(parse(form({"Content-Type: text/plain\r\n\r\n1"}), kBoundary)) << "no name";
  EXPECT_FALSE(parse(form({"Content-Disposition: attachment; name=\"a\"\r\n\r\n1"}), kBoundary));
  EXPECT_FALSE(parse(form({"Content-Disposition: form-data; name=\"a\r\n\r\n1"}), kBoundary));
  EXPECT_FALSE(parse(form({"Content-Disposition form-data\r\n\r\n1"}), kBoundary)) << "no colon";
  EXPECT_FALSE(parse(form({field, field, field}), kBoundary, 2)) << "too many parts";
  EXPECT_TRUE(parse(form({field, field}), kBoundary, 2));
}

}  // namespace
}  // namespace kefu::api::multipart
