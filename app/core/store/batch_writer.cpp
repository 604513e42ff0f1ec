#include "store/batch_writer.hpp"

#include <sqlite3.h>

#include <chrono>
#include <future>
#include <vector>

#include "store/statement.hpp"

namespace sinau::store {

Expected<std::unique_ptr<BatchWriter>> BatchWriter::Open(const std::filesystem::path& db_path) {
    auto database = Database::Open(db_path);
    if (!database) return database.error();
    std::unique_ptr<BatchWriter> r(new BatchWriter());
    r->database_ = std::move(database.value());
    try {
        r->database_->sql().exec("PRAGMA wal_autocheckpoint = 0");
        r->checkpoint_db_ = std::make_unique<SQLite::Database>(db_path.string(), SQLite::OPEN_READWRITE);
        r->checkpoint_db_->setBusyTimeout(5000);
    } catch (const std::exception& e) {
        return Error{"Basis data kelas tidak dapat dibuka untuk checkpoint: " + std::string(e.what())};
    }
    r->thread_ = std::thread([raw = r.get()] { raw->Loop(); });
    r->checkpointer_ = std::thread([raw = r.get()] { raw->CheckpointLoop(); });
    return r;
}

BatchWriter::~BatchWriter() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    stop_.notify_all();
    if (thread_.joinable()) thread_.join();
    if (checkpointer_.joinable()) checkpointer_.join();
    try {
        database_->sql().exec("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (...) {
    }
}

void BatchWriter::Submit(Work work, Done done) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back({std::move(work), std::move(done)});
    }
    wake_.notify_one();
}

Status BatchWriter::Run(Work work) {
    std::promise<Status> promise;
    auto future = promise.get_future();
    Submit(std::move(work), [&promise](const Status& s) { promise.set_value(s); });
    return future.get();
}

void BatchWriter::Flush() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [&] { return queue_.empty() && !busy_; });
}

BatchWriter::Stats BatchWriter::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

void BatchWriter::CheckpointLoop() {
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            if (stop_.wait_for(lock, std::chrono::milliseconds(500), [&] { return stopping_; })) return;
        }
        try {
            checkpoint_db_->exec("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (...) {
            // busy or I/O trouble: the WAL just grows a little until the next try
        }
    }
}

void BatchWriter::Loop() {
    auto& db = database_->sql();
    std::vector<Item> batch;
    std::vector<Status> results;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            busy_ = false;
            idle_.notify_all();
            wake_.wait(lock, [&] { return !queue_.empty() || stopping_; });
            if (queue_.empty()) return;  // stopping and drained
            // Bound a batch so one transaction never grows without limit under a flood.
            const size_t n = std::min<size_t>(queue_.size(), 4096);
            for (size_t i = 0; i < n; ++i) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
            busy_ = true;
        }
        results.assign(batch.size(), Success());
        const auto started = std::chrono::steady_clock::now();
        uint64_t failures = 0;
        try {
            db.exec("BEGIN IMMEDIATE");
            for (size_t i = 0; i < batch.size(); ++i) {
                db.exec("SAVEPOINT w");
                try {
                    batch[i].work(*database_);
                    db.exec("RELEASE w");
                } catch (const std::exception& e) {
                    db.exec("ROLLBACK TO w");
                    db.exec("RELEASE w");
                    results[i] = Error{std::string("Gagal menyimpan: ") + e.what()};
                    ++failures;
                }
            }
            db.exec("COMMIT");
        } catch (const std::exception& e) {
            try {
                if (!db.getHandle() || sqlite3_get_autocommit(db.getHandle()) == 0) db.exec("ROLLBACK");
            } catch (...) {
            }
            for (auto& r : results)
                if (r.ok()) {
                    r = Error{std::string("Gagal menyimpan ke basis data: ") + e.what()};
                    ++failures;
                }
        }
        for (size_t i = 0; i < batch.size(); ++i)
            if (batch[i].done) batch[i].done(results[i]);
        const double took =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        const size_t size = batch.size();
        batch.clear();  // release what the callbacks captured (sockets) now, on this side of Flush()
        std::lock_guard lock(mutex_);
        stats_.batches += 1;
        stats_.works += size;
        stats_.failures += failures;
        stats_.largest_batch = std::max(stats_.largest_batch, size);
        stats_.slowest_commit_ms = std::max(stats_.slowest_commit_ms, took);
        stats_.slow_commits += took > 20.0 ? 1 : 0;
    }
}

}  // namespace sinau::store
