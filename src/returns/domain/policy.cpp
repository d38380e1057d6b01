// The default returns policy and the validation of an edited one (policy.hpp).
#include "returns/domain/policy.hpp"

#include <algorithm>
#include <set>

#include "core/domain/errors.hpp"
#include "core/text/normalize.hpp"
#include "members/domain/member_vocabulary.hpp"

namespace kefu::returns {
namespace {

Rule rule(std::string id, std::string name, Scope scope, Match match, std::string decision, std::string remedy,
          Words customer, Words agent) {
  return {std::move(id),
          std::move(name),
          true,
          std::move(scope),
          std::move(match),
          {std::move(decision), std::move(remedy), std::move(customer), std::move(agent)}};
}

std::vector<Rule> quality_rules() {
  return {
      rule("quality_return_7", "质量问题 7 天内退货", {}, {.quality_issue = true, .max_days = 7}, "approve", "refund",
           {"商品存在质量问题，购买 7 天内可以退货，我们为您办理退款。",
            "The item has a quality fault and was bought within 7 days: we refund it."},
           {"三包：质量问题 7 日内退货。请核对故障并收回商品及配件、赠品。",
            "Three guarantees: a quality fault within 7 days is a return. Check the fault; take back the item, its "
            "accessories and gifts."}),
      rule("quality_exchange_15", "质量问题 15 天内换货", {}, {.quality_issue = true, .max_days = 15}, "approve",
           "exchange",
           {"商品存在质量问题，购买 15 天内可以为您换同款新品。",
            "The item has a quality fault and was bought within 15 days: we exchange it for a new one."},
           {"三包：质量问题 8 至 15 日内换货。无同款时可改为退货，需主管同意。",
            "Three guarantees: a quality fault on days 8 to 15 is an exchange. Without stock, a refund needs a "
            "supervisor."}),
      rule("quality_repair_warranty", "保修期内质量问题维修", {.categories = covered_categories()},
           {.quality_issue = true, .max_days = kDefaultWarrantyDays}, "approve", "repair",
           {"商品在保修期内，我们为您免费维修。", "The item is under warranty: we repair it free of charge."},
           {"三包：保修期内（默认 365 天）免费维修。请开具维修单并告知顾客取件时间。",
            "Three guarantees: free repair within the warranty (365 days by default). Open a repair order and tell "
            "the customer when to collect."}),
      rule("quality_other", "其他质量问题由主管处理", {}, {.quality_issue = true}, "needs_approval", "exchange",
           {"您反映的质量问题需要主管确认处理方式，请稍候。",
            "A supervisor will decide how to put the quality fault right; please wait a moment."},
           {"超过三包期限的质量问题：请主管根据商品情况决定换货、维修或补偿。",
            "A quality fault beyond the guarantee periods: a supervisor decides on exchange, repair or "
            "compensation."}),
  };
}

std::vector<Rule> no_reason_rules() {
  return {
      rule("excluded_categories", "特殊商品不支持无理由退货",
           {.categories = {"underwear_swimwear", "customised", "food_fresh", "gift_card"}}, {.quality_issue = false},
           "refuse", "none",
           {"内衣泳装、定制商品、生鲜食品和礼品卡出于卫生和商品特性，非质量问题不退换，敬请谅解。",
            "Underwear and swimwear, customised goods, fresh food and gift cards cannot be returned without a "
            "quality fault."},
           {"不适用无理由退货的品类；如顾客反映质量问题，请改按质量问题登记。",
            "A category excluded from no-reason returns; if the customer reports a fault, record it as a quality "
            "issue."}),
      rule("opened_food", "已拆封食品不退", {.categories = {"food_packaged"}},
           {.conditions = {"opened", "used", "damaged"}, .quality_issue = false}, "refuse", "none",
           {"食品拆封后，非质量问题不能退货，敬请谅解。",
            "Opened food cannot be returned unless it has a quality fault."},
           {"已拆封的预包装食品不适用无理由退货。", "Opened packaged food is excluded from no-reason returns."}),
      rule("clearance_final", "清仓特价商品不退", {}, {.quality_issue = false, .promotions = {"clearance"}}, "refuse",
           "none",
           {"清仓特价商品售出时已说明非质量问题不退换。",
            "Clearance items were sold as final: no return without a quality fault."},
           {"清仓特价商品不适用无理由退货；质量问题照常受理。",
            "Clearance items are excluded from no-reason returns; quality faults are handled as usual."}),
      rule("not_resaleable", "已使用或损坏不退", {}, {.conditions = {"used", "damaged"}, .quality_issue = false},
           "refuse", "none",
           {"商品已使用或损坏，影响二次销售，非质量问题不能退货。",
            "The item is used or damaged and cannot be sold again: no return without a quality fault."},
           {"无理由退货要求商品完好、不影响二次销售。", "No-reason returns need goods that can be sold again."}),
      rule("platinum_30", "白金卡会员 30 天无理由退货", {.tiers = {"platinum"}},
           {.quality_issue = false, .max_days = 30}, "approve", "refund",
           {"作为白金卡会员，您享有 30 天无理由退货，我们为您办理退款。",
            "As a platinum member you may return goods within 30 days without a reason: we refund it."},
           {"会员权益：白金卡 30 天无理由退货。", "Member benefit: platinum members have 30 days."}),
      rule("gold_15", "金卡会员 15 天无理由退货", {.tiers = {"gold"}}, {.quality_issue = false, .max_days = 15},
           "approve", "refund",
           {"作为金卡会员，您享有 15 天无理由退货，我们为您办理退款。",
            "As a gold member you may return goods within 15 days without a reason: we refund it."},
           {"会员权益：金卡 15 天无理由退货。", "Member benefit: gold members have 15 days."}),
      rule("no_reason_7", "七天无理由退货", {}, {.quality_issue = false, .max_days = 7}, "approve", "refund",
           {"商品完好，购买 7 天内可以无理由退货，我们为您办理退款。",
            "The item is in good condition and was bought within 7 days: we refund it, no reason needed."},
           {"七天无理由退货：请检查商品、吊牌和包装完好，收回赠品。",
            "7-day no-reason return: check the item, tags and packaging; take back any gifts."}),
      rule("after_window", "超过无理由退货期限", {}, {.quality_issue = false}, "refuse", "none",
           {"已超过无理由退货期限，非质量问题不能退货，敬请谅解。",
            "The no-reason return period has passed; without a quality fault we cannot take the item back."},
           {"超过无理由退货期限。顾客坚持时可请主管酌情处理。",
            "Beyond the no-reason period. If the customer insists, a supervisor may make an exception."}),
  };
}

[[noreturn]] void bad(const std::string& field, const char* zh, const char* en) {
  throw make_error(errors::kInvalidField, {{"field", field}, {"problem", Text(zh, en)}}, field);
}

void check_text(const std::string& field, const std::string& v, std::size_t max, bool required, Text what) {
  if (!text::is_valid_utf8(v)) throw make_error(errors::kInvalidUtf8, {{"what", what}}, field);
  if (required && v.find_first_not_of(" \t\r\n") == std::string::npos)
    throw make_error(errors::kRequired, {{"what", what}}, field);
  if (text::utf8_length(v) > max) throw make_error(errors::kTooLong, {{"what", what}, {"max", max}}, field);
}

template <class V>
void check_codes(const std::string& field, const std::vector<std::string>& codes) {
  for (const auto& c : codes)
    if (!V::parse(c)) throw make_error(errors::kInvalidEnum, {{"field", field}, {"value", c}}, field);
}

bool id_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

void check_rule(const Rule& r, const std::string& at) {
  if (r.id.empty()) throw make_error(errors::kRequired, {{"what", Text("规则编号", "A rule id")}}, at + ".id");
  if (r.id.size() > kMaxRuleIdChars || !std::all_of(r.id.begin(), r.id.end(), id_char))
    bad(at + ".id", "只能用小写字母、数字和下划线，最多 40 个", "use a-z, 0-9 and _, at most 40");
  check_text(at + ".name", r.name, kMaxRuleNameChars, true, Text("规则名称", "The rule name"));
  check_codes<Category>(at + ".scope.categories", r.scope.categories);
  check_codes<people::Tier>(at + ".scope.tiers", r.scope.tiers);
  for (auto id : r.scope.store_ids)
    if (id <= 0) bad(at + ".scope.store_ids", "门店编号须为正数", "store ids are positive");
  for (const auto& b : r.scope.brands) check_text(at + ".scope.brands", b, 60, true, Text("品牌", "A brand"));
  check_codes<Condition>(at + ".match.conditions", r.match.conditions);
  check_codes<Promotion>(at + ".match.promotions", r.match.promotions);
  if (r.match.max_days && (*r.match.max_days < 0 || *r.match.max_days > kMaxDays))
    bad(at + ".match.max_days", "天数须在 0 到 3650 之间", "days must be from 0 to 3650");
  auto decision = Decision::parse(r.outcome.decision);
  if (!decision)
    throw make_error(errors::kInvalidEnum, {{"field", at + ".outcome.decision"}, {"value", r.outcome.decision}},
                     at + ".outcome.decision");
  auto remedy = Remedy::parse(r.outcome.remedy);
  if (!remedy)
    throw make_error(errors::kInvalidEnum, {{"field", at + ".outcome.remedy"}, {"value", r.outcome.remedy}},
                     at + ".outcome.remedy");
  if ((*decision == "refuse") != (*remedy == "none"))
    bad(at + ".outcome.remedy", "不予受理时处理方式为「不处理」，其他结论须选择退货、换货或维修",
        "a refusal has remedy none; other decisions need refund, exchange or repair");
  check_text(at + ".outcome.customer.zh", r.outcome.customer.zh, kMaxWordsChars, true,
             Text("对顾客的说明", "The words for the customer"));
  check_text(at + ".outcome.customer.en", r.outcome.customer.en, kMaxWordsChars, false,
             Text("对顾客的英文说明", "The English words for the customer"));
  check_text(at + ".outcome.agent.zh", r.outcome.agent.zh, kMaxWordsChars, false,
             Text("对客服的说明", "The words for the agent"));
  check_text(at + ".outcome.agent.en", r.outcome.agent.en, kMaxWordsChars, false,
             Text("对客服的英文说明", "The English words for the agent"));
}

}  // namespace

std::vector<std::string> covered_categories() { return {"electronics", "appliances", "watches"}; }

Policy default_policy() {
  Policy p;
  p.rules.push_back(rule("no_receipt", "无购物凭证需主管核实", {}, {.receipt = false}, "needs_approval", "refund",
                         {"没有找到您的购物凭证，需要主管核实购买记录，请稍候。",
                          "We could not find your receipt; a supervisor will check the purchase. Please wait."},
                         {"顾客未出示小票或发票，系统中也没有这笔购买记录：请主管核实购买时间和金额。",
                          "No receipt or invoice, and kefu has no record of the purchase: a supervisor checks the "
                          "date and the amount."}));
  for (auto& r : quality_rules()) p.rules.push_back(std::move(r));
  for (auto& r : no_reason_rules()) p.rules.push_back(std::move(r));
  return p;
}

void validate(const Policy& p) {
  if (p.rules.size() > kMaxRules) bad("rules", "规则不能超过 100 条", "at most 100 rules");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < p.rules.size(); ++i) {
    std::string at = "rules[" + std::to_string(i) + "]";
    check_rule(p.rules[i], at);
    if (!ids.insert(p.rules[i].id).second) bad(at + ".id", "规则编号重复", "the rule id is used twice");
  }
}

}  // namespace kefu::returns
