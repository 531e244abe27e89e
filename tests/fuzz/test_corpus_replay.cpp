// The fuzzers' committed corpus, replayed through the same entry points in every test run: inputs
// that once mattered (seeds, and crashes fixed since) keep being checked without a fuzz build.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_entries.hpp"

namespace actviz::fuzz {
namespace {

std::vector<std::filesystem::path> corpus(const char* name) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(ACTVIZ_FUZZ_CORPUS) / name)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
    }
    return files;
}

std::string bytes_of(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(FuzzCorpus, SessionLoaderTakesEveryInput) {
    const auto files = corpus("session");
    EXPECT_GE(files.size(), 10u);
    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        const std::string data = bytes_of(file);
        session_loader(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
    }
}

// Every preset's saved session, the Bake-off's, and the reproducers fuzz_session_values found:
// loaded, round-tripped, trained a few steps, saved and reopened.
TEST(FuzzCorpus, SessionValuesTakesEveryInput) {
    const auto files = corpus("session-values");
    EXPECT_GE(files.size(), 8u);
    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        const std::string data = bytes_of(file);
        session_values(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
    }
}

TEST(FuzzCorpus, CommandLineParserTakesEveryInput) {
    const auto files = corpus("command_line");
    EXPECT_GE(files.size(), 10u);
    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        const std::string data = bytes_of(file);
        command_line(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
    }
}

// Typed formulas: the examples, every function, and the refusals (unknown names, deep
// nesting, huge numbers, binary bytes) the fuzzer started from or found.
TEST(FuzzCorpus, FormulaCompilerTakesEveryInput) {
    const auto files = corpus("formula");
    EXPECT_GE(files.size(), 10u);
    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        const std::string data = bytes_of(file);
        formula(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
    }
}

// The points CSV reader's seeds: well-formed files of every shape and one of each refusal.
TEST(FuzzCorpus, PointsCsvTakesEveryInput) {
    const auto files = corpus("points_csv");
    EXPECT_GE(files.size(), 10u);
    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        const std::string data = bytes_of(file);
        points_csv(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
    }
}

}  // namespace
}  // namespace actviz::fuzz
