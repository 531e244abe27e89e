// Sessions through the real app: what is saved reopens to the same pixels, and a bad file is
// reported in one line while the app starts with its state untouched.

#include <gtest/gtest.h>
#include <stb_image.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support/run_process.hpp"

namespace actviz::test {
namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

struct Pixels {
    int width = 0, height = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> data{nullptr, stbi_image_free};
};

Pixels load(const std::string& path) {
    Pixels p;
    int channels = 0;
    p.data.reset(stbi_load(path.c_str(), &p.width, &p.height, &channels, 3));
    return p;
}

class GuiSession : public ::testing::Test {
   protected:
    void SetUp() override {
        const char* display = std::getenv("DISPLAY");
        if (!display || !*display) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    }
    std::string app(const std::string& flags) const { return actviz_binary() + " --size 1000x700 " + flags; }
};

// Trained for a few frames, paused, saved; reopened and saved again; reopened once more: the two
// reopened windows are identical pixel for pixel (the status bar's frame times aside), and saving
// what was opened writes the same file.
TEST_F(GuiSession, ReopenedSessionShowsTheSamePixels) {
    const std::string trained = temp_path("trained.json"), paused = temp_path("paused.json"),
                      again = temp_path("again.json"), third = temp_path("third.json");
    const std::string a = temp_path("a.png"), b = temp_path("b.png");
    ProcessResult r = run_process(app("--panel classifier --preset spiral-tanh --frames 12 --save-session " + trained));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    nlohmann::json document = nlohmann::json::parse(read_text(trained));
    ASSERT_GT(document["classifier_state"]["steps"].get<int>(), 0);
    document["classifier"]["run"]["playing"] = false;  // the reopened runs must not train on
    std::ofstream(paused) << document.dump();

    r = run_process(app("--session " + paused + " --frames 3 --screenshot " + a + " --save-session " + again));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_process(app("--session " + again + " --frames 3 --screenshot " + b + " --save-session " + third));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(read_text(again), read_text(third));

    const Pixels pa = load(a), pb = load(b);
    ASSERT_TRUE(pa.data && pb.data);
    ASSERT_EQ(pa.width, pb.width);
    const int status_bar = 40;  // frame times differ from run to run
    int differing = 0;
    for (int i = 0; i < pa.width * (pa.height - status_bar) * 3; ++i) differing += pa.data.get()[i] != pb.data.get()[i];
    EXPECT_EQ(differing, 0);
    for (const auto& f : {trained, paused, again, third, a, b}) std::filesystem::remove(f);
}

TEST_F(GuiSession, AMalformedFileIsReportedAndTheDefaultsStay) {
    const std::string bad = temp_path("bad.json"), after_bad = temp_path("after-bad.json"),
                      fresh = temp_path("fresh.json");
    std::ofstream(bad) << R"({"actviz_session": 1, "softmax": {"temperature": "hot"}, "gradflow": {"depth": 5}})";
    ProcessResult r = run_process(app("--session " + bad + " --frames 2 --save-session " + after_bad));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("cannot open session"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("softmax.temperature: expected a number"), std::string::npos) << r.err;
    r = run_process(app("--frames 2 --save-session " + fresh));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // Nothing of the bad file was taken, not even its valid gradflow depth.
    EXPECT_EQ(read_text(after_bad), read_text(fresh));
    for (const auto& f : {bad, after_bad, fresh}) std::filesystem::remove(f);
}

// A double-click on a session in a file manager runs the desktop entry's `actviz %f`: the file,
// last on the command line, opens as --session would open it.
TEST_F(GuiSession, ASessionFileGivenAsTheDesktopEntryPassesItOpens) {
    const std::string lesson = temp_path("lesson.actviz.json"), saved = temp_path("saved.json");
    std::ofstream(lesson) << R"({"actviz_session": 2, "page": "gradflow", "gradflow": {"depth": 50}})";
    const ProcessResult r = run_process(app("--frames 2 --save-session " + saved + " " + lesson));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json document = nlohmann::json::parse(read_text(saved));
    EXPECT_EQ(document["page"], "gradflow");
    EXPECT_EQ(document["gradflow"]["depth"], 50);
    for (const auto& f : {lesson, saved}) std::filesystem::remove(f);
}

TEST_F(GuiSession, AMissingFileSaysSo) {
    const ProcessResult r = run_process(app("--session /nonexistent-dir/s.json --frames 1"));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("No such file or directory"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace actviz::test
