#pragma once
// Reading or writing a session file off the UI thread. File > Open, Save and Save As start one;
// the frames keep coming (a 60 MB session takes a second or more to parse and check, or to write
// and read back), and the shell takes the result once it is complete. Until then the screen is
// exactly as it was; Cancel, or a newer start, drops the result when it arrives (latest_job.hpp).

#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "app/latest_job.hpp"

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
        path_ = path;
        job_.start([path, work = std::move(work)] { return Done{path, work()}; });
    }
    // The result of the latest start(), once, when it is complete; nothing while it is under way.
    std::optional<Done> take() { return job_.take(); }
    void cancel() { job_.cancel(); }
    bool busy() const { return job_.busy(); }
    const std::string& path() const { return path_; }  // of the latest start()
    double seconds() const { return job_.seconds(); }   // since the latest start()

   private:
    std::string path_;
    LatestJob<Done> job_;  // last: joined first on destruction
};

}  // namespace actviz::app
