#pragma once
// The demo's knowledge base (知识库): a department store's FAQs with similar questions,
// categories, each store's own hours, parking and transport answers, a few internal
// articles for staff, synonym groups and small talk (demo/kb_texts.hpp). Loaded through
// the import (the same path as a customer's file) by the demo admin, all published.
#include <cstdint>

#include "core/storage/stores.hpp"

namespace kefu::demo {

void load_demo_kb(storage::Stores&, int64_t now_ms);

}  // namespace kefu::demo
