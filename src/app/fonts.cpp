#include "app/fonts.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <filesystem>

namespace actviz::app {

namespace {

const ImWchar* glyph_ranges() {
    // The atlas keeps a pointer to the ranges until it is built: they must outlive the call.
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());  // Latin + Latin-1
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
    return ranges.Data;
}

}  // namespace

UiFonts load_ui_fonts(float pixel_size) {
    ImGuiIO& io = ImGui::GetIO();
    UiFonts fonts;
    std::error_code ignored;
    if (std::filesystem::is_regular_file(kUiFontPath, ignored)) {
        ImFontConfig config;
        config.OversampleH = 2;
        fonts.body = io.Fonts->AddFontFromFileTTF(kUiFontPath, pixel_size, &config, glyph_ranges());
        fonts.large = io.Fonts->AddFontFromFileTTF(kUiFontPath, std::round(pixel_size * 1.9f), &config, glyph_ranges());
    }
    if (fonts.body && fonts.large) {
        fonts.has_greek = true;
        return fonts;
    }
    std::fprintf(stderr, "actviz: note: font %s not found (install fonts-dejavu-core); using ImGui's built-in font, "
                         "which has no Greek letters\n", kUiFontPath);
    io.Fonts->Clear();
    ImFontConfig config;
    config.SizePixels = pixel_size;
    fonts.body = io.Fonts->AddFontDefault(&config);
    config.SizePixels = std::round(pixel_size * 1.9f);
    fonts.large = io.Fonts->AddFontDefault(&config);
    return fonts;
}

}  // namespace actviz::app
