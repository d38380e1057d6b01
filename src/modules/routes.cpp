// Every capability's API (core/api/module.hpp), in the order their routes are registered.
// Adding a capability with routes adds two lines here.
#include "core/api/module.hpp"

namespace kefu::api {

ApiModule auth_api();
ApiModule org_api();
ApiModule members_api();
ApiModule tickets_api();
ApiModule sla_api();
ApiModule notifications_api();
ApiModule remedies_api();
ApiModule callbacks_api();
ApiModule reports_api();
ApiModule public_tickets_api();
ApiModule chat_api();
ApiModule kb_api();
ApiModule bot_api();
ApiModule feedback_api();
ApiModule purchases_api();
ApiModule privacy_api();
ApiModule returns_api();
ApiModule quality_api();
ApiModule performance_api();

std::span<const ApiModule> api_modules() {
  static const ApiModule kModules[] = {
      auth_api(),          org_api(),      members_api(),   tickets_api(),     sla_api(),
      notifications_api(), remedies_api(), callbacks_api(), reports_api(),     public_tickets_api(),
      chat_api(),          kb_api(),       bot_api(),       feedback_api(),    purchases_api(),
      privacy_api(),       returns_api(),  quality_api(),   performance_api(),
  };
  return kModules;
}

}  // namespace kefu::api
