#pragma once
// The kefu subcommands. Each returns the process exit code.
#include <string>
#include <vector>

#include "cli/config.hpp"

namespace kefu::cli {

int serve(const Config&);
// `kefu vocabulary`: the JSON of GET /api/v1/meta/vocabulary on stdout (no database).
int print_vocabulary();
// `kefu routes`: every route with its access declaration as JSON (no database).
int print_routes();
int migrate(const Config&);

struct DemoOptions {
  uint64_t seed = 20261122;
  int members = 500;
  int tickets = 3000;
  int days = 90;
  std::string password = "kefu2026";  // every demo account's password
};
int demo(const Config&, const DemoOptions&);

struct NewUser {
  std::string username, display_name, role, password;
  std::vector<std::string> store_codes;
};
int add_user(const Config&, const NewUser&);

// `kefu export --out FILE` / `kefu import --in FILE` (cli/transfer.cpp).
struct TransferOptions {
  std::string file;
  bool quiet = false;      // no progress bars
  bool with_keys = false;  // export: also the keys that sign links (storage/transfer.hpp kSecretTables)
};
int export_data(const Config&, const TransferOptions&);
int import_data(const Config&, const TransferOptions&);

// `kefu keys list|rotate` (cli/keys.cpp).
struct KeyOptions {
  std::string purpose;  // empty: every purpose
  bool revoke = false;  // older keys are deleted: every link they signed stops working
};
int list_keys(const Config&);
int rotate_keys(const Config&, const KeyOptions&);

// `kefu blobs gc` (cli/blobs.cpp).
struct BlobGcOptions {
  int grace_minutes = 24 * 60;  // younger files are kept (an upload may be in flight)
  bool dry_run = false;         // count, delete nothing
};
int collect_blobs(const Config&, const BlobGcOptions&);

// `kefu reports rebuild` (cli/reports.cpp): every ticket fact and rollup from scratch.
int rebuild_reports(const Config&);

}  // namespace kefu::cli
