#pragma once
// The one door from the content folder to the Course the app shows: course.toml, tentang.md and
// every module folder (modul.md, *.gift in name order, *.twee in name order).
//
// Contract: never throws (file-system errors, bad TOML, bad UTF-8, huge files all become
// Diagnostics); a broken module keeps its problems in Module::errors and the other modules still
// load; a module folder that is missing is an error on course.toml's line that names it. Paths in
// diagnostics are relative to `dir` (e.g. "modules/02-netralitas-asn/soal.gift").
// By default LoadCourse also runs content::Lint (lint.hpp: a right answer exists, links lead somewhere,
// ...) and files each finding under the module it is about, so Module::ok() means "safe to teach".
// Any thread may call it; it shares nothing.
#include <filesystem>

#include "content/model.hpp"

namespace sinau::content {

struct LoadOptions {
    bool lint = true;  // false: syntax only (the readers' diagnostics)
};

Course LoadCourse(const std::filesystem::path& dir, const LoadOptions& options = {});

// Reads one module folder with the given quiz defaults; `display_dir` prefixes diagnostics' paths.
Module LoadModule(const std::filesystem::path& module_dir, const std::string& id,
                  const std::string& display_dir, const QuizSettings& defaults);

}  // namespace sinau::content
