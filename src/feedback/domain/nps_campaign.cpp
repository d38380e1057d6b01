#include "feedback/domain/nps_campaign.hpp"

#include "core/domain/errors.hpp"

namespace kefu::feedback {
namespace {

constexpr int64_t kDayMs = 24LL * 3600 * 1000;

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 14695981039346656037ULL;
  for (unsigned char ch : s) {
    h ^= ch;
    h *= 1099511628211ULL;
  }
  return h;
}

uint64_t splitmix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

Error invalid(const char* field, const char* zh, const char* en) {
  return make_error(errors::kInvalidField, {{"field", field}, {"problem", Text(zh, en)}}, field);
}

}  // namespace

std::string nps_category(int score) {
  if (score < 0 || score > 10) throw invalid("score", "须为 0–10 的整数", "must be a whole number from 0 to 10");
  if (score >= 9) return "promoter";
  if (score >= 7) return "passive";
  return "detractor";
}

double sample_draw(int64_t seed, std::string_view key) {
  const uint64_t h = splitmix64(static_cast<uint64_t>(seed) ^ fnv1a(key));
  return static_cast<double>(h >> 11) * 0x1.0p-53;
}

bool in_sample(int64_t seed, std::string_view key, int64_t sample_ppm) {
  if (sample_ppm >= 1'000'000) return true;
  if (sample_ppm <= 0) return false;
  return sample_draw(seed, key) < static_cast<double>(sample_ppm) / 1e6;
}

bool capped(std::optional<int64_t> last_sent_at, int cap_days, int64_t now) {
  return last_sent_at && cap_days > 0 && now - *last_sent_at < cap_days * kDayMs;
}

bool running(const Campaign& c, int64_t now) {
  return c.active && now >= c.starts_at && (c.ends_at == 0 || now < c.ends_at);
}

std::string question_for(const Campaign& c, std::string_view store_name) {
  std::string out = c.question;
  constexpr std::string_view kSlot = "{store}";
  for (auto at = out.find(kSlot); at != std::string::npos; at = out.find(kSlot, at + store_name.size()))
    out.replace(at, kSlot.size(), store_name);
  return out;
}

void check_campaign(const Campaign& c) {
  const auto trigger = NpsTrigger::parse(c.trigger);
  if (!trigger) throw make_error(errors::kInvalidEnum, {{"field", "trigger"}, {"value", c.trigger}}, "trigger");
  if (*trigger == "purchase")
    throw invalid("trigger", "消费数据尚未接入，暂不能按消费触发", "purchases are not recorded yet");
  if (c.store_ids.empty()) throw invalid("store_ids", "至少选择一个门店", "name at least one store");
  if (c.sample_ppm < 0 || c.sample_ppm > 1'000'000)
    throw invalid("sample_rate", "抽样比例须在 0 到 1 之间", "must be from 0 to 1");
  if (c.sample_size < 0 || c.sample_size > 100'000)
    throw invalid("sample_size", "抽样人数须在 0 到 100000 之间", "must be from 0 to 100000");
  if (c.cap_days < 0 || c.cap_days > 3650) throw invalid("cap_days", "须在 0 到 3650 天之间", "must be 0 to 3650");
  if (c.link_days < 1 || c.link_days > 30) throw invalid("link_days", "须在 1 到 30 天之间", "must be 1 to 30");
  if (c.starts_at < 0 || (c.ends_at != 0 && c.ends_at <= c.starts_at))
    throw invalid("ends_at", "结束时间须晚于开始时间", "must be after starts_at");
}

}  // namespace kefu::feedback
