#include "certificates/certificate.hpp"

#include <sodium.h>

#include <cmath>
#include <cstdio>
#include <cstring>

#include "store/certificate_records.hpp"

namespace sinau::certificates {
namespace {

constexpr std::string_view kHeader = "SINAU-SERTIFIKAT/1";
constexpr std::string_view kCodePrefix = "SINAU1:";
constexpr std::string_view kSecretKey = "certificate.ed25519_secret";
constexpr std::string_view kPublicKey = "certificate.ed25519_public";
constexpr std::string_view kKeyFileHeader = "sinau-ed25519-public-key v1";
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

void EnsureSodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) std::abort();
}

std::string Hex(const unsigned char* p, size_t n) {
    std::string out(n * 2, '\0');
    sodium_bin2hex(out.data(), out.size() + 1, p, n);  // writes n*2 chars + NUL into size+1
    return out;
}

template <size_t N>
bool FromHex(std::string_view hex, std::array<unsigned char, N>& out) {
    size_t len = 0;
    if (hex.size() != 2 * N) return false;
    return sodium_hex2bin(out.data(), N, hex.data(), hex.size(), nullptr, &len, nullptr) == 0 && len == N;
}

std::string Clean(std::string s) {
    for (auto& c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    const auto b = s.find_first_not_of(' ');
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

std::string ShortCode(const Signature& sig) {
    std::string b = Base32(sig.data(), 10);  // 80 bits -> 16 characters
    return b.substr(0, 4) + "-" + b.substr(4, 4) + "-" + b.substr(8, 4) + "-" + b.substr(12, 4);
}

}  // namespace

std::string FormatScore(double score) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", std::round(score * 10.0) / 10.0);
    return buf;
}

CertificateFacts MakeFacts(CertificateFacts f) {
    f.name = Clean(f.name);
    f.nip = Clean(f.nip);
    f.instansi = Clean(f.instansi);
    f.course_id = Clean(f.course_id);
    f.course_title = Clean(f.course_title);
    f.completed_on = Clean(f.completed_on).substr(0, 10);
    f.issuer = Clean(f.issuer);
    f.final_score = std::round(f.final_score * 10.0) / 10.0;
    return f;
}

std::string CanonicalFacts(const CertificateFacts& f) {
    std::string s(kHeader);
    for (const std::string* field :
         {&f.name, &f.nip, &f.instansi, &f.course_id, &f.course_title, &f.completed_on}) {
        s += '\n';
        s += *field;
    }
    s += '\n';
    s += FormatScore(f.final_score);
    s += '\n';
    s += f.issuer;
    return s;
}

Expected<CertificateFacts> ParseCanonicalFacts(std::string_view text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (true) {
        const size_t nl = text.find('\n', start);
        lines.emplace_back(
            text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    if (lines.size() != 9 || lines[0] != kHeader)
        return Error{"Isi kode bukan data sertifikat Sinau versi 1."};
    CertificateFacts f;
    f.name = lines[1];
    f.nip = lines[2];
    f.instansi = lines[3];
    f.course_id = lines[4];
    f.course_title = lines[5];
    f.completed_on = lines[6];
    char* end = nullptr;
    f.final_score = std::strtod(lines[7].c_str(), &end);
    if (end == lines[7].c_str() || *end != '\0') return Error{"Nilai akhir dalam kode tidak terbaca."};
    f.issuer = lines[8];
    return f;
}

SigningKey SigningKey::LoadOrCreate(store::Database& db) {
    EnsureSodium();
    SigningKey k;
    const auto sk = db.GetMeta(kSecretKey);
    const auto pk = db.GetMeta(kPublicKey);
    if (sk && pk && FromHex(*sk, k.secret_) && FromHex(*pk, k.public_)) return k;
    crypto_sign_keypair(k.public_.data(), k.secret_.data());
    store::WriteTransaction t(db);
    db.SetMeta(kSecretKey, Hex(k.secret_.data(), k.secret_.size()));
    db.SetMeta(kPublicKey, Hex(k.public_.data(), k.public_.size()));
    t.commit();
    return k;
}

std::optional<PublicKey> SigningKey::LoadPublic(store::Database& db) {
    const auto pk = db.GetMeta(kPublicKey);
    PublicKey key{};
    if (!pk || !FromHex(*pk, key)) return std::nullopt;
    return key;
}

SigningKey::~SigningKey() {
    sodium_memzero(secret_.data(), secret_.size());
}

Signature SigningKey::Sign(std::string_view message) const {
    Signature sig{};
    crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                         message.size(), secret_.data());
    return sig;
}

std::string PublicKeyFile(const PublicKey& key) {
    return std::string(kKeyFileHeader) + "\n" + Hex(key.data(), key.size()) + "\n";
}

Expected<PublicKey> ParsePublicKeyFile(std::string_view text) {
    const size_t nl = text.find('\n');
    if (nl == std::string_view::npos || text.substr(0, nl) != kKeyFileHeader)
        return Error{"Berkas kunci bukan kunci publik Sinau (baris pertama harus \"" +
                     std::string(kKeyFileHeader) + "\")."};
    std::string_view hex = text.substr(nl + 1);
    while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r' || hex.back() == ' '))
        hex.remove_suffix(1);
    PublicKey key{};
    if (!FromHex(hex, key)) return Error{"Kunci publik dalam berkas rusak (harus 64 digit heksadesimal)."};
    return key;
}

std::string KeyFingerprint(const PublicKey& key) {
    EnsureSodium();
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, key.data(), key.size());
    std::string hex = Hex(h, 8), out;
    for (size_t i = 0; i < hex.size(); i += 4) {
        if (i) out += ' ';
        out.append(hex, i, 4);
    }
    return out;
}

std::string Base32(const unsigned char* data, size_t size) {
    std::string out;
    out.reserve((size * 8 + 4) / 5);
    uint32_t buffer = 0;
    int bits = 0;
    for (size_t i = 0; i < size; ++i) {
        buffer = (buffer << 8) | data[i];
        bits += 8;
        while (bits >= 5) {
            out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);
    return out;
}

std::optional<std::vector<unsigned char>> DecodeBase32(std::string_view text) {
    std::vector<unsigned char> out;
    uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        if (c == '-' || c == ' ' || c == '\n' || c == '\r' || c == '=') continue;
        if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
        int v;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= '2' && c <= '7')
            v = c - '2' + 26;
        else if (c == '0')
            v = 'O' - 'A';  // people type zero for O and one for I/L
        else if (c == '1')
            v = 'I' - 'A';
        else
            return std::nullopt;
        buffer = (buffer << 5) | uint32_t(v);
        bits += 5;
        if (bits >= 8) {
            out.push_back(static_cast<unsigned char>((buffer >> (bits - 8)) & 0xFF));
            bits -= 8;
        }
    }
    return out;
}

SignedCertificate SignCertificate(const CertificateFacts& facts, const SigningKey& key) {
    SignedCertificate c;
    c.facts = MakeFacts(facts);
    const std::string canonical = CanonicalFacts(c.facts);
    c.signature = key.Sign(canonical);
    std::vector<unsigned char> payload(c.signature.begin(), c.signature.end());
    payload.insert(payload.end(), canonical.begin(), canonical.end());
    c.full_code = std::string(kCodePrefix) + Base32(payload.data(), payload.size());
    c.short_code = ShortCode(c.signature);
    return c;
}

Verification VerifyFullCode(std::string_view code, const PublicKey& key) {
    EnsureSodium();
    Verification v;
    while (!code.empty() && (code.back() == '\n' || code.back() == ' ' || code.back() == '\r'))
        code.remove_suffix(1);
    if (code.substr(0, kCodePrefix.size()) != kCodePrefix) {
        v.message = "Bukan kode sertifikat Sinau (harus diawali " + std::string(kCodePrefix) + ").";
        return v;
    }
    const auto bytes = DecodeBase32(code.substr(kCodePrefix.size()));
    if (!bytes || bytes->size() < 64 + kHeader.size()) {
        v.message = "Kode sertifikat rusak atau terpotong.";
        return v;
    }
    const std::string canonical(bytes->begin() + 64, bytes->end());
    auto facts = ParseCanonicalFacts(canonical);
    if (!facts) {
        v.message = facts.error().message;
        return v;
    }
    v.facts = *facts;
    if (crypto_sign_verify_detached(bytes->data(), reinterpret_cast<const unsigned char*>(canonical.data()),
                                    canonical.size(), key.data()) != 0) {
        v.message = "TIDAK SAH: tanda tangan tidak cocok dengan kunci publik " + KeyFingerprint(key) +
                    " (data diubah, atau sertifikat dari instalasi lain).";
        return v;
    }
    v.valid = true;
    v.message = "SAH: ditandatangani oleh kunci " + KeyFingerprint(key) + ".";
    return v;
}

std::optional<std::string> FindFullCode(std::string_view bytes) {
    const size_t at = bytes.find(kCodePrefix);
    if (at == std::string_view::npos) return std::nullopt;
    size_t end = at + kCodePrefix.size();
    while (end < bytes.size() &&
           ((bytes[end] >= 'A' && bytes[end] <= 'Z') || (bytes[end] >= '2' && bytes[end] <= '7')))
        ++end;
    return std::string(bytes.substr(at, end - at));
}

std::string CertificateIssuer(store::Database& db) {
    auto v = db.GetSetting("certificate.issuer");
    return v && !v->empty() ? *v : std::string(kDefaultIssuer);
}

namespace {
std::vector<CertificateFacts> QueryFacts(store::Database& db, std::string_view nip,
                                         std::string_view course_title, std::string_view issuer) {
    std::vector<CertificateFacts> out;
    for (auto& row : store::CompletedLearners(db, nip)) {
        CertificateFacts f;
        f.name = std::move(row.name);
        f.nip = std::move(row.nip);
        f.instansi = std::move(row.instansi);
        f.course_id = std::move(row.course_id);
        f.course_title = std::string(course_title.empty() ? std::string_view(f.course_id) : course_title);
        f.completed_on = std::move(row.completed_on);
        f.final_score = row.final_score;
        f.issuer = std::string(issuer);
        out.push_back(MakeFacts(std::move(f)));
    }
    return out;
}
}  // namespace

std::optional<CertificateFacts> FactsForLearner(store::Database& db, std::string_view nip,
                                                std::string_view course_title, std::string_view issuer) {
    if (nip.empty()) return std::nullopt;
    auto all = QueryFacts(db, nip, course_title, issuer);
    if (all.empty()) return std::nullopt;
    return all.front();
}

std::vector<CertificateFacts> AllCompletedFacts(store::Database& db, std::string_view course_title,
                                                std::string_view issuer) {
    return QueryFacts(db, {}, course_title, issuer);
}

SignedCertificate IssueCertificate(store::Database& db, const CertificateFacts& facts,
                                   const SigningKey& key) {
    SignedCertificate cert = SignCertificate(facts, key);
    store::RecordIssuedCertificate(db, {cert.short_code, CanonicalFacts(cert.facts),
                                        Base32(cert.signature.data(), cert.signature.size()), cert.facts.nip,
                                        Hex(key.public_key().data(), key.public_key().size())});
    return cert;
}

Verification VerifyWithDatabase(std::string_view code, store::Database& db, std::string_view course_title,
                                std::string_view issuer) {
    Verification v;
    const auto key = SigningKey::LoadPublic(db);
    if (!key) {
        v.message = "Basis data ini belum pernah menerbitkan sertifikat (tidak ada kunci penanda tangan).";
        return v;
    }
    if (code.find(':') != std::string_view::npos) return VerifyFullCode(code, *key);
    const auto wanted = DecodeBase32(code);
    if (!wanted || wanted->size() != 10) {
        v.message = "Kode pendek harus 16 karakter (XXXX-XXXX-XXXX-XXXX).";
        return v;
    }
    // 1. Issued certificates: the facts as printed, whatever the settings say today.
    {
        Signature prefix{};
        std::memcpy(prefix.data(), wanted->data(), 10);
        // The canonical "XXXX-XXXX-XXXX-XXXX" whatever the user typed; only rows this installation signed.
        if (const auto row =
                store::FindIssuedCertificate(db, ShortCode(prefix), Hex(key->data(), key->size()))) {
            const std::string& facts_text = row->facts;
            const auto sig = DecodeBase32(row->signature);
            auto facts = ParseCanonicalFacts(facts_text);
            const bool signature_ok =
                sig && sig->size() == crypto_sign_BYTES &&
                std::memcmp(sig->data(), wanted->data(), 10) == 0 &&
                crypto_sign_verify_detached(sig->data(),
                                            reinterpret_cast<const unsigned char*>(facts_text.data()),
                                            facts_text.size(), key->data()) == 0;
            if (facts) v.facts = *facts;
            if (!signature_ok || !facts) {
                v.message =
                    "TIDAK SAH: catatan sertifikat dengan kode ini telah diubah (tanda tangan tidak cocok).";
                return v;
            }
            // The achievement must still be the one on record: a completion changed or removed since issue
            // invalidates the code. Title and issuer (settings) and name/instansi (profile edits) are taken
            // as printed.
            const auto now = FactsForLearner(db, facts->nip, facts->course_title, facts->issuer);
            if (!now || now->course_id != facts->course_id || now->completed_on != facts->completed_on ||
                FormatScore(now->final_score) != FormatScore(facts->final_score)) {
                v.message =
                    "TIDAK SAH: penyelesaian kursus yang tercatat di basis data tidak lagi sama dengan "
                    "sertifikat ini (nilai, tanggal, atau kursus berubah).";
                return v;
            }
            v.valid = true;
            v.message =
                "SAH: kode cocok dengan sertifikat yang diterbitkan dan ditandatangani instalasi ini.";
            return v;
        }
    }
    // 2. Certificates issued before the table existed: recompute from the completions.
    const SigningKey signer = SigningKey::LoadOrCreate(db);  // exists: LoadPublic succeeded
    for (const auto& facts : AllCompletedFacts(db, course_title, issuer)) {
        const auto sig = signer.Sign(CanonicalFacts(facts));
        if (std::memcmp(sig.data(), wanted->data(), 10) == 0) {
            v.valid = true;
            v.facts = facts;
            v.message = "SAH: kode cocok dengan penyelesaian kursus yang tercatat di basis data ini.";
            return v;
        }
    }
    v.message =
        "TIDAK SAH: tidak ada sertifikat dengan kode ini di basis data (data berubah, atau diterbitkan "
        "instalasi lain).";
    return v;
}

}  // namespace sinau::certificates
