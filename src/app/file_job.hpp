#pragma once
// Reading or writing a session file off the UI thread. File > Open, Save and Save As start one;
// the frames keep coming (a 60 MB session takes a second or more to parse and check, or to write
// and read back), and the shell takes the result once it is complete. Until then the screen is
// exactly as it was; Cancel, or a newer start, drops the result when it arrives.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "app/background_worker.hpp"

namespace actviz::app {

template <class Result>
class FileJob {
   public:
    struct Done {
        std::string path;
        Result result;
    };

    // Runs `work` for `path` on the worker; a start under way is dropped (its result never arrives).
    void start(const std::string& path, std::function<Result()> work) {
        std::uint64_t generation = 0;
        {
            std::lock_guard lock(mutex_);
            generation = ++generation_;
            finished_.reset();
            waiting_ = true;
        }
        path_ = path;
        started_ = std::chrono::steady_clock::now();
        worker_.post([this, path, generation, work = std::move(work)](const std::atomic<bool>&) {
            // A file job cannot stop half-way (a write is atomic, a parse all or nothing); a
            // cancelled or replaced one just drops what it gives.
            Result result = work();
            std::lock_guard lock(mutex_);
            if (generation == generation_ && waiting_) finished_ = Done{path, std::move(result)};
        });
    }

    // The result of the latest start(), once, when it is complete; nothing while it is under way.
    std::optional<Done> take() {
        std::lock_guard lock(mutex_);
        if (!finished_) return std::nullopt;
        std::optional<Done> done = std::move(finished_);
        finished_.reset();
        waiting_ = false;
        return done;
    }

    void cancel() {
        std::lock_guard lock(mutex_);
        ++generation_;
        finished_.reset();
        waiting_ = false;
    }

    bool busy() const {
        std::lock_guard lock(mutex_);
        return waiting_;
    }
    const std::string& path() const { return path_; }  // of the latest start()
    double seconds() const {                            // since the latest start()
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    }

   private:
    mutable std::mutex mutex_;
    std::optional<Done> finished_;  // guarded by mutex_
    std::uint64_t generation_ = 0;  // guarded by mutex_: results of older starts are dropped
    bool waiting_ = false;          // guarded by mutex_: a start not taken or cancelled
    std::string path_;
    std::chrono::steady_clock::time_point started_{};
    BackgroundWorker worker_;  // last: joined first on destruction, while the rest still exists
};

}  // namespace actviz::app
