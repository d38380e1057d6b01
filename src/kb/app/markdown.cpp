#include "kb/app/markdown.hpp"

#include <sstream>
#include <vector>

#include "core/app/html.hpp"

namespace kefu::app {
namespace {

bool starts(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

bool safe_url(const std::string& url, bool image) {
  if (url.empty() || url.find_first_of(" \t\r\n\"'<>`\\") != std::string::npos) return false;
  if (starts(url, "/") && !starts(url, "//")) return true;
  if (starts(url, "https://") || starts(url, "http://")) return true;
  return !image && (starts(url, "mailto:") || starts(url, "tel:"));
}

// The ')' that closes a link target starting at `from`, parentheses inside balanced.
std::size_t closing_paren(const std::string& s, std::size_t from) {
  int depth = 0;
  for (auto i = from; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && depth-- == 0) return i;
  }
  return std::string::npos;
}

// Inline markup of one line (already split from blocks). Emphasis needs text right inside
// its marks ("a * b" stays as it is).
std::string inline_html(const std::string& s) {
  std::string out;
  std::size_t i = 0;
  auto closing = [&](std::size_t from, const std::string& mark) { return s.find(mark, from); };
  auto spaced = [](const std::string& inner) { return inner.front() == ' ' || inner.back() == ' '; };
  while (i < s.size()) {
    const bool image = s.compare(i, 2, "![") == 0;
    if (image || s[i] == '[') {
      const auto text_start = i + (image ? 2 : 1);
      const auto text_end = s.find("](", text_start);
      const auto url_end = text_end == std::string::npos ? text_end : closing_paren(s, text_end + 2);
      if (url_end != std::string::npos) {
        const auto text = s.substr(text_start, text_end - text_start);
        const auto url = s.substr(text_end + 2, url_end - text_end - 2);
        if (safe_url(url, image)) {
          if (image)
            out += "<img src=\"" + html_escape(url) + "\" alt=\"" + html_escape(text) + "\">";
          else
            out += "<a href=\"" + html_escape(url) + "\" rel=\"noopener noreferrer\" target=\"_blank\">" +
                   inline_html(text) + "</a>";
        } else {
          out += html_escape(text);
        }
        i = url_end + 1;
        continue;
      }
    }
    for (const auto& [mark, tag] : {std::pair<std::string, std::string>{"**", "strong"}, {"`", "code"}, {"*", "em"}}) {
      if (s.compare(i, mark.size(), mark) != 0) continue;
      const auto end = closing(i + mark.size(), mark);
      if (end == std::string::npos || end == i + mark.size()) continue;
      const auto inner = s.substr(i + mark.size(), end - i - mark.size());
      if (tag != "code" && spaced(inner)) continue;
      out += "<" + tag + ">" + (tag == "code" ? html_escape(inner) : inline_html(inner)) + "</" + tag + ">";
      i = end + mark.size();
      goto next;
    }
    out += html_escape(std::string(1, s[i]));
    ++i;
  next:;
  }
  return out;
}

// "1. item" → "item"; "" when the line is no numbered item.
std::string numbered(const std::string& line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
  if (i == 0 || i + 1 >= line.size() || line[i] != '.' || line[i + 1] != ' ') return "";
  return line.substr(i + 2);
}

}  // namespace

std::string markdown_html(const std::string& markdown) {
  std::vector<std::string> lines;
  std::istringstream in(markdown);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  std::string out, list;  // list: "ul", "ol" or "" (none open)
  std::vector<std::string> para;
  auto flush_para = [&] {
    if (para.empty()) return;
    out += "<p>";
    for (std::size_t i = 0; i < para.size(); ++i) out += (i ? "<br>" : "") + inline_html(para[i]);
    out += "</p>";
    para.clear();
  };
  auto close_list = [&] {
    if (!list.empty()) out += "</" + list + ">";
    list.clear();
  };
  for (const auto& raw : lines) {
    const auto first = raw.find_first_not_of(" \t");
    const std::string line = first == std::string::npos ? "" : raw.substr(first);
    if (line.empty()) {
      flush_para();
      close_list();
      continue;
    }
    std::string item, kind;
    if (starts(line, "- ") || starts(line, "* "))
      item = line.substr(2), kind = "ul";
    else if (auto n = numbered(line); !n.empty())
      item = n, kind = "ol";
    if (!kind.empty()) {
      flush_para();
      if (list != kind) close_list(), out += "<" + kind + ">", list = kind;
      out += "<li>" + inline_html(item) + "</li>";
      continue;
    }
    close_list();
    int level = 0;
    while (level < static_cast<int>(line.size()) && line[level] == '#') ++level;
    if (level >= 1 && level <= 3 && line.size() > static_cast<std::size_t>(level) && line[level] == ' ') {
      flush_para();
      const auto tag = "h" + std::to_string(level + 2);
      out += "<" + tag + ">" + inline_html(line.substr(level + 1)) + "</" + tag + ">";
      continue;
    }
    para.push_back(line);
  }
  flush_para();
  close_list();
  return out;
}

}  // namespace kefu::app
