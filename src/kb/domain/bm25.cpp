#include "kb/domain/bm25.hpp"

#include <algorithm>
#include <cmath>

namespace kefu::kb {

void Bm25Index::add(const std::vector<const std::vector<Token>*>& questions) {
  const auto doc = static_cast<std::uint32_t>(lengths_.size());
  std::vector<std::pair<Token, std::uint32_t>> counts;
  std::size_t total = 0;
  for (const auto* q : questions) {
    total += q->size();
    for_each_run(*q, [&](Token t, std::uint32_t count) { counts.emplace_back(t, count); });
  }
  std::sort(counts.begin(), counts.end());
  const std::size_t n = std::max<std::size_t>(1, questions.size());
  lengths_.push_back(static_cast<std::uint32_t>((total + n / 2) / n));
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (i + 1 < counts.size() && counts[i + 1].first == counts[i].first) continue;  // the last has the max
    auto [it, fresh] = terms_.try_emplace(counts[i].first, static_cast<std::uint32_t>(postings_.size()));
    if (fresh) postings_.emplace_back();
    Postings& p = postings_[it->second];
    p.docs.push_back(doc);
    p.impact.push_back(static_cast<float>(counts[i].second));
  }
}

void Bm25Index::finalize() {
  double total = 0;
  for (auto len : lengths_) total += len;
  avg_length_ = lengths_.empty() ? 1 : std::max(1.0, total / static_cast<double>(lengths_.size()));
  norms_.resize(lengths_.size());
  for (std::size_t d = 0; d < lengths_.size(); ++d) norms_[d] = norm(lengths_[d]);
  const double n = static_cast<double>(lengths_.size());
  for (auto& p : postings_) {
    const double df = static_cast<double>(p.docs.size());
    p.idf = static_cast<float>(std::log(1 + (n - df + 0.5) / (df + 0.5)));
    for (std::size_t i = 0; i < p.docs.size(); ++i) {
      const float tf = p.impact[i];
      p.impact[i] = p.idf * tf * (kK1 + 1) / (tf + norms_[p.docs[i]]);
    }
  }
}

float Bm25Index::norm(std::size_t length) const {
  return kK1 * (1 - kB + kB * static_cast<float>(static_cast<double>(length) / avg_length_));
}

float Bm25Index::idf(Token t) const {
  const auto it = terms_.find(t);
  return it == terms_.end() ? max_idf() : postings_[it->second].idf;
}

float Bm25Index::max_idf() const {
  const double n = static_cast<double>(lengths_.size());
  return static_cast<float>(std::log(1 + (n + 0.5) / 0.5));
}

Weighed Bm25Index::weigh(const std::vector<Token>& sorted) const {
  Weighed w;
  w.length = static_cast<std::uint32_t>(sorted.size());
  for_each_run(sorted, [&](Token t, std::uint32_t count) {
    w.terms.push_back(t);
    w.tf.push_back(static_cast<float>(count));
    w.idf.push_back(idf(t));
  });
  return w;
}

void Bm25Index::score(const Weighed& query, std::vector<float>& scores, std::vector<std::uint32_t>& touched) const {
  thread_local std::vector<const Postings*> used;
  used.clear();
  bool any_rare = false;
  for (Token t : query.terms) {
    const auto it = terms_.find(t);
    if (it == terms_.end()) continue;
    const Postings& p = postings_[it->second];
    used.push_back(&p);
    any_rare = any_rare || p.docs.size() * 2 <= lengths_.size();
  }
  for (const Postings* pp : used) {
    const Postings& p = *pp;
    if (any_rare && p.docs.size() * 2 > lengths_.size()) continue;
    const std::size_t n = p.docs.size();
    for (std::size_t i = 0; i < n; ++i) {
      float& s = scores[p.docs[i]];
      if (s == 0) touched.push_back(p.docs[i]);
      s += p.impact[i];
    }
  }
}

float Bm25Index::pair_score(const Weighed& query, const Weighed& doc) const {
  const float n = norm(doc.length);
  float sum = 0;
  for (std::size_t i = 0, j = 0; i < query.terms.size() && j < doc.terms.size();) {
    if (query.terms[i] < doc.terms[j]) {
      ++i;
    } else if (doc.terms[j] < query.terms[i]) {
      ++j;
    } else {
      const float tf = doc.tf[j];
      sum += doc.idf[j] * tf * (kK1 + 1) / (tf + n);
      ++i, ++j;
    }
  }
  return sum;
}

}  // namespace kefu::kb
