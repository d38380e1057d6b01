#pragma once
// The error catalogue (docs/architecture.md, "Errors"). Every error code the server can
// answer is defined once, as an ErrorCode: the machine-readable code, its HTTP class
// (Error::Kind; core/api/error_mapping.cpp turns it into the status) and its zh-CN and
// English messages. A message names its details in braces, and a part in brackets
// appears only when every detail in it is given:
//
//   {"required", invalid_input, "请填写{what}", "{what} is required"}
//   throw make_error(errors::kRequired, {{"what", Text("门店", "the store")}}, "store");
//
// The codes any capability may raise are here; a capability's own codes are in its
// domain/errors.hpp. Nothing else constructs an Error: a test
// (core/api/error_catalogue_test.cpp) checks that, that each code is defined once, and
// that docs/openapi.yaml lists every code the API can answer.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/domain/error.hpp"

namespace kefu {

struct ErrorCode {
  std::string_view code;
  Error::Kind kind;
  std::string_view zh;
  std::string_view en;
};

// A detail in both languages ("工单" / "ticket"), or a value that reads the same in both
// (a number, a code, a field name).
struct Text {
  std::string zh, en;
  Text(std::string zh_text, std::string en_text) : zh(std::move(zh_text)), en(std::move(en_text)) {}
  Text(const char* both) : zh(both), en(both) {}
  Text(const std::string& both) : zh(both), en(both) {}
  Text(std::string_view both) : zh(both), en(both) {}
  Text(int64_t n) : zh(std::to_string(n)), en(zh) {}
  Text(int n) : Text(static_cast<int64_t>(n)) {}
  Text(std::size_t n) : Text(static_cast<int64_t>(n)) {}
};

struct Detail {
  std::string_view name;
  Text value;
};

// The Error of `code` with its details filled in; `field` names the request field it is
// about ("" for none).
Error make_error(const ErrorCode& code, std::initializer_list<Detail> details = {}, std::string field = {});

// A template filled with details (exposed for the catalogue's tests).
std::string fill(std::string_view message, std::initializer_list<Detail> details, bool zh);

namespace errors {

using K = Error::Kind;

// Request shape.
inline constexpr ErrorCode kJsonRequired{"json_required", K::unsupported_media,
                                         "请求正文须为 JSON（Content-Type: application/json）",
                                         "the body must be JSON (Content-Type: application/json)"};
inline constexpr ErrorCode kCrossSite{"cross_site_request", K::forbidden,
                                      "拒绝来自其他网站的请求，请在 kefu 页面中操作",
                                      "a request from another site was refused; use the kefu pages"};
inline constexpr ErrorCode kInvalidJson{"invalid_json", K::invalid_input, "请求体不是有效的 JSON[：{problem}]",
                                        "the body is not valid JSON[: {problem}]"};
inline constexpr ErrorCode kRequired{"required", K::invalid_input, "请填写{what}", "{what} is required"};
inline constexpr ErrorCode kInvalidType{"invalid_type", K::invalid_input, "{field} 的类型不对：应为{expected}",
                                        "{field} has the wrong type: expected {expected}"};
inline constexpr ErrorCode kInvalidField{"invalid_field", K::invalid_input, "{field} 无效：{problem}",
                                         "{field} is invalid: {problem}"};
inline constexpr ErrorCode kInvalidEnum{"invalid_enum", K::invalid_input,
                                        "{field} 的取值无效：{value}[（可选：{allowed}）]",
                                        "unknown value for {field}: {value}[ (one of {allowed})]"};
inline constexpr ErrorCode kInvalidUtf8{"invalid_utf8", K::invalid_input, "{what}不是有效的 UTF-8 文本",
                                        "{what} is not valid UTF-8 text"};
inline constexpr ErrorCode kTooLong{"too_long", K::invalid_input, "{what}不能超过 {max} 个字",
                                    "{what} may have at most {max} characters"};
inline constexpr ErrorCode kTooShort{"too_short", K::invalid_input, "{what}至少需要 {min} 个字",
                                     "{what} needs at least {min} characters"};
inline constexpr ErrorCode kInvalidTime{"invalid_time", K::invalid_input, "{what}无效：{problem}",
                                        "{what} is invalid: {problem}"};
inline constexpr ErrorCode kInvalidDate{"invalid_date", K::invalid_input, "{what}应为 YYYY-MM-DD 格式的有效日期",
                                        "{what} must be a real date written YYYY-MM-DD"};
inline constexpr ErrorCode kInvalidRange{"invalid_range", K::invalid_input,
                                         "统计区间无效：开始须早于结束，且不超过 {days} 天",
                                         "invalid period: from must be before to, at most {days} days apart"};
inline constexpr ErrorCode kInvalidCursor{"invalid_cursor", K::invalid_input, "分页游标无效", "invalid cursor"};
inline constexpr ErrorCode kUnknownReference{"unknown_reference", K::invalid_input, "{what}不存在[{where}]",
                                             "{what} not found[ {where}]"};
inline constexpr ErrorCode kInvalidPhone{"invalid_phone", K::invalid_input, "手机号格式不正确",
                                         "the phone number is not a valid mobile number"};

// Who may do what.
inline constexpr ErrorCode kUnauthenticated{"unauthenticated", K::unauthenticated, "请先登录", "please log in"};
inline constexpr ErrorCode kSessionExpired{"session_expired", K::unauthenticated, "登录已失效，请重新登录",
                                           "your session has expired; please log in again"};
inline constexpr ErrorCode kForbidden{"forbidden", K::forbidden, "无权执行此操作[：{reason}]",
                                      "Your role may not do this[: {reason}]"};
inline constexpr ErrorCode kNotFound{"not_found", K::not_found, "{what}不存在", "{what} not found"};
inline constexpr ErrorCode kBusy{"busy", K::too_many, "服务器繁忙，请稍后重试",
                                 "the server is busy; try again shortly"};
inline constexpr ErrorCode kRateLimited{"rate_limited", K::too_many, "操作过于频繁，请 {minutes} 分钟后再试",
                                        "too many requests; try again in {minutes} minutes"};

// Concurrency and idempotency.
inline constexpr ErrorCode kVersionConflict{"version_conflict", K::conflict,
                                            "{what}已被他人修改，请刷新后重试[（当前版本 {version}）]",
                                            "the {what} was changed by someone else; reload and retry[ (current "
                                            "version {version})]"};
inline constexpr ErrorCode kPreconditionFailed{"precondition_failed", K::precondition,
                                               "{what}版本已变化（If-Match 不匹配）",
                                               "the {what} version no longer matches If-Match"};
inline constexpr ErrorCode kVersionRequired{"version_required", K::invalid_input,
                                            "请通过 If-Match 头或 version 字段提供版本号",
                                            "send the version in If-Match or in the body's version field"};
inline constexpr ErrorCode kIdempotencyKeyReused{"idempotency_key_reused", K::conflict,
                                                 "该 Idempotency-Key 已用于另一个请求",
                                                 "this Idempotency-Key was used for another request"};
inline constexpr ErrorCode kDuplicate{"duplicate", K::conflict, "与已有记录重复[：{what}]",
                                      "duplicates an existing record[: {what}]"};

// Signed links (core/domain/signed_link.hpp).
inline constexpr ErrorCode kInvalidLink{"invalid_link", K::forbidden, "{what}无效[，{advice}]",
                                        "the {what} is not valid[; {advice}]"};
inline constexpr ErrorCode kLinkExpired{"link_expired", K::gone, "{what}已过期[，{advice}]",
                                        "the {what} has expired[; {advice}]"};

}  // namespace errors
}  // namespace kefu
