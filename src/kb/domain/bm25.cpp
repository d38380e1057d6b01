#include "kb/domain/bm25.hpp"

#include <algorithm>
#include <cmath>

namespace kefu::kb {

void Bm25Index::add(const std::vector<Token>& tokens) {
  const auto doc = static_cast<std::uint32_t>(lengths_.size());
  lengths_.push_back(static_cast<std::uint32_t>(tokens.size()));
  for_each_run(tokens, [&](Token t, std::uint32_t count) {
    auto [it, fresh] = terms_.try_emplace(t, static_cast<std::uint32_t>(postings_.size()));
    if (fresh) postings_.emplace_back();
    Postings& p = postings_[it->second];
    p.docs.push_back(doc);
    p.tf.push_back(static_cast<std::uint16_t>(std::min<std::uint32_t>(count, 0xFFFF)));
  });
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

void Bm25Index::score(const std::vector<Token>& query, std::vector<float>& scores,
                      std::vector<std::uint32_t>& touched) const {
  for_each_run(query, [&](Token t, std::uint32_t) {
    const auto it = terms_.find(t);
    if (it == terms_.end()) return;
    const Postings& p = postings_[it->second];
    for (std::size_t i = 0; i < p.docs.size(); ++i) {
      const std::uint32_t d = p.docs[i];
      const float tf = p.tf[i];
      if (scores[d] == 0) touched.push_back(d);
      scores[d] += p.idf * tf * (kK1 + 1) / (tf + norms_[d]);
    }
  });
}

float Bm25Index::pair_score(const std::vector<Token>& query, const std::vector<Token>& doc) const {
  const float n = norm(doc.size());
  float sum = 0;
  std::size_t j = 0;
  for_each_run(query, [&](Token t, std::uint32_t) {
    while (j < doc.size() && doc[j] < t) ++j;
    std::uint32_t tf = 0;
    while (j + tf < doc.size() && doc[j + tf] == t) ++tf;
    if (tf > 0) sum += idf(t) * tf * (kK1 + 1) / (tf + n);
  });
  return sum;
}

}  // namespace kefu::kb
