#pragma once
// A canned reply (快捷回复): a ready text an agent finds by typing `/` and its shortcut.
// Either a store's (store_id set, owner_id empty: every agent of the store sees it,
// supervisors and above keep it) or a person's own (owner_id set, store_id empty: only
// its owner sees and keeps it). A shortcut is unique within a store's set and within a
// person's set; a personal entry may share its shortcut with a store's.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace kefu::chat {

struct CannedReply {
  int64_t id = 0;
  std::optional<int64_t> store_id;  // the store's entry
  std::optional<int64_t> owner_id;  // a person's own entry
  std::string shortcut;             // typed after `/`, e.g. 退货流程
  std::string title;
  std::string body;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  int64_t created_by = 0;
  friend bool operator==(const CannedReply&, const CannedReply&) = default;
};

// Field limits, in characters.
inline constexpr std::size_t kMaxShortcut = 20;
inline constexpr std::size_t kMaxCannedTitle = 50;
inline constexpr std::size_t kMaxCannedBody = 2000;

}  // namespace kefu::chat
