#include "settings/softmax_settings.hpp"

#include "settings/preset_list.hpp"

namespace actviz::settings {

const std::vector<SoftmaxPreset>& softmax_presets() {
    static const std::vector<SoftmaxPreset> presets{
        {"classic", "[2, 1, 0.1]",
         "The usual first example: softmax([2, 1, 0.1]) = [0.659, 0.242, 0.099] at T = 1.",
         [](SoftmaxSettings& s) { s = SoftmaxSettings(); }},
        {"textbook-1000", "[1000, 1001, 1002]",
         "The textbook's overflow: e^1000 is past the largest double (e^709.78), so the naive e^z is inf and "
         "inf/inf gives NaN probabilities. Subtracting the max first leaves e^−2, e^−1, e^0: p = [0.090, 0.245, "
         "0.665], the same as softmax([0, 1, 2]).",
         [](SoftmaxSettings& s) {
             s = SoftmaxSettings();
             s.logits = {1000, 1001, 1002};
         }},
        {"textbook-minus-1000", "[−1000, −1001, −1002]",
         "The other way round: e^−1000 underflows to 0, so the naive sum is 0 and 0/0 gives NaN. Subtracting the "
         "max (−1000) leaves e^0, e^−1, e^−2: p = [0.665, 0.245, 0.090].",
         [](SoftmaxSettings& s) {
             s = SoftmaxSettings();
             s.logits = {-1000, -1001, -1002};
         }},
    };
    return presets;
}

const SoftmaxPreset* find_softmax_preset(std::string_view id) { return find_preset(softmax_presets(), id); }

}  // namespace actviz::settings
