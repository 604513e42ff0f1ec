#pragma once
// What the learning screens ask for (profiles, reading position, quiz, scenario). Widgets record one of
// these (wrapped in ui::LearningIntent, intent.hpp) while drawing; App::ApplyIntents hands it to the
// LearningController after ImGui::Render(), which makes the core/store call (style.md rule 3): no SQL,
// no file I/O and no grading ever happens inside a Begin/End pair.
#include <cstddef>
#include <optional>
#include <string>
#include <variant>

#include "content/model.hpp"
#include "engine/answer.hpp"
#include "learners/learner.hpp"

namespace sinau::ui::learning {

// ---- profiles ----
struct SelectLearner {
    std::string learner_id;
};
struct SignOut {};  // back to the profile picker ("Ganti profil")
struct SaveProfile {
    std::string learner_id;  // empty: create a new learner
    learners::LearnerProfile profile;
};
struct RemoveLearner {
    std::string learner_id;  // soft removal: records stay for the administrator
};
struct ImportRoster {
    std::string path;  // .csv or .xlsx, as typed
};

// ---- moving around ----
struct OpenOverview {
    std::string module_id;
};
struct ResumeReading {  // opens the reader at the stored page (page 1 the first time)
    std::string module_id;
};
struct Continue {
};  // "Lanjutkan": the next useful step (engine/next_step.hpp), e.g. the quiz after the reading

// ---- quiz ----
struct StartQuiz {
    std::string module_id;
    std::optional<content::QuizMode> mode;  // default: the module's manifest mode
};
struct GoToQuestion {
    int index = 0;  // position in the attempt's plan
};
struct AnswerQuestion {
    std::string question_id;
    engine::Answer answer;
    int duration_ms = 0;   // time on the question before answering
    bool advance = false;  // ujian: move to the next question after committing
};
struct SubmitQuiz {};
struct ShowResult {
    std::string attempt_id;
};

// ---- scenario ----
struct StartScenario {
    std::string module_id;
    std::string scenario_id;
};
struct ChooseLink {
    std::size_t index = 0;  // link of the current passage, in content order
};

using Action = std::variant<SelectLearner, SignOut, SaveProfile, RemoveLearner, ImportRoster, OpenOverview,
                            ResumeReading, Continue, StartQuiz, GoToQuestion, AnswerQuestion, SubmitQuiz,
                            ShowResult, StartScenario, ChooseLink>;

}  // namespace sinau::ui::learning
