#pragma once
// `sinau --class-debug SPEC`: starts a live class at launch for tests, screenshots and the frame-time
// benchmark. The server then binds 127.0.0.1 ONLY (never a LAN address) on an ephemeral port, and the
// app prints `class-port N`, `class-pin P` and `class-session ID` on stdout for the script.
//
// SPEC is comma-separated key=value pairs, every key optional:
//   module=1          module number (1-based) or id            questions=id1+id2  hand-picked, in order
//   max=N             only the first N questions                 seconds=20         time per question
//   speed=1           speed bonus on                             port=0             TCP port (0 = free)
//   auto=N            autopilot: open question 1 once N joined; close/reveal/next by itself
//   lobby=S, reveal=S autopilot: lobby timeout, reveal time (seconds)
//   ip_limit=0        turn the per-IP rate limit off (1,000 simulated phones share 127.0.0.1)
//   demo=PHASE        scripted phones join through the server and answer until PHASE
//                     (lobby | question | reveal | ended); a --screenshot waits until it is reached
//   people=N          how many scripted phones (demo; default 8)
//   bench=FILE        log every frame's duration and phase to FILE (tools/bench/class_frame.sh)
//   delay=S           start the class S seconds after launch (bench: the frames before are the
//                     no-session reference)
//   session=0         start nothing: the setup form (screenshots of it)
// Pure parsing; errors are Bahasa Indonesia messages naming the bad pair.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/expected.hpp"

namespace sinau::ui::live {

struct DebugClass {
    std::string module = "1";
    std::vector<std::string> question_ids;
    int max_questions = 0;
    int question_seconds = 20;
    bool speed_bonus = false;
    uint16_t port = 0;
    int auto_expect = -1;  // -1: no autopilot
    double lobby_seconds = 120;
    double reveal_seconds = 4;
    bool ip_limit_off = false;
    std::string demo;  // "" or a phase name
    int demo_people = 8;
    std::string bench_file;
    double delay_seconds = 0;
    bool no_session = false;
};

Expected<DebugClass> ParseDebugClass(std::string_view spec);

}  // namespace sinau::ui::live
