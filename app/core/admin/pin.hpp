#pragma once
// The trainer/administrator PIN that guards the dashboard, exports, certificates and imports.
//
// - Stored only as an argon2id hash (libsodium crypto_pwhash_str, "interactive" limits) in settings
//   'admin.pin_hash'; the PIN itself is never written anywhere.
// - A PIN is 6 to 12 digits.
// - Wrong PINs slow down: after the n-th consecutive failure the next check is refused until
//   min(60, 2^(n-1)) seconds have passed (1, 2, 4, ..., 32, 60, 60 s). The counter and the time are in
//   settings ('admin.pin_failures', 'admin.pin_locked_until'), so restarting the app does not reset them.
//   A correct PIN resets the counter.
// - Forgotten PIN: ResetPin() (CLI `sinau admin reset-pin --db FILE`), for someone with OS access to the
//   database file. It replaces the hash with a NEW PIN in the same transaction (there is never a moment
//   without a PIN), clears the slow-down and appends the reset time to meta 'admin.pin_resets' (a JSON
//   array), which the dashboard shows. It reveals no records: whoever can run it can already read the file.
//
// Time is passed in (`now`) so tests can step the clock. Threads: the caller's connection. Functions throw
// SQLite::Exception (std::exception) on database errors; PIN problems are returned as values.
#include <chrono>
#include <string>
#include <string_view>

#include "store/database.hpp"
#include "util/expected.hpp"

namespace sinau::admin {

using Clock = std::chrono::system_clock;

// Ok when pin is 6..12 ASCII digits; else an Error in Bahasa Indonesia.
Status ValidatePinFormat(std::string_view pin);

bool IsPinSet(store::Database& db);

// First use only: error when a PIN already exists (use ChangePin) or the format is wrong.
Status SetInitialPin(store::Database& db, std::string_view pin);

enum class PinOutcome { Ok, Wrong, Locked, NotSet };
struct PinCheck {
    PinOutcome outcome = PinOutcome::NotSet;
    int failures = 0;              // consecutive failures after this check
    std::chrono::seconds wait{0};  // Locked/Wrong: how long until the next check is accepted
};

// Verifies pin. While locked it does not even hash (returns Locked and the remaining wait).
PinCheck CheckPin(store::Database& db, std::string_view pin, Clock::time_point now = Clock::now());

// Changes the PIN when `current` is correct (subject to the same slow-down).
Status ChangePin(store::Database& db, std::string_view current, std::string_view new_pin,
                 Clock::time_point now = Clock::now());

// Recovery for a forgotten PIN (see above). Errors only for a badly formed new PIN.
Status ResetPin(store::Database& db, std::string_view new_pin, Clock::time_point now = Clock::now());

// The delay after `failures` consecutive failures: 0 for none, then 1, 2, 4, ... capped at 60 seconds.
std::chrono::seconds PinDelay(int failures);

}  // namespace sinau::admin
