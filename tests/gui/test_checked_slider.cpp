// Values typed into a slider (Ctrl+click, then type) are held to the range of dragged ones. Driven in-process as a user would, without a window.

#include <gtest/gtest.h>
#include <imgui.h>


#include "app/widgets.hpp"
#include "support/headless_imgui.hpp"

namespace actviz::app {
namespace {

class CheckedSlider : public ::testing::Test {
   protected:
    void frame() {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(600, 200));
        ImGui::Begin("w", nullptr, ImGuiWindowFlags_NoDecoration);
        checked_slider("temperature", &value, 0.01f, 100.0f, "%.3g", ImGuiSliderFlags_Logarithmic);
        centre = ImVec2((ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2,
                        (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2);
        ImGui::End();
        ImGui::Render();
    }

    // Ctrl+click the slider, type `text`, click elsewhere.
    void type_into_slider(const char* text) {
        ImGuiIO& io = ImGui::GetIO();
        frame();
        io.MousePos = centre;
        io.KeyCtrl = true;
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        io.KeyCtrl = false;
        frame();
        io.AddInputCharactersUTF8(text);
        frame();
        frame();
    }

    test::HeadlessImGui imgui_{ImVec2(600, 200)};
    float value = 1.0f;
    ImVec2 centre{};
};

TEST_F(CheckedSlider, TakesATypedNumberAndClampsIt) {
    type_into_slider("2.5");
    EXPECT_FLOAT_EQ(value, 2.5f);
}

TEST_F(CheckedSlider, ClampsATypedNumberOutsideItsRange) {
    type_into_slider("500");
    EXPECT_FLOAT_EQ(value, 100.0f);
}

TEST_F(CheckedSlider, AnOverflowingNumberClampsToTheTop) {
    type_into_slider("1e999");
    EXPECT_FLOAT_EQ(value, 100.0f);
}

}  // namespace
}  // namespace actviz::app
