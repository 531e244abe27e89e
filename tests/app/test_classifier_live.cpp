// The Classifier panel's logic without a window: settings text, presets, what a change of settings
// does to the network being trained, and the automatic steps-per-frame budget.

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <set>
#include <thread>
#include <string>

#include "app/classifier/classifier_collapse.hpp"
#include "app/classifier/classifier_live.hpp"
#include "settings/classifier_settings.hpp"
#include "app/classifier/classifier_timing.hpp"

namespace actviz::app {
namespace {

TEST(HiddenText, ReadsWhatItWrites) {
    std::string error;
    EXPECT_EQ(parse_hidden_text("16, 16", error), (std::vector<int>{16, 16}));
    EXPECT_EQ(parse_hidden_text(" 8,4 ,2", error), (std::vector<int>{8, 4, 2}));
    EXPECT_EQ(parse_hidden_text("", error), std::vector<int>{});
    EXPECT_EQ(parse_hidden_text("0", error), std::vector<int>{});
    for (const std::vector<int>& hidden : {std::vector<int>{}, std::vector<int>{64}, std::vector<int>{3, 5, 7, 1}}) {
        EXPECT_EQ(parse_hidden_text(hidden_text(hidden), error), hidden) << hidden_text(hidden);
    }
}

TEST(HiddenText, RefusesWhatTheNetworkCannotHaveAndSaysWhy) {
    for (const char* text : {"65", "16,0", "-4", "abc", "16,,16", "1,2,3,4,5,6,7,8,9", "16x16", "1e3"}) {
        std::string error;
        EXPECT_FALSE(parse_hidden_text(text, error).has_value()) << text;
        EXPECT_FALSE(error.empty()) << text;
    }
}

TEST(ClassifierPresets, EveryPresetAndVariantIsTrainable) {
    std::set<std::string_view> ids;
    for (const ClassifierPreset& preset : classifier_presets()) {
        EXPECT_TRUE(ids.insert(preset.id).second) << "duplicate id " << preset.id;
        EXPECT_EQ(find_classifier_preset(preset.id), &preset);
        EXPECT_FALSE(preset.lesson.empty()) << preset.id;
        ClassifierSettings settings;
        preset.apply(settings);
        EXPECT_EQ(settings_error(settings), std::nullopt) << preset.id;
        if (!preset.variant_label.empty()) {
            ASSERT_NE(preset.apply_variant, nullptr) << preset.id;
            preset.apply_variant(settings);
            EXPECT_EQ(settings_error(settings), std::nullopt) << preset.id << " variant";
        }
    }
    EXPECT_GE(ids.size(), 7u);  // the seven lessons README lists
    EXPECT_EQ(find_classifier_preset("no-such-preset"), nullptr);
}

TEST(ClassifierPresets, DyingReluWithBiasMinusFiveKillsMostUnits) {
    ClassifierSettings settings;
    find_classifier_preset("dying-relu-bias")->apply(settings);
    ClassifierLive session;
    session.sync(settings);
    ASSERT_NE(session.trainer(), nullptr) << session.error();
    EXPECT_GE(session.trainer()->history().back().dead_fraction, 0.9);
}

ClassifierSettings small_settings() {
    ClassifierSettings settings;
    settings.data.points = 120;
    settings.architecture.hidden = {8, 8};
    settings.run.steps_per_frame = 5;
    settings.run.frame_budget_ms = 1000;  // 5 steps fit, however busy the machine
    return settings;
}

TEST(ClassifierLive, TrainsOnlyWhilePlayingAndTheGivenStepsPerFrame) {
    ClassifierSettings settings = small_settings();
    ClassifierLive session;
    session.sync(settings);
    ASSERT_NE(session.trainer(), nullptr);
    session.train_frame(settings, 0);
    EXPECT_EQ(session.trainer()->steps(), 0);
    settings.run.playing = true;
    session.train_frame(settings, 0);
    session.train_frame(settings, 0);
    EXPECT_EQ(session.trainer()->steps(), 10);
    EXPECT_EQ(session.last_steps(), 5);
}

TEST(ClassifierLive, LearningRateAndActivationChangesKeepTheWeights) {
    ClassifierSettings settings = small_settings();
    settings.run.playing = true;
    ClassifierLive session;
    session.sync(settings);
    session.train_frame(settings, 0);
    const Trainer* before = session.trainer();
    const Vector weights = before->mlp().parameters();

    settings.hyper.learning_rate = 0.05;
    settings.hyper.optimizer = OptimizerKind::RmsProp;
    settings.hyper.activation = activation_index(*find_activation("relu"));
    session.sync(settings);
    EXPECT_EQ(session.trainer(), before);  // not rebuilt
    EXPECT_EQ(session.trainer()->steps(), 5);
    EXPECT_EQ(session.trainer()->mlp().parameters(), weights);
    EXPECT_EQ(session.trainer()->config().optimizer.learning_rate, 0.05);
}

TEST(ClassifierLive, ArchitectureOrDataChangesStartAgainFromTheSeed) {
    ClassifierSettings settings = small_settings();
    settings.run.playing = true;
    ClassifierLive session;
    session.sync(settings);
    session.train_frame(settings, 0);
    settings.architecture.hidden = {4};
    session.sync(settings);
    EXPECT_EQ(session.trainer()->steps(), 0);
    EXPECT_EQ(session.trainer()->mlp().hidden_count(), 1);
    session.train_frame(settings, 0);
    settings.data.noise = 0.4;
    session.sync(settings);
    EXPECT_EQ(session.trainer()->steps(), 0);
}

TEST(ClassifierLive, InvalidSettingsKeepTheLastGoodNetworkAndSayWhy) {
    ClassifierSettings settings = small_settings();
    settings.run.playing = true;
    ClassifierLive session;
    session.sync(settings);
    session.train_frame(settings, 0);
    const Trainer* before = session.trainer();
    settings.data.points = -3;
    session.sync(settings);
    EXPECT_EQ(session.trainer(), before);
    EXPECT_EQ(session.trainer()->steps(), 5);
    EXPECT_FALSE(session.error().empty());
    session.train_frame(settings, 0);  // not with an error showing
    EXPECT_EQ(session.trainer()->steps(), 5);
    settings.data.points = 120;
    session.sync(settings);
    EXPECT_TRUE(session.error().empty());
}

TEST(ClassifierLive, DivergencePausesAndKeepsFiniteWeights) {
    ClassifierSettings settings = small_settings();
    settings.hyper.optimizer = OptimizerKind::Sgd;
    settings.hyper.learning_rate = 10;
    settings.hyper.activation = activation_index(*find_activation("identity"));  // a deep linear net explodes
    settings.architecture.hidden = {64, 64, 64};
    settings.run.playing = true;
    settings.run.steps_per_frame = 20;
    ClassifierLive session;
    session.sync(settings);
    for (int frame = 0; frame < 20 && settings.run.playing; ++frame) session.train_frame(settings, 0);
    ASSERT_TRUE(session.trainer()->divergence().has_value());
    EXPECT_FALSE(settings.run.playing);
    EXPECT_TRUE(session.trainer()->mlp().parameters().allFinite());
    EXPECT_TRUE(std::isfinite(session.trainer()->history().back().train_loss));
}

TEST(ClassifierLive, PointsAddedAndErasedByHandKeepTheWeights) {
    ClassifierSettings settings = small_settings();
    settings.run.playing = true;
    ClassifierLive session;
    session.sync(settings);
    session.train_frame(settings, 0);
    const Vector weights = session.trainer()->mlp().parameters();
    const size_t train = session.trainer()->data().train.size(), test = session.trainer()->data().test.size();

    session.add_point(Point{1.4, -1.4, 2}, false);
    session.add_point(Point{1.45, -1.4, 0}, true);
    EXPECT_EQ(session.trainer()->data().train.size(), train + 1);
    EXPECT_EQ(session.trainer()->data().test.size(), test + 1);
    EXPECT_EQ(session.trainer()->mlp().parameters(), weights);
    EXPECT_EQ(session.trainer()->steps(), 5);

    EXPECT_EQ(session.erase_near(1.42, -1.4, 0.1), 2);  // both, train and test: nothing else is out there
    EXPECT_EQ(session.trainer()->data().train.size(), train);
    EXPECT_EQ(session.trainer()->data().test.size(), test);
    EXPECT_EQ(session.erase_near(5, 5, 0.1), 0);

    settings.hyper.learning_rate = 0.02;  // a setting change keeps the hand-edited data too
    session.add_point(Point{1.4, -1.4, 1}, false);
    session.sync(settings);
    EXPECT_EQ(session.trainer()->data().train.size(), train + 1);
}

// The settings of the report: a frame asked for 1,000 steps of this took 35-48 s.
ClassifierSettings heavy_settings() {
    ClassifierSettings settings;
    settings.data.points = 5000;
    settings.architecture.hidden = std::vector<int>(8, 64);
    settings.hyper.activation = activation_index(*find_activation("gelu"));
    settings.hyper.batch = 0;  // full batch
    settings.run.steps_per_frame = 1000;
    settings.run.playing = true;
    return settings;
}

TEST(ClassifierLive, AThousandRequestedStepsOfAnExpensiveNetworkStopAtTheFramesBudget) {
    ClassifierSettings settings = heavy_settings();
    ClassifierLive session;
    session.sync(settings);
    ASSERT_NE(session.trainer(), nullptr) << session.error();
    session.train_frame(settings, 0);
    EXPECT_GE(session.last_steps(), 1);
    EXPECT_LT(session.last_steps(), 1000);
    EXPECT_EQ(session.trainer()->steps(), session.last_steps());
    // Automatic mode is bound by the same budget.
    settings.run.automatic = true;
    session.train_frame(settings, 0);
    EXPECT_GE(session.last_steps(), 1);
    EXPECT_LT(session.last_steps(), 1000);
}

TEST(ClassifierLive, StepsPerFrameAreACeilingUnderTheBudgetNeverAPromise) {
    ClassifierSettings settings = small_settings();
    settings.run.playing = true;
    settings.run.steps_per_frame = 1000;
    ClassifierLive session;
    session.sync(settings);
    // The rest of the last frame took the whole budget: one step (training still moves), not 1,000.
    session.train_frame(settings, settings.run.frame_budget_ms);
    EXPECT_EQ(session.last_steps(), 1);
    session.train_frame(settings, 10 * settings.run.frame_budget_ms);
    EXPECT_EQ(session.last_steps(), 1);
    EXPECT_EQ(session.trainer()->steps(), 2);
    EXPECT_EQ(session.trainer()->history().back().step, 2);  // the charts follow every frame
    settings.run.automatic = true;
    session.train_frame(settings, settings.run.frame_budget_ms);
    EXPECT_EQ(session.last_steps(), 1);
    EXPECT_EQ(settings.run.steps_per_frame, 1);  // automatic mode shows what fitted
}

TEST(ClassifierLive, TheStepRateIsMeasuredWhilePlayingAndClearedWhenPaused) {
    ClassifierSettings settings = small_settings();
    settings.run.playing = true;
    ClassifierLive session;
    session.sync(settings);
    for (int frame = 0; frame < 3; ++frame) {
        session.train_frame(settings, 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    EXPECT_GT(session.steps_per_second(), 0);
    settings.run.playing = false;
    session.train_frame(settings, 0);
    EXPECT_EQ(session.steps_per_second(), 0);
}

// 100,000 points made every frame wait for an evaluation of all of them (~150 ms): a record dearer
// than a quarter of the frame's budget is computed beside the frame from a copy of the weights and
// taken in at a later frame, and so is one asked for while paused.
TEST(ClassifierLive, ADearRecordIsComputedBesideTheFrameAndTakenInLater) {
    ClassifierSettings settings = small_settings();
    settings.run.playing = true;
    settings.run.steps_per_frame = 1;
    settings.run.frame_budget_ms = 1e6;  // first, a budget every record fits in
    settings.data.points = 20000;  // a record takes milliseconds: long enough to be caught in flight
    ClassifierLive session;
    session.sync(settings);
    session.train_frame(settings, 0);  // cheap: recorded in the frame, and measured
    session.settle(settings.run.frame_budget_ms);
    EXPECT_EQ(session.trainer()->history().back().step, 1);
    EXPECT_EQ(session.versions().recorded, session.versions().model);
    settings.run.frame_budget_ms = 1e-6;  // every record is dear against this budget
    session.train_frame(settings, 0);  // dear now: handed to the worker, not in the history yet
    EXPECT_EQ(session.trainer()->steps(), 2);
    EXPECT_EQ(session.trainer()->history().back().step, 1);
    // Later frames take it in: the record of step 2, while training went on.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (session.trainer()->history().back().step < 2 && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        session.train_frame(settings, 0);
    }
    const std::vector<HistoryRecord>& history = session.trainer()->history();
    ASSERT_GE(history.back().step, 2) << "the worker's record never arrived";
    EXPECT_LT(history.back().step, session.trainer()->steps()) << "taken in frames after it was asked for";
    for (size_t i = 1; i < history.size(); ++i) EXPECT_LE(history[i - 1].step, history[i].step);
    // Paused while a record is on its way: it is of the model on screen, so the pause asks for no
    // other and no frame waits for it; once it arrives it is the last record, of the trainer's step.
    const auto in_flight_by = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    bool caught = false;  // seen in flight once (it may finish at any moment after)
    while (!(caught = session.record_in_flight()) && std::chrono::steady_clock::now() < in_flight_by) session.train_frame(settings, 0);
    ASSERT_TRUE(caught) << "no record was being computed when training paused";
    settings.run.playing = false;
    // Frames until the model on screen is recorded: a record of an older model (one on its way
    // since before the last steps) is taken in first, then the model's own is asked for.
    const auto arrived = [&] {
        const auto by = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        do {
            while (session.record_in_flight()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            session.train_frame(settings, 0);
            session.settle(settings.run.frame_budget_ms);
        } while (session.versions().recorded != session.versions().model && std::chrono::steady_clock::now() < by);
    };
    arrived();
    EXPECT_EQ(session.trainer()->history().back().step, session.trainer()->steps());
    EXPECT_EQ(session.versions().recorded, session.versions().model);
    const size_t records = session.trainer()->history().size();
    session.train_frame(settings, 0);
    session.settle(settings.run.frame_budget_ms);
    EXPECT_EQ(session.trainer()->history().size(), records) << "the paused model recorded twice";
    // A change while paused (another activation) is recorded beside the frame too: the frame that
    // asks for it goes on, and a later one takes in the record of the changed model at the same step.
    settings.hyper.activation = activation_index(*find_activation("relu"));
    session.sync(settings);
    session.train_frame(settings, 0);
    session.settle(settings.run.frame_budget_ms);
    // Not yet recorded (not "in flight": on a busy machine the worker may have finished already;
    // only a later frame takes its record in).
    EXPECT_NE(session.versions().recorded, session.versions().model);
    EXPECT_EQ(session.trainer()->history().size(), records) << "recorded in the frame";
    arrived();
    ASSERT_EQ(session.trainer()->history().size(), records + 1);
    EXPECT_EQ(session.trainer()->history().back().step, session.trainer()->steps());
    EXPECT_EQ(session.versions().recorded, session.versions().model);
    Trainer reference(*session.trainer());
    reference.record();  // the same model, recorded in the frame
    EXPECT_EQ(session.trainer()->history().back().train_loss, reference.history().back().train_loss);
    EXPECT_EQ(session.trainer()->history().back().test_accuracy, reference.history().back().test_accuracy);
    // The Step button and a weight set by hand (and its undo) go the same way: the frame goes on,
    // and a later one takes in the record of that model.
    struct Change {
        const char* name;
        int steps;  // optimiser steps it takes
        std::function<bool()> apply;
    };
    const std::vector<Change> changes = {
        {"single step", 1, [&] { session.single_step(); return true; }},
        {"weight set by hand", 0, [&] { return session.edit_weight(0, 1, 0, 2.5); }},
        {"weight edit undone", 0, [&] { return session.undo_weight_edit(); }},
    };
    for (const auto& [name, steps_taken, apply] : changes) {
        const int steps = session.trainer()->steps();
        const size_t before = session.trainer()->history().size();
        ASSERT_TRUE(apply()) << name;
        session.train_frame(settings, 0);
        session.settle(settings.run.frame_budget_ms);
        EXPECT_NE(session.versions().recorded, session.versions().model) << name;
        EXPECT_EQ(session.trainer()->history().size(), before) << name << ": recorded in the frame";
        arrived();
        ASSERT_EQ(session.trainer()->history().size(), before + 1) << name;
        EXPECT_EQ(session.trainer()->history().back().step, session.trainer()->steps()) << name;
        EXPECT_EQ(session.trainer()->steps(), steps + steps_taken) << name;
        Trainer same(*session.trainer());
        same.record();
        EXPECT_EQ(session.trainer()->history().back().train_loss, same.history().back().train_loss) << name;
    }
}

// Dragging the points slider at 100,000 points rebuilt the network in every frame of the drag
// (~150 ms each): a rebuild that was dear waits while a slider is held and is made once, when it is
// let go; a cheap one follows the slider. The step-0 record a rebuild takes tells what a record
// costs, so the first record after a dear rebuild goes beside the frame.
TEST(ClassifierLive, ADearRebuildWaitsWhileASliderIsHeldAndItsFirstRecordGoesBesideTheFrame) {
    ClassifierSettings settings = small_settings();
    settings.run.frame_budget_ms = 1e-6;  // every rebuild and record is dear against this budget
    ClassifierLive session;
    session.sync(settings, kDefaultMemoryBudget, true);  // nothing to keep yet: built even while held
    const Trainer* first = session.trainer();
    ASSERT_NE(first, nullptr);
    EXPECT_GT(session.rebuild_ms(), 0);
    for (int points : {130, 140, 150}) {
        settings.data.points = points;
        session.sync(settings, kDefaultMemoryBudget, true);
        EXPECT_EQ(session.trainer(), first) << points;
        EXPECT_TRUE(session.rebuild_waiting()) << points;
        EXPECT_EQ(session.trainer_built_for(settings), nullptr) << points;
    }
    session.sync(settings, kDefaultMemoryBudget, false);  // let go
    EXPECT_FALSE(session.rebuild_waiting());
    ASSERT_NE(session.trainer_built_for(settings), nullptr);
    EXPECT_EQ(session.trainer()->data().train.size() + session.trainer()->data().test.size(), 150u);
    settings.run.playing = true;
    session.train_frame(settings, 0);
    EXPECT_EQ(session.trainer()->steps(), 1);
    EXPECT_EQ(session.trainer()->history().back().step, 0) << "the first record after a dear rebuild was taken in the frame";
    EXPECT_NE(session.versions().recorded, session.versions().model);
    // Against the usual budget the rebuild is cheap: it follows the slider while it is held.
    settings.run.frame_budget_ms = 1e6;
    settings.data.points = 160;
    session.sync(settings, kDefaultMemoryBudget, true);
    EXPECT_FALSE(session.rebuild_waiting());
    EXPECT_NE(session.trainer_built_for(settings), nullptr);
}

// The panel's dear rebuild (100,000 points: 400 ms) is made on a worker: the frame goes on with
// the old network on screen, not training; the newest settings win; settings brought back to the
// network on screen drop the one being made.
TEST(ClassifierLive, ADearRebuildIsMadeBesideTheFrameWhileTheOldNetworkWaits) {
    using Dear = ClassifierLive::DearRebuild;
    ClassifierSettings settings = small_settings();
    settings.run.frame_budget_ms = 1e-6;  // every rebuild is dear against this budget
    settings.run.playing = true;
    ClassifierLive session;
    session.sync(settings, kDefaultMemoryBudget, false, Dear::BesideTheFrame);  // nothing on screen yet: made at once
    const Trainer* first = session.trainer();
    ASSERT_NE(first, nullptr);
    EXPECT_FALSE(session.rebuilding());
    settings.data.points = 150;
    session.sync(settings, kDefaultMemoryBudget, false, Dear::BesideTheFrame);
    EXPECT_EQ(session.trainer(), first);
    EXPECT_TRUE(session.rebuilding());
    EXPECT_EQ(session.trainer_built_for(settings), nullptr) << "a save now would pair the new settings with the old weights";
    session.train_frame(settings, 0);
    session.single_step();
    session.add_point(Point{0.1, 0.2, 0}, false);
    EXPECT_EQ(first->steps(), 0) << "the old network trained under settings that are no longer its own";
    EXPECT_EQ(first->data().train.size() + first->data().test.size(), 120u) << "a point added to a network about to vanish";
    settings.data.points = 160;  // changed again while the first is being made: only the newest arrives
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    std::size_t points_seen = 0;
    while (!session.trainer_built_for(settings) && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        session.sync(settings, kDefaultMemoryBudget, false, Dear::BesideTheFrame);
        if (session.trainer() != first) points_seen = session.trainer()->data().train.size() + session.trainer()->data().test.size();
        ASSERT_TRUE(session.trainer() == first || points_seen == 160u) << points_seen;
    }
    ASSERT_NE(session.trainer_built_for(settings), nullptr);
    EXPECT_FALSE(session.rebuilding());
    // Exactly the network the frame would have made.
    ClassifierLive reference;
    reference.sync(settings);
    EXPECT_EQ(session.trainer()->history().back().train_loss, reference.trainer()->history().back().train_loss);
    EXPECT_TRUE(session.trainer()->mlp().parameters() == reference.trainer()->mlp().parameters());
    session.train_frame(settings, 0);
    EXPECT_EQ(session.trainer()->steps(), 1) << "the new network trains";
    // Asked for another, then back to the one on screen: the one being made is dropped.
    const Trainer* shown = session.trainer();
    settings.data.points = 170;
    session.sync(settings, kDefaultMemoryBudget, false, Dear::BesideTheFrame);
    EXPECT_TRUE(session.rebuilding());
    settings.data.points = 160;
    session.sync(settings, kDefaultMemoryBudget, false, Dear::BesideTheFrame);
    EXPECT_FALSE(session.rebuilding());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    session.sync(settings, kDefaultMemoryBudget, false, Dear::BesideTheFrame);
    EXPECT_EQ(session.trainer(), shown);
    EXPECT_EQ(session.trainer()->steps(), 1);
}

// Reset at 100,000 points records step 0 over all the data (130 ms): the panel's goes beside the
// frame, and gives exactly what a reset in the frame gives, hand-added points kept.
TEST(ClassifierLive, ADearResetIsMadeBesideTheFrameAndEqualsAResetInTheFrame) {
    using Dear = ClassifierLive::DearRebuild;
    ClassifierSettings settings = small_settings();
    settings.run.playing = true;
    ClassifierLive session, twin;
    for (ClassifierLive* live : {&session, &twin}) {
        live->sync(settings);
        live->add_point(Point{0.1, 0.2, 1}, false);
        for (int frame = 0; frame < 3; ++frame) live->train_frame(settings, 0);
        ASSERT_GT(live->trainer()->steps(), 0);
    }
    twin.reset();  // in the frame
    const double budget = 1e-6;  // every reset is dear against this budget
    const Trainer* before = session.trainer();
    const std::int64_t steps = before->steps();
    session.reset(Dear::BesideTheFrame, budget);
    EXPECT_TRUE(session.rebuilding());
    EXPECT_EQ(session.trainer(), before);
    EXPECT_EQ(before->steps(), steps) << "reset in the frame";
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (session.rebuilding() && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        session.sync(settings, kDefaultMemoryBudget, false, Dear::BesideTheFrame);  // its own settings: the reset stays
    }
    ASSERT_NE(session.trainer(), before) << "the reset was dropped";
    const Trainer& reset = *session.trainer();
    EXPECT_EQ(reset.steps(), 0);
    EXPECT_EQ(reset.data().train.size() + reset.data().test.size(), 121u) << "the hand-added point";
    EXPECT_TRUE(reset.mlp().parameters() == twin.trainer()->mlp().parameters());
    ASSERT_EQ(reset.history().size(), 1u);
    EXPECT_EQ(reset.history().back().train_loss, twin.trainer()->history().back().train_loss);
    EXPECT_EQ(reset.history().back().test_accuracy, twin.trainer()->history().back().test_accuracy);
    EXPECT_FALSE(session.as_built_from_settings()) << "its points were edited: saving it adds what the settings do not say";
    EXPECT_EQ(session.versions().recorded, session.versions().model);
    // And both train on alike.
    session.train_frame(settings, 0);
    twin.train_frame(settings, 0);
    EXPECT_EQ(session.trainer()->steps(), twin.trainer()->steps());
    EXPECT_TRUE(session.trainer()->mlp().parameters() == twin.trainer()->mlp().parameters());
}

// A network's cost scales with its points: going from 120 to 12,000 at once is known to be dear
// before it is made (a CSV of 100,000 points imported, a number typed), not found out in a frame of 400 ms.
TEST(ClassifierLive, AJumpToManyMorePointsIsKnownToBeDearBeforeItIsMade) {
    using Dear = ClassifierLive::DearRebuild;
    ClassifierSettings settings = small_settings();
    ClassifierLive session;
    session.sync(settings, kDefaultMemoryBudget, false, Dear::BesideTheFrame);
    ASSERT_NE(session.trainer(), nullptr);
    // A budget twice the last network's cost is spared for it: one of the same size is cheap...
    settings.run.frame_budget_ms = 2 * session.rebuild_ms() / kDearWorkShare;
    settings.architecture.seed += 1;
    session.sync(settings, kDefaultMemoryBudget, false, Dear::BesideTheFrame);
    EXPECT_FALSE(session.rebuilding());
    EXPECT_NE(session.trainer_built_for(settings), nullptr) << "a network as dear as the last was not made at once";
    // ...and one of a hundred times the points is not.
    settings.run.frame_budget_ms = 2 * session.rebuild_ms() / kDearWorkShare;
    settings.data.points = 12000;
    session.sync(settings, kDefaultMemoryBudget, false, Dear::BesideTheFrame);
    EXPECT_TRUE(session.rebuilding()) << "made in the frame: expected " << session.expected_rebuild_ms() << " ms";
    EXPECT_GT(session.expected_rebuild_ms(), 50 * session.rebuild_ms());
}

TEST(LinearTwin, CatchesUpWithinItsBudgetAndRecordsOncePerCall) {
    ClassifierSettings settings = small_settings();
    settings.architecture.hidden = {8, 8};
    settings.hyper.activation = activation_index(*find_activation("identity"));
    Trainer followed(make_dataset(to_dataset_config(settings)), to_trainer_config(settings));
    followed.step(3000);
    LinearTwin twin;
    twin.follow(followed, std::chrono::nanoseconds(1));  // the first step always runs
    ASSERT_NE(twin.trainer(), nullptr);
    EXPECT_GE(twin.trainer()->steps(), 1);
    EXPECT_LT(twin.trainer()->steps(), 3000);
    EXPECT_EQ(twin.trainer()->history().size(), 2u);  // step 0 and this call's one record
    EXPECT_EQ(twin.trainer()->mlp().hidden_count(), 0);
    for (int call = 0; call < 100 && twin.trainer()->steps() < 3000; ++call) twin.follow(followed, std::chrono::seconds(1));
    EXPECT_EQ(twin.trainer()->steps(), 3000);
    EXPECT_EQ(twin.trainer()->history().back().step, 3000);
    followed.reset();  // back to step 0: the twin starts again
    twin.follow(followed);
    EXPECT_EQ(twin.trainer()->steps(), 0);
}

TEST(StepRate, FramesSlowerThanASecondStillGiveTheirRate) {
    using namespace std::chrono;
    const steady_clock::time_point t0{};
    StepRate rate;
    EXPECT_EQ(rate.per_second(), 0);
    rate.add(t0, 3);
    rate.add(t0 + seconds(10), 3);  // one frame of ten seconds: 0.3 steps/s, not "0 steps/s"
    EXPECT_DOUBLE_EQ(rate.per_second(), 0.3);
    rate.add(t0 + seconds(20), 5);
    EXPECT_DOUBLE_EQ(rate.per_second(), 0.5);
}

TEST(StepRate, AveragesTheLastSecondOfFastFrames) {
    using namespace std::chrono;
    const steady_clock::time_point t0{};
    StepRate rate;
    for (int frame = 0; frame <= 300; ++frame) rate.add(t0 + milliseconds(10 * frame), frame < 200 ? 1 : 4);
    EXPECT_NEAR(rate.per_second(), 400, 1);  // the last second only: 4 steps every 10 ms
}

TEST(FrameLoop, DrawsNothingWhileMinimisedOrWithoutPixels) {
    EXPECT_TRUE(window_drawable(false, 1600, 960));
    EXPECT_FALSE(window_drawable(true, 1600, 960));  // X11 keeps the framebuffer size when minimised
    EXPECT_FALSE(window_drawable(false, 0, 0));
    EXPECT_FALSE(window_drawable(false, 1600, 0));
}

TEST(FrameBreakdown, MedianOfTotalsNotSumOfMedians) {
    FrameBreakdown breakdown(3);
    breakdown.add({10, 0, 0, 0});
    breakdown.add({0, 10, 0, 0});
    breakdown.add({1, 1, 0, 0});
    EXPECT_DOUBLE_EQ(breakdown.median(FramePhase::Train), 1);
    EXPECT_DOUBLE_EQ(breakdown.median(FramePhase::Planes), 1);
    EXPECT_DOUBLE_EQ(breakdown.median_total(), 10);
    breakdown.add({5, 5, 5, 5});  // replaces the oldest frame
    EXPECT_EQ(breakdown.frames(), 3);
    EXPECT_DOUBLE_EQ(breakdown.median(FramePhase::Train), 1);
    EXPECT_DOUBLE_EQ(breakdown.median_total(), 10);
}

}  // namespace
}  // namespace actviz::app
