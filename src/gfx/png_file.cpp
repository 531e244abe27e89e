#include "gfx/png_file.hpp"

#include <stb_image_write.h>

#include <cstddef>

#include "files/atomic_file.hpp"

namespace actviz::gfx {
namespace {

void append_bytes(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

}  // namespace

std::string encode_png(int width, int height, int channels, const unsigned char* pixels, int row_bytes) {
    std::string png;
    if (stbi_write_png_to_func(append_bytes, &png, width, height, channels, pixels, row_bytes) == 0) png.clear();
    return png;
}

bool write_png_file(const std::string& path, int width, int height, const unsigned char* pixels, int row_bytes,
                    std::string& error) {
    // stbi_write_png's own file output ignores fwrite's and fclose's failures: on a full disk it
    // reported success over a truncated PNG. Encoding to memory leaves the writing to us.
    const std::string png = encode_png(width, height, 3, pixels, row_bytes);
    if (png.empty()) {
        error = "the PNG encoder failed";
        return false;
    }
    if (auto failure = files::write_file_atomically(path, png)) {
        error = *failure;
        return false;
    }
    return true;
}

}  // namespace actviz::gfx
