#include "privacy/app/export.hpp"

#include <nlohmann/json.hpp>

#include "auth/domain/password.hpp"
#include "core/app/scope.hpp"
#include "core/app/zip_writer.hpp"
#include "core/domain/error.hpp"
#include "privacy/domain/errors.hpp"
#include "privacy/storage/privacy_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

nlohmann::json counts_json(const storage::KindCounts& counts) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [kind, rows] : counts) j[kind] = rows;
  return j;
}

std::string extension_of(const std::string& content_type) {
  if (content_type == "image/jpeg") return ".jpg";
  if (content_type == "image/png") return ".png";
  if (content_type == "image/webp") return ".webp";
  if (content_type == "image/gif") return ".gif";
  return ".bin";
}

std::string readme(const Person& p, int64_t now, const std::vector<std::string>& missing) {
  std::string r =
      "个人信息导出 / Personal data export\n"
      "====================================\n\n"
      "本压缩包包含 kefu 客服系统中与此人有关的全部个人信息（依据《个人信息保护法》第四十五条）。\n"
      "This archive holds everything the kefu customer-service system keeps on this person (PIPL art. 45).\n\n"
      "对象 / Person: " +
      p.label + "\n导出时间 / Exported at (Unix ms): " + std::to_string(now) +
      "\n\n"
      "文件 / Files (JSON arrays, one per kind; times are Unix milliseconds, amounts in fen 分):\n";
  for (const auto& [kind, rows] : p.counts) r += "  " + kind + ".json  — " + std::to_string(rows) + "\n";
  r += "  photos/      照片与附件原件 / photos and attachments as uploaded\n\n"
       "工单的内部备注属于员工的工作记录，不在导出之列；顾客可见的回复与顾客本人的留言均已包含。\n"
       "Staff's internal notes on tickets are staff's working records and are not included; every reply the\n"
       "customer saw and everything the customer wrote is.\n";
  if (!missing.empty()) {
    r += "\n以下照片的文件已不存在 / These photos' files no longer exist:\n";
    for (const auto& m : missing) r += "  " + m + "\n";
  }
  return r;
}

}  // namespace

ExportLinkOut create_export(Context& c, const PersonQuery& q) {
  auto p = find_person(c, q);
  if (p.footprint.empty()) throw make_error(errors::kPrivacyNothingHeld);
  ExportLinkOut out{people::new_token(), "", c.now_ms + kExportLinkTtlMs, p};
  out.path = "/api/v1/privacy/exports/" + out.token;
  c.store<storage::PrivacyStore>().insert_export({people::token_digest(out.token), p.key.member_id, p.key.phone,
                                                  c.actor.staff_id, c.now_ms, out.expires_at, std::nullopt});
  audit(c, "privacy.export", "privacy_export", p.key.member_id.value_or(0), nullptr,
        {{"person", p.label}, {"counts", counts_json(p.counts)}, {"expires_at", out.expires_at}});
  return out;
}

storage::PersonKey take_export(Context& c, const std::string& token) {
  require_role(c.actor, "supervisor");
  require_scope(c.actor, "members:read");
  auto link = c.store<storage::PrivacyStore>().take_export(people::token_digest(token), c.now_ms);
  if (!link) throw make_error(errors::kPrivacyExportGone);
  storage::PersonKey key{link->member_id, link->phone};
  audit(c, "privacy.export_download", "privacy_export", key.member_id.value_or(0), nullptr,
        {{"person", label_of(key)}, {"created_by", link->created_by}, {"created_at", link->created_at}});
  return key;
}

std::string export_zip(Context& c, const storage::PersonKey& key,
                       const std::function<std::optional<std::string>(const std::string&)>& blob) {
  auto p = person_of(c, key);
  auto& store = c.store<storage::PersonDataStore>();
  ZipWriter zip(c.now_ms);
  std::vector<std::string> missing;
  std::vector<std::pair<std::string, std::string>> photos;
  for (const auto& photo : store.photos(p.footprint)) {
    const std::string name = "photos/" + photo.kind + "-" + std::to_string(photo.id) + extension_of(photo.content_type);
    if (auto bytes = blob(photo.sha256))
      photos.emplace_back(name, std::move(*bytes));
    else
      missing.push_back(name + " (" + photo.filename + ")");
  }
  zip.add("README.txt", readme(p, c.now_ms, missing));
  for (const auto& [kind, rows] : p.counts) zip.add(kind + ".json", store.export_rows(kind, p.footprint));
  for (const auto& [name, bytes] : photos) zip.add(name, bytes);
  return zip.finish();
}

}  // namespace kefu::app
