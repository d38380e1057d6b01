#include "purchases/domain/allocation.hpp"

#include <algorithm>
#include <numeric>

namespace kefu::purchase {
namespace {

int64_t base_of(const Line& l) {
  if (l.gift || l.quantity <= 0) return 0;
  return std::max<int64_t>(0, gross_of(l) - l.line_discount_fen);
}

}  // namespace

void allocate(Order& order) {
  auto& lines = order.lines;
  int64_t total = 0;
  for (const auto& l : lines) total += base_of(l);
  const int64_t discount = std::clamp<int64_t>(order.order_discount_fen, 0, total);
  std::vector<int64_t> remainder(lines.size(), 0);
  int64_t given = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const int64_t base = base_of(lines[i]);
    // base × discount fits in 64 bits: both are below 2^40 fen (¥10 billion) after validation.
    lines[i].discount_share_fen = total == 0 ? 0 : base * discount / total;
    remainder[i] = total == 0 ? 0 : base * discount % total;
    given += lines[i].discount_share_fen;
  }
  std::vector<size_t> order_of(lines.size());
  std::iota(order_of.begin(), order_of.end(), 0);
  std::stable_sort(order_of.begin(), order_of.end(), [&](size_t a, size_t b) {
    if (remainder[a] != remainder[b]) return remainder[a] > remainder[b];
    return lines[a].line_no < lines[b].line_no;
  });
  for (size_t k = 0; given < discount && k < order_of.size(); ++k) {
    auto& l = lines[order_of[k]];
    if (base_of(l) > l.discount_share_fen) {
      ++l.discount_share_fen;
      ++given;
    }
  }
  for (auto& l : lines) l.paid_fen = gross_of(l) - l.line_discount_fen - l.discount_share_fen;
}

int64_t paid_for_units(const Line& line, int quantity, int already_returned) {
  if (line.quantity <= 0 || quantity <= 0) return 0;
  const int64_t q = line.quantity;
  const int64_t before = line.paid_fen * already_returned / q;
  const int64_t after = line.paid_fen * (already_returned + quantity) / q;
  // Units returned up to n account for floor(paid × n / q): the sum over any sequence of
  // partial returns is floor(paid × q / q) = paid once every unit is back.
  return after - before;
}

}  // namespace kefu::purchase
