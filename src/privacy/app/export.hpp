#pragma once
// Exporting what kefu holds on a person (数据导出, PIPL art. 45): a supervisor or above
// (members:read) asks for it; kefu audits the request ("privacy.export", the person named
// by member number and masked phone) and answers a one-time download link that lives
// kExportLinkTtlMs. The ZIP is built when the link is used, from what is held then: one
// JSON file per kind (privacy/storage/sql/person_kinds.cpp), the photos under photos/,
// and a README in Chinese and English.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/app/context.hpp"
#include "privacy/app/person.hpp"

namespace kefu::app {

inline constexpr int64_t kExportLinkTtlMs = 10 * 60 * 1000;

struct ExportLinkOut {
  std::string token;  // shown once; only its digest is stored
  std::string path;   // /api/v1/privacy/exports/{token}
  int64_t expires_at = 0;
  Person person;
};

// 404 privacy_nothing_held when kefu holds nothing on them.
ExportLinkOut create_export(Context&, const PersonQuery&);

// Uses the link (a write): the person it names, once; 410 privacy_export_gone for a used,
// expired or unknown link. Audited ("privacy.export_download").
storage::PersonKey take_export(Context&, const std::string& token);

// The archive (a read). `blob` gives a photo's bytes by sha256 (nullopt: missing, listed
// in the README as such).
std::string export_zip(Context&, const storage::PersonKey&,
                       const std::function<std::optional<std::string>(const std::string&)>& blob);

}  // namespace kefu::app
