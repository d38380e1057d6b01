#include "privacy/app/person.hpp"

#include "core/app/scope.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "members/domain/phone.hpp"
#include "privacy/domain/errors.hpp"

namespace kefu::app {

int64_t Person::total() const {
  int64_t n = 0;
  for (const auto& [kind, rows] : counts) n += rows;
  return n;
}

storage::PersonKey person_key(const PersonQuery& q) {
  const bool has_phone = !q.phone.empty();
  if (q.member_id.has_value() == has_phone) throw make_error(errors::kPrivacySubjectRequired);
  if (!has_phone) return {q.member_id, ""};
  auto phone = people::normalize_phone(q.phone);
  if (!phone) throw make_error(errors::kInvalidPhone, {}, "phone");
  return {std::nullopt, *phone};
}

std::string label_of(const storage::PersonKey& k) {
  std::string out;
  if (k.member_id) out = "会员 #" + std::to_string(*k.member_id);
  if (!k.phone.empty()) out += (out.empty() ? "" : " · ") + people::mask_phone(k.phone);
  return out;
}

Person person_of(Context& c, const storage::PersonKey& key) {
  auto& store = c.store<storage::PersonDataStore>();
  Person p{key, store.find_person(key), {}, label_of(key)};
  p.counts = store.count_rows(p.footprint);
  return p;
}

Person find_person(Context& c, const PersonQuery& q) {
  require_role(c.actor, "supervisor");
  require_scope(c.actor, "members:read");
  return person_of(c, person_key(q));
}

}  // namespace kefu::app
