// Feedback from the customer's side (docs/feedback.md "Intake"): the place a QR code names,
// the mobile form (JSON, or multipart/form-data with up to 3 photos), the photos for
// staff, and a place's printable poster (PDF, PNG) with the form's QR code.
#include "feedback/api/intake_routes.hpp"

#include "core/api/error_mapping.hpp"
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "feedback/api/multipart.hpp"
#include "feedback/api/poster.hpp"
#include "feedback/app/feedback_intake.hpp"
#include "tickets/api/blob_store.hpp"
#include "tickets/api/uploads.hpp"
#include "tickets/domain/errors.hpp"
#include "tickets/domain/image_metadata.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

// A photo of the form: where its bytes are in the request body (which moves to the worker).
struct PhotoPart {
  std::string content_type;
  std::string filename;
  std::size_t offset = 0, size = 0;
};

struct Form {
  app::PublicFeedback in;
  std::vector<PhotoPart> photos;
};

// A form field that must be a whole number ("" is none).
std::optional<int64_t> int_field(const std::string& field, const std::string& text) {
  if (text.empty()) return std::nullopt;
  try {
    std::size_t used = 0;
    const long long v = std::stoll(text, &used);
    if (used == text.size()) return v;
  } catch (const std::exception&) {
  }
  throw make_error(errors::kInvalidType, {{"field", field}, {"expected", Text("整数", "an integer")}}, field);
}

// Out of 1–5 is refused by the use case (clamped so that any number gets that answer).
std::optional<int> rating_of(std::optional<int64_t> v) {
  if (!v) return std::nullopt;
  return static_cast<int>(std::clamp<int64_t>(*v, -1, 6));
}

Form json_form(const http::Request& req) {
  auto b = parse_object(req);
  Form f;
  f.in.place_code = opt_string(b, "place_code");
  f.in.store_id = maybe_int(b, "store_id");
  f.in.store_code = opt_string(b, "store_code");
  f.in.text = req_string(b, "text");
  f.in.rating = rating_of(maybe_int(b, "rating"));
  f.in.phone = opt_string(b, "phone");
  f.in.client_id = opt_string(b, "client_id");
  return f;
}

// A photo part passes the same checks as every upload (uploads.hpp): a type we take, bytes
// that are that type, at most kMaxAttachmentBytes, a plain file name.
PhotoPart photo_part(const http::Request& req, const multipart::Part& p) {
  if (p.content_type != "image/jpeg" && p.content_type != "image/png" && p.content_type != "image/webp" &&
      p.content_type != "image/gif")
    throw make_error(errors::kUnsupportedMediaType);
  if (p.body.empty()) throw make_error(errors::kRequired, {{"what", Text("图片内容", "the image")}}, "photo");
  if (p.body.size() > kMaxAttachmentBytes)
    throw make_error(errors::kInvalidField,
                     {{"field", "photo"}, {"problem", Text("每张照片不能超过 10 MB", "each photo is 10 MB at most")}},
                     "photo");
  if (sniff_image_type(std::string(p.body.substr(0, 16))) != p.content_type)
    throw make_error(errors::kContentMismatch, {{"type", p.content_type}});
  auto name =
      p.filename.substr(p.filename.find_last_of("/\\") == std::string::npos ? 0 : p.filename.find_last_of("/\\") + 1);
  app::check_text("filename", name, 100, false);
  return {p.content_type, name, static_cast<std::size_t>(p.body.data() - req.body.data()), p.body.size()};
}

Form multipart_form(const http::Request& req, const std::string& boundary) {
  auto parts = multipart::parse(req.body, boundary, 16);
  if (!parts)
    throw make_error(
        errors::kInvalidField,
        {{"field", "body"}, {"problem", Text("不是有效的 multipart/form-data", "not valid multipart/form-data")}},
        "body");
  Form f;
  for (const auto& p : *parts) {
    const std::string value(p.body);
    if (p.name == "photo" || p.name == "photos") {
      f.photos.push_back(photo_part(req, p));
      continue;
    }
    if (p.name == "text") f.in.text = value;
    if (p.name == "place_code") f.in.place_code = value;
    if (p.name == "store_code") f.in.store_code = value;
    if (p.name == "phone") f.in.phone = value;
    if (p.name == "client_id") f.in.client_id = value;
    if (p.name == "rating") f.in.rating = rating_of(int_field("rating", value));
    if (p.name == "store_id") f.in.store_id = int_field("store_id", value);
  }
  return f;
}

Form read_form(const http::Request& req) {
  if (auto boundary = multipart::boundary_of(req.header("content-type"))) return multipart_form(req, *boundary);
  return json_form(req);
}

json receipt(const app::PublicReceipt& r) {
  return {{"status", "received"}, {"photos", r.photos}, {"created_at", r.item.received_at}};
}

void place(Services& s, http::Request& req, http::Reply reply) {
  auto it = req.params.find("code");
  const std::string code = it == req.params.end() ? "" : it->second;
  read(s, req, reply, people::customer_actor(), [code](app::Context& c) {
    const auto p = app::public_place(c, code);
    return ok(200, {{"code", p.code}, {"store_name", p.store_name}, {"place_name", p.place_name}});
  });
}

// The photos lose their metadata and are stored on the worker pool (pinned against the
// blob collector until the reply), then the item and its photos commit in one write.
void submit_with_photos(Services& s, http::Request&& req, http::Reply reply, Form form) {
  auto request = std::make_shared<http::Request>(std::move(req));
  bool queued = s.workers.submit([&s, request, reply, form]() {
    try {
      BlobStore blobs(s.attachments_dir);
      std::shared_ptr<BlobStore::Pin> pin = blobs.pin();
      std::vector<storage::FeedbackPhoto> stored;
      for (const auto& p : form.photos) {
        auto bytes =
            ticket::strip_image_metadata(p.content_type, std::string_view(request->body).substr(p.offset, p.size));
        if (!bytes) throw make_error(errors::kContentMismatch, {{"type", p.content_type}});
        stored.push_back(
            {0, 0, 0, blobs.put(*bytes), p.content_type, p.filename, static_cast<int64_t>(bytes->size()), 0});
      }
      auto pinned = [reply, pin](http::Response r) {
        (void)pin;
        reply(std::move(r));
      };
      write(s, *request, pinned, people::customer_actor(), [in = form.in, stored](app::Context& c) {
        return ok(201, receipt(app::submit_public_feedback(c, in, stored)));
      });
    } catch (...) {
      reply(error_response(*request, std::current_exception()));
    }
  });
  if (!queued) throw make_error(errors::kBusy);
}

void submit(Services& s, http::Request& req, http::Reply reply) {
  // Anonymous callers share the customer actor: no shared idempotency-key namespace (the
  // form's client_id makes a retry safe instead).
  std::erase_if(req.headers, [](const auto& h) { return h.first == "idempotency-key"; });
  auto form = read_form(req);
  form.in.remote = req.remote;
  {
    // Every check, and the limits, before any photo reaches the blob folder.
    app::Context c{s.db.reader(), people::customer_actor(), s.now_ms(), nullptr};
    app::check_public_feedback(c, form.in, form.photos.size());
  }
  if (!form.photos.empty()) return submit_with_photos(s, std::move(req), std::move(reply), std::move(form));
  write(s, req, std::move(reply), people::customer_actor(),
        [in = form.in](app::Context& c) { return ok(201, receipt(app::submit_public_feedback(c, in, {}))); });
}

void photos(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) {
    json items = json::array();
    for (const auto& p : app::item_photos(c, id))
      items.push_back({{"n", p.n},
                       {"content_type", p.content_type},
                       {"filename", p.filename},
                       {"size", p.size},
                       {"created_at", p.created_at}});
    return ok(200, {{"items", items}});
  });
}

void photo(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  const auto n = path_id(req, "n");
  read(s, req, reply, actor, [&s, id, n](app::Context& c) {
    const auto p = app::item_photo(c, id, static_cast<int>(std::min<int64_t>(n, 1000)));
    return stored_photo(s, p.sha256, p.content_type);
  });
}

bool host_ok(const std::string& host) {
  if (host.empty() || host.size() > 200) return false;
  for (unsigned char ch : host)
    if (!std::isalnum(ch) && ch != '.' && ch != '-' && ch != ':' && ch != '[' && ch != ']') return false;
  return true;
}

// Where the poster's QR code points: ?base=https://kefu.example.com when given (a public
// address the server cannot know behind a proxy), else this request's host, https when a
// proxy says so.
std::string form_base(const http::Request& req) {
  auto base = req.query_value("base");
  if (!base.empty()) {
    const bool http = base.rfind("http://", 0) == 0, https = base.rfind("https://", 0) == 0;
    while (!base.empty() && base.back() == '/') base.pop_back();
    const auto host = base.substr(https ? 8 : 7);
    if ((!http && !https) || !host_ok(host))
      throw make_error(
          errors::kInvalidField,
          {{"field", "base"}, {"problem", Text("应为 http(s)://主机名[:端口]", "must be http(s)://host[:port]")}},
          "base");
    return base;
  }
  const auto host = req.header("host");
  if (!host_ok(host))
    throw make_error(errors::kInvalidField,
                     {{"field", "base"}, {"problem", Text("请指定 base 参数", "give the base parameter")}}, "base");
  return (req.header("x-forwarded-proto") == "https" ? "https://" : "http://") + host;
}

void poster(Services& s, http::Request& req, http::Reply reply, bool pdf) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  app::PlacePoster p;
  {
    app::Context c{s.db.reader(), actor, s.now_ms(), nullptr};
    p = app::place_poster(c, id);  // feedback:read, the place's store (404)
  }
  poster::Poster page{p.store_name, p.place_name, form_base(req) + "/m/feedback/" + p.code};
  // Drawing takes tens of milliseconds: on the worker pool, not the io thread.
  run_slow(s, [reply, page, pdf, code = p.code, lang = req.header("accept-language")]() {
    try {
      auto r = http::Response::text(200, pdf ? poster::render_pdf(page) : poster::render_png(page),
                                    pdf ? "application/pdf" : "image/png");
      r.set("Content-Disposition", "attachment; filename=\"feedback-poster-" + code + (pdf ? ".pdf\"" : ".png\""));
      r.set("Cache-Control", "private, no-store");
      r.set("X-Content-Type-Options", "nosniff");
      reply(std::move(r));
    } catch (...) {
      reply(error_response(lang, std::current_exception()));
    }
  });
}

void poster_pdf(Services& s, http::Request& req, http::Reply reply) { poster(s, req, std::move(reply), true); }
void poster_png(Services& s, http::Request& req, http::Reply reply) { poster(s, req, std::move(reply), false); }

}  // namespace

void add_feedback_intake_routes(RouteTable& r) {
  const auto reader = staff("agent", "feedback:read");
  r.add("GET", "/api/v1/public/feedback/places/{code}", anyone(), place);
  r.add("POST", "/api/v1/public/feedback", anyone(), submit);
  r.add("GET", "/api/v1/feedback/items/{id}/photos", reader.on(Reach::feedback_item), photos);
  r.add("GET", "/api/v1/feedback/items/{id}/photos/{n}", reader.on(Reach::feedback_item), photo);
  r.add("GET", "/api/v1/feedback/places/{id}/poster.pdf", reader.on(Reach::feedback_place), poster_pdf);
  r.add("GET", "/api/v1/feedback/places/{id}/poster.png", reader.on(Reach::feedback_place), poster_png);
}

}  // namespace kefu::api
