// libFuzzer target: the session loader (see fuzz_entries.hpp and README's "Fuzzing").
#include "fuzz_entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    actviz::fuzz::session_loader(data, size);
    return 0;
}
