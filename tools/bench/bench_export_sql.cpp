// bench_export_sql: prints the SQL `sinau export --what responses|completions` runs (no filter), so the
// benchmark scripts give the sqlite3 shell exactly the same query as the reference.
//   bench_export_sql responses|completions [--db FILE]   (completions needs the DB for the module list)
#include <cstdio>
#include <cstring>

#include "records/course_info.hpp"
#include "records/export.hpp"
#include "store/database.hpp"

int main(int argc, char** argv) {
    using namespace sinau::records;
    if (argc >= 2 && !std::strcmp(argv[1], "responses")) {
        std::printf("%s;\n", detail::ResponsesQuery({}).sql.c_str());
        return 0;
    }
    if (argc >= 4 && !std::strcmp(argv[1], "completions") && !std::strcmp(argv[2], "--db")) {
        auto db = sinau::store::Database::Open(argv[3]);
        if (!db) return 1;
        ExportOptions o;
        o.modules = LoadCourseInfo(DefaultContentDir()).modules;
        auto q = detail::CompletionsQuery((*db)->sql(), o);
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
