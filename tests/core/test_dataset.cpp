// The classifier's datasets: shapes a user would recognise, class balance, seeded split, hand edits.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>

#include "core/dataset.hpp"

namespace actviz {
namespace {

DatasetConfig config(DatasetKind kind, int classes, int points, double noise, double test_ratio = 0.2,
                     std::uint64_t seed = 7) {
    DatasetConfig c;
    c.kind = kind;
    c.classes = classes;
    c.points = points;
    c.noise = noise;
    c.test_ratio = test_ratio;
    c.seed = seed;
    return c;
}

TEST(Dataset, SpiralIsTheCs231nConstruction) {
    // Without noise every point is exactly (r sin t, r cos t), r = linspace(0, 1, N), t = linspace(4j, 4j + 4, N).
    const std::vector<Point> points = generate_points(config(DatasetKind::Spiral, 3, 300, 0.0));
    ASSERT_EQ(points.size(), 300u);
    for (int j = 0; j < 3; ++j) {
        for (int i = 0; i < 100; ++i) {
            const Point& p = points[static_cast<size_t>(j * 100 + i)];
            const double r = i / 99.0, t = 4.0 * j + 4.0 * i / 99.0;
            EXPECT_EQ(p.label, j);
            EXPECT_NEAR(p.x, r * std::sin(t), 1e-12);
            EXPECT_NEAR(p.y, r * std::cos(t), 1e-12);
        }
    }
    // With noise the radius is unchanged (noise moves the angle only).
    const std::vector<Point> noisy = generate_points(config(DatasetKind::Spiral, 3, 300, 0.2));
    for (int i = 0; i < 100; ++i)
        EXPECT_NEAR(std::hypot(noisy[static_cast<size_t>(i)].x, noisy[static_cast<size_t>(i)].y), i / 99.0, 1e-12);
}

TEST(Dataset, PointsAreTheTotalSplitEvenlyOverClasses) {
    for (const DatasetInfo& info : dataset_infos()) {
        for (int classes = info.min_classes; classes <= info.max_classes; ++classes) {
            const std::vector<Point> points = generate_points(config(info.kind, classes, 101, info.default_noise));
            ASSERT_EQ(points.size(), 101u) << info.name;
            std::vector<int> counts(static_cast<size_t>(classes), 0);
            for (const Point& p : points) {
                ASSERT_GE(p.label, 0);
                ASSERT_LT(p.label, classes);
                ++counts[static_cast<size_t>(p.label)];
                EXPECT_LT(std::fabs(p.x), 3.0) << info.name;
                EXPECT_LT(std::fabs(p.y), 3.0) << info.name;
            }
            const auto [lo, hi] = std::minmax_element(counts.begin(), counts.end());
            EXPECT_LE(*hi - *lo, 1) << info.name << " with " << classes << " classes";
        }
    }
}

TEST(Dataset, XorAndCheckerboardLabelsFollowTheirRule) {
    for (const Point& p : generate_points(config(DatasetKind::Xor, 2, 400, 0.0))) {
        EXPECT_EQ(p.label, (p.x > 0) != (p.y > 0) ? 1 : 0);
    }
    for (const Point& p : generate_points(config(DatasetKind::Checkerboard, 2, 400, 0.0))) {
        const int column = static_cast<int>(std::floor((p.x + 1) / 0.5)),
                  row = static_cast<int>(std::floor((p.y + 1) / 0.5));
        EXPECT_EQ(p.label, (row + column) % 2);
    }
    for (const Point& p : generate_points(config(DatasetKind::Circles, 2, 400, 0.0))) {
        EXPECT_EQ(p.label, std::hypot(p.x, p.y) > 0.6 ? 1 : 0);
    }
}

TEST(Dataset, SplitIsSeededAndKeepsEveryPointOnce) {
    const DatasetConfig c = config(DatasetKind::Moons, 2, 200, 0.1, 0.25);
    const Dataset a = make_dataset(c), b = make_dataset(c);
    EXPECT_EQ(a.test.size(), 50u);
    EXPECT_EQ(a.train.size(), 150u);
    ASSERT_EQ(a.test.size(), b.test.size());
    for (size_t i = 0; i < a.test.size(); ++i) {
        EXPECT_EQ(a.test[i].x, b.test[i].x);
        EXPECT_EQ(a.test[i].label, b.test[i].label);
    }
    std::multiset<std::pair<double, double>> all, split;
    for (const Point& p : generate_points(c)) all.insert({p.x, p.y});
    for (const auto* set : {&a.train, &a.test}) {
        for (const Point& p : *set) split.insert({p.x, p.y});
    }
    EXPECT_EQ(all, split);
    DatasetConfig other = c;
    other.seed = 8;
    EXPECT_NE(make_dataset(other).test.front().x, a.test.front().x);
}

TEST(Dataset, RefusesBadValuesWithOneLine) {
    EXPECT_TRUE(config(DatasetKind::Xor, 3, 100, 0).validate());
    EXPECT_TRUE(config(DatasetKind::Spiral, 7, 100, 0).validate());
    EXPECT_TRUE(config(DatasetKind::Spiral, 3, 2, 0).validate());
    EXPECT_TRUE(config(DatasetKind::Spiral, 3, 100, -0.1).validate());
    EXPECT_TRUE(config(DatasetKind::Spiral, 3, 100, 0.1, 0.95).validate());
    EXPECT_TRUE(config(DatasetKind::Spiral, 2, 2, 0.1, 0.9).validate());  // no training point left
    EXPECT_FALSE(config(DatasetKind::Spiral, 6, 600, 0.2).validate());
    EXPECT_EQ(find_dataset("moons"), DatasetKind::Moons);
    EXPECT_FALSE(find_dataset("mnist"));
}

TEST(Dataset, PointsCanBeAddedAndErasedByHand) {
    Dataset data = make_dataset(config(DatasetKind::Gaussians, 3, 30, 0.0, 0.0));
    add_point(data, {5.0, 5.0, 2});
    add_point(data, {5.1, 5.0, 1}, true);
    EXPECT_EQ(data.train.size(), 31u);
    EXPECT_EQ(data.test.size(), 1u);
    EXPECT_EQ(erase_points_near(data, 5.0, 5.0, 0.2), 2);
    EXPECT_EQ(data.train.size(), 30u);
    EXPECT_TRUE(data.test.empty());
}

}  // namespace
}  // namespace actviz
