#include "bot/domain/clusters.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace kefu::bot {
namespace {

// One distinct text and how often it was asked.
struct Item {
  std::string text;
  int64_t count = 0;
  int64_t last_at = 0;
  std::set<int64_t> stores;
  std::map<int64_t, std::pair<int64_t, Guess>> guesses;  // faq_id → (times, the guess)
  std::set<std::string> chars;                           // UTF-8 code points, for the cheap pre-check
};

std::set<std::string> chars_of(std::string_view s) {
  std::set<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c > 0x20) out.insert(std::string(s.substr(i, n)));
    i += n;
  }
  return out;
}

// What two items' characters have in common, each character weighted by its rarity among
// the questions (idf): the words that make a question (停车, 发票) count, the ones every
// question has (请问, 吗) hardly.
double shared_weight(const std::set<std::string>& a, const std::set<std::string>& b,
                     const std::unordered_map<std::string, double>& idf) {
  double w = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i == *j) {
      w += idf.at(*i);
      ++i;
      ++j;
    } else if (*i < *j) {
      ++i;
    } else {
      ++j;
    }
  }
  return w;
}

std::vector<Item> items_of(const std::vector<AskedQuestion>& asked) {
  std::unordered_map<std::string, std::size_t> index;
  std::vector<Item> items;
  for (const auto& q : asked) {
    if (q.text.empty()) continue;
    auto [it, fresh] = index.emplace(q.text, items.size());
    if (fresh) items.push_back({q.text, 0, 0, {}, {}, chars_of(q.text)});
    auto& item = items[it->second];
    ++item.count;
    item.last_at = std::max(item.last_at, q.at);
    item.stores.insert(q.store_id);
    if (q.guess) {
      auto& g = item.guesses[q.guess->faq_id];
      ++g.first;
      if (g.first == 1 || q.guess->score > g.second.score) g.second = *q.guess;
    }
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return std::tuple(-a.count, -a.last_at, a.text) < std::tuple(-b.count, -b.last_at, b.text);
  });
  return items;
}

QuestionCluster finish(const std::vector<const Item*>& members, std::size_t shown) {
  QuestionCluster c;
  c.key = members.front()->text;
  std::set<int64_t> stores;
  std::map<int64_t, std::pair<int64_t, Guess>> guesses;
  for (const auto* m : members) {
    c.size += m->count;
    c.last_at = std::max(c.last_at, m->last_at);
    stores.insert(m->stores.begin(), m->stores.end());
    if (c.questions.size() < shown) c.questions.push_back(m->text);
    for (const auto& [id, g] : m->guesses) {
      auto& total = guesses[id];
      total.first += g.first;
      if (total.first == g.first || g.second.score > total.second.score) total.second = g.second;
    }
  }
  c.stores.assign(stores.begin(), stores.end());
  const std::pair<int64_t, Guess>* best = nullptr;
  for (const auto& [id, g] : guesses)
    if (!best || g.first > best->first || (g.first == best->first && g.second.score > best->second.score)) best = &g;
  if (best) c.guess = best->second;
  return c;
}

}  // namespace

std::vector<QuestionCluster> cluster_questions(const std::vector<AskedQuestion>& asked, const Similarity& similarity,
                                               const ClusterLimits& limits) {
  const auto items = items_of(asked);
  std::vector<std::vector<const Item*>> groups;  // groups[i].front(): the leader
  std::size_t comparisons = 0;
  std::unordered_map<std::string, double> idf;
  for (const auto& item : items)
    for (const auto& ch : item.chars) idf[ch] += 1;
  for (auto& [ch, df] : idf) df = std::log((1.0 + static_cast<double>(items.size())) / df);
  std::vector<std::pair<double, std::size_t>> candidates;  // (weight shared, group)
  for (const auto& item : items) {
    candidates.clear();
    for (std::size_t g = 0; g < groups.size(); ++g)
      if (const auto w = shared_weight(item.chars, groups[g].front()->chars, idf); w > 0) candidates.push_back({w, g});
    const auto take = std::min(candidates.size(), limits.candidates);
    std::partial_sort(
        candidates.begin(), candidates.begin() + take, candidates.end(),
        [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    std::optional<std::size_t> best;
    double best_score = limits.threshold;
    for (std::size_t k = 0; k < take && comparisons < limits.max_comparisons; ++k) {
      const auto g = candidates[k].second;
      ++comparisons;
      const double s = similarity(item.text, groups[g].front()->text);
      if (best ? s > best_score : s >= best_score) {
        best = g;
        best_score = s;
      }
    }
    if (best)
      groups[*best].push_back(&item);
    else
      groups.push_back({&item});
  }
  std::vector<QuestionCluster> out;
  for (const auto& g : groups) out.push_back(finish(g, limits.shown));
  std::sort(out.begin(), out.end(), [](const QuestionCluster& a, const QuestionCluster& b) {
    return std::tuple(-a.size, -a.last_at, a.key) < std::tuple(-b.size, -b.last_at, b.key);
  });
  return out;
}

}  // namespace kefu::bot
