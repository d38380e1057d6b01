#pragma once
// Canned replies (快捷回复): ready texts an agent finds with `/` and a shortcut. A store's
// entries are for every agent of the store and are kept by its supervisors and above; a
// person's own entries are theirs alone (anyone else, admins included, gets 404).
//
// Who: staff with chat:read lists, chat:write changes. Another store's entry or someone
// else's own entry is 404 not_found; a store entry kept below supervisor is 403 forbidden.
// Fields: shortcut 1–20 characters without spaces, title 1–50, body 1–2000; a shortcut
// already in the same set (the store's, or the person's own) is 409 canned_shortcut_taken.
// Creating, changing and deleting are audited (entity canned_reply).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "chat/domain/canned.hpp"
#include "core/app/context.hpp"

namespace kefu::app {

struct CannedInput {
  std::optional<int64_t> store_id;  // none: the caller's own entry
  std::string shortcut;
  std::string title;
  std::string body;
};

// The store entries of `store_id` (or of every store the caller serves; admins: every
// store) and the caller's own, whose shortcut, title or body contains `q`.
std::vector<chat::CannedReply> list_canned(Context&, std::optional<int64_t> store_id, const std::string& q);
chat::CannedReply create_canned(Context&, const CannedInput&);
// Changes shortcut, title and body (an entry stays the store's or the person's).
chat::CannedReply update_canned(Context&, int64_t id, const CannedInput&);
void delete_canned(Context&, int64_t id);

}  // namespace kefu::app
