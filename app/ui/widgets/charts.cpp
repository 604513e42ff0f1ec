#include "ui/widgets/charts.hpp"

#include <algorithm>
#include <cfloat>
#include <cstdio>

namespace sinau::ui {
namespace {

// Draws `text` clipped to `width`, ending in "…" when cut.
void ClippedText(ImDrawList* draw, ImVec2 pos, float width, ImU32 color, const std::string& text) {
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    if (font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str()).x <= width) {
        draw->AddText(pos, color, text.c_str());
        return;
    }
    const char* ellipsis = "\xE2\x80\xA6";
    const float room = width - font->CalcTextSizeA(size, FLT_MAX, 0, ellipsis).x;
    const char* end = text.c_str();
    const char* stop = text.c_str() + text.size();
    const char* best = end;
    while (end < stop) {
        const char* next = end + 1;  // one UTF-8 character: skip its continuation bytes
        while (next < stop && (static_cast<unsigned char>(*next) & 0xC0) == 0x80) ++next;
        if (font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str(), next).x > room) break;
        best = end = next;
    }
    std::string cut(text.c_str(), best);
    cut += ellipsis;
    draw->AddText(pos, color, cut.c_str());
}

}  // namespace

void StackedBars(const char* id, const std::vector<StackedBar>& bars, const std::vector<LegendItem>& legend,
                 ImU32 text, ImU32 muted, float label_em, float row_em) {
    const float em = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float row_h = row_em * em;
    const float label_w = label_em * em;
    const float right_w = 3.5f * em;
    const float bar_w = std::max(2.0f * em, width - label_w - right_w - 0.6f * em);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImGui::PushID(id);
    for (size_t i = 0; i < bars.size(); ++i) {
        const StackedBar& bar = bars[i];
        const float y = origin.y + float(i) * row_h;
        const float text_y = y + (row_h - em) * 0.5f;
        ClippedText(draw, ImVec2(origin.x, text_y), label_w - 0.5f * em, text, bar.label);
        int64_t total = 0;
        for (const auto& s : bar.segments) total += std::max<int64_t>(0, s.value);
        const float x0 = origin.x + label_w;
        const float top = y + 0.2f * row_h, bottom = y + 0.8f * row_h;
        draw->AddRectFilled(ImVec2(x0, top), ImVec2(x0 + bar_w, bottom), muted & 0x40FFFFFF);
        float x = x0;
        for (const auto& s : bar.segments) {
            if (total <= 0 || s.value <= 0) continue;
            const float w = bar_w * float(double(s.value) / double(total));
            draw->AddRectFilled(ImVec2(x, top), ImVec2(x + w, bottom), s.color);
            x += w;
        }
        draw->AddText(ImVec2(x0 + bar_w + 0.6f * em, text_y), text, bar.right_text.c_str());
        // Hover: the numbers behind the bar.
        ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
        ImGui::PushID(int(i));
        ImGui::InvisibleButton("##bar", ImVec2(std::max(1.0f, width), row_h));
        ImGui::PopID();
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(bar.label.c_str());
            for (size_t s = 0; s < bar.segments.size() && s < legend.size(); ++s)
                ImGui::Text("%s: %lld", legend[s].label.c_str(),
                            static_cast<long long>(bar.segments[s].value));
            ImGui::EndTooltip();
        }
    }
    ImGui::PopID();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + float(bars.size()) * row_h));
    ImGui::Dummy(ImVec2(width, 0.0f));
}

void Histogram(const char* id, const std::vector<int64_t>& counts, double lo, double hi, ImU32 bar,
               ImU32 accent, double highlight_from, ImU32 text, ImU32 muted, float height_em) {
    const float em = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(4.0f * em, ImGui::GetContentRegionAvail().x);
    const float plot_h = height_em * em;
    const float top = origin.y + 1.2f * em;  // room for the counts above the tallest bar
    const float base = top + plot_h;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const int n = int(counts.size());
    int64_t max_count = 1;
    for (auto c : counts) max_count = std::max(max_count, c);
    const float slot = n > 0 ? width / float(n) : width;
    const float gap = std::max(1.0f, 0.12f * slot);
    draw->AddLine(ImVec2(origin.x, base), ImVec2(origin.x + width, base), muted, 1.0f);
    ImGui::PushID(id);
    char buf[64];
    for (int i = 0; i < n; ++i) {
        const double edge = lo + (hi - lo) * double(i) / double(n);
        const double next = lo + (hi - lo) * double(i + 1) / double(n);
        const float x0 = origin.x + float(i) * slot + gap * 0.5f;
        const float x1 = origin.x + float(i + 1) * slot - gap * 0.5f;
        const float h = plot_h * float(double(counts[i]) / double(max_count));
        draw->AddRectFilled(ImVec2(x0, base - h), ImVec2(x1, base), edge >= highlight_from ? accent : bar);
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(counts[i]));
        const float tw = ImGui::CalcTextSize(buf).x;
        if (tw <= slot) draw->AddText(ImVec2((x0 + x1 - tw) * 0.5f, base - h - 1.1f * em), text, buf);
        std::snprintf(buf, sizeof buf, "%.0f", edge);
        draw->AddText(ImVec2(x0 - gap * 0.5f, base + 0.2f * em), muted, buf);
        ImGui::SetCursorScreenPos(ImVec2(x0, top));
        ImGui::PushID(i);
        ImGui::InvisibleButton("##bin", ImVec2(std::max(1.0f, x1 - x0), plot_h));
        ImGui::PopID();
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%.0f\xE2\x80\x93%.0f: %lld", edge, next, static_cast<long long>(counts[i]));
    }
    // The upper edge only when it does not run into the last bin's label.
    std::snprintf(buf, sizeof buf, "%.0f", hi);
    const float hi_x = origin.x + width - ImGui::CalcTextSize(buf).x;
    char last[32];
    std::snprintf(last, sizeof last, "%.0f", n > 0 ? lo + (hi - lo) * double(n - 1) / double(n) : lo);
    const float last_end = origin.x + float(std::max(0, n - 1)) * slot + ImGui::CalcTextSize(last).x;
    if (n == 0 || hi_x > last_end + 0.4f * em) draw->AddText(ImVec2(hi_x, base + 0.2f * em), muted, buf);
    ImGui::PopID();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, base + 1.4f * em));
    ImGui::Dummy(ImVec2(width, 0.0f));
}

void Legend(const std::vector<LegendItem>& items, ImU32 text) {
    const float em = ImGui::GetFontSize();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) ImGui::SameLine(0.0f, 1.0f * em);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float box = 0.75f * em;
        draw->AddRectFilled(ImVec2(p.x, p.y + 0.2f * em), ImVec2(p.x + box, p.y + 0.2f * em + box),
                            items[i].color, 0.15f * em);
        ImGui::Dummy(ImVec2(box + 0.35f * em, em));
        ImGui::SameLine(0.0f, 0.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(text));
        ImGui::TextUnformatted(items[i].label.c_str());
        ImGui::PopStyleColor();
    }
}

void InlineBar(float fraction, ImU32 color, ImU32 track, float width_em) {
    const float em = ImGui::GetFontSize();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = width_em * em, h = 0.7f * em, y = p.y + 0.25f * em;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + w, y + h), track);
    draw->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + w * std::clamp(fraction, 0.0f, 1.0f), y + h), color);
    ImGui::Dummy(ImVec2(w, em));
}

}  // namespace sinau::ui
