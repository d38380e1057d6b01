#pragma once
// `kefu demo`'s loader: writes a generated catalogue (demo/catalog.hpp) into a database
// through the same use cases as the staff's requests (each step as the person who took it,
// at its time), so the timeline, tasks, SLA clocks, audit entries and search index are what
// a real history leaves. Also used by tests that need a realistic installation.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "core/storage/database.hpp"
#include "core/text/segmenter.hpp"
#include "demo/catalog.hpp"

namespace kefu::demo {

// Loads `cat` into an empty database: the org and SLA set-up in one write, then the
// tickets in chunks; `progress` (optional) hears tickets loaded so far and the total.
void load(storage::Database& db, const Catalog& cat, const text::Segmenter& segmenter, const std::string& password_hash,
          int64_t now_ms, const std::function<void(std::size_t done, std::size_t total)>& progress = {});

}  // namespace kefu::demo
