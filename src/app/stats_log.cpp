#include "app/stats_log.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace actviz::app {

bool StatsLog::open(const std::string& path, std::string& error) {
    if (path.empty()) return true;
    file_ = std::fopen(path.c_str(), "w");
    if (!file_) {
        error = std::strerror(errno);
        return false;
    }
    std::fprintf(file_, "seconds,frames,worst_frame_ms,rss_mib,worst_work_ms\n");
    return true;
}

StatsLog::~StatsLog() {
    if (file_) std::fclose(file_);
}

void StatsLog::frame(double seconds, double interval, double work) {
    if (!file_) return;
    ++frames_;
    worst_ = std::max(worst_, interval);
    worst_work_ = std::max(worst_work_, work);
    if (seconds - line_start_ < 1.0) return;
    std::fprintf(file_, "%.1f,%d,%.2f,%.1f,%.2f\n", seconds, frames_, worst_ * 1000.0, resident_mib(),
                 worst_work_ * 1000.0);
    std::fflush(file_);  // a soak run ends by being killed: every line must already be on disk
    line_start_ = seconds;
    frames_ = 0;
    worst_ = 0;
    worst_work_ = 0;
}

double resident_mib() {
    std::FILE* statm = std::fopen("/proc/self/statm", "r");
    if (!statm) return 0;
    long size = 0, resident = 0;
    const int read = std::fscanf(statm, "%ld %ld", &size, &resident);
    std::fclose(statm);
    if (read != 2) return 0;
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

}  // namespace actviz::app
