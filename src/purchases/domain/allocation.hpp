#pragma once
// Sharing an order's discount (满减, coupons) across its lines (分摊), so that each line
// knows what was paid for it — the amount a return of that line gives back.
//
// The rule, as Chinese POS systems print it: the order discount is shared in proportion to
// each line's amount after its own discount (gross - line discount). Gift lines (赠品) and
// return lines (negative quantity) take no share. Shares are whole fen: each line first
// gets the floor of its exact share, and the fen left over go one each to the lines with the
// largest remainders (ties: the lower line number), so the shares always sum to the order
// discount exactly and no line's share exceeds its amount. An order discount larger than
// the lines' amounts is capped at their sum (the caller validates that first).
#include <cstdint>
#include <vector>

#include "purchases/domain/purchase.hpp"

namespace kefu::purchase {

// Sets discount_share_fen and paid_fen on every line of the order.
void allocate(Order& order);

// The part of a line's paid amount that `quantity` of its units account for, to the fen:
// quantities returned one after another sum to the line's paid amount exactly (the last
// units take the remainder). `already_returned` units of the line were given back before.
// 0 <= quantity, already_returned; quantity + already_returned <= line.quantity.
int64_t paid_for_units(const Line& line, int quantity, int already_returned);

}  // namespace kefu::purchase
