// A record computed elsewhere (Trainer::record_job, RecordPass::run, Trainer::take_record): the
// Classifier computes dear records on a worker while training goes on. The record taken in must be
// the one record() would have made at the job's step, and one that no longer describes the trainer
// (its data, activations or penalties changed, a weight set by hand, a reset, a later record already
// taken) must change nothing.

#include <gtest/gtest.h>

#include <cmath>

#include "core/trainer.hpp"

namespace actviz {
namespace {

Trainer recording_trainer(double test_ratio = 0.25) {
    DatasetConfig data;
    data.points = 400;
    data.test_ratio = test_ratio;
    TrainerConfig config;
    config.model.hidden = {16, 16};
    config.model.activations = {{find_activation("relu"), {}}};
    config.batch = 20;
    return Trainer(make_dataset(data), config);
}

RecordResult run_job(const Trainer::RecordJob& job) {
    RecordPass pass;
    RecordResult result;
    pass.run(job.mlp, job.inputs, result);
    return result;
}

void expect_same_record(const HistoryRecord& a, const HistoryRecord& b) {
    EXPECT_EQ(a.step, b.step);
    EXPECT_NEAR(a.train_loss, b.train_loss, 1e-6 * b.train_loss);
    EXPECT_EQ(a.train_accuracy, b.train_accuracy);
    ASSERT_TRUE(a.test_loss && b.test_loss);
    EXPECT_NEAR(*a.test_loss, *b.test_loss, 1e-6 * *b.test_loss);
    EXPECT_EQ(a.test_accuracy, b.test_accuracy);
    EXPECT_EQ(a.layer_dead_fraction, b.layer_dead_fraction);
    ASSERT_EQ(a.layer_grad_norm.size(), b.layer_grad_norm.size());
    for (size_t l = 0; l < a.layer_grad_norm.size(); ++l) EXPECT_NEAR(a.layer_grad_norm[l], b.layer_grad_norm[l], 1e-5 * b.layer_grad_norm[l]);
}

TEST(RecordJob, TakenInAfterMoreStepsItIsTheRecordOfItsOwnStep) {
    Trainer trainer = recording_trainer();
    trainer.update(30);
    Trainer reference = trainer;  // what record() gives at step 30
    reference.record();

    const Trainer::RecordJob job = trainer.record_job();
    trainer.update(12);  // training goes on while the worker computes
    RecordResult result = run_job(job);
    ASSERT_TRUE(trainer.take_record(result, job.basis));
    EXPECT_EQ(trainer.steps(), 42);
    expect_same_record(trainer.history().back(), reference.history().back());
    EXPECT_EQ(trainer.history().back().step, 30);
    EXPECT_EQ(trainer.predicted_train(), reference.predicted_train());
    EXPECT_EQ(trainer.predicted_test(), reference.predicted_test());
    ASSERT_EQ(trainer.z_histograms().size(), 2u);
    EXPECT_EQ(trainer.z_histograms()[1].layer.bins, reference.z_histograms()[1].layer.bins);
    EXPECT_EQ(trainer.z_histograms()[1].step, 30);
    EXPECT_EQ(trainer.unit_activity()[0], reference.unit_activity()[0]);
}

TEST(RecordJob, ARecordThatNoLongerDescribesTheTrainerChangesNothing) {
    struct Change {
        const char* name;
        void (*apply)(Trainer&);
    };
    const Change changes[] = {
        {"activation", [](Trainer& t) { t.set_activation(-1, {find_activation("gelu"), {}}); }},
        {"data", [](Trainer& t) {
             Dataset data = t.data();
             data.train.pop_back();
             t.set_data(std::move(data));
         }},
        {"penalties", [](Trainer& t) { t.set_penalties(0.01, 0); }},
        {"weight set by hand", [](Trainer& t) { t.edit_weight(0, 0, 0, 2.5); }},
        {"reset, then as many steps again", [](Trainer& t) {
             t.reset();
             t.update(20);
         }},
        {"restored to its own state", [](Trainer& t) { ASSERT_FALSE(t.restore(t.state()).has_value()); }},
        {"a later record", [](Trainer& t) {
             t.update(3);
             t.record();
         }},
    };
    for (const Change& change : changes) {
        Trainer trainer = recording_trainer();
        trainer.update(20);
        const Trainer::RecordJob job = trainer.record_job();
        RecordResult result = run_job(job);
        change.apply(trainer);
        const std::vector<HistoryRecord> history = trainer.history();
        const std::vector<int> predicted = trainer.predicted_train();
        EXPECT_FALSE(trainer.take_record(result, job.basis)) << change.name;
        EXPECT_EQ(trainer.history().size(), history.size()) << change.name;
        EXPECT_EQ(trainer.history().back().step, history.back().step) << change.name;
        EXPECT_EQ(trainer.predicted_train(), predicted) << change.name;
    }
}

// Trainers built alike, or copied from one another, hold the same weights at some step, but their
// records are not each other's: a job is only ever taken into the trainer it was made from.
TEST(RecordJob, IsTakenOnlyIntoTheTrainerItWasMadeFrom) {
    Trainer trainer = recording_trainer();
    Trainer twin = recording_trainer();
    trainer.update(10);
    twin.update(10);
    Trainer copy = trainer;
    const Trainer::RecordJob job = trainer.record_job();
    RecordResult result = run_job(job);
    EXPECT_FALSE(twin.take_record(result, job.basis));
    EXPECT_FALSE(copy.take_record(result, job.basis));
    EXPECT_TRUE(trainer.take_record(result, job.basis));
}

TEST(RecordJob, AResumedRunTakesNoRecordMadeBeforeIt) {
    Trainer trainer = recording_trainer(0);
    trainer.update(5);
    Trainer::RecordJob blown = trainer.record_job();
    blown.mlp.parameters() *= 1e30f;
    RecordResult diverged = run_job(blown);
    ASSERT_TRUE(trainer.take_record(diverged, blown.basis));
    ASSERT_TRUE(trainer.divergence().has_value());
    const Trainer::RecordJob before = trainer.record_job();
    RecordResult result = run_job(before);
    trainer.resume();
    EXPECT_FALSE(trainer.take_record(result, before.basis)) << "a record from before the resume";
}

TEST(RecordJob, ADivergedLossFoundLatePausesTheRunAtTheRecordsStep) {
    Trainer trainer = recording_trainer(0);
    trainer.update(5);
    Trainer::RecordJob job = trainer.record_job();
    job.mlp.parameters() *= 1e30f;  // as if the weights had blown up by the job's step
    RecordResult result = run_job(job);
    trainer.update(4);
    EXPECT_TRUE(trainer.take_record(result, job.basis));
    ASSERT_TRUE(trainer.divergence().has_value());
    EXPECT_EQ(trainer.divergence()->step, 5);
    EXPECT_EQ(trainer.update(1), 0) << "paused";
}

}  // namespace
}  // namespace actviz
