#include "ui/classroom/class_debug.hpp"

#include <charconv>
#include <cstdlib>

namespace sinau::ui::live {
namespace {

template <typename T>
bool ParseNumber(std::string_view text, T& out) {
    const auto* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, out);
    return r.ec == std::errc() && r.ptr == end;
}

bool ParseSeconds(std::string_view text, double& out) {
    std::string copy(text);
    char* end = nullptr;
    out = std::strtod(copy.c_str(), &end);
    return !copy.empty() && end && *end == '\0' && out >= 0 && out <= 3600;
}

}  // namespace

Expected<DebugClass> ParseDebugClass(std::string_view spec) {
    DebugClass d;
    size_t start = 0;
    while (start <= spec.size()) {
        const size_t comma = spec.find(',', start);
        const std::string_view pair =
            spec.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        start = comma == std::string_view::npos ? spec.size() + 1 : comma + 1;
        if (pair.empty()) continue;
        const size_t eq = pair.find('=');
        const std::string_view key = pair.substr(0, eq);
        const std::string_view value =
            eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
        const auto bad = [&] { return Error{"--class-debug: nilai tidak sah: " + std::string(pair)}; };
        int n = 0;
        if (eq == std::string_view::npos) return bad();
        if (key == "module") {
            if (value.empty()) return bad();
            d.module = value;
        } else if (key == "questions") {
            size_t s = 0;
            while (s <= value.size()) {
                const size_t plus = value.find('+', s);
                const auto id =
                    value.substr(s, plus == std::string_view::npos ? std::string_view::npos : plus - s);
                if (!id.empty()) d.question_ids.emplace_back(id);
                s = plus == std::string_view::npos ? value.size() + 1 : plus + 1;
            }
        } else if (key == "max") {
            if (!ParseNumber(value, d.max_questions) || d.max_questions < 0) return bad();
        } else if (key == "seconds") {
            if (!ParseNumber(value, d.question_seconds) || d.question_seconds < 1 ||
                d.question_seconds > 3600)
                return bad();
        } else if (key == "speed") {
            if (value != "0" && value != "1") return bad();
            d.speed_bonus = value == "1";
        } else if (key == "port") {
            if (!ParseNumber(value, n) || n < 0 || n > 65535) return bad();
            d.port = static_cast<uint16_t>(n);
        } else if (key == "auto") {
            if (!ParseNumber(value, d.auto_expect) || d.auto_expect < 0) return bad();
        } else if (key == "lobby") {
            if (!ParseSeconds(value, d.lobby_seconds)) return bad();
        } else if (key == "reveal") {
            if (!ParseSeconds(value, d.reveal_seconds)) return bad();
        } else if (key == "ip_limit") {
            if (value != "0") return bad();
            d.ip_limit_off = true;
        } else if (key == "demo") {
            if (value != "lobby" && value != "question" && value != "reveal" && value != "ended")
                return bad();
            d.demo = value;
        } else if (key == "people") {
            if (!ParseNumber(value, d.demo_people) || d.demo_people < 1 || d.demo_people > 200) return bad();
        } else if (key == "bench") {
            if (value.empty()) return bad();
            d.bench_file = value;
        } else if (key == "session") {
            if (value != "0") return bad();
            d.no_session = true;
        } else if (key == "delay") {
            if (!ParseSeconds(value, d.delay_seconds)) return bad();
        } else {
            return Error{
                "--class-debug: kunci tidak dikenal: " + std::string(key) +
                " (module, questions, max, seconds, speed, port, auto, lobby, reveal, ip_limit, demo, "
                "people, bench, delay, session)"};
        }
    }
    return d;
}

}  // namespace sinau::ui::live
