#include "kb/domain/token_weights.hpp"

#include <gtest/gtest.h>

namespace kefu::kb {
namespace {

Weighed tokens(std::initializer_list<Token> ts) {
  Weighed w;
  for (Token t : ts) w.terms.push_back(t), w.tf.push_back(1), w.idf.push_back(1);
  return w;
}

TEST(KbTokenWeights, DecisiveWordsWeighMoreThanNoise) {
  constexpr Token kTopic = 1, kGold = 2, kSilver = 3, kPlease = 4;
  MismatchCounts counts;
  for (int i = 0; i < 10; ++i) {
    counts.add(tokens({kTopic, kGold}), tokens({kTopic, kSilver}), false);        // 金卡 … vs 银卡 …
    counts.add(tokens({kTopic, kGold}), tokens({kTopic, kGold, kPlease}), true);  // 请问 changes nothing
  }
  const TokenWeights w = counts.weights();
  ASSERT_TRUE(w.count(kGold) && w.count(kSilver) && w.count(kPlease));
  EXPECT_GT(w.at(kSilver), 0.5f);
  EXPECT_LT(w.at(kPlease), 0.0f);
  EXPECT_FALSE(w.count(kTopic));  // never on one side only
}

TEST(KbTokenWeights, FewObservationsStayNearZero) {
  MismatchCounts one, many;
  one.add(tokens({1}), tokens({2}), false);
  one.add(tokens({3}), tokens({3, 4}), true);
  for (int i = 0; i < 20; ++i) {
    many.add(tokens({1}), tokens({2}), false);
    many.add(tokens({3}), tokens({3, 4}), true);
  }
  EXPECT_LT(one.weights().at(2), many.weights().at(2));
}

TEST(KbTokenWeights, MergeEqualsCountingTogether) {
  MismatchCounts a, b, both;
  a.add(tokens({1}), tokens({2}), false);
  b.add(tokens({1}), tokens({1, 3}), true);
  both.add(tokens({1}), tokens({2}), false);
  both.add(tokens({1}), tokens({1, 3}), true);
  a.merge(b);
  EXPECT_EQ(a.weights(), both.weights());
}

}  // namespace
}  // namespace kefu::kb
