#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "app/background_worker.hpp"

namespace actviz::app {
namespace {

using namespace std::chrono_literals;

void wait_until_idle(const BackgroundWorker& worker) {
    for (int i = 0; i < 2000 && worker.busy(); ++i) std::this_thread::sleep_for(1ms);
}

TEST(BackgroundWorker, RunsAPostedJob) {
    BackgroundWorker worker;
    std::atomic<int> runs{0};
    worker.post([&](const std::atomic<bool>&) { ++runs; });
    wait_until_idle(worker);
    EXPECT_FALSE(worker.busy());
    EXPECT_EQ(runs, 1);
}

TEST(BackgroundWorker, ANewJobCancelsTheRunningOneAndRuns) {
    BackgroundWorker worker;
    std::atomic<bool> first_started{false}, first_cancelled{false}, second_ran{false};
    worker.post([&](const std::atomic<bool>& cancel) {
        first_started = true;
        for (int i = 0; i < 5000 && !cancel; ++i) std::this_thread::sleep_for(1ms);
        first_cancelled = cancel.load();
    });
    while (!first_started) std::this_thread::sleep_for(1ms);
    worker.post([&](const std::atomic<bool>& cancel) { second_ran = !cancel; });
    wait_until_idle(worker);
    EXPECT_TRUE(first_cancelled);
    EXPECT_TRUE(second_ran);  // the second job saw its own, cleared, cancel flag
}

TEST(BackgroundWorker, OnlyTheLatestOfQueuedJobsRuns) {
    BackgroundWorker worker;
    std::atomic<bool> release{false};
    std::atomic<int> last{0}, runs{0};
    worker.post([&](const std::atomic<bool>&) {
        while (!release) std::this_thread::sleep_for(1ms);
    });
    for (int i = 1; i <= 5; ++i) worker.post([&, i](const std::atomic<bool>&) { last = i, ++runs; });
    release = true;
    wait_until_idle(worker);
    EXPECT_EQ(last, 5);
    EXPECT_EQ(runs, 1);
}

// A job that only stops when cancelled: if destruction did not cancel it, this test would hang.
TEST(BackgroundWorker, DestructionCancelsARunningJob) {
    std::atomic<bool> saw_cancel{false};
    {
        BackgroundWorker worker;
        std::atomic<bool> started{false};
        worker.post([&](const std::atomic<bool>& cancel) {
            started = true;
            while (!cancel) std::this_thread::sleep_for(1ms);
            saw_cancel = true;
        });
        while (!started) std::this_thread::sleep_for(1ms);
    }
    EXPECT_TRUE(saw_cancel);
}

}  // namespace
}  // namespace actviz::app
