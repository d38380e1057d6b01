#pragma once
// The printable feedback poster (反馈海报): one A4 page with the store's name, the place's
// name, a QR code of the feedback form's link and a few words asking for feedback. Drawn
// with cairo + pango (Chinese needs a CJK font installed: fonts-wqy-microhei or
// fonts-noto-cjk) and libqrencode. No I/O: the PDF or PNG comes back as bytes. Safe to call
// from several threads at once (pango's cairo font map is per thread).
#include <string>
#include <vector>

namespace kefu::api::poster {

struct Poster {
  std::string store_name;  // e.g. 万达广场店
  std::string place_name;  // e.g. 一楼总服务台; may be empty (a store's general poster)
  std::string url;         // what the QR code opens, absolute
};

// A QR code's modules, row by row, true = dark; without the quiet zone. Empty when the
// text cannot be encoded (longer than a QR code holds). Error correction level M.
using Matrix = std::vector<std::vector<bool>>;
Matrix qr_matrix(const std::string& text);

// Where the QR code lands on a page of `width` x `height` units (points for the PDF,
// pixels for the PNG): its top-left corner and one module's side. Pure arithmetic, shared
// by the drawing and the tests that read the code back.
struct QrPlacement {
  double x = 0, y = 0, module = 0;
};
QrPlacement qr_placement(double width, double height, int modules);

// A4 portrait: 595 x 842 points; the PNG is A4 at `dpi` (150 dpi: 1240 x 1754 pixels).
constexpr double kA4WidthPt = 595.276, kA4HeightPt = 841.89;
int png_width(int dpi);
int png_height(int dpi);

// The poster as a one-page PDF (fonts embedded) or a PNG. Throws std::runtime_error when
// the URL does not fit a QR code or cairo fails.
std::string render_pdf(const Poster&);
std::string render_png(const Poster&, int dpi = 150);

}  // namespace kefu::api::poster
