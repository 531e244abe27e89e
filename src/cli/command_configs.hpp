#pragma once
// What the train, gradflow and bakeoff subcommands compute, parsed from their arguments (with
// --session expanded into flags): the core's configuration, which for a session must equal what
// the panel itself hands the core. The run_* functions print it; tests compare it with the panel's.

#include <span>
#include <string>
#include <utility>

#include "cli/classifier_flags.hpp"
#include "cli/flags.hpp"
#include "core/bakeoff.hpp"
#include "core/dataset.hpp"
#include "core/gradflow.hpp"
#include "core/trainer.hpp"

namespace actviz::cli {

struct TrainCommand {
    explicit TrainCommand(Flags parsed) : flags(std::move(parsed)) {}
    Flags flags;  // as parsed, --session expanded
    RunFlags run;
    DatasetConfig data_config;
    Dataset data;  // drawn from data_config, or the session's own points
    TrainerConfig config;
};
TrainCommand parse_train(std::span<const std::string> args);

struct GradflowCommand {
    explicit GradflowCommand(Flags parsed) : flags(std::move(parsed)) {}
    Flags flags;
    GradflowConfig config;
};
GradflowCommand parse_gradflow(std::span<const std::string> args);

struct BakeoffCommand {
    explicit BakeoffCommand(Flags parsed) : flags(std::move(parsed)) {}
    Flags flags;
    RunFlags run;
    DatasetConfig data_config;
    Dataset data;
    BakeoffConfig config;
};
BakeoffCommand parse_bakeoff(std::span<const std::string> args);

}  // namespace actviz::cli
