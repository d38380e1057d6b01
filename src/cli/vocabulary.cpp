#include <cstdio>

#include "cli/commands.hpp"
#include "core/api/module.hpp"

namespace kefu::cli {

int print_vocabulary() {
  std::printf("%s\n", api::vocabulary().dump(2).c_str());
  return 0;
}

int print_routes() {
  std::printf("%s\n", api::route_table_json(api::route_table()).c_str());
  return 0;
}

}  // namespace kefu::cli
