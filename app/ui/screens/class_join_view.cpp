// The join screen on the projector: how to join (Wi-Fi, URL, PIN), the QR code as big as the room
// needs, and the participants appearing as they join.
#include <imgui.h>

#include <algorithm>

#include "ui/screens/class_screen.hpp"
#include "ui/screens/class_widgets.hpp"

namespace sinau::ui {

namespace cv = classview;

void ClassScreen::DrawJoin(const ScreenContext& ctx, const live::LiveView& view, Area area) {
    const auto& P = ctx.fonts.has_present ? ctx.fonts.present : ctx.fonts.normal;
    const auto& p = ctx.palette;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float big = P.regular->FontSize;
    const float gap = 0.9f * big;

    // Right: the QR code over the whole height (a projected code ~1 m wide scans from ~10 m).
    const float qr_side = std::min(area.h(), area.w() * 0.46f);
    cv::Qr(draw, view.qr, ImVec2(area.max.x - qr_side, area.min.y), qr_side);
    const float left_w = area.w() - qr_side - 1.5f * gap;
    const float names_right = area.min.x + left_w;

    // Left: three steps, the URL and the PIN.
    float y = area.min.y;
    const float x = area.min.x;
    y += cv::Text(draw, P.h1, P.h1->FontSize, ImVec2(x, y), p.heading, ctx.tr("class.join_heading"), left_w);
    y += 0.5f * gap;
    y += cv::Text(draw, P.regular, big, ImVec2(x, y), p.text, ctx.tr("class.join_step_wifi"), left_w) +
         0.35f * gap;
    y += cv::Text(draw, P.regular, big, ImVec2(x, y), p.text, ctx.tr("class.join_step_url"), left_w) +
         0.15f * gap;
    // The URL without "http://": phones add it, and shorter text can be bigger.
    std::string shown = view.url;
    if (shown.rfind("http://", 0) == 0) shown = shown.substr(7);
    if (!shown.empty() && shown.back() == '/') shown.pop_back();
    float url_size = P.h1->FontSize;
    while (url_size > big && cv::Measure(P.h1, url_size, shown).x > left_w) url_size -= 2.0f;
    y += cv::Text(draw, P.h1, url_size, ImVec2(x, y), p.accent, shown) + 0.5f * gap;
    y += cv::Text(draw, P.regular, big, ImVec2(x, y), p.text, ctx.tr("class.join_step_pin"), left_w) +
         0.25f * gap;

    // The PIN, grouped 3+3 so a room can read it aloud.
    const std::string& pin = view.trainer.pin;
    const std::string grouped = pin.size() == 6 ? pin.substr(0, 3) + " " + pin.substr(3) : pin;
    const float pin_size = P.h1->FontSize * 1.7f;
    const ImVec2 pin_ts = cv::Measure(P.h1, pin_size, grouped);
    const float box_pad = 0.5f * big;
    const ImVec2 box_a(x, y),
        box_b(x + pin_ts.x + 2.0f * box_pad * 1.6f, y + pin_ts.y + 2.0f * box_pad * 0.6f);
    draw->AddRectFilled(box_a, box_b, p.surface, 0.4f * big);
    draw->AddRect(box_a, box_b, p.accent, 0.4f * big, 0, std::max(2.0f, 0.08f * big));
    cv::Text(draw, P.h1, pin_size, ImVec2(x + box_pad * 1.6f, y + box_pad * 0.6f), p.heading, grouped);
    y = box_b.y + 0.6f * gap;

    if (view.loopback_only)
        y += cv::Text(draw, P.small, P.small->FontSize, ImVec2(x, y), p.text_muted, ctx.tr("class.loopback"),
                      left_w);
    else if (view.addresses.empty())
        y += cv::Text(draw, P.small, P.small->FontSize, ImVec2(x, y), p.error_text, ctx.tr("class.no_lan"),
                      left_w);

    // Below, left of the code: the participants, newest last, as chips; the ones that do not fit are counted.
    y += 0.5f * gap;
    const std::string heading = ctx.tr.Fmt("class.participants", {{"n", std::to_string(view.names.size())}});
    y += cv::Text(draw, P.h3, P.h3->FontSize, ImVec2(x, y), p.heading, heading) + 0.35f * gap;
    if (view.names.empty()) {
        cv::Text(draw, P.regular, big, ImVec2(x, y), p.text_muted, ctx.tr("class.waiting"), left_w);
        return;
    }
    const float chip_h = 1.55f * big;
    const float chip_pad = 0.55f * big;
    const float chip_gap = 0.4f * big;
    const int rows = std::max(1, int((area.max.y - y + chip_gap) / (chip_h + chip_gap)));
    // Lay out from the newest backwards so the latest joins are always on screen.
    struct Chip {
        size_t index;
        float w;
    };
    std::vector<std::vector<Chip>> lines(1);
    float line_w = 0.0f;
    size_t shown_from = view.names.size();
    const std::string more_probe = ctx.tr.Fmt("class.more", {{"n", "0000"}});
    const float reserve = cv::Measure(P.regular, big, more_probe).x + 2.0f * chip_pad;
    for (size_t i = view.names.size(); i-- > 0;) {
        const float w = cv::Measure(P.regular, big, view.names[i]).x + 2.0f * chip_pad;
        const float limit = int(lines.size()) == rows ? left_w - reserve : left_w;
        if (line_w > 0 && line_w + w > limit) {
            if (int(lines.size()) == rows) break;
            lines.emplace_back();
            line_w = 0.0f;
        }
        lines.back().push_back({i, std::min(w, left_w)});
        line_w += w + chip_gap;
        shown_from = i;
    }
    // Draw the oldest line on top; the hidden (older) ones are counted at its start.
    float cy = y;
    for (size_t li = lines.size(); li-- > 0;) {
        float cx = x;
        if (li + 1 == lines.size() && shown_from > 0) {
            const std::string more = ctx.tr.Fmt("class.more", {{"n", std::to_string(shown_from)}});
            cv::Text(draw, P.regular, big, ImVec2(cx, cy + (chip_h - big) * 0.5f), p.text_muted, more);
            cx += cv::Measure(P.regular, big, more).x + chip_gap;
        }
        for (auto c = lines[li].rbegin(); c != lines[li].rend(); ++c) {
            const ImVec2 a(cx, cy), b(std::min(cx + c->w, names_right), cy + chip_h);
            draw->AddRectFilled(a, b, p.surface, chip_h * 0.5f);
            draw->AddRect(a, b, p.border, chip_h * 0.5f);
            draw->PushClipRect(a, b, true);
            cv::Text(draw, P.regular, big, ImVec2(cx + chip_pad, cy + (chip_h - big) * 0.5f), p.text,
                     view.names[c->index]);
            draw->PopClipRect();
            cx += c->w + chip_gap;
        }
        cy += chip_h + chip_gap;
    }
}

}  // namespace sinau::ui
