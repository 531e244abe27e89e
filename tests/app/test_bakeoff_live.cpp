// The Bake-off panel's settings and session without a window: the contest's limits, the seed
// offset of the background bake-off, lockstep training through the frame's budget, the extra
// seeds trained on the worker and gathered into the table, and a restart on any change.

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "app/bakeoff/bakeoff_live.hpp"
#include "app/bakeoff/bakeoff_views.hpp"
#include "settings/bakeoff_settings.hpp"

namespace actviz::app {
namespace {

BakeoffSettings small_contest() {
    BakeoffSettings settings;
    settings.contest.data.points = 200;
    settings.contest.architecture.hidden = {8, 8};
    settings.activations = {activation_index(*find_activation("tanh")), activation_index(*find_activation("relu")),
                            activation_index(*find_activation("sigmoid"))};
    settings.seeds = 3;
    return settings;
}

TEST(BakeoffSettings, TwoToEightActivationsAndAValidContest) {
    BakeoffSettings settings;
    EXPECT_EQ(settings.activations.size(), 7u);  // the classic comparison by default
    EXPECT_FALSE(bakeoff_settings_error(settings));
    settings.activations.resize(1);
    EXPECT_TRUE(bakeoff_settings_error(settings));
    settings.activations.assign(9, 0);
    EXPECT_TRUE(bakeoff_settings_error(settings));
    settings = BakeoffSettings();
    settings.contest.hyper.learning_rate = -1;
    EXPECT_TRUE(bakeoff_settings_error(settings));
    for (const BakeoffPreset& preset : bakeoff_presets()) {
        BakeoffSettings applied;
        preset.apply(applied);
        EXPECT_FALSE(bakeoff_settings_error(applied)) << preset.id;
        EXPECT_TRUE(applied.playing) << preset.id;
        EXPECT_EQ(find_bakeoff_preset(preset.id), &preset);
    }
}

TEST(BakeoffSettings, BackgroundSeedsContinueAfterSeedZero) {
    BakeoffSettings settings = small_contest();
    settings.contest.architecture.seed = 7;
    const BakeoffConfig extra = to_bakeoff_config(settings, 1, 2);
    EXPECT_EQ(extra.trainer.model.seed, 8u);
    EXPECT_EQ(extra.seeds, 2);
    EXPECT_EQ(extra.activations.size(), 3u);
}

TEST(BakeoffLive, TrainsInLockstepAndGathersTheBackgroundSeeds) {
    BakeoffSettings settings = small_contest();
    settings.playing = true;
    settings.max_steps_per_frame = 5;  // bounds the work, whatever the machine's speed
    BakeoffLive session;
    session.sync(settings);
    ASSERT_TRUE(session.bakeoff()) << session.error();
    for (int frame = 0; frame < 20; ++frame) session.train_frame(settings, 5.0);
    const Bakeoff& bakeoff = *session.bakeoff();
    const auto steps_of = [&](int i) { return bakeoff.contestant(i).trainer().steps(); };
    // On a busy machine the 5 ms may run out in the middle of a round: the contestants before the
    // round's position are then one step ahead, never more, and the rest one behind.
    const std::int64_t ahead = steps_of(0);
    EXPECT_GE(ahead, 7);  // at least one contestant's step a frame (20 among three), at most five rounds
    EXPECT_LE(ahead, 100);
    for (int a = 1; a < bakeoff.activation_count(); ++a) {
        EXPECT_LE(steps_of(a), ahead);
        EXPECT_GE(steps_of(a), ahead - 1);
        EXPECT_LE(steps_of(a), steps_of(a - 1)) << "the ones ahead come first";
    }
    // A frame with time for one round ends the round in progress; then every contestant is at one step.
    const bool mid_round = bakeoff.round_unfinished();
    settings.max_steps_per_frame = 1;
    session.train_frame(settings, 10000.0);
    settings.max_steps_per_frame = 5;
    const std::int64_t steps = steps_of(0);
    EXPECT_EQ(steps, mid_round ? ahead : ahead + 1);
    EXPECT_FALSE(bakeoff.round_unfinished());
    for (int a = 1; a < bakeoff.activation_count(); ++a) EXPECT_EQ(bakeoff.contestant(a, 0).trainer().steps(), steps);
    // The worker follows seed 0 up to its step, never beyond.
    for (int wait = 0; wait < 1000 && session.background_steps() < steps; ++wait) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_EQ(session.background_steps(), steps);
    const std::vector<ActivationSummary> table = session.table();
    ASSERT_EQ(table.size(), 3u);
    for (const ActivationSummary& row : table) {
        EXPECT_EQ(row.seeds, 3);
        EXPECT_EQ(row.final_train_loss.count, 3);
    }
    // Pausing records the last steps for the charts: in this frame, or, when records are dear (a
    // busy machine, a sanitizer build), beside it and taken in by a later frame, which the panel
    // keeps drawing while work is outstanding.
    settings.playing = false;
    session.train_frame(settings, 5.0);
    for (int frame = 0; frame < 1000 && session.work_outstanding(); ++frame) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        session.train_frame(settings, 5.0);
    }
    EXPECT_EQ(bakeoff.contestant(0).trainer().history().back().step, steps);
    // A minimum pace may take the frame past its budget by one contestant's step, never more: with
    // no time left in the frame, one contestant's step (training still moves), however many the
    // pace asks; the lockstep round goes on in the next frame.
    settings.playing = true;
    session.train_frame(settings, 0.0, 4);
    EXPECT_EQ(steps_of(0), steps + 1);
    EXPECT_EQ(steps_of(1), steps);
    session.train_frame(settings, -100.0, 50);
    EXPECT_EQ(steps_of(1), steps + 1);
    EXPECT_EQ(steps_of(2), steps);
    // With time to spare the pace is met, within the cap: the round in progress ends, four more follow.
    session.train_frame(settings, 10000.0, 50);
    for (int i = 0; i < bakeoff.size(); ++i) EXPECT_EQ(steps_of(i), steps + 5) << i;  // max_steps_per_frame = 5
    // Any change of the contest restarts it from step 0.
    settings.contest.hyper.learning_rate = 0.02;
    session.sync(settings);
    ASSERT_TRUE(session.bakeoff());
    EXPECT_EQ(session.bakeoff()->contestant(0).trainer().steps(), 0);
    // Invalid settings keep the last good contest and say why.
    settings.activations.resize(1);
    session.sync(settings);
    EXPECT_FALSE(session.error().empty());
    EXPECT_TRUE(session.bakeoff());
}

// The step budget: seed 0 stops at it and pauses; the background seeds catch up to the same step;
// only then is the contest final, and the verdict is over every seed at the budget. Raised, the
// contest goes on from where it stopped; lowered below the current step, it restarts.
TEST(BakeoffLive, TheStepBudgetStopsTheContestAndItIsFinalOnlyWhenEverySeedIsThere) {
    BakeoffSettings settings = small_contest();
    settings.playing = true;
    settings.max_steps_per_frame = 7;
    settings.step_budget = 30;
    BakeoffLive session;
    session.sync(settings);
    ASSERT_TRUE(session.bakeoff()) << session.error();
    EXPECT_FALSE(session.is_final());
    for (int frame = 0; frame < 20 && settings.playing; ++frame) session.train_frame(settings, 1000.0, 7);
    EXPECT_FALSE(settings.playing);  // paused itself at the budget
    const Bakeoff& bakeoff = *session.bakeoff();
    for (int i = 0; i < bakeoff.size(); ++i) EXPECT_EQ(bakeoff.contestant(i).trainer().steps(), 30);
    EXPECT_TRUE(session.at_budget());
    settings.playing = true;  // Play at the budget does nothing
    session.train_frame(settings, 1000.0, 7);
    EXPECT_FALSE(settings.playing);
    EXPECT_EQ(bakeoff.contestant(0).trainer().steps(), 30);
    // Paused frames take in the last records (beside the frame when they are dear) while the
    // background seeds catch up.
    for (int wait = 0; wait < 1000 && !session.is_final(); ++wait) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        session.train_frame(settings, 1000.0, 7);
    }
    ASSERT_TRUE(session.is_final());
    EXPECT_EQ(session.background_steps(), 30);
    const BakeoffVerdict verdict = session.verdict();
    EXPECT_EQ(verdict.seeds, 3);
    EXPECT_EQ(verdict.common_step, 30);
    EXPECT_EQ(verdict.test_points, 40);  // 20% of 200 points
    EXPECT_EQ(verdict_lines(verdict).size(), 3u);
    for (const ActivationSummary& row : session.table()) EXPECT_EQ(row.final_train_loss.count, 3);
    // Raised: the same contest goes on to the new budget (no restart), and is not final until there.
    settings.step_budget = 44;
    session.sync(settings);
    EXPECT_EQ(session.bakeoff(), &bakeoff);
    EXPECT_FALSE(session.is_final());
    settings.playing = true;
    for (int frame = 0; frame < 20 && settings.playing; ++frame) session.train_frame(settings, 1000.0, 7);
    EXPECT_EQ(bakeoff.contestant(0).trainer().steps(), 44);
    // Frames go on while the table is not final (the panel asks for them): the first records the
    // last steps, which the final verdict waits for too.
    for (int wait = 0; wait < 1000 && !session.is_final(); ++wait) {
        session.train_frame(settings, 1000.0, 7);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_TRUE(session.is_final());
    EXPECT_EQ(session.background_steps(), 44);
    // Lowered below the current step: a new contest from step 0.
    settings.step_budget = 10;
    session.sync(settings);
    ASSERT_TRUE(session.bakeoff());
    EXPECT_EQ(session.bakeoff()->contestant(0).trainer().steps(), 0);
    EXPECT_FALSE(session.is_final());
}

TEST(BakeoffLive, AnExpensiveContestStopsAtTheFramesBudgetAndReportsItsTrueRate) {
    BakeoffSettings settings = small_contest();
    settings.contest.data.points = 5000;
    settings.contest.architecture.hidden = std::vector<int>(8, 64);
    settings.seeds = 1;
    settings.playing = true;
    settings.max_steps_per_frame = 1000;
    BakeoffLive session;
    session.sync(settings);
    ASSERT_TRUE(session.bakeoff()) << session.error();
    // The panel's default pace (60 steps/s at the 10 fps it assumes at worst) asks 6 rounds a frame:
    // 18 contestants' steps. The budget lets a frame take one or a few, never the whole pace.
    const auto contestant_steps = [&] {
        std::int64_t steps = 0;
        for (int i = 0; i < session.bakeoff()->size(); ++i) steps += session.bakeoff()->contestant(i).trainer().steps();
        return steps;
    };
    for (int frame = 0; frame < 3; ++frame) {
        const std::int64_t before = contestant_steps();
        session.train_frame(settings, settings.frame_budget_ms, 6);
        EXPECT_GE(contestant_steps() - before, 1) << "frame " << frame;
        EXPECT_LT(contestant_steps() - before, 6 * session.bakeoff()->size()) << "frame " << frame;
    }
    EXPECT_GT(session.steps_per_second(), 0);  // training: never "0 steps/s"
    settings.playing = false;
    session.train_frame(settings, settings.frame_budget_ms);
    EXPECT_EQ(session.steps_per_second(), 0);
}

// A contest restarts on any change of it: a dear one (5,000 points through 8 × 64 took ~350 ms)
// waits while a slider is held and restarts once, when it is let go.
TEST(BakeoffLive, ADearRestartWaitsWhileASliderIsHeld) {
    BakeoffSettings settings = small_contest();
    settings.frame_budget_ms = 1e-6;  // every restart is dear against this budget
    BakeoffLive session;
    session.sync(settings, kDefaultMemoryBudget, true);
    const Bakeoff* first = session.bakeoff();
    ASSERT_NE(first, nullptr) << session.error();
    EXPECT_GT(session.rebuild_ms(), 0);
    const double built_rate = settings.contest.hyper.learning_rate;
    for (double rate : {0.02, 0.03, 0.04}) {
        settings.contest.hyper.learning_rate = rate;
        session.sync(settings, kDefaultMemoryBudget, true);
        EXPECT_EQ(session.bakeoff(), first) << rate;
        EXPECT_TRUE(session.rebuild_waiting()) << rate;
        // What a contestant opened in the Classifier meanwhile is trained with: the contest's own.
        EXPECT_EQ(session.built_contest(settings.contest).hyper.learning_rate, built_rate) << rate;
    }
    session.sync(settings, kDefaultMemoryBudget, false);  // let go
    EXPECT_FALSE(session.rebuild_waiting());
    ASSERT_NE(session.bakeoff(), nullptr);
    EXPECT_NE(session.bakeoff(), first);
    EXPECT_EQ(session.bakeoff()->contestant(0).trainer().config().optimizer.learning_rate, 0.04);
    settings.frame_budget_ms = 1e6;  // cheap against this one: the contest follows the slider
    settings.contest.hyper.learning_rate = 0.05;
    session.sync(settings, kDefaultMemoryBudget, true);
    EXPECT_FALSE(session.rebuild_waiting());
    EXPECT_EQ(session.bakeoff()->contestant(0).trainer().config().optimizer.learning_rate, 0.05);
}

// The panel's dear restart (5,000 points through 8 × 64 for seven activations: 377 ms) is made on
// a worker: the old contest stays on screen, not training; the newest settings win; settings
// brought back to the contest on screen drop the one being made.
TEST(BakeoffLive, ADearRestartIsMadeBesideTheFrameWhileTheOldContestWaits) {
    using Dear = BakeoffLive::DearRebuild;
    BakeoffSettings settings = small_contest();
    settings.frame_budget_ms = 1e-6;  // every restart is dear against this budget
    settings.playing = true;
    BakeoffLive session;
    session.sync(settings, kDefaultMemoryBudget, false, Dear::BesideTheFrame);  // nothing on screen yet: made at once
    const Bakeoff* first = session.bakeoff();
    ASSERT_NE(first, nullptr) << session.error();
    settings.contest.hyper.learning_rate = 0.02;
    session.sync(settings, kDefaultMemoryBudget, false, Dear::BesideTheFrame);
    EXPECT_EQ(session.bakeoff(), first);
    EXPECT_TRUE(session.rebuilding());
    session.train_frame(settings, 1e6);
    EXPECT_EQ(first->contestant(0).trainer().steps(), 0) << "the old contest trained under settings no longer its own";
    settings.contest.hyper.learning_rate = 0.03;  // changed again while the first is being made: only the newest arrives
    session.sync(settings, kDefaultMemoryBudget, false, Dear::BesideTheFrame);
    settings.step_budget += 100;  // and the step budget while that one is made: the same contest, a new budget
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (session.bakeoff() == first && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        session.sync(settings, kDefaultMemoryBudget, false, Dear::BesideTheFrame);
    }
    ASSERT_NE(session.bakeoff(), first);
    EXPECT_FALSE(session.rebuilding());
    EXPECT_EQ(session.bakeoff()->contestant(0).trainer().config().optimizer.learning_rate, 0.03);
    EXPECT_EQ(session.built_contest(settings.contest).hyper.learning_rate, 0.03);
    EXPECT_EQ(session.bakeoff()->step_budget(), settings.step_budget) << "the contest would stop at the old budget";
    // Exactly the contest the frame would have made.
    BakeoffLive reference;
    reference.sync(settings);
    for (int i = 0; i < session.bakeoff()->size(); ++i) {
        EXPECT_TRUE(session.bakeoff()->contestant(i).trainer().mlp().parameters() ==
                    reference.bakeoff()->contestant(i).trainer().mlp().parameters()) << i;
    }
    session.train_frame(settings, 1e6);
    EXPECT_GE(session.bakeoff()->contestant(0).trainer().steps(), 1) << "the new contest trains";
    // Asked for another, then back to the one on screen: the one being made is dropped.
    const Bakeoff* shown = session.bakeoff();
    settings.contest.hyper.learning_rate = 0.04;
    session.sync(settings, kDefaultMemoryBudget, false, Dear::BesideTheFrame);
    EXPECT_TRUE(session.rebuilding());
    settings.contest.hyper.learning_rate = 0.03;
    session.sync(settings, kDefaultMemoryBudget, false, Dear::BesideTheFrame);
    EXPECT_FALSE(session.rebuilding());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    session.sync(settings, kDefaultMemoryBudget, false, Dear::BesideTheFrame);
    EXPECT_EQ(session.bakeoff(), shown);
    // Reset (a restart of the contest on screen, the same settings) goes beside the frame too, and
    // the frames that follow keep it though their settings are the contest's own.
    session.restart(Dear::BesideTheFrame, settings.frame_budget_ms);
    EXPECT_TRUE(session.rebuilding());
    EXPECT_EQ(session.bakeoff(), shown);
    const auto restart_by = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (session.bakeoff() == shown && std::chrono::steady_clock::now() < restart_by) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        session.sync(settings, kDefaultMemoryBudget, false, Dear::BesideTheFrame);
    }
    ASSERT_NE(session.bakeoff(), shown) << "the restart was dropped";
    EXPECT_EQ(session.bakeoff()->contestant(0).trainer().steps(), 0);
    EXPECT_FALSE(session.rebuilding());
}

// Before the first step every contestant is at its initial weights: the verdict names no winner
// and no "never reached 90%" (it did at step 0), and says so; after steps it gives its findings.
TEST(BakeoffVerdictText, NoFindingsBeforeTheFirstStep) {
    BakeoffSettings settings = small_contest();
    settings.seeds = 1;
    BakeoffLive session;
    session.sync(settings);
    ASSERT_TRUE(session.bakeoff()) << session.error();
    std::vector<std::string> text = bakeoff_verdict_text(session);
    ASSERT_EQ(text.size(), 1u) << ::testing::PrintToString(text);
    EXPECT_NE(text[0].find("none yet"), std::string::npos) << text[0];
    settings.playing = true;
    for (int frame = 0; frame < 5; ++frame) session.train_frame(settings, 1e6);
    settings.playing = false;
    session.train_frame(settings, 1e6);
    text = bakeoff_verdict_text(session);
    EXPECT_GT(text.size(), 1u) << ::testing::PrintToString(text);
    EXPECT_NE(text[0].find("provisional"), std::string::npos) << text[0];
}

TEST(BakeoffLive, DearRecordsAreComputedBesideTheFrameAndTakenInLater) {
    BakeoffSettings settings = small_contest();
    settings.contest.data.points = 5000;  // records take tens of milliseconds: long enough to be caught in flight
    settings.contest.architecture.hidden = {64, 64};
    settings.seeds = 1;
    settings.playing = true;
    settings.frame_budget_ms = 1e6;  // first, a budget every record fits in
    settings.max_steps_per_frame = 1;  // and the steps' budget below is ample: one round a frame
    BakeoffLive session;
    session.sync(settings);
    ASSERT_TRUE(session.bakeoff()) << session.error();
    const auto last_recorded = [&](int i) { return session.bakeoff()->contestant(i).trainer().history().back().step; };
    const auto steps = [&] { return session.bakeoff()->contestant(0).trainer().steps(); };
    const auto next_record_due = [] { std::this_thread::sleep_for(std::chrono::milliseconds(80)); };  // kRecordInterval
    session.train_frame(settings, 1000);  // cheap: recorded in the frame, and measured
    ASSERT_EQ(steps(), 1);
    for (int i = 0; i < session.bakeoff()->size(); ++i) EXPECT_EQ(last_recorded(i), 1);
    settings.frame_budget_ms = 1e-6;  // every record is dear against this budget
    next_record_due();
    session.train_frame(settings, 1000);  // dear now: handed to the worker, not in the histories yet
    EXPECT_EQ(steps(), 2);
    EXPECT_EQ(last_recorded(0), 1);
    // Later frames take them in: the records of step 2, while training went on.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (last_recorded(0) < 2 && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        session.train_frame(settings, 1000);
    }
    ASSERT_EQ(last_recorded(0), 2) << "the worker's records never arrived";
    // Each is the record a contest of the same settings takes in its frame at step 2.
    Bakeoff reference(training_data(settings.contest), to_bakeoff_config(settings, 0, 1));
    reference.step(2);
    for (int i = 0; i < session.bakeoff()->size(); ++i) {
        const HistoryRecord& taken = session.bakeoff()->contestant(i).trainer().history().back();
        const HistoryRecord& expected = reference.contestant(i).trainer().history().back();
        EXPECT_EQ(taken.step, 2) << "every contestant's record arrives together";
        EXPECT_EQ(taken.train_loss, expected.train_loss) << reference.contestant(i).activation_name();
        EXPECT_EQ(taken.test_accuracy, expected.test_accuracy) << reference.contestant(i).activation_name();
    }
    // Paused while records are on their way: no frame waits for them. Once they are in (the
    // contestants that stepped after the batch began come in a second one), every contestant's last
    // record is of its own step, once.
    const auto in_flight_by = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    bool caught = false;  // seen in flight once (they may finish at any moment after)
    while (!(caught = session.record_in_flight()) && std::chrono::steady_clock::now() < in_flight_by) {
        next_record_due();
        session.train_frame(settings, 1000);
    }
    ASSERT_TRUE(caught) << "no records were being computed when training paused";
    settings.playing = false;
    session.train_frame(settings, 1000);
    const auto all_in_by = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while ((session.record_in_flight() || !session.bakeoff()->unrecorded().empty()) &&
           std::chrono::steady_clock::now() < all_in_by) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        session.train_frame(settings, 1000);
    }
    std::vector<size_t> records;
    for (int i = 0; i < session.bakeoff()->size(); ++i) {
        EXPECT_EQ(last_recorded(i), session.bakeoff()->contestant(i).trainer().steps());
        records.push_back(session.bakeoff()->contestant(i).trainer().history().size());
    }
    session.train_frame(settings, 1000);
    EXPECT_FALSE(session.record_in_flight()) << "a paused contest recorded again";
    for (int i = 0; i < session.bakeoff()->size(); ++i) {
        EXPECT_EQ(session.bakeoff()->contestant(i).trainer().history().size(), records[static_cast<size_t>(i)]);
    }
}

TEST(BakeoffLive, AContestOverTheMemoryBudgetIsRefusedWithItsEstimate) {
    BakeoffSettings settings = small_contest();
    BakeoffLive session;
    session.sync(settings);
    ASSERT_TRUE(session.bakeoff()) << session.error();
    auto hidden_layers = [&] { return session.bakeoff()->contestant(0).trainer().config().model.hidden.size(); };
    const std::size_t small = hidden_layers();
    // The widest network and the most points and seeds the panel allows, within a 16 MiB budget.
    settings.contest.architecture.hidden = {64, 64, 64, 64};
    settings.contest.data.points = 5000;
    settings.seeds = 5;
    session.sync(settings, kMinMemoryBudget);
    EXPECT_NE(session.error().find("over the memory budget of 16 MiB"), std::string::npos) << session.error();
    EXPECT_NE(session.error().find("× 5 seeds needs about"), std::string::npos) << session.error();
    EXPECT_EQ(hidden_layers(), small);  // the last good contest goes on
    session.sync(settings);             // the default 2 GiB: it runs
    EXPECT_TRUE(session.error().empty()) << session.error();
    EXPECT_EQ(hidden_layers(), 4u);
}

}  // namespace
}  // namespace actviz::app
