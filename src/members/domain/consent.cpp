#include "members/domain/consent.hpp"

namespace kefu::people {

std::vector<ConsentState> current_consent(const std::vector<ConsentRecord>& history) {
  std::vector<ConsentState> out;
  for (const auto& term : kConsentChannels) {
    ConsentState s{std::string(term.code), false, std::nullopt};
    const ConsentRecord* latest = nullptr;
    for (const auto& r : history) {
      if (r.channel != term.code) continue;
      if (!latest || r.at > latest->at || (r.at == latest->at && r.id > latest->id)) latest = &r;
    }
    if (latest) {
      s.granted = latest->granted;
      s.since = latest->at;
    }
    out.push_back(s);
  }
  return out;
}

}  // namespace kefu::people
