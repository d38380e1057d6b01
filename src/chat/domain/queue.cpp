#include "chat/domain/queue.hpp"

namespace kefu::chat {

int default_capacity(std::string_view role) {
  if (role == "agent") return 5;
  if (role == "dept_head" || role == "supervisor") return 3;
  return 2;  // manager, admin
}

}  // namespace kefu::chat
