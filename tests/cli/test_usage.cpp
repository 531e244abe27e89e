// `actviz <subcommand> --help` and `actviz help <subcommand>`: every available subcommand explains
// itself and exits 0, without running.

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "cli/command_output.hpp"
#include "cli/subcommands.hpp"
#include "core/optimizer.hpp"

namespace actviz::cli {
namespace {

TEST(Usage, EveryAvailableSubcommandExplainsItselfOnHelp) {
    for (const Subcommand& sub : subcommands()) {
        if (!sub.available || sub.name == "help") continue;
        const std::string name(sub.name);
        for (const char* flag : {"--help", "-h"}) {
            // The help flag wins over missing or bad flags: nothing is computed.
            const CommandOutput given = run(name, {"--no-such-flag", flag});
            EXPECT_EQ(given.status, 0) << name << " " << flag << ": " << given.err;
            EXPECT_EQ(given.out.rfind("usage: actviz " + name, 0), 0u) << name << " " << flag << ":\n" << given.out;
            EXPECT_TRUE(given.err.empty()) << name;
        }
        const CommandOutput via_help = run("help", {name});
        EXPECT_EQ(via_help.status, 0) << name;
        EXPECT_EQ(via_help.out, run(name, {"--help"}).out) << name;
    }
}

TEST(Usage, HelpForAnUnknownSubcommandExitsTwoWithOneLine) {
    const CommandOutput output = run("help", {"nosuch"});
    EXPECT_EQ(output.status, 2);
    EXPECT_NE(output.err.find("nosuch"), std::string::npos);
    EXPECT_EQ(output.err.find('\n'), output.err.size() - 1) << output.err;
}

TEST(Usage, GradflowUsageNamesEveryFlagTheCommandAccepts) {
    const std::string text = run("gradflow", {"--help"}).out;
    for (const char* flag : {"--depth", "--width", "--activation", "--init", "--gain", "--std", "--bias", "--batch",
                             "--seed", "--residual", "--layernorm", "--float32", "--bound", "--alpha"}) {
        EXPECT_NE(text.find(flag), std::string::npos) << flag;
    }
}

// The learning-rate range train's help states is the one it accepts (it said "1e-5 to 10", the
// window's slider range, while 1e4 is accepted).
TEST(Usage, TrainStatesTheLearningRateRangeItAccepts) {
    const std::string text = run("train", {"--help"}).out;
    const size_t at = text.find("--lr 1e");
    ASSERT_NE(at, std::string::npos) << text;
    std::istringstream words(text.substr(at + 5));
    std::string low, to, high;
    words >> low >> to >> high;
    EXPECT_EQ(to, "to");
    EXPECT_EQ(std::stod(low), kMinLearningRate);
    EXPECT_EQ(std::stod(high), kMaxLearningRate);
    const std::vector<std::string> base{"--dataset", "xor", "--hidden", "4", "--activation", "tanh", "--optimizer",
                                        "sgd", "--steps", "1", "--lr"};
    for (const std::string& lr : {low, high}) {
        std::vector<std::string> args = base;
        args.push_back(lr);
        EXPECT_NE(run("train", args).status, 2) << lr;
    }
    std::vector<std::string> above = base;
    above.push_back(std::to_string(2 * kMaxLearningRate));
    EXPECT_EQ(run("train", above).status, 2);
}

TEST(Usage, GradflowUsageNamesEveryColumnTheCommandPrints) {
    const std::string text = run("gradflow", {"--help"}).out;
    const std::string header = run("gradflow", {"--depth", "2", "--width", "2", "--activation", "relu", "--bound"}).out;
    std::string columns = header.substr(0, header.find('\n'));
    for (size_t start = 0; start <= columns.size();) {
        const size_t comma = std::min(columns.find(',', start), columns.size());
        const std::string column = columns.substr(start, comma - start);
        EXPECT_NE(text.find(column), std::string::npos) << column;
        start = comma + 1;
    }
    EXPECT_NE(text.find("zero_slope_fraction"), std::string::npos);
    EXPECT_EQ(text.find("dead_fraction"), std::string::npos) << "the old, ambiguous column name";
}

}  // namespace
}  // namespace actviz::cli
