// Every capability's migrations, in the order they apply: a capability comes after those
// whose tables it refers to. Adding a capability with tables adds one line here.
#include "auth/storage/sql/migrations.hpp"
#include "bot/storage/sql/migrations.hpp"
#include "callbacks/storage/sql/migrations.hpp"
#include "chat/storage/sql/migrations.hpp"
#include "core/storage/sql/migrations.hpp"
#include "feedback/storage/sql/migrations.hpp"
#include "kb/storage/sql/migrations.hpp"
#include "members/storage/sql/migrations.hpp"
#include "notifications/storage/sql/migrations.hpp"
#include "org/storage/sql/migrations.hpp"
#include "performance/storage/sql/migrations.hpp"
#include "privacy/storage/sql/migrations.hpp"
#include "public_tickets/storage/sql/migrations.hpp"
#include "purchases/storage/sql/migrations.hpp"
#include "quality/storage/sql/migrations.hpp"
#include "remedies/storage/sql/migrations.hpp"
#include "reports/storage/sql/migrations.hpp"
#include "returns/storage/sql/migrations.hpp"
#include "sla/storage/sql/migrations.hpp"
#include "tickets/storage/sql/migrations.hpp"

namespace kefu::storage {

std::span<const SchemaModule> schema_modules() {
  using namespace sql;
  static const SchemaModule kModules[] = {
      core_schema(),      org_schema(),     auth_schema(),           members_schema(),
      tickets_schema(),   sla_schema(),     notifications_schema(),  remedies_schema(),
      callbacks_schema(), reports_schema(), public_tickets_schema(), chat_schema(),
      kb_schema(),        bot_schema(),     feedback_schema(),       purchases_schema(),
      privacy_schema(),   returns_schema(), quality_schema(),        performance_schema(),
  };
  return kModules;
}

}  // namespace kefu::storage
