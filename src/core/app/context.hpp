#pragma once
// What every use case is handed: the caller, the time, and the text tools. Use cases
// never read the clock or open connections themselves.
#include <cstdint>
#include <memory>

#include "auth/domain/actor.hpp"
#include "core/storage/repository.hpp"

namespace kefu::text {
class Segmenter;
}

namespace kefu::app {

struct Context {
  storage::Repository& repo;
  const people::Actor& actor;
  int64_t now_ms;
  const text::Segmenter* segmenter = nullptr;  // needed by writes that (re)index tickets and by search
};

}  // namespace kefu::app
