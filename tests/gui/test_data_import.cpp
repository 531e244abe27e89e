// The user's own points in the real app: files dropped on the window go where the GLFW drop
// callback sends them. A malformed CSV is refused in a dialog naming its line and the points on
// screen stay; a good one reaches the Classifier and the Bake-off; Export data writes exactly the
// points the classifier has; a dropped .json opens as a session.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/app.hpp"
#include "app/app_state.hpp"
#include "app/data_ui.hpp"
#include "support/gui_test_files.hpp"
#include "support/temp_folder.hpp"

namespace actviz::testing {
namespace {

bool same_points(const std::vector<Point>& a, const std::vector<Point>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::memcmp(&a[i].x, &b[i].x, sizeof(double)) != 0 || std::memcmp(&a[i].y, &b[i].y, sizeof(double)) != 0 ||
            a[i].label != b[i].label) {
            return false;
        }
    }
    return true;
}

void drop(app::AppState& state, const std::string& path) {
    const char* paths[] = {path.c_str()};
    app::on_files_dropped(state, 1, paths);
}

TEST(GuiData, DroppedFilesImportRefuseAndOpenAndExportIsExact) {
    if (!have_display()) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    const TempFolder folder;
    const std::string bad = (folder.path / "bad.csv").string(), good = (folder.path / "rings.csv").string(),
                      exported = (folder.path / "exported.csv").string(), session = (folder.path / "lesson.json").string();
    std::ofstream(bad) << "x,y,label\n0,0,a\n1,oops,b\n";
    {
        std::ofstream out(good);
        out << "x,y,ring\n";
        for (int i = 0; i < 90; ++i) {
            const double r = 0.3 + 0.4 * (i % 3), t = i * 0.7;
            out << r * std::cos(t) << ',' << r * std::sin(t) << ',' << (i % 3 == 0 ? "inner" : i % 3 == 1 ? "middle" : "outer")
                << '\n';
        }
    }
    std::ofstream(session) << R"({"actviz_session": 2, "page": "softmax"})";

    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.frames = 600;  // an upper bound: the hook quits when the story is told
    launch.width = 1024;
    launch.height = 640;
    launch.panel = "classifier";
    int stage = 0, since = 0;
    Dataset before;
    bool refused_kept_points = false, imported = false, exported_exactly = false, json_opens = false;
    std::string refusal, description;
    app::run(launch, [&](app::AppState& state, GLFWwindow*, int frame) {
        const Trainer* trainer = state.classifier.live.trainer_built_for(state.classifier.settings);
        const bool idle = !state.importing.busy() && !state.exporting.busy() && state.dropped_paths.empty() && frame > since + 1;
        if (stage == 0 && trainer) {
            before = trainer->data();
            drop(state, bad);
            since = frame, stage = 1;
        } else if (stage == 1 && idle) {
            refusal = state.data.error;
            refused_kept_points = state.data.dialog == app::DataDialog::Error && !state.classifier.settings.data.imported &&
                                  trainer && same_points(trainer->data().train, before.train) &&
                                  same_points(trainer->data().test, before.test) &&
                                  !state.bakeoff.settings.contest.data.imported;
            drop(state, good);
            since = frame, stage = 2;
        } else if (stage == 2 && idle && state.classifier.settings.data.imported && trainer) {
            const ImportedData& points = *state.classifier.settings.data.imported;
            description = settings::describe_data(state.classifier.settings.data);
            imported = same_points(trainer->data().train, points.data.train) &&
                       same_points(trainer->data().test, points.data.test) &&
                       state.bakeoff.settings.contest.data.imported.get() == &points && points.data.classes == 3;
            app::begin_exporting(state, exported);
            since = frame, stage = 3;
        } else if (stage == 3 && idle) {
            PointsCsvResult back = read_points_csv(read_text(exported), "exported.csv");
            exported_exactly = back.imported && trainer && same_points(back.imported->data.train, trainer->data().train) &&
                               same_points(back.imported->data.test, trainer->data().test);
            drop(state, session);
            since = frame, stage = 4;
        } else if (stage == 4 && frame > since + 1) {
            // A dropped session goes the way of File > Open recent: opened, or first the unsaved-changes question.
            json_opens = state.session.pending_path == session || state.opening.path() == session;
            state.quit_requested = true;
        }
    });
    EXPECT_EQ(stage, 4) << "the app stopped before the story was told";
    EXPECT_TRUE(refused_kept_points);
    EXPECT_NE(refusal.find("line 3, column 2 (y): \"oops\" is not a number"), std::string::npos) << refusal;
    EXPECT_TRUE(imported);
    EXPECT_EQ(description, "imported: rings.csv, 3 classes");
    EXPECT_TRUE(exported_exactly);
    EXPECT_TRUE(json_opens);
}

}  // namespace
}  // namespace actviz::testing
