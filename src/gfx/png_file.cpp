#include "gfx/png_file.hpp"

#include <stb_image_write.h>

#include <string_view>
#include <vector>

#include "files/atomic_file.hpp"

namespace actviz::gfx {
namespace {

void append_bytes(void* context, void* data, int size) {
    auto& out = *static_cast<std::vector<unsigned char>*>(context);
    const auto* bytes = static_cast<const unsigned char*>(data);
    out.insert(out.end(), bytes, bytes + size);
}

}  // namespace

bool write_png_file(const std::string& path, int width, int height, const unsigned char* pixels, int row_bytes,
                    std::string& error) {
    // stbi_write_png's own file output ignores fwrite's and fclose's failures: on a full disk it
    // reported success over a truncated PNG. Encoding to memory leaves the writing to us.
    std::vector<unsigned char> png;
    if (stbi_write_png_to_func(append_bytes, &png, width, height, 3, pixels, row_bytes) == 0 || png.empty()) {
        error = "the PNG encoder failed";
        return false;
    }
    const std::string_view bytes(reinterpret_cast<const char*>(png.data()), png.size());
    if (auto failure = files::write_file_atomically(path, bytes)) {
        error = *failure;
        return false;
    }
    return true;
}

}  // namespace actviz::gfx
