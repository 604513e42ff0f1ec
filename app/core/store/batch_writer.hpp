#pragma once
// A writer for many small writes arriving from many threads (a live class: a thousand phones answering at
// once): a thread with its own connection that commits queued writes in batches (group commit). Every piece
// of work runs in its own SAVEPOINT inside the batch's transaction, so one bad write fails alone; `done` is
// called only after the COMMIT returned, i.e. once the write is durable (store::Database uses WAL +
// synchronous=FULL). While one batch commits the next one queues, so under load a batch holds everything that
// arrived during the previous fsync (no timer, no added delay).
//
// Threads: one writer thread and one WAL-checkpoint thread. Submit/Run/Flush from any thread. Work and `done`
// run on the writer thread: `done` must not block for long and must not call Run/Flush (it would wait for
// itself).
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "store/database.hpp"
#include "util/expected.hpp"

namespace SQLite {
class Database;
}

namespace sinau::store {

class BatchWriter {
public:
    // A piece of work: store calls on the writer's connection (its statements are prepared once and kept,
    // Database::Prepared), e.g. store/class_records.hpp. May throw (SQLite::Exception, std::exception).
    using Work = std::function<void(Database&)>;
    using Done = std::function<void(const Status&)>;

    // Opens its own connection (Database::Open: migrated, WAL, synchronous=FULL) and starts the thread.
    static Expected<std::unique_ptr<BatchWriter>> Open(const std::filesystem::path& db_path);
    ~BatchWriter();  // commits what is queued, then stops
    BatchWriter(const BatchWriter&) = delete;
    BatchWriter& operator=(const BatchWriter&) = delete;

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
    BatchWriter() = default;
    void Loop();
    void CheckpointLoop();

    struct Item {
        Work work;
        Done done;
    };
    std::unique_ptr<Database> database_;
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

}  // namespace sinau::store
