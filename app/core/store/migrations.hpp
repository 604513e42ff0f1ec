#pragma once
// The schema as an ordered list of forward migrations applied up to PRAGMA user_version.
#include <string_view>
#include <vector>

namespace sinau::store {

struct Migration {
    int to_version;         // user_version after this migration
    std::string_view what;  // one line for logs
    std::string_view sql;
};

const std::vector<Migration>& Migrations();
inline int LatestSchemaVersion() {
    return static_cast<int>(Migrations().size());
}

}  // namespace sinau::store
