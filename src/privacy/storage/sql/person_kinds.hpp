#pragma once
// The kinds of a person's data, table by table: what an export writes (the columns) and
// which rows are the person's (the key that names a row of their footprint). One list for
// counting, exporting and (in person_data_store.cpp) erasing, so that a kind is never
// counted and not erased. docs/privacy.md explains each.
#include <string_view>
#include <vector>

namespace kefu::storage::sql {

enum class Of { members, tickets, conversations, feedback_items, nps_invitations, purchase_orders };

struct KindColumn {
  std::string_view name;
  bool is_int = false;
};

struct PersonKind {
  std::string_view kind;   // the export's file name (kind.json) and the count's key
  std::string_view table;  // the table
  std::string_view key;    // the column naming the footprint's row
  Of of;
  std::string_view also;  // a further condition ("" = none)
  std::vector<KindColumn> columns;
};

const std::vector<PersonKind>& person_kinds();

}  // namespace kefu::storage::sql
