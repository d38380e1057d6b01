// Purchases from the POS: pushed one order at a time, listed, read.
#include <fmt/format.h>

#include <charconv>

#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/domain/errors.hpp"
#include "purchases/api/render.hpp"
#include "purchases/app/purchases.hpp"

namespace kefu::api {
namespace {

using json = nlohmann::json;

int small_int(const json& j, const char* field, int64_t fallback) {
  const auto v = maybe_int(j, field).value_or(fallback);
  if (v < INT32_MIN || v > INT32_MAX)
    throw make_error(errors::kInvalidField, {{"field", Text(field)}, {"problem", Text("超出范围", "out of range")}},
                     field);
  return static_cast<int>(v);
}

app::OrderInput order_input(const json& b) {
  app::OrderInput in;
  auto& o = in.order;
  o.store_id = req_int(b, "store_id");
  o.receipt_no = req_string(b, "receipt_no");
  o.member_id = maybe_int(b, "member_id");
  in.member_no = opt_string(b, "member_no");
  const auto sold = maybe_time(b, "sold_at");
  if (!sold) throw make_error(errors::kRequired, {{"what", Text("销售时间", "sold_at")}}, "sold_at");
  o.sold_at = *sold;
  o.payment = opt_string(b, "payment");
  o.order_discount_fen = maybe_int(b, "order_discount_fen").value_or(0);
  o.coupon_fen = maybe_int(b, "coupon_fen").value_or(0);
  o.points_used = maybe_int(b, "points_used").value_or(0);
  o.points_earned = maybe_int(b, "points_earned").value_or(0);
  o.promotion = opt_string(b, "promotion");
  o.source = "api";
  if (!b.contains("lines") || !b["lines"].is_array())
    throw make_error(errors::kInvalidType, {{"field", "lines"}, {"expected", Text("数组", "an array")}}, "lines");
  int next_no = 1;
  for (const auto& j : b["lines"]) {
    if (!j.is_object())
      throw make_error(errors::kInvalidType,
                       {{"field", "lines"}, {"expected", Text("对象数组", "an array of objects")}}, "lines");
    purchase::Line l;
    l.line_no = small_int(j, "line_no", next_no);
    next_no = l.line_no + 1;
    l.counter = opt_string(j, "counter");
    l.brand = opt_string(j, "brand");
    l.sku = opt_string(j, "sku");
    l.name = opt_string(j, "name");
    l.category = opt_string(j, "category", "other");
    l.quantity = small_int(j, "quantity", 1);
    l.unit_price_fen = maybe_int(j, "unit_price_fen").value_or(0);
    l.line_discount_fen = maybe_int(j, "line_discount_fen").value_or(0);
    l.promotion = opt_string(j, "promotion");
    l.gift = maybe_bool(j, "gift").value_or(false);
    o.lines.push_back(std::move(l));
    in.originals.resize(o.lines.size());
    if (auto receipt = maybe_string(j, "original_receipt_no"))
      in.originals.back() = app::OriginalRef{*receipt, small_int(j, "original_line_no", 0)};
  }
  return in;
}

// POST /purchases: one order; 201 when new, 200 when the receipt was on file.
void push_order(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto in = order_input(parse_object(req));
  write(s, req, std::move(reply), actor, [in](app::Context& c) {
    auto r = app::record_order(c, in);
    auto body = purchases_render::order(r.order);
    body["created"] = r.created;
    body["lines_added"] = r.lines_added;
    return ok(r.created ? 201 : 200, body);
  });
}

std::optional<storage::OrderFilter::Cursor> parse_cursor(const std::string& text) {
  // "{sold_at}_{id}" of the last order on the previous page.
  storage::OrderFilter::Cursor c;
  const auto cut = text.find('_');
  if (cut == std::string::npos) return std::nullopt;
  const char* end = text.data() + text.size();
  auto a = std::from_chars(text.data(), text.data() + cut, c.sold_at);
  auto b = std::from_chars(text.data() + cut + 1, end, c.id);
  if (a.ec != std::errc{} || a.ptr != text.data() + cut || b.ec != std::errc{} || b.ptr != end || c.id <= 0)
    return std::nullopt;
  return c;
}

// GET /purchases?store_id&member_id&receipt_no&from&to&cursor&limit
void list_orders(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  storage::OrderFilter f;
  if (auto store = query_int(req, "store_id")) f.store_ids = {*store};
  f.member_id = query_int(req, "member_id");
  f.receipt_no = req.query_value("receipt_no");
  f.since = query_time(req, "from");
  f.until = query_time(req, "to");
  f.limit = static_cast<int>(std::clamp<int64_t>(query_int(req, "limit").value_or(50), 1, 200));
  if (auto text = req.query_value("cursor"); !text.empty()) {
    f.before = parse_cursor(text);
    if (!f.before) throw make_error(errors::kInvalidCursor, {}, "cursor");
  }
  read(s, req, reply, actor, [f](app::Context& c) {
    auto rows = app::find_orders(c, f);
    auto items = json::array();
    for (const auto& o : rows) items.push_back(purchases_render::order(o));
    json next = nullptr;
    if (static_cast<int>(rows.size()) == f.limit) next = fmt::format("{}_{}", rows.back().sold_at, rows.back().id);
    return ok(200, {{"items", items}, {"next_cursor", next}});
  });
}

// GET /purchases/{id}: the order with how many units of each line were returned.
void get_order(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) {
    auto o = app::get_order(c, id);
    auto returned = app::returned_units(c, o);
    return ok(200, purchases_render::order(o, &returned));
  });
}

}  // namespace

void add_purchase_routes(RouteTable& r) {
  r.add("POST", "/api/v1/purchases", staff("supervisor", "purchases:write").on(Reach::store), push_order);
  r.add("GET", "/api/v1/purchases", staff("agent", "purchases:read"), list_orders);
  r.add("GET", "/api/v1/purchases/{id}", staff("agent", "purchases:read").on(Reach::purchase), get_order);
}

}  // namespace kefu::api
