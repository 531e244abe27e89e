#include "app/fonts.hpp"

#include <imgui.h>

#include <cstdio>
#include <filesystem>

namespace actviz::app {

bool load_ui_font(float pixel_size) {
    ImGuiIO& io = ImGui::GetIO();
    std::error_code ignored;
    if (std::filesystem::is_regular_file(kUiFontPath, ignored)) {
        // The atlas keeps a pointer to the ranges until it is built: they must outlive this call.
        static ImVector<ImWchar> ranges;
        if (ranges.empty()) {
            ImFontGlyphRangesBuilder builder;
            builder.AddRanges(io.Fonts->GetGlyphRangesDefault());  // Latin + Latin-1
            static const ImWchar kExtra[] = {
                0x0370, 0x03FF,  // Greek
                0x2000, 0x206F,  // punctuation: ′ ″ – — … ‖
                0x2070, 0x209F,  // superscripts and subscripts
                0x2190, 0x21FF,  // arrows
                0x2200, 0x22FF,  // mathematical operators: ∂ − √ ∞ ≈ ≤ ≥ ·
                0x25A0, 0x25FF,  // geometric shapes: ■ ● ▲ ▶
                0,
            };
            builder.AddRanges(kExtra);
            builder.BuildRanges(&ranges);
        }
        ImFontConfig config;
        config.OversampleH = 2;
        if (io.Fonts->AddFontFromFileTTF(kUiFontPath, pixel_size, &config, ranges.Data)) return true;
    }
    std::fprintf(stderr, "actviz: note: font %s not found (install fonts-dejavu-core); using ImGui's built-in font, "
                         "which has no Greek letters\n", kUiFontPath);
    ImFontConfig config;
    config.SizePixels = pixel_size;
    io.Fonts->AddFontDefault(&config);
    return false;
}

}  // namespace actviz::app
