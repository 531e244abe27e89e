// Values typed into a slider (Ctrl+click, then type) are held to the slider's range, and a click on a
// logarithmic one lands inside it. Driven in-process as a user would, without a window.

#include <gtest/gtest.h>
#include <imgui.h>

#include "app/setting_widgets.hpp"
#include "app/widgets.hpp"
#include "settings/activations_settings.hpp"
#include "settings/classifier_settings.hpp"
#include "settings/softmax_settings.hpp"
#include "support/headless_imgui.hpp"

namespace actviz::app {
namespace {

class SliderTest : public ::testing::Test {
   protected:
    template <typename Draw>
    void frame(Draw draw) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(600, 200));
        ImGui::Begin("w", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::SetNextItemWidth(300);
        draw();
        const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
        centre = ImVec2((lo.x + hi.x) / 2, (lo.y + hi.y) / 2);
        ImGui::End();
        ImGui::Render();
    }
    template <typename Draw>
    void click_middle(Draw draw) {
        ImGuiIO& io = ImGui::GetIO();
        frame(draw);
        io.MousePos = centre;
        frame(draw);
        io.MouseDown[0] = true;
        frame(draw);
        io.MouseDown[0] = false;
        frame(draw);
    }
    template <typename Draw>
    void type_into(Draw draw, const char* text) {
        ImGuiIO& io = ImGui::GetIO();
        frame(draw);
        io.MousePos = centre;
        io.KeyCtrl = true;
        frame(draw);
        io.MouseDown[0] = true;
        frame(draw);
        io.MouseDown[0] = false;
        io.KeyCtrl = false;
        frame(draw);
        // The box opens with its text selected: what is typed replaces it, and applies as it is typed.
        io.AddInputCharactersUTF8(text);
        frame(draw);
        frame(draw);
    }

    auto temperature_slider() {
        return [this] { checked_slider("temperature", &temperature, 0.01f, 100.0f, "%.3g", ImGuiSliderFlags_Logarithmic); };
    }

    test::HeadlessImGui imgui_{ImVec2(600, 200)};
    ImVec2 centre{};
    settings::ClassifierHyper hyper;
    float temperature = 1.0f;
};

TEST_F(SliderTest, TakesATypedNumberAndClampsIt) {
    type_into(temperature_slider(), "2.5");
    EXPECT_FLOAT_EQ(temperature, 2.5f);
}

TEST_F(SliderTest, ClampsATypedNumberOutsideItsRange) {
    type_into(temperature_slider(), "500");
    EXPECT_FLOAT_EQ(temperature, 100.0f);
}

TEST_F(SliderTest, AnOverflowingNumberClampsToTheTop) {
    type_into(temperature_slider(), "1e999");
    EXPECT_FLOAT_EQ(temperature, 100.0f);
}


// One click on the L1 slider set it to 10 once (an "%e" format made ImGui's first non-zero step of
// a logarithmic slider starting at 0 equal to 10), and the session kept with it no longer opened.
TEST_F(SliderTest, OneClickOnTheL1SliderStaysWithinItsRange) {
    for (const auto* setting : {&settings::classifier_setting::kL1, &settings::classifier_setting::kL2}) {
        hyper.l1 = hyper.l2 = 0;
        click_middle([&] { setting_slider(*setting, hyper); });
        const double value = setting->of(hyper);
        EXPECT_GT(value, 0) << setting->key;
        EXPECT_LE(value, setting->slider_max) << setting->key;
    }
}

// Ctrl+click on a slider at 0, type "*1e309", Enter: ImGui computes 0 × inf = NaN, which was stored.
TEST_F(SliderTest, ATypedExpressionGivingNaNLeavesTheValueAsItWas) {
    hyper.l1 = 0;
    type_into([&] { setting_slider(settings::classifier_setting::kL1, hyper); }, "*1e309");
    EXPECT_EQ(hyper.l1, 0);
}

TEST_F(SliderTest, TypedValuesReachTheWholeRangeAndNoFurther) {
    type_into([&] { setting_slider(settings::classifier_setting::kLearningRate, hyper); }, "100");
    EXPECT_EQ(hyper.learning_rate, 100);  // past the drag span (10), within what core accepts
    type_into([&] { setting_slider(settings::classifier_setting::kLearningRate, hyper); }, "1e9");
    EXPECT_EQ(hyper.learning_rate, settings::classifier_setting::kLearningRate.max);
}

// A logit typed into its box (the step table's z column) reaches the description's whole range, the
// one the session reader and `actviz softmax --logits` hold it to, and no further.
TEST_F(SliderTest, ALogitTypedIntoItsBoxReachesTheSettingsRangeAndNoFurther) {
    settings::SoftmaxSettings softmax;
    const auto box = [&] { setting_list_input(settings::kLogits, softmax, 1); };
    const auto type = [&](const char* text) {
        click_middle(box);  // the box opens with its text selected: what is typed replaces it
        ImGui::GetIO().AddInputCharactersUTF8(text);
        frame(box);
        frame(box);
        ImGuiIO& io = ImGui::GetIO();  // click away: the box closes, the next click selects all again
        io.MousePos = ImVec2(590, 190);
        frame(box);
        io.MouseDown[0] = true;
        frame(box);
        io.MouseDown[0] = false;
        frame(box);
    };
    type("1001");
    EXPECT_EQ(softmax.logits[1], 1001);
    type("1e9");
    EXPECT_EQ(softmax.logits[1], settings::kLogits.max);
    type("-1e9");
    EXPECT_EQ(softmax.logits[1], settings::kLogits.min);
    softmax.logits[1] = 0;
    type("*1e309");  // 0 × inf = NaN: the value stays
    EXPECT_EQ(softmax.logits[1], 0);
    EXPECT_EQ(softmax.logits[0], 2.0);  // the others untouched
}

// The bars drag within their span only, and show a typed value beyond it without changing it.
TEST_F(SliderTest, ALogitsBarDragsWithinItsSpanAndKeepsATypedValueBeyondIt) {
    settings::SoftmaxSettings softmax;
    softmax.logits = {1000, 1001, 1002};
    const auto bar = [&] { setting_list_vslider(settings::kLogits, softmax, 0, ImVec2(30, 150), ""); };
    frame(bar);
    frame(bar);
    EXPECT_EQ(softmax.logits[0], 1000);  // drawn, not touched: kept
    click_middle(bar);
    EXPECT_GE(softmax.logits[0], settings::kLogits.slider_min);
    EXPECT_LE(softmax.logits[0], settings::kLogits.slider_max);
}

// The Activations search box holds what a session can hold: 10,000 typed characters (the GUI
// monkey's) stop at kMaxSearchLength bytes, and two-byte characters are never cut in half.
TEST_F(SliderTest, TheSearchBoxTakesNoMoreThanASessionHolds) {
    std::string search;
    const auto box = [&] { bounded_text_input("##search", "search…", search, settings::kMaxSearchLength); };
    click_middle(box);
    ImGui::GetIO().AddInputCharactersUTF8(std::string(10000, 'x').c_str());
    frame(box);
    frame(box);
    EXPECT_EQ(search.size(), settings::kMaxSearchLength);
}

TEST_F(SliderTest, TheSearchBoxNeverCutsACharacterInHalf) {
    std::string search;
    const auto box = [&] { bounded_text_input("##search", "search…", search, settings::kMaxSearchLength); };
    click_middle(box);
    std::string accents;
    for (int i = 0; i < 200; ++i) accents += "é";  // 2 bytes each: 400 bytes
    ImGui::GetIO().AddInputCharactersUTF8(accents.c_str());
    frame(box);
    frame(box);
    EXPECT_LE(search.size(), settings::kMaxSearchLength);
    EXPECT_EQ(search.size() % 2, 0u) << "a character cut in half";
}

}  // namespace
}  // namespace actviz::app
