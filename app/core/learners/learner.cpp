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

std::string_view FieldName(ProfileField f) {
    switch (f) {
        case ProfileField::Name:
            return "nama";
        case ProfileField::Nip:
            return "nip";
        case ProfileField::Instansi:
            return "instansi";
        case ProfileField::Jabatan:
            return "jabatan";
    }
    return "nama";
}

namespace {
// "Jabatan terlalu panjang (126 karakter, paling banyak 120)": the count tells how much to cut.
std::string TooLong(std::string_view label, std::string_view text, size_t max) {
    return std::string(label) + " terlalu panjang (" + std::to_string(Utf8Length(text)) +
           " karakter, paling banyak " + std::to_string(max) + ")";
}
}  // namespace

std::vector<FieldProblem> ProfileProblems(const LearnerProfile& p, util::Date today) {
    std::vector<FieldProblem> out;
    if (p.name.empty())
        out.push_back({ProfileField::Name, "Nama lengkap wajib diisi"});
    else if (Utf8Length(p.name) > kMaxNameChars)
        out.push_back({ProfileField::Name, TooLong("Nama lengkap", p.name, kMaxNameChars)});
    if (auto nip = ParseNip(p.nip, today); !nip) out.push_back({ProfileField::Nip, nip.error().message});
    if (p.instansi.empty())
        out.push_back({ProfileField::Instansi, "Instansi/OPD wajib diisi"});
    else if (Utf8Length(p.instansi) > kMaxInstansiChars)
        out.push_back({ProfileField::Instansi, TooLong("Instansi/OPD", p.instansi, kMaxInstansiChars)});
    if (Utf8Length(p.jabatan) > kMaxJabatanChars)
        out.push_back({ProfileField::Jabatan, TooLong("Jabatan", p.jabatan, kMaxJabatanChars)});
    return out;
}

std::string JoinProblems(const std::vector<FieldProblem>& problems) {
    std::string out;
    for (const auto& p : problems) out += (out.empty() ? "" : "; ") + p.message;
    return out;
}

Status ValidateProfile(const LearnerProfile& p, util::Date today) {
    const auto problems = ProfileProblems(p, today);
    if (!problems.empty()) return Error{JoinProblems(problems)};
    return Success();
}

}  // namespace sinau::learners
