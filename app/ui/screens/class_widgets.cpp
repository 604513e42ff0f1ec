#include "ui/screens/class_widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace sinau::ui::classview {
namespace {

constexpr float kPi = 3.14159265358979f;

float Luminance(ImU32 c) {
    const ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    return 0.2126f * v.x + 0.7152f * v.y + 0.0722f * v.z;
}

}  // namespace

ImVec2 Measure(ImFont* font, float size, std::string_view text, float width) {
    return font->CalcTextSizeA(size, FLT_MAX, width, text.data(), text.data() + text.size());
}

float Text(ImDrawList* draw, ImFont* font, float size, ImVec2 pos, ImU32 color, std::string_view text,
           float width) {
    draw->AddText(font, size, ImVec2(std::round(pos.x), std::round(pos.y)), color, text.data(),
                  text.data() + text.size(), width);
    return Measure(font, size, text, width).y;
}

void TextCentered(ImDrawList* draw, ImFont* font, float size, float center_x, float y, ImU32 color,
                  std::string_view text) {
    const float w = Measure(font, size, text).x;
    Text(draw, font, size, ImVec2(center_x - w * 0.5f, y), color, text);
}

float Qr(ImDrawList* draw, const classroom::QrMatrix& qr, ImVec2 top_left, float side) {
    if (qr.size <= 0) return 0.0f;
    const int modules = qr.size + 8;  // 4-module quiet zone on each side (ISO/IEC 18004)
    const float unit = std::max(1.0f, std::floor(side / float(modules)));
    const float used = unit * float(modules);
    const ImVec2 a(std::round(top_left.x), std::round(top_left.y));
    draw->AddRectFilled(a, ImVec2(a.x + used, a.y + used), IM_COL32_WHITE);
    const ImU32 dark = IM_COL32(0, 0, 0, 255);
    for (int y = 0; y < qr.size; ++y) {
        // Runs of dark modules become one rectangle: fewer vertices, no hairline seams between squares.
        for (int x = 0; x < qr.size;) {
            if (!qr.at(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < qr.size && qr.at(end, y)) ++end;
            const ImVec2 p(a.x + float(x + 4) * unit, a.y + float(y + 4) * unit);
            draw->AddRectFilled(p, ImVec2(p.x + float(end - x) * unit, p.y + unit), dark);
            x = end;
        }
    }
    return used;
}

void Countdown(ImDrawList* draw, ImVec2 center, float radius, float fraction_left, int seconds, ImFont* font,
               ImU32 ring, ImU32 track, ImU32 text) {
    const float thickness = std::max(3.0f, radius * 0.16f);
    const float r = radius - thickness * 0.5f;
    draw->AddCircle(center, r, track, 64, thickness);
    const float f = std::clamp(fraction_left, 0.0f, 1.0f);
    if (f > 0.0f) {
        const float start = -kPi * 0.5f;
        draw->PathArcTo(center, r, start, start + 2.0f * kPi * f, 64);
        draw->PathStroke(ring, 0, thickness);
    }
    const std::string label = std::to_string(std::max(0, seconds));
    const float size = radius * 0.95f;
    const ImVec2 ts = Measure(font, size, label);
    Text(draw, font, size, ImVec2(center.x - ts.x * 0.5f, center.y - ts.y * 0.5f), text, label);
}

void Bar(ImDrawList* draw, ImVec2 a, ImVec2 b, float fraction, ImU32 fill, ImU32 track) {
    const float rounding = (b.y - a.y) * 0.5f;
    draw->AddRectFilled(a, b, track, rounding);
    const float f = std::clamp(fraction, 0.0f, 1.0f);
    if (f <= 0.0f) return;
    const float x = std::max(a.x + 2.0f * rounding, a.x + (b.x - a.x) * f);  // a sliver stays visible
    draw->AddRectFilled(a, ImVec2(std::min(x, b.x), b.y), fill, rounding);
}

void Tick(ImDrawList* draw, ImVec2 a, float side, ImU32 color, float thickness) {
    const ImVec2 points[] = {ImVec2(a.x + side * 0.18f, a.y + side * 0.52f),
                             ImVec2(a.x + side * 0.42f, a.y + side * 0.76f),
                             ImVec2(a.x + side * 0.84f, a.y + side * 0.26f)};
    draw->AddPolyline(points, 3, color, 0, thickness);
}

void Badge(ImDrawList* draw, ImVec2 a, float side, ImU32 fill, ImU32 text_color, ImFont* font,
           std::string_view letter) {
    draw->AddRectFilled(a, ImVec2(a.x + side, a.y + side), fill, side * 0.18f);
    const float size = std::min(font->FontSize, side * 0.7f);
    const ImVec2 ts = Measure(font, size, letter);
    Text(draw, font, size, ImVec2(a.x + (side - ts.x) * 0.5f, a.y + (side - ts.y) * 0.5f), text_color,
         letter);
}

ImU32 Mix(ImU32 a, ImU32 b, float t) {
    const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(
        ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

ImU32 CorrectColor(ImU32 background) {
    return Luminance(background) > 0.5f ? IM_COL32(21, 128, 61, 255) : IM_COL32(74, 222, 128, 255);
}

ImU32 CorrectTint(ImU32 background) {
    return Mix(background, CorrectColor(background), 0.16f);
}

}  // namespace sinau::ui::classview
