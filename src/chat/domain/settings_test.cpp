#include "chat/domain/settings.hpp"

#include <gtest/gtest.h>

namespace kefu::chat {
namespace {

TEST(ChatSettingsTargets, AQueueWithoutItsOwnTargetsHasTheStores) {
  Settings s{.first_reply_seconds = 45, .reply_gap_seconds = 120};
  s.queue_targets["parking"] = {20, 60};
  EXPECT_EQ(s.targets_for("parking"), (ReplyTargets{20, 60}));
  EXPECT_EQ(s.targets_for("returns"), (ReplyTargets{45, 120}));
  EXPECT_EQ(Settings{}.targets_for("general"), (ReplyTargets{60, 180})) << "the defaults";
}

TEST(ChatSettingsTargets, TheStoredTextReadsBackAsWritten) {
  const std::map<std::string, ReplyTargets> targets{{"parking", {20, 60}}, {"returns", {120, 300}}};
  const auto text = encode_queue_targets(targets);
  EXPECT_EQ(text, "parking:20:60;returns:120:300");
  EXPECT_EQ(decode_queue_targets(text), targets);
  EXPECT_EQ(decode_queue_targets(""), (std::map<std::string, ReplyTargets>{})) << "no queue has its own";
}

TEST(ChatSettingsTargets, TextNotInTheFormIsRefused) {
  for (const char* bad : {"parking", "parking:20", "parking:20:x", ":20:60", "parking:20:60;", "parking:20:60:1",
                          "parking:-:60", "parking:2 0:60"})
    EXPECT_FALSE(decode_queue_targets(bad)) << bad;
}

}  // namespace
}  // namespace kefu::chat
