#pragma once
// The photo upload path, shared by the staff endpoint (routes_attachments.cpp) and the
// customer's (public_tickets/api/routes.cpp). Nothing reaches the blob folder before every
// check has passed: the body's size (the server's per-route limit), the declared type, the
// sniffed bytes and the file name (check_image_upload), and the caller's right to add a
// photo to that ticket (the route runs the use case's check on a reader). Then, on the
// worker pool: the image loses its metadata (tickets/domain/image_metadata.hpp; a
// malformed one is refused), is hashed, written and fsync'd (BlobStore::put); then the
// attachment row commits in a write job, which checks again. A blob whose row never
// commits (a check that failed in between) is left to `kefu blobs gc`.
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

// Stores the request's body, without its metadata, as a blob, then runs attach(c,
// attachment) — the attachment's sha256, content type, file name and size (of the stored
// bytes) filled in — in a write as `actor`, and replies with what it returns. 415
// content_mismatch for an image whose structure is broken, 429 busy when the worker pool
// is full.
// A stored photo's bytes as the answer (its own content type, nosniff, cached privately for
// a day); 404 not_found when the blob is missing.
http::Response stored_photo(const Services&, const std::string& sha256, const std::string& content_type);

using AttachFn = std::function<http::Response(app::Context&, const ticket::Attachment&)>;
void store_image(Services&, http::Request&& req, http::Reply, const people::Actor& actor, const ImageUpload&,
                 AttachFn attach);

}  // namespace kefu::api
