#include "demo/load_feedback.hpp"

#include <array>
#include <map>
#include <string>
#include <vector>

#include "auth/app/auth.hpp"
#include "demo/feedback_texts.hpp"
#include "demo/random.hpp"
#include "demo/story.hpp"
#include "feedback/app/feedback_items.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::demo {
namespace {

constexpr int64_t kHour = 3'600'000, kDay = 24 * kHour;
constexpr int kDays = 56;
constexpr int kStoryDay = 21;  // 上海店's toilets were fixed this many days ago

struct PlaceRow {
  const char* name;
  const char* touchpoint;
};
constexpr std::array<PlaceRow, 6> kPlaces{{
    {"B2 停车场", "parking"},
    {"正门入口", "entrance"},
    {"三楼女装", "floor"},
    {"一楼收银台", "cashier"},
    {"一楼总服务台", "service_desk"},
    {"售后服务中心", "after_sales"},
}};

// Where a customer who talks about a topic usually was.
const char* touchpoint_of(const std::string& topic) {
  static const std::map<std::string, const char*> kWhere{{"parking", "parking"},
                                                         {"queueing", "cashier"},
                                                         {"cleanliness", "floor"},
                                                         {"facilities", "floor"},
                                                         {"service_attitude", "floor"},
                                                         {"quality", "floor"},
                                                         {"price", "floor"},
                                                         {"returns", "after_sales"},
                                                         {"promotions", "entrance"},
                                                         {"membership", "service_desk"},
                                                         {"other", "entrance"}};
  auto it = kWhere.find(topic);
  return it == kWhere.end() ? "other" : it->second;
}

// The story's rising topic (story.hpp): what customers say about the new parking payment
// system, in our own words.
constexpr std::array<const char*, 8> kPaymentTexts{"停车场换了新的缴费系统，扫码付款老是失败，出口堵了一长串",
                                                   "小程序里明明交了停车费，出口道闸还是不抬杆，等了十分钟",
                                                   "会员停车券在新缴费系统里用不了，被按全价收费",
                                                   "新缴费机反应太慢，高峰期出场要排二十分钟",
                                                   "停车缴费改版后找不到抵扣入口，问工作人员也说不清楚",
                                                   "出场缴费页面一直转圈，最后只能去人工窗口",
                                                   "绑定的车牌在新系统里失效了，又得重新绑一遍",
                                                   "无感支付扣了钱，道闸却显示没缴费，重复扣款了"};

constexpr std::array<const char*, 8> kAuthors{"小鹿爱逛街", "橙子酱",   "Momo妈妈",   "阿杰在成都",
                                              "周末去哪儿", "吃货小王", "静安打工人", "Lily_Chen"};
constexpr std::array<const char*, 3> kSites{"dianping", "weibo", "xiaohongshu"};

struct Store {
  int64_t id = 0;
  std::string code;
  people::Actor supervisor, agent;
  std::map<std::string, int64_t> places;  // touchpoint → place id
};

people::Actor actor_named(storage::Stores& r, const std::string& username) {
  for (const auto& s : r.get<storage::OrgStore>().staff_list())
    if (s.username == username) return app::actor_of(s);
  throw std::runtime_error("demo feedback: no staff " + username);
}

// The texts of a topic and sentiment.
std::vector<const FeedbackText*> texts_of(const std::string& topic, const std::string& sentiment) {
  std::vector<const FeedbackText*> out;
  for (const auto& t : feedback_texts())
    if (topic == t.topic && sentiment == t.sentiment) out.push_back(&t);
  return out;
}

class Loader {
 public:
  Loader(storage::Stores& r, int64_t now) : r_(r), now_(now), rng_(20261204) {}

  void store(Store& s) {
    for (const auto& p : kPlaces) {
      app::Context c{r_, s.supervisor, now_ - (kDays + 7) * kDay, nullptr};
      s.places[p.touchpoint] = app::create_place(c, {s.id, p.name, p.touchpoint, true}).id;
    }
  }

  // One item: through the store's QR form at the topic's place, the desk or a review site.
  void item(const Store& s, int64_t at, const std::string& topic, const std::string& sentiment,
            const char* text = nullptr) {
    const auto texts = texts_of(topic, sentiment);
    if (texts.empty() || at >= now_) return;
    app::NewFeedback in;
    in.store_id = s.id;
    in.text = text ? text : texts[rng_.index(texts.size())]->text;
    in.said_at = at;
    const int channel = static_cast<int>(rng_.index(100));
    people::Actor actor = people::customer_actor();
    if (channel < 50) {
      in.source = "form";
      const auto where = s.places.find(touchpoint_of(topic));
      if (where != s.places.end()) in.place_id = where->second;
      in.rating = sentiment == "positive" ? static_cast<int>(rng_.between(4, 5)) : static_cast<int>(rng_.between(1, 3));
      if (rng_.percent(30)) in.contact_phone = "139" + std::to_string(10'000'000 + rng_.between(0, 89'999'999));
    } else if (channel < 75) {
      in.source = "desk";
      in.touchpoint = touchpoint_of(topic);
      actor = s.agent;
    } else {
      in.source = "social";
      const auto* site = kSites[rng_.index(kSites.size())];
      in.source_ref = std::string(site) + ":" + s.code + "-" + std::to_string(++posts_);
      in.author = kAuthors[rng_.index(kAuthors.size())];
      in.rating = sentiment == "positive" ? 5 : static_cast<int>(rng_.between(1, 3));
    }
    app::Context c{r_, actor, at + 1000, nullptr};
    const auto id = app::record_item(c, in).item.id;
    // Most items are reviewed by the store's supervisor the same day; the rest wait for the
    // classifier.
    const int64_t reviewed = at + rng_.between(1, 6) * kHour;
    if (reviewed < now_ && rng_.percent(70)) {
      app::Context sc{r_, s.supervisor, reviewed, nullptr};
      app::confirm_labels(sc, id, topic, sentiment);
    }
  }

  void days(const Store& s) {
    // The topics customers raise, as weights (per 100): the same mix in both stores.
    static const std::vector<std::pair<std::string, int>> kMix{
        {"service_attitude", 16}, {"queueing", 12},  {"parking", 10},   {"quality", 10},
        {"cleanliness", 8},       {"price", 8},      {"facilities", 9}, {"returns", 8},
        {"promotions", 7},        {"membership", 7}, {"other", 5}};
    std::vector<int> weights;
    for (const auto& [topic, w] : kMix) weights.push_back(w);
    const int64_t today = (now_ + 8 * kHour) / kDay * kDay - 8 * kHour;  // local midnight, UTC+8
    for (int back = kDays; back >= 0; --back) {
      const int64_t day = today - back * kDay;
      const int n = static_cast<int>(rng_.between(3, 7));
      for (int i = 0; i < n; ++i) {
        const auto& topic = kMix[rng_.weighted(weights)].first;
        if (topic == "cleanliness" && s.code == "SH01" && back < kStoryDay && rng_.percent(80)) continue;
        item(s, at_in(day), topic, rng_.percent(68) ? "negative" : "positive");
      }
      // 上海店's toilets, before they were fixed: one or two more complaints a day.
      if (s.code == "SH01" && back >= kStoryDay)
        for (int i = 0, m = static_cast<int>(rng_.between(1, 2)); i < m; ++i)
          item(s, at_in(day), "cleanliness", "negative");
      // The new parking payment system (story.hpp): complaints grow from its launch on.
      // Its first two days went badly: a burst that put parking on the hot board.
      const int rise = story::rising_percent(back * kDay / 1000) / 6;  // 0..4 a day
      const bool launch = back == story::kRisingDays - 1 || back == story::kRisingDays - 2;
      for (int i = 0, m = static_cast<int>(rng_.between(rise / 2, rise)) + (launch ? 12 : 0); i < m; ++i)
        item(s, at_in(day), std::string(story::kRisingTopic), "negative",
             kPaymentTexts[rng_.index(kPaymentTexts.size())]);
      // 成都店's parking exit, these three days: a burst on top.
      if (s.code == "CD01" && back <= 2)
        for (int i = 0; i < 5; ++i) item(s, at_in(day), "parking", "negative");
    }
  }

 private:
  // A time in the store's opening hours (10:00–21:00 local) of the day starting at `day`.
  int64_t at_in(int64_t day) { return day + 10 * kHour + rng_.between(0, 11 * kHour - 1); }

  storage::Stores& r_;
  int64_t now_;
  detail::Rng rng_;
  int posts_ = 0;
};

}  // namespace

void load_demo_feedback(storage::Stores& r, int64_t now) {
  std::vector<Store> stores;
  for (const auto& st : r.get<storage::OrgStore>().stores()) {
    if (st.code == "SH01")
      stores.push_back({st.id, st.code, actor_named(r, "chenjing"), actor_named(r, "zhangmin"), {}});
    if (st.code == "CD01") stores.push_back({st.id, st.code, actor_named(r, "gaoyan"), actor_named(r, "maxiaoyu"), {}});
  }
  Loader load(r, now);
  for (auto& s : stores) {
    load.store(s);
    load.days(s);
  }
}

}  // namespace kefu::demo
