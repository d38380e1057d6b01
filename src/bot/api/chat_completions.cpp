#include "bot/api/chat_completions.hpp"

#include <curl/curl.h>

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

namespace kefu::api {
namespace {

using nlohmann::json;

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t collect(char* data, std::size_t size, std::size_t n, void* out) {
  auto& body = *static_cast<std::string*>(out);
  if (body.size() + size * n > (8u << 20)) return 0;  // a model's answer is not 8 MB: stop
  body.append(data, size * n);
  return size * n;
}

bool http_url(const std::string& base) {
  for (const char* scheme : {"http://", "https://"})
    if (base.rfind(scheme, 0) == 0 && base.size() > std::char_traits<char>::length(scheme)) return true;
  return false;
}

}  // namespace

std::optional<std::string> ChatCompletions::complete(const chat::Generative& g, const bot::Prompt& p) const {
  if (!http_url(g.base_url)) return std::nullopt;
  global_init();
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) return std::nullopt;
  std::string base = g.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  const std::string url = base + "/v1/chat/completions";
  const std::string payload =
      json{{"model", g.model},
           {"temperature", 0},
           {"messages", {{{"role", "system"}, {"content", p.system}}, {{"role", "user"}, {"content", p.user}}}}}
          .dump();
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(nullptr, &curl_slist_free_all);
  const auto add = [&](const std::string& h) { headers.reset(curl_slist_append(headers.release(), h.c_str())); };
  add("Content-Type: application/json");
  add("User-Agent: kefu-bot");
  if (!g.api_key.empty()) add("Authorization: Bearer " + g.api_key);
  std::string body;
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // timeouts without signals: many threads call this
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(g.timeout_ms));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, payload.c_str());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(payload.size()));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!ca_file_.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, ca_file_.c_str());
  if (curl_easy_perform(c) != CURLE_OK) return std::nullopt;
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status != 200) return std::nullopt;
  const auto reply = json::parse(body, nullptr, false);
  if (!reply.is_object()) return std::nullopt;
  const auto choices = reply.value("choices", json::array());
  if (!choices.is_array() || choices.empty() || !choices[0].is_object()) return std::nullopt;
  const auto message = choices[0].value("message", json::object());
  if (!message.is_object() || !message.contains("content") || !message["content"].is_string()) return std::nullopt;
  auto content = message["content"].get<std::string>();
  if (content.empty()) return std::nullopt;
  return content;
}

const app::Phraser& chat_completions(const std::string& ca_file) {
  static const ChatCompletions client(ca_file);
  return client;
}

}  // namespace kefu::api
