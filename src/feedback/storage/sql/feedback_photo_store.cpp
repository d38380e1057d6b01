// FeedbackPhotoStore over SQL, the same on SQLite and PostgreSQL.
#include "feedback/storage/feedback_photo_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kCols = "id, item_id, n, digest, content_type, filename, size, created_at";

template <class S>
FeedbackPhoto read_photo(const S& s) {
  return {s.i64(0), s.i64(1), static_cast<int>(s.i64(2)), s.text(3), s.text(4), s.text(5), s.i64(6), s.i64(7)};
}

template <class D>
class SqlFeedbackPhotoStore final : public FeedbackPhotoStore {
 public:
  SqlFeedbackPhotoStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t insert_photo(const FeedbackPhoto& p) override {
    return D::insert(db_,
                     "INSERT INTO feedback_photos(item_id, n, digest, content_type, filename, size, created_at) "
                     "VALUES (?,?,?,?,?,?,?)",
                     p.item_id, static_cast<int64_t>(p.n), p.sha256, p.content_type, p.filename, p.size, p.created_at);
  }

  std::vector<FeedbackPhoto> photos_of(int64_t item_id) override {
    auto s = db_.prepare("SELECT " + kCols + " FROM feedback_photos WHERE item_id = ? ORDER BY n");
    s->bind(1, item_id);
    std::vector<FeedbackPhoto> out;
    while (s->step()) out.push_back(read_photo(*s));
    return out;
  }

  std::optional<FeedbackPhoto> photo(int64_t item_id, int n) override {
    auto s = db_.prepare("SELECT " + kCols + " FROM feedback_photos WHERE item_id = ? AND n = ?");
    s->bind(1, item_id);
    s->bind(2, static_cast<int64_t>(n));
    if (!s->step()) return std::nullopt;
    return read_photo(*s);
  }

  bool photo_in_use(const std::string& sha256) override {
    auto s = db_.prepare("SELECT 1 FROM feedback_photos WHERE digest = ? LIMIT 1");
    s->bind(1, sha256);
    return s->step();
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<FeedbackPhotoStore> FeedbackPhotoStore::open(Stores& s) {
  return make_store<FeedbackPhotoStore, SqlFeedbackPhotoStore>(s);
}

}  // namespace kefu::storage
