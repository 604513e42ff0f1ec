#include "classroom/validate.hpp"

#include <nlohmann/json.hpp>

namespace sinau::classroom {
namespace {

Rejection Reject(int status, std::string code, std::string message) {
    return Rejection{status, std::move(code), std::move(message)};
}

// Decodes one UTF-8 code point at s[i]; returns its length or 0 when malformed (overlong, surrogate,
// out of range, truncated).
size_t DecodeUtf8(std::string_view s, size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    } else if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

bool IsSpace(char32_t cp) {
    return cp == ' ' || cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A);
}

// Characters that would let a name hide, reorder or break how other names are shown.
bool IsForbidden(char32_t cp) {
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;  // C0, DEL, C1 (incl. tab, newline)
    if (cp >= 0x200B && cp <= 0x200F) return true;             // zero-width, LRM/RLM
    if (cp >= 0x202A && cp <= 0x202E) return true;             // bidi embeddings/overrides
    if (cp >= 0x2066 && cp <= 0x2069) return true;             // bidi isolates
    if (cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFD) return true;  // separators, BOM, U+FFFD
    if (cp >= 0xE000 && cp <= 0xF8FF) return true;                                  // private use
    return false;
}

bool AllDigits(std::string_view s, size_t n) {
    if (s.size() != n) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

Checked<std::string> CleanName(std::string_view raw) {
    std::string out;
    size_t chars = 0;
    bool pending_space = false;
    for (size_t i = 0; i < raw.size();) {
        char32_t cp = 0;
        const size_t len = DecodeUtf8(raw, i, cp);
        if (len == 0) return Reject(400, "invalid_name", "Nama berisi karakter yang tidak valid.");
        if (IsSpace(cp)) {
            pending_space = !out.empty();
        } else {
            if (IsForbidden(cp))
                return Reject(400, "invalid_name", "Nama berisi karakter yang tidak diizinkan.");
            // No name needs markup; refusing it here is a second wall behind escaping on every screen.
            if (cp == '<' || cp == '>')
                return Reject(400, "invalid_name", "Nama tidak boleh berisi tanda < atau >.");
            if (pending_space) {
                out += ' ';
                ++chars;
                pending_space = false;
            }
            out.append(raw.substr(i, len));
            ++chars;
        }
        i += len;
    }
    if (out.empty()) return Reject(400, "invalid_name", "Nama wajib diisi.");
    if (chars > kMaxNameChars)
        return Reject(400, "invalid_name", "Nama terlalu panjang (paling banyak 40 karakter).");
    return out;
}

bool ValidPin(std::string_view pin) {
    return AllDigits(pin, kPinDigits);
}
bool ValidNip(std::string_view nip) {
    return AllDigits(nip, kNipDigits);
}

bool ValidTokenFormat(std::string_view token) {
    if (token.size() != kTokenHexChars) return false;
    for (char c : token)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

Checked<JoinRequest> ParseJoin(std::string_view body) {
    if (body.size() > kMaxBodyBytes) return Reject(413, "body_too_large", "Permintaan terlalu besar.");
    const auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return Reject(400, "bad_json", "Permintaan bukan JSON yang valid.");
    for (const auto& [key, value] : j.items()) {
        (void)value;
        if (key != "pin" && key != "name" && key != "nip")
            return Reject(400, "bad_field", "Kolom tidak dikenal: permintaan ditolak.");
    }
    if (!j.contains("pin") || !j["pin"].is_string() || !ValidPin(j["pin"].get_ref<const std::string&>()))
        return Reject(400, "invalid_pin", "PIN harus 6 angka.");
    if (!j.contains("name") || !j["name"].is_string())
        return Reject(400, "invalid_name", "Nama wajib diisi.");
    JoinRequest out;
    out.pin = j["pin"].get<std::string>();
    auto name = CleanName(j["name"].get_ref<const std::string&>());
    if (auto* r = std::get_if<Rejection>(&name)) return *r;
    out.name = std::get<std::string>(std::move(name));
    if (j.contains("nip") && !j["nip"].is_null()) {
        if (!j["nip"].is_string()) return Reject(400, "invalid_nip", "NIP harus 18 angka.");
        std::string nip = j["nip"].get<std::string>();
        if (!nip.empty() && !ValidNip(nip)) return Reject(400, "invalid_nip", "NIP harus 18 angka.");
        out.nip = std::move(nip);
    }
    return out;
}

Checked<AnswerRequest> ParseAnswer(std::string_view body, bool allow_type_key) {
    if (body.size() > kMaxBodyBytes) return Reject(413, "body_too_large", "Permintaan terlalu besar.");
    const auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return Reject(400, "bad_json", "Permintaan bukan JSON yang valid.");
    for (const auto& [key, value] : j.items()) {
        (void)value;
        if (key != "question" && key != "choices" && !(allow_type_key && key == "type"))
            return Reject(400, "bad_field", "Kolom tidak dikenal: permintaan ditolak.");
    }
    const auto q = j.find("question");
    if (q == j.end() || !q->is_number_integer() || q->get<int64_t>() < 0 || q->get<int64_t>() > 10000)
        return Reject(400, "bad_field", "Nomor soal tidak valid.");
    const auto c = j.find("choices");
    if (c == j.end() || !c->is_array() || c->empty() || c->size() > 16)
        return Reject(400, "bad_choice", "Pilihan jawaban tidak valid.");
    AnswerRequest out;
    out.question = static_cast<int>(q->get<int64_t>());
    for (const auto& v : *c) {
        if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > 64)
            return Reject(400, "bad_choice", "Pilihan jawaban tidak valid.");
        out.choices.push_back(static_cast<int>(v.get<int64_t>()));
    }
    return out;
}

std::optional<std::string> BearerToken(std::string_view header) {
    constexpr std::string_view kPrefix = "Bearer ";
    if (header.size() <= kPrefix.size() || header.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
    std::string token(header.substr(kPrefix.size()));
    if (!ValidTokenFormat(token)) return std::nullopt;
    return token;
}

}  // namespace sinau::classroom
