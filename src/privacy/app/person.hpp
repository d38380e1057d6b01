#pragma once
// Finding a person for a personal-data request (个人信息请求): by member id or phone (one of
// them, 400 privacy_subject_required otherwise; 400 invalid_phone), and what kefu holds on
// them, per kind (the dry run). Supervisors and above (members:read); installation-wide:
// a person's data is not one store's. Lists and audits name the person by their member
// number and masked phone only.
#include <cstdint>
#include <optional>
#include <string>

#include "core/app/context.hpp"
#include "privacy/storage/person_data_store.hpp"

namespace kefu::app {

// What the customer-written texts become, in every table.
inline constexpr const char* kErasedText = "（已按个人信息保护要求删除）";
// What an anonymised member is called.
inline constexpr const char* kErasedMemberName = "（已注销会员）";

struct PersonQuery {
  std::optional<int64_t> member_id;
  std::string phone;  // as typed
};

struct Person {
  storage::PersonKey key;  // phone normalised
  storage::Footprint footprint;
  storage::KindCounts counts;
  std::string label;  // e.g. "会员 #12 · 138****8000"
  int64_t total() const;
};

// The key of a query: exactly one of member id and phone, the phone normalised.
storage::PersonKey person_key(const PersonQuery&);
// Reads; no audit (a read). Throws privacy_subject_required / invalid_phone / forbidden.
Person find_person(Context&, const PersonQuery&);
// The same for a key already checked (requests, exports, retention).
Person person_of(Context&, const storage::PersonKey&);
std::string label_of(const storage::PersonKey&);

}  // namespace kefu::app
