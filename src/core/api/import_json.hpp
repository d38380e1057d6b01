#pragma once
// The preview of an imported file as JSON, the same for every import (feedback's social-media
// exports, the POS purchases): format, encoding, columns, rows, total_rows and the mapping on
// file, rendered by the capability's own `mapping_json` (null when none).
#include <nlohmann/json.hpp>

#include "core/app/import_file.hpp"

namespace kefu::api {

template <class Mapping, class RenderMapping>
nlohmann::json import_preview_json(const app::ImportPreviewOf<Mapping>& p, RenderMapping mapping_json) {
  return {{"format", p.format},         {"encoding", p.encoding},
          {"columns", p.columns},       {"rows", p.rows},
          {"total_rows", p.total_rows}, {"mapping", p.mapping ? mapping_json(*p.mapping) : nlohmann::json(nullptr)}};
}

}  // namespace kefu::api
