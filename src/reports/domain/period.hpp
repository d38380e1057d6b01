#pragma once
// Report periods: local calendar days, written YYYY-MM-DD in the API and yyyymmdd in the
// rollups; ISO weeks ("2026-W49") and months ("2026-12") group them.
#include <optional>
#include <string>
#include <string_view>

namespace kefu::reports {

// Days since 1970-01-01 of a YYYY-MM-DD date; nullopt unless it is a real date.
std::optional<int> parse_date(std::string_view text);
std::string date_text(int days);  // YYYY-MM-DD
int yyyymmdd(int days);
int days_of(int yyyymmdd);
std::string iso_week(int days);  // "2026-W49"
std::string month(int days);     // "2026-12"
int iso_weekday(int days);       // 1 = Monday … 7 = Sunday

}  // namespace kefu::reports
