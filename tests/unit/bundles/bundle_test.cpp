// Export bundles (*.sinau): written from real Sinau databases, read back through OpenBundle/ImportFiles into
// real target files; damaged or forged bundles must be refused with the target's bytes unchanged.
#include <zip.h>
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "../support/records_fixture.hpp"
#include "bundles/bundle.hpp"
#include "bundles/import.hpp"
#include "store/certificate_records.hpp"
#include "store/essay_records.hpp"

using namespace sinau::bundles;
using namespace sinau::store;
using namespace records_test;

namespace {

int64_t Count(SQLite::Database& db, const std::string& sql) {
    return db.execAndGet(sql).getInt64();
}

// Rows of a query joined into one string, for comparing two databases' contents.
std::string Rows(SQLite::Database& db, const std::string& sql) {
    SQLite::Statement q(db, sql);
    std::string s;
    while (q.executeStep()) {
        for (int c = 0; c < q.getColumnCount(); ++c) s += q.getColumn(c).getString() + "|";
        s += "\n";
    }
    return s;
}

// Two instansi, attempts and answers for some learners, a secret in settings and meta.
void Seed(const std::filesystem::path& p) {
    auto db = OpenDb(p);
    auto& s = db->sql();
    AddLearner(s, "L1", "198001012005011001", "Ani", "BKD", "2024-03-01T00:00:00.000Z");
    AddLearner(s, "L2", "198001012005011002", "Budi", "Bappeda", "2024-03-01T00:00:00.000Z");
    AddLearner(s, "L3", "198001012005011003", "Citra", "BKD", "2024-03-01T00:00:00.000Z");
    AddAttempt(s, "A1", "L1", "m1", "2024-03-02T09:00:00.000Z", "80");
    AddAttempt(s, "A2", "L2", "m1", "2024-03-02T10:00:00.000Z", "50");
    AddResponse(s, "R1", "A1", "q1", "{\"choice\":0}", "1");
    AddResponse(s, "R2", "A1", "q2", "{\"choice\":2}", "0");
    AddResponse(s, "R3", "A2", "q1", "{\"choice\":1}", "0");
    AddResult(s, "L1", "m1", "lulus", "80", "2024-03-02T09:05:00.000Z");
    AddResult(s, "L2", "m1", "sedang", "50", "2024-03-02T10:05:00.000Z");
    AddCompletion(s, "L1", "2024-03-05T00:00:00.000Z", "85");
    // A certificate handed out to Ani and Budi, and a trainer's grade on one answer of each.
    sinau::store::RecordIssuedCertificate(*db,
                                          {"AAAA-AAAA-AAAA-AAAA", "Ani", "s1", "198001012005011001", "k"});
    sinau::store::RecordIssuedCertificate(*db,
                                          {"BBBB-BBBB-BBBB-BBBB", "Budi", "s2", "198001012005011002", "k"});
    sinau::store::SaveEssayGrade(*db, "R2", 40, "kurang");
    sinau::store::SaveEssayGrade(*db, "R3", 60, "cukup");
    db->SetSetting("admin.pin_hash", "$argon2id$rahasia");
    db->SetMeta("cert.secret_key", "00112233");
}

const char* kLearners = "SELECT nip, name, instansi, updated_at FROM learners ORDER BY nip";
const char* kAttempts =
    "SELECT a.id, l.nip, a.module_id, a.score, a.updated_at FROM attempts a JOIN learners l ON l.id = "
    "a.learner_id ORDER BY a.id";
const char* kResponses =
    "SELECT id, attempt_id, question_id, answer, fraction, updated_at FROM responses ORDER BY id";

std::string Entry(const std::filesystem::path& bundle, const char* name) {
    int err = 0;
    zip_t* z = zip_open(bundle.c_str(), ZIP_RDONLY, &err);
    REQUIRE(z);
    zip_stat_t st;
    REQUIRE(zip_stat(z, name, 0, &st) == 0);
    std::string bytes(st.size, '\0');
    zip_file_t* f = zip_fopen(z, name, 0);
    REQUIRE(f);
    REQUIRE(zip_fread(f, bytes.data(), st.size) == zip_int64_t(st.size));
    zip_fclose(f);
    zip_discard(z);
    return bytes;
}

// A zip with exactly these entries, to forge bundles.
void WriteZip(const std::filesystem::path& out,
              const std::vector<std::pair<std::string, std::string>>& entries) {
    int err = 0;
    zip_t* z = zip_open(out.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    REQUIRE(z);
    for (const auto& [name, bytes] : entries) {
        zip_source_t* src = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
        REQUIRE(zip_file_add(z, name.c_str(), src, 0) >= 0);
    }
    REQUIRE(zip_close(z) == 0);
}

std::string Sha256Hex(const std::string& bytes) {
    unsigned char d[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(d, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::string s;
    char b[3];
    for (unsigned char c : d) {
        std::snprintf(b, sizeof b, "%02x", c);
        s += b;
    }
    return s;
}

}  // namespace

TEST_CASE("A bundle round-trips into an empty target, re-import changes nothing, secrets stay home",
          "[bundle]") {
    TempDir dir;
    Seed(dir / "pc1.db");
    auto source = OpenDb(dir / "pc1.db");
    auto written = WriteBundle(*source, LearnerFilter{}, dir / "pc1.sinau");
    REQUIRE(written.ok());
    CHECK(written->manifest.learners == 3);
    CHECK(written->manifest.attempts == 2);
    CHECK(written->manifest.responses == 3);
    CHECK(written->manifest.installation_id == source->installation_id());
    CHECK(LooksLikeBundle(dir / "pc1.sinau"));
    CHECK_FALSE(LooksLikeBundle(dir / "pc1.db"));

    auto manifest = nlohmann::json::parse(Entry(dir / "pc1.sinau", "manifest.json"));
    CHECK(manifest["format"] == "sinau-bundle");
    CHECK(manifest["version"] == 1);
    CHECK(manifest["sha256"] == Sha256Hex(Entry(dir / "pc1.sinau", "records.db")));

    auto target = OpenDb(dir / "target.db");
    auto& t = target->sql();
    auto r = ImportFiles(*target, {dir / "pc1.sinau"});
    REQUIRE(r.ok());
    REQUIRE(r->sources.size() == 1);
    CHECK(r->sources[0] == dir / "pc1.sinau");  // the report names the bundle, not the extracted file
    CHECK(Rows(t, kLearners) == Rows(source->sql(), kLearners));
    CHECK(Rows(t, kAttempts) == Rows(source->sql(), kAttempts));
    CHECK(Rows(t, kResponses) == Rows(source->sql(), kResponses));
    CHECK(Count(t, "SELECT count(*) FROM completions") == 1);

    // The PIN hash and the certificate key never travel in a bundle.
    {
        auto opened = OpenBundle(dir / "pc1.sinau");
        REQUIRE(opened.ok());
        SQLite::Database inside(opened->db_path().string(), SQLite::OPEN_READONLY);
        CHECK(Count(inside, "SELECT count(*) FROM settings") == 0);
        CHECK(Count(inside, "SELECT count(*) FROM meta WHERE key = 'cert.secret_key'") == 0);
        CHECK(inside.execAndGet("SELECT value FROM meta WHERE key = 'app'").getString() == "sinau");
    }
    CHECK_FALSE(target->GetSetting("admin.pin_hash").has_value());
    // ... not even in the snapshot's free pages.
    const std::string inside = Entry(dir / "pc1.sinau", "records.db");
    CHECK(inside.find("rahasia") == std::string::npos);
    CHECK(inside.find("00112233") == std::string::npos);

    const auto before = Count(t, "SELECT total_changes()");
    auto again = ImportFiles(*target, {dir / "pc1.sinau"});
    REQUIRE(again.ok());
    CHECK(again->changed() == 0);
    CHECK(Count(t, "SELECT total_changes()") == before);
}

TEST_CASE("The extracted database is a temporary file removed after use", "[bundle]") {
    TempDir dir;
    Seed(dir / "pc1.db");
    auto source = OpenDb(dir / "pc1.db");
    REQUIRE(WriteBundle(*source, LearnerFilter{}, dir / "pc1.sinau").ok());
    std::filesystem::path extracted;
    {
        auto opened = OpenBundle(dir / "pc1.sinau");
        REQUIRE(opened.ok());
        extracted = opened->db_path();
        CHECK(std::filesystem::exists(extracted));
    }
    CHECK_FALSE(std::filesystem::exists(extracted));
    // Nothing but the bundle itself appeared beside it (no half or temporary file).
    int files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path)) ++files;
    CHECK(files == 2 + int(std::filesystem::exists(dir / "pc1.db-wal")) +
                       int(std::filesystem::exists(dir / "pc1.db-shm")));
}

TEST_CASE("A filtered bundle carries only the filter's learners and their rows", "[bundle]") {
    TempDir dir;
    Seed(dir / "pc1.db");
    auto source = OpenDb(dir / "pc1.db");
    LearnerFilter bkd;
    bkd.instansi = "BKD";
    auto written = WriteBundle(*source, bkd, dir / "bkd.sinau");
    REQUIRE(written.ok());
    CHECK(written->manifest.learners == 2);
    CHECK(written->manifest.attempts == 1);
    CHECK(written->manifest.responses == 2);
    CHECK(written->manifest.filter.find("BKD") != std::string::npos);

    auto target = OpenDb(dir / "target.db");
    auto& t = target->sql();
    REQUIRE(ImportFiles(*target, {dir / "bkd.sinau"}).ok());
    CHECK(Rows(t, "SELECT nip FROM learners ORDER BY nip") == "198001012005011001|\n198001012005011003|\n");
    CHECK(Rows(t, "SELECT id FROM attempts") == "A1|\n");
    CHECK(Rows(t, "SELECT id FROM responses ORDER BY id") == "R1|\nR2|\n");
    CHECK(Count(t, "SELECT count(*) FROM module_results") == 1);
    // Certificates and trainers' grades travel with their learners only.
    CHECK(Rows(t, "SELECT short_code FROM issued_certificates") == "AAAA-AAAA-AAAA-AAAA|\n");
    CHECK(Rows(t, "SELECT response_id, comment FROM essay_grades") == "R2|kurang|\n");
    // Deleted rows do not linger in the file's free pages either.
    const std::string db = Entry(dir / "bkd.sinau", "records.db");
    CHECK(db.find("Bappeda") == std::string::npos);
    CHECK(db.find("Budi") == std::string::npos);
}

TEST_CASE("Damaged, forged or foreign bundles are refused and the target stays byte-identical", "[bundle]") {
    TempDir dir;
    Seed(dir / "pc1.db");
    {
        auto source = OpenDb(dir / "pc1.db");
        REQUIRE(WriteBundle(*source, LearnerFilter{}, dir / "pc1.sinau").ok());
        auto other = OpenDb(dir / "lain.db");  // another valid Sinau database
        AddLearner(other->sql(), "X1", "199001012015011001", "Penyusup", "BKD");
    }
    const std::string manifest = Entry(dir / "pc1.sinau", "manifest.json");
    const std::string records = Entry(dir / "pc1.sinau", "records.db");
    const std::string bundle = ReadFile(dir / "pc1.sinau");
    auto edit = [&](const std::function<void(nlohmann::json&)>& f) {
        auto j = nlohmann::json::parse(manifest);
        f(j);
        return j.dump();
    };
    std::string other_db;
    {
        auto o = OpenDb(dir / "lain.db");
        o->sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    other_db = ReadFile(dir / "lain.db");
    {
        SQLite::Database foreign((dir / "asing.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        foreign.exec("CREATE TABLE learners (id); INSERT INTO learners VALUES (1)");
    }
    const std::string foreign_db = ReadFile(dir / "asing.db");

    // Tampered records.db: a different database under the original manifest.
    WriteZip(dir / "ubah-db.sinau", {{"manifest.json", manifest}, {"records.db", other_db}});
    // Edited manifests.
    WriteZip(dir / "ubah-jumlah.sinau",
             {{"manifest.json", edit([](auto& j) { j["learners"] = 30; })}, {"records.db", records}});
    WriteZip(dir / "ubah-format.sinau",
             {{"manifest.json", edit([](auto& j) { j["format"] = "lain"; })}, {"records.db", records}});
    WriteZip(dir / "ubah-versi.sinau",
             {{"manifest.json", edit([](auto& j) { j["version"] = 2; })}, {"records.db", records}});
    WriteZip(dir / "bukan-json.sinau",
             {{"manifest.json", "{\"format\": \"sinau-bundle\","}, {"records.db", records}});
    // A consistent zip around a foreign SQLite database (the hash matches, the content is not Sinau's).
    WriteZip(dir / "asing.sinau",
             {{"manifest.json", edit([&](auto& j) { j["sha256"] = Sha256Hex(foreign_db); })},
              {"records.db", foreign_db}});
    WriteZip(dir / "tambahan.sinau",
             {{"manifest.json", manifest}, {"records.db", records}, {"../../evil.sh", "rm -rf /"}});
    WriteZip(dir / "tanpa-manifest.sinau", {{"records.db", records}});
    // Truncated bundle (copied half-way to a USB stick), random bytes, and a truncated local header.
    std::ofstream(dir / "potong.sinau", std::ios::binary) << bundle.substr(0, bundle.size() - 100);
    std::ofstream(dir / "potong-awal.sinau", std::ios::binary) << bundle.substr(0, 40);
    {
        std::mt19937 rng(42);
        std::string noise(4096, '\0');
        for (auto& c : noise) c = char(rng());
        std::ofstream(dir / "acak.sinau", std::ios::binary) << noise;
        // Random bytes behind a zip signature.
        noise[0] = 'P', noise[1] = 'K', noise[2] = 3, noise[3] = 4;
        std::ofstream(dir / "acak-pk.sinau", std::ios::binary) << noise;
    }

    {
        auto target = OpenDb(dir / "target.db");
        AddLearner(target->sql(), "T1", "198001012005011009", "Dewi", "BKD");
    }
    const auto hash = FileHash(dir / "target.db");
    const std::vector<std::pair<const char*, const char*>> cases = {
        {"ubah-db.sinau", "SHA-256"},          {"ubah-jumlah.sinau", "jumlah rekaman"},
        {"ubah-format.sinau", "sinau-bundle"}, {"ubah-versi.sinau", "versi 2"},
        {"bukan-json.sinau", "bukan JSON"},    {"asing.sinau", "program lain"},
        {"tambahan.sinau", "tidak dikenal"},   {"tanpa-manifest.sinau", "manifest.json"},
        {"potong.sinau", "terpotong"},         {"potong-awal.sinau", "terpotong"},
        {"acak.sinau", "bukan basis data"},    {"acak-pk.sinau", "terpotong"},
    };
    for (const auto& [bad, words] : cases) {
        INFO(bad);
        auto target = OpenDb(dir / "target.db");
        CHECK_FALSE(CheckImportSource(dir / bad).ok());
        // The good bundle first: proves nothing of it lands when a later file is refused.
        auto r = ImportFiles(*target, {dir / "pc1.sinau", dir / bad});
        REQUIRE_FALSE(r.ok());
        INFO(r.error().message);
        CHECK(r.error().message.find(bad) != std::string::npos);
        CHECK(r.error().message.find(words) != std::string::npos);
        CHECK(target->sql().execAndGet("SELECT count(*) FROM learners").getInt() == 1);
        target.reset();
        CHECK(FileHash(dir / "target.db") == hash);
    }
}

TEST_CASE("A zip bomb posing as records.db is refused before it is extracted", "[bundle]") {
    TempDir dir;
    Seed(dir / "pc1.db");
    {
        auto source = OpenDb(dir / "pc1.db");
        REQUIRE(WriteBundle(*source, LearnerFilter{}, dir / "pc1.sinau").ok());
    }
    // 96 MiB of zeros deflate to ~100 KiB: no SQLite snapshot compresses like that.
    const std::string zeros(size_t(96) << 20, '\0');
    WriteZip(dir / "bom.sinau",
             {{"manifest.json", Entry(dir / "pc1.sinau", "manifest.json")}, {"records.db", zeros}});
    auto target = OpenDb(dir / "target.db");
    auto r = ImportFiles(*target, {dir / "bom.sinau"});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("bom.sinau") != std::string::npos);
    CHECK(r.error().message.find("terlalu besar") != std::string::npos);
    CHECK(target->sql().execAndGet("SELECT count(*) FROM learners").getInt() == 0);
}

TEST_CASE("Writing a bundle over an existing file fails cleanly when the folder is missing", "[bundle]") {
    TempDir dir;
    Seed(dir / "pc1.db");
    auto source = OpenDb(dir / "pc1.db");
    auto r = WriteBundle(*source, LearnerFilter{}, dir / "tidak-ada" / "x.sinau");
    REQUIRE_FALSE(r.ok());
    CHECK_FALSE(std::filesystem::exists(dir / "tidak-ada"));
}
