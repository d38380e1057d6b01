#pragma once
// A knowledge-base write that changes what the FAQ bot knows: this node's knowledge is
// rebuilt as soon as the write is committed (Services::knowledge_changed; other nodes notice
// within their keeper's tick, kb/jobs/knowledge_keeper.hpp).
#include "core/api/services.hpp"
#include "core/http/message.hpp"

namespace kefu::api {

inline http::Reply rebuilding(const Services& s, http::Reply reply) {
  return [poke = s.knowledge_changed, reply = std::move(reply)](http::Response r) {
    if (poke && r.status < 300) poke();
    reply(std::move(r));
  };
}

}  // namespace kefu::api
