#pragma once
// A database: one group-commit writer (or a few, on PostgreSQL) and per-thread readers,
// each with its own set of stores (core/storage/stores.hpp).
#include <cstdint>
#include <exception>
#include <functional>
#include <string>

#include "core/storage/stores.hpp"

namespace kefu::storage {

class Database {
 public:
  virtual ~Database() = default;
  // This thread's read connection (snapshot per call; never writes).
  virtual Stores& reader() = 0;
  // Queues job to run on the writer inside a transaction shared with other queued
  // jobs (group commit). done(nullptr) runs after the commit is durable; done(error)
  // when the job threw (its own changes are rolled back, others' are kept) or the
  // commit failed. done runs on the writer thread: keep it short.
  using Job = std::function<void(Stores&)>;
  using Done = std::function<void(std::exception_ptr)>;
  virtual void write(Job job, Done done) = 0;
  // The same, with an affinity: jobs with the same non-zero key run on the same writer
  // connection, so they never wait on each other's row locks across writers (several
  // writers on PostgreSQL; one writer elsewhere, where the key changes nothing). For hot
  // rows written many times a second, e.g. a chat conversation's message counter.
  virtual void write_for(uint64_t affinity, Job job, Done done) {
    (void)affinity;
    write(std::move(job), std::move(done));
  }
  // Runs job through the same queue and waits for its commit (CLI, demo, tests).
  void write_sync(Job job);
  // Waits for everything queued so far to commit; further writes still work.
  virtual void flush() = 0;
  virtual std::string backend() const = 0;

  // Several nodes on one database. watch_changes runs on_change (on a background
  // thread, briefly) soon after any node commits a timeline event or a notification;
  // a single-process backend has no other writers and never calls it. An empty function
  // stops watching (before what on_change refers to goes away). lead(name) tells
  // whether this process holds the named singleton role (the SLA scheduler) right now,
  // taking it when it is free; a holder that dies loses it.
  virtual void watch_changes(std::function<void()> on_change) {}
  virtual bool lead(const std::string& role) { return true; }
};

}  // namespace kefu::storage
