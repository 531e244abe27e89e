// What the Classifier's texts call things: classes are numbered 0..K−1 as the data, the Softmax
// page (p0, z0), the CLI and PyTorch number them (its legend said class 1..K).

#include <gtest/gtest.h>

#include <string>

#include "app/classifier/classifier_views.hpp"
#include "core/dataset.hpp"

namespace actviz::app {
namespace {

TEST(ClassifierText, ClassesAreNamedByTheirLabelFromZero) {
    DatasetConfig config;
    config.kind = DatasetKind::Gaussians;
    config.classes = 4;
    config.points = 40;
    const Dataset data = make_dataset(config);
    for (const Point& p : data.train) EXPECT_EQ(class_label(p.label), "class " + std::to_string(p.label));
    EXPECT_EQ(class_label(0), "class 0");
    EXPECT_EQ(class_label(config.classes - 1), "class 3");
}

}  // namespace
}  // namespace actviz::app
