// The in-app file browser's model on a real folder: what it lists (folders first, then the files of
// the chosen type; no hidden files, no FIFOs), moving into a folder and back up, and what a typed
// name means for an open and for a save.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>

#include "files/folder_browser.hpp"
#include "support/temp_folder.hpp"

namespace actviz::files {
namespace {

std::vector<std::string> names(const FolderBrowser& browser) {
    std::vector<std::string> out;
    for (const FolderEntry& entry : browser.entries()) out.push_back(entry.folder ? entry.name + "/" : entry.name);
    return out;
}

ChooserRequest sessions(bool save) {
    ChooserRequest request;
    request.save = save;
    request.title = save ? "Save session as" : "Open session";
    request.filters = {{"Sessions", {".actviz.json", ".json"}}, {"Points (CSV)", {".csv"}}};
    return request;
}

struct Browser : ::testing::Test {
    testing::TempFolder temp;
    std::string root;
    void SetUp() override {
        root = temp.path.string();
        std::filesystem::create_directories(temp.path / "lessons" / "week 2");
        std::filesystem::create_directories(temp.path / "Zeta");
        for (const char* name : {"b.actviz.json", "A.json", "points.CSV", "shot.png", ".hidden.json", "lessons/one.actviz.json"}) {
            std::ofstream(temp.path / name) << "{}";
        }
        ::mkfifo((temp.path / "pipe.json").c_str(), 0600);
    }
};

TEST_F(Browser, ListsFoldersFirstThenFilesOfTheTypeShown) {
    FolderBrowser browser;
    browser.start(sessions(false), root);
    EXPECT_EQ(browser.folder(), root);
    // No hidden file, no FIFO (even named .json), no .png or .csv while Sessions is the type.
    EXPECT_EQ(names(browser), (std::vector<std::string>{"lessons/", "Zeta/", "A.json", "b.actviz.json"}));
    EXPECT_EQ(browser.filters().size(), 3u);  // the request's two, then All files
    browser.set_filter(1);
    EXPECT_EQ(names(browser), (std::vector<std::string>{"lessons/", "Zeta/", "points.CSV"}));  // any case of .csv
    browser.set_filter(2);
    EXPECT_EQ(names(browser), (std::vector<std::string>{"lessons/", "Zeta/", "A.json", "b.actviz.json", "points.CSV", "shot.png"}));
}

TEST_F(Browser, EntersAFolderAndGoesBackToItsParent) {
    FolderBrowser browser;
    browser.start(sessions(false), root);
    ASSERT_TRUE(browser.enter_child("lessons"));
    EXPECT_EQ(browser.folder(), root + "/lessons");
    EXPECT_EQ(names(browser), (std::vector<std::string>{"week 2/", "one.actviz.json"}));
    ASSERT_TRUE(browser.go_parent());
    EXPECT_EQ(browser.folder(), root);
    EXPECT_FALSE(browser.enter(root + "/no such folder"));
    EXPECT_EQ(browser.folder(), root);  // stays, and says why
    EXPECT_NE(browser.error().find("no such folder"), std::string::npos) << browser.error();
    FolderBrowser top;
    top.start(sessions(false), "/");
    EXPECT_FALSE(top.go_parent());
}

TEST_F(Browser, ATypedNameOpensAFileEntersAFolderOrSaysWhyNot) {
    FolderBrowser browser;
    browser.start(sessions(false), root);
    BrowserDecision d = browser.resolve("A.json");
    EXPECT_EQ(d.kind, BrowserDecision::Choose);
    EXPECT_EQ(d.path, root + "/A.json");
    d = browser.resolve(root + "/lessons/../lessons/one.actviz.json");  // a whole path, typed
    EXPECT_EQ(d.kind, BrowserDecision::Choose);
    EXPECT_EQ(d.path, root + "/lessons/one.actviz.json");
    d = browser.resolve("lessons");
    EXPECT_EQ(d.kind, BrowserDecision::EnterFolder);
    EXPECT_EQ(d.path, root + "/lessons");
    d = browser.resolve("missing.json");
    EXPECT_EQ(d.kind, BrowserDecision::Refuse);
    EXPECT_NE(d.message.find("No such file"), std::string::npos) << d.message;
    d = browser.resolve("pipe.json");  // never handed to a reader: opening a FIFO blocks
    EXPECT_EQ(d.kind, BrowserDecision::Refuse);
    EXPECT_NE(d.message.find("pipe (FIFO)"), std::string::npos) << d.message;
    EXPECT_EQ(browser.resolve("  ").kind, BrowserDecision::Refuse);
}

TEST_F(Browser, ASaveAddsTheTypesEndingAndAsksBeforeReplacing) {
    FolderBrowser browser;
    browser.start(sessions(true), root);
    BrowserDecision d = browser.resolve("new lesson");
    EXPECT_EQ(d.kind, BrowserDecision::Choose);
    EXPECT_EQ(d.path, root + "/new lesson.actviz.json");
    d = browser.resolve("b");  // b.actviz.json exists
    EXPECT_EQ(d.kind, BrowserDecision::ConfirmOverwrite);
    EXPECT_EQ(d.path, root + "/b.actviz.json");
    d = browser.resolve("A.json");  // already of the type: kept as typed
    EXPECT_EQ(d.kind, BrowserDecision::ConfirmOverwrite);
    EXPECT_EQ(d.path, root + "/A.json");
    d = browser.resolve("pipe.json");  // a save never replaces a FIFO (atomic_file refuses it too)
    EXPECT_EQ(d.kind, BrowserDecision::Refuse);
    d = browser.resolve("nowhere/x.json");
    EXPECT_EQ(d.kind, BrowserDecision::Refuse);
    EXPECT_NE(d.message.find("no folder"), std::string::npos) << d.message;
    browser.set_filter(2);  // All files: the name as typed
    EXPECT_EQ(browser.resolve("notes").path, root + "/notes");
}

TEST(AbsolutePath, HomeRelativeAndDotsAreResolved) {
    const char* home = std::getenv("HOME");
    if (home && *home == '/') {
        EXPECT_EQ(absolute_path("~/x.json", "/tmp"), std::string(home) + "/x.json");
    }
    EXPECT_EQ(absolute_path("a/../b.csv", "/tmp/f"), "/tmp/f/b.csv");
    EXPECT_EQ(absolute_path("/abs/", "/tmp"), "/abs");
    EXPECT_EQ(absolute_path("..", "/"), "/");
    EXPECT_EQ(parent_of("/a/b.json"), "/a");
    EXPECT_EQ(parent_of("/b.json"), "/");
}

}  // namespace
}  // namespace actviz::files
