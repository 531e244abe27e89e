// The in-app file browser in the real app, driven by clicks and keys through the frame loop (it is
// what answers under Xvfb, where there is no portal, zenity or kdialog): Ctrl+O lists a folder with
// only sessions and folders, a click enters a subfolder, "Parent folder" goes back, the type box
// shows every file, a double click opens a session; Save as replaces a file only after "Replace",
// takes a typed name with the type's ending added, and Cancel writes nothing.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/app.hpp"
#include "app/app_state.hpp"
#include "app/data_ui.hpp"
#include "app/session_ui.hpp"
#include "gui/gui_input.hpp"
#include "support/gui_test_files.hpp"
#include "support/temp_folder.hpp"

namespace actviz::testing {
namespace {

std::vector<std::string> listed(const app::AppState& state) {
    std::vector<std::string> names;
    for (const auto& entry : state.chooser.browser.model.entries()) names.push_back(entry.folder ? entry.name + "/" : entry.name);
    return names;
}

bool has_rect(const app::AppState& state, const std::string& name) { return state.chooser.browser.rects.count(name) > 0; }

struct Story {
    int stage = 0, since = 0;
    void next(int frame) { ++stage, since = frame; }
};

TEST(GuiFileBrowser, ListsEntersGoesUpFiltersOpensAndSaves) {
    if (!have_display()) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    const TempFolder temp;
    const std::filesystem::path root = temp.path;
    std::filesystem::create_directories(root / "sub");
    std::ofstream(root / "sub" / "inner.actviz.json") << R"({"actviz_session": 3})";
    std::ofstream(root / "lesson.json") << R"({"actviz_session": 2, "page": "softmax"})";
    std::ofstream(root / "a.csv") << "x,y,label\n0,0,0\n1,1,1\n";
    std::ofstream(root / "b.png") << "not really";
    std::ofstream(root / "notes.txt") << "hello";
    const char* shots = std::getenv("ACTVIZ_SCREENSHOT_DIR");  // set: pictures of the browser for README

    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.frames = 900;  // an upper bound: the hook quits when the story is told
    launch.width = 1024;
    launch.height = 640;
    if (const char* size = std::getenv("ACTVIZ_SCREENSHOT_SIZE")) std::sscanf(size, "%dx%d", &launch.width, &launch.height);
    GuiInput input;
    Story story;
    std::vector<std::string> sessions_only, in_sub, every_file, after_cancel;
    std::string folder_after_parent, opened_path, replaced_text, typed_saved_path;
    int page_after_open = -99;
    bool cancel_wrote_nothing = false;
    app::run(launch, [&](app::AppState& state, GLFWwindow*, int frame) {
        const app::FileBrowserView& browser = state.chooser.browser;
        const bool settled = !input.busy() && frame > story.since + 2;
        if (story.stage == 0 && frame == 3) {
            state.chooser.kind = files::ChooserKind::Builtin;
            state.chooser.recent_folders = {root.string()};  // where the chooser opens first
            input.key(GLFW_KEY_O, true);
            story.next(frame);
        } else if (story.stage == 1 && settled && browser.open && has_rect(state, "entry:sub")) {
            sessions_only = listed(state);
            input.click(browser.rects.at("entry:sub"));
            story.next(frame);
        } else if (story.stage == 2 && settled && has_rect(state, "entry:inner.actviz.json")) {
            in_sub = listed(state);
            input.click(browser.rects.at("parent"));
            story.next(frame);
        } else if (story.stage == 3 && settled) {
            folder_after_parent = browser.model.folder();
            input.click(browser.rects.at("filter"));
            story.next(frame);
        } else if (story.stage == 4 && settled && has_rect(state, "filter:All files")) {
            input.click(browser.rects.at("filter:All files"));
            story.next(frame);
        } else if (story.stage == 5 && settled && has_rect(state, "entry:b.png")) {
            every_file = listed(state);
            if (shots) state.screenshot_to = app::AppState::ScreenshotRequest{std::string(shots) + "/file-browser-open.png", -1};
            story.next(frame);
        } else if (story.stage == 6 && settled && !state.screenshot_to) {
            input.double_click(browser.rects.at("entry:lesson.json"));
            story.next(frame);
        } else if (story.stage == 7 && settled && !browser.open && !state.opening.busy() && !state.session.path.empty()) {
            opened_path = state.session.path;
            page_after_open = state.maximised_panel;
            app::ask_save_session_as(state);  // File > Save as…
            story.next(frame);
        } else if (story.stage == 8 && settled && browser.open) {
            input.click(browser.rects.at("confirm"));  // "lesson.json" exists: asks first
            story.next(frame);
        } else if (story.stage == 9 && settled && has_rect(state, "replace")) {
            if (shots) state.screenshot_to = app::AppState::ScreenshotRequest{std::string(shots) + "/file-browser-replace.png", -1};
            story.next(frame);
        } else if (story.stage == 10 && settled && !state.screenshot_to) {
            input.click(browser.rects.at("replace"));
            story.next(frame);
        } else if (story.stage == 11 && settled && !browser.open && !state.saving.busy()) {
            replaced_text = read_text(root / "lesson.json");
            app::ask_save_session_as(state);
            story.next(frame);
        } else if (story.stage == 12 && settled && browser.open) {
            input.click(browser.rects.at("name"));
            input.key(GLFW_KEY_A, true);  // select all, then type over it
            input.type("fresh copy");
            input.key(GLFW_KEY_ENTER);
            story.next(frame);
        } else if (story.stage == 13 && settled && !browser.open && !state.saving.busy()) {
            typed_saved_path = state.session.path;
            app::ask_save_session_as(state);
            story.next(frame);
        } else if (story.stage == 14 && settled && browser.open) {
            input.click(browser.rects.at("cancel"));
            story.next(frame);
        } else if (story.stage == 15 && settled) {
            cancel_wrote_nothing = !browser.open && !state.chooser.request && !state.saving.busy();
            for (const auto& entry : std::filesystem::directory_iterator(root)) after_cancel.push_back(entry.path().filename().string());
            std::sort(after_cancel.begin(), after_cancel.end());
            state.quit_requested = true;
        }
        input.apply();
    });
    EXPECT_EQ(story.stage, 15) << "the story stopped early";
    EXPECT_EQ(sessions_only, (std::vector<std::string>{"sub/", "lesson.json"}));  // no .csv, .png, .txt
    EXPECT_EQ(in_sub, (std::vector<std::string>{"inner.actviz.json"}));
    EXPECT_EQ(folder_after_parent, root.string());
    EXPECT_EQ(every_file, (std::vector<std::string>{"sub/", "a.csv", "b.png", "lesson.json", "notes.txt"}));
    EXPECT_EQ(opened_path, (root / "lesson.json").string());
    EXPECT_EQ(page_after_open, settings::panel_index(settings::PanelId::Softmax));
    EXPECT_NE(replaced_text.find("\"actviz_session\": 3"), std::string::npos) << "lesson.json was not replaced";
    EXPECT_EQ(typed_saved_path, (root / "fresh copy.actviz.json").string());
    EXPECT_TRUE(std::filesystem::is_regular_file(root / "fresh copy.actviz.json"));
    EXPECT_TRUE(cancel_wrote_nothing);
    EXPECT_EQ(after_cancel, (std::vector<std::string>{"a.csv", "b.png", "fresh copy.actviz.json", "lesson.json", "notes.txt", "sub"}));
}

// A session dropped on the window opens (here nothing is unsaved, so nothing is asked), off the UI
// thread like File > Open; a dropped .csv imports; a file of another type is named and ignored.
TEST(GuiDrop, ADroppedSessionOpensAndADroppedCsvImports) {
    if (!have_display()) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    const TempFolder temp;
    const std::string lesson = (temp.path / "Lesson.ACTVIZ.JSON").string(), points = (temp.path / "two.csv").string(),
                      picture = (temp.path / "x.png").string();
    std::ofstream(lesson) << R"({"actviz_session": 3, "page": "gradflow", "gradflow": {"depth": 33}})";
    std::ofstream(points) << "x,y,label\n0,0,cat\n1,1,dog\n0.5,0.2,cat\n";
    std::ofstream(picture) << "png";
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.frames = 300;
    launch.width = 1024, launch.height = 640;
    int stage = 0, since = 0, depth = 0, page = -99;
    std::string opened, description, ignored;
    app::run(launch, [&](app::AppState& state, GLFWwindow*, int frame) {
        const auto drop = [&](const std::string& path) {
            const char* paths[] = {path.c_str()};
            app::on_files_dropped(state, 1, paths);
            since = frame, ++stage;
        };
        if (stage == 0 && frame == 3) {
            drop(lesson);
        } else if (stage == 1 && frame > since + 1 && !state.opening.busy() && !state.session.path.empty()) {
            opened = state.session.path;
            page = state.maximised_panel;
            depth = state.gradflow.settings.simulation.depth;
            drop(points);
        } else if (stage == 2 && frame > since + 1 && !state.importing.busy() && state.classifier.settings.data.imported) {
            description = settings::describe_data(state.classifier.settings.data);
            drop(picture);
        } else if (stage == 3 && frame > since + 1) {
            ignored = state.status.message;
            state.quit_requested = true;
        }
    });
    EXPECT_EQ(opened, lesson);
    EXPECT_EQ(page, settings::panel_index(settings::PanelId::Gradflow));
    EXPECT_EQ(depth, 33);
    EXPECT_EQ(description, "imported: two.csv, 2 classes");
    EXPECT_NE(ignored.find("drop a .csv of points to import, or a .json session to open"), std::string::npos) << ignored;
}

}  // namespace
}  // namespace actviz::testing
