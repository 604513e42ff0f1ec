#include "store/certificate_records.hpp"

#include "store/statement.hpp"

namespace sinau::store {

std::vector<CompletedLearner> CompletedLearners(Database& db, std::string_view nip) {
    std::string sql =
        "SELECT l.name, l.nip, l.instansi, c.course_id, substr(c.completed_at, 1, 10), c.final_score "
        "FROM completions c JOIN learners l ON l.id = c.learner_id";
    if (!nip.empty()) sql += " WHERE l.nip = ?";
    sql += " ORDER BY l.name COLLATE NOCASE, l.nip";
    auto& q = db.Prepared(sql);
    ResetOnExit reset(q);
    if (!nip.empty()) q.bind(1, std::string(nip));
    std::vector<CompletedLearner> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getDouble()});
    return out;
}

void RecordIssuedCertificate(Database& db, const IssuedCertificateRow& row) {
    auto& q = db.Prepared(
        "INSERT OR IGNORE INTO issued_certificates (short_code, facts, signature, nip, issued_at, "
        "public_key) "
        "VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?)");
    ResetOnExit reset(q);
    q.bind(1, row.short_code);
    q.bind(2, row.facts);
    q.bind(3, row.signature);
    q.bind(4, row.nip);
    q.bind(5, row.public_key);
    q.exec();
}

std::optional<IssuedCertificateRow> FindIssuedCertificate(Database& db, std::string_view short_code,
                                                          std::string_view public_key) {
    auto& q = db.Prepared(
        "SELECT facts, signature, nip FROM issued_certificates WHERE short_code = ? AND public_key = ?");
    ResetOnExit reset(q);
    q.bind(1, std::string(short_code));
    q.bind(2, std::string(public_key));
    if (!q.executeStep()) return std::nullopt;
    return IssuedCertificateRow{std::string(short_code), q.getColumn(0).getString(),
                                q.getColumn(1).getString(), q.getColumn(2).getString(),
                                std::string(public_key)};
}

}  // namespace sinau::store
