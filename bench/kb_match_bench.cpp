// Latency, build time and memory of the FAQ matcher (src/kb/domain) on a synthetic KB.
//
//   kb_match_bench [entries=10000] [queries=5000] [seed=1]
//
// Entries are generated (seeded) by combining retail words: a product (儿童 + 运动鞋),
// a topic (退货, 安装, 开发票 …) and a question ending, with three similar questions each
// in other words; queries are new phrasings of random entries (plus 10% unrelated
// questions). Prints build (index + training) time, load time (index with a saved model),
// match p50/p99/max in process (one thread, after a warm-up) and peak memory.
#include <malloc.h>
#include <sys/resource.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "kb/domain/matcher.hpp"

using namespace kefu::kb;
using Clock = std::chrono::steady_clock;

namespace {

const std::vector<std::string> kKinds = {"儿童", "男士", "女士", "运动", "进口", "有机", "智能",
                                         "真皮", "夏季", "冬季", "高端", "平价", "新款"};
const std::vector<std::string> kGoods = {"鞋",   "外套",   "手表",   "耳机",   "奶粉",   "面包", "蛋糕", "口红",
                                         "眼镜", "背包",   "行李箱", "床垫",   "冰箱",   "空调", "手机", "电脑",
                                         "玩具", "自行车", "茶叶",   "牛仔裤", "羽绒服", "围巾", "香水", "洗衣机"};
const std::vector<std::string> kTopics = {
    "退货",   "换货", "保修",   "维修", "送货",     "安装",     "开发票",   "积分",   "打折", "预订",
    "试穿",   "包装", "定制",   "刻字", "以旧换新", "价格保护", "分期付款", "会员价", "保养", "清洗",
    "改尺寸", "配送", "库存",   "到货", "质量问题", "说明书",   "赠品",     "退差价", "专柜", "售后",
    "发货",   "退款", "优惠券", "满减", "试用",     "邮寄",     "预售",     "代购",   "团购", "寄存"};
const std::vector<std::string> kEndings = {"怎么办理", "可以吗",     "要多少钱", "在哪里", "需要什么手续",
                                           "多久",     "有什么规定", "怎么弄",   "找谁",   "能不能"};
const std::vector<std::string> kOpenings = {"", "请问", "你好，", "我想问一下", "想咨询", "麻烦问下"};

struct Rng {
  std::uint64_t s;
  std::uint64_t next() {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return s >> 33;
  }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[next() % v.size()];
  }
};

// Bytes the allocator has handed out and not got back (glibc; large blocks are mmapped and
// counted apart): what live objects hold.
double heap_mb() {
  const auto m = mallinfo2();
  return static_cast<double>(m.uordblks + m.hblkhd) / (1 << 20);
}

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// This thread's CPU time: on a shared machine the wall clock also counts the waits for a
// core, so both are reported.
double cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::stoul(argv[1]) : 10000;
  const std::size_t nq = argc > 2 ? std::stoul(argv[2]) : 5000;
  Rng rng{argc > 3 ? std::stoull(argv[3]) : 1};

  const long rss_start = peak_rss_kb();
  auto t = Clock::now();
  const TextTools tools{kefu::text::Segmenter::load(KEFU_JIEBA_DICT), T2s::load()};
  std::printf("text tools (jieba dictionary, OpenCC): %.0f ms, peak RSS %ld MB\n", ms(Clock::now() - t),
              peak_rss_kb() / 1024);
  const long rss_tools = peak_rss_kb();

  struct Key {
    std::size_t kind, good, topic;
  };
  std::vector<Key> keys;
  for (std::size_t k = 0; k < kKinds.size(); ++k) {
    for (std::size_t g = 0; g < kGoods.size(); ++g) {
      for (std::size_t p = 0; p < kTopics.size(); ++p) keys.push_back({k, g, p});
    }
  }
  for (std::size_t i = keys.size(); i > 1; --i) std::swap(keys[i - 1], keys[rng.next() % i]);
  if (n > keys.size()) {
    std::fprintf(stderr, "at most %zu entries\n", keys.size());
    return 2;
  }
  keys.resize(n);
  const auto phrase = [&](const Key& k) {
    const std::string product = kKinds[k.kind] + kGoods[k.good];
    switch (rng.next() % 3) {
      case 0:
        return rng.pick(kOpenings) + product + kTopics[k.topic] + rng.pick(kEndings);
      case 1:
        return rng.pick(kOpenings) + kTopics[k.topic] + product + rng.pick(kEndings);
      default:
        return rng.pick(kOpenings) + product + "的" + kTopics[k.topic] + "问题" + rng.pick(kEndings);
    }
  };
  KbSnapshot kb;
  for (std::size_t i = 0; i < n; ++i) {
    const Key& k = keys[i];
    FaqDoc doc{
        static_cast<std::int64_t>(i + 1), kKinds[k.kind] + kGoods[k.good] + kTopics[k.topic] + "怎么办理", {}, {}};
    for (int s = 0; s < 3; ++s) doc.similar.push_back(phrase(k));
    kb.docs.push_back(std::move(doc));
  }
  kb.synonyms = {{"退货", "退钱"}, {"维修", "修理"}, {"发票", "票据"}};

  t = Clock::now();
  double c = cpu_ms();
  const Matcher m = Matcher::build(tools, kb, {}, 1);
  const double build_ms = ms(Clock::now() - t), build_cpu = cpu_ms() - c;
  const long rss_built = peak_rss_kb();
  std::printf("build %zu entries / %zu questions (index + training on %zu + %zu queries): %.0f ms wall, %.0f ms CPU\n",
              m.entry_count(), m.question_count(), m.report().kb_queries, m.report().pseudo_queries, build_ms,
              build_cpu);
  const double heap_before_load = heap_mb();
  t = Clock::now();
  c = cpu_ms();
  const Matcher loaded = Matcher::load(tools, kb, m.save());
  const double loaded_heap = heap_mb() - heap_before_load;
  std::printf("load (index + saved model, no training): %.0f ms wall, %.0f ms CPU\n", ms(Clock::now() - t),
              cpu_ms() - c);

  std::vector<std::pair<std::string, std::int64_t>> queries;
  for (std::size_t i = 0; i < nq; ++i) {
    if (i % 10 == 9) {
      queries.push_back({rng.pick(kOpenings) + "今天天气怎么样" + rng.pick(kEndings), 0});
      continue;
    }
    const std::size_t e = rng.next() % n;
    queries.push_back({phrase(keys[e]), static_cast<std::int64_t>(e + 1)});
  }
  for (std::size_t i = 0; i < std::min<std::size_t>(200, nq); ++i) m.match(queries[i].first, 3);  // warm-up
  std::vector<double> lat, cpu;
  std::size_t right = 0, answerable = 0;
  for (const auto& [q, want] : queries) {
    const auto t0 = Clock::now();
    const double c0 = cpu_ms();
    const MatchResult r = m.match(q, 3);
    cpu.push_back(cpu_ms() - c0);
    lat.push_back(ms(Clock::now() - t0));
    if (want) ++answerable, right += !r.items.empty() && r.items[0].faq_id == want;
  }
  std::sort(lat.begin(), lat.end());
  std::sort(cpu.begin(), cpu.end());
  const auto pct = [](const std::vector<double>& v, double p) {
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
  };
  std::printf(
      "match (top 3, re-ranked), %zu queries: wall p50 %.3f ms, p99 %.3f ms, max %.3f ms; "
      "CPU p50 %.3f ms, p99 %.3f ms; top-1 %.1f%%\n",
      lat.size(), pct(lat, 0.50), pct(lat, 0.99), lat.back(), pct(cpu, 0.5), pct(cpu, 0.99),
      100.0 * static_cast<double>(right) / static_cast<double>(std::max<std::size_t>(1, answerable)));
  std::printf(
      "peak RSS: %ld MB at start, %ld MB with the text tools, %ld MB after build (+%ld MB for the matcher "
      "and its training)\n",
      rss_start / 1024, rss_tools / 1024, rss_built / 1024, (rss_built - rss_tools) / 1024);
  std::printf("heap held by one loaded matcher (index, questions, model): %.0f MB\n", loaded_heap);
  return loaded.entry_count() == m.entry_count() ? 0 : 1;
}
