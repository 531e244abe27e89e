// Screenshots and exports are made and written beside the frame (write_queue.hpp): asking for one
// never waits for its encoder, every one asked for is written, in order, and says how it went.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/app_state.hpp"
#include "app/write_queue.hpp"

namespace actviz::app {
namespace {

using namespace std::chrono_literals;

void take_until_idle(WriteQueue& writes, AppState& state) {
    for (int i = 0; i < 5000 && !writes.idle(); ++i) {
        writes.take_finished(state);
        std::this_thread::sleep_for(1ms);
    }
    writes.take_finished(state);
}

WriteQueue::Write write_noting(const std::string& path, std::vector<std::string>& log, std::optional<std::string> outcome = {}) {
    WriteQueue::Write write;
    write.path = path;
    write.run = [outcome] { return outcome; };
    write.done = [path, &log](AppState&, const std::optional<std::string>& error) { log.push_back(path + (error ? ": " + *error : "")); };
    return write;
}

TEST(WriteQueue, AskingNeverWaitsForTheWriteAndItsNameStaysTakenUntilWritten) {
    AppState state;
    WriteQueue writes;
    std::promise<void> encoder_may_finish;
    std::shared_future<void> may_finish = encoder_may_finish.get_future().share();
    std::vector<std::string> log;
    WriteQueue::Write slow = write_noting("shot.png", log);
    slow.run = [may_finish]() -> std::optional<std::string> {
        may_finish.wait();  // an encoder that takes as long as the test likes
        return std::nullopt;
    };
    writes.push(std::move(slow));  // returns while the "encoder" is held
    EXPECT_TRUE(writes.reserved("shot.png")) << "a second F12 in the same second would pick the same name";
    EXPECT_FALSE(writes.reserved("shot-2.png"));
    EXPECT_FALSE(writes.idle());
    writes.take_finished(state);
    EXPECT_TRUE(log.empty()) << "said before it was written";
    encoder_may_finish.set_value();
    take_until_idle(writes, state);
    EXPECT_EQ(log, std::vector<std::string>{"shot.png"});
    EXPECT_FALSE(writes.reserved("shot.png"));
    EXPECT_TRUE(writes.idle());
}

TEST(WriteQueue, EveryWriteIsMadeInTheOrderAskedAndSaysHowItWent) {
    AppState state;
    WriteQueue writes;
    std::vector<std::string> log;
    writes.push(write_noting("a.csv", log));
    writes.push(write_noting("b.svg", log, "the disk is full"));
    writes.push(write_noting("c.png", log));
    take_until_idle(writes, state);
    EXPECT_EQ(log, (std::vector<std::string>{"a.csv", "b.svg: the disk is full", "c.png"}));
}

TEST(WriteQueue, ClosingWaitsForTheWritesStillQueued) {
    std::atomic<int> written{0};
    {
        WriteQueue writes;
        for (int i = 0; i < 3; ++i) {
            WriteQueue::Write write;
            write.path = "shot-" + std::to_string(i) + ".png";
            write.run = [&written]() -> std::optional<std::string> {
                std::this_thread::sleep_for(20ms);
                ++written;
                return std::nullopt;
            };
            writes.push(std::move(write));
        }
    }  // the app closing with three screenshots being encoded
    EXPECT_EQ(written, 3);
}

}  // namespace
}  // namespace actviz::app
