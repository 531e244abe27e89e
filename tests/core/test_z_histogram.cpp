// Units on their curves: the z histograms a user sees behind the activation are an exact count of
// the training points' pre-activations, and their zone masses are the very dead / saturated
// statistics the unit grid and the verdicts show (one vocabulary, one count).

#include <gtest/gtest.h>

#include <cmath>

#include "core/features.hpp"
#include "core/mlp_pass.hpp"
#include "core/trainer.hpp"
#include "core/z_histogram.hpp"

namespace actviz {
namespace {

Dataset spiral(int points = 300) {
    DatasetConfig data;
    data.kind = DatasetKind::Spiral;
    data.classes = 3;
    data.points = points;
    data.noise = 0.2;
    data.test_ratio = 0;
    return make_dataset(data);
}

TrainerConfig config(std::vector<int> hidden, const char* activation, OptimizerKind kind, double lr) {
    TrainerConfig c;
    c.model.hidden = std::move(hidden);
    c.model.classes = 3;
    c.model.activations = {{find_activation(activation), find_activation(activation)->defaults()}};
    c.optimizer.kind = kind;
    c.optimizer.learning_rate = lr;
    return c;
}

// z of every hidden layer for the training points, by a forward pass of our own (double).
PassWorkspace<double> own_pass(const Trainer& trainer) {
    const auto& points = trainer.data().train;
    const auto n = static_cast<Eigen::Index>(points.size());
    Matrix xy(2, n);
    for (Eigen::Index i = 0; i < n; ++i) xy(0, i) = points[static_cast<size_t>(i)].x, xy(1, i) = points[static_cast<size_t>(i)].y;
    Matrix input(trainer.mlp().input_size(), n);
    expand_features(trainer.mlp().config().features, xy, input);
    PassWorkspace<double> work;
    work.resize(trainer.mlp(), n);
    forward<double>(trainer.mlp(), input, work);
    return work;
}

// Every unit's zone counts against the unit grid's activity (the share of points where it is
// active): inactive = n − activity·n exactly, and a unit is dead exactly when all its mass is inactive.
void expect_masses_are_the_statistics(const Trainer& trainer) {
    const auto n = static_cast<std::int64_t>(trainer.data().train.size());
    const HistoryRecord& last = trainer.history().back();
    ASSERT_EQ(trainer.z_histograms().size(), static_cast<size_t>(trainer.mlp().hidden_count()));
    for (int h = 0; h < trainer.mlp().hidden_count(); ++h) {
        const LayerZHistogram& histogram = trainer.z_histograms()[static_cast<size_t>(h)];
        const Vector& activity = trainer.unit_activity()[static_cast<size_t>(h)];
        const InactivityRule rule = trainer.mlp().inactivity(h);
        int all_inactive = 0;
        double active_share = 0;
        for (size_t u = 0; u < histogram.units.size(); ++u) {
            const ZCounts& unit = histogram.units[u];
            EXPECT_EQ(unit.total, n);
            EXPECT_EQ(n - unit.inactive, std::llround(activity[static_cast<Eigen::Index>(u)] * static_cast<double>(n)))
                << "layer " << h << " unit " << u;
            if (rule.kind == InactivityKind::Dead) {
                EXPECT_EQ(unit.inactive, unit.zero_slope);
            } else if (rule.kind == InactivityKind::Saturated) {
                EXPECT_EQ(unit.inactive, unit.zero_slope + unit.saturated);
            }
            all_inactive += unit.inactive == unit.total;
            active_share += activity[static_cast<Eigen::Index>(u)];
        }
        EXPECT_DOUBLE_EQ(static_cast<double>(all_inactive) / static_cast<double>(histogram.units.size()),
                         last.layer_dead_fraction[static_cast<size_t>(h)]);
        EXPECT_NEAR(histogram.layer.share(histogram.layer.inactive),
                    1 - active_share / static_cast<double>(histogram.units.size()), 1e-12);
    }
}

TEST(ZHistogram, EqualsADirectCountOverTheTrainingPoints) {
    TrainerConfig c = config({16, 16}, "tanh", OptimizerKind::Adam, 0.01);
    c.float64 = true;  // our own double pass then gives the very same z
    Trainer trainer(spiral(), c);
    trainer.step(40);
    const PassWorkspace<double> work = own_pass(trainer);
    for (int h = 0; h < 2; ++h) {
        const LayerZHistogram& histogram = trainer.z_histograms()[static_cast<size_t>(h)];
        EXPECT_EQ(histogram.step, 40);
        const Matrix& z = work.z[static_cast<size_t>(h)];
        ZCounts layer;
        layer.clear();
        for (Eigen::Index u = 0; u < z.rows(); ++u) {
            ZCounts unit;
            unit.clear();
            for (Eigen::Index i = 0; i < z.cols(); ++i) {
                const double v = z(u, i);
                if (v < histogram.lo) ++unit.underflow;
                else if (v >= histogram.hi) ++unit.overflow;
                else ++unit.bins[static_cast<size_t>(std::floor((v - histogram.lo) / histogram.bin_width()))];
            }
            EXPECT_EQ(histogram.units[static_cast<size_t>(u)].bins, unit.bins) << "layer " << h << " unit " << u;
            EXPECT_EQ(histogram.units[static_cast<size_t>(u)].underflow, unit.underflow);
            EXPECT_EQ(histogram.units[static_cast<size_t>(u)].overflow, unit.overflow);
            for (int b = 0; b < kZHistogramBins; ++b) layer.bins[static_cast<size_t>(b)] += unit.bins[static_cast<size_t>(b)];
        }
        EXPECT_EQ(histogram.layer.bins, layer.bins);
        EXPECT_EQ(histogram.layer.total, z.size());
    }
    expect_masses_are_the_statistics(trainer);
}

TEST(ZHistogram, BiasMinusFiveReLUHasAllItsMassAtZeroSlope) {
    // The "dying ReLU: bias −5" preset: every z < 0 at every point, all mass at f′ = 0, every unit dead.
    TrainerConfig c = config({16, 16}, "relu", OptimizerKind::Adam, 0.01);
    c.model.init = InitScheme::HeUniform;
    c.model.bias = -5;
    Trainer trainer(spiral(), c);
    trainer.step(100);
    for (const LayerZHistogram& histogram : trainer.z_histograms()) {
        EXPECT_EQ(histogram.layer.zero_slope, histogram.layer.total);
        EXPECT_EQ(histogram.layer.saturated, 0);
    }
    EXPECT_EQ(trainer.history().back().dead_fraction, 1.0);
    expect_masses_are_the_statistics(trainer);
}

TEST(ZHistogram, LearningRateTooHighSlidesMassIntoTheZeroSlopeZone) {
    // The "dying ReLU: learning rate too high" preset (float32, as the app trains): the zero-slope
    // share grows as units die, and at every record it is the statistic's count.
    TrainerConfig c = config({16, 16}, "relu", OptimizerKind::Adam, 1.0);
    c.model.init = InitScheme::HeUniform;
    Trainer trainer(spiral(), c);
    const double start = trainer.z_histograms()[0].layer.share(trainer.z_histograms()[0].layer.zero_slope);
    double half_width = trainer.z_histograms()[0].hi;
    for (int round = 0; round < 10; ++round) {
        trainer.step(30);
        expect_masses_are_the_statistics(trainer);
        EXPECT_GE(trainer.z_histograms()[0].hi, half_width) << "the range only grows";
        half_width = trainer.z_histograms()[0].hi;
    }
    EXPECT_GT(trainer.z_histograms()[0].layer.share(trainer.z_histograms()[0].layer.zero_slope), start + 0.1);
}

TEST(ZHistogram, DeepSigmoidSaturatedMassIsTheSaturatedStatistic) {
    Trainer trainer(spiral(), config({16, 16, 16, 16, 16}, "sigmoid", OptimizerKind::Momentum, 0.05));
    trainer.step(50);
    expect_masses_are_the_statistics(trainer);
    EXPECT_EQ(trainer.z_histograms()[0].hi, 10);  // sigmoid's saturated zones begin at |z| = 5.99
}

TEST(ZHistogram, RangeCoversTheActivationsRegionAndStaysPutWhileTraining) {
    EXPECT_EQ(z_histogram_half_width(*find_activation("sigmoid"), find_activation("sigmoid")->defaults(), 0), 10);
    EXPECT_EQ(z_histogram_half_width(*find_activation("tanh"), find_activation("tanh")->defaults(), 0), 5);
    EXPECT_EQ(z_histogram_half_width(*find_activation("relu"), find_activation("relu")->defaults(), 0), 5);
    EXPECT_EQ(z_histogram_half_width(*find_activation("relu"), find_activation("relu")->defaults(), 7.5), 10);
    EXPECT_EQ(nice_half_width(0.3), 1);
    EXPECT_EQ(nice_half_width(21), 25);

    // Over 100 records the range moves at most once (when the data leaves it), only outwards, and
    // never leaves more than 1% of the mass outside.
    Trainer trainer(spiral(), config({16, 16}, "tanh", OptimizerKind::Adam, 0.01));
    double hi = trainer.z_histograms()[1].hi;
    int changes = 0;
    for (int round = 0; round < 100; ++round) {
        trainer.step(2);
        const LayerZHistogram& histogram = trainer.z_histograms()[1];
        EXPECT_EQ(histogram.lo, -histogram.hi);
        EXPECT_GE(histogram.hi, hi);
        changes += histogram.hi != hi;
        hi = histogram.hi;
        EXPECT_LE(histogram.layer.share(histogram.layer.underflow + histogram.layer.overflow), kZHistogramOverflowShare);
    }
    EXPECT_LE(changes, 1);
    // A new activation has its own region: chosen again at the next record.
    trainer.set_activation(-1, {find_activation("sigmoid"), find_activation("sigmoid")->defaults()});
    trainer.step(1);
    EXPECT_EQ(trainer.z_histograms()[1].hi, 10);
}

}  // namespace
}  // namespace actviz
