#include "core/api/json_writer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace kefu::api {

TEST(JsonWriter, EscapesLikeAJsonParserExpects) {
  const std::string tricky = "引号\"反斜杠\\换行\n制表\t\x01控制 SKU-12345 🙂";
  std::string out;
  JsonObject o(out);
  o.field("s", tricky).field("n", int64_t{-42}).field("none", std::optional<int64_t>{}).field("b", true);
  o.raw("a", "[1,2]");
  o.close();
  auto parsed = nlohmann::json::parse(out);  // throws if the writer produced invalid JSON
  EXPECT_EQ(parsed["s"], tricky);
  EXPECT_EQ(parsed["n"], -42);
  EXPECT_TRUE(parsed["none"].is_null());
  EXPECT_EQ(parsed["b"], true);
  EXPECT_EQ(parsed["a"], nlohmann::json::array({1, 2}));
}

TEST(JsonWriter, EmptyObject) {
  std::string out;
  JsonObject(out).close();
  EXPECT_EQ(out, "{}");
}

}  // namespace kefu::api

#include "tickets/api/render.hpp"

namespace kefu::api {

TEST(JsonWriter, TicketMatchesTheTreeRendering) {
  ticket::Ticket t;
  t.id = 7;
  t.number = "KF261122000007";
  t.subject = "停车场\"收费\"太贵";
  t.department_id = 3;
  t.first_response_at = 1795278600000LL;
  std::string out;
  write_ticket(out, t);
  EXPECT_EQ(nlohmann::json::parse(out), render(t));
}

}  // namespace kefu::api
