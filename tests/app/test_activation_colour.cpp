// An activation's colour is the same on every page and, for the ones compared most often, one of
// the palette's colour-blind-safe colours (tests/plot/test_palette.cpp checks those stay apart).

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "app/activation_colour.hpp"
#include "settings/bakeoff_settings.hpp"

namespace actviz::app {
namespace {

TEST(ActivationColour, TheBakeoffsClassicSevenTakeSevenDifferentColourBlindSafeColours) {
    std::set<ImU32> safe, taken;
    for (int i = 0; i < plot::kSafeSeriesColours; ++i) safe.insert(plot::series_colour(i));
    for (int index : settings::classic_bakeoff_activations()) {
        const ImU32 colour = activation_colour(activations()[static_cast<std::size_t>(index)]);
        EXPECT_TRUE(safe.count(colour)) << activations()[static_cast<std::size_t>(index)].name;
        EXPECT_TRUE(taken.insert(colour).second) << activations()[static_cast<std::size_t>(index)].name << " repeats a colour";
    }
    EXPECT_EQ(taken.size(), 7u);
}

TEST(ActivationColour, NoOtherBuiltInActivationTakesAColourBlindSafeColour) {
    // Else a curve beside the classic seven could look like one of them.
    const auto classic = settings::classic_bakeoff_activations();
    std::set<ImU32> safe;
    for (int i = 0; i < plot::kSafeSeriesColours; ++i) safe.insert(plot::series_colour(i));
    for (const Activation& a : activations()) {
        if (a.custom || a.name == "identity") continue;
        if (std::find(classic.begin(), classic.end(), activation_index(a)) != classic.end()) continue;
        EXPECT_FALSE(safe.count(activation_colour(a))) << a.name;
    }
}

}  // namespace
}  // namespace actviz::app
