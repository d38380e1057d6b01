#pragma once
// Groups the questions the bot could not answer (未解决问题聚类), so that an admin turns a
// group into one FAQ entry, or into similar questions of an existing one, in one action.
// Pure: the measure of likeness is handed in (the matcher's re-ranker in the server,
// app::Knowledge::similarity), and so are the limits on the work.
//
// The method: the same text asked several times is one item (its count adds up); items
// are taken most asked first, and each joins the group whose first item (its leader) it
// is most like, when that likeness reaches the threshold, or leads a new group. The
// likeness (the matcher's re-ranker, ~40–80 µs a pair) is computed only against the
// leaders that share the most with the item — characters weighted by how rare they are
// among the questions (idf), so that 请问 and 吗 hardly count — at most
// ClusterLimits::candidates of them; a leader without a character in common is never
// compared (it cannot be the same question in Chinese). When the comparisons allowed are used up, the remaining items
// stay alone.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/domain/turn.hpp"

namespace kefu::bot {

struct AskedQuestion {
  std::string text;
  int64_t store_id = 0;
  int64_t at = 0;
  std::optional<Guess> guess;  // the matcher's best guess at the time, if any
};

struct QuestionCluster {
  std::string key;                     // its leader's text (stable while the leader stays)
  int64_t size = 0;                    // questions asked (repeats counted)
  std::vector<std::string> questions;  // distinct texts, most asked first, at most ClusterLimits::shown
  std::vector<int64_t> stores;         // ascending
  int64_t last_at = 0;
  std::optional<Guess> guess;  // the entry most often guessed for its questions
};

struct ClusterLimits {
  double threshold = 0.5;               // likeness (a probability) needed to join a group
  std::size_t shown = 10;               // texts listed per group
  std::size_t candidates = 16;          // leaders compared per item: those sharing the most characters
  std::size_t max_comparisons = 20000;  // likeness computations allowed in one run
};

using Similarity = std::function<double(std::string_view, std::string_view)>;

// Groups, biggest first (then the latest asked). `asked` in any order.
std::vector<QuestionCluster> cluster_questions(const std::vector<AskedQuestion>& asked, const Similarity& similarity,
                                               const ClusterLimits& limits = {});

}  // namespace kefu::bot
