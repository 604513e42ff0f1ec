#include "ui/admin/admin_format.hpp"

#include <cmath>
#include <cstdio>

#include "certificates/certificate_pdf.hpp"

namespace sinau::ui::admin {

std::string Thousands(int64_t value) {
    const bool negative = value < 0;
    std::string digits = std::to_string(negative ? -value : value);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

std::string Decimal(double value, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    for (char& c : s)
        if (c == '.') c = ',';
    return s;
}

std::string ScoreText(const std::optional<double>& score) {
    return score ? Decimal(*score, 1) : "\xE2\x80\x93";
}

std::string PercentText(double fraction, int decimals) {
    return Decimal(std::isfinite(fraction) ? fraction * 100.0 : 0.0, decimals) + " %";
}

std::string DayText(std::string_view iso) {
    if (iso.size() < 10) return "\xE2\x80\x93";
    return certificates::IndonesianDate(iso.substr(0, 10));
}

std::string ShortDayText(std::string_view iso) {
    if (iso.size() < 10 || !IsIsoDay(iso.substr(0, 10))) return "\xE2\x80\x93";
    return std::string(iso.substr(8, 2)) + "/" + std::string(iso.substr(5, 2)) + "/" +
           std::string(iso.substr(0, 4));
}

bool IsIsoDay(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (t[i] < '0' || t[i] > '9') return false;
    const int month = (t[5] - '0') * 10 + (t[6] - '0');
    const int day = (t[8] - '0') * 10 + (t[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace sinau::ui::admin
