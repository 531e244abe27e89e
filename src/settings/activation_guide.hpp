#pragma once
// "Choosing an activation" (Help menu): the textbook's decision guide as data. Every piece of advice
// links to the panel and preset that demonstrates it, so the guide is a table of contents of the
// lessons; a test checks that every link names a preset its panel has.

#include <string_view>
#include <vector>

#include "settings/panels.hpp"

namespace actviz::settings {

struct GuideLink {
    std::string_view label;   // the button's text
    PanelId panel;
    std::string_view preset;  // one of preset_ids(panel), or empty: open the panel as it is
};

struct GuideEntry {
    std::string_view situation;  // "Units die (the dead share rises)"
    std::string_view advice;     // what to use, and why
    std::vector<GuideLink> links;
};

struct GuideSection {
    std::string_view title;
    std::vector<GuideEntry> entries;
};

const std::vector<GuideSection>& activation_guide();

}  // namespace actviz::settings
