#pragma once
// Text into HTML: the knowledge base's Markdown and the report emails' tables.
#include <string>

namespace kefu::app {

// & < > " ' as entities, so the text is safe inside elements and quoted attributes.
std::string html_escape(const std::string& text);

}  // namespace kefu::app
