#include "ui/classroom/class_text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <vector>

namespace sinau::ui::live {
namespace {

// Decodes one UTF-8 sequence at s[i]; returns its length (0 when invalid) and the code point.
size_t DecodeUtf8(std::string_view s, size_t i, char32_t& cp) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    size_t len = 0;
    if (c < 0x80) {
        cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        if ((b(k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(k) & 0x3F);
    }
    // Overlong forms, surrogates and values past Unicode are invalid.
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

bool Hidden(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||  // C0, DEL, C1
           (cp >= 0x200B && cp <= 0x200F) ||           // zero-width, LRM/RLM
           (cp >= 0x202A && cp <= 0x202E) ||           // bidi embeddings and overrides
           (cp >= 0x2060 && cp <= 0x2069) ||           // word joiner, bidi isolates
           cp == 0xFEFF;                               // zero-width no-break space (BOM)
}

std::vector<std::string> Split(std::string_view s, char sep) {
    std::vector<std::string> parts;
    size_t start = 0;
    for (;;) {
        const size_t at = s.find(sep, start);
        parts.emplace_back(
            s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) return parts;
        start = at + 1;
    }
}

bool AllDigits(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

std::string Join(const std::vector<std::string>& parts, size_t from, size_t to, const char* sep) {
    std::string out;
    for (size_t i = from; i < to && i < parts.size(); ++i) {
        if (!out.empty()) out += sep;
        out += parts[i];
    }
    return out;
}

}  // namespace

std::string PlainName(std::string_view raw, int max_chars) {
    std::string out;
    int chars = 0;
    bool space = false;
    for (size_t i = 0; i < raw.size();) {
        char32_t cp = 0;
        const size_t len = DecodeUtf8(raw, i, cp);
        if (len == 0) {
            cp = '?';
            ++i;
        } else {
            i += len;
        }
        if (Hidden(cp)) continue;
        if (cp == ' ') {  // collapse runs so a name cannot push the others off the line
            space = !out.empty();
            continue;
        }
        if (chars >= max_chars) {
            out += "\xE2\x80\xA6";  // …
            return out;
        }
        if (space) {
            out += ' ';
            space = false;
            ++chars;
        }
        if (len == 0)
            out += '?';
        else
            out.append(raw.substr(i - len, len));
        ++chars;
    }
    return out;
}

std::optional<std::string> LegalBasisLabel(std::string_view tag) {
    const auto parts = Split(tag, '-');
    if (parts.empty() || parts[0].empty() || parts[0] == "seed") return std::nullopt;
    if (parts.size() >= 4 && parts[0] == "Putusan" && parts[1] == "MK")  // Putusan-MK-41-PUU-XII-2014
        return "Putusan MK " + parts[2] + "/" + Join(parts, 3, parts.size() - 1, "-") + "/" + parts.back();
    if (parts.size() < 3 || !AllDigits(parts[1]) || !AllDigits(parts[2])) {
        if (parts.size() == 2 && AllDigits(parts[1])) return parts[0] + " " + parts[1];  // SKB-2022
        return Join(parts, 0, parts.size(), " ");
    }
    std::string out = parts[0] + " " + parts[1] + "/" + parts[2];
    for (size_t i = 3; i < parts.size(); ++i) {
        const std::string& p = parts[i];
        if ((p == "Ps" || p == "Pasal") && i + 1 < parts.size()) {
            out += " Pasal " + parts[++i];
            if (i + 1 < parts.size() && parts[i + 1].size() == 1 &&
                std::isalpha(static_cast<unsigned char>(parts[i + 1][0])))
                out += " huruf " + parts[++i];
        } else if (p == "konsiderans" && i + 1 < parts.size()) {
            out += " konsiderans huruf " + parts[++i];
        } else {
            out += " " + p;
        }
    }
    // UU 5/2014 (ASN) was repealed and replaced by UU 20/2023 (content-brief.md): say so wherever it is
    // cited.
    if (parts[0] == "UU" && parts[1] == "5" && parts[2] == "2014") out += " (kini UU 20/2023)";
    return out;
}

std::string ChoiceLetter(int index) {
    if (index >= 0 && index < 26) return std::string(1, char('A' + index));
    return std::to_string(index + 1);
}

std::string SecondsLabel(std::string_view pattern, double ms) {
    char number[32];
    std::snprintf(number, sizeof number, "%.1f", std::max(0.0, ms) / 1000.0);
    std::string value = number;
    std::replace(value.begin(), value.end(), '.', ',');
    std::string out(pattern);
    const size_t at = out.find("{s}");
    if (at != std::string::npos) out.replace(at, 3, value);
    return out;
}

std::string LocalTimeLabel(std::string_view iso_utc) {
    std::tm tm{};
    int consumed = 0;
    const std::string text(iso_utc);
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                    &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) != 6 ||
        consumed < 19)
        return text;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    const std::time_t t = timegm(&tm);
    std::tm local{};
    if (t == static_cast<std::time_t>(-1) || !localtime_r(&t, &local)) return text;
    char out[32];
    std::strftime(out, sizeof out, "%d/%m/%Y %H.%M", &local);
    return out;
}

}  // namespace sinau::ui::live
