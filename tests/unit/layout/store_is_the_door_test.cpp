// app/core/store is the one owner of the data (issue 18): only it includes SQLite, only it states the
// schema, and nothing the window compiles reaches a SQLite header through the app's own headers. Reads
// every source file under app/ and fails on the first line that breaks a rule, naming it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kApp = fs::path(SINAU_SOURCE_DIR) / "app";
const std::regex kSqliteInclude(R"(^\s*#\s*include\s*[<"](SQLiteCpp/|sqlite3\.h)[^>"]*[>"])");
const std::regex kQuoteInclude(R"re(^\s*#\s*include\s*"([^"]+)")re");
// Statements that make, change or drop schema objects (in SQL text, comments or not).
const std::regex kSchema(
    R"re(\b(CREATE|ALTER|DROP)\s+(TEMP\s+|TEMPORARY\s+|UNIQUE\s+)?(TABLE|INDEX|TRIGGER|VIEW)\b)re",
    std::regex::icase);

bool IsSource(const fs::path& p) {
    const auto ext = p.extension();
    return ext == ".cpp" || ext == ".hpp" || ext == ".h";
}

bool Under(const fs::path& p, const fs::path& dir) {
    const auto rel = fs::relative(p, dir);
    return !rel.empty() && *rel.begin() != "..";
}

std::vector<fs::path> Sources(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && IsSource(e.path())) out.push_back(e.path());
    return out;
}

std::vector<std::string> Lines(const fs::path& p) {
    std::ifstream in(p);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// A quoted include as the build resolves it: app/ or app/core/ (the include directories).
std::optional<fs::path> Resolve(const std::string& name) {
    for (const auto& base : {kApp, kApp / "core"})
        if (fs::is_regular_file(base / name)) return fs::weakly_canonical(base / name);
    return std::nullopt;
}

}  // namespace

TEST_CASE("only app/core/store includes a SQLite header", "[layout]") {
    const fs::path store = kApp / "core" / "store";
    int files = 0;
    for (const auto& p : Sources(kApp)) {
        if (Under(p, store)) continue;
        ++files;
        const auto lines = Lines(p);
        for (size_t i = 0; i < lines.size(); ++i) {
            INFO(p.string() << ":" << i + 1 << ": " << lines[i]);
            CHECK_FALSE(std::regex_search(lines[i], kSqliteInclude));
        }
    }
    CHECK(files > 100);
}

TEST_CASE("no app/ui file reaches a SQLite header through the headers it includes", "[layout]") {
    // Every app header that, directly or through other app headers, includes SQLite.
    std::map<fs::path, std::vector<fs::path>> includes;
    std::set<fs::path> direct;
    for (const auto& p : Sources(kApp)) {
        const auto me = fs::weakly_canonical(p);
        for (const auto& line : Lines(p)) {
            if (std::regex_search(line, kSqliteInclude)) direct.insert(me);
            std::smatch m;
            if (std::regex_search(line, m, kQuoteInclude))
                if (auto target = Resolve(m[1].str())) includes[me].push_back(*target);
        }
    }
    // Walk from each app/ui file; report the chain to the first SQLite include.
    int files = 0;
    for (const auto& p : Sources(kApp / "ui")) {
        ++files;
        const auto start = fs::weakly_canonical(p);
        std::map<fs::path, fs::path> came_from;
        std::vector<fs::path> todo{start};
        came_from[start] = start;
        std::optional<fs::path> hit;
        while (!todo.empty() && !hit) {
            const auto at = todo.back();
            todo.pop_back();
            if (direct.count(at)) hit = at;
            for (const auto& next : includes[at])
                if (came_from.emplace(next, at).second) todo.push_back(next);
        }
        std::string chain;
        for (auto at = hit; at && *at != start; at = came_from[*at]) chain = " -> " + at->string() + chain;
        INFO(start.string() << chain);
        CHECK_FALSE(hit.has_value());
    }
    CHECK(files > 30);
}

TEST_CASE("schema statements (CREATE/ALTER/DROP TABLE|INDEX|TRIGGER|VIEW) live only in app/core/store",
          "[layout]") {
    const fs::path store = kApp / "core" / "store";
    int files = 0, found_in_store = 0;
    for (const auto& p : Sources(kApp)) {
        const bool in_store = Under(p, store);
        ++files;
        const auto lines = Lines(p);
        for (size_t i = 0; i < lines.size(); ++i) {
            const bool schema = std::regex_search(lines[i], kSchema);
            if (in_store) {
                found_in_store += schema;
                continue;
            }
            INFO(p.string() << ":" << i + 1 << ": " << lines[i]);
            CHECK_FALSE(schema);
        }
    }
    CHECK(files > 100);
    CHECK(found_in_store > 10);  // the rule would pass vacuously if the pattern never matched
}
