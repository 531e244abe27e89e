#pragma once
// Files the user asked for whose making takes a while, made and written beside the frame: a
// screenshot's PNG (100–190 ms to encode at 1920 × 1080), a chart's data as CSV or its SVG at
// 100,000 points. One writer thread takes them in the order asked; each says how it went in a
// later frame (the status bar). None is dropped: closing the app waits for those still queued.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace actviz::app {

struct AppState;

class WriteQueue {
   public:
    struct Write {
        std::string path;  // reserved until written: a name picked meanwhile skips it (reserved())
        // On the writer's thread: makes the file's bytes and writes them; returns why it failed, or nullopt.
        std::function<std::optional<std::string>()> run;
        // On the UI thread, in a later frame: says how it went (error: run's answer).
        std::function<void(AppState&, const std::optional<std::string>& error)> done;
    };

    // The usual `done`: the status bar says "<what> <verb>: <path>" (the path whole), or
    // "<what> not <verb> (<path>): <why>".
    static std::function<void(AppState&, const std::optional<std::string>&)> say(std::string what, std::string verb,
                                                                                 std::string path);

    WriteQueue();
    ~WriteQueue();  // waits for every write queued, then joins
    WriteQueue(const WriteQueue&) = delete;
    WriteQueue& operator=(const WriteQueue&) = delete;

    void push(Write write);
    // Runs the `done` of every write finished since the last call, in the order they were asked.
    void take_finished(AppState& state);
    // Waits for every write queued, then runs their `done`: at quit, so each still says how it went.
    void finish(AppState& state);
    bool reserved(const std::string& path) const;  // queued or being written
    bool idle() const;                             // nothing queued, being written or left to take

   private:
    struct Finished {
        std::function<void(AppState&, const std::optional<std::string>&)> done;
        std::optional<std::string> error;
    };
    void loop();

    mutable std::mutex mutex_;
    std::condition_variable wake_;      // a write was queued, or the queue is stopping
    std::condition_variable written_;   // a write is done
    std::deque<Write> queued_;        // guarded by mutex_; the front one is being written (its `run` taken)
    std::vector<Finished> finished_;  // guarded by mutex_
    bool stopping_ = false;           // guarded by mutex_
    std::thread thread_;              // last: started once the rest exists
};

}  // namespace actviz::app
