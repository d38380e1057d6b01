// The power-loss model itself (power_loss_test_support.hpp): what survives, case by case.
#include <gtest/gtest.h>

#include "core/storage/power_loss_test_support.hpp"

namespace kefu::storage::testing {
namespace {

using Files = std::map<std::string, std::string>;

TEST(PowerLossDisk, AWriteIsDurableOnlyAfterItsFileIsSynced) {
  PowerLossDisk d("/r");
  d.existing("/r/db", "aaaa");
  d.wrote("/r/db", 2, "XY");
  EXPECT_EQ(d.durable_files(), (Files{{"db", "aaaa"}}));
  d.synced("/r/db");
  d.wrote("/r/db", 4, "tail");
  d.truncated("/r/db", 1);
  EXPECT_EQ(d.durable_files(), (Files{{"db", "aaXY"}}));
  d.synced("/r/db");
  EXPECT_EQ(d.durable_files(), (Files{{"db", "a"}}));
}

TEST(PowerLossDisk, ANewFileNeedsItsFolderSynced) {
  PowerLossDisk d("/r");
  d.created("/r/wal");
  d.wrote("/r/wal", 0, "frames");
  d.synced("/r/wal");
  EXPECT_EQ(d.durable_files(), Files{});  // the data is on disk, the name is not
  d.synced_folder("/r");
  EXPECT_EQ(d.durable_files(), (Files{{"wal", "frames"}}));
}

TEST(PowerLossDisk, ARenameOrRemovalIsUndoneUntilTheFolderIsSynced) {
  PowerLossDisk d("/r");
  d.existing_folder("/r/ab");
  d.created("/r/ab/x.tmp");
  d.wrote("/r/ab/x.tmp", 0, "photo");
  d.synced("/r/ab/x.tmp");
  d.synced_folder("/r/ab");
  d.renamed("/r/ab/x.tmp", "/r/ab/x");
  EXPECT_EQ(d.durable_files(), (Files{{"ab/x.tmp", "photo"}}));
  d.synced_folder("/r/ab");
  EXPECT_EQ(d.durable_files(), (Files{{"ab/x", "photo"}}));
  d.removed("/r/ab/x");
  EXPECT_EQ(d.durable_files(), (Files{{"ab/x", "photo"}}));
  d.synced_folder("/r/ab");
  EXPECT_EQ(d.durable_files(), Files{});
}

TEST(PowerLossDisk, AFileInANewFolderNeedsTheFolderAboveSynced) {
  PowerLossDisk d("/r");
  d.created_folder("/r/cd");
  d.created("/r/cd/y");
  d.wrote("/r/cd/y", 0, "bytes");
  d.synced("/r/cd/y");
  d.synced_folder("/r/cd");
  EXPECT_EQ(d.durable_files(), Files{});  // /r never learnt of cd
  d.synced_folder("/r");
  EXPECT_EQ(d.durable_files(), (Files{{"cd/y", "bytes"}}));
}

TEST(PowerLossDisk, NothingChangesAfterTheFreeze) {
  PowerLossDisk d("/r");
  d.existing("/r/db", "old");
  d.wrote("/r/db", 0, "new");
  d.freeze();
  d.synced("/r/db");
  d.created("/r/late");
  d.synced_folder("/r");
  EXPECT_TRUE(d.frozen());
  EXPECT_EQ(d.durable_files(), (Files{{"db", "old"}}));
}

}  // namespace
}  // namespace kefu::storage::testing
