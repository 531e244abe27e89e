#pragma once
// The user's own points as CSV: `x,y,label` a line, optionally `x,y,label,split` (split: train or
// test), a header line optional (a first line whose x and y are not numbers). What File > Import
// data, drag-and-drop, `actviz train --data` and `actviz bakeoff --data` read, and what File >
// Export data writes, so an export imports back to the very same points, bit for bit.
//
// Labels are integers or strings. Integer labels keep their order (the smallest is class 0: a file
// labelled 0..K−1 keeps its class numbers); otherwise every label is a name and the classes are
// numbered in order of first appearance. 2 to kMaxClasses classes, at most kMaxPoints points.
//
// Reading is all or nothing: an error names the line and column and what was wrong, and nothing is
// returned; the caller keeps what it had.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"

namespace actviz {

// Lines longer than this are not a point (an x, a y, a label and a split fit in a fraction of it).
inline constexpr std::size_t kMaxPointsLineBytes = 1024;
// Files larger than this are refused before reading: kMaxPoints lines of two 17-digit numbers and
// a label are well under it.
inline constexpr std::size_t kMaxPointsFileBytes = std::size_t{32} << 20;

// x' = (x − centre_x) · scale, y' = (y − centre_y) · scale: one scale for both axes (shapes keep
// their proportions), the bounding box's centre moved to 0 and its longer side to ±kDataExtent.
struct PlaneRescale {
    double scale = 1, centre_x = 0, centre_y = 0;
};

struct PointsCsvOptions {
    bool rescale = false;     // into the plane (PlaneRescale); otherwise |x|, |y| must be ≤ kMaxCoordinate
    double test_ratio = 0.2;  // for a file without a split column: split_points with these
    std::uint64_t seed = 0;
};

struct ImportedData {
    std::string name;                 // the file's name, for "imported: NAME, K classes"
    Dataset data;                     // the points, split as the file says (or by test_ratio and seed)
    std::vector<std::string> labels;  // class k's label as written in the file
    bool split_from_file = false;     // the file had a split column
    std::optional<PlaneRescale> rescale;  // when asked for: what was applied
    // Points outside the plane the Classifier opens on (±kPlaneExtent) when not rescaled: worth a
    // word to the user, since they would be off screen.
    bool beyond_plane = false;
};

struct PointsCsvResult {
    std::optional<ImportedData> imported;  // set on success
    std::string error;                     // otherwise: "line 4, column 2: ..."
};

PointsCsvResult read_points_csv(std::string_view text, std::string_view name, const PointsCsvOptions& options = {});

// `x,y,label,split`, then the training points and the test points in their order; numbers in
// their shortest round-trip form, labels the class numbers.
std::string write_points_csv(const Dataset& data);

// "imported: spiral.csv, 3 classes"
std::string describe_imported(const ImportedData& imported);
// "×0.013, centred on (52, −3.1)"
std::string describe_rescale(const PlaneRescale& rescale);

}  // namespace actviz
