#pragma once
// Course certificates that anyone can check offline.
//
// THE FACTS a certificate attests are serialised canonically (CanonicalFacts) and signed with Ed25519
// (libsodium crypto_sign_detached) by this installation's signing key:
//
//   SINAU-SERTIFIKAT/1\n
//   <name>\n<NIP>\n<instansi>\n<course id>\n<course title>\n<completion date YYYY-MM-DD>\n
//   <final score, one decimal, '.' as mark>\n<issuer>
//
// Fields are UTF-8 with control characters replaced by spaces and surrounding spaces trimmed (MakeFacts),
// so the serialisation is unambiguous.
//
// THE CODES printed on the certificate:
//  - Full code (in the QR code, in the PDF's Keywords metadata and printed in small type):
//      "SINAU1:" + Base32(signature[64] || canonical facts)       (RFC 4648 alphabet, no padding)
//    It carries the facts themselves, so `sinau verify CODE --key installation.pub` checks it with only the
//    public key and shows what was signed. Upper-case Base32 is QR "alphanumeric" data (compact QR).
//  - Short code (printed large, easy to type): the first 80 bits of the signature in Base32, grouped
//    "XXXX-XXXX-XXXX-XXXX". Ed25519 signatures are deterministic, so `sinau verify CODE --db FILE`
//    recomputes the signature of every completion in the database and finds the one that matches; any
//    change of the facts in the database gives a different signature. Forging one means guessing 80 bits.
//
// THE KEY is created on first use and kept in the meta table ('certificate.ed25519_secret',
// 'certificate.ed25519_public', hex); the secret key is never exported (only the .pub file is) and
// never merged between PCs. Another installation's key makes every code invalid.
//
// Threads: any; functions on a connection use the caller's. Throw SQLite::Exception (std::exception) on
// database errors. The rows come from the store (store/certificate_records.hpp).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"
#include "util/expected.hpp"

namespace sinau::certificates {

struct CertificateFacts {
    std::string name, nip, instansi;
    std::string course_id, course_title;
    std::string completed_on;  // YYYY-MM-DD (UTC date of completions.completed_at)
    double final_score = 0;
    std::string issuer;
    friend bool operator==(const CertificateFacts&, const CertificateFacts&) = default;
};

inline constexpr std::string_view kDefaultIssuer = "BPSDM Provinsi Jawa Timur";

// Cleans the fields as described above and rounds the score to one decimal.
CertificateFacts MakeFacts(CertificateFacts raw);
std::string CanonicalFacts(const CertificateFacts& facts);
Expected<CertificateFacts> ParseCanonicalFacts(std::string_view text);
std::string FormatScore(double score);  // "87.5" (one decimal, '.')

using PublicKey = std::array<unsigned char, 32>;
using Signature = std::array<unsigned char, 64>;

class SigningKey {
public:
    // Loads this installation's key from meta, creating and storing it on first use.
    static SigningKey LoadOrCreate(store::Database& db);
    // The installation's public key if one exists (does not create).
    static std::optional<PublicKey> LoadPublic(store::Database& db);
    const PublicKey& public_key() const { return public_; }
    Signature Sign(std::string_view message) const;
    ~SigningKey();

private:
    PublicKey public_{};
    std::array<unsigned char, 64> secret_{};
};

// Public key file: "sinau-ed25519-public-key v1\n<64 hex digits>\n". ParsePublicKeyFile accepts exactly that.
std::string PublicKeyFile(const PublicKey& key);
Expected<PublicKey> ParsePublicKeyFile(std::string_view text);
std::string KeyFingerprint(const PublicKey& key);  // first 8 bytes of SHA-256, hex in groups, for people

struct SignedCertificate {
    CertificateFacts facts;
    Signature signature{};
    std::string full_code;   // "SINAU1:..."
    std::string short_code;  // "XXXX-XXXX-XXXX-XXXX"
};
SignedCertificate SignCertificate(const CertificateFacts& facts, const SigningKey& key);

// Signs AND records the certificate in `issued_certificates` (short code -> the canonical facts, the
// full signature and the signing public key; schema v4), so its short code still verifies after the course
// title or the 'certificate.issuer' setting changes: verification then checks the stored facts against the
// stored signature with this installation's public key, so an edited row is TIDAK SAH, and that the learner's
// completion on record still has the same course, date and score (a changed completion is TIDAK SAH).
// Re-issuing the same facts is a no-op (same deterministic signature). Use this wherever a certificate is
// handed out (PDF, CLI). Throws SQLite::Exception (the caller's connection must be writable).
SignedCertificate IssueCertificate(store::Database& db, const CertificateFacts& facts, const SigningKey& key);

std::string Base32(const unsigned char* data, size_t size);
std::optional<std::vector<unsigned char>> DecodeBase32(
    std::string_view text);  // ignores '-' and spaces, any case

struct Verification {
    bool valid = false;
    std::optional<CertificateFacts> facts;  // what the code says (shown even when invalid, marked so)
    std::string message;                    // Bahasa Indonesia: why valid / invalid
};
// Full code against a public key.
Verification VerifyFullCode(std::string_view code, const PublicKey& key);
// Short or full code against a database: full codes are checked with the database's public key; short
// codes are looked up first among the issued certificates (IssueCertificate: the facts as printed,
// signature re-checked), then, for certificates issued before that table existed, among the database's
// completions with the current course title and issuer.
Verification VerifyWithDatabase(std::string_view code, store::Database& db, std::string_view course_title,
                                std::string_view issuer);
// Finds "SINAU1:<base32>" in any bytes (a PDF's metadata or its extracted text).
std::optional<std::string> FindFullCode(std::string_view bytes);

// The facts for a learner's completion, from the database. nullopt when the learner (by NIP) has no
// completion. course_title/issuer come from the caller (content + settings 'certificate.issuer').
std::optional<CertificateFacts> FactsForLearner(store::Database& db, std::string_view nip,
                                                std::string_view course_title, std::string_view issuer);
std::vector<CertificateFacts> AllCompletedFacts(store::Database& db, std::string_view course_title,
                                                std::string_view issuer);
// settings 'certificate.issuer' or kDefaultIssuer.
std::string CertificateIssuer(store::Database& db);

}  // namespace sinau::certificates
