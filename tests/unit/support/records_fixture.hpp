#pragma once
// Test helpers for records: a temporary folder and a real Sinau database (store::Database::Open), plus
// inserts that follow schema v1 so each test states its data in a few readable lines.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "store/database.hpp"

namespace records_test {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() /
               ("sinau-records-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::filesystem::path operator/(const std::string& name) const { return path / name; }
};

inline std::unique_ptr<sinau::store::Database> OpenDb(const std::filesystem::path& p) {
    auto db = sinau::store::Database::Open(p);
    if (!db) throw std::runtime_error(db.error().message);
    return std::move(*db);
}

inline void Exec(SQLite::Database& db, const std::string& sql, std::initializer_list<std::string> params) {
    SQLite::Statement q(db, sql);
    int i = 1;
    for (const auto& p : params) {
        if (p == "NULL")
            q.bind(i++);
        else
            q.bind(i++, p);
    }
    q.exec();
}

inline void AddLearner(SQLite::Database& db, const std::string& id, const std::string& nip,
                       const std::string& name, const std::string& instansi,
                       const std::string& updated = "2024-01-01T00:00:00.000Z") {
    Exec(db, "INSERT INTO learners (id, nip, name, instansi, created_at, updated_at) VALUES (?,?,?,?,?,?)",
         {id, nip, name, instansi, updated, updated});
}

inline void AddResult(SQLite::Database& db, const std::string& learner, const std::string& module,
                      const std::string& status, const std::string& score, const std::string& updated) {
    Exec(db,
         "INSERT INTO module_results (learner_id, module_id, status, score, attempts, passed_at, updated_at) "
         "VALUES (?,?,?,?,1,?,?)",
         {learner, module, status, score, status == "lulus" ? updated : "NULL", updated});
}

inline void AddCompletion(SQLite::Database& db, const std::string& learner, const std::string& when,
                          const std::string& score) {
    Exec(db,
         "INSERT INTO completions (learner_id, course_id, content_version, completed_at, final_score, "
         "updated_at) "
         "VALUES (?, 'netralitas-asn-pemilu-2024', '1.0.0', ?, ?, ?)",
         {learner, when, score, when});
}

inline void AddAttempt(SQLite::Database& db, const std::string& id, const std::string& learner,
                       const std::string& module, const std::string& started, const std::string& score,
                       const std::string& kind = "quiz", const std::string& session = "NULL") {
    Exec(db,
         "INSERT INTO attempts (id, learner_id, module_id, kind, mode, course_id, content_version, plan, "
         "class_session_id, started_at, submitted_at, score, passed, updated_at) "
         "VALUES (?,?,?,?, 'ujian', 'netralitas-asn-pemilu-2024', '1.0.0', '[]', ?, ?, ?, ?, ?, ?)",
         {id, learner, module, kind, session, started, started, score, std::stod(score) >= 70 ? "1" : "0",
          started});
}

inline void AddResponse(SQLite::Database& db, const std::string& id, const std::string& attempt,
                        const std::string& question, const std::string& answer, const std::string& fraction,
                        const std::string& at = "2024-02-01T10:00:00.000Z") {
    Exec(db,
         "INSERT INTO responses (id, attempt_id, question_id, question_hash, content_version, answer, "
         "fraction, "
         "answered_at, duration_ms, updated_at) VALUES (?,?,?, 'h', '1.0.0', ?, ?, ?, 12340, ?)",
         {id, attempt, question, answer, fraction, at, at});
}

inline std::string ReadFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::string FileHash(const std::filesystem::path& p) {
    const std::string bytes = ReadFile(p);
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return std::string(reinterpret_cast<char*>(h), sizeof h);
}

// A minimal RFC 4180 reader for checking our own output.
inline std::vector<std::vector<std::string>> ParseCsv(std::string_view text, char sep) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false, was_quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field.push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field.push_back(c);
            }
        } else if (c == '"' && field.empty() && !was_quoted) {
            quoted = was_quoted = true;
        } else if (c == sep) {
            rows.back().push_back(field);
            field.clear();
            was_quoted = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(field);
            field.clear();
            was_quoted = false;
            rows.emplace_back();
            ++i;
        } else {
            field.push_back(c);
        }
    }
    if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

}  // namespace records_test
