#pragma once
// multipart/form-data bodies (RFC 7578), as a browser's FormData sends them: the feedback
// form's fields and photos in one request. Only what a form sends is read: each part's
// name, file name and type; no nested multiparts, no transfer encodings. The parts view
// the body, which must outlive them.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kefu::api::multipart {

struct Part {
  std::string name;          // Content-Disposition's name
  std::string filename;      // its filename, "" for a plain field
  std::string content_type;  // "" when the part names none (text/plain by default)
  std::string_view body;
};

// The boundary of a "multipart/form-data; boundary=…" Content-Type (quoted or not), or
// nullopt for any other type or a boundary the RFC does not allow (empty, over 70 bytes).
std::optional<std::string> boundary_of(std::string_view content_type);

// The parts, in order; nullopt for a malformed body (no closing delimiter, a part without
// headers or without a name) or one with more than `max_parts` parts.
std::optional<std::vector<Part>> parse(std::string_view body, const std::string& boundary, std::size_t max_parts = 16);

}  // namespace kefu::api::multipart
