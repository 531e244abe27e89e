#pragma once
// An RGBA8 texture the UI can draw (ImGui takes it as an ImTextureID). Owns its GL name.

#include <cstdint>
#include <vector>

namespace actviz::gfx {

class Texture {
public:
    Texture() = default;
    ~Texture();
    Texture(const Texture&) = delete;
    Texture& operator=(const Texture&) = delete;
    Texture(Texture&& other) noexcept;
    Texture& operator=(Texture&& other) noexcept;

    // Uploads width × height RGBA pixels, row 0 at the top; reallocates only when the size changes.
    // `smooth` picks linear filtering (smooth fields) over nearest (crisp cells).
    void upload(const std::uint32_t* rgba, int width, int height, bool smooth);

    // For ImGui::Image / plot::plot_image (ImTextureID is a void* in ImGui 1.86).
    void* id() const { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(name_)); }
    bool empty() const { return name_ == 0; }
    int width() const { return width_; }
    int height() const { return height_; }

private:
    unsigned name_ = 0;
    int width_ = 0, height_ = 0;
};

}  // namespace actviz::gfx
