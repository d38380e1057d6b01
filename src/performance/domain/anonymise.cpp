#include "performance/domain/anonymise.hpp"

#include <algorithm>

namespace kefu::performance {
namespace {

void replace_all(std::string& s, const std::string& what, std::string_view with) {
  if (what.empty()) return;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
    s.replace(at, what.size(), with);
}

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool email_char(char c) {
  return ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '_' || c == '-' ||
         c == '+';
}

// Runs of 7..15 ASCII digits (spaces and dashes inside allowed) become "[号码]".
std::string digits_out(const std::string& s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!ascii_digit(s[i])) {
      out += s[i++];
      continue;
    }
    std::size_t j = i, digits = 0, last = i;
    while (j < s.size() && (ascii_digit(s[j]) || ((s[j] == ' ' || s[j] == '-') && j + 1 < s.size() &&
                                                  ascii_digit(s[j + 1]) && digits > 0))) {
      if (ascii_digit(s[j])) {
        ++digits;
        last = j;
      }
      ++j;
    }
    if (digits >= 7 && digits <= 15)
      out += "[号码]";
    else
      out.append(s, i, last + 1 - i);
    i = last + 1;
  }
  return out;
}

std::string emails_out(const std::string& s) {
  std::string out = s;
  for (std::size_t at = out.find('@'); at != std::string::npos; at = out.find('@', at + 1)) {
    std::size_t a = at, b = at + 1;
    while (a > 0 && email_char(out[a - 1])) --a;
    while (b < out.size() && email_char(out[b])) ++b;
    if (a == at || b == at + 1 || out.substr(at + 1, b - at - 1).find('.') == std::string::npos) continue;
    out.replace(a, b - a, "[邮箱]");
    at = a;
  }
  return out;
}

}  // namespace

std::string anonymise(std::string_view text, const KnownCustomer& who) {
  std::string s(text);
  std::vector<std::string> ids = who.ids;
  std::sort(ids.begin(), ids.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& id : ids) replace_all(s, id, "[号码]");
  std::vector<std::string> names;
  for (const auto& n : who.names) {
    if (n.empty()) continue;
    for (const char* suffix : {"先生", "女士", "小姐"}) names.push_back(n + suffix);
    names.push_back(n);
  }
  std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& n : names) replace_all(s, n, "顾客");
  return digits_out(emails_out(s));
}

}  // namespace kefu::performance
