#include "bot/api/phrase_first.hpp"

#include "auth/domain/actor.hpp"
#include "bot/api/chat_completions.hpp"
#include "core/api/worker_pool.hpp"

namespace kefu::api {
namespace {}  // namespace

void phrase_first(Services& s, const app::Knowledge& knowledge, int64_t conversation_id, const std::string& text,
                  std::function<void(std::optional<app::Phrased>)> then) {
  bool wanted = false;
  if (conversation_id) {
    app::Context c{s.db.reader(), people::customer_actor(), s.now_ms(), nullptr};
    wanted = app::phrases(c, conversation_id);
  }
  if (!wanted || !s.phrasing) return then(std::nullopt);
  auto work = [&s, &knowledge, conversation_id, text, then] {
    std::optional<app::Phrased> phrased;
    try {
      app::Context c{s.db.reader(), people::customer_actor(), s.now_ms(), nullptr};
      phrased = app::phrase_before(c, knowledge, chat_completions(), conversation_id, text);
    } catch (...) {
      phrased.reset();  // the plain answer
    }
    then(std::move(phrased));
  };
  if (!s.phrasing->submit(work)) then(std::nullopt);
}

}  // namespace kefu::api
