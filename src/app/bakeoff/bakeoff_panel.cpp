// The Bake-off panel: one network trained with several activations side by side, in lockstep.
// Controls on the left (the contest: data, network, optimiser — the Classifier panel's groups —
// and the activations ticked); on the right the toolbar, one thumbnail per activation, the
// overlaid charts and the results table. The parts live in bakeoff_{thumbnails,charts,table}.cpp,
// the training in BakeoffLive.

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/activation_colour.hpp"
#include "app/sidebar.hpp"
#include "app/bakeoff/bakeoff_views.hpp"
#include "app/classifier/classifier_views.hpp"
#include "app/bakeoff/bakeoff_panel.hpp"
#include "app/setting_widgets.hpp"
#include "app/widgets.hpp"

namespace actviz::app {
namespace {

// Of the frame's budget, what the thumbnails may take (the rest of the UI and rendering come first).
constexpr double kThumbnailBudgetMs = 2.0;

void draw_presets(BakeoffSettings& settings) {
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##preset", "Presets…")) {
        for (const BakeoffPreset& preset : bakeoff_presets()) {
            if (ImGui::Selectable(std::string(preset.name).c_str())) preset.apply(settings);
        }
        ImGui::EndCombo();
    }
}

void draw_activation_ticks(BakeoffSettings& settings) {
    std::vector<int>& ticked = settings.activations;
    const int count = static_cast<int>(ticked.size());
    ImGui::TextDisabled("%d ticked (2 to 8)", count);
    ImGui::SameLine();
    if (ImGui::SmallButton("classic 7")) ticked = classic_bakeoff_activations();
    help_marker("Every ticked activation trains the same network from the same initial weights on the same "
                "batches: only the activation differs. Colours are those of the Activations panel.");
    const float height = ImGui::GetTextLineHeightWithSpacing() * 8.5f;
    ImGui::BeginChild("##ticks", ImVec2(0, height), true);
    for (const Activation& activation : activations()) {
        if (!activation.listed()) continue;  // a formula since redefined
        const int index = activation_index(activation);
        const auto it = std::find(ticked.begin(), ticked.end(), index);
        bool on = it != ticked.end();
        // A full list cannot take another: the box stays unticked and says why.
        ImGui::BeginDisabled(!on && count >= kMaxBakeoffActivations);
        ImGui::PushStyleColor(ImGuiCol_CheckMark, activation_colour(activation));
        ImGui::PushStyleColor(ImGuiCol_Text, activation_colour(activation));
        if (ImGui::Checkbox(std::string(activation.display).c_str(), &on)) {
            if (on) {
                ticked.push_back(index);
                std::sort(ticked.begin(), ticked.end());
            } else {
                ticked.erase(it);
            }
        }
        ImGui::PopStyleColor(2);
        ImGui::EndDisabled();
    }
    ImGui::EndChild();
}

void draw_controls(BakeoffPanel& panel) {
    BakeoffSettings& settings = panel.settings;
    draw_presets(settings);
    if (ImGui::CollapsingHeader("Activations", ImGuiTreeNodeFlags_DefaultOpen)) draw_activation_ticks(settings);
    if (ImGui::CollapsingHeader("Data", ImGuiTreeNodeFlags_DefaultOpen)) draw_classifier_data(settings.contest);
    if (ImGui::CollapsingHeader("Network")) draw_classifier_network(settings.contest, panel.hidden_edit, nullptr);
    if (ImGui::CollapsingHeader("Training", ImGuiTreeNodeFlags_DefaultOpen)) {
        const Bakeoff* bakeoff = panel.live.bakeoff();
        draw_classifier_training(settings.contest,
                                 bakeoff ? static_cast<int>(bakeoff->contestant(0).trainer().data().train.size()) : 0);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        setting_slider(bakeoff_setting::kSeeds, settings);
        help_marker("The table's mean ± spread is over this many seeds (initial weights and batch order): seed 0 "
                    "is the one drawn, the others train on a worker thread, never ahead of it.");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        setting_slider(bakeoff_setting::kStepBudget, settings);
        help_marker(bakeoff_setting::kStepBudget.help);
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    setting_slider(bakeoff_setting::kMinStepsPerSecond, settings);
    help_marker("Every contestant aims at this many steps per second: when frames come slower than 60 a second, "
                "each frame may take more steps, but only while its 16.7 ms budget lasts (one round past it at "
                "most), so a heavy contest trains slower rather than freezing the window. 0: only what fits in "
                "the budget beside drawing.");
    ImGui::TextDisabled("Any change restarts the contest.");
}

// Continues the line when `text` still fits on it, else starts a new one (narrow windows).
void same_line_if_fits(const char* text) {
    const float spacing = ImGui::GetFontSize();
    const float end = ImGui::GetItemRectMax().x + spacing + ImGui::CalcTextSize(text).x;
    if (end < ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine(0, spacing);
}

// "2-32-32-32-32-3 · adam η = 0.01 · full batch of 600": the contest in one line.
std::string contest_text(const Trainer& trainer) {
    const Mlp& mlp = trainer.mlp();
    std::string text = std::to_string(mlp.input_size());
    for (int h = 0; h < mlp.hidden_count(); ++h) text += "-" + std::to_string(mlp.units(h));
    text += "-" + std::to_string(trainer.data().classes);
    char rest[96];
    const int train = static_cast<int>(trainer.data().train.size());
    const int batch = trainer.effective_batch();
    if (batch >= train) {
        std::snprintf(rest, sizeof rest, " · %s η = %.3g · full batch of %d", std::string(optimizer_name(trainer.config().optimizer.kind)).c_str(),
                      trainer.config().optimizer.learning_rate, train);
    } else {
        std::snprintf(rest, sizeof rest, " · %s η = %.3g · batches of %d of %d",
                      std::string(optimizer_name(trainer.config().optimizer.kind)).c_str(),
                      trainer.config().optimizer.learning_rate, batch, train);
    }
    return text + rest;
}

void draw_toolbar(BakeoffPanel& panel) {
    BakeoffSettings& settings = panel.settings;
    BakeoffLive& session = panel.live;
    const float font = ImGui::GetFontSize();
    // At the step budget there is nothing to play: the button says so until the budget is raised.
    const bool over = session.at_budget();
    ImGui::BeginDisabled(over);
    if (ImGui::Button(over ? "Done" : settings.playing ? "Pause" : "▶ Play", ImVec2(font * 5, 0))) {
        settings.playing = !settings.playing;
    }
    ImGui::EndDisabled();
    if (over && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("At the step budget (%lld): raise it under Training to go on, or Reset.",
                          static_cast<long long>(session.step_budget()));
    }
    ImGui::SameLine();
    if (ImGui::Button("Reset")) session.restart(BakeoffLive::DearRebuild::BesideTheFrame, settings.frame_budget_ms);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Every contestant back to step 0 (the same initial weights)");
    ImGui::SameLine();
    ImGui::Checkbox("log loss", &settings.log_loss);
    ImGui::SameLine();
    ImGui::Checkbox("log ‖∂L/∂W‖", &settings.log_grad);
    const Bakeoff* bakeoff = session.bakeoff();
    if (bakeoff) {
        const Trainer& trainer = bakeoff->contestant(0).trainer();
        ImGui::SameLine(0, font * 1.5f);
        ImGui::Text("step %lld / %lld", static_cast<long long>(trainer.steps()), static_cast<long long>(session.step_budget()));
        const std::string contest = contest_text(trainer);
        same_line_if_fits(contest.c_str());
        ImGui::TextDisabled("%s", contest.c_str());
        // What the speed target is about: steps per second of each contestant, and where the frame goes.
        char text[160];
        // One decimal below 10: a heavy contest at 0.4 steps/s must not read "0 steps/s".
        const double rate = session.steps_per_second();
        if (session.at_budget()) {
            std::snprintf(text, sizeof text, "at the budget (%d contestants)", bakeoff->activation_count());
        } else {
            std::snprintf(text, sizeof text, "%.*f steps/s each (%d contestants)", rate < 10 ? 1 : 0, rate,
                          bakeoff->activation_count());
        }
        ImGui::TextDisabled("%s", text);
        const FrameBreakdown& frames = session.breakdown();
        std::snprintf(text, sizeof text, "frame (median ms): train %.1f, thumbnails %.1f, UI %.1f, render %.1f",
                      frames.median(FramePhase::Train), frames.median(FramePhase::Planes),
                      frames.median(FramePhase::Ui), frames.median(FramePhase::Render));
        same_line_if_fits(text);
        ImGui::TextDisabled("%s", text);
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("Median of the last %d frames. train: the frame's steps, one contestant at a time (%d "
                              "last frame), and the records the charts show, ~15 a second. thumbnails: decision regions of the "
                              "contestants that moved, one forward pass of 100 x 100 points each. UI: building "
                              "the rest of the frame. render: drawing and presenting it (with a software "
                              "renderer, rasterising the whole window).",
                              frames.frames(), session.last_steps());
        }
        if (session.table_seeds() > 1) {
            std::snprintf(text, sizeof text, "background seeds 1–%d at step %lld%s", session.table_seeds() - 1,
                          static_cast<long long>(session.background_steps()), session.is_final() ? " (final)" : "");
            same_line_if_fits(text);
            ImGui::TextDisabled("%s", text);
            help_marker("The table averages over every seed. Seed 0 (drawn here) trains on this thread within "
                        "the frame's budget; the other seeds train on a worker thread at low priority and never "
                        "run ahead of seed 0. Until they catch up, their milestones may still be missing (n/K).");
        }
    }
    if (session.rebuild_waiting()) {
        ImGui::TextDisabled("A new contest when you let go (about %.0f ms to make)", session.expected_rebuild_ms());
    } else if (session.rebuilding()) {
        ImGui::TextDisabled("Making the new contest (about %.0f ms); the old one waits", session.expected_rebuild_ms());
    }
    if (!session.error().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.45f, 0.4f, 1));
        ImGui::TextWrapped("Settings not applied: %s", session.error().c_str());  // a refusal is a sentence
        ImGui::PopStyleColor();
    }
}

}  // namespace

std::string open_contestant_in_classifier(const BakeoffPanel& bakeoff, int activation, ClassifierPanel& classifier) {
    const Contestant& c = bakeoff.live.bakeoff()->contestant(activation, 0);
    ClassifierSettings settings = bakeoff.live.built_contest(bakeoff.settings.contest);
    const LayerActivation& layer = c.trainer().config().model.activations.front();
    settings.hyper.activation = activation_index(*layer.activation);
    settings.hyper.parameters = layer.parameters;
    settings.run = classifier.settings.run;
    settings.run.playing = false;
    settings.view = classifier.settings.view;
    settings.preset.clear();
    classifier.settings = settings;
    classifier.live.adopt(c.trainer(), settings);
    return "Opened " + std::string(c.activation_name()) + " at step " + std::to_string(c.trainer().steps()) +
           " in the Classifier panel";
}

void draw_bakeoff_panel(BakeoffPanel& panel, PanelContext& context) {
    BakeoffLive& session = panel.live;
    session.close_previous_frame(context.times.last_build_ms, context.times.last_render_ms);
    session.sync(panel.settings, context.memory_budget, ImGui::IsAnyItemActive(), BakeoffLive::DearRebuild::BesideTheFrame);
    // The frame's budget minus what the rest of the last frame took (UI, thumbnails, submitting the
    // draw calls; not the wait in SwapBuffers, which is vsync's time to give away).
    const double other_ms = std::max(context.times.last_work_ms - session.train_ms(), 0.0);
    // The steps per frame that keep the minimum pace at the current frame rate (frames slower than
    // ~10 fps count as 10 fps, so a slow frame cannot ask for ever more steps).
    const double fps = std::max(context.times.stats.frames_per_second(), 10.0);
    const int min_steps = static_cast<int>(std::ceil(std::max(panel.settings.min_steps_per_second, 0) / fps));
    session.train_frame(panel.settings, panel.settings.frame_budget_ms - other_ms, std::max(min_steps, 1));
    session.update_thumbnails(class_rgb_palette(), plane_background(), kThumbnailBudgetMs);
    // While the background seeds catch up to the budget, the verdict changes without input.
    // Also while records are on their way beside the frame: a later frame takes them in.
    if (session.rebuilding()) {
        // Nothing moves while the new contest is made: frames often enough to take it in soon,
        // not in a stream that would take the cores from its worker.
        context.requests.wake_within_s = std::min(context.requests.wake_within_s, 0.05);
    } else if (panel.settings.playing || session.work_outstanding() || (session.at_budget() && !session.is_final())) {
        context.requests.animating = true;
    }

    const float font = ImGui::GetFontSize();
    const ImGuiStyle& style = ImGui::GetStyle();
    if (begin_sidebar("controls", panel.sidebar, 17.5f)) {
        draw_controls(panel);
        end_sidebar(panel.sidebar);
    }
    ImGui::BeginChild("results");
    draw_toolbar(panel);
    if (!session.bakeoff()) {
        ImGui::EndChild();
        return;
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const int count = session.bakeoff()->activation_count();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    // Thumbnails square in their column, at most ~30% of the height; the table sized to its rows.
    const float cell = std::floor((avail.x - (count - 1) * style.ItemSpacing.x) / count);
    const float thumbs = std::min(cell, std::floor(avail.y * 0.32f)) + 3 * line + style.ItemSpacing.y;
    const float table = std::min((count + 1.6f) * (line + 2), avail.y * 0.3f);
    // The verdict at its wrapped height, up to a fifth of the height (its own scroll beyond); in a
    // short window (1024 × 640) all of it still, and the table below scrolls into view.
    const bool short_window = avail.y < font * 36;
    const float verdict = std::min(bakeoff_verdict_height(panel, avail.x), avail.y * (short_window ? 0.45f : 0.22f));
    // The units-on-the-curve row: a line for its switch and layer, then charts ~0.6 of a thumbnail high
    // (at least 6.5 lines: its title and ticks take three, and the curves need the rest), taken from
    // the training charts; in a short window the page scrolls rather than squash them.
    const float header = ImGui::GetFrameHeightWithSpacing();
    const float curves = panel.settings.show_unit_curves
                             ? std::clamp(std::floor(cell * 0.6f), font * 6.5f, std::max(font * 6.5f, avail.y * 0.22f))
                             : 0.0f;
    const float charts =
        std::max(avail.y - thumbs - header - curves - table - verdict - 4 * style.ItemSpacing.y, font * 8);
    const int clicked = draw_bakeoff_thumbnails(panel, ImVec2(avail.x, thumbs));
    bakeoff_unit_curves_header(panel);
    if (curves > 0) draw_bakeoff_unit_curves(panel, ImVec2(avail.x, curves));
    draw_bakeoff_charts(panel, ImVec2(avail.x, charts));
    draw_bakeoff_verdict(panel, ImVec2(avail.x, verdict));
    draw_bakeoff_table(panel, ImVec2(avail.x, std::max(ImGui::GetContentRegionAvail().y, table)));
    ImGui::EndChild();
    if (clicked >= 0) context.requests.open_contestant_in_classifier = clicked;
}

}  // namespace actviz::app
