#pragma once
// Live chat's error codes (core/domain/errors.hpp has the shared ones).
#include "core/domain/errors.hpp"

namespace kefu::errors {

inline constexpr ErrorCode kConversationEnded{"conversation_ended", K::conflict, "会话已结束",
                                              "the conversation has ended"};
inline constexpr ErrorCode kConversationTaken{"conversation_taken", K::conflict, "会话已由其他客服接待",
                                              "another agent has taken the conversation"};
inline constexpr ErrorCode kNotYourConversation{"not_your_conversation", K::forbidden, "该会话不由您接待",
                                                "you are not serving this conversation"};
inline constexpr ErrorCode kInvalidChatToken{"invalid_chat_token", K::forbidden, "会话凭证无效，请重新发起咨询",
                                             "the conversation token is not valid; please start a new chat"};
inline constexpr ErrorCode kConversationOpen{"conversation_open", K::conflict, "会话结束后才能评价",
                                             "the conversation can be rated once it has ended"};
inline constexpr ErrorCode kConversationRated{"conversation_rated", K::conflict, "该会话已评价过，感谢您的反馈",
                                              "the conversation has been rated already"};
inline constexpr ErrorCode kConversationHasTicket{"conversation_has_ticket", K::conflict, "该会话已转为工单",
                                                  "a ticket has been made from this conversation already"};
inline constexpr ErrorCode kConversationAssigned{"conversation_assigned", K::conflict,
                                                 "客服正在为您服务，请直接在会话中留言",
                                                 "an agent is serving the conversation; write to them directly"};
inline constexpr ErrorCode kChatFlood{"chat_flood", K::too_many, "发送过于频繁，请稍后再试",
                                      "too many messages at once; please slow down"};

}  // namespace kefu::errors
