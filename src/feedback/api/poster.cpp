// The feedback poster: layout in fractions of an A4 page, drawn once for both surfaces.
// The page is laid out in device units (points for the PDF, pixels for the PNG) so that the
// QR code's modules fall on whole units and stay sharp when printed or scanned.
#include "feedback/api/poster.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <cmath>
#include <memory>
#include <stdexcept>

namespace kefu::api::poster {
namespace {

constexpr const char* kFonts = "Noto Sans CJK SC,WenQuanYi Micro Hei,Noto Sans,sans-serif";
constexpr int kQuietZone = 4;  // modules of white around the code, as the standard asks

struct Rgb {
  double r, g, b;
};
constexpr Rgb kBrand{0.09, 0.36, 0.67}, kInk{0.13, 0.13, 0.13}, kMuted{0.40, 0.40, 0.40};

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using Context = std::unique_ptr<cairo_t, ContextDeleter>;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("poster: ") + what + ": " + cairo_status_to_string(status));
}

// One block of centred text, wrapped to `max_width`, at most `lines` lines (ellipsised);
// returns its height.
double text(cairo_t* cr, const std::string& s, double size, bool bold, Rgb color, double center_x, double top,
            double max_width, int lines = 2) {
  if (s.empty()) return 0;
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string(kFonts);
  pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
  pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout, font);
  pango_layout_set_width(layout, static_cast<int>(max_width * PANGO_SCALE));
  pango_layout_set_height(layout, -lines);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text(layout, s.c_str(), -1);
  int w = 0, h = 0;
  pango_layout_get_pixel_size(layout, &w, &h);
  cairo_set_source_rgb(cr, color.r, color.g, color.b);
  cairo_move_to(cr, center_x - max_width / 2, top);
  pango_cairo_show_layout(cr, layout);
  pango_font_description_free(font);
  g_object_unref(layout);
  return h;
}

void draw_qr(cairo_t* cr, const Matrix& m, const QrPlacement& at) {
  const double n = static_cast<double>(m.size());
  const double quiet = kQuietZone * at.module;
  // A thin frame around the white quiet zone, so the code reads as a card on the page.
  cairo_set_source_rgb(cr, kBrand.r, kBrand.g, kBrand.b);
  cairo_set_line_width(cr, std::max(1.0, at.module / 4));
  cairo_rectangle(cr, at.x - quiet, at.y - quiet, n * at.module + 2 * quiet, n * at.module + 2 * quiet);
  cairo_stroke(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (size_t r = 0; r < m.size(); ++r)
    for (size_t c = 0; c < m[r].size(); ++c)
      if (m[r][c]) cairo_rectangle(cr, at.x + c * at.module, at.y + r * at.module, at.module, at.module);
  cairo_fill(cr);
}

// The whole page in device units: `unit` device units per point.
void draw(cairo_t* cr, const Poster& p, const Matrix& m, double width, double height) {
  const double unit = width / kA4WidthPt, cx = width / 2, column = width * 0.80;
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  // The band with the store's name.
  const double band = height * 0.15;
  cairo_set_source_rgb(cr, kBrand.r, kBrand.g, kBrand.b);
  cairo_rectangle(cr, 0, 0, width, band);
  cairo_fill(cr);
  text(cr, p.store_name, 30 * unit, true, {1, 1, 1}, cx, band * 0.28, column);

  text(cr, "扫码反馈", 46 * unit, true, kInk, cx, height * 0.185, column, 1);
  text(cr, "您的意见我们认真对待", 20 * unit, false, kMuted, cx, height * 0.265, column, 1);

  const auto at = qr_placement(width, height, static_cast<int>(m.size()));
  draw_qr(cr, m, at);
  const double below = at.y + (m.size() + kQuietZone) * at.module + 18 * unit;
  double h = text(cr, p.place_name, 26 * unit, true, kBrand, cx, below, column);
  text(cr, "用手机扫描二维码，告诉我们您的建议、表扬或遇到的问题", 13 * unit, false, kInk, cx, below + h + 12 * unit,
       column);
  text(cr, "可匿名提交 · 可附照片 · 我们会认真跟进每一条意见", 11 * unit, false, kMuted, cx, height * 0.90, column, 1);
  text(cr, p.url, 8 * unit, false, kMuted, cx, height * 0.935, width * 0.9, 1);
}

Matrix require_matrix(const Poster& p) {
  auto m = qr_matrix(p.url);
  if (m.empty()) throw std::runtime_error("poster: the link does not fit a QR code");
  return m;
}

}  // namespace

Matrix qr_matrix(const std::string& s) {
  QRcode* code = QRcode_encodeString8bit(s.c_str(), 0, QR_ECLEVEL_M);
  if (code == nullptr) return {};
  Matrix m(code->width, std::vector<bool>(code->width));
  for (int r = 0; r < code->width; ++r)
    for (int c = 0; c < code->width; ++c) m[r][c] = (code->data[r * code->width + c] & 1) != 0;
  QRcode_free(code);
  return m;
}

QrPlacement qr_placement(double width, double height, int modules) {
  // Half the page's width for the code with its quiet zone, in whole units per module.
  const double module = std::max(1.0, std::floor(width * 0.5 / (modules + 2 * kQuietZone)));
  const double side = module * modules;
  return {std::round((width - side) / 2), std::round(height * 0.34) + kQuietZone * module, module};
}

int png_width(int dpi) { return static_cast<int>(std::lround(kA4WidthPt / 72.0 * dpi)); }
int png_height(int dpi) { return static_cast<int>(std::lround(kA4HeightPt / 72.0 * dpi)); }

std::string render_pdf(const Poster& p) {
  const auto m = require_matrix(p);
  std::string out;
  {
    Surface surface(cairo_pdf_surface_create_for_stream(append, &out, kA4WidthPt, kA4HeightPt));
    check(cairo_surface_status(surface.get()), "pdf surface");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, (p.store_name + " 扫码反馈").c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "kefu");
    Context cr(cairo_create(surface.get()));
    draw(cr.get(), p, m, kA4WidthPt, kA4HeightPt);
    cairo_show_page(cr.get());
    check(cairo_status(cr.get()), "pdf drawing");
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()), "pdf finish");
  }
  return out;
}

std::string render_png(const Poster& p, int dpi) {
  const auto m = require_matrix(p);
  const int w = png_width(dpi), h = png_height(dpi);
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  check(cairo_surface_status(surface.get()), "png surface");
  {
    Context cr(cairo_create(surface.get()));
    draw(cr.get(), p, m, w, h);
    check(cairo_status(cr.get()), "png drawing");
  }
  std::string out;
  check(cairo_surface_write_to_png_stream(surface.get(), append, &out), "png encoding");
  return out;
}

}  // namespace kefu::api::poster
