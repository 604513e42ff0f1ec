#include "bundles/bundle.hpp"

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

#include "store/merge.hpp"
#include "store/snapshot.hpp"
#include "util/atomic_file.hpp"
#include "util/time.hpp"

namespace sinau::bundles {
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

void detail::ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
    if (from.empty()) return;
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

std::string BundleReport::Describe() const {
    return "Bundel " + file.string() + " ditulis: " + std::to_string(manifest.learners) + " peserta, " +
           std::to_string(manifest.attempts) + " percobaan, " + std::to_string(manifest.responses) +
           " jawaban (" + manifest.filter + "), " + std::to_string((bytes + 1023) / 1024) + " KiB, " +
           manifest.created_at + ". Bawa berkas ini ke PC admin lalu impor dengan `sinau import " +
           file.filename().string() + " --db ...`.";
}

Expected<BundleReport> WriteBundle(store::Database& db, const store::LearnerFilter& filter,
                                   const fs::path& out) {
    if (sodium_init() < 0) return Error{"libsodium tidak dapat dimulai; bundel tidak ditulis."};
    BundleReport report;
    report.file = out;
    auto tmp = MakeTempFile("sinau-bundle-snapshot");
    if (!tmp) return tmp.error();
    ScopedTemp snapshot(*tmp);
    auto counts = store::WriteSnapshot(db, filter, snapshot.path());
    if (!counts) return counts.error();
    auto& m = report.manifest;
    m.installation_id = counts->installation_id;
    m.learners = counts->learners;
    m.attempts = counts->attempts;
    m.responses = counts->responses;
    m.created_at = util::NowIso8601();
    m.filter = store::DescribeFilter(filter);
    auto sha = HashFile(snapshot.path());
    if (!sha) return sha.error();
    m.sha256 = *sha;
    const std::string manifest =
        nlohmann::json{
            {"format", kBundleFormat},    {"version", kBundleVersion}, {"installation_id", m.installation_id},
            {"created_at", m.created_at}, {"filter", m.filter},        {"learners", m.learners},
            {"attempts", m.attempts},     {"responses", m.responses},  {"sha256", m.sha256}}
            .dump(2);

    auto file = util::AtomicFile::Create(out);
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
    if (auto ok = store::CheckMergeSource(extracted.path()); !ok) {
        std::string msg = ok.error().message;
        detail::ReplaceAll(msg, extracted.path().string(), name + " (records.db)");
        return Error{msg};
    }
    const auto counts = store::CountRecords(extracted.path());
    if (!counts)
        return Error{name + ": records.db tidak dapat dibaca (" + counts.error().message + ")." +
                     kNothingImported};
    if (counts->learners != manifest->learners || counts->attempts != manifest->attempts ||
        counts->responses != manifest->responses)
        return Error{name +
                     ": jumlah rekaman di manifest.json tidak cocok dengan records.db; bundel telah diubah." +
                     kNothingImported};
    return OpenedBundle(extracted.Release(), std::move(*manifest));
}

}  // namespace sinau::bundles
