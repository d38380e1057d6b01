#pragma once
// The demo's purchases (收银小票) for a year: each demo member with a rhythm of their own
// (weekly regulars, monthly, rare; a few whose visits stopped months ago: value at risk),
// at their home store mostly, in the departments of a Chinese department store, busier in
// the festivals (Spring Festival, 618, 国庆, Double 11) with their 满300减50, 会员95折 for gold
// and platinum members, 满赠 gifts at the cosmetics counters, wechat/alipay/card/cash, points
// earned on the ledger (1 a yuan, more for higher tiers) and a few returns. Every ticket that
// names a purchase (`purchase_ref` "POS-…") gets that receipt. Deterministic.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "auth/domain/actor.hpp"
#include "core/storage/stores.hpp"
#include "demo/catalog.hpp"

namespace kefu::demo {

struct PurchaseCounts {
  int64_t orders = 0, lines = 0, returns = 0;
};

// `store_ids` by store code; `member_ids` in the catalogue's order; `admin` records them.
PurchaseCounts load_demo_purchases(storage::Stores&, const Catalog&, const std::map<std::string, int64_t>& store_ids,
                                   const std::vector<int64_t>& member_ids, const people::Actor& admin, int64_t now_ms);

}  // namespace kefu::demo
