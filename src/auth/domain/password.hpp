#pragma once
// Password hashing (argon2id through libsodium) and opaque random tokens.
// Hashing is deliberately slow (~0.1 s, 64 MiB): never call it on an io thread.
#include <string>
#include <string_view>

namespace kefu::people {

std::string hash_password(std::string_view password);
bool verify_password(std::string_view password, const std::string& stored_hash);

// A fresh random token (URL-safe base64 of 32 bytes) for sessions and API tokens.
std::string new_token();
// What is stored for a token: a keyed-free BLAKE2b hash in hex, so a leaked
// database does not hand out live sessions.
std::string token_digest(std::string_view token);
// SHA-256 in lowercase hex (content addresses of attachments, request fingerprints).
std::string sha256_hex(std::string_view data);

}  // namespace kefu::people
