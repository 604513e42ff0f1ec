#pragma once
// The one SQLite file that holds everything a PC records: learners, reading progress, answers, results.
//
// Open() is the only door: it refuses files it must not touch (a newer Sinau's database, another
// program's SQLite file, a damaged or non-SQLite file) WITHOUT writing a byte to them, backs up an older
// Sinau database before migrating it, then applies the schema (store/migrations.cpp) in one transaction.
//
// Threads: a Database is one SQLite connection; use it from one thread at a time (the UI's main thread,
// or a CLI). Other threads open their own Database on the same file (WAL lets readers run beside a writer).
//
// THE ONE DOOR. app/core/store is the only code that includes SQLite (tests/unit/layout enforces it): every
// table is created by migrations.cpp and every query lives in a store/*.cpp file. The other core
// libraries, the CLI and the window ask the store for plain structs (learning.hpp, learners.hpp,
// dashboard.hpp, ...). This header names SQLiteCpp's types only by declaration, so including it (as the UI
// does) compiles nothing of SQLite; store/statement.hpp is the store's own, SQLite-including half.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "util/expected.hpp"

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace sinau::store {

// $XDG_DATA_HOME/sinau/sinau.db, else ~/.local/share/sinau/sinau.db. Creates the folder (not the file).
// Falls back to ./sinau.db when neither variable is set. Never throws.
std::filesystem::path DefaultDatabasePath();

class Database {
public:
    // Opens (creating when absent or empty) and migrates the database at `path`.
    // Errors (in Bahasa Indonesia, naming the file) and the file left byte-for-byte unchanged when:
    //  - the file is not SQLite (wrong header) or is damaged (bad header, truncated, unreadable schema);
    //  - it is another program's SQLite file (has tables but no meta app='sinau');
    //  - it was written by a newer Sinau (PRAGMA user_version > LatestSchemaVersion()).
    // Before migrating an existing database it writes a consistent copy to "<path>.bak-v<old version>".
    // Connection settings: WAL, synchronous=FULL (a committed answer survives power loss),
    // foreign_keys=ON, busy_timeout 5 s. Never throws.
    static Expected<std::unique_ptr<Database>> Open(const std::filesystem::path& path);
    // A read-only connection to an existing Sinau database, for a worker thread that only reads (dashboard
    // queries, exports beside the main thread's writes): no migration, no backup, busy_timeout 5 s and
    // the file memory-mapped (a fresh connection per query then reads the OS cache without copying).
    // Error when the file is missing, not SQLite, or written by a newer Sinau. Never throws.
    static Expected<std::unique_ptr<Database>> OpenReadOnly(const std::filesystem::path& path);

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // The settings table (UI choices, admin.pin_*, certificate.issuer) and the meta table (identity,
    // the certificate key, admin.pin_resets): the ONE key/value API. Get: nullopt when unset. Set: upsert,
    // committed at once unless a WriteTransaction is open. All throw SQLite::Exception on disk errors.
    std::optional<std::string> GetSetting(std::string_view key);
    void SetSetting(std::string_view key, std::string_view value);
    void DeleteSetting(std::string_view key);
    std::optional<std::string> GetMeta(std::string_view key);
    void SetMeta(std::string_view key, std::string_view value);

    // Bulk loading (`sinau simulate`): while a BulkWrites lives, commits skip the fsync (synchronous=NORMAL:
    // WAL stays consistent after a crash, only the last commits may be lost) and checkpoints are rarer.
    // Never for a real learner's answers. Throws SQLite::Exception.
    class BulkWrites {
    public:
        explicit BulkWrites(Database& db);
        ~BulkWrites();  // back to synchronous=FULL; never throws
        BulkWrites(const BulkWrites&) = delete;
        BulkWrites& operator=(const BulkWrites&) = delete;

    private:
        Database& db_;
    };

    // The raw connection: for the store's own query files (store/statement.hpp has the SQLiteCpp half),
    // tests and benchmarks. Outside app/core/store the type is incomplete: no SQLite header may be included
    // there (layout test), so nothing else can use it. Throws as SQLiteCpp does.
    SQLite::Database& sql() { return *db_; }

    // A statement prepared once per connection and kept (the answer-commit path must not re-parse SQL
    // for every answer), returned reset with its bindings cleared. `sql_text` is the cache key.
    // The reference stays valid until the Database is destroyed; don't hold it across another call to
    // Prepared() with the same text (both would be the same object). Throws SQLite::Exception.
    SQLite::Statement& Prepared(const std::string& sql_text);

    const std::filesystem::path& path() const { return path_; }
    const std::string& installation_id() const { return installation_id_; }  // meta.installation_id (UUID)
    int schema_version() const { return schema_version_; }                   // after migration = latest
    // The version found on disk before this Open() migrated it (0 for a new file).
    int opened_from_version() const { return opened_from_version_; }
    // The backup written before migrating, empty when none was needed.
    const std::filesystem::path& backup_path() const { return backup_path_; }

private:
    Database();
    std::unique_ptr<SQLite::Database> db_;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;  // destroyed before db_
    std::filesystem::path path_;
    std::filesystem::path backup_path_;
    std::string installation_id_;
    int schema_version_ = 0;
    int opened_from_version_ = 0;
};

// One write unit that nests: the outermost is a BEGIN IMMEDIATE transaction (take the write lock before
// reading, so a read-then-write never fails to upgrade), an inner one is a SAVEPOINT inside the caller's
// transaction. Destroyed without commit() -> rolled back (the destructor never throws).
// Lets every store call be atomic on its own and still be batched by a caller (e.g. `sinau simulate`).
class WriteTransaction {
public:
    explicit WriteTransaction(Database& db);  // throws SQLite::Exception (e.g. SQLITE_BUSY after the timeout)
    ~WriteTransaction();
    void commit();  // throws SQLite::Exception (e.g. disk full); the transaction is then rolled back
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

private:
    SQLite::Database& db_;
    bool outer_ = false;
    bool done_ = false;
};

// Creates a NEW database file at `path` as Sinau schema version `version` would have made it (the first
// `version` migrations plus the meta rows), with none of Open()'s checks. For tests that upgrade databases
// "made by an older Sinau", and for tools. Throws SQLite::Exception; std::invalid_argument when `version`
// is not in 1..LatestSchemaVersion().
void CreateDatabaseAtVersion(const std::filesystem::path& path, int version);

}  // namespace sinau::store
