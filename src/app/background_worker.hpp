#pragma once
// One worker thread for heavy computations, so the window keeps drawing. The UI posts a job; a
// newer job replaces one that has not started and cancels the one running (through the cancel
// flag the job receives), so the latest settings win and the UI thread never waits. The thread
// runs at a lower priority than the UI's.

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace actviz::app {

// Puts the calling thread (and the threads it starts) below the UI thread and the software
// renderer: heavy jobs must not take time from them (on two cores they would otherwise share them
// evenly and a frame could take twice as long). Linux: nice is per thread and inherited. Failure
// only costs smoothness.
void run_below_the_ui();

class BackgroundWorker {
public:
    using Job = std::function<void(const std::atomic<bool>& cancel)>;

    BackgroundWorker();
    ~BackgroundWorker();  // cancels the running job and joins
    BackgroundWorker(const BackgroundWorker&) = delete;
    BackgroundWorker& operator=(const BackgroundWorker&) = delete;

    void post(Job job);
    bool busy() const { return busy_.load(); }

private:
    void loop();

    std::mutex mutex_;
    std::condition_variable wake_;
    Job pending_;
    bool stopping_ = false;
    std::atomic<bool> cancel_{false};
    std::atomic<bool> busy_{false};
    std::thread thread_;
};

}  // namespace actviz::app
