// libFuzzer target: the points CSV reader, File > Import data and --data (see fuzz_entries.hpp
// and README's "Fuzzing").
#include "fuzz_entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    actviz::fuzz::points_csv(data, size);
    return 0;
}
