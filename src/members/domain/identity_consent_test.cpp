// Identities are stored normalised and shown masked; consent is the latest record per channel.
#include <gtest/gtest.h>

#include "members/domain/consent.hpp"
#include "members/domain/identity.hpp"

namespace kefu::people {
namespace {

TEST(Identity, ValuesAreStoredNormalised) {
  struct Case {
    IdentityKind kind;
    std::string raw;
    std::optional<std::string> want;
  };
  const Case cases[] = {
      {"phone", "+86 138-1234-5678", "13812345678"},
      {"phone", "abc", std::nullopt},
      {"card", "  C0012345 ", "C0012345"},
      {"card", "", std::nullopt},
      {"card", "C 001", std::nullopt},
      {"wechat_openid", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M"},
      {"app", "会员", std::nullopt},
      {"app", std::string(65, 'a'), std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(normalize_identity(c.kind, c.raw), c.want) << c.raw;
}

TEST(Identity, ValuesAreMaskedForAgents) {
  EXPECT_EQ(mask_identity("phone", "13812345678"), "138****5678");
  EXPECT_EQ(mask_identity("wechat_openid", "o6_bmjrPTlm6"), "o6_…lm6");
  EXPECT_EQ(mask_identity("card", "C0012"), "*****");
}

TEST(Consent, TheLatestRecordOfEachChannelDecides) {
  const std::vector<ConsentRecord> history{
      {1, 7, "sms", true, 100, 1, "desk"},
      {2, 7, "sms", false, 300, 1, "hotline"},
      {3, 7, "wechat", true, 200, std::nullopt, "app"},
      {4, 7, "email", false, 50, 1, "desk"},
      {5, 7, "email", true, 50, 1, "desk"},  // the same instant: the later record
  };
  auto s = current_consent(history);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].channel, "sms");
  EXPECT_FALSE(s[0].granted);
  EXPECT_EQ(s[0].since, 300);
  EXPECT_EQ(s[1].channel, "phone");
  EXPECT_FALSE(s[1].granted);
  EXPECT_FALSE(s[1].since) << "never asked";
  EXPECT_TRUE(s[2].granted) << "email";
  EXPECT_TRUE(s[3].granted) << "wechat";
}

}  // namespace
}  // namespace kefu::people
