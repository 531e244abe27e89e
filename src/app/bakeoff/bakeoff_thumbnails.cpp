// The Bake-off's small multiples: each contestant of seed 0 as its decision regions with the
// training points, captioned with what the table ranks on (accuracy, inactive units).

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/activation_colour.hpp"
#include "app/bakeoff/bakeoff_views.hpp"
#include "app/classifier/classifier_views.hpp"
#include "app/widgets.hpp"

namespace actviz::app {
namespace {

void draw_points(ImDrawList* draw, const Dataset& data, const GridView& view, ImVec2 min, float side) {
    const float sx = side / static_cast<float>(view.x_max - view.x_min);
    const float sy = side / static_cast<float>(view.y_max - view.y_min);
    const float r = std::clamp(side / 90.0f, 1.2f, 2.2f);
    for (const Point& p : data.train) {
        const ImVec2 c(min.x + static_cast<float>(p.x - view.x_min) * sx, min.y + static_cast<float>(view.y_max - p.y) * sy);
        draw->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), class_colour(p.label));
    }
}

void caption(const Contestant& c, float width) {
    const Trainer& trainer = c.trainer();
    const HistoryRecord& last = trainer.history().back();
    const ImU32 colour = activation_colour(*trainer.config().model.activations.front().activation);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(std::string(c.activation_name()).c_str());
    ImGui::PopStyleColor();
    if (trainer.divergence()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "diverged");
    }
    char text[96];
    if (last.test_accuracy) {
        std::snprintf(text, sizeof text, "train %.1f%%  test %.1f%%", 100 * last.train_accuracy,
                      100 * *last.test_accuracy);
    } else {
        std::snprintf(text, sizeof text, "train %.1f%%", 100 * last.train_accuracy);
    }
    // Shorter forms when the thumbnail is narrow, so captions never run into the next one nor wrap
    // inside a number ("98.\n0%" at 1024 px wide): the hover says which is which.
    if (ImGui::CalcTextSize(text).x > width && last.test_accuracy) {
        std::snprintf(text, sizeof text, "%.1f%% / %.1f%%", 100 * last.train_accuracy, 100 * *last.test_accuracy);
        if (ImGui::CalcTextSize(text).x > width) {
            std::snprintf(text, sizeof text, "%.1f/%.1f%%", 100 * last.train_accuracy, 100 * *last.test_accuracy);
        }
        if (ImGui::CalcTextSize(text).x > width) std::snprintf(text, sizeof text, "%.1f%%", 100 * *last.test_accuracy);
    }
    ImGui::TextUnformatted(text);
    note_readout("bakeoff.accuracy." + std::string(c.activation_name()));
    if (ImGui::IsItemHovered() && last.test_accuracy) {
        ImGui::SetTooltip("train %.1f%%, test %.1f%% at step %lld", 100 * last.train_accuracy, 100 * *last.test_accuracy,
                          static_cast<long long>(last.step));
    }
    const std::string_view word = inactivity_word(trainer);
    std::snprintf(text, sizeof text, "%s %.0f%%", std::string(word).c_str(), 100 * last.dead_fraction);
    if (ImGui::CalcTextSize(text).x > width && word.size() > 4) {  // "negative-side 7%" → "neg. 7%"
        std::snprintf(text, sizeof text, "%.3s. %.0f%%", std::string(word).c_str(), 100 * last.dead_fraction);
    }
    ImGui::TextDisabled("%s", text);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s %.1f%% of hidden units", std::string(word).c_str(), 100 * last.dead_fraction);
}

}  // namespace

int draw_bakeoff_thumbnails(BakeoffPanel& panel, ImVec2 size) {
    const BakeoffLive& session = panel.live;
    const Bakeoff* bakeoff = session.bakeoff();
    if (!bakeoff) return -1;
    const int count = bakeoff->activation_count();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float cell = std::floor((size.x - (count - 1) * style.ItemSpacing.x) / count);
    const float side = std::floor(std::max(std::min(cell, size.y - 3 * line), 24.0f));
    int clicked = -1;
    for (int a = 0; a < count; ++a) {
        if (a > 0) ImGui::SameLine();
        ImGui::PushID(a);
        ImGui::BeginGroup();
        const Contestant& c = bakeoff->contestant(a, 0);
        const ImVec2 min = ImGui::GetCursorScreenPos();
        const gfx::Texture& texture = session.thumbnail(a);
        if (ImGui::InvisibleButton("##thumb", ImVec2(side, side))) clicked = a;
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImVec2 max(min.x + side, min.y + side);
        if (!texture.empty()) draw->AddImage(texture.id(), min, max);
        draw_points(draw, c.trainer().data(), session.thumbnail_view(), min, side);
        const bool hovered = ImGui::IsItemHovered();
        draw->AddRect(min, max, hovered ? IM_COL32(255, 255, 255, 220) : IM_COL32(90, 94, 104, 255), 0, 0,
                      hovered ? 2.0f : 1.0f);
        if (hovered) {
            ImGui::SetTooltip("%s at step %lld: click to open it in the Classifier panel with these weights",
                              std::string(c.activation_name()).c_str(), static_cast<long long>(c.trainer().steps()));
        }
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + cell);
        caption(c, cell);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        // Keep every cell the same width whatever its caption, so thumbnails line up.
        const float used = ImGui::GetItemRectSize().x;
        if (used < cell) {
            ImGui::SameLine(0, 0);
            ImGui::Dummy(ImVec2(cell - used, 1));
        }
        ImGui::PopID();
    }
    return clicked;
}

}  // namespace actviz::app
