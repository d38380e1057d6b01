// Matcher::train: how the re-ranker learns at publish time (see matcher.hpp).
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/text/utf8.hpp"
#include "kb/domain/logistic.hpp"
#include "kb/domain/matcher.hpp"
#include "kb/domain/token_weights.hpp"

namespace kefu::kb {
namespace {

// Training queries taken from the KB (similar questions, standard questions of entries
// that have similar ones, usage signals): a seeded sample of at most this many. The model
// has 13 parameters; a few thousand queries with ~100 candidate rows each is ample, and
// the cap keeps a publish of 10,000 entries within seconds.
constexpr std::size_t kMaxRealQueries = 3000;
// When the KB has fewer real queries than this, shortened copies of questions (a random
// span of 20–50% of the characters removed) fill up to it, so that a KB without similar
// questions still teaches the model what partial matches look like.
constexpr std::size_t kMinQueries = 1000;
// Candidates per training query: the entries a query would be re-ranked among (all of
// them count for the calibration); the rows of the first kNegativeDepth wrong ones are
// the fit's negatives (the hard ones; deeper ones add time, not information).
constexpr std::size_t kTrainDepth = 30;
constexpr std::size_t kNegativeDepth = 10;
// Wrong candidates per training query whose questions are counted for the learned word
// weights (the hardest ones: a word that separates them from the right entry decides).
constexpr std::size_t kCountedNegatives = 3;
// L2 penalty (per unit of row weight) on standardised features: only keeps weights
// finite when features are collinear; small against the data.
constexpr double kLambda = 1e-4;
constexpr double kCalibrationLambda = 1e-3;

// splitmix64: a tiny generator whose sequence is fixed by its seed on every platform
// (std:: distributions are not).
struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
};

template <typename T>
void shuffle(std::vector<T>& v, Rng& rng) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.below(i)]);
}

std::string encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) text::utf8::append(out, c);
  return out;
}

struct Query {
  Prepared p;
  std::uint32_t target;
  std::int64_t exclude_row;  // the query's own row, -1 for a pseudo query
};

// One candidate entry of a training query and its rows' features.
struct Group {
  bool positive;
  bool retrieved;  // among the query's retrieved candidates (else added for training only)
  std::vector<Features> rows;
};

struct Dataset {
  std::vector<float> x;
  std::vector<unsigned char> y;
  std::vector<float> w;
  void add(const Features& f, bool label) {
    x.insert(x.end(), f.begin(), f.end());
    y.push_back(label ? 1 : 0);
    w.push_back(1);
  }
};

// Class-balanced row weights: positives and negatives weigh the same in total (ranking
// needs the order only; the confidence is calibrated separately).
void balance(Dataset& d) {
  double pos = 0, neg = 0;
  for (auto label : d.y) (label ? pos : neg) += 1;
  if (pos == 0 || neg == 0) return;
  for (std::size_t i = 0; i < d.y.size(); ++i)
    d.w[i] = static_cast<float>(d.y[i] ? 0.5 * (pos + neg) / pos : 0.5 * (pos + neg) / neg);
}

RerankModel fit(const Dataset& d) {
  RerankModel m;
  const std::size_t n = d.y.size();
  if (n == 0) return m;
  for (std::size_t k = 0; k < kFeatureCount; ++k) {
    double sum = 0, sq = 0;
    for (std::size_t i = 0; i < n; ++i) sum += d.x[i * kFeatureCount + k];
    const double mean = sum / static_cast<double>(n);
    for (std::size_t i = 0; i < n; ++i) sq += std::pow(d.x[i * kFeatureCount + k] - mean, 2);
    const double sd = std::sqrt(sq / static_cast<double>(n));
    m.mean[k] = static_cast<float>(mean);
    m.scale[k] = sd > 1e-6 ? static_cast<float>(1 / sd) : 1.0f;
  }
  std::vector<float> z(d.x.size());
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < kFeatureCount; ++k) {
      z[i * kFeatureCount + k] = (d.x[i * kFeatureCount + k] - m.mean[k]) * m.scale[k];
    }
  }
  Dataset balanced = d;
  balance(balanced);
  const LogisticFit f = fit_logistic(z, kFeatureCount, balanced.y, balanced.w, kLambda);
  if (!f.ok) return m;
  for (std::size_t k = 0; k < kFeatureCount; ++k) m.weights[k] = static_cast<float>(f.weights[k]);
  m.bias = static_cast<float>(f.bias);
  m.trained = true;
  return m;
}

// The rows a query contributes: its entry's best row (by the BM25 ratios, a proxy that
// needs no model) as the positive (an entry is right when one of its questions is), and
// every row of every other candidate as a negative (no question of a wrong entry should
// score high).
void add_query(const std::vector<Group>& groups, Dataset& d) {
  std::size_t negatives = 0;
  for (const auto& g : groups) {
    if (!g.positive) {
      if (negatives++ >= kNegativeDepth) continue;
      for (const auto& f : g.rows) d.add(f, false);
      continue;
    }
    const Features* best = nullptr;
    for (const auto& f : g.rows) {
      if (!best || f[0] + f[1] > (*best)[0] + (*best)[1]) best = &f;
    }
    if (best) d.add(*best, true);
  }
}

}  // namespace

void Matcher::train(const std::vector<ParaphrasePair>& pairs, std::uint64_t seed) {
  Rng rng{seed};
  const FeatureContext ctx{words_, grams_};
  // 1. Training queries.
  std::vector<Query> queries;
  for (std::uint32_t r = 0; r < rows_.size(); ++r) {
    const Row& row = rows_[r];
    if (entries_[row.entry].rows.size() < 2) continue;
    queries.push_back({row.p, row.entry, r});
  }
  shuffle(queries, rng);
  if (queries.size() > kMaxRealQueries) queries.resize(kMaxRealQueries);
  for (const auto& q : queries) (rows_[q.exclude_row].learned ? report_.signal_queries : report_.kb_queries)++;

  std::vector<std::uint32_t> sources(rows_.size());
  for (std::uint32_t r = 0; r < rows_.size(); ++r) sources[r] = r;
  shuffle(sources, rng);
  for (std::uint32_t r : sources) {
    if (queries.size() >= kMinQueries) break;
    const std::u32string& chars = rows_[r].p.analysis.chars;
    if (chars.size() < 4) continue;
    const auto cut = std::max<std::size_t>(1, static_cast<std::size_t>(chars.size() * (0.2 + 0.3 * rng.unit())));
    const std::size_t at = rng.below(chars.size() - cut + 1);
    const std::u32string shortened = chars.substr(0, at) + chars.substr(at + cut);
    queries.push_back({prepare(ctx, analyzer_->analyze(encode(shortened))), rows_[r].entry, -1});
    ++report_.pseudo_queries;
  }

  // 2. Their candidates (model-independent, computed once), and the imported pairs.
  std::vector<std::vector<Candidate>> candidates(queries.size());
  std::vector<bool> found(queries.size());
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const Query& q = queries[i];
    candidates[i] = retrieve(q.p, kTrainDepth, Stage::kFused, {}, q.exclude_row);
    for (const auto& c : candidates[i]) found[i] = found[i] || c.entry == q.target;
    if (!found[i]) candidates[i].push_back({q.target, 0});
  }
  struct PreparedPair {
    Prepared a, b;
    bool same;
  };
  std::vector<PreparedPair> prepared_pairs;
  for (const auto& p : pairs) {
    Prepared a = prepare(ctx, analyzer_->analyze(p.a)), b = prepare(ctx, analyzer_->analyze(p.b));
    if (a.analysis.chars.empty() || b.analysis.chars.empty()) continue;
    prepared_pairs.push_back({std::move(a), std::move(b), p.same});
  }
  report_.pairs = prepared_pairs.size();

  // 3. Learned word weights, per fold and from everything: a training row's
  // learned_mismatch comes from the other fold's counts, so the fit cannot learn to trust
  // counts that saw its own label.
  std::array<MismatchCounts, 2> counts;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const Query& q = queries[i];
    std::size_t negatives = 0;
    for (const auto& c : candidates[i]) {
      const bool same = c.entry == q.target;
      if (!same && negatives++ >= kCountedNegatives) continue;
      for (std::uint32_t r : entries_[c.entry].rows) {
        if (static_cast<std::int64_t>(r) != q.exclude_row) counts[i % 2].add(q.p.words, rows_[r].p.words, same);
      }
    }
  }
  for (std::size_t i = 0; i < prepared_pairs.size(); ++i) {
    const auto& p = prepared_pairs[i];
    counts[i % 2].add(p.a.words, p.b.words, p.same);
  }
  const std::array<TokenWeights, 2> fold_weights = {counts[0].weights(), counts[1].weights()};
  MismatchCounts all_counts = counts[0];
  all_counts.merge(counts[1]);

  // 4. Features.
  std::vector<std::vector<Group>> groups(queries.size());
  std::vector<std::pair<std::uint32_t, Features>> feats;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const Query& q = queries[i];
    const TokenWeights& learned = fold_weights[1 - i % 2];
    for (std::size_t c = 0; c < candidates[i].size(); ++c) {
      feats.clear();
      entry_features(q.p, candidates[i][c].entry, q.exclude_row, learned, feats);
      Group g{candidates[i][c].entry == q.target, found[i] || c + 1 < candidates[i].size(), {}};
      for (auto& [row, f] : feats) g.rows.push_back(f);
      groups[i].push_back(std::move(g));
    }
  }
  struct PairRows {
    Features ab, ba;
    bool same;
  };
  std::vector<PairRows> pair_rows;
  for (std::size_t i = 0; i < prepared_pairs.size(); ++i) {
    const auto& p = prepared_pairs[i];
    const FeatureContext fold_ctx{words_, grams_, &fold_weights[1 - i % 2]};
    pair_rows.push_back({pair_features(fold_ctx, p.a, p.b), pair_features(fold_ctx, p.b, p.a), p.same});
  }

  // 5. Two folds: each half's queries are scored by the model fitted on the other half,
  // which gives honest (top, second) logits for the calibration and the held-out top-1.
  const auto dataset = [&](int fold) {  // fold -1: everything
    Dataset d;
    for (std::size_t i = 0; i < queries.size(); ++i) {
      if (fold < 0 || static_cast<int>(i % 2) == fold) add_query(groups[i], d);
    }
    for (std::size_t i = 0; i < pair_rows.size(); ++i) {
      if (fold >= 0 && static_cast<int>(i % 2) != fold) continue;
      d.add(pair_rows[i].ab, pair_rows[i].same);
      d.add(pair_rows[i].ba, pair_rows[i].same);
    }
    return d;
  };
  Dataset calibration;
  std::size_t correct = 0, scored = 0;
  for (int fold = 0; fold < 2; ++fold) {
    const RerankModel half = fit(dataset(1 - fold));
    for (std::size_t i = fold; i < queries.size(); i += 2) {
      float top = -std::numeric_limits<float>::infinity(), second = top;
      bool top_right = false;
      for (const auto& g : groups[i]) {
        if (!g.retrieved) continue;
        float best = -std::numeric_limits<float>::infinity();
        for (const auto& f : g.rows) best = std::max(best, half.logit(f));
        if (best > top) {
          second = top, top = best, top_right = g.positive;
        } else if (best > second) {
          second = best;
        }
      }
      if (!std::isfinite(top)) continue;
      Features f{};
      f[0] = top;
      f[1] = std::isfinite(second) ? std::min(top - second, 20.0f) : 20.0f;
      calibration.x.insert(calibration.x.end(), f.begin(), f.begin() + 2);
      calibration.y.push_back(top_right ? 1 : 0);
      calibration.w.push_back(1);
      ++scored, correct += top_right ? 1 : 0;
    }
  }
  report_.heldout_top1 = scored ? static_cast<double>(correct) / static_cast<double>(scored) : 0;

  const Dataset all = dataset(-1);
  report_.samples = all.y.size();
  for (auto label : all.y) report_.positives += label;
  model_ = fit(all);
  model_.token_weights = all_counts.weights();
  const LogisticFit cal = fit_logistic(calibration.x, 2, calibration.y, {}, kCalibrationLambda);
  if (model_.trained && cal.ok) {
    model_.calibration = {static_cast<float>(cal.weights[0]), static_cast<float>(cal.weights[1]),
                          static_cast<float>(cal.bias)};
    model_.calibrated = true;
  }
}

}  // namespace kefu::kb
