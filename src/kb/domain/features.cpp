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

Overlap overlap(const Weighed& q, const Weighed& d) {
  Overlap o;
  std::size_t i = 0, j = 0;
  while (i < q.terms.size() || j < d.terms.size()) {
    if (j == d.terms.size() || (i < q.terms.size() && q.terms[i] < d.terms[j])) {
      o.q_mass += q.idf[i], o.q_missing = std::max(o.q_missing, q.idf[i]);
      ++o.q_distinct, ++i;
    } else if (i == q.terms.size() || d.terms[j] < q.terms[i]) {
      o.d_mass += d.idf[j], o.d_missing = std::max(o.d_missing, d.idf[j]);
      ++o.d_distinct, ++j;
    } else {
      const float w = q.idf[i];
      o.q_mass += w, o.d_mass += w, o.shared_mass += w;
      ++o.q_distinct, ++o.d_distinct, ++o.shared, ++i, ++j;
    }
  }
  return o;
}

// Surprisal mass of a's words, and of those also in b (both sorted by token).
std::pair<float, float> general_overlap(const std::vector<std::pair<Token, float>>& a,
                                        const std::vector<std::pair<Token, float>>& b) {
  float mass = 0, shared = 0;
  std::size_t j = 0;
  for (const auto& [t, s] : a) {
    mass += s;
    while (j < b.size() && b[j].first < t) ++j;
    if (j < b.size() && b[j].first == t) shared += s;
  }
  return {mass, shared};
}

float learned_mismatch(const TokenWeights& learned, const std::vector<Token>& a, const std::vector<Token>& b) {
  if (learned.empty()) return 0;
  float best = 0;
  const auto consider = [&](Token t) {
    const auto it = learned.find(t);
    if (it != learned.end()) best = std::max(best, it->second);
  };
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i] < b[j])) {
      consider(a[i++]);
    } else if (i == a.size() || b[j] < a[i]) {
      consider(b[j++]);
    } else {
      ++i, ++j;
    }
  }
  return best;
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

Prepared prepare(const FeatureContext& ctx, Analysis analysis) {
  Prepared p;
  p.words = ctx.words.weigh(analysis.words);
  p.grams = ctx.grams.weigh(analysis.grams);
  p.self_words = ctx.words.pair_score(p.words, p.words);
  p.self_grams = ctx.grams.pair_score(p.grams, p.grams);
  p.analysis = std::move(analysis);
  return p;
}

Features pair_features(const FeatureContext& ctx, const Prepared& q, const Prepared& d) {
  const Overlap w = overlap(q.words, d.words);
  const Overlap g = overlap(q.grams, d.grams);
  const float max_idf = ctx.words.max_idf();
  const std::size_t lq = q.analysis.chars.size(), ld = d.analysis.chars.size();
  const std::size_t phrases = std::max(q.analysis.phrases.size(), d.analysis.phrases.size());

  Features f{};
  f[0] = std::min(1.5f, ratio(ctx.words.pair_score(q.words, d.words), q.self_words));
  f[1] = std::min(1.5f, ratio(ctx.grams.pair_score(q.grams, d.grams), q.self_grams));
  f[2] = ratio(w.shared_mass, w.q_mass);
  f[3] = ratio(w.shared_mass, w.d_mass);
  f[4] = ratio(g.shared_mass, g.q_mass);
  f[5] = ratio(g.shared_mass, g.d_mass);
  f[6] = ratio(static_cast<float>(g.shared), static_cast<float>(g.q_distinct + g.d_distinct - g.shared));
  f[7] = ratio(static_cast<float>(longest_common_substring(q.analysis.chars, d.analysis.chars)),
               static_cast<float>(std::min(lq, ld)));
  f[8] = ratio(static_cast<float>(std::min(lq, ld)), static_cast<float>(std::max(lq, ld)));
  f[9] = phrases
             ? static_cast<float>(shared_count(q.analysis.phrases, d.analysis.phrases)) / static_cast<float>(phrases)
             : 0;
  f[10] = ratio(w.q_missing, max_idf);
  f[11] = ratio(w.d_missing, max_idf);
  const auto [q_mass, q_shared] = general_overlap(q.analysis.surprisal, d.analysis.surprisal);
  const auto [d_mass, d_shared] = general_overlap(d.analysis.surprisal, q.analysis.surprisal);
  f[12] = ratio(q_shared, q_mass);
  f[13] = ratio(d_shared, d_mass);
  f[14] = ctx.learned ? learned_mismatch(*ctx.learned, q.words.terms, d.words.terms) : 0;
  return f;
}

}  // namespace kefu::kb
