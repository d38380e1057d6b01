#include "feedback/domain/topics.hpp"

namespace kefu::feedback {

bool is_topic_code(std::string_view code) {
  if (code.empty() || code.size() > 32 || code[0] < 'a' || code[0] > 'z') return false;
  for (char ch : code)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) return false;
  return true;
}

}  // namespace kefu::feedback
