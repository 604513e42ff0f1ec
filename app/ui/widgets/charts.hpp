#pragma once
// Charts a trainer reads at a glance, drawn with ImDrawList (no plotting dependency): stacked horizontal
// bars (completion per module) and a histogram (score distribution). Plain data in, one item out (the
// chart reserves its size with a Dummy, so it lays out like any widget). Sizes in font units.
// Main thread, between NewFrame and Render.
#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

namespace sinau::ui {

struct BarSegment {
    int64_t value = 0;
    ImU32 color = 0;
};
struct StackedBar {
    std::string label;                 // left of the bar, clipped to the label column
    std::vector<BarSegment> segments;  // left to right
    std::string right_text;            // right of the bar ("72 %")
};
struct LegendItem {
    std::string label;
    ImU32 color = 0;
};

// One row per bar, `row_em` tall; bars are scaled to their own total (100 % = full width).
// `text`/`muted` colour the labels. Hovering a bar shows its segments' values in a tooltip, labelled
// with `legend` (same order as segments).
void StackedBars(const char* id, const std::vector<StackedBar>& bars, const std::vector<LegendItem>& legend,
                 ImU32 text, ImU32 muted, float label_em = 9.0f, float row_em = 1.7f);

// Vertical bars for `counts` over [lo, hi] in equal bins, `height_em` tall, with the count above each bar
// and the bin edges below. Hover shows "lo–hi: n". `highlight_from`: bins whose lower edge is >= it are
// drawn in `accent`, the rest in `bar` (e.g. the pass mark).
void Histogram(const char* id, const std::vector<int64_t>& counts, double lo, double hi, ImU32 bar,
               ImU32 accent, double highlight_from, ImU32 text, ImU32 muted, float height_em = 8.0f);

// A row of coloured squares with labels.
void Legend(const std::vector<LegendItem>& items, ImU32 text);

// A small filled bar inside a table cell (0..1), e.g. the share of learners who chose an answer.
void InlineBar(float fraction, ImU32 color, ImU32 track, float width_em = 6.0f);

}  // namespace sinau::ui
