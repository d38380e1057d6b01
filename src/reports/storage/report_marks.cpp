#include "reports/storage/report_marks.hpp"

#include <atomic>

namespace kefu::storage {
namespace {
std::atomic<bool> marking{true};
}  // namespace

bool report_marking() { return marking.load(std::memory_order_relaxed); }
void set_report_marking(bool on) { marking.store(on, std::memory_order_relaxed); }

}  // namespace kefu::storage
