// CPU cost of building a panel's frame (ImGui widgets, plot layer, the science they call), without
// a window or GL: what the panel adds to every frame before any rendering.

#include <benchmark/benchmark.h>
#include <imgui.h>

#include "app/app_state.hpp"
#include "app/panel_registry.hpp"
#include "support/headless_imgui.hpp"

namespace {

using actviz::app::AppState;


// One frame of the panel as the shell draws it: through its registry row, with the panel context.
void build_frame(AppState& state, actviz::settings::PanelId panel) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("panel");
    actviz::app::PanelContext context = actviz::app::panel_context(state);
    actviz::app::kPanelRegistry[static_cast<std::size_t>(panel)].draw(state, context);
    ImGui::End();
    ImGui::Render();
}

// The Activations page with the first `curves` activations of the catalogue selected, f and f′ each.
void BM_ActivationsPanelFrame(benchmark::State& bench) {
    const actviz::test::HeadlessImGui imgui(ImVec2(1280, 800));
    AppState state;
    std::vector<bool>& selected = state.activations.settings.selected;
    for (size_t i = 0; i < selected.size(); ++i) selected[i] = static_cast<int64_t>(i) < bench.range(0);
    using actviz::settings::PanelId;
    for (int i = 0; i < 3; ++i) build_frame(state, PanelId::Activations);  // curves cached
    for (auto _ : bench) build_frame(state, PanelId::Activations);
    bench.counters["vertices"] = ImGui::GetDrawData()->TotalVtxCount;
}
BENCHMARK(BM_ActivationsPanelFrame)->Arg(4)->Arg(10)->Arg(27)->Unit(benchmark::kMicrosecond);

}  // namespace
