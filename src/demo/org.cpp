// The demo organisation: two stores, eight departments, twenty staff.
#include <algorithm>

#include "demo/parts.hpp"

namespace kefu::demo::detail {
namespace {

// Opening periods for every weekday: Mon-Thu one set, Fri-Sun another.
std::vector<Period> weekly(const std::vector<std::pair<std::string, std::string>>& mon_thu,
                           const std::vector<std::pair<std::string, std::string>>& fri_sun) {
  std::vector<Period> hours;
  for (int wd = 0; wd < 7; ++wd) {
    const bool weekend = wd == 0 || wd >= 5;
    for (const auto& [open, close] : weekend ? fri_sun : mon_thu) hours.push_back({wd, open, close});
  }
  return hours;
}

struct StaffRow {
  const char* username;
  const char* display_name;
  const char* role;
  std::vector<std::string> stores;
  std::vector<std::string> departments;
};

}  // namespace

std::string PhoneBook::next(Rng& rng) {
  // Number segments actually issued by mainland carriers.
  static const char* const kPrefixes[] = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
                                          "150", "151", "152", "153", "155", "156", "157", "158", "159",
                                          "166", "173", "176", "177", "178", "180", "181", "182", "183",
                                          "185", "186", "187", "188", "189", "191", "195", "198", "199"};
  constexpr size_t kCount = sizeof kPrefixes / sizeof kPrefixes[0];
  for (;;) {
    std::string phone = kPrefixes[rng.index(kCount)];
    for (int i = 0; i < 8; ++i) phone.push_back(static_cast<char>('0' + rng.index(10)));
    if (used_.insert(phone).second) return phone;
  }
}

std::vector<Store> make_stores() {
  return {
      {"SH01", "恒悦百货（上海静安店）", "Asia/Shanghai", "上海市静安区南京西路1266号",
       weekly({{"10:00", "22:00"}}, {{"10:00", "22:30"}}), "021-6218 8800"},
      // The mall's service desk closes for a shift change at lunchtime, Monday to Thursday.
      {"CD01", "星汇里购物中心（成都高新店）", "Asia/Shanghai", "四川省成都市高新区天府大道北段966号",
       weekly({{"10:00", "13:30"}, {"14:00", "22:00"}}, {{"09:30", "22:30"}}), "028-8566 2300"},
  };
}

std::vector<Department> make_departments() {
  return {
      {"desk", "总服务台", "desk"},
      {"floor", "楼层管理部", "floor"},
      {"brand_counter", "品牌专柜", "brand_counter"},
      {"security", "保安部", "security"},
      {"parking", "停车场", "parking"},
      {"property", "物业管理部", "property"},
      {"cashier", "收银部", "cashier"},
      {"member_center", "会员中心", "member_center"},
  };
}

std::vector<Staff> make_staff(Rng& rng, PhoneBook& phones) {
  const std::vector<StaffRow> rows = {
      {"admin", "系统管理员", "admin", {"SH01", "CD01"}, {"desk"}},
      // 恒悦百货（上海静安店）
      {"wangli", "王莉", "manager", {"SH01"}, {"desk"}},
      {"chenjing", "陈静", "supervisor", {"SH01"}, {"desk", "member_center"}},
      {"zhangmin", "张敏", "agent", {"SH01"}, {"desk"}},
      {"liuyang", "刘洋", "agent", {"SH01"}, {"desk"}},
      {"zhaoxue", "赵雪", "agent", {"SH01"}, {"desk", "member_center"}},
      {"sunhao", "孙浩", "agent", {"SH01"}, {"floor", "brand_counter"}},
      {"zhoutingting", "周婷婷", "agent", {"SH01"}, {"cashier"}},
      {"hejun", "何军", "dept_head", {"SH01"}, {"floor", "brand_counter"}},
      {"wuqiang", "吴强", "dept_head", {"SH01"}, {"security", "parking"}},
      {"xupeng", "徐鹏", "dept_head", {"SH01"}, {"property", "cashier"}},
      // 星汇里购物中心（成都高新店）
      {"linfang", "林芳", "manager", {"CD01"}, {"desk"}},
      {"gaoyan", "高燕", "supervisor", {"CD01"}, {"desk"}},
      {"maxiaoyu", "马晓雨", "agent", {"CD01"}, {"desk"}},
      {"luojie", "罗杰", "agent", {"CD01"}, {"desk"}},
      {"xuwen", "许文", "agent", {"CD01"}, {"member_center", "desk"}},
      {"zhengkai", "郑凯", "agent", {"CD01"}, {"floor", "brand_counter"}},
      {"tangmei", "唐梅", "agent", {"CD01"}, {"cashier"}},
      {"fengyu", "冯宇", "dept_head", {"CD01"}, {"parking", "security"}},
      {"caijian", "蔡建", "dept_head", {"CD01"}, {"property", "floor", "brand_counter"}},
  };
  std::vector<Staff> staff;
  for (const auto& row : rows) {
    staff.push_back({row.username, row.display_name, row.role, row.stores, row.departments, phones.next(rng)});
  }
  return staff;
}

bool works_at(const Staff& staff, std::string_view store_code) {
  return std::find(staff.store_codes.begin(), staff.store_codes.end(), store_code) != staff.store_codes.end();
}

bool in_department(const Staff& staff, std::string_view department_code) {
  return std::find(staff.department_codes.begin(), staff.department_codes.end(), department_code) !=
         staff.department_codes.end();
}

std::vector<std::string> staff_with(const Catalog& catalog, std::string_view store_code, std::string_view role,
                                    std::string_view department_code) {
  std::vector<std::string> out;
  for (const auto& s : catalog.staff) {
    if (s.role != role || !works_at(s, store_code)) continue;
    if (!department_code.empty() && !in_department(s, department_code)) continue;
    out.push_back(s.username);
  }
  return out;
}

}  // namespace kefu::demo::detail
