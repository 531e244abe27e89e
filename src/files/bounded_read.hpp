#pragma once
// Reading a whole document (a session, a points file) safely: only a regular file is opened, and
// a file larger than the limit is refused before it is read.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace actviz::files {

// Reads at most `limit` bytes into `out`; a longer file is an error, found without reading it all.
// Only a regular file is opened: opening a FIFO for reading blocks until a writer comes, maybe
// forever. The type is checked before opening, the open cannot block (O_NONBLOCK), and the opened
// file is checked again in case the name was swapped in between. `limit_text` names the limit in
// messages: "64 MiB (the most a session may be)". Returns why it failed, or nullopt.
std::optional<std::string> read_bounded(const std::string& path, std::size_t limit, std::string_view limit_text,
                                        std::string& out);

}  // namespace actviz::files
