// Quality scores per agent and per item (qa_summary.hpp).
#include "quality/app/qa_summary.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/app/scope.hpp"
#include "quality/app/scorecards.hpp"
#include "quality/domain/inspection_status.hpp"
#include "quality/storage/inspection_store.hpp"

namespace kefu::app {
namespace {

constexpr int kMaxInspections = 100000;

double one_decimal(double v) { return std::round(v * 10) / 10; }

std::vector<storage::Inspection> final_in(Context& c, int64_t store_id, int64_t from, int64_t to) {
  require_qa_store(c, store_id, false);
  storage::InspectionFilter f;
  f.store_ids = {store_id};
  f.submitted_from = from;
  f.submitted_to = to;
  f.oldest_submitted_first = true;
  f.limit = kMaxInspections;
  auto all = c.store<storage::InspectionStore>().list_inspections(f);
  std::erase_if(all, [](const storage::Inspection& i) { return !quality::is_final(i.status) || !i.score_x10; });
  return all;
}

std::vector<StaffQa> by_staff(const std::vector<storage::Inspection>& all) {
  std::map<int64_t, std::pair<StaffQa, int64_t>> acc;  // staff → (row, sum of score_x10)
  for (const auto& i : all) {
    auto& [row, sum] = acc[i.staff_id];
    row.staff_id = i.staff_id;
    ++row.inspections;
    if (i.red_line) ++row.red_lines;
    sum += *i.score_x10;
  }
  std::vector<StaffQa> out;
  for (auto& [id, p] : acc) {
    p.first.average_score = one_decimal(static_cast<double>(p.second) / 10.0 / p.first.inspections);
    out.push_back(p.first);
  }
  return out;
}

}  // namespace

std::vector<StaffQa> qa_scores(Context& c, int64_t store_id, int64_t from_ms, int64_t to_ms) {
  return by_staff(final_in(c, store_id, from_ms, to_ms));
}

QaReport qa_report(Context& c, int64_t store_id, int64_t from_ms, int64_t to_ms) {
  require_scope(c.actor, "quality:read");
  require_role(c.actor, "supervisor");
  auto all = final_in(c, store_id, from_ms, to_ms);
  QaReport out;
  out.by_staff = by_staff(all);
  // Items: per channel kind, in the order of the card in force now; an item of an older
  // version that the card no longer has is added after them.
  std::map<std::string, std::vector<ItemQa>> items;
  std::map<std::pair<std::string, std::string>, int64_t> sums;
  for (const auto& i : all) {
    auto card = scorecard_of(c, i.scorecard_store_id, i.channel, i.scorecard_version);
    auto& list = items[std::string(i.channel.code())];
    if (list.empty())
      for (const auto& it : scorecard_in_force(c, store_id, i.channel).card.items)
        list.push_back({std::string(i.channel.code()), it.id, it.name, it.red_line});
    for (const auto& it : card.items) {
      auto share = quality::item_share_x10(card, i.marks, it.id);
      if (!share) continue;
      auto row = std::find_if(list.begin(), list.end(), [&](const ItemQa& r) { return r.item == it.id; });
      if (row == list.end()) {
        list.push_back({std::string(i.channel.code()), it.id, it.name, it.red_line});
        row = list.end() - 1;
      }
      ++row->marked;
      auto m = std::find_if(i.marks.begin(), i.marks.end(), [&](const quality::Mark& x) { return x.item == it.id; });
      if (m != i.marks.end() && m->result == "fail") ++row->failed;
      sums[{row->channel, row->item}] += *share;
    }
  }
  for (auto& [ch, list] : items)
    for (auto& row : list) {
      if (row.marked) row.average_share = one_decimal(sums[{ch, row.item}] / 10.0 / row.marked);
      out.by_item.push_back(row);
    }
  return out;
}

}  // namespace kefu::app
