// The Bake-off's results table: per activation, mean ± sample standard deviation over the seeds
// trained so far, sortable by any column. A milestone some seeds have not reached shows how many
// have ("3/5"); one no seed has reached shows "—" and sorts last.

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/activation_colour.hpp"
#include "app/bakeoff/bakeoff_views.hpp"
#include "app/widgets.hpp"

namespace actviz::app {
namespace {

enum Column { Name, To90, To95, BestTest, FinalLoss, GradRatio, Dead, ColumnCount };

struct ColumnInfo {
    const char* name;
    ImGuiTableColumnFlags flags;
    float weight;
    const char* help;
};

constexpr ColumnInfo kColumns[ColumnCount] = {
    {"activation", ImGuiTableColumnFlags_WidthStretch, 1.0f, "Every row: mean ± sample standard deviation over the seeds."},
    {"steps to 90%", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortAscending, 1.3f,
     "First step whose weights classify at least 90% of the training set (exact at full batch; with mini-batches "
     "the first recorded step). (n/K): only n of the K seeds got there so far; the mean is over those. —: none yet."},
    {"steps to 95%", ImGuiTableColumnFlags_PreferSortAscending, 1.3f, "As steps to 90%, at 95% train accuracy."},
    {"best test acc.", ImGuiTableColumnFlags_PreferSortDescending, 1.3f,
     "The best accuracy on the held-out points over the recorded steps."},
    {"final loss", ImGuiTableColumnFlags_PreferSortAscending, 1.3f, "Train cross-entropy at the last record."},
    {"grad first/last", ImGuiTableColumnFlags_PreferSortDescending, 1.3f,
     "‖∂L/∂W‖ of the first layer over the output layer's, at the last record: far below 1 means the gradient "
     "vanishes on its way to the input side."},
    {"inactive", ImGuiTableColumnFlags_PreferSortAscending, 1.2f,
     "Share of hidden units inactive on every training point at the last record: dead (f′ = 0: ReLU, hardtanh, …), "
     "on their negative side (z < 0: leaky ReLU, PReLU) or saturated (|f′| below 1% of its maximum: tanh, sigmoid, "
     "GELU, …)."},
};

const Spread& spread_in(const ActivationSummary& row, int column) {
    switch (column) {
        case To90: return row.steps_to_90;
        case To95: return row.steps_to_95;
        case BestTest: return row.best_test_accuracy;
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
        std::snprintf(text + n, size - static_cast<size_t>(n), "  (%d/%d)", s.count, seeds);
    }
}

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
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                       ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##bakeoff-results", ColumnCount, kFlags, size)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const ColumnInfo& column : kColumns) ImGui::TableSetupColumn(column.name, column.flags, column.weight);
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
            format_cell(text, sizeof text, spread_in(row, column), column, row.seeds);
            ImGui::TextUnformatted(text);
        }
    }
    ImGui::EndTable();
}

}  // namespace actviz::app
