// The Bake-off's verdict and results table: who won on each criterion (core/bakeoff_verdict's
// words), then per activation, mean ± sample standard deviation over the seeds trained so far,
// sortable by any column. A cell backed by fewer seeds than the row shows how many ("3/5"); one
// backed by a single seed carries a dagger (no spread: one run's luck); one no seed has reached
// shows "—" and sorts last. Beside the best test accuracy, its 95% Wilson interval on the test set.

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/activation_colour.hpp"
#include "app/bakeoff/bakeoff_views.hpp"
#include "app/widgets.hpp"
#include "core/bakeoff_verdict.hpp"

namespace actviz::app {
namespace {

enum Column { Name, To90, To95, BestTest, TestInterval, FinalLoss, GradRatio, Dead, ColumnCount };

struct ColumnInfo {
    const char* name;
    ImGuiTableColumnFlags flags;
    const char* help;
};

constexpr ColumnInfo kColumns[ColumnCount] = {
    {"activation", ImGuiTableColumnFlags_NoHide,
     "Every row: mean ± sample standard deviation over the seeds. (n/K): only n of the row's K seeds are behind "
     "that cell. †: one seed — no spread, one run's luck."},
    {"steps to 90%", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortAscending,
     "First step whose weights classify at least 90% of the training set (exact at full batch; with mini-batches "
     "the first recorded step). (n/K): only n of the K seeds got there so far; the mean is over those. —: none yet."},
    {"steps to 95%", ImGuiTableColumnFlags_PreferSortAscending, "As steps to 90%, at 95% train accuracy."},
    {"best test acc.", ImGuiTableColumnFlags_PreferSortDescending,
     "The best accuracy on the held-out points over the recorded steps."},
    {"95% interval", ImGuiTableColumnFlags_PreferSortDescending,
     "Wilson's 95% score interval of the mean best test accuracy on the test set's n points. Every seed is "
     "scored on the same points, so more seeds do not narrow it; two activations whose intervals overlap are "
     "not separable on this test set."},
    {"final loss", ImGuiTableColumnFlags_PreferSortAscending, "Train cross-entropy at the last record."},
    {"grad first/last", ImGuiTableColumnFlags_PreferSortDescending,
     "‖∂L/∂W‖ of the first layer over the output layer's, at the last record: far below 1 means the gradient "
     "vanishes on its way to the input side."},
    {"inactive", ImGuiTableColumnFlags_PreferSortAscending,
     "Share of hidden units inactive on every training point at the last record: dead (f′ = 0: ReLU, hardtanh, …), "
     "on their negative side (z < 0: leaky ReLU, PReLU) or saturated (|f′| below 1% of its maximum: tanh, sigmoid, "
     "GELU, …)."},
};

const Spread& spread_in(const ActivationSummary& row, int column) {
    switch (column) {
        case To90: return row.steps_to_90;
        case To95: return row.steps_to_95;
        case BestTest:
        case TestInterval: return row.best_test_accuracy;
        case FinalLoss: return row.final_train_loss;
        case GradRatio: return row.first_last_grad_ratio;
        default: return row.dead_fraction;
    }
}

// How a column's values print: steps as integers, accuracies and shares as percentages.
void format_cell(char* text, size_t size, const Spread& s, int column, int seeds) {
    if (s.count == 0) {
        std::snprintf(text, size, "—");
        return;
    }
    const bool percent = column == BestTest || column == Dead;
    const double scale = percent ? 100 : 1;
    int n = 0;
    if (column == To90 || column == To95) {
        n = std::snprintf(text, size, "%.0f", s.mean);
        if (s.count > 1) n += std::snprintf(text + n, size - static_cast<size_t>(n), " ± %.0f", s.stddev);
    } else if (column == GradRatio) {
        n = std::snprintf(text, size, "%.2g", s.mean);
        if (s.count > 1) n += std::snprintf(text + n, size - static_cast<size_t>(n), " ± %.1g", s.stddev);
    } else {
        const char* unit = percent ? "%" : "";
        n = std::snprintf(text, size, percent ? "%.1f%s" : "%.3g%s", scale * s.mean, unit);
        if (s.count > 1) {
            n += std::snprintf(text + n, size - static_cast<size_t>(n), percent ? " ± %.1f" : " ± %.2g",
                               scale * s.stddev);
        }
    }
    if (s.count < seeds && n >= 0 && static_cast<size_t>(n) < size) {
        n += std::snprintf(text + n, size - static_cast<size_t>(n), " (%d/%d)", s.count, seeds);
    }
    if (s.count == 1 && n >= 0 && static_cast<size_t>(n) < size) std::snprintf(text + n, size - static_cast<size_t>(n), " †");
}

// "91.5–98.2": the interval in percent, or "—" without a test set.
void format_interval(char* text, size_t size, const Spread& s, int test_points) {
    if (s.count == 0 || test_points <= 0) {
        std::snprintf(text, size, "—");
        return;
    }
    const ProportionInterval i = wilson_interval(s.mean, test_points);
    std::snprintf(text, size, "%.1f–%.1f", 100 * i.low, 100 * i.high);
}

constexpr const char* kOneSeedHelp =
    "†: one seed behind this cell — no spread, so this is one run's luck, not the activation's.";

// Sort keys: a missing value sorts after every present one whichever the direction.
bool less_than(const ActivationSummary& a, const ActivationSummary& b, int column, bool ascending) {
    if (column == Name) return ascending ? a.activation < b.activation : b.activation < a.activation;
    const Spread &sa = spread_in(a, column), &sb = spread_in(b, column);
    if ((sa.count == 0) != (sb.count == 0)) return sb.count == 0;
    if (sa.count == 0) return a.activation_index < b.activation_index;
    // A milestone fewer seeds reached ranks after one more seeds reached, before comparing means.
    if ((column == To90 || column == To95) && sa.count != sb.count) return sa.count > sb.count;
    return ascending ? sa.mean < sb.mean : sb.mean < sa.mean;
}

}  // namespace

void draw_bakeoff_table(BakeoffPanel& panel, ImVec2 size) {
    const Bakeoff* bakeoff = panel.live.bakeoff();
    if (!bakeoff) return;
    std::vector<ActivationSummary> rows = panel.live.table();
    const int test_points = static_cast<int>(bakeoff->contestant(0).trainer().data().test.size());
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                       ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("##bakeoff-results", ColumnCount, kFlags, size)) return;
    // Columns as wide as their widest cell (header included), never squeezed into clipping: a narrow
    // window scrolls the table sideways with the activation column frozen, as the Activations table does.
    ImGui::TableSetupScrollFreeze(1, 1);
    for (const ColumnInfo& column : kColumns) {
        ImGui::TableSetupColumn(column.name, column.flags | ImGuiTableColumnFlags_WidthFixed);
    }
    // The header row by hand, so every header explains itself on hover.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int column = 0; column < ColumnCount; ++column) {
        ImGui::TableSetColumnIndex(column);
        ImGui::TableHeader(kColumns[column].name);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", kColumns[column].help);
    }

    int sort_column = To90;
    bool ascending = true;
    if (const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        sort_column = specs->Specs[0].ColumnIndex;
        ascending = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
    }
    std::stable_sort(rows.begin(), rows.end(), [&](const ActivationSummary& a, const ActivationSummary& b) {
        return less_than(a, b, sort_column, ascending);
    });

    for (const ActivationSummary& row : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const Activation& activation = *bakeoff->config().activations[static_cast<size_t>(row.activation_index)].activation;
        ImGui::PushStyleColor(ImGuiCol_Text, activation_colour(activation));
        ImGui::TextUnformatted(std::string(row.activation).c_str());
        ImGui::PopStyleColor();
        if (row.diverged > 0) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "(%d diverged)", row.diverged);
        }
        for (int column = To90; column < ColumnCount; ++column) {
            ImGui::TableNextColumn();
            char text[64];
            const Spread& spread = spread_in(row, column);
            if (column == TestInterval) {
                format_interval(text, sizeof text, spread, test_points);
            } else {
                format_cell(text, sizeof text, spread, column, row.seeds);
            }
            ImGui::TextUnformatted(text);
            if (ImGui::IsItemHovered() && spread.count > 0) {
                if (column == TestInterval) {
                    ImGui::SetTooltip("95%% Wilson interval on %d test points, around %.1f%%", test_points,
                                      100 * spread.mean);
                } else {
                    ImGui::SetTooltip("%d of %d seed%s behind this cell.%s%s", spread.count, row.seeds,
                                      row.seeds == 1 ? "" : "s", spread.count == 1 ? "\n" : "",
                                      spread.count == 1 ? kOneSeedHelp : "");
                }
            }
        }
    }
    ImGui::EndTable();
}

namespace {

// What the verdict is over, and whether it is final.
std::string verdict_status(const BakeoffLive& live, const BakeoffVerdict& verdict) {
    const std::int64_t step = live.bakeoff()->contestant(0).trainer().steps();
    const int extra = live.table_seeds() - 1;
    char status[240];
    if (live.is_final()) {
        std::snprintf(status, sizeof status, "Verdict — final at step %lld over %d seed%s and %d test points",
                      static_cast<long long>(verdict.common_step.value_or(step)), verdict.seeds,
                      verdict.seeds == 1 ? "" : "s", verdict.test_points);
    } else if (live.at_budget()) {
        std::snprintf(status, sizeof status,
                      "Verdict — provisional: seed 0 is at the step budget (%lld); seeds 1–%d at step %lld, "
                      "catching up",
                      static_cast<long long>(live.step_budget()), extra, static_cast<long long>(live.background_steps()));
    } else if (verdict.seeds <= 1 && extra > 0) {
        std::snprintf(status, sizeof status,
                      "Verdict — provisional at step %lld of %lld, over seed 0 only (seeds 1–%d at step %lld)",
                      static_cast<long long>(step), static_cast<long long>(live.step_budget()), extra,
                      static_cast<long long>(live.background_steps()));
    } else {
        std::snprintf(status, sizeof status, "Verdict — provisional at step %lld of %lld, over %s",
                      static_cast<long long>(step), static_cast<long long>(live.step_budget()),
                      verdict.seeds > 1 ? "every seed" : "one seed");
    }
    return status;
}

}  // namespace

std::vector<std::string> bakeoff_verdict_text(const BakeoffLive& live) {
    if (!live.bakeoff()) return {};
    if (live.bakeoff()->contestant(0).trainer().steps() == 0) {
        return {"Verdict \xE2\x80\x94 none yet: every contestant is at its initial weights (press Play)"};
    }
    const BakeoffVerdict verdict = live.verdict();
    std::vector<std::string> text{verdict_status(live, verdict)};
    for (std::string& line : verdict_lines(verdict)) text.push_back(std::move(line));
    return text;
}

float bakeoff_verdict_height(const BakeoffPanel& panel, float width) {
    const std::vector<std::string> text = bakeoff_verdict_text(panel.live);
    if (text.empty()) return 0;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float wrap = std::max(width - ImGui::GetFontSize() * 1.5f, 1.0f);
    float height = 0;
    for (const std::string& line : text) height += ImGui::CalcTextSize(line.c_str(), nullptr, false, wrap).y + spacing;
    return height + ImGui::GetStyle().WindowPadding.y;
}

void draw_bakeoff_verdict(BakeoffPanel& panel, ImVec2 size) {
    const BakeoffLive& live = panel.live;
    const std::vector<std::string> text = bakeoff_verdict_text(live);
    if (text.empty()) return;
    ImGui::BeginChild("##bakeoff-verdict", size, false);
    const bool final_table = live.is_final();
    const std::string& status = text.front();
    ImGui::PushStyleColor(ImGuiCol_Text, final_table ? ImVec4(0.55f, 0.85f, 0.55f, 1)
                                                     : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", status.c_str());
    ImGui::PopStyleColor();
    help_marker(std::string(verdict_definitions()).append(" The verdict is final only when every seed has reached the step "
                                                          "budget (Training > step budget).").c_str());
    ImGui::PushTextWrapPos(0.0f);
    if (!final_table) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    for (std::size_t i = 1; i < text.size(); ++i) {
        ImGui::Bullet();
        ImGui::TextUnformatted(text[i].c_str());
    }
    if (!final_table) ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

}  // namespace actviz::app
