// bench_export_sql: prints the SQL `sinau export --what responses|completions` runs (no filter), so the
// benchmark scripts give the sqlite3 shell exactly the same query as the reference.
//   bench_export_sql responses|completions [--db FILE]   (completions needs the DB for the module list)
#include <cstdio>
#include <cstring>

#include "content/course_info.hpp"
#include "store/dashboard.hpp"
#include "store/database.hpp"
#include "store/export_rows.hpp"

int main(int argc, char** argv) {
    using namespace sinau::store;
    if (argc >= 2 && !std::strcmp(argv[1], "responses")) {
        std::printf("%s;\n", ResponseRows({}).sql.c_str());
        return 0;
    }
    if (argc >= 4 && !std::strcmp(argv[1], "completions") && !std::strcmp(argv[2], "--db")) {
        auto db = sinau::store::Database::Open(argv[3]);
        if (!db) return 1;
        // The module ids `sinau export` lists: the course's, else those in the database.
        std::vector<std::string> ids;
        for (const auto& m : sinau::content::LoadCourseInfo(sinau::content::DefaultContentDir()).modules)
            ids.push_back(m.id);
        if (ids.empty()) ids = ListModules(**db);
        auto q = CompletionRows({}, ids);
        // Inline the module ids (the only parameters without a filter) for the shell.
        std::string sql = q.sql;
        for (const auto& p : q.params) {
            const auto at = sql.find('?');
            sql.replace(at, 1, "'" + p + "'");
        }
        std::printf("%s;\n", sql.c_str());
        return 0;
    }
    std::fprintf(stderr, "pemakaian: bench_export_sql responses | completions --db FILE\n");
    return 2;
}
