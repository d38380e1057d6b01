#pragma once
// Marketing consent (营销同意): per channel, an append-only history of grants and
// withdrawals; the current state of a channel is its latest record (none: not granted).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/vocabulary.hpp"

namespace kefu::people {

enum class ConsentChannelCode { sms, phone, email, wechat };
inline constexpr std::array<Term<ConsentChannelCode>, 4> kConsentChannels{{
    {ConsentChannelCode::sms, "sms", "短信", "SMS"},
    {ConsentChannelCode::phone, "phone", "电话", "Phone"},
    {ConsentChannelCode::email, "email", "电子邮件", "Email"},
    {ConsentChannelCode::wechat, "wechat", "微信", "WeChat"},
}};
using ConsentChannel = Closed<ConsentChannelCode, kConsentChannels>;

struct ConsentRecord {
  int64_t id = 0;
  int64_t member_id = 0;
  std::string channel;
  bool granted = false;
  int64_t at = 0;
  std::optional<int64_t> staff_id;
  std::string source;  // where the customer said so: desk form, app, hotline, import …
};

struct ConsentState {
  std::string channel;
  bool granted = false;
  std::optional<int64_t> since;  // the latest record's time; nullopt: never asked
};

// One state per channel of the vocabulary, in its order, from records in any order (the
// latest by time, then by id, wins).
std::vector<ConsentState> current_consent(const std::vector<ConsentRecord>& history);

}  // namespace kefu::people
