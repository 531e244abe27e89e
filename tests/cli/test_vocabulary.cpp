// One meaning of "dead" for one configuration, wherever it is read: the Classifier panel, `actviz
// train` and `actviz bakeoff` report the same dead fraction for the same run (the dying-ReLU
// lesson: Adam at lr 1 kills units within a few steps), and so on for a saturated (tanh) and a
// negative-side (leaky ReLU) count.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/command_output.hpp"
#include "settings/classifier_settings.hpp"
#include "core/trainer.hpp"

namespace actviz::cli {
namespace {

// The dead_fraction column of a CSV at `step` (the column named in the header; in bakeoff's rows,
// the first seed's row for `activation`).
std::string dead_fraction_at(const std::string& csv, int step, const std::string& activation = "") {
    const auto rows = csv_rows(csv);
    if (rows.empty()) return "no output";
    std::size_t column = 0, step_column = 0, activation_column = 0;
    for (std::size_t c = 0; c < rows[0].size(); ++c) {
        if (rows[0][c] == "dead_fraction") column = c;
        if (rows[0][c] == "step") step_column = c;
        if (rows[0][c] == "activation") activation_column = c;
    }
    for (std::size_t r = 1; r < rows.size(); ++r) {
        if (rows[r].size() <= column || rows[r][step_column] != std::to_string(step)) continue;
        if (!activation.empty() && rows[r][activation_column] != activation) continue;
        return rows[r][column];
    }
    return "no row at step " + std::to_string(step);
}

TEST(Vocabulary, ClassifierTrainAndBakeoffCountTheSameUnitsForTheSameRun) {
    for (const char* activation : {"relu", "tanh", "leaky_relu"}) {
        const std::vector<std::string> common{"--dataset", "spiral", "--points", "300", "--hidden", "16,16",
                                              "--optimizer", "adam", "--lr", "1", "--steps", "40", "--every", "20",
                                              "--seed", "3"};
        std::vector<std::string> train_args = common;
        train_args.insert(train_args.end(), {"--activation", activation});
        const CommandOutput train = run_command("train", train_args);
        ASSERT_EQ(train.status, 0) << train.err;
        std::vector<std::string> bakeoff_args = common;
        bakeoff_args.insert(bakeoff_args.end(), {"--activations", std::string(activation) + ",sigmoid", "--seeds", "1"});
        const CommandOutput bakeoff = run_command("bakeoff", bakeoff_args);
        ASSERT_EQ(bakeoff.status, 0) << bakeoff.err;

        settings::ClassifierSettings settings;
        settings.data.kind = DatasetKind::Spiral;
        settings.data.points = 300;
        settings.architecture.hidden = {16, 16};
        settings.architecture.seed = 3;
        settings.hyper.optimizer = OptimizerKind::Adam;
        settings.hyper.learning_rate = 1;
        settings.hyper.activation = activation_index(*find_activation(activation));
        settings.hyper.parameters = find_activation(activation)->defaults();
        Trainer panel(make_dataset(settings::to_dataset_config(settings)), settings::to_trainer_config(settings));
        panel.step(40);
        const double shown = panel.history().back().dead_fraction;

        const std::string from_train = dead_fraction_at(train.out, 40);
        const std::string from_bakeoff = dead_fraction_at(bakeoff.out, 40, activation);
        EXPECT_EQ(from_train, from_bakeoff) << activation;
        EXPECT_NEAR(std::stod(from_train), shown, 1e-12) << activation;
        if (std::string(activation) == "relu") {
            EXPECT_GT(shown, 0) << "the lesson's dead units";
        }
    }
}

}  // namespace
}  // namespace actviz::cli
