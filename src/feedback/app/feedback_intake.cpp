#include "feedback/app/feedback_intake.hpp"

#include <cctype>

#include "core/app/rate_limit.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "feedback/app/feedback_items.hpp"
#include "feedback/storage/feedback_photo_store.hpp"
#include "feedback/storage/feedback_store.hpp"
#include "members/domain/phone.hpp"
#include "members/storage/member_store.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::app {
namespace {

constexpr int64_t kHour = 3600'000;

limits::Policy per_hour(int n) { return {.limit = n, .window_ms = kHour, .block_ms = 0, .max_block_ms = 0}; }

Error invalid(const char* field, const char* zh, const char* en) {
  return make_error(errors::kInvalidField, {{"field", field}, {"problem", Text(zh, en)}}, field);
}

bool client_id_ok(const std::string& id) {
  if (id.size() < 8 || id.size() > 64) return false;
  for (unsigned char ch : id)
    if (!std::isalnum(ch) && ch != '-' && ch != '_') return false;
  return true;
}

// Where a submission goes and who left it, after every check.
struct Target {
  int64_t store_id = 0;
  std::optional<int64_t> place_id;
  std::string phone;  // normalised, "" anonymous
};

Target resolve(Context& c, const PublicFeedback& in, std::size_t photos) {
  check_text("text", in.text, kFeedbackTextMax, true);
  if (in.rating && (*in.rating < 1 || *in.rating > 5))
    throw invalid("rating", "应为 1 到 5 星", "must be 1 to 5 stars");
  if (!in.client_id.empty() && !client_id_ok(in.client_id))
    throw invalid("client_id", "应为 8–64 个字母、数字、- 或 _", "must be 8–64 letters, digits, - or _");
  if (photos > kFeedbackPhotosMax) throw invalid("photos", "最多 3 张照片", "at most 3 photos");
  Target t;
  if (!in.phone.empty()) {
    check_text("phone", in.phone, 40, false);
    auto phone = people::normalize_phone(in.phone);
    if (!phone) throw make_error(errors::kInvalidPhone, {}, "phone");
    t.phone = *phone;
  }
  auto& org = c.store<storage::OrgStore>();
  if (!in.place_code.empty()) {
    check_text("place_code", in.place_code, 40, true);
    auto p = c.store<storage::FeedbackStore>().place_by_code(in.place_code);
    if (!p || !p->active)
      throw make_error(errors::kUnknownReference, {{"what", Text("二维码对应的反馈点位", "place of this QR code")}},
                       "place_code");
    t.store_id = p->store_id;
    t.place_id = p->id;
  } else if (in.store_id) {
    if (*in.store_id > 0 && org.store_exists(*in.store_id)) t.store_id = *in.store_id;
  } else if (!in.store_code.empty()) {
    check_text("store_code", in.store_code, 40, true);
    for (const auto& s : org.stores())
      if (s.code == in.store_code) t.store_id = s.id;
  } else {
    throw make_error(errors::kRequired, {{"what", Text("门店", "the store")}}, "store");
  }
  if (!t.store_id) throw make_error(errors::kUnknownReference, {{"what", Text("门店", "store")}}, "store");
  return t;
}

std::vector<Limit> limits_of(const PublicFeedback& in, const Target& t) {
  std::vector<Limit> out{{"feedback:addr:" + in.remote, per_hour(kFeedbackPerAddress)}};
  if (!t.phone.empty()) out.push_back({"feedback:phone:" + t.phone, per_hour(kFeedbackPerPhone)});
  return out;
}

std::string ref_of(const PublicFeedback& in) { return in.client_id.empty() ? "" : "form:" + in.client_id; }

}  // namespace

PublicPlace public_place(Context& c, const std::string& code) {
  std::optional<feedback::Place> p;
  if (!code.empty() && code.size() <= 40) p = c.store<storage::FeedbackStore>().place_by_code(code);
  if (!p || !p->active) throw make_error(errors::kNotFound, {{"what", Text("反馈点位", "place")}});
  auto s = c.store<storage::OrgStore>().store(p->store_id);
  return {p->code, s ? s->name : "", p->name};
}

void check_public_feedback(Context& c, const PublicFeedback& in, std::size_t photos) {
  const auto t = resolve(c, in, photos);
  if (const auto ref = ref_of(in); !ref.empty() && c.store<storage::FeedbackStore>().find_by_ref("form", ref)) return;
  check_limits(c.stores, limits_of(in, t), c.now_ms, errors::kRateLimited);
}

PublicReceipt submit_public_feedback(Context& c, const PublicFeedback& in,
                                     const std::vector<storage::FeedbackPhoto>& photos) {
  const auto t = resolve(c, in, photos.size());
  auto& inbox = c.store<storage::FeedbackStore>();
  auto& album = c.store<storage::FeedbackPhotoStore>();
  const auto ref = ref_of(in);
  if (auto id = ref.empty() ? std::nullopt : inbox.find_by_ref("form", ref)) {
    auto item = *inbox.item(*id);
    return {item, static_cast<int>(album.photos_of(item.id).size()), false};
  }
  const auto limits = limits_of(in, t);
  check_limits(c.stores, limits, c.now_ms, errors::kRateLimited);
  hit_limits(c.stores, limits, c.now_ms);

  NewFeedback nf;
  nf.store_id = t.store_id;
  nf.place_id = t.place_id;
  nf.source = "form";
  nf.source_ref = ref;
  nf.text = in.text;
  nf.rating = in.rating;
  nf.contact_phone = t.phone;
  if (!t.phone.empty())
    if (auto m = c.store<storage::MemberStore>().member_by_phone(t.phone)) nf.member_id = m->id;
  auto recorded = record_item(c, nf);
  int n = 0;
  for (auto p : photos) {
    p.item_id = recorded.item.id;
    p.n = ++n;
    p.created_at = c.now_ms;
    album.insert_photo(p);
  }
  return {recorded.item, n, true};
}

std::vector<storage::FeedbackPhoto> item_photos(Context& c, int64_t item_id) {
  const auto item = get_item(c, item_id);  // feedback:read, the item's store (404)
  return c.store<storage::FeedbackPhotoStore>().photos_of(item.id);
}

storage::FeedbackPhoto item_photo(Context& c, int64_t item_id, int n) {
  const auto item = get_item(c, item_id);
  auto p = c.store<storage::FeedbackPhotoStore>().photo(item.id, n);
  if (!p) throw make_error(errors::kNotFound, {{"what", Text("照片", "photo")}});
  return *p;
}

PlacePoster place_poster(Context& c, int64_t place_id) {
  const auto p = get_place(c, place_id);  // feedback:read, the place's store (404)
  auto s = c.store<storage::OrgStore>().store(p.store_id);
  return {p.code, s ? s->name : "", p.name};
}

}  // namespace kefu::app
