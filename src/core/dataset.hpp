#pragma once
// Two-dimensional toy datasets with K classes, as in CS231n and TensorFlow Playground, and their
// seeded train/test split. Points are plain (x, y, label) records so the GUI can add and erase them
// by hand; the trainer turns them into matrices (one column = one sample, see nn_types.hpp).
// All datasets fit inside about [−1.3, 1.3]² (spiral and xor inside [−1, 1]² before noise).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actviz {

enum class DatasetKind { Spiral, Xor, Circles, Moons, Gaussians, Checkerboard };

struct DatasetInfo {
    DatasetKind kind;
    std::string_view name;     // CLI and session id
    std::string_view display;  // UI label
    int min_classes, max_classes;
    double default_noise;
    std::string_view noise_meaning;  // what --noise does for this dataset, for help texts
};
std::span<const DatasetInfo> dataset_infos();
const DatasetInfo& dataset_info(DatasetKind kind);
std::optional<DatasetKind> find_dataset(std::string_view name);

inline constexpr int kMaxClasses = 6;
inline constexpr int kMaxPoints = 100'000;
inline constexpr double kMaxNoise = 2.0;
inline constexpr double kMaxTestRatio = 0.9;
// Every generated dataset lies within about ±kDataExtent on both axes (noise aside), and the
// Classifier's plane opens on ±kPlaneExtent around them: imported points rescaled "into the plane"
// are put where generated ones are.
inline constexpr double kDataExtent = 1.3;
inline constexpr double kPlaneExtent = 1.6;
// Points may be added by hand anywhere on the plane the user panned to, or imported: far beyond
// the data's ±1.3 but never so far that features like x² overflow float32. Sessions hold points to it.
inline constexpr double kMaxCoordinate = 1e6;

struct DatasetConfig {
    DatasetKind kind = DatasetKind::Spiral;
    int classes = 3;          // K; 2 only for xor, circles, moons and checkerboard
    int points = 600;         // total over all classes, split as evenly as possible (earlier classes get the remainder)
    double noise = 0.2;       // see DatasetInfo::noise_meaning; 0..kMaxNoise
    double test_ratio = 0.2;  // share of points held out for testing, 0..kMaxTestRatio
    std::uint64_t seed = 0;

    // One line naming the bad value and what is allowed, or nullopt.
    std::optional<std::string> validate() const;

    bool operator==(const DatasetConfig&) const = default;  // every field: tests compare whole configurations
};

struct Point {
    double x = 0, y = 0;
    int label = 0;  // class, 0..K−1
};

struct Dataset {
    std::vector<Point> train;
    std::vector<Point> test;
    int classes = 2;
};

// All points of the config in class order, before the split (what the split shuffles).
std::vector<Point> generate_points(const DatasetConfig& config);
// generate_points, then a seeded shuffle: the first round(points·test_ratio) go to `test`, the rest
// to `train`, each in class order. The config must be valid.
Dataset make_dataset(const DatasetConfig& config);
// The split make_dataset applies: a seeded shuffle, the first round(n·test_ratio) to `test`, each
// set in the points' order. Imported points without a split of their own are split this way.
Dataset split_points(const std::vector<Point>& points, int classes, double test_ratio, std::uint64_t seed);

// Hand editing (the GUI's mouse tools). Erasing removes every point within `radius` of (x, y) from
// both sets and returns how many went.
void add_point(Dataset& data, Point point, bool to_test = false);
int erase_points_near(Dataset& data, double x, double y, double radius);

}  // namespace actviz
