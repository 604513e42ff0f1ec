#include "store/database.hpp"

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "store/migrations.hpp"
#include "store/statement.hpp"
#include "util/time.hpp"
#include "util/uuid.hpp"

namespace sinau::store {
namespace fs = std::filesystem;

namespace {

constexpr int kBusyTimeoutMs = 5000;

std::string Quoted(const fs::path& p) {
    return "\"" + p.string() + "\"";
}

uint32_t BigEndian(const unsigned char* p, int bytes) {
    uint32_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | p[i];
    return v;
}

// What the first 100 bytes (the SQLite header, https://sqlite.org/fileformat.html) say, read with plain
// file I/O so a file we refuse is never opened by SQLite in a mode that could write to it.
enum class FileKind { Absent, Empty, Sqlite, NotSqlite, Damaged };

FileKind InspectHeader(const fs::path& path, std::string& why) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return FileKind::Absent;
    if (!fs::is_regular_file(path, ec)) {
        why = "bukan berkas biasa";
        return FileKind::NotSqlite;
    }
    const auto size = fs::file_size(path, ec);
    if (ec) {
        why = "tidak dapat dibaca (" + ec.message() + ")";
        return FileKind::Damaged;
    }
    if (size == 0) return FileKind::Empty;
    std::array<unsigned char, 100> h{};
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(h.data()), h.size());
    const auto got = in.gcount();
    static constexpr char kMagic[] = "SQLite format 3";  // 15 chars + NUL = 16 bytes
    if (got < 16 ||
        std::string_view(reinterpret_cast<const char*>(h.data()), 16) != std::string_view(kMagic, 16)) {
        why = "bukan basis data SQLite";
        return FileKind::NotSqlite;
    }
    if (got < 100) {
        why = "terpotong: kepala berkas SQLite tidak lengkap";
        return FileKind::Damaged;
    }
    uint32_t page_size = BigEndian(&h[16], 2);
    if (page_size == 1) page_size = 65536;
    if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0) {
        why = "rusak: ukuran halaman SQLite tidak sah";
        return FileKind::Damaged;
    }
    // The in-header page count is valid when the change counter matches "version-valid-for".
    const uint32_t pages = BigEndian(&h[28], 4);
    if (BigEndian(&h[24], 4) == BigEndian(&h[92], 4) && pages > 0) {
        const uint64_t expected = uint64_t(pages) * page_size;
        fs::path wal = path;
        wal += "-wal";
        if (size < expected && !fs::exists(wal, ec)) {
            why = "terpotong: berkas lebih pendek (" + std::to_string(size) +
                  " bita) daripada yang dicatat kepalanya (" + std::to_string(expected) + " bita)";
            return FileKind::Damaged;
        }
    }
    return FileKind::Sqlite;
}

struct Identity {
    int user_version = 0;
    int tables = 0;
    bool has_meta = false;
    std::string app;
    std::string installation_id;
};

// Reads identity through a READ-ONLY connection: a read-only connection never checkpoints a WAL or
// rewrites the header, so a file we then refuse keeps its exact bytes.
// A read-only connection to a WAL-mode file may leave an empty "-wal" and a "-shm" behind; remove the ones
// it created, so a refused file's folder looks exactly as before.
class SideFileGuard {
public:
    explicit SideFileGuard(const fs::path& path) {
        for (const char* suffix : {"-wal", "-shm"}) {
            fs::path side = path;
            side += suffix;
            std::error_code ec;
            if (!fs::exists(side, ec)) created_candidates_.push_back(side);
        }
    }
    ~SideFileGuard() {
        for (const auto& side : created_candidates_) {
            std::error_code ec;
            if (side.string().ends_with("-wal") && fs::exists(side, ec) && fs::file_size(side, ec) != 0)
                continue;
            fs::remove(side, ec);
        }
    }

private:
    std::vector<fs::path> created_candidates_;
};

Identity ReadIdentity(const fs::path& path) {
    SideFileGuard guard(path);  // destroyed after the connection below is closed
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY, kBusyTimeoutMs);
    Identity id;
    id.user_version = db.execAndGet("PRAGMA user_version").getInt();
    id.tables = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt();
    id.has_meta =
        db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'").getInt() > 0;
    if (id.has_meta) {
        SQLite::Statement q(db, "SELECT key, value FROM meta WHERE key IN ('app', 'installation_id')");
        while (q.executeStep()) {
            const std::string key = q.getColumn(0).getString();
            (key == "app" ? id.app : id.installation_id) = q.getColumn(1).getString();
        }
    }
    return id;
}

void ApplyMigrations(SQLite::Database& db, int from, int to) {
    for (const auto& m : Migrations()) {
        if (m.to_version <= from || m.to_version > to) continue;
        db.exec(std::string(m.sql));
    }
    db.exec("PRAGMA user_version = " + std::to_string(to));
}

void WriteMetaIfMissing(SQLite::Database& db) {
    SQLite::Statement ins(db, "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)");
    const std::pair<const char*, std::string> rows[] = {
        {"app", "sinau"}, {"installation_id", util::NewUuid()}, {"created_at", util::NowIso8601()}};
    for (const auto& [k, v] : rows) {
        ins.bind(1, k);
        ins.bind(2, v);
        ins.exec();
        ins.reset();
    }
}

fs::path FreeBackupPath(const fs::path& path, int version) {
    fs::path base = path;
    base += ".bak-v" + std::to_string(version);
    std::error_code ec;
    if (!fs::exists(base, ec)) return base;
    for (int i = 2;; ++i) {  // an earlier backup of the same version is kept, never overwritten
        fs::path p = base;
        p += "-" + std::to_string(i);
        if (!fs::exists(p, ec)) return p;
    }
}

}  // namespace

fs::path DefaultDatabasePath() {
    fs::path dir;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        dir = fs::path(xdg) / "sinau";
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        dir = fs::path(home) / ".local" / "share" / "sinau";
    } else {
        return "sinau.db";
    }
    std::error_code ec;
    fs::create_directories(dir, ec);  // a failure surfaces, with its reason, when Open() tries the file
    return dir / "sinau.db";
}

Database::Database() = default;
Database::~Database() = default;

Expected<std::unique_ptr<Database>> Database::Open(const fs::path& path) {
    const std::string where = "Basis data " + Quoted(path);
    std::string why;
    const FileKind kind = InspectHeader(path, why);
    if (kind == FileKind::NotSqlite)
        return Error{where + " tidak dibuka: berkas ini " + why +
                     ". Berkas tidak diubah; pilih berkas sinau.db yang benar."};
    if (kind == FileKind::Damaged)
        return Error{where + " tidak dibuka: berkas " + why +
                     ". Berkas tidak diubah; pulihkan dari cadangan (.bak) atau hubungi administrator."};

    int found_version = 0;
    if (kind == FileKind::Sqlite) {
        Identity id;
        try {
            id = ReadIdentity(path);
        } catch (const std::exception& e) {
            return Error{where + " tidak dibuka: berkas rusak atau tidak terbaca (" + e.what() +
                         "). Berkas tidak diubah; pulihkan dari cadangan (.bak) atau hubungi administrator."};
        }
        if (id.user_version > LatestSchemaVersion())
            return Error{where + " dibuat oleh versi Sinau yang lebih baru (skema v" +
                         std::to_string(id.user_version) + ", versi ini mengenal sampai v" +
                         std::to_string(LatestSchemaVersion()) +
                         "). Berkas tidak diubah; perbarui aplikasi Sinau untuk membukanya."};
        const bool empty = id.tables == 0 && id.user_version == 0;
        if (!empty && id.app != "sinau")
            return Error{where +
                         " adalah basis data SQLite milik program lain (bukan Sinau). Berkas tidak diubah; "
                         "pilih berkas lain atau lokasi baru."};
        found_version = id.user_version;
    }

    auto self = std::unique_ptr<Database>(new Database());
    self->path_ = path;
    self->opened_from_version_ = found_version;
    try {
        self->db_ = std::make_unique<SQLite::Database>(
            path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, kBusyTimeoutMs);
        auto& db = *self->db_;
        if (found_version > 0 && found_version < LatestSchemaVersion()) {
            // A consistent copy (VACUUM INTO reads through the WAL) before a single byte is migrated.
            self->backup_path_ = FreeBackupPath(path, found_version);
            SQLite::Statement backup(db, "VACUUM INTO ?");
            backup.bind(1, self->backup_path_.string());
            backup.exec();
        }
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = FULL");
        db.exec("PRAGMA foreign_keys = ON");
        {
            // IMMEDIATE: take the write lock first, then re-read the version, so two processes opening the
            // same old file cannot both migrate it.
            SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
            const int now = db.execAndGet("PRAGMA user_version").getInt();
            if (now > LatestSchemaVersion())
                return Error{
                    where + " baru saja diperbarui oleh versi Sinau yang lebih baru; perbarui aplikasi ini."};
            if (now < LatestSchemaVersion()) ApplyMigrations(db, now, LatestSchemaVersion());
            WriteMetaIfMissing(db);
            tx.commit();
        }
        self->schema_version_ = db.execAndGet("PRAGMA user_version").getInt();
        self->installation_id_ =
            db.execAndGet("SELECT value FROM meta WHERE key = 'installation_id'").getString();
    } catch (const std::exception& e) {
        return Error{where + " tidak dapat dibuka atau diperbarui: " + e.what() +
                     (self->backup_path_.empty()
                          ? std::string()
                          : ". Salinan sebelum pembaruan: " + Quoted(self->backup_path_))};
    }
    return self;
}

Expected<std::unique_ptr<Database>> Database::OpenReadOnly(const fs::path& path) {
    const std::string where = "Basis data " + Quoted(path);
    std::string why;
    const FileKind kind = InspectHeader(path, why);
    if (kind == FileKind::Absent || kind == FileKind::Empty)
        return Error{where + " tidak ada atau masih kosong."};
    if (kind != FileKind::Sqlite) return Error{where + " tidak dapat dibaca: berkas " + why + "."};
    auto self = std::unique_ptr<Database>(new Database());
    self->path_ = path;
    try {
        self->db_ = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READONLY, kBusyTimeoutMs);
        auto& db = *self->db_;
        // Map the file instead of copying each page through read(): a fresh connection per query reads the
        // OS cache directly (the dashboard summary's system time at 100,000 learners drops to near zero).
        db.exec("PRAGMA mmap_size = 268435456");
        self->schema_version_ = self->opened_from_version_ = db.execAndGet("PRAGMA user_version").getInt();
        if (self->schema_version_ > LatestSchemaVersion())
            return Error{where + " dibuat oleh versi Sinau yang lebih baru; perbarui aplikasi ini."};
        if (db.tableExists("meta"))
            if (auto id = self->GetMeta("installation_id")) self->installation_id_ = *id;
    } catch (const std::exception& e) {
        return Error{where + " tidak dapat dibaca: " + e.what()};
    }
    return self;
}

SQLite::Statement& Database::Prepared(const std::string& sql_text) {
    auto& slot = statements_[sql_text];
    if (!slot) {
        slot = std::make_unique<SQLite::Statement>(*db_, sql_text);
    } else {
        slot->tryReset();  // a previous failed step leaves its error code here: not ours to rethrow
        slot->clearBindings();
    }
    return *slot;
}

WriteTransaction::WriteTransaction(Database& db) : db_(db.sql()) {
    outer_ = sqlite3_get_autocommit(db_.getHandle()) != 0;
    db_.exec(outer_ ? "BEGIN IMMEDIATE" : "SAVEPOINT sinau_write");
}

WriteTransaction::~WriteTransaction() {
    if (done_) return;
    if (outer_) {
        db_.tryExec("ROLLBACK");
    } else {
        db_.tryExec("ROLLBACK TO sinau_write");
        db_.tryExec("RELEASE sinau_write");
    }
}

void WriteTransaction::commit() {
    db_.exec(outer_ ? "COMMIT" : "RELEASE sinau_write");
    done_ = true;
}

namespace {
std::optional<std::string> ReadValue(Database& db, const std::string& sql, std::string_view key) {
    auto& q = db.Prepared(sql);
    ResetOnExit reset(q);
    q.bind(1, std::string(key));
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}
void WriteValue(Database& db, const std::string& sql, std::string_view key, std::string_view value) {
    auto& q = db.Prepared(sql);
    ResetOnExit reset(q);
    q.bind(1, std::string(key));
    q.bind(2, std::string(value));
    q.exec();
}
}  // namespace

std::optional<std::string> Database::GetSetting(std::string_view key) {
    return ReadValue(*this, "SELECT value FROM settings WHERE key = ?", key);
}

void Database::SetSetting(std::string_view key, std::string_view value) {
    WriteValue(*this,
               "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
               "excluded.value",
               key, value);
}

void Database::DeleteSetting(std::string_view key) {
    auto& q = Prepared("DELETE FROM settings WHERE key = ?");
    ResetOnExit reset(q);
    q.bind(1, std::string(key));
    q.exec();
}

std::optional<std::string> Database::GetMeta(std::string_view key) {
    return ReadValue(*this, "SELECT value FROM meta WHERE key = ?", key);
}

void Database::SetMeta(std::string_view key, std::string_view value) {
    WriteValue(*this,
               "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
               "excluded.value",
               key, value);
}

Database::BulkWrites::BulkWrites(Database& db) : db_(db) {
    db_.sql().exec("PRAGMA synchronous = NORMAL");
    db_.sql().exec("PRAGMA wal_autocheckpoint = 10000");
}

Database::BulkWrites::~BulkWrites() {
    db_.sql().tryExec("PRAGMA synchronous = FULL");
    db_.sql().tryExec("PRAGMA wal_autocheckpoint = 1000");
}

void CreateDatabaseAtVersion(const fs::path& path, int version) {
    if (version < 1 || version > LatestSchemaVersion())
        throw std::invalid_argument("CreateDatabaseAtVersion: no schema version " + std::to_string(version));
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, kBusyTimeoutMs);
    db.exec("PRAGMA journal_mode = WAL");
    SQLite::Transaction tx(db);
    ApplyMigrations(db, 0, version);
    WriteMetaIfMissing(db);
    tx.commit();
}

}  // namespace sinau::store
