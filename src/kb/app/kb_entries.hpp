#pragma once
// The knowledge base's entries (知识库条目): FAQ entries for customers and internal
// articles for staff (SOPs, 话术 scripts, policies), with drafts, published versions and
// per-store answers. See docs/kb.md.
//
// Who: every staff member with kb:read reads every entry, internal articles included;
// customers read nothing here (the bot answers them). Admins with kb:write create, edit,
// publish, move and delete entries. A store's own answer (variant) is kept by that store's
// supervisors and above, and by admins (kb:write). Another store is 404 not_found for a
// supervisor; a supervisor editing anything else is 403 forbidden.
//
// Drafts: a new entry is a draft until published. Editing a published entry writes a draft
// beside it (customers keep the published content); publishing the draft replaces the
// content and keeps a version row (who, when, the content and the variants of the moment).
// Category, external id and variants are not drafted: they change at once.
// Fields: question 1–200 characters; similar questions up to 100, each 1–200 (blank ones
// and repeats dropped); answer 1–20,000 (Markdown: kb/app/markdown.hpp); keywords up to 50,
// each up to 30; audience customer | internal; valid_from before valid_to; external_id up to
// 100, unique (409 duplicate). Every change is audited (entity kb_entry).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "kb/domain/faq.hpp"

namespace kefu::app {

struct FaqInput {
  std::optional<std::string> external_id;  // none or "": no external id
  std::optional<int64_t> category_id;
  kb::FaqContent content;
  // For an edit: the entry's updated_at as the editor loaded it; another change since is
  // 409 version_conflict (none: no check, the last write wins).
  std::optional<int64_t> base_updated_at;
};

struct FaqQuery {
  std::string text;
  std::optional<int64_t> category_id;  // that category and its subcategories
  std::optional<std::string> status;   // draft | published
  std::optional<std::string> audience;
  std::optional<int64_t> store_id;  // entries with a variant for that store
  bool pending = false;             // only entries with an unpublished draft
  int64_t after_id = 0;
  int limit = 100;  // 1–1000
};

std::vector<kb::Faq> list_faqs(Context&, const FaqQuery&);
kb::Faq get_faq(Context&, int64_t id);
kb::Faq create_faq(Context&, const FaqInput&);
// Edits the entry (a draft) or writes its draft (a published entry).
kb::Faq update_faq(Context&, int64_t id, const FaqInput&);
// Publishes the draft (or the never-published entry); nothing to publish leaves it as is.
kb::Faq publish_faq(Context&, int64_t id);
// Drops a published entry's pending draft.
kb::Faq discard_draft(Context&, int64_t id);
void delete_faq(Context&, int64_t id);
std::vector<kb::FaqVersion> faq_versions(Context&, int64_t id);
// Moves entries to a category (none: uncategorised); unknown ids are 400 unknown_reference.
int move_faqs(Context&, const std::vector<int64_t>& ids, std::optional<int64_t> category_id);
// Sets a store's own answer to the entry (empty: removes it, the entry's answer applies).
kb::Faq put_variant(Context&, int64_t entry_id, int64_t store_id, const std::string& answer);

// Shared with the import (kb_transfer.cpp): the checks and clean-up of an input, and the
// two steps of a change (no role checks: the caller has made them).
namespace kb_rules {
FaqInput checked(Context&, FaqInput);
kb::Faq create(Context&, const FaqInput&);
kb::Faq edit(Context&, kb::Faq, const FaqInput&);
kb::Faq publish(Context&, kb::Faq);
}  // namespace kb_rules

}  // namespace kefu::app
