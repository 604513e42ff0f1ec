#pragma once
// `--dump-widgets FILE`: after every drawn frame, the app rewrites FILE (atomically: temp file + rename)
// with where things are on screen, so an end-to-end test driving the real window with xdotool can click
// by label instead of by fixed pixels, and wait for a frame instead of sleeping:
//
//     frame 42
//     screen quiz
//     learner 3f1c...            (the current learner's id, when one is selected)
//     widget<TAB>quiz.option.1<TAB>x<TAB>y<TAB>w<TAB>h     one per MarkWidget() call this frame
//     text<TAB>x<TAB>y<TAB>w<TAB>h<TAB>Berikutnya           one per line of text drawn (any widget)
//
// Coordinates are window pixels (xdotool mousemove --window). Text lines are recovered from the draw
// data by their glyph quads (like text_dump.hpp), so every button, tab and card of every screen is
// covered without wrapping any drawing call; MarkWidget() names the few things that have no text of
// their own (an empty input field). Main thread only. Costs nothing unless enabled.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace sinau::ui::learning {

void EnableWidgetDump(bool on);
bool WidgetDumpEnabled();
// Records the last submitted item's rectangle under `name` (call right after the widget).
void MarkWidget(std::string_view name);

// Writes the file described above and forgets this frame's marks. Returns false when it cannot be written.
bool WriteWidgetDump(const std::filesystem::path& file, int frame, std::string_view screen,
                     std::string_view learner_id, const ImDrawData& data);

}  // namespace sinau::ui::learning
