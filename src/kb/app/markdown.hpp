#pragma once
// An entry's answer is Markdown, a small subset, rendered here to HTML that is safe to put
// in a page as it is: every character of the source is escaped, and only the markup below
// becomes tags (no raw HTML passes through, no attributes but href/src/alt).
//   paragraphs (blank line), line breaks, # / ## / ### headings (h3–h5), "- " and "1. "
//   lists, **bold**, *italic*, `code`, [text](url), ![alt](url)
// Links may be http(s):, mailto:, tel: or a path on this server ("/…"); images http(s): or
// "/…". Any other target (javascript:, data:, …) is left as plain text. Pure function.
#include <string>

namespace kefu::app {

std::string markdown_html(const std::string& markdown);

}  // namespace kefu::app
