#include "learners/learner.hpp"

#include "learners/nip.hpp"

namespace sinau::learners {

size_t Utf8Length(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

namespace {
std::string CleanText(std::string_view in) {
    std::string out;
    bool space = false;
    for (unsigned char c : in) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            space = !out.empty();
            continue;
        }
        if (c < 0x20 || c == 0x7F) continue;  // control characters never belong in a name
        if (space) out.push_back(' ');
        space = false;
        out.push_back(char(c));
    }
    return out;
}
}  // namespace

LearnerProfile CleanProfile(LearnerProfile p) {
    p.name = CleanText(p.name);
    p.nip = NormalizeNip(CleanText(p.nip));
    p.instansi = CleanText(p.instansi);
    p.jabatan = CleanText(p.jabatan);
    return p;
}

Status ValidateProfile(const LearnerProfile& p, util::Date today) {
    std::string problems;
    auto add = [&](const std::string& s) { problems += (problems.empty() ? "" : "; ") + s; };
    if (p.name.empty()) add("Nama lengkap wajib diisi");
    else if (Utf8Length(p.name) > kMaxNameChars)
        add("Nama lengkap terlalu panjang (" + std::to_string(Utf8Length(p.name)) + " karakter, paling banyak " +
            std::to_string(kMaxNameChars) + ")");
    if (auto nip = ParseNip(p.nip, today); !nip) add(nip.error().message);
    if (p.instansi.empty()) add("Instansi/OPD wajib diisi");
    else if (Utf8Length(p.instansi) > kMaxInstansiChars)
        add("Instansi/OPD terlalu panjang (paling banyak " + std::to_string(kMaxInstansiChars) + " karakter)");
    if (Utf8Length(p.jabatan) > kMaxJabatanChars)
        add("Jabatan terlalu panjang (paling banyak " + std::to_string(kMaxJabatanChars) + " karakter)");
    if (!problems.empty()) return Error{problems};
    return Success();
}

}  // namespace sinau::learners
