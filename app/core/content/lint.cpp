#include "content/lint.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <unordered_map>

#include "content/markdown.hpp"

namespace sinau::content {

namespace {

std::string Percent(double fraction) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g%%", std::round(fraction * 100000.0) / 1000.0);
    return buf;
}

Diagnostic At(const Question& q, int line, int col, std::string message) {
    return {q.file, line > 0 ? line : q.line, line > 0 ? col : q.col, std::move(message)};
}
Diagnostic AtAnswers(const Question& q, std::string message) {
    return At(q, q.answer_line, q.answer_col, std::move(message));
}

bool IsUpperUuid(std::string_view s) {
    static constexpr int kGroups[] = {8, 4, 4, 4, 12};
    std::size_t i = 0;
    for (int g = 0; g < 5; ++g) {
        if (g > 0) {
            if (i >= s.size() || s[i] != '-') return false;
            ++i;
        }
        for (int k = 0; k < kGroups[g]; ++k, ++i)
            if (i >= s.size() || !((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'A' && s[i] <= 'F')))
                return false;
    }
    return i == s.size();
}

void LintAnswerFeedback(const Question& q, Diagnostics& out) {
    const char* kMissing =
        "jawaban ini belum punya umpan balik: tambahkan #penjelasan beserta dasar hukumnya";
    for (const auto& c : q.choices)
        if (c.feedback.empty()) out.push_back(At(q, c.line, c.col, kMissing));
    for (const auto& n : q.numerical)
        if (n.feedback.empty()) out.push_back(At(q, n.line, n.col, kMissing));
    if (q.type == QuestionType::TrueFalse && (q.tf_feedback_wrong.empty() || q.tf_feedback_right.empty()))
        out.push_back(AtAnswers(
            q, "soal benar/salah perlu dua umpan balik: {T#jika jawaban SALAH#jika jawaban BENAR}"));
}

}  // namespace

Diagnostics LintQuestions(const std::vector<Question>& questions) {
    Diagnostics out;
    for (const auto& q : questions) {
        if (!q.id_given)
            out.push_back(
                At(q, 0, 0, "soal belum punya id: tambahkan baris // [id:mN-qNN] tepat di atas soal"));
        if (q.tags.empty())
            out.push_back(At(q, 0, 0,
                             "soal belum punya dasar hukum: tambahkan baris // [tag:UU-7-2017-Ps-280] "
                             "(atau // [tag:seed-S5] untuk analisis narasumber)"));
        for (const auto& t : q.tags)
            if (t.find_first_of(" \t") != std::string::npos)
                out.push_back(
                    At(q, 0, 0, "tag '" + t + "' berspasi: pakai tanda hubung, mis. UU-7-2017-Ps-280"));
        if (q.stem.empty() && q.stem_after.empty()) out.push_back(At(q, 0, 0, "teks soal kosong"));

        switch (q.type) {
            case QuestionType::Mc: {
                int right = 0;
                for (const auto& c : q.choices) {
                    if (c.fraction < 0.9999) continue;
                    if (++right == 2)
                        out.push_back(
                            At(q, c.line, c.col,
                               "lebih dari satu jawaban benar '=': pilihan ganda hanya boleh satu '='; "
                               "untuk beberapa jawaban benar pakai bobot, mis. ~%50%"));
                }
                break;
            }
            case QuestionType::Multi: {
                double positive = 0;
                for (const auto& c : q.choices)
                    if (c.fraction > 0) positive += c.fraction;
                if (positive <= 0)
                    out.push_back(
                        AtAnswers(q,
                                  "jawaban benar belum ada: tandai satu pilihan dengan '=' atau beri "
                                  "bobot positif, mis. ~%50%"));
                else if (std::fabs(positive - 1.0) > 0.001)
                    out.push_back(AtAnswers(q, "bobot positif jawaban ganda berjumlah " + Percent(positive) +
                                                   ", harus tepat 100%"));
                break;
            }
            case QuestionType::Short:
            case QuestionType::Numerical: {
                bool full = false;
                for (const auto& c : q.choices) full = full || c.fraction >= 0.9999;
                for (const auto& n : q.numerical) full = full || n.fraction >= 0.9999;
                if (!full)
                    out.push_back(AtAnswers(q,
                                            "jawaban benar belum ada: sedikitnya satu jawaban harus bernilai "
                                            "100% (tanpa %bobot%)"));
                break;
            }
            case QuestionType::Match: {
                int questions_n = 0;
                for (const auto& p : q.pairs)
                    if (!p.left.empty()) ++questions_n;
                if (questions_n < 2 || q.pairs.size() < 3)
                    out.push_back(AtAnswers(
                        q,
                        "soal menjodohkan perlu sedikitnya 2 pernyataan dan 3 jawaban (aturan Moodle): "
                        "tambah pasangan =kiri -> kanan, atau pengecoh = -> jawaban lain"));
                break;
            }
            default:
                break;
        }
        if (q.type != QuestionType::Description && q.type != QuestionType::Essay) {
            LintAnswerFeedback(q, out);
        }
        if (q.type != QuestionType::Description && q.general_feedback.empty())
            out.push_back(
                AtAnswers(q, "soal belum punya umpan balik umum: tambahkan ####penjelasan sebelum '}'"));
    }
    return out;
}

Diagnostics LintUniqueIds(const std::vector<const Question*>& questions) {
    Diagnostics out;
    std::unordered_map<std::string, const Question*> first;
    for (const auto* q : questions) {
        if (!q->id_given) continue;
        const auto [it, inserted] = first.emplace(q->id, q);
        if (!inserted)
            out.push_back({q->file, q->line, q->col,
                           "id soal '" + q->id + "' sudah dipakai di " + it->second->file + ":" +
                               std::to_string(it->second->line) + "; setiap id harus unik dalam kursus"});
    }
    return out;
}

Diagnostics LintScenario(const Scenario& s) {
    Diagnostics out;
    const auto at_file = [&](int line, std::string message) {
        out.push_back({s.file, line, line > 0 ? 1 : 0, std::move(message)});
    };
    if (s.title.empty())
        at_file(0, "StoryTitle belum ada: tambahkan ':: StoryTitle' dan judul skenario di baris berikutnya");
    if (s.data_line == 0)
        at_file(0, "StoryData belum ada: tambahkan ':: StoryData' dengan JSON berisi ifid, format dan start");
    else if (!IsUpperUuid(s.ifid))
        at_file(s.data_line,
                "ifid StoryData harus UUID berhuruf besar, mis. 3F2A1C4E-9B7D-4E21-A6C3-5D8F0B1E2A47");
    if (s.passages.empty()) {
        at_file(0, "skenario belum punya passage");
        return out;
    }

    // Names -> first index; later duplicates are reported and ignored.
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < s.passages.size(); ++i) {
        const auto& p = s.passages[i];
        const auto [it, inserted] = index.emplace(p.name, i);
        if (!inserted)
            at_file(p.line, "nama passage '" + p.name + "' sudah dipakai di baris " +
                                std::to_string(s.passages[it->second].line) + "; nama passage harus unik");
    }
    const auto start_it = index.find(s.start);
    if (start_it == index.end())
        at_file(s.data_line, "passage awal '" + s.start + "' (StoryData \"start\") tidak ada");

    // Edges with existing targets; report the others.
    const std::size_t n = s.passages.size();
    std::vector<std::vector<std::pair<std::size_t, const Link*>>> edges(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& p = s.passages[i];
        for (const auto& l : p.links) {
            const auto t = index.find(l.target);
            if (t == index.end())
                out.push_back(
                    {s.file, l.line, l.col, "tautan menuju passage yang tidak ada: '" + l.target + "'"});
            else
                edges[i].push_back({t->second, &l});
        }
        if (p.ending) {
            if (!p.score)
                at_file(p.line,
                        "akhir '" + p.name + "' belum punya skor: tambahkan tag skor:N, mis. [akhir skor:3]");
            if (p.feedback.empty())
                at_file(p.line, "akhir '" + p.name +
                                    "' belum punya paragraf 'Umpan balik:' yang menjelaskan dasar hukumnya");
            if (!p.links.empty())
                out.push_back({s.file, p.links.front().line, p.links.front().col,
                               "passage akhir (tag 'akhir') tidak boleh punya tautan"});
        } else if (p.links.empty()) {
            at_file(p.line, "passage '" + p.name +
                                "' buntu: beri tautan pilihan, atau tandai sebagai akhir dengan tag 'akhir'");
        }
    }
    if (start_it == index.end()) return out;

    // Iterative DFS from the start: reachability, back edges (cycles) and a topological order.
    enum Color : char { White, Grey, Black };
    std::vector<Color> color(n, White);
    std::vector<std::size_t> order;  // post-order
    std::vector<std::pair<std::size_t, std::size_t>> stack{{start_it->second, 0}};
    color[start_it->second] = Grey;
    bool cyclic = false;
    while (!stack.empty()) {
        auto& [v, next] = stack.back();
        if (next < edges[v].size()) {
            const auto [w, link] = edges[v][next++];
            if (color[w] == Grey) {
                cyclic = true;
                out.push_back({s.file, link->line, link->col,
                               "tautan ini kembali ke '" + s.passages[w].name +
                                   "' yang sudah dilewati: skenario tidak boleh berputar"});
            } else if (color[w] == White) {
                color[w] = Grey;
                stack.push_back({w, 0});
            }
        } else {
            color[v] = Black;
            order.push_back(v);
            stack.pop_back();
        }
    }
    for (std::size_t i = 0; i < n; ++i)
        if (color[i] == White && index[s.passages[i].name] == i)
            at_file(s.passages[i].line,
                    "passage '" + s.passages[i].name + "' tidak bisa dicapai dari awal '" + s.start + "'");
    if (cyclic) return out;

    // Longest path in decisions (passages with >= 2 links), over the DAG in post-order.
    std::vector<int> decisions(n, 0);
    for (const auto v : order) {
        int best = 0;
        for (const auto& [w, link] : edges[v]) best = std::max(best, decisions[w]);
        decisions[v] = best + (s.passages[v].links.size() >= 2 ? 1 : 0);
    }
    if (decisions[start_it->second] < 3)
        at_file(s.passages[start_it->second].line,
                "jalur terpanjang baru punya " + std::to_string(decisions[start_it->second]) +
                    " titik keputusan (passage dengan >= 2 pilihan); minimal 3");
    return out;
}

Diagnostics LintModule(const Module& m, const std::string& assets_dir) {
    Diagnostics out;
    const std::string md = "modules/" + m.id + "/modul.md";
    bool md_broken = false;
    // Unreadable file or no front matter (reported at line 0 or 1 by the reader): one message is enough.
    for (const auto& e : m.errors)
        md_broken = md_broken || (e.file == md && e.line <= 1) || e.file == "course.toml";
    if (!md_broken) {
        if (m.title.empty()) out.push_back({md, 1, 1, "front matter belum punya title = \"Judul modul\""});
        if (m.description.empty())
            out.push_back(
                {md, 1, 1, "front matter belum punya description = \"Satu kalimat untuk beranda\""});
        if (m.objectives.empty())
            out.push_back({md, 1, 1, "front matter belum punya objectives = [\"Tujuan 1\", ...]"});
        if (!assets_dir.empty()) {
            const auto check = [&](const std::vector<Block>& blocks, const auto& self) -> void {
                for (const auto& b : blocks) {
                    if (b.kind == BlockKind::Image && !b.image.empty() &&
                        b.image.find("://") == std::string::npos) {
                        std::error_code ec;
                        if (!std::filesystem::is_regular_file(std::filesystem::path(assets_dir) / b.image,
                                                              ec))
                            out.push_back({md, b.line, 0, "gambar tidak ditemukan di assets/: " + b.image});
                    }
                    self(b.children, self);
                }
            };
            for (const auto& page : m.reading.pages) check(page.blocks, check);
        }
    }
    const bool folder_missing = !m.errors.empty() && m.errors.front().file == "course.toml";
    if (m.questions.empty() && !folder_missing)
        out.push_back(
            {"modules/" + m.id + "/soal.gift", 0, 0,
             "modul belum punya soal: tulis soal dalam format GIFT di berkas ini (buat bila belum ada)"});
    return out;
}

Diagnostics Lint(const Course& course) {
    Diagnostics out;
    std::string assets;
    if (!course.dir.empty()) {
        auto dir = std::filesystem::path(course.dir).lexically_normal();
        if (dir.filename().empty()) dir = dir.parent_path();  // "content/" -> "content"
        const auto candidate =
            (dir.has_parent_path() ? dir.parent_path() : std::filesystem::path(".")) / "assets";
        std::error_code ec;
        if (std::filesystem::is_directory(candidate, ec)) assets = candidate.string();
    }
    std::vector<const Question*> all;
    for (const auto& m : course.modules) {
        auto module_findings = LintModule(m, assets);
        out.insert(out.end(), module_findings.begin(), module_findings.end());
        auto q = LintQuestions(m.questions);
        out.insert(out.end(), q.begin(), q.end());
        for (const auto& s : m.scenarios) {
            auto sc = LintScenario(s);
            out.insert(out.end(), sc.begin(), sc.end());
        }
        for (const auto& question : m.questions) all.push_back(&question);
    }
    auto ids = LintUniqueIds(all);
    out.insert(out.end(), ids.begin(), ids.end());
    return out;
}

}  // namespace sinau::content
