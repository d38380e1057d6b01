#include "core/http/access_log.hpp"

#include <gtest/gtest.h>

namespace kefu::http {
namespace {

TEST(RedactTarget, QueryValuesAreHiddenUnlessTheyOnlyFilter) {
  EXPECT_EQ(redact_target("/api/v1/tickets?status=new&q=%E5%BC%A0%E4%B8%89&limit=20"),
            "/api/v1/tickets?status=new&q=*&limit=20");
  EXPECT_EQ(redact_target("/api/v1/members?phone=13812345678"), "/api/v1/members?phone=*");
  EXPECT_EQ(redact_target("/api/v1/x?store_id=1&&filename=%E5%8F%91%E7%A5%A8.png&flag"),
            "/api/v1/x?store_id=1&filename=*&flag");
  // An allowed name with an over-long value is hidden too (somebody's text in the wrong field).
  EXPECT_EQ(redact_target("/api/v1/tickets?status=" + std::string(60, 'a')), "/api/v1/tickets?status=*");
}

TEST(RedactTarget, LinkTokensInPathsAreHidden) {
  EXPECT_EQ(redact_target("/api/v1/public/tickets/eyJ0IjoxMiwiZSI6MTc5.b2dd3f0e9a1c/replies"),
            "/api/v1/public/tickets/…/replies");
  EXPECT_EQ(redact_target("/m/csat/AbCdEfGhIjKlMnOpQrStUvWx"), "/m/csat/…");
  // Ids, ticket numbers and route words stay readable.
  EXPECT_EQ(redact_target("/api/v1/tickets/123/timeline"), "/api/v1/tickets/123/timeline");
  EXPECT_EQ(redact_target("/api/v1/tickets/KF2611220000042"), "/api/v1/tickets/KF2611220000042");
  EXPECT_EQ(redact_target("/api/v1/notifications/read-all"), "/api/v1/notifications/read-all");
  EXPECT_EQ(redact_target("/"), "/");
  EXPECT_EQ(redact_target("/assets/index-4f2a9c1b.js"), "/assets/index-4f2a9c1b.js");
}

TEST(IsLoopback, OnlyThisHost) {
  EXPECT_TRUE(is_loopback("127.0.0.1"));
  EXPECT_TRUE(is_loopback("127.8.9.10"));
  EXPECT_TRUE(is_loopback("::1"));
  EXPECT_TRUE(is_loopback("::ffff:127.0.0.1"));
  EXPECT_FALSE(is_loopback("10.0.0.127"));
  EXPECT_FALSE(is_loopback("::ffff:192.168.1.2"));
  EXPECT_FALSE(is_loopback("-"));
}

TEST(ClientAddress, OnlyATrustedProxyIsBelievedAndOnlyForTheEntryItAdded) {
  const std::vector<std::string> none, proxy{"127.0.0.1", "10.0.0.2"};
  EXPECT_EQ(client_address("203.0.113.7", "198.51.100.1", none), "203.0.113.7") << "no proxy trusted";
  EXPECT_EQ(client_address("203.0.113.7", "198.51.100.1", proxy), "203.0.113.7") << "an untrusted peer";
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.1", proxy), "198.51.100.1");
  // The client may send its own X-Forwarded-For: only the right-most untrusted entry counts.
  EXPECT_EQ(client_address("127.0.0.1", "1.2.3.4, 198.51.100.1", proxy), "198.51.100.1");
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.1, 10.0.0.2", proxy), "198.51.100.1") << "two proxies";
  EXPECT_EQ(client_address("127.0.0.1", "2001:db8::1", proxy), "2001:db8::1");
  EXPECT_EQ(client_address("127.0.0.1", "", proxy), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", "not an address", proxy), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", "10.0.0.2", proxy), "127.0.0.1") << "only proxies";
}

}  // namespace
}  // namespace kefu::http
