#include "app/classifier/classifier_collapse.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/widgets.hpp"
#include "core/features.hpp"
#include "core/linear_collapse.hpp"
#include "core/step_loop.hpp"

namespace actviz::app {
namespace {

bool same_points(const std::vector<Point>& a, const std::vector<Point>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const Point& p, const Point& q) { return p.x == q.x && p.y == q.y && p.label == q.label; });
}

// The twin's configuration: the followed one's without its hidden layers.
TrainerConfig linear_config(const TrainerConfig& followed) {
    TrainerConfig config = followed;
    config.model.hidden.clear();
    config.model.activations.clear();
    return config;
}

}  // namespace

void LinearTwin::follow(const Trainer& followed, std::chrono::nanoseconds budget) {
    const TrainerConfig wanted = linear_config(followed.config());
    const bool stale = !twin_ || !(twin_->config() == wanted) || twin_->steps() > followed.steps() ||
                       !same_points(twin_->data().train, followed.data().train) ||
                       !same_points(twin_->data().test, followed.data().test);
    if (stale) {
        if (wanted.validate()) {  // cannot happen for a valid followed trainer; never throw in a frame
            twin_.reset();
            return;
        }
        twin_ = std::make_unique<Trainer>(followed.data(), wanted);
    }
    const auto behind = followed.steps() - twin_->steps();
    if (behind <= 0 || twin_->divergence()) return;
    const int ceiling = static_cast<int>(std::min<std::int64_t>(behind, 1 << 20));
    if (run_steps_within(budget, ceiling, [this] { return twin_->update(1) > 0; }) > 0) twin_->record();
}

void draw_collapsed_map(const Trainer& trainer, LinearTwin& twin, ImVec2 size) {
    const std::optional<AffineMap> map = collapsed_affine_map(trainer.mlp());
    if (!map) return;
    twin.follow(trainer);
    ImGui::BeginChild("##collapsed", size, false, ImGuiWindowFlags_HorizontalScrollbar);
    const int layers = trainer.mlp().hidden_count();
    ImGui::Text("%d hidden layer%s, all identity: the network is one layer", layers, layers == 1 ? "" : "s");
    help_marker("W* = W_L ⋯ W₂ W₁ and b* = W_L(⋯(W₂ b₁ + b₂)⋯) + b_L: a product of linear maps is linear, "
                "so however many identity layers are stacked the logits are W*·x + b*, and the boundary "
                "between two classes (where two logits are equal) is a straight line in the inputs. "
                "Depth adds parameters, not expressiveness: a nonlinear activation is what bends the boundary.");
    const HistoryRecord& deep = trainer.history().back();
    ImGui::Text("this network:    loss %.4f, train %.1f%% (step %lld)", deep.train_loss, 100 * deep.train_accuracy,
                static_cast<long long>(deep.step));
    const Trainer* shallow = twin.trainer();
    if (shallow && !shallow->history().empty()) {
        const HistoryRecord& flat = shallow->history().back();
        ImGui::Text("no hidden layer: loss %.4f, train %.1f%% (step %lld)", flat.train_loss, 100 * flat.train_accuracy,
                    static_cast<long long>(flat.step));
        help_marker("A network with no hidden layer, trained alongside on the same points with the same optimiser, "
                    "batch and seed. The two take different paths (the deep one's parameters interact), but both "
                    "can only reach the best a straight line does: trained long enough they end at the same loss.");
        if (const auto& divergence = shallow->divergence())
            ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.35f, 1.0f), "the twin diverged at step %lld: %s",
                               static_cast<long long>(divergence->step), divergence->reason.c_str());
    }
    ImGui::TextDisabled("logits = W*·input + b*, now:");
    int inputs = 0;
    const auto names = feature_names(trainer.mlp().config().features, inputs);
    const int classes = static_cast<int>(map->weight.rows());
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX;
    if (ImGui::BeginTable("##wstar", inputs + 2, flags)) {
        ImGui::TableSetupColumn("");
        for (int i = 0; i < inputs; ++i) ImGui::TableSetupColumn(("W* · " + std::string(names[static_cast<size_t>(i)])).c_str());
        ImGui::TableSetupColumn("b*");
        ImGui::TableHeadersRow();
        for (int k = 0; k < classes; ++k) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("class %d", k);
            for (int i = 0; i < inputs; ++i) {
                ImGui::TableNextColumn();
                ImGui::Text("%+.3f", map->weight(k, i));
            }
            ImGui::TableNextColumn();
            ImGui::Text("%+.3f", map->bias(k));
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
}

}  // namespace actviz::app
