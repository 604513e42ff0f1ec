#include "learners/nip.hpp"

#include <cctype>

namespace sinau::learners {

std::string NormalizeNip(std::string_view typed) {
    std::string out;
    for (char c : typed)
        if (c != ' ' && c != '.' && c != '\t' && c != '-') out.push_back(c);
    return out;
}

namespace {
int Digits(std::string_view s, size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
}
}  // namespace

Expected<NipInfo> ParseNip(std::string_view typed, util::Date today) {
    const std::string nip = NormalizeNip(typed);
    if (nip.empty()) return Error{"NIP wajib diisi (18 angka)."};
    for (char c : nip)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return Error{"NIP hanya boleh berisi angka (18 angka), tertulis: " + std::string(typed)};
    if (nip.size() != 18)
        return Error{"NIP harus 18 angka, tertulis " + std::to_string(nip.size()) + " angka: " + nip};

    NipInfo info;
    info.nip = nip;
    std::string problems;
    auto add = [&](const std::string& p) { problems += (problems.empty() ? "" : "; ") + p; };

    info.birth = {Digits(nip, 0, 4), Digits(nip, 4, 2), Digits(nip, 6, 2)};
    const bool birth_ok =
        util::IsValidDate(info.birth.year, info.birth.month, info.birth.day) && info.birth.year >= 1900;
    if (!birth_ok) add("NIP digit 1–8 (tanggal lahir) bukan tanggal yang sah: " + nip.substr(0, 8));

    info.tmt_year = Digits(nip, 8, 4);
    info.tmt_month = Digits(nip, 12, 2);
    const bool tmt_ok = info.tmt_month >= 1 && info.tmt_month <= 12 && info.tmt_year >= 1900;
    if (!tmt_ok) {
        add("NIP digit 9–14 (TMT CPNS) bukan bulan yang sah: " + nip.substr(8, 6));
    } else {
        if (info.tmt_year * 12 + info.tmt_month > today.year * 12 + today.month)
            add("NIP digit 9–14 (TMT CPNS) ada di masa depan: " + nip.substr(8, 6));
        if (birth_ok) {
            // Age in whole months at the TMT month: the 18th birthday's month is the earliest start.
            const int months =
                (info.tmt_year * 12 + info.tmt_month) - (info.birth.year * 12 + info.birth.month);
            if (months < 18 * 12)
                add("NIP digit 9–14 (TMT CPNS " + nip.substr(8, 6) +
                    ") sebelum usia 18 tahun menurut tanggal lahir " + nip.substr(0, 8));
            else if (months > 70 * 12)
                add("NIP digit 9–14 (TMT CPNS " + nip.substr(8, 6) +
                    ") tidak masuk akal: usia lebih dari 70 tahun");
        }
    }
    const int g = nip[14] - '0';
    if (g != 1 && g != 2)
        add("NIP digit 15 (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan), tertulis " +
            nip.substr(14, 1));
    else
        info.gender = Gender(g);
    info.sequence = Digits(nip, 15, 3);
    if (info.sequence == 0) add("NIP digit 16–18 (nomor urut) tidak boleh 000");

    if (!problems.empty()) return Error{problems};
    return info;
}

}  // namespace sinau::learners
