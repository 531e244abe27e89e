// The frame's step loop with a fake clock: steps per frame is a ceiling under the budget, the first
// step always runs, and a frame passes its budget by at most the cost of its last step.

#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <vector>

#include "core/step_loop.hpp"

namespace actviz {
namespace {

using std::chrono::milliseconds;
using std::chrono::nanoseconds;

// Steps whose costs are given (the last one repeats), advancing a fake clock.
struct FakeSteps {
    std::vector<milliseconds> costs;
    nanoseconds clock{0};
    int taken = 0;
    int advancing = 1 << 30;  // steps that advance; later ones fail (a diverged network)

    StepClock now() {
        return [this] { return clock; };
    }
    std::function<bool()> step() {
        return [this] {
            if (taken >= advancing) return false;
            clock += costs[std::min(static_cast<size_t>(taken), costs.size() - 1)];
            ++taken;
            return true;
        };
    }
};

TEST(StepLoop, StopsWhenTheNextStepWouldPassTheBudget) {
    FakeSteps steps{{milliseconds(3)}};
    EXPECT_EQ(run_steps_within(milliseconds(10), 1000, steps.step(), steps.now()), 3);  // a fourth would end at 12
    EXPECT_EQ(steps.clock, milliseconds(9));
}

TEST(StepLoop, TheStepsPerFrameAreACeiling) {
    FakeSteps steps{{milliseconds(1)}};
    EXPECT_EQ(run_steps_within(milliseconds(100), 5, steps.step(), steps.now()), 5);
    EXPECT_EQ(run_steps_within(milliseconds(100), 0, steps.step(), steps.now()), 0);
}

TEST(StepLoop, AStepSlowerThanTheBudgetRunsAloneAndIsTheOnlyOverrun) {
    FakeSteps steps{{milliseconds(40)}};
    EXPECT_EQ(run_steps_within(milliseconds(16), 1000, steps.step(), steps.now()), 1);
    EXPECT_EQ(run_steps_within(nanoseconds(0), 1000, steps.step(), steps.now()), 1);
    EXPECT_EQ(run_steps_within(milliseconds(-5), 1000, steps.step(), steps.now()), 1);  // the frame was over already
}

TEST(StepLoop, ForecastsWithThePreviousStepsCost) {
    // Cheap steps, then dear ones: the average would still let a dear step start near the end.
    FakeSteps steps{{milliseconds(1), milliseconds(1), milliseconds(1), milliseconds(1), milliseconds(8)}};
    EXPECT_EQ(run_steps_within(milliseconds(16), 1000, steps.step(), steps.now()), 5);  // 12 ms; the next would end at 20
    EXPECT_EQ(steps.clock, milliseconds(12));
}

TEST(StepLoop, NeverPassesTheBudgetByMoreThanTheLastStep) {
    std::mt19937 random(7);
    std::uniform_int_distribution<int> cost_ms(1, 30), budget_ms(0, 60), min_steps(1, 20);
    for (int trial = 0; trial < 500; ++trial) {
        FakeSteps steps;
        for (int i = 0; i < 100; ++i) steps.costs.push_back(milliseconds(cost_ms(random)));
        const milliseconds budget(budget_ms(random));
        const int taken = run_steps_within(budget, 100, steps.step(), steps.now(), min_steps(random));
        ASSERT_GE(taken, 1);
        const nanoseconds last = steps.costs[static_cast<size_t>(taken - 1)];
        EXPECT_LE(steps.clock - budget, last) << "trial " << trial;
    }
}

TEST(StepLoop, AMinimumPaceStartsStepsOnlyWhileTheBudgetLasts) {
    FakeSteps paced{{milliseconds(4)}};
    EXPECT_EQ(run_steps_within(milliseconds(10), 1000, paced.step(), paced.now(), 100), 3);  // 12 ms: one step over
    FakeSteps unpaced{{milliseconds(4)}};
    EXPECT_EQ(run_steps_within(milliseconds(10), 1000, unpaced.step(), unpaced.now()), 2);
    FakeSteps none_left{{milliseconds(4)}};
    EXPECT_EQ(run_steps_within(nanoseconds(0), 1000, none_left.step(), none_left.now(), 50), 1);
}

TEST(StepLoop, ADivergedNetworkEndsTheLoop) {
    FakeSteps steps{{milliseconds(1)}};
    steps.advancing = 2;
    EXPECT_EQ(run_steps_within(milliseconds(100), 10, steps.step(), steps.now()), 2);
}

}  // namespace
}  // namespace actviz
