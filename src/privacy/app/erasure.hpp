#pragma once
// Erasing a person (删除/匿名化, PIPL art. 47) under the two-person rule
// (privacy/domain/request.hpp): a supervisor or above requests it (members:write), a
// manager or above who is not the requester confirms it, and the erasure runs in the same
// transaction, or refuses it. Tickets keep their statistics (type, channel, priority,
// status, times, SLA, store, department, category, resolutions' amounts, ratings) and lose
// the person; docs/privacy.md lists what happens to each table. Every move is audited
// ("privacy.erasure_requested|erasure_done|erasure_refused") with the person's member
// number and masked phone and the counts; the phone is kept on the request only until it
// is done or refused.
#include <cstdint>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "privacy/app/person.hpp"
#include "privacy/storage/privacy_store.hpp"

namespace kefu::app {

// 404 privacy_nothing_held when nothing is held; reason: 1..500 characters.
storage::ErasureRequest request_erasure(Context&, const PersonQuery&, const std::string& reason);

struct Erased {
  storage::ErasureRequest request;
  std::vector<std::string> freed_blobs;  // sha256s no row names any more: delete after the commit
};
// 409 privacy_request_move (not requested, or by the requester); 403 below manager.
Erased confirm_erasure(Context&, int64_t request_id, const std::string& note);
storage::ErasureRequest refuse_erasure(Context&, int64_t request_id, const std::string& note);

// Supervisors and above; newest first; state "" = all. 404 for an unknown id.
std::vector<storage::ErasureRequest> erasure_requests(Context&, const std::string& state, int limit);
storage::ErasureRequest erasure_request(Context&, int64_t id);

// The erasure itself (also used by retention): the footprint's tickets saved through the
// ticket store (cache and search index kept right), every other table through the person
// data store. Returns the rows changed per kind; adds the freed blobs.
storage::KindCounts erase_footprint(Context&, const storage::Footprint&, std::vector<std::string>& freed_blobs);

}  // namespace kefu::app
