// A session keeps the user's own points: the Classifier and the Bake-off trained on an imported
// CSV come back from the file on the same points, with the same description; hand edits after the
// import travel in the classifier's state as before. Sessions without imported points are unchanged.

#include <gtest/gtest.h>

#include <cstring>
#include <memory>

#include "session/session_json.hpp"
#include "session/session_state.hpp"

namespace actviz::session {
namespace {

using nlohmann::json;

std::shared_ptr<const ImportedData> import_text(std::string_view text, PointsCsvOptions options = {}) {
    PointsCsvResult result = read_points_csv(text, "blobs.csv", options);
    EXPECT_TRUE(result.imported) << result.error;
    return std::make_shared<const ImportedData>(std::move(*result.imported));
}

// Four classes of points a third apart, named, rescaled: every part of an import that is saved.
std::shared_ptr<const ImportedData> four_blobs() {
    std::string text = "x,y,kind\n";
    const char* names[] = {"north", "east", "south", "west"};
    for (int i = 0; i < 40; ++i) {
        text += std::to_string(100 + (i % 4) * 30 + i / 3.0) + "," + std::to_string(-50 + (i % 4) * 7 - i / 7.0) + "," +
                names[i % 4] + "\n";
    }
    return import_text(text, PointsCsvOptions{.rescale = true, .test_ratio = 0.25, .seed = 3});
}

void expect_same_bits(const std::vector<Point>& a, const std::vector<Point>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(std::memcmp(&a[i].x, &b[i].x, sizeof(double)), 0) << i;
        EXPECT_EQ(std::memcmp(&a[i].y, &b[i].y, sizeof(double)), 0) << i;
        EXPECT_EQ(a[i].label, b[i].label) << i;
    }
}

TEST(ImportedSession, ImportedPointsSurviveSaveAndReopen) {
    Session s;
    const auto imported = four_blobs();
    // The generated dataset chosen before the import takes two classes only: the import's four win.
    s.classifier.data.kind = DatasetKind::Xor;
    settings::use_imported_data(s.classifier.data, imported);
    settings::use_imported_data(s.bakeoff.contest.data, imported);
    Trainer trainer(settings::training_data(s.classifier), settings::to_trainer_config(s.classifier));
    trainer.step(5);
    Dataset edited = trainer.data();
    add_point(edited, Point{0.5, -0.25, 3});  // a point added by hand after the import
    trainer.set_data(edited);
    s.classifier_state = capture_state(trainer);

    const std::string text = to_json_text(s);
    const ParseResult result = from_json_text(text);
    ASSERT_TRUE(result.loaded) << result.error;
    const Session& back = result.loaded->session;
    for (const settings::ClassifierData* data : {&back.classifier.data, &back.bakeoff.contest.data}) {
        ASSERT_TRUE(data->imported);
        EXPECT_EQ(settings::describe_data(*data), "imported: blobs.csv, 4 classes");
        EXPECT_EQ(data->classes, 4);
        EXPECT_EQ(data->imported->labels, imported->labels);
        expect_same_bits(data->imported->data.train, imported->data.train);
        expect_same_bits(data->imported->data.test, imported->data.test);
        ASSERT_TRUE(data->imported->rescale);
        EXPECT_EQ(data->imported->rescale->scale, imported->rescale->scale);
        EXPECT_FALSE(data->imported->split_from_file);
    }
    // The classifier continues on the edited points; the Bake-off trains on the points as imported.
    ASSERT_TRUE(result.loaded->trainer);
    expect_same_bits(result.loaded->trainer->data().train, edited.train);
    expect_same_bits(settings::training_data(back.bakeoff.contest).train, imported->data.train);
    EXPECT_EQ(to_json_text(back), text);  // saved again, the same file
}

TEST(ImportedSession, ASessionWithoutImportedPointsWritesNoImportedKey) {
    const json doc = json::parse(to_json_text(Session{}));
    EXPECT_FALSE(doc["classifier"]["data"].contains("imported"));
    EXPECT_EQ(doc["actviz_session"], kSessionVersion);  // no new schema version for an optional key
}

TEST(ImportedSession, ImportedPointsAreCheckedLikeEveryValue) {
    Session s;
    settings::use_imported_data(s.classifier.data, import_text("0,0,a\n1,1,b\n2,2,c\n", PointsCsvOptions{.test_ratio = 0}));
    const json good = json::parse(to_json_text(s));
    const auto error_of = [&](auto&& edit) {
        json doc = good;
        edit(doc["classifier"]["data"]["imported"]);
        return from_json_text(doc.dump()).error;
    };
    EXPECT_NE(error_of([](json& i) { i["train"][0][2] = 3; }).find("classifier.data.imported.train[0][2]"), std::string::npos);
    EXPECT_NE(error_of([](json& i) { i["train"][1][0] = 2e6; }).find("classifier.data.imported.train[1][0]"), std::string::npos);
    EXPECT_NE(error_of([](json& i) { i["labels"] = {"only"}; }).find("classifier.data.imported.labels"), std::string::npos);
    EXPECT_NE(error_of([](json& i) { i["train"] = json::array(); }).find("training point"), std::string::npos);
    // The class count must be the points': a hand-edited "classes" that disagrees is refused.
    json doc = good;
    doc["classifier"]["data"]["classes"] = 2;
    EXPECT_NE(from_json_text(doc.dump()).error.find("classes must be 3 for imported: blobs.csv, 3 classes"), std::string::npos);
}

}  // namespace
}  // namespace actviz::session
