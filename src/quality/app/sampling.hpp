#pragma once
// Filling the inspectors' queue (待质检): this week's sample, or one item by hand.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/app/context.hpp"
#include "quality/domain/vocabulary.hpp"
#include "quality/storage/inspection_store.hpp"

namespace kefu::app {

// What an automatic check flagged, beside what the week's automatic hits say
// (QaAutoHitStore::flagged, read by draw_weekly_sample itself).
struct SampleFlag {
  quality::SubjectKind kind;
  int64_t id = 0;
  bool red_line = false;
};

struct SampleDraw {
  int64_t store_id = 0;
  int64_t week_start = 0;           // the week [week_start, week_start + 7 days), in ms
  std::optional<uint64_t> seed;     // default: from the store and the week, so a redraw is the same
  std::vector<SampleFlag> flagged;  // more, from the caller
};

struct SampleResult {
  std::vector<storage::Inspection> added;  // queued, in the sampler's order
  int candidates = 0;                      // tickets resolved and chats ended in the week
  int already_inspected = 0;               // left out: inspected within the last five weeks
  uint64_t seed = 0;
};

// Supervisors and above of the store; quality:write. Draws with the store's settings in
// force (quality::draw_sample) from the week's tickets (resolved) and chats (ended) that
// had an agent, leaving out what was inspected since five weeks before the week; what an
// automatic rule hit during the week is flagged (red-line hits first) and drawn first; each
// pick becomes a queued inspection on the scorecard in force for its channel kind.
// Audited (qa_sample.draw). Drawing the same week again adds only what is new.
SampleResult draw_weekly_sample(Context&, const SampleDraw&);

// Adds one ticket or conversation to the queue by hand (reason manual): supervisors and
// above of its store (404 outside it); it must have an agent (a ticket's owner, a chat's
// agent), else 409. Audited (qa_inspection.add).
storage::Inspection add_to_queue(Context&, quality::SubjectKind, int64_t subject_id);

}  // namespace kefu::app
