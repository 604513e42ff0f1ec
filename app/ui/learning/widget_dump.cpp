#include "ui/learning/widget_dump.hpp"

#include <cstdio>
#include <fstream>

#include "ui/text_dump.hpp"

namespace sinau::ui::learning {
namespace {

struct Mark {
    std::string name;
    ImVec2 min, max;
};

bool g_enabled = false;
std::vector<Mark> g_marks;

}  // namespace

void EnableWidgetDump(bool on) {
    g_enabled = on;
}
bool WidgetDumpEnabled() {
    return g_enabled;
}

void MarkWidget(std::string_view name) {
    if (!g_enabled) return;
    g_marks.push_back(Mark{std::string(name), ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
}

bool WriteWidgetDump(const std::filesystem::path& file, int frame, std::string_view screen,
                     std::string_view learner_id, const ImDrawData& data) {
    const std::vector<DrawnLine> lines = ExtractDrawnLines(data, {.split_wide_gaps = true});
    const std::filesystem::path tmp = file.string() + ".tmp";
    bool ok;
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        char buf[160];
        out << "frame " << frame << '\n' << "screen " << screen << '\n';
        if (!learner_id.empty()) out << "learner " << learner_id << '\n';
        for (const Mark& m : g_marks) {
            std::snprintf(buf, sizeof buf, "\t%.0f\t%.0f\t%.0f\t%.0f", m.min.x, m.min.y, m.max.x - m.min.x,
                          m.max.y - m.min.y);
            out << "widget\t" << m.name << buf << '\n';
        }
        for (const DrawnLine& l : lines) {
            std::snprintf(buf, sizeof buf, "text\t%.0f\t%.0f\t%.0f\t%.0f\t", l.min.x, l.min.y,
                          l.max.x - l.min.x, l.max.y - l.min.y);
            out << buf << l.text << '\n';
        }
        ok = bool(out);
    }
    g_marks.clear();
    std::error_code ec;
    if (ok) std::filesystem::rename(tmp, file, ec);  // readers never see half a file
    return ok && !ec;
}

}  // namespace sinau::ui::learning
