#include "kb/domain/model.hpp"

#include <gtest/gtest.h>

#include "kb/domain/logistic.hpp"

namespace kefu::kb {
namespace {

TEST(KbModel, SaveParseRoundTrip) {
  RerankModel m;
  m.trained = true;
  for (std::size_t k = 0; k < kFeatureCount; ++k) {
    m.mean[k] = 0.1f * static_cast<float>(k) + 1e-7f;
    m.scale[k] = 1.0f / 3;
    m.weights[k] = -0.5f + 0.1f * static_cast<float>(k);
  }
  m.bias = -1.25f;
  m.calibration = {0.9f, 0.2f, -0.3f};
  m.calibrated = true;
  m.token_weights = {{0xFEDCBA9876543210ull, 1.5f}, {42, -0.25f}};
  const auto back = RerankModel::parse(m.save());
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->save(), m.save());
  EXPECT_EQ(back->weights, m.weights);
  EXPECT_EQ(back->token_weights, m.token_weights);
}

TEST(KbModel, ParseRejectsOtherText) {
  EXPECT_FALSE(RerankModel::parse("").has_value());
  EXPECT_FALSE(RerankModel::parse("kefu-kb-model 2\n").has_value());
  std::string s = RerankModel{}.save();
  s.replace(s.find("bm25_words"), 10, "bm25_other");
  EXPECT_FALSE(RerankModel::parse(s).has_value());
}

TEST(KbLogistic, LearnsASeparatingDirection) {
  // y = 1 when x0 > x1 (noisy-free), x2 irrelevant.
  std::vector<float> x;
  std::vector<unsigned char> y;
  for (int i = 0; i < 200; ++i) {
    const float a = static_cast<float>(i % 17) / 17, b = static_cast<float>(i % 11) / 11, c = static_cast<float>(i % 5);
    x.insert(x.end(), {a, b, c});
    y.push_back(a > b ? 1 : 0);
  }
  const LogisticFit f = fit_logistic(x, 3, y, {}, 1e-3);
  ASSERT_TRUE(f.ok);
  EXPECT_GT(f.weights[0], 1);
  EXPECT_LT(f.weights[1], -1);
  EXPECT_FALSE(fit_logistic(x, 3, std::vector<unsigned char>(200, 1), {}, 1e-3).ok);
}

}  // namespace
}  // namespace kefu::kb
