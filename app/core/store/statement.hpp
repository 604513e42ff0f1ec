#pragma once
// The store's own half of the door: SQLiteCpp and the helpers every store/*.cpp query file shares.
// Only files under app/core/store include this (tests/unit/layout: SQLite headers nowhere else).
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>

#include "store/database.hpp"

namespace sinau::store {

// Resets a Prepared() statement when the scope ends, so a half-read SELECT never keeps a read snapshot
// (which would stop WAL checkpoints) between calls.
class ResetOnExit {
public:
    explicit ResetOnExit(SQLite::Statement& statement) : statement_(statement) {}
    ~ResetOnExit() { statement_.tryReset(); }
    ResetOnExit(const ResetOnExit&) = delete;
    ResetOnExit& operator=(const ResetOnExit&) = delete;

private:
    SQLite::Statement& statement_;
};

inline std::optional<std::string> OptText(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getString();
}
inline std::optional<double> OptReal(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getDouble();
}
// Binds a value or NULL.
inline void BindOpt(SQLite::Statement& q, int index, const std::optional<std::string>& v) {
    if (v)
        q.bind(index, *v);
    else
        q.bind(index);
}
inline void BindOpt(SQLite::Statement& q, int index, const std::optional<double>& v) {
    if (v)
        q.bind(index, *v);
    else
        q.bind(index);
}
// Binds text, or NULL when empty (columns where "" means "none", e.g. a participant without NIP).
inline void BindTextOrNull(SQLite::Statement& q, int index, const std::string& v) {
    if (v.empty())
        q.bind(index);
    else
        q.bind(index, v);
}

}  // namespace sinau::store
