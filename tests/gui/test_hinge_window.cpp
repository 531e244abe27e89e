// Help > ReLU networks are piecewise linear in the real frame loop: the window draws the worked
// example, and "Fit by gradient descent" fits while frames come (it keeps asking for them).

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdlib>

#include "app/app.hpp"
#include "app/app_state.hpp"

namespace actviz::app {
namespace {

TEST(HingeWindow, TheBumpIsExactAndFittingRunsFrameByFrame) {
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    double bump_error = -1, start_error = -1, end_error = -1;
    long long steps = 0;
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = 1280;
    launch.height = 720;
    launch.frames = 80;
    const int status = run(launch, [&](AppState& state, GLFWwindow*, int frame) {
        HingeLesson& lesson = state.hinges;
        if (frame == 1) lesson.open = true;
        if (frame == 5) {
            bump_error = hinge_fit_error(lesson.net, lesson.target);
            lesson.net = spread_hinges(4);
            lesson.target = HingeTarget::Abs;
            start_error = hinge_fit_error(lesson.net, lesson.target);
            lesson.fitting = true;
        }
        if (frame == 79) {
            end_error = hinge_fit_error(lesson.net, lesson.target);
            steps = lesson.steps;
        }
    });
    EXPECT_EQ(status, 0);
    EXPECT_EQ(bump_error, 0);
    EXPECT_GT(steps, 0);
    EXPECT_LT(end_error, start_error / 4) << "after " << steps << " fit steps";
}

}  // namespace
}  // namespace actviz::app
