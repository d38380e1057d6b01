#include "cli/config.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace kefu::cli {
namespace {

std::string write_toml(const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / ("kefu-config-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(path) << text;
  return path.string();
}

TEST(Config, DefaultsFileThenEnvironment) {
  ::unsetenv("KEFU_SERVER_PORT");
  ::unsetenv("KEFU_DATABASE_URL");
  auto defaults = load_config("/nonexistent/kefu.toml", false);
  EXPECT_EQ(defaults.port, 8080);
  EXPECT_EQ(defaults.database_url, "sqlite://data/kefu.db");

  auto path = write_toml("[server]\nport = 9000\nthreads = 4\n[database]\nurl = \"sqlite:///srv/kefu.db\"\n");
  auto from_file = load_config(path, true);
  EXPECT_EQ(from_file.port, 9000);
  EXPECT_EQ(from_file.threads, 4);
  EXPECT_EQ(from_file.database_url, "sqlite:///srv/kefu.db");

  ::setenv("KEFU_SERVER_PORT", "9100", 1);
  EXPECT_EQ(load_config(path, true).port, 9100);  // the environment wins over the file
  ::unsetenv("KEFU_SERVER_PORT");
}

TEST(Config, BadValuesAreNamed) {
  EXPECT_THROW(load_config("/nonexistent/kefu.toml", true), std::runtime_error);  // asked for, missing
  auto path = write_toml("[server]\nport = 70000\n");
  EXPECT_THROW(load_config(path, true), std::runtime_error);
  ::setenv("KEFU_SERVER_PORT", "eighty", 1);
  EXPECT_THROW(load_config("/nonexistent/kefu.toml", false), std::runtime_error);
  ::unsetenv("KEFU_SERVER_PORT");
  auto broken = write_toml("[server\nport = 1\n");
  EXPECT_THROW(load_config(broken, true), std::runtime_error);
}

}  // namespace
}  // namespace kefu::cli

namespace kefu::cli {
namespace {

TEST(Config, DatabasePasswordsNeverReachTheLog) {
  EXPECT_EQ(display_url("postgresql://kefu:s3cret@db.example:5432/kefu"), "postgresql://kefu:***@db.example:5432/kefu");
  EXPECT_EQ(display_url("postgresql://db/kefu?user=kefu&password=s3cret&sslmode=require"),
            "postgresql://db/kefu?user=kefu&password=***&sslmode=require");
  EXPECT_EQ(display_url("postgresql://kefu@db/kefu"), "postgresql://kefu@db/kefu");
  EXPECT_EQ(display_url("sqlite:///var/lib/kefu/kefu.db"), "sqlite:///var/lib/kefu/kefu.db");
}

TEST(Config, SecureCookiesAreAutomaticUnlessChosen) {
  EXPECT_EQ(load_config("/nonexistent/kefu.toml", false).secure_cookies, "auto");
  setenv("KEFU_SERVER_SECURE_COOKIES", "false", 1);
  EXPECT_EQ(load_config("/nonexistent/kefu.toml", false).secure_cookies, "never");
  setenv("KEFU_SERVER_SECURE_COOKIES", "sometimes", 1);
  EXPECT_THROW(load_config("/nonexistent/kefu.toml", false), std::runtime_error);
  unsetenv("KEFU_SERVER_SECURE_COOKIES");
}

}  // namespace
}  // namespace kefu::cli
