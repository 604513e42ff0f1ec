#include "records/kv.hpp"

#include <SQLiteCpp/Statement.h>

namespace sinau::records {
namespace {

std::optional<std::string> Read(SQLite::Database& db, const char* sql, std::string_view key) {
    SQLite::Statement q(db, sql);
    q.bind(1, std::string(key));
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

void Write(SQLite::Database& db, const char* sql, std::string_view key, std::string_view value) {
    SQLite::Statement q(db, sql);
    q.bind(1, std::string(key));
    q.bind(2, std::string(value));
    q.exec();
}

}  // namespace

std::optional<std::string> ReadSetting(SQLite::Database& db, std::string_view key) {
    return Read(db, "SELECT value FROM settings WHERE key = ?", key);
}

void WriteSetting(SQLite::Database& db, std::string_view key, std::string_view value) {
    Write(db,
          "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
          "excluded.value",
          key, value);
}

void DeleteSetting(SQLite::Database& db, std::string_view key) {
    SQLite::Statement q(db, "DELETE FROM settings WHERE key = ?");
    q.bind(1, std::string(key));
    q.exec();
}

std::optional<std::string> ReadMeta(SQLite::Database& db, std::string_view key) {
    return Read(db, "SELECT value FROM meta WHERE key = ?", key);
}

void WriteMeta(SQLite::Database& db, std::string_view key, std::string_view value) {
    Write(
        db,
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        key, value);
}

}  // namespace sinau::records
