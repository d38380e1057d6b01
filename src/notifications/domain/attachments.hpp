#pragma once
// Files sent with an email (a scheduled report's XLSX), and their form in the email outbox:
// one text value, a line "name TAB type TAB base64" per file, each ended by LF. The use
// case that queues an email packs them; the sender unpacks them (core/mail builds MIME).
#include <string>
#include <string_view>
#include <vector>

namespace kefu::notify {

struct Attachment {
  std::string name;          // UTF-8 file name: "日报-2026-11-22.xlsx"
  std::string content_type;  // "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
  std::string bytes;
};

// Throws std::invalid_argument for a name or type holding TAB, CR, LF or NUL.
std::string pack_attachments(const std::vector<Attachment>& attachments);
// "" gives none. Throws std::invalid_argument for a damaged text.
std::vector<Attachment> unpack_attachments(std::string_view packed);

}  // namespace kefu::notify
