// kefu: one binary, several subcommands. Wiring only; the work is in cli/.
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"kefu 客服 — customer-service management for retail"};
  app.require_subcommand(1);
  std::string config_path = "kefu.toml", db, address;
  int port = -1;
  app.add_option("--config", config_path, "TOML config file (default ./kefu.toml if present)");
  app.add_option("--db", db, "database URL, e.g. sqlite:///var/lib/kefu/kefu.db");

  auto* serve = app.add_subcommand("serve", "run the HTTP service");
  serve->add_option("--port", port, "TCP port (0 = any free port)");
  serve->add_option("--address", address, "address to listen on");
  app.add_subcommand("migrate", "create or upgrade the database schema");

  kefu::cli::DemoOptions demo_opt;
  auto* demo = app.add_subcommand("demo", "load zh-CN demo data (2 stores, staff, members, tickets)");
  demo->add_option("--seed", demo_opt.seed);
  demo->add_option("--members", demo_opt.members);
  demo->add_option("--tickets", demo_opt.tickets);
  demo->add_option("--days", demo_opt.days);
  demo->add_option("--password", demo_opt.password, "password of every demo account");

  kefu::cli::NewUser user;
  auto* user_cmd = app.add_subcommand("user", "manage staff accounts");
  user_cmd->require_subcommand(1);
  auto* user_add = user_cmd->add_subcommand("add", "add a staff account");
  user_add->add_option("--username", user.username)->required();
  user_add->add_option("--name", user.display_name, "display name");
  user_add->add_option("--role", user.role, "agent|dept_head|supervisor|manager|admin")->required();
  user_add->add_option("--password", user.password, "password (or KEFU_PASSWORD)");
  user_add->add_option("--store", user.store_codes, "store code (repeatable)");

  kefu::cli::TransferOptions export_opt, import_opt;
  auto* export_cmd = app.add_subcommand("export", "write the whole installation to a file (any backend)");
  export_cmd->add_option("--db", db, "database to export, e.g. sqlite:///var/lib/kefu/kefu.db");
  export_cmd->add_option("--out", export_opt.file, "export file (JSON Lines)")->required();
  export_cmd->add_flag("--quiet", export_opt.quiet, "no progress bars");
  export_cmd->add_flag("--with-keys", export_opt.with_keys,
                       "also the keys that sign customers' links (links then keep working after an import)");
  auto* import_cmd = app.add_subcommand("import", "load an export into a new, empty database (migrated first)");
  import_cmd->add_option("--db", db, "database to import into, e.g. postgresql://kefu@db/kefu");
  import_cmd->add_option("--in", import_opt.file, "export file written by kefu export")->required();
  import_cmd->add_flag("--quiet", import_opt.quiet, "no progress bars");

  auto* reports_cmd = app.add_subcommand("reports", "the dashboards' ticket facts and rollups");
  reports_cmd->require_subcommand(1);
  auto* reports_rebuild = reports_cmd->add_subcommand("rebuild", "recompute every ticket fact and rollup");

  kefu::cli::BlobGcOptions gc_opt;
  auto* blobs_cmd = app.add_subcommand("blobs", "attachment files");
  blobs_cmd->require_subcommand(1);
  auto* gc_cmd = blobs_cmd->add_subcommand("gc", "delete attachment files no attachment references");
  gc_cmd->add_option("--grace-minutes", gc_opt.grace_minutes, "keep files younger than this (default 1440)");
  gc_cmd->add_flag("--dry-run", gc_opt.dry_run, "only count what would be deleted");

  kefu::cli::KeyOptions key_opt;
  auto* keys_cmd = app.add_subcommand("keys", "the keys that sign customers' links (surveys, ticket access)");
  keys_cmd->require_subcommand(1);
  auto* keys_list = keys_cmd->add_subcommand("list", "every key with its state (never the key itself)");
  auto* keys_rotate = keys_cmd->add_subcommand("rotate", "a new key signs links from now on");
  keys_rotate->add_option("--purpose", key_opt.purpose, "csat_link|ticket_access (default: both)");
  keys_rotate->add_flag("--revoke", key_opt.revoke,
                        "delete the older keys: every link they signed stops working (a key may have leaked)");

  auto* vocabulary_cmd = app.add_subcommand(
      "vocabulary", "print the closed vocabularies (as GET /api/v1/meta/vocabulary) for the web build");

  auto* routes_cmd =
      app.add_subcommand("routes", "print every route with who may call it (JSON), for the access matrix test");

  CLI11_PARSE(app, argc, argv);
  if (vocabulary_cmd->parsed()) return kefu::cli::print_vocabulary();
  if (routes_cmd->parsed()) return kefu::cli::print_routes();
  try {
    auto config = kefu::cli::load_config(config_path, app.get_option("--config")->count() > 0);
    if (!db.empty()) config.database_url = db;
    if (port >= 0) config.port = port;
    if (!address.empty()) config.address = address;
    if (serve->parsed()) return kefu::cli::serve(config);
    if (app.got_subcommand("migrate")) return kefu::cli::migrate(config);
    if (demo->parsed()) return kefu::cli::demo(config, demo_opt);
    if (user_add->parsed()) return kefu::cli::add_user(config, user);
    if (export_cmd->parsed()) return kefu::cli::export_data(config, export_opt);
    if (import_cmd->parsed()) return kefu::cli::import_data(config, import_opt);
    if (gc_cmd->parsed()) return kefu::cli::collect_blobs(config, gc_opt);
    if (reports_rebuild->parsed()) return kefu::cli::rebuild_reports(config);
    if (keys_list->parsed()) return kefu::cli::list_keys(config);
    if (keys_rotate->parsed()) return kefu::cli::rotate_keys(config, key_opt);
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return 1;
  }
  return 2;
}
