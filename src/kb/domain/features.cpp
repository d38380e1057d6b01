#include "kb/domain/features.hpp"

#include <algorithm>
#include <vector>

namespace kefu::kb {
namespace {

struct Overlap {
  float q_mass = 0, d_mass = 0, shared_mass = 0;  // idf sums over distinct tokens
  float q_missing = 0, d_missing = 0;             // largest idf absent from the other side
  std::size_t q_distinct = 0, d_distinct = 0, shared = 0;
};

Overlap overlap(const Bm25Index& index, const std::vector<Token>& q, const std::vector<Token>& d) {
  Overlap o;
  std::size_t i = 0, j = 0;
  while (i < q.size() || j < d.size()) {
    const bool take_q = j == d.size() || (i < q.size() && q[i] <= d[j]);
    const bool take_d = i == q.size() || (j < d.size() && d[j] <= q[i]);
    const Token t = take_q ? q[i] : d[j];
    const float w = index.idf(t);
    if (take_q && take_d) {
      o.q_mass += w, o.d_mass += w, o.shared_mass += w;
      ++o.q_distinct, ++o.d_distinct, ++o.shared;
    } else if (take_q) {
      o.q_mass += w, o.q_missing = std::max(o.q_missing, w);
      ++o.q_distinct;
    } else {
      o.d_mass += w, o.d_missing = std::max(o.d_missing, w);
      ++o.d_distinct;
    }
    while (take_q && i < q.size() && q[i] == t) ++i;
    while (take_d && j < d.size() && d[j] == t) ++j;
  }
  return o;
}

std::size_t longest_common_substring(const std::u32string& a, const std::u32string& b) {
  if (a.empty() || b.empty()) return 0;
  thread_local std::vector<std::uint16_t> row;
  row.assign(b.size() + 1, 0);
  std::size_t best = 0;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::uint16_t diagonal = 0;  // row[j - 1] of the previous i
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::uint16_t above = row[j];
      row[j] = a[i - 1] == b[j - 1] ? static_cast<std::uint16_t>(diagonal + 1) : 0;
      best = std::max<std::size_t>(best, row[j]);
      diagonal = above;
    }
  }
  return best;
}

std::size_t shared_count(const std::vector<Token>& a, const std::vector<Token>& b) {
  std::size_t n = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

float ratio(float a, float b) { return b > 0 ? a / b : 0; }

}  // namespace

Features pair_features(const FeatureContext& ctx, const Analysis& q, const Analysis& d, float self_words,
                       float self_grams) {
  if (self_words <= 0) self_words = ctx.words.pair_score(q.words, q.words);
  if (self_grams <= 0) self_grams = ctx.grams.pair_score(q.grams, q.grams);
  const Overlap w = overlap(ctx.words, q.words, d.words);
  const Overlap g = overlap(ctx.grams, q.grams, d.grams);
  const float max_idf = ctx.words.max_idf();
  const std::size_t lq = q.chars.size(), ld = d.chars.size();
  const std::size_t phrases = std::max(q.phrases.size(), d.phrases.size());

  Features f{};
  f[0] = std::min(1.5f, ratio(ctx.words.pair_score(q.words, d.words), self_words));
  f[1] = std::min(1.5f, ratio(ctx.grams.pair_score(q.grams, d.grams), self_grams));
  f[2] = ratio(w.shared_mass, w.q_mass);
  f[3] = ratio(w.shared_mass, w.d_mass);
  f[4] = ratio(g.shared_mass, g.q_mass);
  f[5] = ratio(g.shared_mass, g.d_mass);
  f[6] = ratio(static_cast<float>(g.shared), static_cast<float>(g.q_distinct + g.d_distinct - g.shared));
  f[7] = ratio(static_cast<float>(longest_common_substring(q.chars, d.chars)), static_cast<float>(std::min(lq, ld)));
  f[8] = ratio(static_cast<float>(std::min(lq, ld)), static_cast<float>(std::max(lq, ld)));
  f[9] = phrases ? static_cast<float>(shared_count(q.phrases, d.phrases)) / static_cast<float>(phrases) : 0;
  f[10] = ratio(w.q_missing, max_idf);
  f[11] = ratio(w.d_missing, max_idf);
  return f;
}

}  // namespace kefu::kb
