#include "kb/app/kb_access.hpp"

#include "core/app/scope.hpp"
#include "core/domain/errors.hpp"
#include "kb/storage/faq_store.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::app::kb_access {

void reader(Context& c) {
  require_role(c.actor, "agent");
  require_scope(c.actor, "kb:read");
}

void editor(Context& c) {
  require_scope(c.actor, "kb:write");
  require_role(c.actor, "admin");
}

void variant_keeper(Context& c, int64_t store_id) {
  require_scope(c.actor, "kb:write");
  require_role(c.actor, "supervisor");
  if (!c.actor.in_store(store_id) || !c.store<storage::OrgStore>().store_exists(store_id))
    throw make_error(
        errors::kUnknownReference,
        {{"what", Text("门店", "store")}, {"where", Text("或不在您的服务范围内", "or outside your stores")}},
        "store_id");
}

kb::Faq entry(Context& c, int64_t id) {
  auto f = c.store<storage::FaqStore>().faq(id);
  if (!f) throw make_error(errors::kNotFound, {{"what", Text("知识库条目", "knowledge base entry")}});
  return *f;
}

}  // namespace kefu::app::kb_access
