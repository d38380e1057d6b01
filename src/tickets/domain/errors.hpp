#pragma once
// The tickets' error codes (core/domain/errors.hpp has the shared ones).
#include "core/domain/errors.hpp"

namespace kefu::errors {

inline constexpr ErrorCode kTicketFinished{"ticket_finished", K::conflict, "工单已办结，{advice}",
                                           "the ticket is resolved or closed; {advice}"};
inline constexpr ErrorCode kInvalidTransition{"invalid_transition", K::conflict, "{what}不能从「{from}」变为「{to}」",
                                              "a {what} cannot move from {from} to {to}"};
inline constexpr ErrorCode kUnclaimed{"unclaimed", K::conflict, "请先认领该工单[，再{then}]",
                                      "claim the ticket before {then}"};
inline constexpr ErrorCode kAlreadyOwned{"already_owned", K::conflict, "该工单已有首问负责人",
                                         "the ticket already has an owner"};
inline constexpr ErrorCode kSameOwner{"same_owner", K::conflict, "接收人已是首问负责人",
                                      "that person already owns the ticket"};
inline constexpr ErrorCode kUnsupportedMediaType{"unsupported_media_type", K::unsupported_media,
                                                 "只能上传 JPEG、PNG、WebP 或 GIF 图片",
                                                 "only JPEG, PNG, WebP or GIF images can be attached"};
inline constexpr ErrorCode kContentMismatch{"content_mismatch", K::unsupported_media,
                                            "文件内容与声明的图片类型（{type}）不符",
                                            "the bytes are not a {type} image"};

}  // namespace kefu::errors
