#pragma once
// NIP (Nomor Induk Pegawai, PNS): 18 digits = birth date yyyymmdd, CPNS start (TMT) yyyymm, gender digit,
// 3-digit sequence. Validation explains each wrong field to the trainer in Bahasa Indonesia.
#include <string>
#include <string_view>

#include "util/expected.hpp"
#include "util/time.hpp"

namespace sinau::learners {

enum class Gender { LakiLaki = 1, Perempuan = 2 };

struct NipInfo {
    std::string nip;  // the 18 digits, spaces removed
    util::Date birth;
    int tmt_year = 0;
    int tmt_month = 0;
    Gender gender = Gender::LakiLaki;
    int sequence = 0;
};

// Removes the spaces (and dots) people type between the NIP's groups: "19880312 201503 2 001".
std::string NormalizeNip(std::string_view typed);

// Checks every field against `today` and returns either the parts or ONE Error whose message lists every
// wrong field ("; "-separated), e.g. "NIP digit 1–8 (tanggal lahir) bukan tanggal yang sah: 19881332".
// Rules: 18 digits; a real birth date; a real TMT month, not in the future, at or after the 18th
// birthday and at most age 70; gender 1 (laki-laki) or 2 (perempuan); sequence 001–999. Pure.
Expected<NipInfo> ParseNip(std::string_view typed, util::Date today);

}  // namespace sinau::learners
