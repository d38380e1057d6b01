#include "performance/domain/kpi.hpp"

#include <gtest/gtest.h>

#include "core/domain/error.hpp"

namespace kefu::performance {
namespace {

TEST(KpiAchievement, EachDirectionAgainstItsTarget) {
  struct Row {
    const char* measure;
    double value, target, expected;
  };
  const Row rows[] = {
      {"contacts", 150, 150, 1},     {"contacts", 75, 150, 0.5},    {"contacts", 300, 150, 1},  // capped at 1
      {"contacts", 0, 0, 1},                                                                    // no target: met
      {"csat", 4.5, 4.5, 1},         {"csat", 3.6, 4.5, 0.8},       {"sla_compliance", 45, 90, 0.5},
      {"first_response", 20, 30, 1}, {"first_response", 30, 30, 1}, {"first_response", 60, 30, 0.5},
      {"resolution", 960, 480, 0.5}, {"reopen_rate", 10, 5, 0.5},   {"reopen_rate", 3, 0, 0},
      {"reopen_rate", 0, 0, 1},      {"complaints", 0, 0, 1},       {"complaints", 1, 0, 0.5},
      {"complaints", 1.5, 0, 0.25},  {"complaints", 2, 0, 0},       {"complaints", 3, 0, 0},
      {"complaints", 2, 1, 0.5},     {"praise", 1, 2, 0.5},         {"qa_score", 99, 90, 1},
  };
  for (const auto& r : rows)
    EXPECT_DOUBLE_EQ(achievement(Measure::of(r.measure), r.value, r.target), r.expected)
        << r.measure << " " << r.value << " vs " << r.target;
}

TEST(KpiScore, WeightsOfMeasuredOnesOnly) {
  const KpiRules rules = {{"contacts", 20, 100}, {"csat", 40, 4.5}, {"complaints", 20, 0}, {"qa_score", 20, 90}};
  struct Row {
    const char* story;
    Figures f;
    std::optional<double> expected;
  };
  const Row rows[] = {
      {"all met", {.contacts = 120, .csat = 4.8, .complaints = 0, .qa_score = 95}, 100},
      {"half the contacts", {.contacts = 50, .csat = 4.5, .complaints = 0, .qa_score = 90}, 90},
      {"one upheld complaint", {.contacts = 100, .csat = 4.5, .complaints = 1, .qa_score = 90}, 90},
      // No QA this month: its 20 falls to the others (contacts 20, csat 40, complaints 20 of 80).
      {"no QA", {.contacts = 50, .csat = 4.5, .complaints = 0}, 87.5},
      {"no CSAT nor QA", {.contacts = 100, .complaints = 2}, 50},
      {"nothing measured", {}, std::nullopt},
      {"csat 3.0 of 4.5", {.contacts = 100, .csat = 3.0, .complaints = 0, .qa_score = 90}, 86.7},
  };
  for (const auto& r : rows) EXPECT_EQ(score(r.f, rules).score, r.expected) << r.story;
}

TEST(KpiScore, PartsExplainTheScore) {
  auto s = score({.contacts = 75, .first_response_min = 60}, {{"contacts", 50, 150}, {"first_response", 50, 30}});
  ASSERT_EQ(s.parts.size(), 2u);
  EXPECT_TRUE(s.parts[0].counted);
  EXPECT_DOUBLE_EQ(s.parts[0].achievement, 0.5);
  EXPECT_DOUBLE_EQ(s.parts[0].points, 25);
  EXPECT_DOUBLE_EQ(s.parts[1].points, 25);
  EXPECT_EQ(s.score, 50);
  // A weight of 0 is shown, not counted.
  auto z = score({.contacts = 75, .csat = 2}, {{"contacts", 100, 150}, {"csat", 0, 4.5}});
  EXPECT_FALSE(z.parts[1].counted);
  EXPECT_EQ(z.score, 50);
}

TEST(KpiRules, DefaultsAreValidAndAddUpTo100) {
  auto d = normalise_kpi_rules(default_kpi_rules());
  int total = 0;
  for (const auto& r : d) total += r.weight;
  EXPECT_EQ(total, 100);
  EXPECT_EQ(d.size(), kMeasures.size());
}

TEST(KpiRules, WhatAManagerCannotSave) {
  struct Row {
    KpiRules rules;
    const char* field;
  };
  const Row rows[] = {
      {{{"contacts", 101, 10}}, "kpi[0].weight"},
      {{{"contacts", -1, 10}}, "kpi[0].weight"},
      {{{"contacts", 10, 10}, {"csat", 10, 6}}, "kpi[1].target"},
      {{{"sla_compliance", 10, 101}}, "kpi[0].target"},
      {{{"contacts", 10, -1}}, "kpi[0].target"},
      {{{"contacts", 10, 10}, {"contacts", 5, 10}}, "kpi[1].measure"},
      {{{"contacts", 0, 10}}, "kpi"},
      {{}, "kpi"},
  };
  for (const auto& r : rows) {
    try {
      normalise_kpi_rules(r.rules);
      ADD_FAILURE() << r.field;
    } catch (const Error& e) {
      EXPECT_EQ(e.field(), r.field);
    }
  }
  auto ok = normalise_kpi_rules({{"csat", 100, 4.6}});
  EXPECT_EQ(ok.size(), kMeasures.size());
  EXPECT_EQ(ok[4], (KpiRule{"csat", 100, 4.6}));
  EXPECT_EQ(ok[0], (KpiRule{"contacts", 0, 0}));
}

}  // namespace
}  // namespace kefu::performance
