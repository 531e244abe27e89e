#pragma once
// The small window over the screen while a file job (file_job.hpp) runs: its path, the seconds it
// has taken, and Cancel where dropping the result makes sense (an open or an import; a save or an
// export is written or not, atomically). Session and data files alike.

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/app_state.hpp"
#include "app/file_job.hpp"
#include "files/atomic_file.hpp"

namespace actviz::app {

template <class Result>
inline void draw_progress(AppState& state, FileJob<Result>& job, const char* verb, const char* note, bool cancellable) {
    state.requests.wake_within_s = std::min(state.requests.wake_within_s, 0.05);  // look again soon
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x * 0.5f, viewport->Pos.y + viewport->Size.y * 0.4f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    const std::string title = std::string(verb) + "##file-job";
    if (ImGui::Begin(title.c_str(), nullptr,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::Text("%s %s … %.1f s", verb, files::printable_path(job.path()).c_str(), job.seconds());
        ImGui::TextDisabled("%s", note);
        if (cancellable && ImGui::Button("Cancel", ImVec2(ImGui::GetFontSize() * 6, 0))) {
            job.cancel();
            notify(state, std::string(verb) + " " + files::printable_path(job.path()) + " cancelled");
        }
    }
    ImGui::End();
}

}  // namespace actviz::app
