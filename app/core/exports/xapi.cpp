#include "exports/xapi.hpp"

#include <sodium.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace sinau::exports {

std::string StableStatementId(std::string_view kind, std::string_view id, std::string_view verb) {
    // Sinau's namespace for statement ids (a random v4 UUID fixed forever):
    // 6d1f3c2a-8b4e-4f0a-9c7d-2e5b8a1f4c63.
    static constexpr unsigned char kNamespace[16] = {0x6d, 0x1f, 0x3c, 0x2a, 0x8b, 0x4e, 0x4f, 0x0a,
                                                     0x9c, 0x7d, 0x2e, 0x5b, 0x8a, 0x1f, 0x4c, 0x63};
    static const bool ready = sodium_init() >= 0;
    if (!ready) std::abort();
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    crypto_hash_sha256_update(&st, kNamespace, sizeof kNamespace);
    auto feed = [&](std::string_view s) {
        crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(s.data()), s.size());
        const unsigned char sep = 0;  // unambiguous boundary between fields
        crypto_hash_sha256_update(&st, &sep, 1);
    };
    feed(kind);
    feed(id);
    feed(verb);
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&st, h);
    h[6] = static_cast<unsigned char>((h[6] & 0x0F) | 0x50);  // version 5 (name-based)
    h[8] = static_cast<unsigned char>((h[8] & 0x3F) | 0x80);  // RFC 4122 variant
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
        out.push_back(kHex[h[i] >> 4]);
        out.push_back(kHex[h[i] & 0x0F]);
    }
    return out;
}

std::string IsoDuration(double seconds) {
    if (!(seconds > 0)) return "PT0S";
    long long centis = std::llround(seconds * 100.0);
    const long long h = centis / 360000;
    centis %= 360000;
    const long long m = centis / 6000;
    centis %= 6000;
    std::string out = "PT";
    if (h) out += std::to_string(h) + "H";
    if (m) out += std::to_string(m) + "M";
    if (centis || (!h && !m)) {
        char buf[32];
        if (centis % 100 == 0)
            std::snprintf(buf, sizeof buf, "%lldS", centis / 100);
        else if (centis % 10 == 0)
            std::snprintf(buf, sizeof buf, "%lld.%lldS", centis / 100, (centis % 100) / 10);
        else
            std::snprintf(buf, sizeof buf, "%lld.%02lldS", centis / 100, centis % 100);
        out += buf;
    }
    return out;
}

std::optional<long long> ParseIsoMillis(std::string_view s) {
    if (s.size() < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':')
        return std::nullopt;
    auto num = [&](size_t pos, size_t len) -> int {
        int v = 0;
        for (size_t i = pos; i < pos + len; ++i) {
            if (s[i] < '0' || s[i] > '9') return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    const int y = num(0, 4), mo = num(5, 2), d = num(8, 2), hh = num(11, 2), mi = num(14, 2), ss = num(17, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 ||
        ss > 60)
        return std::nullopt;
    int ms = 0;
    size_t i = 19;
    if (i < s.size() && s[i] == '.') {
        int scale = 100;
        for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
            ms += (s[i] - '0') * scale;
            scale /= 10;
        }
    }
    if (i >= s.size() || s[i] != 'Z') return std::nullopt;
    using namespace std::chrono;
    const year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
    if (!ymd.ok()) return std::nullopt;
    const auto days_since = sys_days(ymd).time_since_epoch().count();
    return (((days_since * 24LL + hh) * 60 + mi) * 60 + ss) * 1000LL + ms;
}

std::string IriSegment(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
            c == '.' || c == '_' || c == '~') {
            out.push_back(char(c));
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    return out;
}

}  // namespace sinau::exports
