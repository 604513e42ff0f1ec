#include "records/bundle.hpp"

#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "records/atomic_file.hpp"
#include "util/time.hpp"

namespace sinau::records {
namespace fs = std::filesystem;

namespace {

constexpr const char* kDbEntry = "records.db";
constexpr const char* kManifestEntry = "manifest.json";
constexpr const char* kNothingImported = " Tidak ada yang diimpor.";

// A temporary file removed (with SQLite's side files) when the scope ends.
class ScopedTemp {
public:
    ScopedTemp() = default;
    explicit ScopedTemp(fs::path p) : path_(std::move(p)) {}
    ~ScopedTemp() { Remove(); }
    ScopedTemp(const ScopedTemp&) = delete;
    ScopedTemp& operator=(const ScopedTemp&) = delete;
    const fs::path& path() const { return path_; }
    fs::path Release() { return std::exchange(path_, fs::path()); }
    void Remove() {
        if (path_.empty()) return;
        std::error_code ec;
        for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path_.string() + suffix, ec);
        path_.clear();
    }

private:
    fs::path path_;
};

// An empty private file in the temp folder (0600: a bundle's records are personal data).
Expected<fs::path> MakeTempFile(const char* stem) {
    std::error_code ec;
    fs::path dir = fs::temp_directory_path(ec);
    if (ec) dir = "/tmp";
    std::string templ = (dir / (std::string(stem) + "-XXXXXX")).string();
    const int fd = ::mkstemp(templ.data());
    if (fd < 0)
        return Error{"Tidak dapat membuat berkas sementara di " + dir.string() + " (" + std::strerror(errno) +
                     ")."};
    ::close(fd);
    return fs::path(templ);
}

std::string Hex(const unsigned char* p, size_t n) {
    static const char* digits = "0123456789abcdef";
    std::string s;
    s.reserve(n * 2);
    for (size_t i = 0; i < n; ++i) {
        s.push_back(digits[p[i] >> 4]);
        s.push_back(digits[p[i] & 15]);
    }
    return s;
}

Expected<std::string> HashFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return Error{"Tidak dapat membaca " + p.string() + "."};
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    std::vector<char> buf(1 << 16);
    while (in) {
        in.read(buf.data(), std::streamsize(buf.size()));
        if (in.gcount() > 0)
            crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(buf.data()),
                                      size_t(in.gcount()));
    }
    if (in.bad()) return Error{"Gagal membaca " + p.string() + "."};
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&st, out);
    return Hex(out, sizeof out);
}

int64_t CountOf(SQLite::Database& db, const char* table) {
    return db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
}

// Reduces the snapshot to the learners the filter selects. Order follows the foreign keys (children first);
// the schema's triggers keep learner_stats and module_tally consistent with what is deleted.
void KeepOnlyFiltered(SQLite::Database& s, const LearnerFilter& filter) {
    const auto ids = BuildLearnerIdQuery(filter);
    SQLite::Statement keep(s, "CREATE TEMP TABLE bundle_keep AS " + ids.sql);
    int i = 1;
    for (const auto& p : ids.params) keep.bind(i++, p);
    keep.exec();
    const std::string out = " NOT IN (SELECT id FROM temp.bundle_keep)";
    s.exec(
        "DELETE FROM responses WHERE attempt_id IN (SELECT id FROM attempts WHERE learner_id IS NULL OR "
        "learner_id" +
        out + ")");
    s.exec("DELETE FROM attempts WHERE learner_id IS NULL OR learner_id" + out);
    s.exec("DELETE FROM class_participants WHERE (learner_id IS NULL OR learner_id" + out +
           ") AND id NOT IN (SELECT participant_id FROM attempts WHERE participant_id IS NOT NULL)");
    s.exec(
        "DELETE FROM class_sessions WHERE id NOT IN (SELECT session_id FROM class_participants) "
        "AND id NOT IN (SELECT class_session_id FROM attempts WHERE class_session_id IS NOT NULL)");
    for (const char* t : {"reading_progress", "scenario_runs", "module_results", "completions"})
        s.exec(std::string("DELETE FROM ") + t + " WHERE learner_id" + out);
    s.exec("DELETE FROM learners WHERE id" + out);
    // The chart tally keeps emptied (n = 0) rows, which would still name the other instansi.
    if (s.tableExists("module_tally")) s.exec("DELETE FROM module_tally WHERE n = 0 AND score_n = 0");
    s.exec("DROP TABLE temp.bundle_keep");
}

struct ZipDiscard {
    void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipDiscard>;
struct ZipFileClose {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};
using ZipFile = std::unique_ptr<zip_file_t, ZipFileClose>;

std::string ZipError(int code) {
    zip_error_t e;
    zip_error_init_with_code(&e, code);
    std::string s = zip_error_strerror(&e);
    zip_error_fini(&e);
    return s;
}

void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
    if (from.empty()) return;
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

Expected<BundleManifest> ParseManifest(const std::string& name, const std::string& text) {
    const std::string bad = name + ": manifest.json bukan milik bundel Sinau";
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return Error{name + ": manifest.json bukan JSON yang sah; bundel rusak." + kNothingImported};
    if (!j.contains("format") || j["format"] != kBundleFormat)
        return Error{bad + " (format bukan \"sinau-bundle\")." + kNothingImported};
    if (!j.contains("version") || !j["version"].is_number_integer())
        return Error{bad + " (versi tidak ada)." + kNothingImported};
    if (j["version"].get<int64_t>() != kBundleVersion)
        return Error{name + ": bundel versi " + j["version"].dump() +
                     " tidak dikenal Sinau ini (hanya versi 1); perbarui Sinau di PC ini." +
                     kNothingImported};
    BundleManifest m;
    auto text_field = [&](const char* key, std::string& out) {
        if (!j.contains(key) || !j[key].is_string()) return false;
        out = j[key].get<std::string>();
        return true;
    };
    auto count_field = [&](const char* key, int64_t& out) {
        if (!j.contains(key) || !j[key].is_number_integer() || j[key].get<int64_t>() < 0) return false;
        out = j[key].get<int64_t>();
        return true;
    };
    if (!text_field("installation_id", m.installation_id) || !text_field("created_at", m.created_at) ||
        !text_field("sha256", m.sha256) || !count_field("learners", m.learners) ||
        !count_field("attempts", m.attempts) || !count_field("responses", m.responses))
        return Error{bad + " (kolom wajib hilang atau salah jenis)." + kNothingImported};
    if (j.contains("filter") && j["filter"].is_string()) m.filter = j["filter"].get<std::string>();
    if (m.sha256.size() != 64 || m.sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
        return Error{bad + " (sidik sha256 tidak sah)." + kNothingImported};
    return m;
}

Expected<std::string> ReadSmallEntry(zip_t* z, const std::string& name, const char* entry, uint64_t size) {
    ZipFile f(zip_fopen(z, entry, 0));
    if (!f)
        return Error{name + ": " + entry + " tidak dapat dibuka (" + zip_strerror(z) + "); bundel rusak." +
                     kNothingImported};
    std::string text(size, '\0');
    const zip_int64_t n = size ? zip_fread(f.get(), text.data(), size) : 0;
    if (n < 0 || uint64_t(n) != size)
        return Error{name + ": " + entry + " rusak atau terpotong (" + zip_file_strerror(f.get()) + ")." +
                     kNothingImported};
    return text;
}

// Extracts records.db while hashing it; never writes more than the declared (already bounded) size.
Status ExtractDb(zip_t* z, const std::string& name, uint64_t size, const fs::path& dest,
                 std::string& sha256) {
    ZipFile f(zip_fopen(z, kDbEntry, 0));
    if (!f)
        return Error{name + ": records.db tidak dapat dibuka (" + zip_strerror(z) + "); bundel rusak." +
                     kNothingImported};
    std::ofstream out(dest, std::ios::binary | std::ios::trunc);
    if (!out) return Error{"Tidak dapat menulis berkas sementara " + dest.string() + "." + kNothingImported};
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    std::vector<char> buf(1 << 16);
    uint64_t total = 0;
    for (;;) {
        const zip_int64_t n = zip_fread(f.get(), buf.data(), buf.size());
        if (n < 0)
            return Error{name + ": records.db rusak atau terpotong (" + zip_file_strerror(f.get()) + ")." +
                         kNothingImported};
        if (n == 0) break;
        total += uint64_t(n);
        if (total > size)
            return Error{name + ": records.db lebih besar dari yang tercatat di zip; bundel rusak." +
                         kNothingImported};
        crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(buf.data()), size_t(n));
        out.write(buf.data(), n);
    }
    out.close();
    if (!out)
        return Error{"Gagal menulis berkas sementara " + dest.string() + " (disk penuh?)." +
                     kNothingImported};
    if (total != size) return Error{name + ": records.db terpotong; bundel rusak." + kNothingImported};
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&st, digest);
    sha256 = Hex(digest, sizeof digest);
    return Success();
}

}  // namespace

std::string BundleReport::Describe() const {
    return "Bundel " + file.string() + " ditulis: " + std::to_string(manifest.learners) + " peserta, " +
           std::to_string(manifest.attempts) + " percobaan, " + std::to_string(manifest.responses) +
           " jawaban (" + manifest.filter + "), " + std::to_string((bytes + 1023) / 1024) + " KiB, " +
           manifest.created_at + ". Bawa berkas ini ke PC admin lalu impor dengan `sinau import " +
           file.filename().string() + " --db ...`.";
}

Expected<BundleReport> WriteBundle(SQLite::Database& db, const LearnerFilter& filter, const fs::path& out) {
    if (sodium_init() < 0) return Error{"libsodium tidak dapat dimulai; bundel tidak ditulis."};
    BundleReport report;
    report.file = out;
    auto tmp = MakeTempFile("sinau-bundle-snapshot");
    if (!tmp) return tmp.error();
    ScopedTemp snapshot(*tmp);
    try {
        {
            // A consistent copy of the committed state, without stopping the app that writes to `db`.
            SQLite::Statement vacuum(db, "VACUUM INTO ?");
            vacuum.bind(1, snapshot.path().string());
            vacuum.exec();
        }
        SQLite::Database s(snapshot.path().string(), SQLite::OPEN_READWRITE);
        // Secrets stay on this PC: the PIN (settings) and the certificate signing key (meta).
        s.exec("DELETE FROM settings");
        s.exec("DELETE FROM meta WHERE key NOT IN ('app', 'installation_id', 'created_at')");
        if (!filter.empty()) KeepOnlyFiltered(s, filter);
        s.exec("VACUUM");  // drops the freed pages (deleted rows must not remain readable in the file)
        auto& m = report.manifest;
        SQLite::Statement id(s, "SELECT value FROM meta WHERE key = 'installation_id'");
        if (id.executeStep()) m.installation_id = id.getColumn(0).getString();
        m.learners = CountOf(s, "learners");
        m.attempts = CountOf(s, "attempts");
        m.responses = CountOf(s, "responses");
    } catch (const SQLite::Exception& e) {
        return Error{std::string("Gagal membuat salinan basis data untuk bundel (") + e.what() +
                     "); bundel tidak ditulis."};
    }
    auto& m = report.manifest;
    m.created_at = util::NowIso8601();
    m.filter = DescribeFilter(filter);
    auto sha = HashFile(snapshot.path());
    if (!sha) return sha.error();
    m.sha256 = *sha;
    const std::string manifest =
        nlohmann::json{
            {"format", kBundleFormat},    {"version", kBundleVersion}, {"installation_id", m.installation_id},
            {"created_at", m.created_at}, {"filter", m.filter},        {"learners", m.learners},
            {"attempts", m.attempts},     {"responses", m.responses},  {"sha256", m.sha256}}
            .dump(2);

    auto file = AtomicFile::Create(out);
    if (!file) return file.error();
    const std::string temp = (*file)->temp_path().string();
    int err = 0;
    Zip z(zip_open(temp.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err));
    if (!z) return Error{"Tidak dapat membuat zip " + out.string() + " (" + ZipError(err) + ")."};
    zip_source_t* man = zip_source_buffer(z.get(), manifest.data(), manifest.size(), 0);
    if (!man || zip_file_add(z.get(), kManifestEntry, man, ZIP_FL_ENC_UTF_8) < 0) {
        if (man) zip_source_free(man);
        return Error{"Gagal menambahkan manifest.json ke " + out.string() + " (" + zip_strerror(z.get()) +
                     ")."};
    }
    zip_source_t* dbsrc = zip_source_file(z.get(), snapshot.path().c_str(), 0, -1);
    if (!dbsrc || zip_file_add(z.get(), kDbEntry, dbsrc, ZIP_FL_ENC_UTF_8) < 0) {
        if (dbsrc) zip_source_free(dbsrc);
        return Error{"Gagal menambahkan records.db ke " + out.string() + " (" + zip_strerror(z.get()) + ")."};
    }
    if (zip_close(z.get()) != 0)
        return Error{"Gagal menulis " + out.string() + " (" + zip_strerror(z.get()) +
                     "); berkas tujuan tidak diubah."};
    (void)z.release();  // zip_close freed it
    std::error_code ec;
    report.bytes = fs::file_size(temp, ec);
    if (auto ok = (*file)->CommitWrittenByName(); !ok) return ok.error();
    return report;
}

OpenedBundle::~OpenedBundle() {
    ScopedTemp remove(db_);
}

bool LooksLikeBundle(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    in.read(magic, 4);
    if (in.gcount() != 4) return false;
    return std::memcmp(magic, "PK\x03\x04", 4) == 0 || std::memcmp(magic, "PK\x05\x06", 4) == 0;
}

Expected<OpenedBundle> OpenBundle(const fs::path& path) {
    const std::string name = path.string();
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return Error{name + ": berkas tidak ditemukan."};
    if (!LooksLikeBundle(path))
        return Error{name + ": bukan bundel Sinau (bukan berkas zip)." + kNothingImported};
    if (sodium_init() < 0) return Error{"libsodium tidak dapat dimulai; tidak ada yang diimpor."};
    int err = 0;
    Zip z(zip_open(name.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err));
    if (!z)
        return Error{name + ": bundel rusak atau terpotong (" + ZipError(err) +
                     "); salin ulang berkas dari PC asalnya." + kNothingImported};
    const zip_int64_t entries = zip_get_num_entries(z.get(), 0);
    bool has_db = false, has_manifest = false;
    zip_stat_t db_stat, manifest_stat;
    zip_stat_init(&db_stat);
    zip_stat_init(&manifest_stat);
    for (zip_int64_t i = 0; i < entries; ++i) {
        zip_stat_t st;
        if (zip_stat_index(z.get(), zip_uint64_t(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME) ||
            !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
            return Error{name + ": daftar isi bundel rusak." + kNothingImported};
        const std::string entry = st.name;
        bool* seen = entry == kDbEntry ? &has_db : entry == kManifestEntry ? &has_manifest : nullptr;
        if (!seen)
            return Error{name + ": bundel memuat isi yang tidak dikenal (\"" + entry +
                         "\"); bukan bundel Sinau." + kNothingImported};
        if (*seen)
            return Error{name + ": bundel memuat \"" + entry + "\" dua kali; bukan bundel Sinau." +
                         kNothingImported};
        *seen = true;
        (entry == kDbEntry ? db_stat : manifest_stat) = st;
    }
    if (!has_manifest)
        return Error{name + ": bundel tidak memuat manifest.json; bukan bundel Sinau." + kNothingImported};
    if (!has_db)
        return Error{name + ": bundel tidak memuat records.db; bukan bundel Sinau." + kNothingImported};
    if (manifest_stat.size > kMaxManifestBytes)
        return Error{name + ": manifest.json terlalu besar (" + std::to_string(manifest_stat.size) +
                     " bita); bundel ditolak." + kNothingImported};
    // Zip bomb guard: the declared size is bounded, and ExtractDb stops at it whatever the stream says.
    // A real SQLite snapshot compresses 2-20x; far beyond that on a large entry is not a database.
    if (db_stat.size > kMaxBundleDbBytes || (db_stat.size > (uint64_t(64) << 20) &&
                                             db_stat.size / std::max<uint64_t>(db_stat.comp_size, 1) > 200))
        return Error{name + ": records.db terlalu besar setelah dibuka (" +
                     std::to_string(db_stat.size >> 20) + " MiB); bundel ditolak." + kNothingImported};
    auto text = ReadSmallEntry(z.get(), name, kManifestEntry, manifest_stat.size);
    if (!text) return text.error();
    auto manifest = ParseManifest(name, *text);
    if (!manifest) return manifest.error();

    auto tmp = MakeTempFile("sinau-bundle-import");
    if (!tmp) return tmp.error();
    ScopedTemp extracted(*tmp);
    std::string sha;
    if (auto ok = ExtractDb(z.get(), name, db_stat.size, extracted.path(), sha); !ok) return ok.error();
    if (sha != manifest->sha256)
        return Error{
            name +
            ": records.db tidak cocok dengan sidik SHA-256 di manifest.json; isi bundel telah diubah atau "
            "rusak." +
            kNothingImported};
    // The database inside must be a Sinau database (merge's own checks), and match what the manifest says.
    if (auto ok = CheckMergeSource(extracted.path()); !ok) {
        std::string msg = ok.error().message;
        ReplaceAll(msg, extracted.path().string(), name + " (records.db)");
        return Error{msg};
    }
    try {
        SQLite::Database s(extracted.path().string(), SQLite::OPEN_READONLY);
        if (CountOf(s, "learners") != manifest->learners || CountOf(s, "attempts") != manifest->attempts ||
            CountOf(s, "responses") != manifest->responses)
            return Error{
                name +
                ": jumlah rekaman di manifest.json tidak cocok dengan records.db; bundel telah diubah." +
                kNothingImported};
    } catch (const SQLite::Exception& e) {
        return Error{name + ": records.db tidak dapat dibaca (" + e.what() + ")." + kNothingImported};
    }
    return OpenedBundle(extracted.Release(), std::move(*manifest));
}

Expected<PreparedImport> PrepareImport(const std::vector<fs::path>& files) {
    PreparedImport prepared;
    prepared.files = files;
    prepared.bundles.reserve(files.size());
    for (const auto& f : files) {
        if (!LooksLikeBundle(f)) {
            if (auto ok = CheckMergeSource(f); !ok) return ok.error();
            prepared.dbs.push_back(f);
            continue;
        }
        auto b = OpenBundle(f);
        if (!b) return b.error();
        prepared.dbs.push_back(b->db_path());
        prepared.names.emplace_back(b->db_path().string(), f.string() + " (records.db)");
        prepared.bundles.push_back(std::move(*b));
    }
    return prepared;
}

Expected<MergeReport> ImportPrepared(SQLite::Database& target, const PreparedImport& prepared) {
    auto report = MergeDatabases(target, prepared.dbs);
    if (!report) {
        std::string msg = report.error().message;
        for (const auto& [from, to] : prepared.names) ReplaceAll(msg, from, to);
        return Error{msg};
    }
    report->sources = prepared.files;
    return report;
}

Expected<MergeReport> ImportFiles(SQLite::Database& target, const std::vector<fs::path>& files) {
    auto prepared = PrepareImport(files);
    if (!prepared) return prepared.error();
    return ImportPrepared(target, *prepared);
}

Status CheckImportSource(const fs::path& file) {
    if (auto prepared = PrepareImport({file}); !prepared) return prepared.error();
    return Success();
}

}  // namespace sinau::records
