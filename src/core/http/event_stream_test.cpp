#include "core/http/event_stream.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kefu::http::detail {
namespace {

TEST(EventStreamFormat, EventWithIdAndMultiLineData) {
  EXPECT_EQ(StreamChannel::format_event("ticket", "a\nb\r\nc\rd", "7"),
            "id: 7\nevent: ticket\ndata: a\ndata: b\ndata: c\ndata: d\n\n");
}

TEST(EventStreamFormat, DataOnlyAndEmptyData) {
  EXPECT_EQ(StreamChannel::format_event("", "x", ""), "data: x\n\n");
  EXPECT_EQ(StreamChannel::format_event("", "", ""), "data: \n\n");              // still dispatched, with ""
  EXPECT_EQ(StreamChannel::format_event("", "x\n", ""), "data: x\ndata: \n\n");  // trailing newline kept
}

TEST(EventStreamFormat, LineBreaksInEventAndIdAreDropped) {
  EXPECT_EQ(StreamChannel::format_event("a\nb", "x", "1\r\n2"), "id: 12\nevent: ab\ndata: x\n\n");
}

TEST(EventStreamFormat, Comment) {
  EXPECT_EQ(StreamChannel::format_comment("ping"), ": ping\n\n");
  EXPECT_EQ(StreamChannel::format_comment("a\nb"), ": a\n: b\n\n");
}

TEST(StreamChannel, QueuesInOrderUntilClosedThenRefuses) {
  StreamChannel c(1024);
  std::vector<bool> notified;
  c.attach([&](bool abort) { notified.push_back(abort); });
  EXPECT_TRUE(c.arm());
  EXPECT_TRUE(c.send("e", "1", ""));
  EXPECT_TRUE(c.comment("c"));
  EXPECT_EQ(notified, std::vector<bool>{false});  // armed once, notified once
  EXPECT_FALSE(c.arm());                          // something is queued
  std::string out;
  EXPECT_TRUE(c.take(out));
  EXPECT_EQ(out, "event: e\ndata: 1\n\n: c\n\n");
  int closes = 0;
  c.on_close([&] { ++closes; });
  EXPECT_TRUE(c.send("", "last"));
  c.close();
  c.close();
  EXPECT_EQ(closes, 1);
  EXPECT_FALSE(c.open());
  EXPECT_FALSE(c.send("", "refused"));
  out.clear();
  EXPECT_FALSE(c.take(out));  // closed, but what was queued before close is still written
  EXPECT_EQ(out, "data: last\n\n");
  c.on_close([&] { ++closes; });  // already closed: at once
  EXPECT_EQ(closes, 2);
}

TEST(StreamChannel, OverflowClosesDropsTheQueueAndAborts) {
  StreamChannel c(20);
  std::vector<bool> notified;
  c.attach([&](bool abort) { notified.push_back(abort); });
  bool closed = false;
  c.on_close([&] { closed = true; });
  EXPECT_TRUE(c.send("", "12345"));  // 14 bytes
  EXPECT_FALSE(c.send("", "12345"));
  EXPECT_TRUE(closed);
  EXPECT_EQ(notified, std::vector<bool>{true});
  std::string out;
  EXPECT_FALSE(c.take(out));
  EXPECT_EQ(out, "");
}

TEST(StreamChannel, DetachedChannelNeverNotifies) {
  StreamChannel c(1024);
  int calls = 0;
  c.attach([&](bool) { ++calls; });
  EXPECT_TRUE(c.arm());
  c.detach();
  EXPECT_TRUE(c.send("", "x"));
  c.close();
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace kefu::http::detail
