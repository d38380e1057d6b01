// The backend-neutral core of `kefu export` / `kefu import`: table order, checksum,
// file verification and the progress bar. Round trips through real databases are in
// transfer_roundtrip_test.cpp.
#include "core/storage/transfer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "core/domain/error.hpp"

namespace kefu::storage::transfer {
namespace {

std::vector<std::string> names(const std::vector<Table>& tables) {
  std::vector<std::string> out;
  for (const auto& t : tables) out.push_back(t.name);
  return out;
}

TEST(TransferOrder, ParentsFirstTiesByNameSettingsLast) {
  std::vector<Table> tables{{"settings", {}, {"key"}, {}},
                            {"ticket_search", {}, {"ticket_id"}, {"tickets"}},
                            {"tickets", {}, {"id"}, {"stores", "members"}},
                            {"members", {}, {"id"}, {"stores"}},
                            {"stores", {}, {"id"}, {}},
                            {"audit_log", {}, {"id"}, {}}};
  EXPECT_EQ(names(ordered(tables)),
            (std::vector<std::string>{"audit_log", "stores", "members", "tickets", "ticket_search", "settings"}));
}

TEST(TransferOrder, ACycleIsAnError) {
  std::vector<Table> tables{{"a", {}, {"id"}, {"b"}}, {"b", {}, {"id"}, {"a"}}};
  EXPECT_THROW(ordered(tables), std::logic_error);
}

TEST(TransferChecksum, IsSha256OfCanonicalRowsEachEndedByNewline) {
  // Expected values from Python: hashlib.sha256(b'[1,"a",null]\n').hexdigest().
  Checksum one;
  EXPECT_EQ(one.add(Row::array({1, "a", nullptr})), R"([1,"a",null])");
  EXPECT_EQ(one.rows(), 1);
  EXPECT_EQ(one.hex(), "bb4a5da26b1714551daac2e0154be49c8556b4da35bff3388eeac86513887de2");
  EXPECT_EQ(Checksum().hex(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(TransferChecksum, UnicodeIsHashedAsUtf8NotEscaped) {
  Checksum sum;
  EXPECT_EQ(sum.add(Row::array({"退货\n\"x\""})), "[\"退货\\n\\\"x\\\"\"]");
}

// A one-table export written by hand; its checksum comes from Python (above).
std::string file(const std::string& row, const std::string& end_rows = "1",
                 const std::string& sha = "bb4a5da26b1714551daac2e0154be49c8556b4da35bff3388eeac86513887de2",
                 bool complete = true) {
  std::string f =
      "{\"format\":\"kefu-export\",\"version\":1,\"schema_version\":3,\"source\":\"sqlite\",\"exported_at\":0}\n"
      "{\"table\":\"t\",\"columns\":[\"id\",\"name\",\"note\"]}\n" +
      row + "\n{\"end\":\"t\",\"rows\":" + end_rows + ",\"sha256\":\"" + sha + "\"}\n";
  if (complete) f += "{\"end_of_export\":true,\"tables\":1}\n";
  return f;
}

std::string refusal(const std::string& text) {
  std::istringstream in(text);
  try {
    verify_file(in);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::invalid_input);
    return e.message_en();
  }
  return "accepted";
}

TEST(TransferFile, AcceptsAValidFileAndReportsItsTables) {
  std::istringstream in(file(R"([1,"a",null])"));
  const auto s = verify_file(in);
  EXPECT_EQ(s.source, "sqlite");
  EXPECT_EQ(s.schema_version, 3);
  ASSERT_EQ(s.tables.size(), 1u);
  EXPECT_EQ(s.tables[0].table, "t");
  EXPECT_EQ(s.tables[0].rows, 1);
}

TEST(TransferFile, SpacingIsNotContentButValuesAre) {
  EXPECT_EQ(refusal(file(R"([1, "a",   null])")), "accepted");
  EXPECT_EQ(refusal(file(R"([1,"a",null])", "1") + "\n\n"), "accepted");
  const auto edited = refusal(file(R"([1,"b",null])"));
  EXPECT_NE(edited.find("table t"), std::string::npos) << edited;
  EXPECT_NE(edited.find("checksum differs"), std::string::npos) << edited;
  EXPECT_NE(refusal(file(R"([2,"a",null])")), "accepted");
  EXPECT_NE(refusal(file(R"([1,"a",""])")), "accepted");  // null and "" differ
}

TEST(TransferFile, RefusesMalformedFilesNamingTableAndLine) {
  const auto count = refusal(file(R"([1,"a",null])", "2"));
  EXPECT_NE(count.find("line 4, table t"), std::string::npos) << count;
  EXPECT_NE(refusal(file(R"([1,"a"])")).find("2 values, the table has 3"), std::string::npos);
  EXPECT_NE(refusal(file(R"([1.5,"a",null])")).find("column id holds number"), std::string::npos);
  EXPECT_NE(refusal(file(R"([true,"a",null])")).find("column id"), std::string::npos);
  EXPECT_NE(refusal(file(R"([9223372036854775808,"a",null])")).find("beyond 64 bits"), std::string::npos);
  EXPECT_NE(refusal(file(R"([1,"a",null)")).find("line 3, table t: not valid JSON"), std::string::npos);
  EXPECT_NE(refusal(file(R"([1,"a",null])", "1", "bb4a", false)).find("table t"), std::string::npos);
  EXPECT_NE(
      refusal(file(R"([1,"a",null])", "1", "bb4a5da26b1714551daac2e0154be49c8556b4da35bff3388eeac86513887de2", false))
          .find("cut short"),
      std::string::npos);
  EXPECT_NE(refusal("{\"format\":\"csv\"}\n").find("not a kefu export"), std::string::npos);
  EXPECT_NE(refusal("").find("not a kefu export"), std::string::npos);
}

TEST(TransferFile, BiggestAndSmallestIntegersAreAccepted) {
  std::istringstream in(
      "{\"format\":\"kefu-export\",\"version\":1,\"schema_version\":3}\n"
      "{\"table\":\"t\",\"columns\":[\"a\",\"b\"]}\n"
      "[9223372036854775807,-9223372036854775808]\n"
      "{\"end\":\"t\",\"rows\":1,\"sha256\":\"" +
      [] {
        Checksum c;
        c.add_text("[9223372036854775807,-9223372036854775808]");
        return c.hex();
      }() +
      "\"}\n{\"end_of_export\":true,\"tables\":1}\n");
  EXPECT_EQ(verify_file(in).tables.at(0).rows, 1);
}

struct FakeClock {
  double now = 100;
  std::function<double()> fn() {
    return [this] { return now; };
  }
};

TEST(TransferProgress, WithoutATerminalOneLinePerTenthOnceASecondHasPassed) {
  std::ostringstream out;
  FakeClock clock;
  Progress p(out, false, false, clock.fn());
  p.start("tickets", 1000);
  for (int i = 0; i < 1000; ++i) {
    clock.now += 0.004;  // 4 s in all: the first line comes after 1 s (25%)
    p.advance();
  }
  p.finish();
  std::vector<std::string> lines;
  std::istringstream in(out.str());
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  ASSERT_EQ(lines.size(), 9u) << out.str();
  EXPECT_NE(lines[0].find("]  25%  250/1000"), std::string::npos) << lines[0];
  EXPECT_EQ(lines[3].substr(0, 51), "tickets            [##########----------]  50%  500");
  EXPECT_NE(lines[8].find("[####################] 100%  1000/1000  250 rows/s"), std::string::npos) << lines[8];
  EXPECT_EQ(out.str().find('\r'), std::string::npos);
}

TEST(TransferProgress, OnATerminalRedrawsInPlaceAndQuietIsSilent) {
  std::ostringstream tty, quiet;
  FakeClock clock;
  Progress p(tty, true, false, clock.fn()), q(quiet, true, true, clock.fn());
  for (auto* bar : {&p, &q}) {
    bar->start("stores", 3);
    for (int i = 0; i < 3; ++i) {
      clock.now += 1;
      bar->advance();
    }
    bar->finish();
  }
  EXPECT_EQ(quiet.str(), "");
  const std::string drawn = tty.str();
  EXPECT_EQ(std::count(drawn.begin(), drawn.end(), '\n'), 1);
  EXPECT_GE(std::count(drawn.begin(), drawn.end(), '\r'), 4);
  EXPECT_NE(drawn.find("100%  3/3"), std::string::npos);
}

TEST(TransferProgress, ShortAndEmptyTablesPrintTheirFinalLineOnly) {
  std::ostringstream out;
  FakeClock clock;
  Progress p(out, false, false, clock.fn());
  p.start("csat_ratings", 0);
  p.finish();
  p.start("stores", 4);
  for (int i = 0; i < 4; ++i) p.advance();
  clock.now += 0.5;
  p.finish();
  EXPECT_EQ(out.str(),
            "csat_ratings       [####################] 100%  0/0\n"
            "stores             [####################] 100%  4/4  8 rows/s\n");
}

TEST(TransferProgress, RatesForHumans) {
  EXPECT_EQ(human_rate(950), "950");
  EXPECT_EQ(human_rate(41'200), "41k");
  EXPECT_EQ(human_rate(1'234'000), "1.2M");
}

}  // namespace
}  // namespace kefu::storage::transfer
