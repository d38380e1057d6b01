// Quality of the FAQ matcher (src/kb/domain) as retrieval: top-1, top-5 and MRR@10 for
// BM25 over words (the baseline), the fused retrieval, and the learned re-ranker.
//
//   kb_match_eval afqmc  <afqmc.dev.csv>       each sentence with a label-1 partner asks for
//                                              that partner; the KB is every distinct sentence
//   kb_match_eval retail <bench/kb_retail_eval> our own retail KB and test queries
//
// AFQMC rows: the re-ranker trained on the KB alone (which has no similar questions, so
// on shortened copies of its questions), and trained on imported pairs in two folds:
// sentences are split in two halves by a hash; the model that scores the queries of one
// half learned from the pairs whose both sentences are in the other half.
// No rule here or in the matcher is written for either data set.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "csv_record.hpp"
#include "kb/domain/matcher.hpp"

using namespace kefu::kb;

namespace {

struct EvalQuery {
  std::string text;
  std::int64_t self = -1;          // the query's own entry, hidden from its results (-1: none)
  std::set<std::int64_t> answers;  // any of them is right
  int fold = 0;
};

struct Metrics {
  double top1 = 0, top5 = 0, mrr10 = 0, recall30 = 0;
  std::size_t n = 0;
  void add(const MatchResult& r, const EvalQuery& q) {
    ++n;
    for (std::size_t i = 0; i < r.items.size(); ++i) {
      if (!q.answers.count(r.items[i].faq_id)) continue;
      if (i == 0) top1 += 1;
      if (i < 5) top5 += 1;
      if (i < 10) mrr10 += 1.0 / static_cast<double>(i + 1);
      recall30 += 1;
      break;
    }
  }
  void merge(const Metrics& o) { top1 += o.top1, top5 += o.top5, mrr10 += o.mrr10, recall30 += o.recall30, n += o.n; }
  void print(const std::string& name) const {
    const double d = n ? static_cast<double>(n) : 1;
    std::printf("| %-44s | %6zu | %6.1f%% | %6.1f%% | %6.3f | %6.1f%% |\n", name.c_str(), n, 100 * top1 / d,
                100 * top5 / d, mrr10 / d, 100 * recall30 / d);
  }
};

void header() {
  std::printf("| %-44s | %6s | %7s | %7s | %6s | %7s |\n", "method", "n", "top-1", "top-5", "MRR@10", "in 30");
  std::printf("|%s|-------:|--------:|--------:|-------:|--------:|\n", std::string(46, '-').c_str());
}

Metrics evaluate(const Matcher& m, const std::vector<EvalQuery>& queries, Stage stage, int fold = -1) {
  Metrics out;
  const bool show = std::getenv("KB_EVAL_SHOW") != nullptr;
  for (const auto& q : queries) {
    if (fold >= 0 && q.fold != fold) continue;
    const std::int64_t self = q.self;
    const FaqFilter filter = self < 0 ? FaqFilter{} : FaqFilter([self](std::int64_t id) { return id != self; });
    const MatchResult r = m.match(q.text, 30, filter, stage);
    out.add(r, q);
    if (show && stage == Stage::kReranked && !r.items.empty() && !q.answers.count(r.items[0].faq_id)) {
      std::printf("MISS %s -> %s (%.2f)\n", q.text.c_str(), r.items[0].question.c_str(), r.items[0].score);
    }
  }
  return out;
}

// Every record of an RFC 4180 CSV file (bench/csv_record.hpp).
std::vector<std::vector<std::string>> read_csv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::vector<std::string>> rows;
  for (std::vector<std::string> fields; kefu::bench::read_record(in, fields);) rows.push_back(fields);
  return rows;
}

// Area under the ROC curve of scores for labels (ties count half): how well a score
// separates same-question pairs from different ones, whatever the threshold.
double auc(std::vector<std::pair<float, bool>> scored) {
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  double pos = 0, neg = 0, rank_sum = 0;
  for (std::size_t i = 0; i < scored.size();) {
    std::size_t j = i;
    while (j < scored.size() && scored[j].first == scored[i].first) ++j;
    const double mid = (static_cast<double>(i) + static_cast<double>(j) + 1) / 2;  // 1-based average rank
    for (std::size_t k = i; k < j; ++k) {
      if (scored[k].second)
        rank_sum += mid, pos += 1;
      else
        neg += 1;
    }
    i = j;
  }
  return pos && neg ? (rank_sum - pos * (pos + 1) / 2) / (pos * neg) : 0;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

TextTools load_tools() { return {kefu::text::Segmenter::load(KEFU_JIEBA_DICT), T2s::load()}; }

int afqmc(const std::string& path) {
  const auto rows = read_csv(path);
  std::unordered_map<std::string, std::int64_t> ids;
  KbSnapshot kb;
  const auto id_of = [&](const std::string& s) {
    auto [it, fresh] = ids.try_emplace(s, static_cast<std::int64_t>(ids.size() + 1));
    if (fresh) kb.docs.push_back({it->second, s, {}, {}});
    return it->second;
  };
  struct Labelled {
    std::int64_t a, b;
    bool same;
  };
  std::vector<Labelled> labelled;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].size() != 4) continue;
    labelled.push_back({id_of(rows[i][1]), id_of(rows[i][2]), rows[i][3] == "1"});
  }
  std::vector<std::string> text(ids.size() + 1);
  for (const auto& [s, id] : ids) text[id] = s;
  // Fold of a sentence: a hash of its text (std::hash is fixed for a given library build;
  // FNV-1a here so the split is the same everywhere).
  const auto fold_of = [&](std::int64_t id) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : text[id]) h = (h ^ c) * 1099511628211ull;
    return static_cast<int>(h % 2);
  };
  std::map<std::int64_t, EvalQuery> by_sentence;
  for (const auto& p : labelled) {
    if (!p.same || p.a == p.b) continue;
    for (auto [q, answer] : {std::pair{p.a, p.b}, std::pair{p.b, p.a}}) {
      EvalQuery& e = by_sentence[q];
      e.text = text[q], e.self = q, e.fold = fold_of(q);
      e.answers.insert(answer);
    }
  }
  std::vector<EvalQuery> queries;
  for (auto& [id, q] : by_sentence) queries.push_back(std::move(q));
  // KB_EVAL_LIMIT=n: every (21015 / n)-th query only, for a quick look.
  if (const char* limit = std::getenv("KB_EVAL_LIMIT")) {
    const std::size_t step = std::max<std::size_t>(1, queries.size() / std::max(1, std::atoi(limit)));
    std::vector<EvalQuery> some;
    for (std::size_t i = 0; i < queries.size(); i += step) some.push_back(queries[i]);
    queries.swap(some);
  }
  std::printf("AFQMC: %zu pairs, %zu distinct sentences (the KB), %zu queries\n", labelled.size(), kb.docs.size(),
              queries.size());

  const TextTools tools = load_tools();
  auto t = std::chrono::steady_clock::now();
  const Matcher kb_only = Matcher::build(tools, kb, {}, 1);
  std::printf("build (index + train on the KB alone): %.1f s; %zu pseudo queries, held-out top-1 %.3f\n",
              seconds_since(t), kb_only.report().pseudo_queries, kb_only.report().heldout_top1);
  Metrics with_pairs;
  std::vector<std::pair<float, bool>> auc_kb, auc_pairs;
  for (int fold = 0; fold < 2; ++fold) {
    std::vector<ParaphrasePair> train;
    for (const auto& p : labelled) {
      if (fold_of(p.a) != fold && fold_of(p.b) != fold) train.push_back({text[p.a], text[p.b], p.same});
    }
    t = std::chrono::steady_clock::now();
    const Matcher m = Matcher::build(tools, kb, train, 1);
    std::printf("build with the %zu pairs outside fold %d: %.1f s\n", m.report().pairs, fold, seconds_since(t));
    with_pairs.merge(evaluate(m, queries, Stage::kReranked, fold));
    // The held-out pairs: both sentences in this fold.
    for (const auto& p : labelled) {
      if (fold_of(p.a) != fold || fold_of(p.b) != fold) continue;
      auc_pairs.emplace_back(m.similarity(text[p.a], text[p.b]), p.same);
      auc_kb.emplace_back(kb_only.similarity(text[p.a], text[p.b]), p.same);
    }
  }
  header();
  evaluate(kb_only, queries, Stage::kWords).print("(i) BM25 words (baseline)");
  evaluate(kb_only, queries, Stage::kFused).print("(ii) BM25 words + char n-grams, RRF");
  evaluate(kb_only, queries, Stage::kReranked).print("(iii) + re-ranker trained on the KB alone");
  with_pairs.print("(iv) + re-ranker trained on pairs (2-fold)");
  std::printf("\nPair classification on the %zu held-out pairs (both sentences in the evaluated fold), ROC AUC:\n",
              auc_pairs.size());
  std::printf("  re-ranker trained on the KB alone: %.3f\n  re-ranker trained on the other fold's pairs: %.3f\n",
              auc(auc_kb), auc(auc_pairs));
  return 0;
}

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(line);
  while (std::getline(in, part, sep)) parts.push_back(part);
  return parts;
}

// kb.tsv: faq_id TAB standard question TAB similar questions (|-separated) TAB keywords (|)
// queries.tsv: query TAB faq_id;  synonyms.tsv: one group a line, terms TAB-separated.
int retail(const std::string& dir) {
  KbSnapshot kb;
  std::ifstream kb_in(dir + "/kb.tsv"), q_in(dir + "/queries.tsv"), syn_in(dir + "/synonyms.tsv");
  if (!kb_in || !q_in) throw std::runtime_error("cannot read " + dir + "/kb.tsv or queries.tsv");
  std::string line;
  while (std::getline(kb_in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto f = split(line, '\t');
    if (f.size() < 3) throw std::runtime_error("bad kb.tsv line: " + line);
    kb.docs.push_back(
        {std::stoll(f[0]), f[1], split(f[2], '|'), f.size() > 3 ? split(f[3], '|') : std::vector<std::string>{}});
  }
  while (std::getline(syn_in, line)) {
    if (!line.empty() && line[0] != '#') kb.synonyms.push_back(split(line, '\t'));
  }
  std::vector<EvalQuery> queries;
  while (std::getline(q_in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto f = split(line, '\t');
    if (f.size() != 2) throw std::runtime_error("bad queries.tsv line: " + line);
    queries.push_back({f[0], -1, {std::stoll(f[1])}, 0});
  }
  std::printf("retail: %zu entries, %zu synonym groups, %zu queries\n", kb.docs.size(), kb.synonyms.size(),
              queries.size());
  const TextTools tools = load_tools();
  const Matcher m = Matcher::build(tools, kb, {}, 1);
  KbSnapshot bare = kb;
  bare.synonyms.clear();
  for (auto& d : bare.docs) d.keywords.clear();
  const Matcher no_synonyms = Matcher::build(tools, bare, {}, 1);
  std::printf("trained on %zu KB queries + %zu pseudo queries; held-out top-1 %.3f\n", m.report().kb_queries,
              m.report().pseudo_queries, m.report().heldout_top1);
  header();
  evaluate(m, queries, Stage::kWords).print("(i) BM25 words (baseline)");
  evaluate(m, queries, Stage::kFused).print("(ii) BM25 words + char n-grams, RRF");
  evaluate(m, queries, Stage::kReranked).print("(iii) + re-ranker trained on the KB");
  evaluate(no_synonyms, queries, Stage::kReranked).print("(iii) without synonyms and keywords");
  // Learning from use, 2-fold: the other half's test queries come back as usage signals
  // (a customer clicked the right suggestion); each half is scored by the matcher built
  // with the other half's signals.
  Metrics with_signals;
  for (int fold = 0; fold < 2; ++fold) {
    KbSnapshot used = kb;
    std::vector<EvalQuery> held;
    for (std::size_t i = 0; i < queries.size(); ++i) {
      if (static_cast<int>(i % 2) == fold) {
        held.push_back(queries[i]);
      } else {
        used.signals.push_back({queries[i].text, *queries[i].answers.begin()});
      }
    }
    with_signals.merge(evaluate(Matcher::build(tools, used, {}, 1), held, Stage::kReranked));
  }
  with_signals.print("(v) + the other half's queries as signals");
  // Each of the top 3 items: is the raw score or the calibrated probability the better
  // measure of "this item is the right entry"? ROC AUC over all shown items.
  {
    std::vector<std::pair<float, int>> by_score, by_probability;
    for (const auto& q : queries)
      for (const auto& item : m.match(q.text, 3).items) {
        const int right = q.answers.count(item.faq_id) ? 1 : 0;
        by_score.push_back({item.score, right});
        by_probability.push_back({item.probability, right});
      }
    const auto auc = [](std::vector<std::pair<float, int>> v) {
      std::sort(v.begin(), v.end());
      double pos = 0, neg = 0, sum = 0;
      for (const auto& [s, y] : v) (y ? pos : neg) += 1;
      double rank = 0;
      for (std::size_t i = 0; i < v.size();) {
        std::size_t j = i;
        while (j < v.size() && v[j].first == v[i].first) ++j;
        const double mid = rank + (static_cast<double>(j - i) + 1) / 2;
        for (std::size_t k = i; k < j; ++k)
          if (v[k].second) sum += mid;
        rank += static_cast<double>(j - i);
        i = j;
      }
      return pos && neg ? (sum - pos * (pos + 1) / 2) / (pos * neg) : 0.0;
    };
    std::size_t wrong_high_score = 0, wrong_high_probability = 0, shown = by_score.size();
    for (std::size_t i = 0; i < shown; ++i) {
      if (!by_score[i].second && by_score[i].first >= 0.5f) ++wrong_high_score;
      if (!by_probability[i].second && by_probability[i].first >= 0.5f) ++wrong_high_probability;
    }
    std::printf(
        "\nTop-3 items (%zu shown): is the item the right entry? ROC AUC of the raw score %.3f, of the "
        "calibrated probability %.3f; wrong items at >= 0.5: %zu by score, %zu by probability\n",
        shown, auc(by_score), auc(by_probability), wrong_high_score, wrong_high_probability);
  }
  // The bot's guesses (您是不是想问, bot/domain/turn.hpp): when the confidence is in [0.3, 0.6),
  // it offers up to three items whose own measure reaches 0.3. By score or by probability?
  {
    std::size_t asked = 0, by_score = 0, by_probability = 0, hit_score = 0, hit_probability = 0;
    for (const auto& q : queries) {
      const MatchResult r = m.match(q.text, 3);
      if (r.items.empty() || r.confidence < 0.3f || r.confidence >= 0.6f) continue;
      ++asked;
      bool hs = false, hp = false;
      for (const auto& item : r.items) {
        const bool right = q.answers.count(item.faq_id) > 0;
        if (item.score >= 0.3f) ++by_score, hs = hs || right;
        if (item.probability >= 0.3f) ++by_probability, hp = hp || right;
      }
      hit_score += hs, hit_probability += hp;
    }
    std::printf(
        "\nThe bot's guesses for the %zu queries it would suggest for (confidence in [0.3, 0.6)): by score "
        "%zu guesses, the right one among them %zu times; by probability %zu guesses, right %zu times\n",
        asked, by_score, hit_score, by_probability, hit_probability);
  }
  // Confidence: how often the top answer is right above each threshold.
  std::printf("\n| confidence >= | answered | right when answered |\n|---:|---:|---:|\n");
  for (float threshold : {0.0f, 0.3f, 0.5f, 0.7f, 0.9f}) {
    std::size_t answered = 0, right = 0;
    for (const auto& q : queries) {
      const MatchResult r = m.match(q.text, 1);
      if (r.items.empty() || r.confidence < threshold) continue;
      ++answered;
      right += q.answers.count(r.items[0].faq_id);
    }
    std::printf("| %.1f | %zu / %zu | %.1f%% |\n", threshold, answered, queries.size(),
                answered ? 100.0 * static_cast<double>(right) / static_cast<double>(answered) : 0.0);
  }
  // Mistakes, for reading (our own texts).
  if (std::getenv("KB_EVAL_VERBOSE")) {
    for (const auto& q : queries) {
      const MatchResult r = m.match(q.text, 1);
      if (!r.items.empty() && !q.answers.count(r.items[0].faq_id)) {
        std::printf("MISS %s -> %s (%.2f) want %lld\n", q.text.c_str(), r.items[0].question.c_str(), r.confidence,
                    static_cast<long long>(*q.answers.begin()));
      }
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "afqmc" && argc == 3) return afqmc(argv[2]);
    if (mode == "retail" && argc == 3) return retail(argv[2]);
    std::cerr << "usage: kb_match_eval afqmc <afqmc.dev.csv> | retail <dir with kb.tsv, queries.tsv, synonyms.tsv>\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "kb_match_eval: " << e.what() << "\n";
    return 1;
  }
}
