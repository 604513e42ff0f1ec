#pragma once
// The class's one writer: a thread with its own SQLite connection that commits queued writes in
// batches (group commit). Every piece of work runs in its own SAVEPOINT inside the batch's transaction,
// so one bad write fails alone; `done` is called only after the COMMIT returned, i.e. once the write is
// durable (store::Database uses WAL + synchronous=FULL). While one batch commits the next one queues, so
// under load a batch holds everything that arrived during the previous fsync (no timer, no added delay).
//
// Threads: one writer thread and one WAL-checkpoint thread. Submit/Run/Flush from any thread. Work and `done`
// run on the writer thread: `done` must not block for long and must not call Run/Flush (it would wait for
// itself).
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "util/expected.hpp"

namespace sinau::store {
class Database;
}

namespace sinau::classroom {

// What a piece of work sees: the connection and a cache of prepared statements (reset and unbound on
// every Prepare), so hot inserts are not re-parsed per answer.
class RecorderTx {
public:
    explicit RecorderTx(SQLite::Database& db) : db(db) {}
    SQLite::Database& db;
    SQLite::Statement& Prepare(const char* sql);  // `sql` must be a string literal (cached by address)

private:
    std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> cache_;
};

class Recorder {
public:
    using Work = std::function<void(RecorderTx&)>;  // may throw (SQLite::Exception, std::exception)
    using Done = std::function<void(const Status&)>;

    // Opens its own connection (store::Database::Open: migrated, WAL, synchronous=FULL) and starts the
    // thread.
    static Expected<std::unique_ptr<Recorder>> Open(const std::filesystem::path& db_path);
    ~Recorder();  // commits what is queued, then stops
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    void Submit(Work work, Done done = {});
    Status Run(Work work);  // Submit and wait for the commit
    void Flush();           // waits until everything submitted so far is committed (or failed)

    struct Stats {
        uint64_t batches = 0;
        uint64_t works = 0;
        uint64_t failures = 0;
        size_t largest_batch = 0;
        double slowest_commit_ms = 0;  // BEGIN..COMMIT of the slowest batch
        uint64_t slow_commits = 0;     // batches that took more than 20 ms
    };
    Stats stats() const;

private:
    Recorder() = default;
    void Loop();
    void CheckpointLoop();

    struct Item {
        Work work;
        Done done;
    };
    std::unique_ptr<store::Database> database_;
    std::unique_ptr<RecorderTx> tx_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable idle_;
    std::condition_variable stop_;  // wakes the checkpointer on shutdown
    std::deque<Item> queue_;
    bool busy_ = false;
    bool stopping_ = false;
    Stats stats_;
    std::thread thread_;
    // WAL checkpoints run on their own connection and thread (PASSIVE: never blocks the writer), so a
    // commit never pays for copying the WAL into the database file (SQLite's auto-checkpoint would run
    // inside the unlucky commit and hold up every answer queued behind it).
    std::unique_ptr<SQLite::Database> checkpoint_db_;
    std::thread checkpointer_;
};

}  // namespace sinau::classroom
