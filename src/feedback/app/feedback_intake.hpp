#pragma once
// Feedback from the customer's side (扫码反馈, docs/feedback.md "Intake"): a QR code at a
// place opens the mobile form with the store and place filled in; a store's general link
// opens it with the store. The customer writes (required), may give 1–5 stars and up to 3
// photos, stays anonymous unless they leave a phone. No login: the caller is
// people::customer_actor(). Staff read the photos beside the item; the poster of a place
// is drawn from what place_poster() returns.
//
// Abuse limits (core/app/rate_limit.hpp; docs/security/limits.md): submissions per client
// address and per phone in an hour.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "feedback/domain/item.hpp"
#include "feedback/storage/feedback_photo_store.hpp"

namespace kefu::app {

inline constexpr std::size_t kFeedbackPhotosMax = 3;
inline constexpr int kFeedbackPerAddress = 30, kFeedbackPerPhone = 5;  // an hour

// What the form shows for a QR code: the store's and the place's names only.
struct PublicPlace {
  std::string code;
  std::string store_name;
  std::string place_name;
};
// 404 not_found for a code that is unknown or whose place is retired.
PublicPlace public_place(Context&, const std::string& code);

struct PublicFeedback {
  std::string place_code;           // the QR code's place (its store and touchpoint), or
  std::optional<int64_t> store_id;  // a store by id
  std::string store_code;           // or by code (a store's general link)
  std::string text;                 // 1..kFeedbackTextMax characters
  std::optional<int> rating;        // 1–5
  std::string phone;                // "" anonymous; a member with this phone is linked
  // The form's own id for this submission (8–64 of A–Z a–z 0–9 - _): sending it again (a
  // retry after a lost answer) returns the first submission instead of a second item.
  std::string client_id;
  std::string remote;  // the client's address (the rate limit)
};

// Everything submit_public_feedback checks before it writes (the place or store, the text,
// rating, phone, client id, the photo count, the limits): the upload runs it before any
// photo reaches the blob folder. 400 required / too_long / invalid_utf8 (text),
// invalid_field (rating, client_id, photos), invalid_phone, unknown_reference (place_code,
// store); 429 rate_limited.
void check_public_feedback(Context&, const PublicFeedback&, std::size_t photos);

struct PublicReceipt {
  feedback::Item item;
  int photos = 0;
  bool created = true;  // false: the client id had been sent before (nothing new stored)
};

// Stores the item (source "form", touchpoint from the place) and its photos (blobs already
// stored; item_id and n are filled in here, in the order given), counts the submission
// against the limits.
PublicReceipt submit_public_feedback(Context&, const PublicFeedback&, const std::vector<storage::FeedbackPhoto>&);

// Staff (feedback:read, the item's store): an item's photos, and one by its number (404
// otherwise).
std::vector<storage::FeedbackPhoto> item_photos(Context&, int64_t item_id);
storage::FeedbackPhoto item_photo(Context&, int64_t item_id, int n);

// Staff (feedback:read, the place's store): what a place's poster shows.
struct PlacePoster {
  std::string code;
  std::string store_name;
  std::string place_name;
};
PlacePoster place_poster(Context&, int64_t place_id);

}  // namespace kefu::app
