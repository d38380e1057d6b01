#pragma once
// Every table of the schema, classified: does it hold a person's data (a customer's identity
// or words), and what does an erasure do with it? A test (privacy/app/privacy_test.cpp)
// compares this list with the tables a fresh database has, so that a table added later
// fails until someone decides here what personal-data rights mean for it, and teaches
// person_data_store.cpp to find and erase it when it holds a person. docs/privacy.md says
// the same for people.
#include <string_view>
#include <vector>

namespace kefu::storage::sql {

enum class Holds { person, no_person };

struct TableClass {
  std::string_view table;
  Holds holds;
  std::string_view why;  // what an erasure does (person) or why nothing (no_person)
};

const std::vector<TableClass>& table_classes();

}  // namespace kefu::storage::sql
