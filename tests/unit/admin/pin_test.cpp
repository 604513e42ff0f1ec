#include <catch2/catch.hpp>

#include "../support/records_fixture.hpp"
#include "admin/pin.hpp"

using namespace sinau::admin;
using namespace records_test;
using std::chrono::seconds;

TEST_CASE("PIN format is 6 to 12 digits", "[pin]") {
    CHECK(ValidatePinFormat("123456").ok());
    CHECK(ValidatePinFormat("123456789012").ok());
    CHECK_FALSE(ValidatePinFormat("12345").ok());
    CHECK_FALSE(ValidatePinFormat("1234567890123").ok());
    CHECK_FALSE(ValidatePinFormat("12345a").ok());
    CHECK_FALSE(ValidatePinFormat("").ok());
}

TEST_CASE("PIN is stored only as an argon2id hash", "[pin]") {
    TempDir dir;
    auto db = OpenDb(dir / "a.db");
    CHECK_FALSE(IsPinSet(*db));
    REQUIRE(SetInitialPin(*db, "24681357").ok());
    const auto hash = db->GetSetting("admin.pin_hash");
    REQUIRE(hash);
    CHECK(hash->rfind("$argon2id$", 0) == 0);
    CHECK(hash->find("24681357") == std::string::npos);
    db.reset();
    CHECK(ReadFile(dir / "a.db").find("24681357") == std::string::npos);
    db = OpenDb(dir / "a.db");
    CHECK_FALSE(SetInitialPin(*db, "11111111").ok());  // already set: needs ChangePin
    CHECK(CheckPin(*db, "24681357").outcome == PinOutcome::Ok);
}

TEST_CASE("Wrong PINs slow down exponentially and the delay survives a restart", "[pin]") {
    TempDir dir;
    auto db = OpenDb(dir / "a.db");
    REQUIRE(SetInitialPin(*db, "123456").ok());
    const auto t0 = Clock::time_point(std::chrono::hours(24 * 20000));
    auto r = CheckPin(*db, "000000", t0);
    CHECK(r.outcome == PinOutcome::Wrong);
    CHECK(r.failures == 1);
    CHECK(r.wait == seconds(1));
    // Within the delay even the right PIN is refused, without hashing.
    CHECK(CheckPin(*db, "123456", t0 + std::chrono::milliseconds(500)).outcome == PinOutcome::Locked);
    auto t = t0 + seconds(1);
    r = CheckPin(*db, "000001", t);
    CHECK(r.wait == seconds(2));
    t += seconds(2);
    r = CheckPin(*db, "000002", t);
    CHECK(r.wait == seconds(4));
    CHECK(r.failures == 3);
    // Restart: the counter and the lock are still there.
    db.reset();
    db = OpenDb(dir / "a.db");
    auto locked = CheckPin(*db, "123456", t + seconds(1));
    CHECK(locked.outcome == PinOutcome::Locked);
    CHECK(locked.wait == seconds(3));
    // After the wait the right PIN works and resets the counter.
    auto ok = CheckPin(*db, "123456", t + seconds(4));
    CHECK(ok.outcome == PinOutcome::Ok);
    CHECK(db->GetSetting("admin.pin_failures") == std::nullopt);
    CHECK(PinDelay(6) == seconds(32));
    CHECK(PinDelay(7) == seconds(60));
    CHECK(PinDelay(30) == seconds(60));
}

TEST_CASE("Reset replaces a forgotten PIN, clears the lock and is logged", "[pin]") {
    TempDir dir;
    auto db = OpenDb(dir / "a.db");
    REQUIRE(SetInitialPin(*db, "123456").ok());
    const auto t0 = Clock::time_point(std::chrono::hours(24 * 20000));
    CheckPin(*db, "999999", t0);
    CHECK_FALSE(ResetPin(*db, "12", t0).ok());  // a bad new PIN changes nothing
    CHECK(CheckPin(*db, "123456", t0 + seconds(2)).outcome == PinOutcome::Ok);
    REQUIRE(ResetPin(*db, "7654321", t0 + seconds(10)).ok());
    CHECK(CheckPin(*db, "123456", t0 + seconds(11)).outcome == PinOutcome::Wrong);
    CHECK(CheckPin(*db, "7654321", t0 + seconds(13)).outcome == PinOutcome::Ok);
    const auto log = db->GetMeta("admin.pin_resets");
    REQUIRE(log);
    CHECK(log->find("T") != std::string::npos);
    CHECK(log->front() == '[');
}

TEST_CASE("ChangePin needs the current PIN", "[pin]") {
    TempDir dir;
    auto db = OpenDb(dir / "a.db");
    REQUIRE(SetInitialPin(*db, "123456").ok());
    const auto t0 = Clock::time_point(std::chrono::hours(24 * 20000));
    CHECK_FALSE(ChangePin(*db, "000000", "222222", t0).ok());
    CHECK(ChangePin(*db, "123456", "222222", t0 + seconds(5)).ok());
    CHECK(CheckPin(*db, "222222", t0 + seconds(6)).outcome == PinOutcome::Ok);
}
