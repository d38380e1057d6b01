#include "tickets/domain/vocabulary.hpp"

#include <algorithm>
#include <array>

namespace kefu::ticket {
namespace {

constexpr std::array kTypes{
    Term{"inquiry", "咨询"},        Term{"complaint", "投诉"},           Term{"return", "退换货"},
    Term{"lost_found", "失物招领"}, Term{"service_request", "便民服务"}, Term{"suggestion", "建议"},
    Term{"praise", "表扬"},
};
constexpr std::array kChannels{
    Term{"service_desk", "总服务台"}, Term{"floor_desk", "楼层服务台"}, Term{"brand_counter", "品牌专柜"},
    Term{"cashier", "收银台"},        Term{"hotline", "客服热线"},      Term{"app", "APP/网页"},
    Term{"social_media", "社交媒体"}, Term{"comment_box", "意见箱"},    Term{"bot_handoff", "智能客服转人工"},
    Term{"email", "电子邮件"},
};
constexpr std::array kPriorities{
    Term{"P1", "P1 紧急（安全/食品/媒体曝光）"},
    Term{"P2", "P2 高（有索赔的投诉）"},
    Term{"P3", "P3 中（一般投诉）"},
    Term{"P4", "P4 低（咨询及其他）"},
};
constexpr std::array kStatuses{
    Term{"new", "新建"},
    Term{"in_progress", "处理中"},
    Term{"waiting_customer", "待顾客回复"},
    Term{"waiting_internal", "待内部协办"},
    Term{"resolved", "已办结"},
    Term{"closed", "已关闭"},
};
constexpr std::array kTaskStatuses{
    Term{"open", "待处理"},
    Term{"in_progress", "处理中"},
    Term{"done", "已完成"},
    Term{"cancelled", "已取消"},
};

bool contains(std::span<const Term> terms, std::string_view code) {
  return std::any_of(terms.begin(), terms.end(), [&](const Term& t) { return t.code == code; });
}

}  // namespace

std::span<const Term> types() { return kTypes; }
std::span<const Term> channels() { return kChannels; }
std::span<const Term> priorities() { return kPriorities; }
std::span<const Term> statuses() { return kStatuses; }
std::span<const Term> task_statuses() { return kTaskStatuses; }

bool is_type(std::string_view c) { return contains(kTypes, c); }
bool is_channel(std::string_view c) { return contains(kChannels, c); }
bool is_priority(std::string_view c) { return contains(kPriorities, c); }
bool is_status(std::string_view c) { return contains(kStatuses, c); }
bool is_task_status(std::string_view c) { return contains(kTaskStatuses, c); }

bool is_online_channel(std::string_view channel) {
  return channel == "app" || channel == "social_media" || channel == "bot_handoff" || channel == "email";
}

std::string_view default_priority(std::string_view type) {
  if (type == "complaint") return "P3";
  return "P4";
}

}  // namespace kefu::ticket
