#pragma once
// The error codes of moving an installation (`kefu export` / `kefu import`): the command
// line's, never an API answer.
#include "core/domain/errors.hpp"

namespace kefu::errors {

inline constexpr ErrorCode kImportMismatch{"import_mismatch", K::conflict, "导入后表 {table} 与导出文件不一致：{what}",
                                           "after import, table {table} differs from the export file: {what}"};
inline constexpr ErrorCode kExportIncompatible{"export_incompatible", K::invalid_input,
                                               "导出文件与本程序的数据库结构不符（表 {table}）：{what}",
                                               "the export does not fit this kefu's schema (table {table}): {what}"};
inline constexpr ErrorCode kTargetNotEmpty{"target_not_empty", K::conflict,
                                           "目标数据库已有数据（表 {table}：{what}），只能导入到新建的空数据库",
                                           "the target database already holds data (table {table}: {what}); import "
                                           "only into a new, empty database"};
inline constexpr ErrorCode kSchemaOutdated{
    "schema_outdated", K::precondition,
    "数据库结构版本（{version}）旧于本程序导出的版本（{latest}），请先运行 kefu migrate",
    "the database schema is at version {version}, this kefu exports version "
    "{latest}: run `kefu migrate` first"};
inline constexpr ErrorCode kSchemaMismatch{"schema_mismatch", K::invalid_input,
                                           "导出文件的数据库结构版本（{file}）与本程序的（{here}）不同",
                                           "the export is of schema version {file}, this kefu's database is at "
                                           "{here}: export and import with the same kefu version"};
inline constexpr ErrorCode kExportDamaged{"export_damaged", K::invalid_input,
                                          "导出文件已损坏或不完整（{where}）：{what}", "{where}: {what}"};

}  // namespace kefu::errors
