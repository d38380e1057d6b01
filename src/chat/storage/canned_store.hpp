#pragma once
// Canned replies (快捷回复) and each store's chat settings (在线客服设置).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chat/domain/canned.hpp"
#include "chat/domain/settings.hpp"
#include "core/storage/stores.hpp"

namespace kefu::storage {

// What canned_for lists: the store entries of `store_ids` (nullopt: of every store) and
// `owner_id`'s own entries, whose shortcut, title or body contains `text` (ASCII letters
// in any case; empty: all), by shortcut then id, at most `limit`.
struct CannedFilter {
  std::optional<std::vector<int64_t>> store_ids;
  int64_t owner_id = 0;
  std::string text;
  int limit = 500;
};

// A store's settings row as stored (who changed it last, and when).
struct StoredChatSettings {
  chat::Settings settings;
  int64_t updated_at = 0;
  int64_t updated_by = 0;
};

class CannedStore : public Store {
 public:
  static std::unique_ptr<CannedStore> open(Stores&);

  virtual std::vector<chat::CannedReply> canned_for(const CannedFilter&) = 0;
  virtual std::optional<chat::CannedReply> canned(int64_t id) = 0;
  // Whether the set the entry belongs to (its store's, or its owner's own) has another
  // entry (id other than `except_id`) with this shortcut.
  virtual bool shortcut_taken(const chat::CannedReply&, int64_t except_id) = 0;
  virtual int64_t insert_canned(const chat::CannedReply&) = 0;
  // Shortcut, title, body and updated_at; false when there is no such entry.
  virtual bool update_canned(const chat::CannedReply&) = 0;
  virtual bool delete_canned(int64_t id) = 0;

  virtual std::optional<StoredChatSettings> chat_settings(int64_t store_id) = 0;
  // Inserts or replaces the store's row.
  virtual void put_chat_settings(const StoredChatSettings&) = 0;
};

}  // namespace kefu::storage
