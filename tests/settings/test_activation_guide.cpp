// Help > Choosing an activation: every piece of advice links to something that exists, and every
// lesson preset is reachable from the guide (a preset no one can find teaches no one).

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "settings/activation_guide.hpp"
#include "settings/panels.hpp"

namespace actviz::settings {
namespace {

TEST(ActivationGuide, EveryLinkNamesAPresetItsPanelHas) {
    int links = 0;
    for (const GuideSection& section : activation_guide()) {
        EXPECT_FALSE(section.entries.empty()) << section.title;
        for (const GuideEntry& entry : section.entries) {
            EXPECT_FALSE(entry.advice.empty()) << entry.situation;
            for (const GuideLink& link : entry.links) {
                ++links;
                if (!link.preset.empty()) {
                    EXPECT_TRUE(has_preset(link.panel, link.preset)) << link.label << ": " << link.preset;
                }
            }
        }
    }
    EXPECT_GT(links, 10);
}

TEST(ActivationGuide, EveryClassifierAndGradientFlowLessonIsOneClickFromTheGuide) {
    std::set<std::string> linked;
    for (const GuideSection& section : activation_guide())
        for (const GuideEntry& entry : section.entries)
            for (const GuideLink& link : entry.links) linked.insert(std::string(link.preset));
    // The lessons that illustrate a choice of activation; the others (spiral-tanh, usual inits, the
    // exploding and 0.2 vs 0.5 exercises, the bake-off variants) are about other things.
    for (const char* id : {"dying-relu-lr", "leaky-relu-revives", "debugging-challenge", "gelu-vs-relu", "sigmoid-deep",
                           "linear-collapse", "sigmoid-20", "tanh-vanishes", "residual-depth-100"}) {
        EXPECT_TRUE(linked.count(id)) << id;
    }
}

}  // namespace
}  // namespace actviz::settings
