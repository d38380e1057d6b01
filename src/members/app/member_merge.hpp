#pragma once
// Merging two member records staff find are the same person (合并), and undoing it.
//
// A merge keeps one record and retires the other: the retired record gets merged_into; its
// identities, tickets, chats, feedback items, NPS invitations, purchases and points entries
// move to the kept one (storage::kMemberRowTables), and the merge record lists exactly which
// rows moved, table by table. Undoing it moves those rows back (those still on the kept
// record) and clears merged_into. Lookups and reads of the retired id answer with the kept
// member. Supervisors and above; audited and on both members' history.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "members/storage/merge_store.hpp"

namespace kefu::app {

// What a merge of `other` into `kept` would move: table → number of rows.
std::map<std::string, int64_t> merge_preview(Context&, int64_t kept_id, int64_t other_id);
storage::MergeRecord merge_members(Context&, int64_t kept_id, int64_t other_id);
// Undoes merge `merge_id`, named from either member's page (`member_id`; another merge is
// 400 unknown_reference). 409 merge_invalid
// when it was undone already or a later merge moved the kept record on (undo that first).
storage::MergeRecord unmerge_members(Context&, int64_t member_id, int64_t merge_id);
// The merges the member took part in, newest first.
std::vector<storage::MergeRecord> member_merges(Context&, int64_t member_id);

}  // namespace kefu::app
