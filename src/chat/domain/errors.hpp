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

}  // namespace kefu::errors
