// The GUI monkey (monkey.hpp) drives the real app under the test's X display for a bounded number
// of frames: every page, sliders typed into, plots dragged, resizes, a session saved and reopened.
// Any fault fails the test with the seed and the last 50 events; sanitizer reports fail it too.
//
// In CI: one seed, a few hundred frames (about a minute under ASan+UBSan). The long run, by hand:
//   ACTVIZ_MONKEY_SECONDS=600 [ACTVIZ_MONKEY_SEEDS=N] [ACTVIZ_MONKEY_SEED=first] [ACTVIZ_MONKEY_FRAMES=per seed]
//   xvfb-run -a -s "-screen 0 1600x1000x24 -noreset" build/tests/actviz_gui_tests --gtest_filter='GuiMonkey.LongRun'
// runs seeds first, first+1, … of ACTVIZ_MONKEY_FRAMES frames each (default 2000) until the time
// or the seeds run out, and lists every failing seed. ACTVIZ_MONKEY_SEED and ACTVIZ_MONKEY_FRAMES
// also replay one seed in the CI test.

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <limits>

#include "app/app.hpp"
#include "app/app_state.hpp"
#include "gui/monkey.hpp"
#include "support/gui_test_files.hpp"
#include "support/scratch_environment.hpp"
#include "support/temp_folder.hpp"

namespace actviz::testing {
namespace {

long env_number(const char* name, long fallback) {
    const char* text = std::getenv(name);
    return text && *text ? std::strtol(text, nullptr, 10) : fallback;
}

// Runs the monkey with `seed` for `frames` frames; the app is launched again when the monkey
// quits it (File > Quit).
Monkey run_monkey(std::uint64_t seed, int frames, const std::filesystem::path& scratch) {
    MonkeyOptions options;
    options.seed = seed;
    options.scratch = scratch;
    options.frame_bound_s = static_cast<double>(env_number("ACTVIZ_MONKEY_FRAME_BOUND_MS", 2000)) / 1000.0;
    Monkey monkey(options);
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = options.width;
    launch.height = options.height;
    for (int launches = 0; monkey.frames() < frames && launches < 100; ++launches) {
        // One frame more than is driven: the hook checks the frame before it.
        launch.frames = frames - monkey.frames() + 1;
        const int status = app::run(launch, [&monkey](app::AppState& state, GLFWwindow* window, int frame) {
            monkey.before_frame(state, window, frame);
        });
        EXPECT_EQ(status, 0) << monkey.report();
        if (status != 0) break;
    }
    return monkey;
}

TEST(GuiMonkey, SeededRunKeepsEverySettingInRangeAndTheSessionReadable) {
    if (!have_display()) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    ScratchEnvironment scratch;
    const auto seed = static_cast<std::uint64_t>(env_number("ACTVIZ_MONKEY_SEED", 1));
    const int frames = static_cast<int>(env_number("ACTVIZ_MONKEY_FRAMES", 500));
    const auto start = std::chrono::steady_clock::now();
    const Monkey monkey = run_monkey(seed, frames, scratch.path());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_TRUE(monkey.faults().empty()) << monkey.report();
    std::cout << monkey.report().substr(0, monkey.report().find('\n')) << " in " << seconds << " s\n";
    // A run of this length visits every page and the tiled layout, types into sliders, saves and
    // reopens, and resizes: otherwise it tested less than it claims.
    for (std::size_t page = 0; page < monkey.frames_per_page().size(); ++page) {
        EXPECT_GT(monkey.frames_per_page()[page], 0) << "page " << page << " never shown\n" << monkey.report();
    }
    EXPECT_GT(monkey.typed_into_text_box(), 0) << monkey.report();
    EXPECT_GT(monkey.saves_reopened(), 0) << monkey.report();
    EXPECT_GT(monkey.resizes(), 0) << monkey.report();
}

TEST(GuiMonkey, LongRun) {
    const long seconds = env_number("ACTVIZ_MONKEY_SECONDS", 0), seeds = env_number("ACTVIZ_MONKEY_SEEDS", 0);
    if (seconds <= 0 && seeds <= 0) GTEST_SKIP() << "set ACTVIZ_MONKEY_SECONDS and/or ACTVIZ_MONKEY_SEEDS";
    if (!have_display()) GTEST_SKIP() << "no X display";
    ScratchEnvironment scratch;
    const auto first = static_cast<std::uint64_t>(env_number("ACTVIZ_MONKEY_SEED", 1));
    const int frames = static_cast<int>(env_number("ACTVIZ_MONKEY_FRAMES", 2000));
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&start] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    long total_frames = 0, total_events = 0, typed = 0;
    std::string failing;
    std::uint64_t seed = first;
    for (; (seeds <= 0 || seed < first + static_cast<std::uint64_t>(seeds)) && (seconds <= 0 || elapsed() < static_cast<double>(seconds));
         ++seed) {
        const Monkey monkey = run_monkey(seed, frames, scratch.path());
        total_frames += monkey.frames();
        total_events += monkey.events();
        typed += monkey.typed_into_text_box();
        std::cout << monkey.report().substr(0, monkey.report().find('\n')) << "\n" << std::flush;
        if (!monkey.faults().empty()) {
            failing += " " + std::to_string(seed);
            ADD_FAILURE() << monkey.report();
        }
    }
    std::cout << "long run: seeds " << first << "-" << seed - 1 << ", " << total_frames << " frames, " << total_events
              << " events, typed into a text box " << typed << " times, " << elapsed() << " s; failing seeds:"
              << (failing.empty() ? " none" : failing) << "\n";
}

// The seam: the hook runs before every frame, and what it writes into ImGuiIO is that frame's
// input (here Ctrl+3, which opens the third page).
TEST(GuiMonkey, TheFrameHookInjectsInputIntoTheRealFrameLoop) {
    if (!have_display()) GTEST_SKIP() << "no X display";
    ScratchEnvironment scratch;
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.frames = 6;
    launch.width = 640;
    launch.height = 400;
    std::vector<int> frames, pages;
    app::run(launch, [&](app::AppState& state, GLFWwindow*, int frame) {
        frames.push_back(frame);
        pages.push_back(state.maximised_panel);
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = frame == 2;
        io.KeysDown[GLFW_KEY_3] = frame == 2;
    });
    EXPECT_EQ(frames, (std::vector<int>{0, 1, 2, 3, 4, 5}));
    EXPECT_EQ(pages.back(), 2);
}

// The checks themselves catch what they are for.
TEST(GuiMonkeyChecks, CatchASettingOutOfRangeANaNAndPassTheDefaults) {
    app::AppState state;
    EXPECT_TRUE(check_app_state(state).empty());
    state.classifier.settings.hyper.l1 = -1;  // range [0, kMaxPenalty]
    EXPECT_FALSE(check_app_state(state).empty());
    state.classifier.settings.hyper.l1 = 0;
    state.softmax.settings.temperature = std::numeric_limits<float>::quiet_NaN();
    EXPECT_FALSE(check_app_state(state).empty());
}

}  // namespace
}  // namespace actviz::testing
