#include "core/domain/signed_link.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/domain/error.hpp"

namespace kefu::links {
namespace {

constexpr int64_t kExpiry = 1'764'000'000'000;  // 2025-11-24 UTC, in ms

std::vector<unsigned char> fixed_key(unsigned char fill) { return std::vector<unsigned char>(key_size(), fill); }

// The Error verify throws, or a failure when it returns.
Error refusal(std::string_view token, const std::vector<unsigned char>& key, int64_t now_ms) {
  try {
    auto claim = verify(token, key, now_ms);
    ADD_FAILURE() << "accepted '" << token << "' as ticket " << claim.ticket_id;
  } catch (const Error& e) {
    return e;
  }
  return Error(Error::Kind::conflict, "none", "", "");
}

TEST(CsatLink, RoundTrip) {
  auto key = new_key();
  ASSERT_EQ(key.size(), 32u);
  for (int64_t id : {int64_t{1}, int64_t{123456}, INT64_MAX}) {
    auto token = sign(id, kExpiry, key);
    EXPECT_LE(token.size(), 83u) << token;
    EXPECT_EQ(token.find_first_not_of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_."),
              std::string::npos)
        << "not URL-safe: " << token;
    EXPECT_EQ(verify(token, key, kExpiry - 1), (Claim{id, kExpiry})) << token;
  }
}

TEST(CsatLink, KnownFormat) {
  auto token = sign(42, kExpiry, fixed_key(7));
  EXPECT_EQ(token.substr(0, 17), "42.1764000000000.");
  EXPECT_EQ(token.size(), 17u + 43u);  // 32-byte MAC, base64url without padding
  EXPECT_EQ(token, sign(42, kExpiry, fixed_key(7))) << "deterministic";
  EXPECT_NE(token, sign(42, kExpiry, fixed_key(8)));
}

TEST(CsatLink, AnythingButAGenuineTokenIsInvalid) {
  auto key = fixed_key(1);
  const std::string good = sign(42, kExpiry, key);
  const std::string mac = good.substr(good.rfind('.') + 1);
  std::string flipped_mac = good;
  flipped_mac.back() = flipped_mac.back() == 'A' ? 'Q' : 'A';
  // The last of 43 characters carries 4 MAC bits and 2 unused bits, which must be zero.
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string unused_bits = good;
  unused_bits.back() = alphabet[alphabet.find(good.back()) | 1];
  std::string flipped_first = good;
  flipped_first[17] = flipped_first[17] == 'x' ? 'y' : 'x';
  struct Row {
    const char* story;
    std::string token;
  };
  const Row rows[] = {
      {"another ticket id", "43" + good.substr(2)},
      {"a later expiry", "42.1764000000001." + mac},
      {"expiry with a leading zero", "42.01764000000000." + mac},
      {"ticket id with a plus sign", "+42.1764000000000." + mac},
      {"the MAC's last character changed", flipped_mac},
      {"the MAC's first character changed", flipped_first},
      {"the MAC's unused bits set (same MAC bytes)", unused_bits},
      {"signed with another key", sign(42, kExpiry, fixed_key(2))},
      {"MAC cut short", good.substr(0, good.size() - 1)},
      {"MAC with padding", good + "="},
      {"MAC in standard base64 alphabet", "42.1764000000000." + std::string(42, '+') + "A"},
      {"no MAC", "42.1764000000000"},
      {"no MAC after the dot", "42.1764000000000."},
      {"only a MAC", mac},
      {"garbage", "hello world"},
      {"dots", "..."},
      {"empty", ""},
      {"a NUL inside", std::string("42\0.1764000000000.", 18) + mac},
      {"trailing junk", good + "x"},
      {"overlong", good + std::string(10'000, 'A')},
      {"overlong ticket id", std::string(100, '9') + good.substr(2)},
  };
  for (const auto& r : rows) {
    Error e = refusal(r.token, key, kExpiry - 1);
    EXPECT_EQ(e.kind(), Error::Kind::forbidden) << r.story;
    EXPECT_EQ(e.code(), "invalid_link") << r.story;
    EXPECT_EQ(e.message_zh().find("链接无效"), 0u) << r.story;
  }
}

TEST(CsatLink, ExpiresAtItsExpiry) {
  auto key = fixed_key(1);
  auto token = sign(42, kExpiry, key);
  struct Row {
    int64_t now;
    bool expired;
  };
  const Row rows[] = {{0, false}, {kExpiry - 1, false}, {kExpiry, true}, {kExpiry + 1, true}, {INT64_MAX, true}};
  for (const auto& r : rows) {
    if (!r.expired) {
      EXPECT_EQ(verify(token, key, r.now).ticket_id, 42) << r.now;
      continue;
    }
    Error e = refusal(token, key, r.now);
    EXPECT_EQ(e.kind(), Error::Kind::gone) << r.now;
    EXPECT_EQ(e.code(), "link_expired") << r.now;
    EXPECT_FALSE(e.message_zh().empty());
  }
}

TEST(CsatLink, AForgedExpiredTokenIsInvalidNotExpired) {
  auto key = fixed_key(1);
  auto token = sign(42, kExpiry, key);
  std::string forged = "42.1000" + token.substr(token.find('.', 3));  // expiry long past
  EXPECT_EQ(refusal(forged, key, kExpiry - 1).code(), "invalid_link");
  EXPECT_EQ(refusal(token, fixed_key(2), kExpiry + 1).code(), "invalid_link") << "expired, but under another key";
}

TEST(CsatLink, ProgrammerErrors) {
  auto key = fixed_key(1);
  std::vector<unsigned char> short_key(16, 1);
  EXPECT_THROW(sign(42, kExpiry, short_key), std::invalid_argument);
  EXPECT_THROW(verify(sign(42, kExpiry, key), short_key, 0), std::invalid_argument);
  EXPECT_THROW(sign(0, kExpiry, key), std::invalid_argument);
  EXPECT_THROW(sign(-1, kExpiry, key), std::invalid_argument);
  EXPECT_THROW(sign(42, -1, key), std::invalid_argument);
}

TEST(CsatLink, NewKeysDiffer) { EXPECT_NE(new_key(), new_key()); }

}  // namespace
}  // namespace kefu::links
