// actviz train --data and actviz bakeoff --data: the user's own points headless. An exported
// dataset trains to the very numbers of the run it was exported from; a malformed file exits 2
// with one line naming the file, the line and the column.

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command_output.hpp"
#include "core/points_csv.hpp"
#include "session/session_json.hpp"
#include "support/run_process.hpp"
#include "support/temp_folder.hpp"

namespace actviz::cli {
namespace {

std::string write_file(const testing::TempFolder& folder, const std::string& name, const std::string& text) {
    const std::string path = (folder.path / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

std::vector<std::string> joined(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

const std::vector<std::string> kNetwork{"--hidden", "12,12", "--activation", "tanh", "--optimizer", "adam",
                                        "--lr",     "0.02",  "--steps",      "120",  "--every",     "40"};

TEST(DataFlag, AnExportedDatasetTrainsToTheSameNumbersAsTheGeneratedOne) {
    // The points the Classifier drew, exported with their split: training on the file is training
    // on those very points, so every row matches to the last digit.
    DatasetConfig config;
    config.kind = DatasetKind::Moons;
    config.classes = 2;
    config.points = 240;
    config.noise = 0.15;
    config.seed = 5;
    const testing::TempFolder folder;
    const std::string path = write_file(folder, "moons.csv", write_points_csv(make_dataset(config)));
    const CommandOutput generated =
        run_command("train", joined({"--dataset", "moons", "--points", "240", "--noise", "0.15", "--seed", "5"}, kNetwork));
    const CommandOutput imported = run_command("train", joined({"--data", path, "--seed", "5"}, kNetwork));
    ASSERT_EQ(generated.status, 0) << generated.err;
    ASSERT_EQ(imported.status, 0) << imported.err;
    EXPECT_EQ(imported.out, generated.out);
    EXPECT_EQ(csv_rows(imported.out).size(), 5u);  // header, steps 0, 40, 80, 120
}

TEST(DataFlag, BakeoffTrainsEveryContestantOnTheFile) {
    DatasetConfig config;
    config.points = 150;
    config.noise = 0.2;
    config.seed = 2;
    const testing::TempFolder folder;
    const std::string path = write_file(folder, "spiral.csv", write_points_csv(make_dataset(config)));
    const std::vector<std::string> contest{"--hidden", "8", "--activations", "relu,tanh", "--optimizer", "adam",
                                           "--lr", "0.02", "--steps", "20", "--every", "10", "--seed", "2"};
    const CommandOutput generated = run_command("bakeoff", joined({"--dataset", "spiral", "--points", "150", "--noise", "0.2"}, contest));
    const CommandOutput imported = run_command("bakeoff", joined({"--data", path}, contest));
    ASSERT_EQ(imported.status, 0) << imported.err;
    EXPECT_EQ(imported.out, generated.out);
}

TEST(DataFlag, WithoutASplitColumnTheTestRatioSplits) {
    std::string text = "x,y,label\n";
    for (int i = 0; i < 100; ++i) text += std::to_string(i / 50.0 - 1) + "," + std::to_string((i * 37 % 100) / 50.0 - 1) + (i % 2 ? ",cat\n" : ",dog\n");
    const testing::TempFolder folder;
    const std::string path = write_file(folder, "pets.csv", text);
    const CommandOutput none = run_command("train", joined({"--data", path, "--test-ratio", "0"}, kNetwork));
    ASSERT_EQ(none.status, 0) << none.err;
    EXPECT_EQ(csv_rows(none.out)[1][3], "");  // no test loss without test points
    const CommandOutput some = run_command("train", joined({"--data", path, "--test-ratio", "0.3"}, kNetwork));
    ASSERT_EQ(some.status, 0) << some.err;
    EXPECT_NE(csv_rows(some.out)[1][3], "");
}

TEST(DataFlag, MalformedFilesExitTwoWithOneLineNamingTheLine) {
    const testing::TempFolder folder;
    struct Case {
        std::string text, expected;
    };
    std::string seven, too_many = "x,y,label\n";
    for (int k = 0; k < 7; ++k) seven += "0,0," + std::to_string(k) + "\n";
    for (int i = 0; i <= kMaxPoints; ++i) too_many += i % 2 ? "1,1,a\n" : "0,0,b\n";
    const Case cases[] = {
        {"x,y,label\n1,2,a\n3,4\n", "line 3: 2 columns"},
        {"1,2,a\n3,four,b\n", "line 2, column 2 (y): \"four\" is not a number"},
        {"1,2,a\nNaN,1,b\n", "line 2, column 1 (x): \"NaN\": NaN is not a coordinate"},
        {"1,2,a\n3,4,a\n", "only one class"},
        {seven, "line 7, column 3 (label): a 7th class"},
        {"", "the file is empty"},
        {too_many, "line 100002: more than 100000 points"},
        {std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10), "line 1: byte 0x7f is not text"},
        {"1,2,a\n" + std::string(2000, '7') + ",1,b\n", "line 2: longer than 1024 bytes"},
    };
    int n = 0;
    for (const Case& c : cases) {
        const std::string path = write_file(folder, "bad" + std::to_string(n++) + ".csv", c.text);
        for (const char* command : {"train", "bakeoff"}) {
            const std::vector<std::string> args = std::string(command) == "train"
                                                      ? joined({"--data", path}, kNetwork)
                                                      : std::vector<std::string>{"--data", path, "--hidden", "4", "--activations",
                                                                                 "relu,tanh", "--optimizer", "sgd", "--lr", "0.1",
                                                                                 "--steps", "1"};
            const CommandOutput result = run_command(command, args);
            EXPECT_EQ(result.status, 2) << command << ": " << c.expected;
            EXPECT_TRUE(result.out.empty()) << "nothing printed before the refusal";
            EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
            EXPECT_NE(result.err.find("actviz " + std::string(command) + ": --data '" + path + "': " + c.expected),
                      std::string::npos)
                << result.err;
        }
    }
}

TEST(DataFlag, ConflictingAndMissingFilesAreRefused) {
    const testing::TempFolder folder;
    const std::string path = write_file(folder, "ok.csv", "0,0,a\n1,1,b\n");
    const CommandOutput both = run_command("train", joined({"--data", path, "--dataset", "spiral"}, kNetwork));
    EXPECT_EQ(both.status, 2);
    EXPECT_NE(both.err.find("--dataset describes generated points"), std::string::npos) << both.err;
    const CommandOutput rescale = run_command("train", joined({"--dataset", "spiral", "--rescale"}, kNetwork));
    EXPECT_EQ(rescale.status, 2);
    EXPECT_NE(rescale.err.find("--rescale rescales the points of --data"), std::string::npos) << rescale.err;
    const CommandOutput missing = run_command("train", joined({"--data", (folder.path / "nope.csv").string()}, kNetwork));
    EXPECT_EQ(missing.status, 2);
    EXPECT_NE(missing.err.find("cannot read --data"), std::string::npos) << missing.err;
    const CommandOutput folder_given = run_command("train", joined({"--data", folder.path.string()}, kNetwork));
    EXPECT_EQ(folder_given.status, 2);
    // Far points need --rescale, and train with it.
    const std::string far = write_file(folder, "far.csv", "0,0,a\n5e7,1,b\n3e7,2,a\n");
    EXPECT_EQ(run_command("train", joined({"--data", far}, kNetwork)).status, 2);
    const CommandOutput scaled = run_command("train", joined({"--data", far, "--rescale", "--test-ratio", "0"}, kNetwork));
    EXPECT_EQ(scaled.status, 0) << scaled.err;
}

// A session whose panels trained on imported points: train --session and bakeoff --session take
// those points (the session holds no flag for them), exactly as --data with the same file does.
TEST(DataFlag, ASessionTrainedOnImportedPointsTrainsOnThemHeadless) {
    DatasetConfig config;
    config.kind = DatasetKind::Moons;
    config.classes = 2;
    config.points = 200;
    config.seed = 9;
    const std::string text = write_points_csv(make_dataset(config));
    const testing::TempFolder folder;
    const std::string csv = write_file(folder, "moons.csv", text);
    PointsCsvResult read = read_points_csv(text, "moons.csv");
    ASSERT_TRUE(read.imported) << read.error;
    const auto imported = std::make_shared<const ImportedData>(std::move(*read.imported));
    session::Session s;
    s.classifier.data.kind = DatasetKind::Spiral;  // what the session's flags would say without the import
    settings::use_imported_data(s.classifier.data, imported);
    settings::use_imported_data(s.bakeoff.contest.data, imported);
    s.bakeoff.contest.architecture.hidden = {6};
    s.bakeoff.activations = {activation_index(*find_activation("relu")), activation_index(*find_activation("tanh"))};
    const std::string session = write_file(folder, "lesson.json", session::to_json_text(s));

    const CommandOutput from_session = run_command("train", std::vector<std::string>{"--session", session, "--steps", "60", "--every", "20"});
    const CommandOutput from_file =
        run_command("train", std::vector<std::string>{"--session", session, "--data", csv, "--steps", "60", "--every", "20"});
    ASSERT_EQ(from_session.status, 0) << from_session.err;
    ASSERT_EQ(from_file.status, 0) << from_file.err;
    EXPECT_EQ(from_session.out, from_file.out);
    const CommandOutput spiral =
        run_command("train", std::vector<std::string>{"--session", session, "--dataset", "spiral", "--steps", "60", "--every", "20"});
    EXPECT_NE(spiral.out, from_session.out);  // the session's points, not the generated dataset it names

    const CommandOutput contest = run_command("bakeoff", std::vector<std::string>{"--session", session, "--steps", "10"});
    const CommandOutput contest_file =
        run_command("bakeoff", std::vector<std::string>{"--session", session, "--data", csv, "--steps", "10"});
    ASSERT_EQ(contest.status, 0) << contest.err;
    EXPECT_EQ(contest.out, contest_file.out);
}

TEST(DataFlag, TheBinaryExitsTwoOnAMalformedFile) {
    const testing::TempFolder folder;
    const std::string path = write_file(folder, "bad.csv", "x,y,label\n0,0,a\n1,inf,b\n");
    const test::ProcessResult result =
        test::run_process(test::actviz_binary() + " train --data '" + path + "' --hidden 4 --activation relu --optimizer sgd --lr 0.1 --steps 1");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("line 3, column 2 (y): \"inf\": an infinite coordinate"), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty());
}

}  // namespace
}  // namespace actviz::cli
