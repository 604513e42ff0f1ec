#include "ui/learning/learning_widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "ui/widgets/rich_text.hpp"

namespace sinau::ui::learning {
namespace {

bool IsDark(ImU32 c) {
    const float r = float((c >> IM_COL32_R_SHIFT) & 0xFF), g = float((c >> IM_COL32_G_SHIFT) & 0xFF),
                b = float((c >> IM_COL32_B_SHIFT) & 0xFF);
    return 0.2126f * r + 0.7152f * g + 0.0722f * b < 110.0f;
}

}  // namespace

ImU32 SuccessText(const Palette& p) {
    return IsDark(p.background) ? IM_COL32(120, 220, 150, 255) : IM_COL32(20, 110, 55, 255);
}
ImU32 SuccessBg(const Palette& p) {
    return IsDark(p.background) ? IM_COL32(25, 70, 45, 255) : IM_COL32(226, 245, 232, 255);
}
ImU32 WarningText(const Palette& p) {
    return IsDark(p.background) ? IM_COL32(245, 200, 110, 255) : IM_COL32(135, 80, 0, 255);
}
ImU32 WarningBg(const Palette& p) {
    return IsDark(p.background) ? IM_COL32(80, 60, 20, 255) : IM_COL32(255, 244, 214, 255);
}

const char* StatusLabel(const ScreenContext& ctx, engine::ModuleStatus status) {
    switch (status) {
        case engine::ModuleStatus::Belum:
            return ctx.tr("learn.status_belum");
        case engine::ModuleStatus::Sedang:
            return ctx.tr("learn.status_sedang");
        case engine::ModuleStatus::Lulus:
            return ctx.tr("learn.status_lulus");
    }
    return "";
}

float StatusPill(const ScreenContext& ctx, engine::ModuleStatus status, ImVec2 top_right) {
    const auto& p = ctx.palette;
    ImFont* font = ctx.fonts.normal.small;
    const char* text = StatusLabel(ctx, status);
    const float em = ImGui::GetFontSize();
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text);
    const float pad_x = 0.6f * em, pad_y = 0.2f * em;
    const ImVec2 a(top_right.x - size.x - 2 * pad_x, top_right.y),
        b(top_right.x, top_right.y + size.y + 2 * pad_y);
    ImU32 bg = p.surface_hover, fg = p.text_muted;
    if (status == engine::ModuleStatus::Lulus) bg = SuccessBg(p), fg = SuccessText(p);
    if (status == engine::ModuleStatus::Sedang) bg = WarningBg(p), fg = WarningText(p);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(a, b, bg, (b.y - a.y) * 0.5f);
    draw->AddText(font, font->FontSize, ImVec2(a.x + pad_x, a.y + pad_y), fg, text);
    return b.x - a.x;
}

void Pill(const char* text, ImU32 bg, ImU32 fg, ImFont* font) {
    const float em = ImGui::GetFontSize();
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text);
    const float pad_x = 0.6f * em, pad_y = 0.2f * em;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + size.x + 2 * pad_x, a.y + size.y + 2 * pad_y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(a, b, bg, (b.y - a.y) * 0.5f);
    draw->AddText(font, font->FontSize, ImVec2(a.x + pad_x, a.y + pad_y), fg, text);
    ImGui::Dummy(ImVec2(b.x - a.x, b.y - a.y));
}

bool OptionRow(const ScreenContext& ctx, const char* id, OptionMark mark, int number, std::string_view text,
               bool selected, bool focused, OptionState state, bool enabled, float width) {
    const auto& p = ctx.palette;
    ImFont* font = ctx.fonts.normal.regular;
    const float em = ImGui::GetFontSize();
    const float pad = 0.7f * em;
    const float mark_w = mark == OptionMark::None ? 0.0f : 1.9f * em;
    const float key_w = number > 0 ? 1.7f * em : 0.0f;
    const float text_x = pad + mark_w + key_w;
    const float inner = std::max(4.0f * em, width - text_x - pad);

    // Measure the wrapped text first, then reserve the row so the click area is the whole row.
    const ImVec2 text_size =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, inner, text.data(), text.data() + text.size());
    const float line_h = font->FontSize * 1.35f;
    const int lines = std::max(1, int(std::lround(text_size.y / font->FontSize)));
    const float height = std::max(2.4f * em, float(lines) * line_h + 2 * pad - (line_h - font->FontSize));
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + width, a.y + height);
    ImGui::PushID(id);
    const bool clicked = ImGui::InvisibleButton("##option", ImVec2(width, height)) && enabled;
    const bool hovered = ImGui::IsItemHovered() && enabled;
    ImGui::PopID();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

    ImU32 bg = hovered ? p.surface_hover : p.surface, border = p.border, ink = p.text;
    float border_w = 1.0f;
    if (selected && state == OptionState::Neutral) border = p.accent, border_w = 2.0f;
    if (state == OptionState::Right) bg = SuccessBg(p), border = SuccessText(p), border_w = 2.0f;
    if (state == OptionState::RightMissed) border = SuccessText(p), border_w = 2.0f;
    if (state == OptionState::Wrong) bg = p.error_bg, border = p.error_text, border_w = 2.0f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float r = 0.4f * em;
    draw->AddRectFilled(a, b, bg, r);
    draw->AddRect(a, b, border, r, 0, border_w);
    if (focused) draw->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(b.x + 3, b.y + 3), p.accent, r + 2, 0, 2.0f);

    const float first_line_mid = a.y + pad + font->FontSize * 0.5f;
    const ImU32 mark_col = selected ? p.accent : p.text_muted;
    if (mark == OptionMark::Radio) {
        const ImVec2 c(a.x + pad + 0.6f * em, first_line_mid);
        draw->AddCircle(c, 0.5f * em, mark_col, 0, 1.6f);
        if (selected) draw->AddCircleFilled(c, 0.27f * em, p.accent);
    } else if (mark == OptionMark::Check) {
        const ImVec2 c0(a.x + pad + 0.1f * em, first_line_mid - 0.5f * em),
            c1(c0.x + 1.0f * em, c0.y + 1.0f * em);
        if (selected) {
            draw->AddRectFilled(c0, c1, p.accent, 0.2f * em);
            // A tick drawn as two lines (the font may not hold U+2713).
            draw->AddLine(ImVec2(c0.x + 0.22f * em, c0.y + 0.52f * em),
                          ImVec2(c0.x + 0.43f * em, c0.y + 0.74f * em), p.accent_text, 2.0f);
            draw->AddLine(ImVec2(c0.x + 0.43f * em, c0.y + 0.74f * em),
                          ImVec2(c0.x + 0.8f * em, c0.y + 0.28f * em), p.accent_text, 2.0f);
        } else {
            draw->AddRect(c0, c1, mark_col, 0.2f * em, 0, 1.6f);
        }
    }
    if (number > 0) {
        char key[12];
        std::snprintf(key, sizeof key, "%d", number);
        ImFont* small = ctx.fonts.normal.small;
        const ImVec2 ks = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, key);
        const ImVec2 k0(a.x + pad + mark_w, first_line_mid - 0.55f * em),
            k1(k0.x + 1.1f * em, k0.y + 1.1f * em);
        draw->AddRect(k0, k1, p.border, 0.2f * em, 0, 1.0f);
        draw->AddText(small, small->FontSize,
                      ImVec2((k0.x + k1.x - ks.x) * 0.5f, (k0.y + k1.y - ks.y) * 0.5f), p.text_muted, key);
    }
    // Wrapped text, line by line, so the line height matches the measurement above.
    const char* s = text.data();
    const char* end = text.data() + text.size();
    float y = a.y + pad;
    while (s < end) {
        const char* wrap = font->CalcWordWrapPositionA(1.0f, s, end, inner);
        if (wrap == s) wrap = s + 1;
        draw->AddText(font, font->FontSize, ImVec2(a.x + text_x, y), ink, s, wrap);
        y += line_h;
        s = wrap;
        while (s < end && (*s == ' ' || *s == '\n')) ++s;
    }
    return clicked;
}

bool WrappedButton(const ScreenContext& ctx, const char* id, std::string_view text, bool primary, float width,
                   std::string_view prefix) {
    const auto& p = ctx.palette;
    ImFont* font = primary ? ctx.fonts.normal.bold : ctx.fonts.normal.regular;
    const float em = ImGui::GetFontSize();
    const float pad = 0.8f * em;
    const float prefix_w = prefix.empty() ? 0.0f : 1.6f * em;
    const float inner = std::max(4.0f * em, width - 2 * pad - prefix_w);
    const ImVec2 size =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, inner, text.data(), text.data() + text.size());
    const float height = std::max(2.4f * em, size.y + 2 * pad * 0.8f);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + width, a.y + height);
    ImGui::PushID(id);
    const bool clicked = ImGui::InvisibleButton("##wrapped", ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float r = 0.4f * em;
    if (primary) {
        draw->AddRectFilled(a, b, hovered ? p.header_active : p.accent, r);
    } else {
        draw->AddRectFilled(a, b, hovered ? p.surface_hover : p.surface, r);
        draw->AddRect(a, b, hovered ? p.accent : p.border, r, 0, hovered ? 2.0f : 1.0f);
    }
    const ImU32 ink = primary ? p.accent_text : p.text;
    if (!prefix.empty())
        draw->AddText(ctx.fonts.normal.bold, ctx.fonts.normal.bold->FontSize,
                      ImVec2(a.x + pad, a.y + (height - size.y) * 0.5f), primary ? p.accent_text : p.accent,
                      prefix.data(), prefix.data() + prefix.size());
    draw->AddText(font, font->FontSize, ImVec2(a.x + pad + prefix_w, a.y + (height - size.y) * 0.5f), ink,
                  text.data(), text.data() + text.size(), inner);
    return clicked;
}

void NoteBox(const ScreenContext& ctx, std::string_view title, std::string_view body, ImU32 bg, ImU32 bar,
             ImU32 title_color, float width) {
    const float em = ImGui::GetFontSize();
    const float pad = 0.9f * em;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(a.x + pad + 0.3f * em, a.y + pad));
    ImGui::BeginGroup();
    const float inner = width - 2 * pad - 0.3f * em;
    if (!title.empty()) WrappedText(title, ctx.fonts.normal.bold, title_color, inner, 1.35f);
    if (!title.empty() && !body.empty()) ImGui::Dummy(ImVec2(1, 0.2f * em));
    // Paragraphs separated by blank lines stay apart.
    size_t start = 0;
    while (start <= body.size() && !body.empty()) {
        size_t cut = body.find("\n\n", start);
        std::string_view para =
            body.substr(start, cut == std::string_view::npos ? std::string_view::npos : cut - start);
        if (!para.empty()) WrappedText(para, ctx.fonts.normal.regular, ctx.palette.text, inner, 1.45f);
        if (cut == std::string_view::npos) break;
        ImGui::Dummy(ImVec2(1, 0.4f * em));
        start = cut + 2;
    }
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + pad;
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(a, ImVec2(a.x + width, bottom), bg, 0.4f * em);
    draw->AddRectFilled(a, ImVec2(a.x + 0.3f * em, bottom), bar, 0.4f * em, ImDrawFlags_RoundCornersLeft);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(a.x, bottom));
    ImGui::Dummy(ImVec2(width, 0));
}

void ProgressBar(const ScreenContext& ctx, float fraction, float width, float height_em) {
    const float em = ImGui::GetFontSize();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float h = height_em * em;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(a, ImVec2(a.x + width, a.y + h), ctx.palette.border, h * 0.5f);
    const float f = std::clamp(fraction, 0.0f, 1.0f);
    if (f > 0)
        draw->AddRectFilled(a, ImVec2(a.x + std::max(h, width * f), a.y + h), ctx.palette.accent, h * 0.5f);
    ImGui::Dummy(ImVec2(width, h));
}

VerdictStyle StyleFor(const ScreenContext& ctx, engine::Verdict verdict) {
    const auto& p = ctx.palette;
    switch (verdict) {
        case engine::Verdict::Benar:
            return {ctx.tr("quiz.verdict_right"), SuccessBg(p), SuccessText(p)};
        case engine::Verdict::Sebagian:
            return {ctx.tr("quiz.verdict_partial"), WarningBg(p), WarningText(p)};
        case engine::Verdict::Salah:
            return {ctx.tr("quiz.verdict_wrong"), p.error_bg, p.error_text};
        case engine::Verdict::BelumDinilai:
            return {ctx.tr("quiz.verdict_pending"), WarningBg(p), WarningText(p)};
        case engine::Verdict::TidakDinilai:
            return {ctx.tr("quiz.verdict_none"), p.surface_hover, p.text_muted};
    }
    return {"", p.surface, p.text};
}

std::string FormatScore(double percent) {
    char buf[32];
    const double rounded = std::round(percent * 10.0) / 10.0;
    if (std::fabs(rounded - std::round(rounded)) < 1e-9)
        std::snprintf(buf, sizeof buf, "%.0f", rounded);
    else
        std::snprintf(buf, sizeof buf, "%.1f", rounded);
    std::string s = buf;
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

void Gap(float em) {
    ImGui::Dummy(ImVec2(1, em * ImGui::GetFontSize()));
}

}  // namespace sinau::ui::learning
