#include "purchases/domain/purchase.hpp"

namespace kefu::purchase {

int64_t Order::gross_fen() const {
  int64_t sum = 0;
  for (const auto& l : lines) sum += gross_of(l);
  return sum;
}

int64_t Order::paid_fen() const {
  int64_t sum = 0;
  for (const auto& l : lines) sum += l.paid_fen;
  return sum;
}

}  // namespace kefu::purchase
