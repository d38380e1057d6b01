#include "core/domain/errors.hpp"

#include <gtest/gtest.h>

namespace kefu {
namespace {

constexpr ErrorCode kSample{"sample", Error::Kind::conflict, "{what}不能从「{from}」变为「{to}」[（{note}）]",
                            "a {what} cannot move from {from} to {to}[ ({note})]"};

TEST(ErrorCatalogue, DetailsFillBothLanguagesAndOptionalPartsNeedTheirs) {
  auto e = make_error(kSample, {{"what", Text("工单", "ticket")}, {"from", "new"}, {"to", "closed"}}, "status");
  EXPECT_EQ(e.code(), "sample");
  EXPECT_EQ(e.kind(), Error::Kind::conflict);
  EXPECT_EQ(e.field(), "status");
  EXPECT_EQ(e.message_zh(), "工单不能从「new」变为「closed」");
  EXPECT_EQ(e.message_en(), "a ticket cannot move from new to closed");
  auto noted =
      make_error(kSample, {{"what", "x"}, {"from", 1}, {"to", std::size_t{2}}, {"note", Text("备注", "note")}});
  EXPECT_EQ(noted.message_zh(), "x不能从「1」变为「2」（备注）");
  EXPECT_EQ(noted.message_en(), "a x cannot move from 1 to 2 (note)");
}

TEST(ErrorCatalogue, AMissingDetailShowsItsName) { EXPECT_EQ(fill("缺少{what}", {}, true), "缺少what"); }

TEST(ErrorCatalogue, TheSharedCodesKeepTheirClasses) {
  EXPECT_EQ(make_error(errors::kNotFound, {{"what", Text("工单", "ticket")}}).message_zh(), "工单不存在");
  EXPECT_EQ(make_error(errors::kInvalidEnum, {{"field", "type"}, {"value", "x"}}).message_en(),
            "unknown value for type: x");
  EXPECT_EQ(errors::kVersionConflict.kind, Error::Kind::conflict);
  EXPECT_EQ(errors::kUnauthenticated.kind, Error::Kind::unauthenticated);
}

}  // namespace
}  // namespace kefu
