// Photo attachments: upload raw bytes (Content-Type image/*), download by id.
#include "core/api/error_mapping.hpp"
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "tickets/api/blob_store.hpp"
#include "tickets/api/render.hpp"
#include "tickets/api/uploads.hpp"
#include "tickets/app/tickets.hpp"
#include "tickets/domain/errors.hpp"
#include "tickets/domain/image_metadata.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::api {

ImageUpload check_image_upload(const http::Request& req) {
  auto declared = req.header("content-type");
  declared = declared.substr(0, declared.find(';'));
  if (declared != "image/jpeg" && declared != "image/png" && declared != "image/webp" && declared != "image/gif")
    throw make_error(errors::kUnsupportedMediaType);
  if (req.body.empty()) throw make_error(errors::kRequired, {{"what", Text("图片内容", "the image")}}, "body");
  if (sniff_image_type(req.body) != declared) throw make_error(errors::kContentMismatch, {{"type", declared}});
  auto filename = req.query_value("filename");
  filename = filename.substr(filename.find_last_of("/\\") == std::string::npos ? 0 : filename.find_last_of("/\\") + 1);
  app::check_text("filename", filename, 100, false);
  return {declared, filename};
}

http::Response stored_photo(const Services& s, const std::string& sha256, const std::string& content_type) {
  auto bytes = BlobStore(s.attachments_dir).get(sha256);
  if (!bytes) throw make_error(errors::kNotFound, {{"what", Text("照片", "photo")}});
  auto r = http::Response::text(200, std::move(*bytes), content_type);
  r.set("Cache-Control", "private, max-age=86400");
  r.set("X-Content-Type-Options", "nosniff");
  return r;
}

void store_image(Services& s, http::Request&& req, http::Reply reply, const people::Actor& actor,
                 const ImageUpload& image, AttachFn attach) {
  auto request = std::make_shared<http::Request>(std::move(req));
  bool queued = s.workers.submit([&s, request, reply, actor, image, attach]() {
    try {
      auto bytes = ticket::strip_image_metadata(image.content_type, request->body);
      if (!bytes) throw make_error(errors::kContentMismatch, {{"type", image.content_type}});
      BlobStore blobs(s.attachments_dir);
      // Held until the reply: the blob collector leaves this blob alone until its row commits.
      std::shared_ptr<BlobStore::Pin> pin = blobs.pin();
      auto sha = blobs.put(*bytes);
      ticket::Attachment a{0, 0, sha, image.content_type, image.filename, static_cast<int64_t>(bytes->size()), 0, 0};
      auto pinned = [reply, pin](http::Response r) {
        (void)pin;
        reply(std::move(r));
      };
      write(s, *request, pinned, actor, [a, attach](app::Context& c) { return attach(c, a); });
    } catch (...) {
      reply(error_response(*request, std::current_exception()));
    }
  });
  if (!queued) throw make_error(errors::kBusy);
}

namespace {

void upload(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto image = check_image_upload(req);
  {
    // 403/404 before any byte reaches the blob folder
    app::Context c{s.db.reader(), actor, s.now_ms(), nullptr};
    app::check_attachment_allowed(c, id);
  }
  store_image(s, std::move(req), std::move(reply), actor, image, [id](app::Context& c, const ticket::Attachment& a) {
    return ok(201, render(app::add_attachment(c, id, a)));
  });
}

void download(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor, [&s, id](app::Context& c) {
    const auto a = app::get_attachment(c, id);
    auto bytes = BlobStore(s.attachments_dir).get(a.sha256);
    if (!bytes) throw make_error(errors::kNotFound, {{"what", Text("附件文件", "attachment file")}});
    auto r = http::Response::text(200, std::move(*bytes), a.content_type);
    r.set("Cache-Control", "private, max-age=31536000, immutable");
    r.set("X-Content-Type-Options", "nosniff");
    return r;
  });
}

}  // namespace

void add_attachment_routes(RouteTable& r) {
  r.add("POST", "/api/v1/tickets/{id}/attachments", staff("agent", "tickets:write").on(Reach::ticket), upload);
  r.add("GET", "/api/v1/attachments/{id}", staff("agent", "tickets:read").on(Reach::attachment), download);
}

}  // namespace kefu::api
