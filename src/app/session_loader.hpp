#pragma once
// Opening a session file off the UI thread: File > Open and Open recent start it, the frames keep
// coming (a 60 MB session takes a second or more to parse, check and rebuild its trainer), and the
// shell applies the result once it is complete — until then the screen is exactly as it was, and
// Cancel drops the result when it arrives.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "app/background_worker.hpp"
#include "session/session_json.hpp"

namespace actviz::app {

class SessionLoader {
   public:
    struct Opened {
        std::string path;
        session::ParseResult result;
    };

    // Starts reading `path`; one already under way is cancelled (its result dropped).
    void start(const std::string& path);
    // The result of the latest start(), once, when it is complete; nothing while it is under way.
    std::optional<Opened> take();
    void cancel();

    bool busy() const;
    const std::string& path() const { return path_; }  // of the latest start()
    double seconds() const;  // since the latest start()

   private:
    mutable std::mutex mutex_;
    std::optional<Opened> finished_;  // guarded by mutex_
    std::uint64_t generation_ = 0;    // guarded by mutex_: results of older starts are dropped
    bool waiting_ = false;            // guarded by mutex_: a started open not taken or cancelled
    std::string path_;
    std::chrono::steady_clock::time_point started_{};
    BackgroundWorker worker_;  // last: joined first on destruction, while the rest still exists
};

}  // namespace actviz::app
