#pragma once
// The closed vocabularies of a ticket (PRODUCT.md glossary). Values are the JSON/DB
// codes; each has a zh-CN label for the UI and the demo data.
#include <optional>
#include <span>
#include <string_view>

namespace kefu::ticket {

struct Term {
  std::string_view code;
  std::string_view zh;
};

std::span<const Term> types();       // inquiry, complaint, return, ...
std::span<const Term> channels();    // service_desk, floor_desk, ...
std::span<const Term> priorities();  // P1..P4
std::span<const Term> statuses();    // new, in_progress, ...
std::span<const Term> task_statuses();

bool is_type(std::string_view code);
bool is_channel(std::string_view code);
bool is_priority(std::string_view code);
bool is_status(std::string_view code);
bool is_task_status(std::string_view code);

// Online channels have no person at the desk: their owner is whoever claims first.
bool is_online_channel(std::string_view channel);

// The default priority when the desk does not choose one.
std::string_view default_priority(std::string_view type);

}  // namespace kefu::ticket
