// The poster as a customer and a printer see it: a PNG of A4 size whose QR code reads back
// as the form's link, and a one-page PDF whose text holds the store's name.
#include "feedback/api/poster.hpp"

#include <cairo.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>

namespace kefu::api::poster {
namespace {

const Poster kPoster{"万达广场店", "一楼总服务台", "https://kefu.example.com/m/feedback/P7K2Q9"};

struct Reader {
  const std::string* bytes;
  size_t at = 0;
};
cairo_status_t read_chunk(void* closure, unsigned char* data, unsigned int length) {
  auto* r = static_cast<Reader*>(closure);
  if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
  std::copy_n(r->bytes->data() + r->at, length, data);
  r->at += length;
  return CAIRO_STATUS_SUCCESS;
}

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
Surface decode_png(const std::string& png) {
  Reader r{&png};
  return Surface(cairo_image_surface_create_from_png_stream(read_chunk, &r), &cairo_surface_destroy);
}

bool dark_at(cairo_surface_t* s, double x, double y) {
  const auto* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  const auto* px = reinterpret_cast<const uint32_t*>(data + static_cast<int>(y) * stride) + static_cast<int>(x);
  const uint32_t v = *px;
  const int lum = ((v >> 16) & 0xff) + ((v >> 8) & 0xff) + (v & 0xff);
  return lum < 3 * 128;
}

// Runs a command and returns its standard output; nullopt when the tool is missing.
std::optional<std::string> run(const std::string& tool, const std::string& args) {
  if (std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) != 0) return std::nullopt;
  std::unique_ptr<FILE, decltype(&pclose)> pipe(popen((tool + " " + args).c_str(), "r"), &pclose);
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, pipe.get())) out.append(buf, n);
  return out;
}

std::filesystem::path write_temp(const std::string& name, const std::string& bytes) {
  auto path = std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "_" + name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(Poster, PngIsA4At150Dpi) {
  auto s = decode_png(render_png(kPoster));
  ASSERT_EQ(cairo_surface_status(s.get()), CAIRO_STATUS_SUCCESS);
  EXPECT_EQ(cairo_image_surface_get_width(s.get()), 1240);
  EXPECT_EQ(cairo_image_surface_get_height(s.get()), 1754);
  EXPECT_EQ(png_width(300), 2480);
}

TEST(Poster, EveryDrawnModuleMatchesTheEncodedLink) {
  auto s = decode_png(render_png(kPoster));
  ASSERT_EQ(cairo_surface_status(s.get()), CAIRO_STATUS_SUCCESS);
  cairo_surface_flush(s.get());
  const auto m = qr_matrix(kPoster.url);
  ASSERT_FALSE(m.empty());
  const auto at = qr_placement(1240, 1754, static_cast<int>(m.size()));
  EXPECT_GE(at.module, 10);  // ~1.7 mm a module at 150 dpi: scannable from a metre
  int mismatches = 0;
  for (size_t r = 0; r < m.size(); ++r)
    for (size_t c = 0; c < m.size(); ++c)
      if (dark_at(s.get(), at.x + (c + 0.5) * at.module, at.y + (r + 0.5) * at.module) != m[r][c]) ++mismatches;
  EXPECT_EQ(mismatches, 0);
  // The quiet zone is white all round.
  for (int k = 1; k <= 4; ++k) {
    EXPECT_FALSE(dark_at(s.get(), at.x - (k - 0.5) * at.module, at.y + at.module / 2));
    EXPECT_FALSE(dark_at(s.get(), at.x + at.module / 2, at.y - (k - 0.5) * at.module));
  }
}

TEST(Poster, AScannerReadsTheLink) {
  auto path = write_temp("poster.png", render_png(kPoster));
  auto out = run("zbarimg", "--raw -q " + path.string());
  std::filesystem::remove(path);
  if (!out) GTEST_SKIP() << "zbarimg (zbar-tools) is not installed";
  EXPECT_EQ(*out, kPoster.url + "\n");
}

TEST(Poster, PdfIsOnePageWithTheStoreAndPlace) {
  const auto pdf = render_pdf(kPoster);
  ASSERT_GT(pdf.size(), 1000u);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  auto path = write_temp("poster.pdf", pdf);
  auto info = run("pdfinfo", path.string());
  auto text = run("pdftotext", "-enc UTF-8 " + path.string() + " -");
  std::filesystem::remove(path);
  if (!info || !text) GTEST_SKIP() << "pdfinfo/pdftotext (poppler-utils) are not installed";
  EXPECT_TRUE(std::regex_search(*info, std::regex("Pages:\\s+1\n"))) << *info;
  EXPECT_NE(info->find("A4"), std::string::npos) << *info;
  EXPECT_NE(text->find("万达广场店"), std::string::npos) << *text;
  EXPECT_NE(text->find("一楼总服务台"), std::string::npos) << *text;
  EXPECT_NE(text->find("扫码反馈"), std::string::npos) << *text;
}

TEST(Poster, LongNamesStillLeaveTheCodeReadable) {
  Poster p{std::string(60, 'X') + "购物中心", "", "https://kefu.example.com/m/feedback?store=KF01"};
  auto path = write_temp("general.png", render_png(p));
  auto out = run("zbarimg", "--raw -q " + path.string());
  std::filesystem::remove(path);
  if (!out) GTEST_SKIP() << "zbarimg (zbar-tools) is not installed";
  EXPECT_EQ(*out, p.url + "\n");
}

TEST(Poster, ALinkTooLongForAQrCodeIsRefused) {
  Poster p{"店", "台", "https://x/" + std::string(5000, 'a')};
  EXPECT_TRUE(qr_matrix(p.url).empty());
  EXPECT_THROW(render_png(p), std::runtime_error);
}

}  // namespace
}  // namespace kefu::api::poster
