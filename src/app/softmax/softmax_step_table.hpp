#pragma once
// The Softmax page's step table as text: one row per class and a Σ row, the stable steps then the
// naive ones, each cell the words the page prints ("inf", "NaN", "0") and whether it is shown in the
// warning colour (the naive way broke: non-finite, or e^(z/T) underflowed to 0). The numbers are
// core's softmax_steps(); nothing is recomputed here.

#include <string>
#include <vector>

#include "core/softmax_steps.hpp"

namespace actviz::app {

enum StepColumn { kClassColumn, kLogitColumn, kShiftedColumn, kExpColumn, kProbabilityColumn, kNaiveExpColumn,
                  kNaiveProbabilityColumn, kStepColumnCount };

struct StepCell {
    std::string text;
    bool warning = false;  // inf, NaN, or an exponential that underflowed to 0
};

struct SoftmaxStepTable {
    std::vector<std::string> headers;           // kStepColumnCount, in StepColumn order
    std::vector<std::string> header_tooltips;   // the same, one line each
    std::vector<std::vector<StepCell>> rows;    // K class rows, then the Σ row
    bool naive_fails = false;                   // some naive probability is not finite
};

// "inf", "−inf", "NaN", or the number with 6 significant digits and a true minus sign ("−2").
std::string step_number(double value);

SoftmaxStepTable softmax_step_table(const SoftmaxSteps& steps);

}  // namespace actviz::app
