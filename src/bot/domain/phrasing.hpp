#pragma once
// Generative answers (optional, per store): the bot asks an OpenAI-compatible chat model to
// phrase the answer from the matched knowledge-base entries only. What is pure: the prompt
// (the entries numbered [1]…[3], the rule to answer only from them and cite them) and
// reading the model's citations back. A reply that cites none of the entries is not used
// (the plain answer goes out instead): an uncited text may state what no entry says.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kefu::bot {

inline constexpr std::size_t kMaxPhrasingEntries = 3;

struct Source {
  int64_t faq_id = 0;
  std::string question;
  std::string answer;  // the store's answer
};

struct Prompt {
  std::string system;
  std::string user;
};

// The system prompt and the user message for the customer's question and the entries
// (at most kMaxPhrasingEntries are used, best first).
Prompt phrasing_prompt(std::string_view question, const std::vector<Source>& sources);

// The faq_ids the text cites as [n] (n = 1.. the number of sources), in order of first
// citation, each once; the markers stay in the text.
std::vector<int64_t> cited(std::string_view text, const std::vector<Source>& sources);

}  // namespace kefu::bot
