#pragma once
// What every use case is handed: the caller, the time, the text tools and the stores of
// the connection it runs on. Use cases never read the clock or open connections
// themselves; each asks for the stores it uses (core/storage/stores.hpp):
//
//   auto& tickets = c.store<storage::TicketStore>();
#include <cstdint>
#include <memory>

#include "auth/domain/actor.hpp"
#include "core/storage/stores.hpp"

namespace kefu::text {
class Segmenter;
}

namespace kefu::app {

struct Context {
  storage::Stores& stores;
  const people::Actor& actor;
  int64_t now_ms;
  const text::Segmenter* segmenter = nullptr;  // needed by writes that (re)index tickets and by search

  template <class S>
  S& store() {
    return stores.template get<S>();
  }
};

}  // namespace kefu::app
