#include "feedback/domain/classifier.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "kb/domain/kb_test_support.hpp"

namespace kefu::feedback {
namespace {

const kb::TextTools& tools() { return kb::testing::tools(); }

// A small retail set written for these tests: what shoppers of a department store say.
std::vector<Example> topic_examples() {
  return {
      {"停车场太难找车位了，转了半个小时", "停车"},
      {"地下车库停车费太贵", "停车"},
      {"停车券怎么用不了", "停车"},
      {"出口缴停车费排了好久", "停车"},
      {"车位太窄，停车很困难", "停车"},
      {"车库里指示牌看不清，找不到车", "停车"},
      {"收银员态度很差，爱理不理", "服务态度"},
      {"导购很热情，耐心帮我挑衣服", "服务态度"},
      {"服务员说话很不客气", "服务态度"},
      {"店员态度冷淡，问什么都不回答", "服务态度"},
      {"服务台的工作人员很耐心", "服务态度"},
      {"保安态度粗暴，还凶人", "服务态度"},
      {"买的鞋子想退货，柜台不给退", "退换货"},
      {"衣服尺码不对，换货太麻烦", "退换货"},
      {"退款等了十天还没到账", "退换货"},
      {"七天无理由退货说不行", "退换货"},
      {"换一个颜色要填好多单子", "退换货"},
      {"退货流程很快，当场就退了钱", "退换货"},
      {"洗手间很脏，地上都是水", "环境卫生"},
      {"卫生间有异味，没人打扫", "环境卫生"},
      {"美食区桌子油腻，垃圾没人收", "环境卫生"},
      {"商场里很干净，地面很亮", "环境卫生"},
      {"垃圾桶满了也没人清理", "环境卫生"},
      {"厕所没有纸，也很脏", "环境卫生"},
  };
}

std::vector<Example> sentiment_examples() {
  return {
      {"导购很热情，非常满意", "positive"},   {"退货很快，体验很好", "positive"},
      {"商场干净整洁，很舒服", "positive"},   {"停车方便，还有免费券，满意", "positive"},
      {"服务员很耐心，谢谢", "positive"},     {"环境好，服务好，下次还来", "positive"},
      {"态度太差了，非常失望", "negative"},   {"停车费太贵，很不满意", "negative"},
      {"洗手间很脏，太差了", "negative"},     {"退款拖了很久，很生气", "negative"},
      {"排队太久，没人管，失望", "negative"}, {"店员不理人，差评", "negative"},
      {"柜台不给换，很不满意", "negative"},   {"说好的退款一直不给，差评", "negative"},
  };
}

TrainOptions small_options(Method method) {
  TrainOptions o;
  o.method = method;
  o.epochs = 30;  // a few dozen rows: more passes
  return o;
}

struct Case {
  const char* text;
  const char* topic;
  const char* sentiment;
};

// Texts the models did not see.
const Case kTable[] = {
    {"停车场找不到车位", "停车", "negative"},       {"收银员态度很热情，满意", "服务态度", "positive"},
    {"想退货但是柜台不给退", "退换货", "negative"}, {"洗手间太脏了", "环境卫生", "negative"},
    {"商场很干净很舒服", "环境卫生", "positive"},
};

class ClassifierTable : public ::testing::TestWithParam<Method> {};

TEST_P(ClassifierTable, PredictsTopicAndSentimentOfUnseenTexts) {
  const auto topics = topic_examples(), moods = sentiment_examples();
  const auto topic = Classifier::train(topics, small_options(GetParam()), 7, tools());
  const auto sentiment = Classifier::train(moods, small_options(GetParam()), 7, tools());
  ASSERT_TRUE(topic && sentiment);
  for (const Case& c : kTable) {
    const Prediction t = topic->predict(c.text), s = sentiment->predict(c.text);
    EXPECT_EQ(t.label, c.topic) << c.text;
    EXPECT_EQ(s.label, c.sentiment) << c.text;
    EXPECT_DOUBLE_EQ(t.score, t.probability(t.label));
    const bool positive = std::string(c.sentiment) == "positive";
    EXPECT_EQ(s.probability("positive") > 0.5, positive) << c.text;
  }
}

INSTANTIATE_TEST_SUITE_P(Methods, ClassifierTable, ::testing::Values(Method::naive_bayes, Method::logistic_regression),
                         [](const auto& info) {
                           return std::string(info.param == Method::naive_bayes ? "NaiveBayes" : "Logistic");
                         });

TEST(Classifier, ProbabilitiesSumToOneInLabelOrder) {
  const auto topics = topic_examples();
  const auto c = Classifier::train(topics, small_options(Method::logistic_regression), 1, tools());
  ASSERT_TRUE(c);
  EXPECT_EQ(c->labels(), (std::vector<std::string>{"停车", "服务态度", "环境卫生", "退换货"}));
  const Prediction p = c->predict("随便说一句");
  double total = 0;
  for (std::size_t i = 0; i < p.all.size(); ++i) {
    EXPECT_EQ(p.all[i].first, c->labels()[i]);
    total += p.all[i].second;
  }
  EXPECT_NEAR(total, 1.0, 1e-9);
}

TEST(Classifier, ReportKeepsHeldOutFigures) {
  const auto topics = topic_examples();
  const auto c = Classifier::train(topics, small_options(Method::logistic_regression), 3, tools());
  ASSERT_TRUE(c);
  const TrainingReport& r = c->report();
  EXPECT_EQ(r.examples, 24u);
  EXPECT_EQ(r.trained_on, 24u);
  EXPECT_EQ(r.held_out.n, 4u);  // 20 % of 6 per class rounds to 1
  EXPECT_EQ(r.held_out.classes.size(), 4u);
  EXPECT_GE(r.held_out.accuracy, 0.0);
  EXPECT_LE(r.held_out.macro_f1, 1.0);
}

TEST(Classifier, NothingToLearnFromOneLabel) {
  const std::vector<Example> one = {{"停车难", "停车"}, {"车位少", "停车"}};
  EXPECT_FALSE(Classifier::train(one, {}, 1, tools()));
  EXPECT_FALSE(Classifier::train(std::vector<Example>{}, {}, 1, tools()));
}

TEST(Classifier, SameSeedSameModelBytes) {
  const auto topics = topic_examples();
  for (Method m : {Method::naive_bayes, Method::logistic_regression}) {
    const auto a = Classifier::train(topics, small_options(m), 42, tools());
    const auto b = Classifier::train(topics, small_options(m), 42, tools());
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->save(), b->save());
  }
  const auto c = Classifier::train(topics, small_options(Method::logistic_regression), 43, tools());
  const auto a = Classifier::train(topics, small_options(Method::logistic_regression), 42, tools());
  EXPECT_NE(a->save(), c->save());
}

TEST(Classifier, SaveLoadRoundTrip) {
  const auto topics = topic_examples();
  for (Method m : {Method::naive_bayes, Method::logistic_regression}) {
    const auto a = Classifier::train(topics, small_options(m), 5, tools());
    ASSERT_TRUE(a);
    const std::string bytes = a->save();
    const auto b = Classifier::load(bytes, tools());
    ASSERT_TRUE(b);
    EXPECT_EQ(b->save(), bytes);
    EXPECT_EQ(b->labels(), a->labels());
    EXPECT_EQ(b->report().held_out.macro_f1, a->report().held_out.macro_f1);
    for (const Case& c : kTable) {
      const Prediction pa = a->predict(c.text), pb = b->predict(c.text);
      EXPECT_EQ(pa.label, pb.label);
      EXPECT_DOUBLE_EQ(pa.score, pb.score);
    }
  }
}

TEST(Classifier, LoadRefusesOtherBytes) {
  EXPECT_FALSE(Classifier::load("", tools()));
  EXPECT_FALSE(Classifier::load("not a model", tools()));
  const auto a = Classifier::train(topic_examples(), small_options(Method::naive_bayes), 5, tools());
  const std::string bytes = a->save();
  EXPECT_FALSE(Classifier::load(bytes.substr(0, bytes.size() - 1), tools()));
  EXPECT_FALSE(Classifier::load(bytes + "x", tools()));
}

TEST(Classifier, PredictIsSafeFromManyThreads) {
  const auto c = Classifier::train(topic_examples(), small_options(Method::logistic_regression), 5, tools());
  const Prediction expected = c->predict("停车场找不到车位");
  std::vector<std::thread> threads;
  std::vector<int> same(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) same[t] += c->predict("停车场找不到车位").score == expected.score;
    });
  for (auto& t : threads) t.join();
  for (int s : same) EXPECT_EQ(s, 50);
}

Prediction made(std::vector<double> p) {
  Prediction out;
  for (std::size_t i = 0; i < p.size(); ++i) out.all.emplace_back("l" + std::to_string(i), p[i]);
  return out;
}

TEST(LeastCertain, SmallestMarginFirstTiesByIndex) {
  const std::vector<Prediction> items = {
      made({0.9, 0.05, 0.05}),  // margin 0.85
      made({0.4, 0.35, 0.25}),  // 0.05
      made({0.5, 0.5, 0.0}),    // 0
      made({0.6, 0.3, 0.1}),    // 0.3
      made({0.3, 0.4, 0.3}),    // 0.1
      made({0.5, 0.0, 0.5}),    // 0
  };
  EXPECT_EQ(least_certain(items, 4), (std::vector<std::size_t>{2, 5, 1, 4}));
  EXPECT_EQ(least_certain(items, 10).size(), 6u);
  EXPECT_TRUE(least_certain(items, 0).empty());
}

}  // namespace
}  // namespace kefu::feedback
