#pragma once
// An ImGui context for tests and benchmarks that build frames without a window: the font atlas
// built by hand, a display of the given size, and no renderer (frames are built, not drawn).

#include <imgui.h>

namespace actviz::test {

class HeadlessImGui {
   public:
    explicit HeadlessImGui(ImVec2 display) : context_(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // as the OpenGL 3 backend: over 64k vertices
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(context_); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

   private:
    ImGuiContext* context_;
};

}  // namespace actviz::test
