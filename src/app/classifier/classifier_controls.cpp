// [SECTION] Helpers: double sliders, combos
// [SECTION] Presets and their lessons
// [SECTION] Data
// [SECTION] Network
// [SECTION] Training
// [SECTION] Mouse editing and timings
// [SECTION] Toolbar: play, step, reset, steps per frame; divergence

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <string>

#include "app/activation_link_ui.hpp"
#include "app/classifier/classifier_views.hpp"
#include "app/setting_widgets.hpp"
#include "app/widgets.hpp"

namespace actviz::app {
namespace {

// [SECTION] Helpers: double sliders, combos ----------------------------------------------------

bool slider_double(const char* label, double* value, double min, double max, const char* format, bool logarithmic) {
    return checked_slider(label, value, min, max, format, logarithmic ? ImGuiSliderFlags_Logarithmic : 0);
}

float item_width() { return ImGui::GetFontSize() * 9.5f; }

// [SECTION] Presets and their lessons ----------------------------------------------------------

void draw_presets(ClassifierSettings& settings) {
    ImGui::SetNextItemWidth(-1);
    const ClassifierPreset* current = find_classifier_preset(settings.preset);
    const std::string shown = current ? std::string(current->name) : "Presets…";
    if (ImGui::BeginCombo("##preset", shown.c_str())) {
        for (const ClassifierPreset& preset : classifier_presets()) {
            if (ImGui::Selectable(std::string(preset.name).c_str(), current == &preset)) preset.apply(settings);
            item_tooltip(preset.lesson);
        }
        ImGui::EndCombo();
    }
    if (!current) return;
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.75f, 0.8f, 0.9f, 1), "%s", std::string(current->lesson).c_str());
    ImGui::PopTextWrapPos();
    if (!current->variant_label.empty() && ImGui::Button(std::string(current->variant_label).c_str(), ImVec2(-1, 0))) {
        current->apply_variant(settings);
    }
}

}  // namespace

// [SECTION] Data -------------------------------------------------------------------------------

namespace {

// What an import brought in, under the dataset box: the generated dataset's sliders do not apply.
void draw_imported_summary(const ImportedData& imported) {
    // Wrapped short of the column's edge: its scrollbar would hide the end of a longer line.
    ImGui::PushTextWrapPos(ImGui::GetWindowContentRegionMax().x - ImGui::GetStyle().ScrollbarSize);
    ImGui::TextDisabled("%zu train · %zu test points, %s", imported.data.train.size(), imported.data.test.size(),
                        imported.split_from_file ? "split as in the file" : "split at import by the test ratio");
    if (imported.rescale) ImGui::TextDisabled("rescaled into the plane: %s", describe_rescale(*imported.rescale).c_str());
    std::string labels;
    for (std::size_t k = 0; k < imported.labels.size(); ++k) {
        labels += (k ? " · " : "") + std::to_string(k) + " = " + imported.labels[k];
    }
    ImGui::TextDisabled("classes: %s", labels.c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace

void draw_classifier_data(ClassifierSettings& settings, const Trainer* trained) {
    ClassifierData& data = settings.data;
    const DatasetInfo& info = dataset_info(data.kind);
    ImGui::SetNextItemWidth(item_width());
    if (ImGui::BeginCombo("dataset", describe_data(data).c_str())) {
        if (data.imported) ImGui::Selectable(describe_imported(*data.imported).c_str(), true);
        for (const DatasetInfo& candidate : dataset_infos()) {
            if (ImGui::Selectable(std::string(candidate.display).c_str(), !data.imported && candidate.kind == data.kind)) {
                data.kind = candidate.kind;
                data.noise = candidate.default_noise;
                use_imported_data(data, nullptr);  // the class count back within the dataset's range
            }
        }
        ImGui::EndCombo();
    }
    if (data.imported) {
        item_tooltip(describe_imported(*data.imported));  // the box is narrower than a long file name
        help_marker("Your own points (File > Import data, or drop a .csv on the window). Pick a dataset here to go "
                    "back to generated points. File > Export data writes the points on screen, hand edits included.");
        draw_imported_summary(*data.imported);
    } else {
        ImGui::BeginDisabled(info.min_classes == info.max_classes);
        ImGui::SetNextItemWidth(item_width());
        ImGui::SliderInt("classes", &data.classes, info.min_classes, info.max_classes, "%d", ImGuiSliderFlags_AlwaysClamp);
        ImGui::EndDisabled();
        ImGui::SetNextItemWidth(item_width());
        setting_slider(classifier_setting::kPoints, data);
        help_marker("Total over all classes (train + test), as drawn from the dataset; points added or erased "
                    "by hand change the count on screen until the data is drawn again.");
    }
    if (trained) {
        const auto now = static_cast<int>(trained->data().train.size() + trained->data().test.size());
        const int drawn = data.imported ? static_cast<int>(data.imported->data.train.size() + data.imported->data.test.size())
                                        : data.points;
        if (now != drawn) ImGui::TextDisabled("on screen: %d points (%+d by hand)", now, now - drawn);
    }
    if (!data.imported) {
        ImGui::SetNextItemWidth(item_width());
        setting_slider(classifier_setting::kNoise, data);
        help_marker(std::string(info.noise_meaning).c_str());
        ImGui::SetNextItemWidth(item_width());
        setting_slider(classifier_setting::kTestRatio, data);
        help_marker("Share of the points held out: drawn hollow, never trained on. The gap between train and test "
                    "loss is overfitting.");
    }
    ImGui::SetNextItemWidth(item_width());
    ImGui::InputInt("seed", &settings.architecture.seed);
    settings.architecture.seed = std::max(settings.architecture.seed, 0);
    help_marker("One seed for the data, the split, the initial weights and the batch order: the same seed gives "
                "the same run.");
}

// [SECTION] Network ----------------------------------------------------------------------------

namespace {

void draw_hidden_layers(ClassifierArchitecture& arch, HiddenLayersEdit& edit) {
    char (&buffer)[64] = edit.text;  // the text being edited; follows the settings while not focused
    std::string& error = edit.error;
    ImGui::SetNextItemWidth(item_width());
    const bool entered = ImGui::InputText("hidden", buffer, sizeof buffer, ImGuiInputTextFlags_EnterReturnsTrue);
    if (entered || ImGui::IsItemDeactivatedAfterEdit()) {
        if (auto hidden = parse_hidden_text(buffer, error)) {
            arch.hidden = *hidden;
            error.clear();
        }
    }
    if (!ImGui::IsItemActive()) std::snprintf(buffer, sizeof buffer, "%s", hidden_text(arch.hidden).c_str());
    help_marker("Units per hidden layer, comma separated: \"16, 16\" is two layers of 16. 0 to 8 layers of 1 to 64 "
                "units; \"0\" = no hidden layer (a linear classifier). Press Enter to rebuild.");
    if (!error.empty()) ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "%s", error.c_str());
}

void draw_features(FeatureSet& features) {
    ImGui::TextUnformatted("inputs: x, y");
    ImGui::SameLine();
    ImGui::Checkbox("x²", &features.x_squared);
    ImGui::SameLine();
    ImGui::Checkbox("y²", &features.y_squared);
    ImGui::SameLine();
    ImGui::Checkbox("xy", &features.xy);
    ImGui::Checkbox("sin x", &features.sin_x);
    ImGui::SameLine();
    ImGui::Checkbox("sin y", &features.sin_y);
    help_marker("Extra inputs computed from (x, y), as in TensorFlow Playground: with x² and y² even a network "
                "without hidden layers can draw a circle.");
}

void draw_activation(ClassifierHyper& hyper, LinkContext& link) {
    const Activation& current = activations()[static_cast<size_t>(hyper.activation)];
    ImGui::SetNextItemWidth(item_width());
    if (ImGui::BeginCombo("activation", std::string(current.display).c_str())) {
        for (const Activation& activation : activations()) {
            if (!activation.listed()) continue;  // a formula since redefined
            const int index = activation_index(activation);
            if (ImGui::Selectable(std::string(activation.display).c_str(), index == hyper.activation)) {
                hyper.activation = index;
                hyper.parameters = activation.defaults();
            }
        }
        ImGui::EndCombo();
    }
    help_marker("For every hidden layer. Changing it keeps the weights: the same network computes with the new "
                "function from the next step on.");
    for (int i = 0; i < current.parameter_count; ++i) {
        const Parameter& p = current.parameters[static_cast<size_t>(i)];
        ImGui::SetNextItemWidth(item_width());
        slider_double(std::string(p.symbol).c_str(), &hyper.parameters[static_cast<size_t>(i)], p.min, p.max, "%.3g",
                      false);
    }
    if (auto reason = current.invalid_reason(hyper.parameters)) {
        ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "%s", reason->c_str());
    }
    draw_link_checkbox(link, classifier_choice(hyper), "link to the other panels");
}

}  // namespace

void draw_classifier_network(ClassifierSettings& settings, HiddenLayersEdit& hidden, LinkContext* link) {
    ClassifierArchitecture& arch = settings.architecture;
    draw_hidden_layers(arch, hidden);
    draw_features(arch.features);
    if (link) draw_activation(settings.hyper, *link);
    ImGui::SetNextItemWidth(item_width());
    if (ImGui::BeginCombo("init", std::string(init_scheme_name(arch.init)).c_str())) {
        for (std::string_view name : init_scheme_names()) {
            const InitScheme scheme = *find_init_scheme(name);
            if (ImGui::Selectable(std::string(name).c_str(), scheme == arch.init)) arch.init = scheme;
        }
        ImGui::EndCombo();
    }
    help_marker("How the initial weights are drawn: xavier for tanh/sigmoid, he for the ReLU family.");
    ImGui::SetNextItemWidth(item_width());
    setting_slider(classifier_setting::kGain, arch);
    help_marker("Multiplies the initialisation's scale.");
    ImGui::SetNextItemWidth(item_width());
    setting_slider(classifier_setting::kBias, arch);
    help_marker("Initial bias of every hidden unit. −5 puts every ReLU's input below zero for every point: dead "
                "from the start (f′ = 0, no gradient ever arrives).");
}

// [SECTION] Training ---------------------------------------------------------------------------

void draw_classifier_training(ClassifierSettings& settings, int train_points) {
    ClassifierHyper& hyper = settings.hyper;
    ImGui::SetNextItemWidth(item_width());
    if (ImGui::BeginCombo("optimiser", std::string(optimizer_name(hyper.optimizer)).c_str())) {
        for (std::string_view name : optimizer_names()) {
            const OptimizerKind kind = *find_optimizer(name);
            if (ImGui::Selectable(std::string(name).c_str(), kind == hyper.optimizer)) hyper.optimizer = kind;
        }
        ImGui::EndCombo();
    }
    help_marker("sgd: θ −= η g.  momentum: a running sum of gradients.  adam: per-parameter steps scaled by the "
                "gradient's running RMS, so even tiny gradients move weights.  rmsprop: the RMS scaling alone. "
                "Switching keeps the weights.");
    if (hyper.optimizer == OptimizerKind::Momentum) {
        ImGui::SetNextItemWidth(item_width());
        setting_slider(classifier_setting::kMomentum, hyper);
        ImGui::SameLine();
        setting_checkbox(classifier_setting::kNesterov, hyper);
    }
    ImGui::SetNextItemWidth(item_width());
    setting_slider(classifier_setting::kLearningRate, hyper);
    help_marker("η, the step size. Too small: nothing happens. Too large: the loss jumps around, ReLUs die, or "
                "training diverges (it then pauses itself). Takes effect on the next step; weights kept.");
    ImGui::SetNextItemWidth(item_width());
    ImGui::SliderInt("batch", &hyper.batch, 0, std::max(train_points, 1), hyper.batch == 0 ? "full" : "%d",
                     ImGuiSliderFlags_AlwaysClamp);
    help_marker("Points per step, drawn in a shuffled order; 0 = all the training points (full batch). Small "
                "batches give noisy steps.");
    ImGui::SetNextItemWidth(item_width());
    setting_slider(classifier_setting::kL2, hyper);
    help_marker("λ₂·Σw²: pulls weights towards zero (weight decay), smoothing the boundary.");
    ImGui::SetNextItemWidth(item_width());
    setting_slider(classifier_setting::kL1, hyper);
    help_marker("λ₁·Σ|w|: pushes small weights to exactly zero (sparse networks).");
}

namespace {

// [SECTION] Mouse editing and timings ----------------------------------------------------------

void draw_mouse_tools(ClassifierView& view, int classes) {
    int tool = static_cast<int>(view.tool);
    ImGui::RadioButton("pan", &tool, 0);
    ImGui::SameLine();
    ImGui::RadioButton("add", &tool, 1);
    ImGui::SameLine();
    ImGui::RadioButton("erase", &tool, 2);
    view.tool = static_cast<MouseTool>(tool);
    help_marker("What a click on the decision plane does. Dragging always pans, the wheel zooms, double-click fits; "
                "right-click → Reset view. Edited points keep the weights.");
    if (view.tool == MouseTool::Add) {
        for (int k = 0; k < classes; ++k) {
            ImGui::PushID(k);
            if (k > 0) ImGui::SameLine();
            const bool selected = view.paint_class == k;
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(class_colour(k)));
            char label[8];
            std::snprintf(label, sizeof label, selected ? "[%d]" : " %d ", k);  // classes 0..K−1
            if (ImGui::Button(label)) view.paint_class = k;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("add %s points", class_label(k).c_str());
            ImGui::PopStyleColor();
            ImGui::PopID();
        }
        ImGui::Checkbox("add to the test set", &view.add_to_test);
    }
    ImGui::Checkbox("test points", &view.show_test);
    ImGui::SameLine();
    ImGui::Checkbox("contours", &view.show_contours);
    ImGui::Checkbox("linear regions", &view.linear_regions);
    help_marker("Colours the plane by the on/off pattern of every ReLU-family unit — which linear piece each "
                "piecewise-linear unit (ReLU, leaky ReLU, PReLU, ReLU6, hardtanh, …) is on — each distinct pattern "
                "its own colour. Where the pattern is constant the network is one affine function: these are its "
                "linear regions, counted over the plane's grid (a region thinner than a grid cell is missed). One "
                "layer of two ReLUs whose lines cross makes 4; depth multiplies them.");
}

void draw_timings(const ClassifierPanel& panel) {
    const FrameBreakdown& breakdown = panel.live.breakdown();
    // The true rate, also when a step is slower than the frame's budget (then one step a frame).
    ImGui::TextDisabled("%.1f steps/s, %d last frame", panel.live.steps_per_second(), panel.live.last_steps());
    ImGui::TextDisabled("median of the last %d frames (ms)", breakdown.frames());
    if (ImGui::BeginTable("##timings", 2, ImGuiTableFlags_SizingFixedFit)) {
        for (int i = 0; i < kFramePhaseCount; ++i) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(kFramePhaseNames[i]);
            ImGui::TableNextColumn();
            ImGui::Text("%6.2f", breakdown.median(static_cast<FramePhase>(i)));
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted("frame");
        ImGui::TableNextColumn();
        ImGui::Text("%6.2f", breakdown.median_total());
        ImGui::EndTable();
    }
    if (panel.live.worker_plane_ms() > 0) ImGui::TextDisabled("planes' pass beside it: %.2f ms", panel.live.worker_plane_ms());
    help_marker("train: the frame's optimiser steps plus one evaluation on all the data. planes: the decision "
                "regions, contours, inactive-unit map and node pictures — computed in the frame while paused; while "
                "training plays a worker thread computes them from a copy of the weights, and the frame only uploads "
                "the finished pictures (the pass beside it: what the worker's last one took). UI: the rest of "
                "building the frame. render: drawing and presenting it.");
}

}  // namespace

void draw_classifier_controls(ClassifierPanel& panel, PanelContext& context) {
    ClassifierSettings& settings = panel.settings;
    draw_presets(settings);
    const Trainer* trainer = panel.live.trainer();
    if (ImGui::CollapsingHeader("Data", ImGuiTreeNodeFlags_DefaultOpen)) draw_classifier_data(settings, panel.live.trainer_built_for(settings));
    if (ImGui::CollapsingHeader("Network", ImGuiTreeNodeFlags_DefaultOpen)) draw_classifier_network(settings, panel.hidden_edit, &context.link);
    if (ImGui::CollapsingHeader("Training", ImGuiTreeNodeFlags_DefaultOpen)) {
        draw_classifier_training(settings, trainer ? static_cast<int>(trainer->data().train.size()) : 0);
    }
    if (ImGui::CollapsingHeader("Mouse", ImGuiTreeNodeFlags_DefaultOpen)) {
        draw_mouse_tools(settings.view, trainer ? trainer->data().classes : settings.data.classes);
    }
    if (ImGui::CollapsingHeader("Frame time")) draw_timings(panel);
}

// [SECTION] Toolbar: play, step, reset, steps per frame; divergence ---------------------------

void draw_classifier_toolbar(ClassifierPanel& panel, const UiFonts& fonts) {
    ClassifierSettings& settings = panel.settings;
    ClassifierRun& run = settings.run;
    ClassifierLive& session = panel.live;
    const float font = ImGui::GetFontSize();
    if (ImGui::Button(run.playing ? "Pause" : "▶ Play", ImVec2(font * 5, 0))) run.playing = !run.playing;
    ImGui::SameLine();
    ImGui::BeginDisabled(session.rebuilding());  // the network on screen is about to be replaced
    if (ImGui::Button("Step")) session.single_step();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("One optimiser step");
    ImGui::SameLine();
    if (ImGui::Button("Reset")) session.reset(ClassifierLive::DearRebuild::BesideTheFrame, settings.run.frame_budget_ms);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("New initial weights from the seed; the data stays as edited");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(run.automatic);
    ImGui::SetNextItemWidth(font * 8);
    setting_slider(classifier_setting::kStepsPerFrame, run);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::Checkbox("auto", &run.automatic);
    help_marker("Steps per frame is a ceiling: a frame stops stepping when the next step (as dear as the last) "
                "would pass the frame's time budget (16.7 ms, 60 fps) beside drawing; the first step always runs. "
                "Automatic: no ceiling but the budget.");
    const Trainer* trainer = session.trainer();
    if (!trainer) {
        // No network at all: the settings it was to be made from were refused (over the memory
        // budget, say). Say why where the network would be, or the page is silently empty.
        const std::string why = session.error().empty() ? "no network yet" : session.error();
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.45f, 0.4f, 1));
        ImGui::TextWrapped("No network: %s", why.c_str());
        note_readout("classifier.no_network");
        ImGui::PopStyleColor();
        return;
    }
    const HistoryRecord& last = trainer->history().back();
    // The headline readouts: beside the buttons when they fit, else on the next line, each group
    // wrapping on its own in a narrower window (1024 px, or a zoom): never cut off.
    const double accuracy = last.train_accuracy;
    char step_text[32], accuracy_text[16], test_text[32], loss_text[32], share_text[16];
    std::snprintf(step_text, sizeof step_text, "%lld", static_cast<long long>(last.step));
    std::snprintf(accuracy_text, sizeof accuracy_text, "%.1f%%", 100 * accuracy);
    if (last.test_accuracy) std::snprintf(test_text, sizeof test_text, "test %.1f%%", 100 * *last.test_accuracy);
    else std::snprintf(test_text, sizeof test_text, "no test set");
    std::snprintf(loss_text, sizeof loss_text, "%.4f", last.train_loss);
    std::snprintf(share_text, sizeof share_text, "%.0f%%", 100 * last.dead_fraction);
    const std::string units_word = std::string(inactivity_word(*trainer)) + " units";
    const auto width_of = [](std::initializer_list<const char*> lines) {
        float w = 0;
        for (const char* line : lines) w = std::max(w, ImGui::CalcTextSize(line).x);
        return w;
    };
    ImGui::PushFont(fonts.large);
    const float accuracy_width = ImGui::CalcTextSize(accuracy_text).x;
    ImGui::PopFont();
    const float widths[] = {width_of({"step", step_text}), accuracy_width, width_of({"train accuracy", test_text}),
                            width_of({"loss", loss_text}), width_of({units_word.c_str(), share_text})};
    float all = font * 1.5f;
    for (float w : widths) all += w + font;
    same_line_if_fits(all, font * 1.5f);
    ImGui::BeginGroup();
    // The record's step, as the accuracy and loss beside it are the record's (while a large data set
    // trains, records are taken less often than steps: classifier_timing.hpp).
    ImGui::TextDisabled("step");
    ImGui::TextUnformatted(step_text);
    ImGui::EndGroup();
    same_line_if_fits(widths[1], font);
    ImGui::PushFont(fonts.large);
    // The big number is the train accuracy, and so is its colour.
    const ImVec4 colour = accuracy > 0.95 ? ImVec4(0.5f, 0.9f, 0.5f, 1)
                          : accuracy > 0.8 ? ImVec4(0.95f, 0.8f, 0.35f, 1)
                                           : ImVec4(0.95f, 0.5f, 0.4f, 1);
    ImGui::TextColored(colour, "%s", accuracy_text);
    note_readout("classifier.accuracy");
    ImGui::PopFont();
    same_line_if_fits(widths[2]);
    ImGui::BeginGroup();
    ImGui::TextDisabled("train accuracy");
    if (last.test_accuracy) ImGui::TextUnformatted(test_text);
    else ImGui::TextDisabled("%s", test_text);
    ImGui::EndGroup();
    note_readout("classifier.test");
    same_line_if_fits(widths[3], font);
    ImGui::BeginGroup();
    ImGui::TextDisabled("loss");
    ImGui::TextUnformatted(loss_text);
    ImGui::EndGroup();
    note_readout("classifier.loss");
    same_line_if_fits(widths[4], font);
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s", units_word.c_str());
    ImGui::TextUnformatted(share_text);
    ImGui::EndGroup();
    note_readout("classifier.inactive");

    if (!session.error().empty()) {
        ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "Settings not applied: %s", session.error().c_str());
    }
    if (session.rebuild_waiting()) {
        ImGui::TextDisabled("A new network when you let go (about %.0f ms to make)", session.expected_rebuild_ms());
    } else if (session.rebuilding()) {
        ImGui::TextDisabled("Making the new network (about %.0f ms); the old one waits", session.expected_rebuild_ms());
    }
    if (const auto& divergence = trainer->divergence()) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.35f, 0.08f, 0.08f, 1));
        ImGui::BeginChild("##diverged", ImVec2(0, ImGui::GetFrameHeightWithSpacing() * 1.6f), true);
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(ImVec4(1, 0.8f, 0.75f, 1), "Diverged, paused: %s", divergence->message.c_str());
        ImGui::SameLine();
        if (ImGui::Button("Resume")) {
            session.resume();
            run.playing = true;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Clears the divergence and zeroes the optimiser's moments; lower "
                                                      "the learning rate first or it will diverge again");
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }
}

}  // namespace actviz::app
