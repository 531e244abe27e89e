// What the Gradient flow page says: the depth × gain map's numbers against the core's runs and the
// headline, what "layer 1 / layer N" spans, and the 0.2^20 vs 0.5^20 preset against the exercise.

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <thread>

#include "app/gradflow/gradflow_readouts.hpp"

namespace actviz::app {
namespace {

using namespace std::chrono_literals;

// Waits until the latest request's curves and their bounds are done: the worker computes them
// before the first map cell (a deadline only so a hang fails; the map's 108 runs are not waited for).
GradflowSnapshot snapshot_with_curves_done(const GradflowLive& live) {
    GradflowSnapshot snapshot = live.snapshot();
    for (int i = 0; i < 600'000 && snapshot.busy && snapshot.map_cells_done == 0; ++i) {
        std::this_thread::sleep_for(1ms);
        snapshot = live.snapshot();
    }
    return snapshot;
}

size_t depth_index(int depth) {
    return static_cast<size_t>(std::find(kMapDepths.begin(), kMapDepths.end(), depth) - kMapDepths.begin());
}
size_t gain_index(double gain) {
    return static_cast<size_t>(std::find(kMapGains.begin(), kMapGains.end(), gain) - kMapGains.begin());
}

std::string one_decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", std::fabs(value));
    return (value < 0 ? "\xE2\x88\x92" : "") + std::string(text);
}

TEST(GradflowMap, PrintsTheTrueLogRatioBeyondTheColourScale) {
    // The exploding preset's map (ReLU, He, ‖∂L/∂a‖): gain 4 at depth 100 used to read 30 (the clamp);
    // `actviz gradflow` gives 60.4.
    GradflowSimulation simulation;
    simulation.curves[0].activation = activation_index(*find_activation("relu"));
    simulation.curves[0].parameters = find_activation("relu")->defaults();
    simulation.curves[0].init = InitScheme::HeNormal;
    GradflowConfig config = map_base_config(simulation);
    config.depth = 100;
    config.gain = 4;
    const GradflowResult result = simulate_gradient_flow(config);
    const double expected = std::log10(result.layers.front().act_grad_norm) -
                            std::log10(result.layers.back().act_grad_norm);
    ASSERT_GT(expected, 30);
    const MapCellView view = map_cell_view(map_cell_of(simulate_gradient_flow(config)), GradQuantity::ActivationGrad, 100, 4);
    EXPECT_EQ(view.value, expected);
    EXPECT_EQ(view.text, one_decimal(expected));
    EXPECT_NE(view.tooltip.find("depth 100, gain 4"), std::string::npos) << view.tooltip;
    EXPECT_EQ(view.tooltip.find("row"), std::string::npos) << view.tooltip;
}

TEST(GradflowMap, CellsBelowMinusTenStillHaveANumberShortEnoughForTheCell) {
    GradflowConfig config = map_base_config(GradflowSimulation());  // sigmoid, Xavier
    config.depth = 50;
    const MapCellView view = map_cell_view(map_cell_of(simulate_gradient_flow(config)), GradQuantity::WeightGrad, 50, 1);
    ASSERT_LT(view.value, -10);
    EXPECT_FALSE(view.text.empty());
    char rounded[32];
    std::snprintf(rounded, sizeof rounded, "%.0f", std::fabs(view.value));
    EXPECT_EQ(view.short_text, "\xE2\x88\x92" + std::string(rounded));
    EXPECT_LE(view.short_text.size(), std::string("\xE2\x88\x92").size() + 3);  // "−13": three glyphs, fits a cell
}

TEST(GradflowMap, ZeroAndOverflowCellsSayWhatTheyAre) {
    GradflowMapCell cell;
    cell.first.weight_grad_norm = 0;
    cell.last.weight_grad_norm = 1;
    MapCellView view = map_cell_view(cell, GradQuantity::WeightGrad, 7, 0.5);
    EXPECT_TRUE(std::isinf(view.value) && view.value < 0);
    EXPECT_EQ(view.text, "\xE2\x88\x92∞");
    EXPECT_NE(view.tooltip.find("underflow"), std::string::npos) << view.tooltip;
    cell.last.weight_grad_norm = 0;
    view = map_cell_view(cell, GradQuantity::WeightGrad, 7, 0.5);
    EXPECT_EQ(view.text, "0/0");  // was a blank cell, as if not computed
    cell.finiteness.overflow = Overflow::Infinity;
    cell.finiteness.first_layer = 3;
    view = map_cell_view(cell, GradQuantity::WeightGrad, 7, 0.5);
    EXPECT_EQ(view.text, "∞");
    EXPECT_NE(view.tooltip.find("overflow"), std::string::npos) << view.tooltip;
}

TEST(GradflowMap, TheCellOfTheHeadlinesConfigurationShowsTheHeadlinesFigure) {
    // The default page: sigmoid, depth 20, gain 1. The map ran batch 128 while the headline ran 256:
    // −12.49 against −12.61. The worker runs each cell as map_cell_config says (GradflowLive's tests
    // check it); the whole map took ~50 s under ASan, and this one cell is what the test is about.
    const GradflowSimulation simulation;
    ASSERT_EQ(map_differs_note(simulation), std::nullopt);
    const GradflowResult headline = simulate_gradient_flow(simulation.config_for(0));
    const GradflowResult run =
        simulate_gradient_flow(map_cell_config(simulation, depth_index(simulation.depth), gain_index(simulation.curves[0].gain)));
    ASSERT_FALSE(run.layers.empty());
    const GradflowMapCell cell = map_cell_of(run);
    for (GradQuantity quantity : {GradQuantity::WeightGrad, GradQuantity::ActivationGrad, GradQuantity::MeanAbsDz}) {
        const GradientRatio ratio = gradient_ratio(quantity_of(headline.layers.front(), quantity),
                                                   quantity_of(headline.layers.back(), quantity), finiteness_of(headline));
        const MapCellView view = map_cell_view(cell, quantity, simulation.depth, simulation.curves[0].gain);
        EXPECT_EQ(view.value, ratio.log10_ratio);
        EXPECT_NE(view.tooltip.find(log10_text(ratio.log10_ratio)), std::string::npos) << view.tooltip;
        EXPECT_NE(view.tooltip.find(ratio.ratio_text), std::string::npos) << view.tooltip;
    }
}

TEST(GradflowMap, SaysWhichCurveItBelongsToAndWhenItRunsACutDownConfiguration) {
    GradflowSimulation simulation;
    simulation.curves.push_back(simulation.curves[0]);
    simulation.curves[1].activation = activation_index(*find_activation("relu"));
    const std::string title = map_title(simulation, GradQuantity::ActivationGrad);
    EXPECT_NE(title.find("curve 1 (" + std::string(activations()[simulation.curves[0].activation].display) + ")"),
              std::string::npos)
        << title;
    EXPECT_NE(title.find("‖∂L/∂a‖"), std::string::npos) << title;
    simulation.batch = 1024;
    const auto note = map_differs_note(simulation);
    ASSERT_TRUE(note.has_value());
    EXPECT_NE(note->find("batch 256"), std::string::npos) << *note;
    EXPECT_NE(note->find("batch 1024"), std::string::npos) << *note;
}

TEST(GradflowRatio, TheReadoutSaysHowManyLayersFactorsItSpans) {
    EXPECT_EQ(ratio_factor_count(21), 20);
    EXPECT_NE(ratio_span_text(21, GradQuantity::ActivationGrad).find("layer 1 / layer 21: 20 layers' factors (layers 2–21)"),
              std::string::npos);
    EXPECT_NE(ratio_span_text(1, GradQuantity::WeightGrad).find("no layer's factor"), std::string::npos);
}

TEST(GradflowPresets, TwentyFactorsOf0Point2And0Point5ReproduceTheExercise) {
    const auto presets = gradflow_presets();
    const auto preset = std::find_if(presets.begin(), presets.end(),
                                     [](const GradflowPreset& p) { return p.name.find("0.2 vs 0.5") != std::string_view::npos; });
    ASSERT_NE(preset, presets.end());
    GradflowSettings settings;
    preset->apply(settings);
    ASSERT_EQ(settings.simulation.curves.size(), 2u);
    EXPECT_EQ(ratio_factor_count(settings.simulation.depth), 20);
    const double factors[] = {0.2, 0.5};
    const char* texts[] = {"1.05e-14", "9.54e-07"};
    for (int c = 0; c < 2; ++c) {
        const GradflowResult result = simulate_gradient_flow(settings.simulation.config_for(c));
        const GradientRatio ratio =
            gradient_ratio(quantity_of(result.layers.front(), settings.quantity),
                           quantity_of(result.layers.back(), settings.quantity), finiteness_of(result));
        // The gain is a float setting: 0.2f = 0.2 + 3e-9, so the ratio is (0.2f)^20, 3e-7 above 0.2^20.
        const double gain = settings.simulation.curves[c].gain;
        EXPECT_NEAR(std::pow(10.0, ratio.log10_ratio), std::pow(gain, 20), 1e-9 * std::pow(gain, 20));
        EXPECT_NEAR(std::pow(10.0, ratio.log10_ratio), std::pow(factors[c], 20), 1e-6 * std::pow(factors[c], 20));
        EXPECT_EQ(ratio.ratio_text, texts[c]);
    }
    EXPECT_NE(preset->lesson.find("1.05e-14"), std::string_view::npos);
}

TEST(GradflowPresets, TanhVanishesAtHalfXaviersScaleAndNotWithXavier) {
    const GradflowPreset* preset = find_gradflow_preset("tanh-vanishes");
    ASSERT_NE(preset, nullptr);
    GradflowSettings settings;
    preset->apply(settings);
    ASSERT_EQ(settings.simulation.curves.size(), 2u);
    double ratios[2] = {0, 0}, weight_grads[2] = {0, 0};
    for (int c = 0; c < 2; ++c) {
        const GradflowResult result = simulate_gradient_flow(settings.simulation.config_for(c));
        ratios[c] = std::pow(10.0, gradient_ratio(quantity_of(result.layers.front(), settings.quantity),
                                                  quantity_of(result.layers.back(), settings.quantity),
                                                  finiteness_of(result)).log10_ratio);
        weight_grads[c] = result.layers.front().weight_grad_norm;
    }
    EXPECT_GT(ratios[0], 1e-2) << "Xavier keeps tanh healthy";
    EXPECT_LT(ratios[1], 1e-3) << "gain 0.5 vanishes (the issue's bar)";
    EXPECT_LT(ratios[1], 1e-8);   // the lesson's "~1e-9"
    EXPECT_GT(ratios[1], 1e-10);
    EXPECT_LT(weight_grads[1], 1e-9);  // "~1e-10"
    EXPECT_GT(weight_grads[0], 5e-3);  // "~0.02"
    // "try gain 4": it explodes instead.
    settings.simulation.curves[0].gain = 4;
    const GradflowResult big = simulate_gradient_flow(settings.simulation.config_for(0));
    EXPECT_GT(big.layers.front().act_grad_norm / big.layers.back().act_grad_norm, 1e3);
}

TEST(AttenuationTable, TheChaptersSigmoidColumnBesideTheSimulatedNetworksOwn) {
    const GradflowPreset* preset = find_gradflow_preset("sigmoid-20");
    ASSERT_NE(preset, nullptr);
    GradflowSettings settings;
    preset->apply(settings);
    const GradflowResult result = simulate_gradient_flow(settings.simulation.config_for(0));
    const std::vector<AttenuationRow> rows = attenuation_rows(result, 0.25);
    ASSERT_EQ(rows.size(), 6u);
    const double chapter[] = {1, 0.25, 0.0625, 0.015625, 0.00390625, 0.0009765625};  // 1 → 0.25 → … → 0.0039
    const std::size_t n = result.layers.size();
    for (std::size_t k = 0; k < rows.size(); ++k) {
        EXPECT_EQ(rows[k].layers_back, static_cast<int>(k));
        EXPECT_DOUBLE_EQ(rows[k].best_case, chapter[k]);
        EXPECT_DOUBLE_EQ(rows[k].simulated, result.layers[n - 1 - k].act_grad_norm / result.layers[n - 1].act_grad_norm);
        // With Xavier the weights' factor is near 1, so the network follows the chapter's column
        // (0.233 against 0.25 one layer back) within a factor of two over five layers.
        EXPECT_GT(rows[k].simulated, chapter[k] / 2) << k;
        EXPECT_LT(rows[k].simulated, chapter[k] * 2) << k;
    }
    GradflowResult shallow = result;
    shallow.layers.resize(3);
    EXPECT_EQ(attenuation_rows(shallow, 0.25).size(), 3u);  // no more rows than layers
}

GradflowSettings preset_settings(std::string_view fragment, std::string_view* lesson) {
    for (const GradflowPreset& preset : gradflow_presets()) {
        if (preset.name.find(fragment) == std::string_view::npos) continue;
        GradflowSettings settings;
        preset.apply(settings);
        *lesson = preset.lesson;
        return settings;
    }
    ADD_FAILURE() << "no preset named like " << fragment;
    return {};
}

double ratio_of(const GradflowSettings& settings, int curve) {
    const GradflowResult result = simulate_gradient_flow(settings.simulation.config_for(curve));
    return quantity_of(result.layers.front(), settings.quantity) / quantity_of(result.layers.back(), settings.quantity);
}

TEST(GradflowPresets, TheExplodingPresetsTextMatchesItsRatio) {
    // It said "30 layers explode by ~1e9": the ratio spans 29 layers' factors and reads 2.7e9.
    std::string_view lesson;
    const GradflowSettings settings = preset_settings("exploding", &lesson);
    EXPECT_NE(lesson.find(std::to_string(ratio_factor_count(settings.simulation.depth)) + " layers' factors"),
              std::string_view::npos);
    const double ratio = ratio_of(settings, 0);
    EXPECT_GT(ratio, 1e9);
    EXPECT_LT(ratio, 1e10);
    EXPECT_NE(lesson.find("~3e9"), std::string_view::npos);
    EXPECT_NEAR(std::log10(ratio), std::log10(3e9), 0.5);
}

TEST(GradflowPresets, TheResidualPresetsTextMatchesItsRatios) {
    // It said "even sigmoid trains at depth 100", which this page does not show; it now states the ratios.
    std::string_view lesson;
    const GradflowSettings settings = preset_settings("residual", &lesson);
    ASSERT_EQ(settings.simulation.curves.size(), 2u);
    ASSERT_FALSE(settings.simulation.curves[0].residual);
    ASSERT_TRUE(settings.simulation.curves[1].residual);
    EXPECT_EQ(lesson.find("trains"), std::string_view::npos);
    EXPECT_NEAR(std::log10(ratio_of(settings, 1)), -2, 0.5) << "with the residual: ~1e-2";
    EXPECT_NEAR(std::log10(ratio_of(settings, 0)), -63, 0.5) << "without: ~1e-63";
    EXPECT_NE(lesson.find("~1e-2"), std::string_view::npos);
    EXPECT_NE(lesson.find("~1e-63"), std::string_view::npos);
}

TEST(GradflowLive, CurvesGetTheCoresTrueBoundAfterwardsUpToWidth256) {
    GradflowSimulation simulation;
    simulation.depth = 12;
    simulation.batch = 32;
    simulation.curves[0].activation = activation_index(*find_activation("relu"));
    simulation.curves[0].parameters = find_activation("relu")->defaults();
    simulation.curves[0].init = InitScheme::HeNormal;
    simulation.curves[0].gain = 2;
    simulation.curves.push_back(simulation.curves[0]);
    simulation.curves[1].residual = true;
    GradflowLive live;
    live.request(simulation);
    GradflowSnapshot snapshot = snapshot_with_curves_done(live);
    ASSERT_TRUE(!snapshot.busy || snapshot.map_cells_done > 0);
    for (int c = 0; c < 2; ++c) {
        GradflowControl control;
        control.spectral_bound = true;
        const GradflowResult expected = simulate_gradient_flow(simulation.config_for(c), control);
        ASSERT_TRUE(snapshot.curves[c].has_value());
        EXPECT_EQ(snapshot.curves[c]->act_grad_bound, expected.act_grad_bound) << "curve " << c + 1;
        for (size_t l = 0; l < expected.layers.size(); ++l) {
            EXPECT_LE(snapshot.curves[c]->layers[l].act_grad_norm, snapshot.curves[c]->act_grad_bound[l] * (1 + 1e-12));
        }
    }
    simulation.width = kBoundMaxWidth + 1;
    simulation.depth = 2;
    simulation.batch = 2;
    live.request(simulation);
    snapshot = snapshot_with_curves_done(live);
    ASSERT_TRUE(snapshot.curves[0].has_value());
    EXPECT_TRUE(snapshot.curves[0]->act_grad_bound.empty());
}

}  // namespace
}  // namespace actviz::app
