#include "kb/domain/features.hpp"

#include <gtest/gtest.h>

#include "kb/domain/kb_test_support.hpp"

namespace kefu::kb {
namespace {

// A tiny corpus for the token statistics.
struct Corpus {
  Analyzer analyzer{testing::tools().segmenter, testing::tools().t2s, {}, {}};
  Bm25Index words, grams;
  Corpus() {
    for (const char* q : {"停车怎么收费", "发票怎么开", "会员卡怎么办理", "积分怎么兑换停车券", "可以借雨伞吗"}) {
      const Analysis a = analyzer.analyze(q);
      words.add({&a.words});
      grams.add({&a.grams});
    }
    words.finalize();
    grams.finalize();
  }
  Prepared prep(const char* text) const { return prepare({words, grams}, analyzer.analyze(text)); }
  Features f(const char* q, const char* d) const { return pair_features({words, grams}, prep(q), prep(d)); }
};

TEST(KbFeatures, IdenticalTextsOverlapFully) {
  const Corpus c;
  const Features f = c.f("停车怎么收费", "停車怎麼收費");
  for (std::size_t k : {0u, 1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u, 12u, 13u}) EXPECT_FLOAT_EQ(f[k], 1.0f) << kFeatureNames[k];
  EXPECT_FLOAT_EQ(f[10], 0.0f);
  EXPECT_FLOAT_EQ(f[11], 0.0f);
}

TEST(KbFeatures, RareWordsWeighMoreThanCommonOnes) {
  const Corpus c;
  // Both share one word with the question; 停车 is rarer in the corpus than 怎么.
  const Features rare = c.f("停车在哪", "停车怎么收费");
  const Features common = c.f("怎么在哪", "停车怎么收费");
  EXPECT_GT(rare[3], common[3]);  // word_precision
  EXPECT_GT(rare[0], 0.0f);
}

TEST(KbFeatures, UnrelatedTextsShareNothing) {
  const Corpus c;
  const Features f = c.f("雨伞", "发票");
  EXPECT_FLOAT_EQ(f[0], 0.0f);
  EXPECT_FLOAT_EQ(f[1], 0.0f);
  EXPECT_FLOAT_EQ(f[7], 0.0f);
  EXPECT_GT(f[10], 0.0f);
}

}  // namespace
}  // namespace kefu::kb
