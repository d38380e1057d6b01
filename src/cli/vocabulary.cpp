#include <cstdio>

#include "cli/commands.hpp"
#include "core/api/module.hpp"

namespace kefu::cli {

int print_vocabulary() {
  std::printf("%s\n", api::vocabulary().dump(2).c_str());
  return 0;
}

}  // namespace kefu::cli
