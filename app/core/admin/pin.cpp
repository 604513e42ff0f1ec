#include "admin/pin.hpp"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "util/time.hpp"

namespace sinau::admin {
namespace {

constexpr std::string_view kHashKey = "admin.pin_hash";
constexpr std::string_view kFailuresKey = "admin.pin_failures";
constexpr std::string_view kLockedUntilKey = "admin.pin_locked_until";
constexpr std::string_view kResetsKey = "admin.pin_resets";

void EnsureSodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) std::abort();
}

std::string HashPin(std::string_view pin) {
    EnsureSodium();
    char out[crypto_pwhash_STRBYTES];
    // argon2id with libsodium's "interactive" limits (2 passes, 64 MiB): ~0.1-0.3 s on an office laptop.
    if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("argon2id: kehabisan memori saat membuat hash PIN");
    return out;
}

int ReadFailures(store::Database& db) {
    const auto v = db.GetSetting(kFailuresKey);
    if (!v) return 0;
    try {
        return std::max(0, std::stoi(*v));
    } catch (...) {
        return 0;
    }
}

// Milliseconds since the epoch in settings: exact, and no time-zone parsing needed.
std::optional<Clock::time_point> ReadLockedUntil(store::Database& db) {
    const auto v = db.GetSetting(kLockedUntilKey);
    if (!v) return std::nullopt;
    try {
        return Clock::time_point(std::chrono::milliseconds(std::stoll(*v)));
    } catch (...) {
        return std::nullopt;
    }
}

void StoreFailure(store::Database& db, int failures, Clock::time_point until) {
    store::WriteTransaction t(db);
    db.SetSetting(kFailuresKey, std::to_string(failures));
    db.SetSetting(
        kLockedUntilKey,
        std::to_string(
            std::chrono::duration_cast<std::chrono::milliseconds>(until.time_since_epoch()).count()));
    t.commit();
}

void ClearFailures(store::Database& db) {
    db.DeleteSetting(kFailuresKey);
    db.DeleteSetting(kLockedUntilKey);
}

}  // namespace

std::chrono::seconds PinDelay(int failures) {
    if (failures <= 0) return std::chrono::seconds(0);
    if (failures >= 7) return std::chrono::seconds(60);  // 2^6 = 64 > 60
    return std::chrono::seconds(std::min(60, 1 << (failures - 1)));
}

Status ValidatePinFormat(std::string_view pin) {
    if (pin.size() < 6 || pin.size() > 12) return Error{"PIN harus 6 sampai 12 angka."};
    for (const char c : pin)
        if (c < '0' || c > '9') return Error{"PIN hanya boleh berisi angka 0-9."};
    return Success();
}

bool IsPinSet(store::Database& db) {
    return db.GetSetting(kHashKey).has_value();
}

Status SetInitialPin(store::Database& db, std::string_view pin) {
    if (auto ok = ValidatePinFormat(pin); !ok) return ok;
    if (IsPinSet(db)) return Error{"PIN sudah diatur. Gunakan ganti PIN (perlu PIN lama) atau reset PIN."};
    const std::string hash = HashPin(pin);
    store::WriteTransaction t(db);
    db.SetSetting(kHashKey, hash);
    ClearFailures(db);
    t.commit();
    return Success();
}

PinCheck CheckPin(store::Database& db, std::string_view pin, Clock::time_point now) {
    PinCheck r;
    const auto hash = db.GetSetting(kHashKey);
    if (!hash) return r;  // NotSet
    r.failures = ReadFailures(db);
    if (const auto until = ReadLockedUntil(db); until && *until > now) {
        r.outcome = PinOutcome::Locked;
        r.wait = std::chrono::ceil<std::chrono::seconds>(*until - now);
        return r;
    }
    EnsureSodium();
    if (crypto_pwhash_str_verify(hash->c_str(), pin.data(), pin.size()) == 0) {
        store::WriteTransaction t(db);
        ClearFailures(db);
        // Stronger defaults in a future libsodium: upgrade the stored hash while we know the PIN.
        if (crypto_pwhash_str_needs_rehash(hash->c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                           crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
            db.SetSetting(kHashKey, HashPin(pin));
        t.commit();
        r.outcome = PinOutcome::Ok;
        r.failures = 0;
        return r;
    }
    r.outcome = PinOutcome::Wrong;
    r.failures += 1;
    r.wait = PinDelay(r.failures);
    StoreFailure(db, r.failures, now + r.wait);
    return r;
}

Status ChangePin(store::Database& db, std::string_view current, std::string_view new_pin,
                 Clock::time_point now) {
    if (auto ok = ValidatePinFormat(new_pin); !ok) return ok;
    const auto check = CheckPin(db, current, now);
    switch (check.outcome) {
        case PinOutcome::NotSet:
            return SetInitialPin(db, new_pin);
        case PinOutcome::Locked:
            return Error{"Terlalu banyak PIN salah. Coba lagi dalam " + std::to_string(check.wait.count()) +
                         " detik."};
        case PinOutcome::Wrong:
            return Error{"PIN lama salah."};
        case PinOutcome::Ok:
            break;
    }
    db.SetSetting(kHashKey, HashPin(new_pin));
    return Success();
}

Status ResetPin(store::Database& db, std::string_view new_pin, Clock::time_point now) {
    if (auto ok = ValidatePinFormat(new_pin); !ok) return ok;
    const std::string hash = HashPin(new_pin);
    store::WriteTransaction t(db);
    nlohmann::json log = nlohmann::json::array();
    if (const auto old = db.GetMeta(kResetsKey)) {
        auto parsed = nlohmann::json::parse(*old, nullptr, false);
        if (parsed.is_array()) log = std::move(parsed);
    }
    log.push_back(util::FormatIso8601(now));
    db.SetMeta(kResetsKey, log.dump());
    db.SetSetting(kHashKey, hash);
    ClearFailures(db);
    t.commit();
    return Success();
}

}  // namespace sinau::admin
