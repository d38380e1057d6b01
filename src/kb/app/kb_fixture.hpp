#pragma once
// The knowledge base's use-case fixture: two stores, an admin, a supervisor and an agent
// of store A, a supervisor of store B, and an entry made in one line.
#include "core/app/use_case_test.hpp"
#include "kb/app/kb_entries.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::app::testing {

class KbUseCases : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      store_a = r.get<storage::OrgStore>().insert_store({.code = "SH01", .name = "甲店"});
      store_b = r.get<storage::OrgStore>().insert_store({.code = "CD01", .name = "乙店"});
      admin = make(r, "root", "admin", {}, {});
      supervisor = make(r, "sup", "supervisor", {store_a}, {});
      supervisor_b = make(r, "supb", "supervisor", {store_b}, {});
      agent = make(r, "agent1", "agent", {store_a}, {});
    });
  }

  static FaqInput input(const std::string& question, const std::string& answer = "请到一楼总服务台办理。") {
    return {.content = {.question = question, .similar = {question + "？", "请问" + question}, .answer = answer}};
  }
  kb::Faq create(const FaqInput& in, int64_t at = kNow) {
    return as(
        admin, [&](Context& c) { return create_faq(c, in); }, at);
  }
  kb::Faq publish(int64_t id, int64_t at = kNow) {
    return as(
        admin, [&](Context& c) { return publish_faq(c, id); }, at);
  }
  kb::Faq read(const people::Actor& who, int64_t id) {
    return as(who, [&](Context& c) { return get_faq(c, id); });
  }

  int64_t store_a = 0, store_b = 0;
  people::Actor admin, supervisor, supervisor_b, agent;
};

}  // namespace kefu::app::testing
