#include <catch2/catch.hpp>

#include <cctype>

#include "../support/records_fixture.hpp"
#include "certificates/certificate.hpp"
#include "certificates/certificate_pdf.hpp"

using namespace sinau::certificates;
using namespace sinau::store;
using namespace records_test;

namespace {
CertificateFacts Sample() {
    CertificateFacts f;
    f.name = "Siti Nurhaliza Ünal";
    f.nip = "198503152010012003";
    f.instansi = "Dinas Pendidikan Provinsi Jawa Timur";
    f.course_id = "netralitas-asn-pemilu-2024";
    f.course_title = "Partisipasi dan Netralitas ASN dalam Pemilu 2024";
    f.completed_on = "2024-05-25";
    f.final_score = 87.46;
    f.issuer = std::string(kDefaultIssuer);
    return f;
}
}  // namespace

TEST_CASE("Base32 round-trips and tolerates people's typing", "[certificate]") {
    const std::string data = "sinau \x01\xff\x80";
    const auto enc = Base32(reinterpret_cast<const unsigned char*>(data.data()), data.size());
    const auto dec = DecodeBase32(enc);
    REQUIRE(dec);
    CHECK(std::string(dec->begin(), dec->end()) == data);
    const auto lower = DecodeBase32("mzxw-6ytb");  // "fooba", lower case with a dash
    REQUIRE(lower);
    CHECK(std::string(lower->begin(), lower->end()) == "fooba");
    CHECK_FALSE(DecodeBase32("ABC!"));
}

TEST_CASE("Canonical facts are fixed and parse back", "[certificate]") {
    auto f = MakeFacts(Sample());
    CHECK(f.final_score == Approx(87.5));
    const auto text = CanonicalFacts(f);
    CHECK(
        text ==
        "SINAU-SERTIFIKAT/1\nSiti Nurhaliza Ünal\n198503152010012003\nDinas Pendidikan Provinsi Jawa Timur\n"
        "netralitas-asn-pemilu-2024\nPartisipasi dan Netralitas ASN dalam Pemilu 2024\n2024-05-25\n87.5\n"
        "BPSDM Provinsi Jawa Timur");
    auto back = ParseCanonicalFacts(text);
    REQUIRE(back.ok());
    CHECK(*back == f);
    // A newline in a name cannot inject a field.
    auto evil = Sample();
    evil.name = "Budi\nNIP palsu";
    CHECK(MakeFacts(evil).name == "Budi NIP palsu");
}

TEST_CASE("A signed certificate verifies; tampered facts and another key do not", "[certificate]") {
    TempDir dir;
    auto db = OpenDb(dir / "a.db");
    const auto key = SigningKey::LoadOrCreate(*db);
    // The key persists: loading again gives the same public key.
    CHECK(SigningKey::LoadOrCreate(*db).public_key() == key.public_key());
    const auto cert = SignCertificate(Sample(), key);
    CHECK(cert.full_code.rfind("SINAU1:", 0) == 0);
    CHECK(cert.short_code.size() == 19);
    auto ok = VerifyFullCode(cert.full_code, key.public_key());
    CHECK(ok.valid);
    REQUIRE(ok.facts);
    CHECK(ok.facts->name == "Siti Nurhaliza Ünal");
    CHECK(ok.facts->final_score == Approx(87.5));

    // Tamper: re-encode the same signature with a higher score.
    auto facts = cert.facts;
    facts.final_score = 97.5;
    const std::string canonical = CanonicalFacts(facts);
    std::vector<unsigned char> payload(cert.signature.begin(), cert.signature.end());
    payload.insert(payload.end(), canonical.begin(), canonical.end());
    const std::string forged = "SINAU1:" + Base32(payload.data(), payload.size());
    auto bad = VerifyFullCode(forged, key.public_key());
    CHECK_FALSE(bad.valid);
    REQUIRE(bad.facts);
    CHECK(bad.facts->final_score == Approx(97.5));  // shown, but not vouched for

    // Another installation's key.
    TempDir other;
    auto db2 = OpenDb(other / "b.db");
    const auto key2 = SigningKey::LoadOrCreate(*db2);
    CHECK_FALSE(VerifyFullCode(cert.full_code, key2.public_key()).valid);

    // Truncated or foreign codes are refused with a message.
    CHECK_FALSE(VerifyFullCode(cert.full_code.substr(0, 60), key.public_key()).valid);
    CHECK_FALSE(VerifyFullCode("HELLO", key.public_key()).valid);

    // Public key file round trip.
    auto parsed = ParsePublicKeyFile(PublicKeyFile(key.public_key()));
    REQUIRE(parsed.ok());
    CHECK(*parsed == key.public_key());
    CHECK_FALSE(ParsePublicKeyFile("bukan kunci\n00").ok());
}

TEST_CASE("Short codes verify against the issuing database only while its facts are unchanged",
          "[certificate]") {
    TempDir dir;
    auto db = OpenDb(dir / "a.db");
    auto& sql = db->sql();
    AddLearner(sql, "L1", "198503152010012003", "Siti", "BKD");
    AddCompletion(sql, "L1", "2024-05-25T08:00:00.000Z", "88.04");
    const auto facts = FactsForLearner(*db, "198503152010012003", "Kursus", "BPSDM");
    REQUIRE(facts);
    CHECK(facts->completed_on == "2024-05-25");
    CHECK(facts->final_score == Approx(88.0));
    CHECK_FALSE(FactsForLearner(*db, "000", "Kursus", "BPSDM"));
    const auto cert = SignCertificate(*facts, SigningKey::LoadOrCreate(*db));
    CHECK(VerifyWithDatabase(cert.short_code, *db, "Kursus", "BPSDM").valid);
    CHECK(VerifyWithDatabase(cert.full_code, *db, "Kursus", "BPSDM").valid);
    Exec(sql, "UPDATE completions SET final_score = 99", {});
    CHECK_FALSE(VerifyWithDatabase(cert.short_code, *db, "Kursus", "BPSDM").valid);
}

TEST_CASE("The certificate PDF carries the code in its metadata", "[certificate][pdf]") {
    TempDir dir;
    auto db = OpenDb(dir / "a.db");
    const auto key = SigningKey::LoadOrCreate(*db);
    const auto cert = SignCertificate(Sample(), key);
    REQUIRE(WriteCertificatePdf(cert, dir / "s.pdf").ok());
    const std::string bytes = ReadFile(dir / "s.pdf");
    CHECK(bytes.rfind("%PDF-", 0) == 0);
    const auto found = FindFullCode(bytes);
    REQUIRE(found);
    CHECK(*found == cert.full_code);
    CHECK(VerifyFullCode(*found, key.public_key()).valid);
    CHECK(IndonesianDate("2024-05-25") == "25 Mei 2024");
    CHECK(IndonesianScore(87.5) == "87,5");
    CHECK(IndonesianScore(90) == "90");
    CHECK(CertificateFileName(cert.facts) == "sertifikat-198503152010012003.pdf");
    // A missing font is a clear error and writes nothing.
    CertificateStyle broken;
    broken.font_bold = dir / "tidak-ada.ttf";
    CHECK_FALSE(WriteCertificatePdf(cert, dir / "t.pdf", broken).ok());
    CHECK_FALSE(std::filesystem::exists(dir / "t.pdf"));
}

TEST_CASE("An issued short code still verifies after the course title or issuer setting changes",
          "[certificate]") {
    TempDir dir;
    auto db = OpenDb(dir / "a.db");
    auto& sql = db->sql();
    AddLearner(sql, "L1", "198503152010012003", "Siti", "BKD");
    AddCompletion(sql, "L1", "2024-05-25T08:00:00.000Z", "88.04");
    const auto facts = FactsForLearner(*db, "198503152010012003", "Kursus Lama", "BPSDM Lama");
    REQUIRE(facts);
    const auto cert = IssueCertificate(*db, *facts, SigningKey::LoadOrCreate(*db));
    CHECK(IssueCertificate(*db, *facts, SigningKey::LoadOrCreate(*db)).short_code ==
          cert.short_code);  // idempotent
    CHECK(sql.execAndGet("SELECT count(*) FROM issued_certificates").getInt() == 1);

    // The title and the issuer setting change later: the old short code verifies, showing the facts as
    // printed.
    db->SetSetting("certificate.issuer", "BPSDM Baru");
    const auto v = VerifyWithDatabase(cert.short_code, *db, "Kursus Baru", CertificateIssuer(*db));
    CHECK(v.valid);
    REQUIRE(v.facts);
    CHECK(v.facts->course_title == "Kursus Lama");
    CHECK(v.facts->issuer == "BPSDM Lama");
    // Typed in lower case without dashes, as people do.
    std::string typed;
    for (char c : cert.short_code)
        if (c != '-') typed += char(std::tolower(static_cast<unsigned char>(c)));
    CHECK(VerifyWithDatabase(typed, *db, "Kursus Baru", "BPSDM Baru").valid);

    // A code one character off is unknown; an edited record (score raised) fails its signature.
    std::string wrong = cert.short_code;
    wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
    CHECK_FALSE(VerifyWithDatabase(wrong, *db, "Kursus Baru", "BPSDM Baru").valid);
    // The completion itself changed after issue: no longer valid either.
    Exec(sql, "UPDATE completions SET final_score = 99", {});
    CHECK_FALSE(VerifyWithDatabase(cert.short_code, *db, "Kursus Baru", "BPSDM Baru").valid);
    Exec(sql, "UPDATE completions SET final_score = 88.04", {});
    CHECK(VerifyWithDatabase(cert.short_code, *db, "Kursus Baru", "BPSDM Baru").valid);
    Exec(sql, "UPDATE issued_certificates SET facts = replace(facts, '88.0', '98.0')", {});
    const auto tampered = VerifyWithDatabase(cert.short_code, *db, "Kursus Baru", "BPSDM Baru");
    CHECK_FALSE(tampered.valid);
    CHECK_THAT(tampered.message, Catch::Contains("TIDAK SAH"));
}
