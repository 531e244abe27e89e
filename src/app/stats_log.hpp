#pragma once
// --stats-log FILE: once a second, a CSV line with the frames drawn, the longest frame (wall time
// from one frame's start to the next, what a user sees as a stutter while something animates), the
// resident memory, and the longest frame's own work (events handled to picture presented, without
// any wait for input: what a user waits for after touching an idle window). For soak runs
// (tests/soak/soak.sh, heavy.sh): is memory flat, does any frame take over 50 ms?

#include <cstdio>
#include <string>

namespace actviz::app {

class StatsLog {
   public:
    // Opens (truncates) `path` and writes the header; empty path: a log that does nothing.
    // False with the reason in `error` when the file cannot be written.
    bool open(const std::string& path, std::string& error);
    ~StatsLog();

    // A frame started `seconds` after the app started, `interval` seconds after the previous one,
    // and took `work` seconds itself.
    void frame(double seconds, double interval, double work);

   private:
    std::FILE* file_ = nullptr;
    double line_start_ = 0;  // when the current one-second window began
    int frames_ = 0;
    double worst_ = 0;
    double worst_work_ = 0;
};

// Resident set size of this process in MiB (Linux /proc/self/statm), 0 when unknown.
double resident_mib();

}  // namespace actviz::app
