#pragma once
// The customer taken out of a story for the case library (案例库): what staff read there
// must not identify the customer. Pure.
//
// Removed: every name, phone number and member id the caller knows for this customer (the
// member's name, member number and identities, the name given in a chat, the ticket's
// contact), replaced by a placeholder; then, whatever was not known: any run of 7 to 15
// digits (phones, member cards, order numbers with the person's phone in them) becomes
// "[号码]", and an e-mail address "[邮箱]". A known name is replaced wherever it appears,
// longest first, and a Chinese surname with 先生/女士/小姐 after the name is kept as "顾客".
#include <string>
#include <string_view>
#include <vector>

namespace kefu::performance {

struct KnownCustomer {
  std::vector<std::string> names;  // "王丽", "王女士"
  std::vector<std::string> ids;    // phones, member numbers, card numbers, openids
};

std::string anonymise(std::string_view text, const KnownCustomer& who);

}  // namespace kefu::performance
