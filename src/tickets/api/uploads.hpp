#pragma once
// The photo upload path, shared by the staff endpoint (routes_attachments.cpp) and the
// customer's (routes_public.cpp): the declared type, the sniffed bytes and the file name
// are checked on the io thread; hashing, the blob write and its fsync run on the worker
// pool; then the attachment row commits in a write job.
#include <functional>
#include <string>

#include "core/api/services.hpp"
#include "core/app/context.hpp"
#include "core/http/message.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::api {

struct ImageUpload {
  std::string content_type;  // image/jpeg, image/png, image/webp or image/gif
  std::string filename;      // from ?filename=, without directories, up to 100 characters
};

// 415 unsupported_media_type (declared type), 400 required (empty body), 415
// content_mismatch (bytes are not the declared type), 400 for a bad file name.
ImageUpload check_image_upload(const http::Request&);

// Stores the request's body as a blob, then runs attach(c, attachment) — the
// attachment's sha256, content type, file name and size filled in — in a write as
// `actor`, and replies with what it returns. 429 busy when the worker pool is full.
using AttachFn = std::function<http::Response(app::Context&, const ticket::Attachment&)>;
void store_image(Services&, http::Request&& req, http::Reply, const people::Actor& actor, const ImageUpload&,
                 AttachFn attach);

}  // namespace kefu::api
