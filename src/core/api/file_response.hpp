#pragma once
// Answering an export (core/app/table_export): the format from ?format= (xlsx by default),
// the language from Accept-Language, and the file as a download with a UTF-8 name.
#include <string>

#include "core/app/table_export.hpp"
#include "core/http/message.hpp"

namespace kefu::api {

// ?format=xlsx|csv; xlsx when absent; invalid_enum otherwise.
app::ExportFormat export_format(const http::Request&);

// Chinese unless Accept-Language starts with "en".
bool wants_zh(const http::Request&);

// 200 with the bytes, their type, Content-Disposition attachment named `<name>.<ext>`
// (RFC 5987 for the Chinese name) and Cache-Control: no-store.
http::Response file_response(const app::ExportFile& file, const std::string& name);

// A Table in the format asked for, as file_response.
http::Response table_response(const app::Table& table, app::ExportFormat format, const std::string& name);

// "2026-11-22" on the wall clock of `time_zone` (IANA) at `ms`, for file names.
std::string local_date(int64_t ms, const std::string& time_zone = "Asia/Shanghai");

}  // namespace kefu::api
