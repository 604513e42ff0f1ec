#pragma once
// The settings and meta key/value tables (schema v1) read and written on a raw connection, so records code
// and its tests work on any SQLite::Database, not only one opened through store::Database.
//
// Threads: the caller's connection, one thread at a time. All functions throw SQLite::Exception on
// database errors (the CLI and UI catch them at their boundary).
#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <string_view>

namespace sinau::records {

std::optional<std::string> ReadSetting(SQLite::Database& db, std::string_view key);
void WriteSetting(SQLite::Database& db, std::string_view key, std::string_view value);  // upsert
void DeleteSetting(SQLite::Database& db, std::string_view key);

std::optional<std::string> ReadMeta(SQLite::Database& db, std::string_view key);
void WriteMeta(SQLite::Database& db, std::string_view key, std::string_view value);  // upsert

}  // namespace sinau::records
