#pragma once
// A member's identities (身份): the keys under which the same person reaches us — the phone,
// the member card, the app account, WeChat's openid and unionid. Each key belongs to one
// member at most (UNIQUE(kind, value) in member_identities).
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/domain/vocabulary.hpp"

namespace kefu::people {

enum class IdentityKindCode { phone, card, app, wechat_openid, wechat_unionid };
inline constexpr std::array<Term<IdentityKindCode>, 5> kIdentityKinds{{
    {IdentityKindCode::phone, "phone", "手机号", "Phone"},
    {IdentityKindCode::card, "card", "会员卡号", "Member card"},
    {IdentityKindCode::app, "app", "App 账号", "App account"},
    {IdentityKindCode::wechat_openid, "wechat_openid", "微信 OpenID", "WeChat OpenID"},
    {IdentityKindCode::wechat_unionid, "wechat_unionid", "微信 UnionID", "WeChat UnionID"},
}};
using IdentityKind = Closed<IdentityKindCode, kIdentityKinds>;

// The value as stored: a phone normalised (phone.hpp); other kinds trimmed, 1–64 printable
// ASCII characters without spaces (card numbers and ids are case-sensitive). nullopt when
// the value cannot be one of its kind.
std::optional<std::string> normalize_identity(IdentityKind kind, std::string_view raw);

// What staff below supervisor see of a value: the phone masked, other ids with their
// middle hidden (wx_o6_a…9Kf2).
std::string mask_identity(IdentityKind kind, std::string_view value);

}  // namespace kefu::people
