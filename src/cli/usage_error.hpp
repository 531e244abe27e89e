#pragma once
// A mistake in what the user typed. The message is one line that names the bad value and says
// what is allowed; main() prints it and exits with status 2.

#include <stdexcept>
#include <string>

namespace actviz::cli {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace actviz::cli
