// Grouping the bot's unanswered questions (src/bot/domain/clusters.hpp) with the matcher's
// re-ranker as the likeness, as GET /api/v1/bot/unanswered does: how long the newest 500
// take, and how well the groups follow the topics they were written from.
//
//   bot_clusters_bench [questions=500] [topics=60] [seed=7] [candidates=16]
//
// A synthetic KB (a product × a service topic, three phrasings each) is built; the
// "unanswered" questions are new phrasings of `topics` random topics the KB does not hold
// (each asked several times with different wordings). Prints wall time, likeness
// computations, groups, purity (share of questions grouped with the majority topic of their
// group) and how many topics ended split over several groups.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "bot/domain/clusters.hpp"
#include "kb/domain/matcher.hpp"

using namespace kefu;
using Clock = std::chrono::steady_clock;

namespace {

const std::vector<std::string> kGoods = {"羽绒服", "运动鞋", "手表", "耳机", "奶粉",   "口红", "眼镜", "背包",
                                         "行李箱", "床垫",   "冰箱", "空调", "手机",   "电脑", "玩具", "自行车",
                                         "茶叶",   "牛仔裤", "围巾", "香水", "洗衣机", "蛋糕", "面包", "眼霜"};
const std::vector<std::string> kTopics = {"退货", "换货",   "保修", "维修", "送货",     "安装",     "开发票", "积分",
                                          "打折", "预订",   "试穿", "包装", "以旧换新", "价格保护", "分期",   "会员价",
                                          "保养", "改尺寸", "库存", "到货", "赠品",     "退差价",   "专柜",   "寄存"};
const std::vector<std::string> kAsk = {"怎么办理",     "可以吗",   "要多少钱", "在哪里办",
                                       "需要什么手续", "多久能好", "找谁"};
const std::vector<std::string> kOpen = {"", "请问", "你好，", "我想问一下", "想咨询下", "麻烦问下"};

struct Rng {
  std::uint64_t s;
  std::size_t below(std::size_t n) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return (s >> 33) % n;
  }
};

}  // namespace

int main(int argc, char** argv) {
  const std::size_t questions = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 500;
  const std::size_t topics = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 60;
  Rng rng{argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 7};
  const std::size_t candidates = argc > 4 ? std::strtoul(argv[4], nullptr, 10) : 16;
  const kb::TextTools tools{text::Segmenter::load(KEFU_JIEBA_DICT), kb::T2s::load()};

  // Pairs (good, topic): the first half of the shuffled pairs make the KB, `topics` of the
  // others are what customers ask and the KB lacks.
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t g = 0; g < kGoods.size(); ++g)
    for (std::size_t t = 0; t < kTopics.size(); ++t) pairs.push_back({g, t});
  for (std::size_t i = pairs.size(); i > 1; --i) std::swap(pairs[i - 1], pairs[rng.below(i)]);
  auto phrase = [&](std::pair<std::size_t, std::size_t> p) {
    const auto& good = kGoods[p.first];
    const auto& topic = kTopics[p.second];
    const auto& open = kOpen[rng.below(kOpen.size())];
    const auto& ask = kAsk[rng.below(kAsk.size())];
    return rng.below(2) ? open + good + topic + ask : open + topic + "的话" + good + ask;
  };
  kb::KbSnapshot snapshot;
  const std::size_t kb_size = pairs.size() / 2;
  for (std::size_t i = 0; i < kb_size; ++i) {
    kb::FaqDoc doc{static_cast<int64_t>(i + 1), kGoods[pairs[i].first] + kTopics[pairs[i].second] + "怎么办理", {}, {}};
    for (int s = 0; s < 3; ++s) doc.similar.push_back(phrase(pairs[i]));
    snapshot.docs.push_back(std::move(doc));
  }
  const auto matcher = kb::Matcher::build(tools, snapshot, {}, 1);

  std::vector<bot::AskedQuestion> asked;
  std::map<std::string, std::size_t> topic_of;
  for (std::size_t i = 0; i < questions; ++i) {
    const auto p = pairs[kb_size + rng.below(std::min(topics, pairs.size() - kb_size))];
    auto text = phrase(p);
    topic_of[text] = p.first * 1000 + p.second;
    asked.push_back({text, 1, static_cast<int64_t>(i), std::nullopt});
  }
  int calls = 0;
  const auto t0 = Clock::now();
  const auto groups = bot::cluster_questions(asked,
                                             [&](std::string_view a, std::string_view b) {
                                               ++calls;
                                               return matcher.similarity(a, b);
                                             },
                                             {.threshold = 0.5, .shown = 1000, .candidates = candidates});
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();

  std::size_t pure = 0, total = 0;
  std::map<std::size_t, std::set<std::size_t>> groups_of_topic;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    std::map<std::size_t, std::size_t> count;
    for (const auto& q : groups[g].questions) {
      ++count[topic_of[q]];
      groups_of_topic[topic_of[q]].insert(g);
    }
    std::size_t best = 0;
    for (const auto& [t, n] : count) best = std::max(best, n);
    pure += best;
    total += groups[g].questions.size();
  }
  std::size_t split = 0;
  for (const auto& [t, gs] : groups_of_topic) split += gs.size() > 1;
  std::printf(
      "%zu questions (%zu distinct) from %zu topics the KB (%zu entries) lacks: %.0f ms, %d likeness computations, "
      "%zu groups, purity %.1f%%, %zu of %zu topics split over several groups\n",
      asked.size(), total, groups_of_topic.size(), kb_size, ms, calls, groups.size(), 100.0 * pure / total, split,
      groups_of_topic.size());
}
