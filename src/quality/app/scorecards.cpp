// The scorecard and settings in force and their saving (scorecards.hpp).
#include "quality/app/scorecards.hpp"

#include "core/app/scope.hpp"
#include "core/domain/errors.hpp"
#include "core/text/normalize.hpp"
#include "org/storage/org_store.hpp"
#include "quality/storage/qa_json.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

constexpr std::size_t kMaxNoteChars = 200;

nlohmann::json snapshot(const ScorecardInForce& s) {
  return {{"channel", s.card.channel.code()},
          {"version", s.version},
          {"source_store_id", s.source_store_id},
          {"items", storage::items_json(s.card.items)}};
}

ScorecardInForce in_force(Context& c, int64_t store_id, quality::ChannelKind ch) {
  auto& store = c.store<storage::ScorecardStore>();
  ScorecardInForce out;
  out.store_id = store_id;
  auto own = store.current_scorecard(store_id, ch);
  if (own) out.version = own->version;
  auto saved = own ? own : (store_id != 0 ? store.current_scorecard(0, ch) : std::nullopt);
  if (saved) {
    out.source_store_id = saved->store_id;
    out.source_version = saved->version;
    out.card = saved->card;
    out.saved = std::move(saved);
  } else {
    out.card = quality::default_scorecard(ch);
  }
  return out;
}

SettingsInForce settings_in_force(Context& c, int64_t store_id) {
  auto& store = c.store<storage::ScorecardStore>();
  SettingsInForce out;
  out.store_id = store_id;
  auto row = store.qa_settings(store_id);
  if (!row && store_id != 0) row = store.qa_settings(0);
  if (row) {
    out.source_store_id = row->store_id;
    out.defaults = false;
    out.settings = row->settings;
  }
  return out;
}

}  // namespace

void require_qa_store(Context& c, int64_t store_id, bool allow_chain) {
  if (store_id == 0 && allow_chain) return;
  if (store_id <= 0 || !c.actor.in_store(store_id) || !c.store<storage::OrgStore>().store(store_id))
    throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
}

ScorecardInForce scorecard_in_force(Context& c, int64_t store_id, quality::ChannelKind ch) {
  require_scope(c.actor, "quality:read");
  require_qa_store(c, store_id, true);
  return in_force(c, store_id, ch);
}

ScorecardInForce save_scorecard(Context& c, const ScorecardSave& s) {
  require_scope(c.actor, "quality:write");
  require_role(c.actor, s.store_id == 0 ? people::Role("admin") : people::Role("manager"));
  require_qa_store(c, s.store_id, true);
  quality::Scorecard card{s.channel, s.items};
  quality::validate(card);
  if (!text::is_valid_utf8(s.note))
    throw make_error(errors::kInvalidUtf8, {{"what", Text("修改说明", "The note")}}, "note");
  if (text::utf8_length(s.note) > kMaxNoteChars)
    throw make_error(errors::kTooLong, {{"what", Text("修改说明", "The note")}, {"max", kMaxNoteChars}}, "note");
  auto before = in_force(c, s.store_id, s.channel);
  if (s.version && *s.version != before.version)
    throw make_error(errors::kVersionConflict, {{"what", Text("质检评分表", "scorecard")}, {"version", before.version}},
                     "version");
  storage::ScorecardVersion v{0, s.store_id, before.version + 1, card, s.note, c.actor.staff_id, c.now_ms};
  if (!c.store<storage::ScorecardStore>().insert_scorecard_version(v))
    throw make_error(errors::kVersionConflict, {{"what", Text("质检评分表", "scorecard")}}, "version");
  auto after = in_force(c, s.store_id, s.channel);
  audit(c, "qa_scorecard.update", "qa_scorecard", s.store_id, snapshot(before), snapshot(after));
  return after;
}

std::vector<storage::ScorecardVersion> scorecard_history(Context& c, int64_t store_id, quality::ChannelKind ch) {
  require_scope(c.actor, "quality:read");
  require_qa_store(c, store_id, true);
  return c.store<storage::ScorecardStore>().scorecard_versions(store_id, ch, 50);
}

quality::Scorecard scorecard_of(Context& c, int64_t store_id, quality::ChannelKind ch, int64_t version) {
  if (version == 0) return quality::default_scorecard(ch);
  auto v = c.store<storage::ScorecardStore>().scorecard_version(store_id, ch, version);
  return v ? v->card : quality::default_scorecard(ch);
}

SettingsInForce qa_settings(Context& c, int64_t store_id) {
  require_scope(c.actor, "quality:read");
  require_qa_store(c, store_id, true);
  return settings_in_force(c, store_id);
}

SettingsInForce save_qa_settings(Context& c, int64_t store_id, const quality::Settings& s) {
  require_scope(c.actor, "quality:write");
  require_role(c.actor, store_id == 0 ? people::Role("admin") : people::Role("manager"));
  require_qa_store(c, store_id, true);
  quality::validate(s);
  auto before = settings_in_force(c, store_id);
  c.store<storage::ScorecardStore>().put_qa_settings({store_id, s, c.actor.staff_id, c.now_ms});
  audit(c, "qa_settings.update", "qa_settings", store_id, storage::settings_json(before.settings),
        storage::settings_json(s));
  return settings_in_force(c, store_id);
}

}  // namespace kefu::app
