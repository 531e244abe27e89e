#include "core/dataset.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "core/nn_types.hpp"
#include "core/number_text.hpp"
#include "core/rng.hpp"

namespace actviz {
namespace {

constexpr std::array kInfos{
    DatasetInfo{DatasetKind::Spiral, "spiral", "Spiral", 2, kMaxClasses, 0.2,
                "standard deviation of the angle noise, in radians (CS231n uses 0.2)"},
    DatasetInfo{DatasetKind::Xor, "xor", "XOR", 2, 2, 0.05, "standard deviation of the jitter added to each point"},
    DatasetInfo{DatasetKind::Circles, "circles", "Circles", 2, 2, 0.05,
                "standard deviation of the jitter added to each point"},
    DatasetInfo{DatasetKind::Moons, "moons", "Moons", 2, 2, 0.1,
                "standard deviation of the jitter added to each point"},
    DatasetInfo{DatasetKind::Gaussians, "gaussians", "Gaussian blobs", 2, kMaxClasses, 0.2,
                "standard deviation of each blob"},
    DatasetInfo{DatasetKind::Checkerboard, "checkerboard", "Checkerboard", 2, 2, 0.0,
                "standard deviation of the jitter added to each point"},
};

// numpy.linspace(lo, hi, n)[i]: n = 1 gives lo.
double linspace(double lo, double hi, int n, int i) { return n == 1 ? lo : lo + (hi - lo) * i / (n - 1); }

void jitter(Point& p, double noise, Rng& rng) {
    if (noise <= 0) return;
    p.x += noise * rng.normal();
    p.y += noise * rng.normal();
}

// CS231n: r = linspace(0, 1, N), t = linspace(4j, 4(j + 1), N) + N(0, noise²), (x, y) = (r sin t, r cos t).
Point spiral_point(int label, int i, int n, double noise, Rng& rng) {
    const double r = linspace(0.0, 1.0, n, i);
    const double t = linspace(4.0 * label, 4.0 * (label + 1), n, i) + noise * rng.normal();
    return {r * std::sin(t), r * std::cos(t), label};
}

// Class 0 in the quadrants where x and y share a sign, class 1 where they differ.
Point xor_point(int label, double noise, Rng& rng) {
    const double sx = rng.uniform() < 0.5 ? -1.0 : 1.0;
    const double sy = label == 0 ? sx : -sx;
    Point p{sx * (1.0 - rng.uniform()), sy * (1.0 - rng.uniform()), label};
    jitter(p, noise, rng);
    return p;
}

// A disc of radius 0.5 inside a ring from 0.7 to 1; the radius is uniform, not the area.
Point circles_point(int label, double noise, Rng& rng) {
    const double r = label == 0 ? rng.uniform(0.0, 0.5) : rng.uniform(0.7, 1.0);
    const double angle = rng.uniform(0.0, 2 * std::numbers::pi);
    Point p{r * std::cos(angle), r * std::sin(angle), label};
    jitter(p, noise, rng);
    return p;
}

// scikit-learn's make_moons shape (t evenly spaced over [0, π]), centred and scaled by 0.8 to fit [−1.2, 1.2].
Point moons_point(int label, int i, int n, double noise, Rng& rng) {
    const double t = linspace(0.0, std::numbers::pi, n, i);
    const double x = label == 0 ? std::cos(t) : 1.0 - std::cos(t);
    const double y = label == 0 ? std::sin(t) : 0.5 - std::sin(t);
    Point p{0.8 * (x - 0.5), 0.8 * (y - 0.25), label};
    jitter(p, noise, rng);
    return p;
}

// K blobs centred on a circle of radius 0.6.
Point gaussian_point(int label, int classes, double noise, Rng& rng) {
    const double angle = 2 * std::numbers::pi * label / classes + std::numbers::pi / 4;
    Point p{0.6 * std::cos(angle), 0.6 * std::sin(angle), label};
    jitter(p, noise, rng);
    return p;
}

// 4 × 4 cells over [−1, 1]²; a point picks one of its class's 8 cells, then a uniform place inside it.
Point checkerboard_point(int label, double noise, Rng& rng) {
    const int cell = static_cast<int>(rng.below(8));
    const int row = cell / 2;
    const int column = 2 * (cell % 2) + ((row + label) % 2);  // (row + column) mod 2 == label
    Point p{-1.0 + 0.5 * (column + rng.uniform()), -1.0 + 0.5 * (row + rng.uniform()), label};
    jitter(p, noise, rng);
    return p;
}

}  // namespace

std::span<const DatasetInfo> dataset_infos() { return kInfos; }

const DatasetInfo& dataset_info(DatasetKind kind) { return kInfos[static_cast<size_t>(kind)]; }

std::optional<DatasetKind> find_dataset(std::string_view name) {
    for (const DatasetInfo& info : kInfos) {
        if (info.name == name) return info.kind;
    }
    return std::nullopt;
}

std::optional<std::string> DatasetConfig::validate() const {
    const DatasetInfo& info = dataset_info(kind);
    if (classes < info.min_classes || classes > info.max_classes) {
        if (info.min_classes == info.max_classes) {
            return "classes must be " + std::to_string(info.min_classes) + " for " + std::string(info.name) + ", got " +
                   std::to_string(classes);
        }
        return "classes must be between " + std::to_string(info.min_classes) + " and " +
               std::to_string(info.max_classes) + " for " + std::string(info.name) + ", got " + std::to_string(classes);
    }
    if (points < classes || points > kMaxPoints) {
        return "points must be between the number of classes (" + std::to_string(classes) + ") and " +
               std::to_string(kMaxPoints) + ", got " + std::to_string(points);
    }
    if (!(noise >= 0 && noise <= kMaxNoise)) {
        return "noise must be between 0 and " + number_text(kMaxNoise) + ", got " + number_text(noise);
    }
    if (!(test_ratio >= 0 && test_ratio <= kMaxTestRatio)) {
        return "test ratio must be between 0 and " + number_text(kMaxTestRatio) + ", got " + number_text(test_ratio);
    }
    if (points - std::llround(points * test_ratio) < 1) {
        return "test ratio " + number_text(test_ratio) + " leaves no training points out of " + std::to_string(points);
    }
    return std::nullopt;
}

std::vector<Point> generate_points(const DatasetConfig& config) {
    Rng rng(stream_seed(config.seed, SeedStream::Data));
    std::vector<Point> points;
    points.reserve(static_cast<size_t>(config.points));
    for (int label = 0; label < config.classes; ++label) {
        const int n = config.points / config.classes + (label < config.points % config.classes ? 1 : 0);
        for (int i = 0; i < n; ++i) {
            switch (config.kind) {
                case DatasetKind::Spiral: points.push_back(spiral_point(label, i, n, config.noise, rng)); break;
                case DatasetKind::Xor: points.push_back(xor_point(label, config.noise, rng)); break;
                case DatasetKind::Circles: points.push_back(circles_point(label, config.noise, rng)); break;
                case DatasetKind::Moons: points.push_back(moons_point(label, i, n, config.noise, rng)); break;
                case DatasetKind::Gaussians:
                    points.push_back(gaussian_point(label, config.classes, config.noise, rng));
                    break;
                case DatasetKind::Checkerboard: points.push_back(checkerboard_point(label, config.noise, rng)); break;
            }
        }
    }
    return points;
}

Dataset split_points(const std::vector<Point>& points, int classes, double test_ratio, std::uint64_t seed) {
    const size_t n = points.size();
    // Fisher–Yates over the indices; the first `test_count` of the permutation are held out.
    std::vector<size_t> order(n);
    for (size_t i = 0; i < n; ++i) order[i] = i;
    Rng rng(stream_seed(seed, SeedStream::Split));
    for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
    const auto test_count = static_cast<size_t>(std::llround(static_cast<double>(n) * test_ratio));
    std::vector<bool> is_test(n, false);
    for (size_t i = 0; i < test_count && i < n; ++i) is_test[order[i]] = true;
    Dataset data;
    data.classes = classes;
    for (size_t i = 0; i < n; ++i) (is_test[i] ? data.test : data.train).push_back(points[i]);
    return data;
}

Dataset make_dataset(const DatasetConfig& config) {
    return split_points(generate_points(config), config.classes, config.test_ratio, config.seed);
}

void add_point(Dataset& data, Point point, bool to_test) { (to_test ? data.test : data.train).push_back(point); }

int erase_points_near(Dataset& data, double x, double y, double radius) {
    int erased = 0;
    for (std::vector<Point>* set : {&data.train, &data.test}) {
        const size_t before = set->size();
        std::erase_if(*set, [&](const Point& p) { return std::hypot(p.x - x, p.y - y) <= radius; });
        erased += static_cast<int>(before - set->size());
    }
    return erased;
}

}  // namespace actviz
