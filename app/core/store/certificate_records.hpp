#pragma once
// What certificates are made from and what was handed out: completions joined to their learners, and the
// issued_certificates table (schema v4). The signing and the codes are certificates/certificate.hpp's;
// the signing key lives in meta (Database::GetMeta/SetMeta).
//
// Threads: the caller's connection. Throws SQLite::Exception (std::exception) on database errors.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace sinau::store {

struct CompletedLearner {
    std::string name, nip, instansi;
    std::string course_id;
    std::string completed_on;  // YYYY-MM-DD (UTC date of completions.completed_at)
    double final_score = 0;
};
// Every learner with a completion, by name (case-insensitive) then NIP; `nip` given: only that learner.
std::vector<CompletedLearner> CompletedLearners(Database& db, std::string_view nip = {});

struct IssuedCertificateRow {
    std::string short_code;  // 'XXXX-XXXX-XXXX-XXXX'
    std::string facts;       // the canonical text that was signed
    std::string signature;   // Base32 of the full signature
    std::string nip;
    std::string public_key;  // hex of the key that signed
};
// Records a certificate handed out; the same short code again is a no-op (codes are deterministic).
void RecordIssuedCertificate(Database& db, const IssuedCertificateRow& row);
// The row with this short code signed by `public_key` (hex); rows merged from another PC, signed by
// another key, are not found.
std::optional<IssuedCertificateRow> FindIssuedCertificate(Database& db, std::string_view short_code,
                                                          std::string_view public_key);

}  // namespace sinau::store
