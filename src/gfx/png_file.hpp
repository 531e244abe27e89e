#pragma once
// Pixels to PNG bytes, and to a PNG file with every byte's write checked.

#include <string>

namespace actviz::gfx {

// `height` rows of `width` pixels of `channels` bytes each (3: RGB, 4: RGBA; top row first, rows
// `row_bytes` apart) encoded as PNG in memory; empty when the encoder fails.
std::string encode_png(int width, int height, int channels, const unsigned char* pixels, int row_bytes);

// Encodes `height` rows of `width` RGB pixels (top row first, rows `row_bytes` apart) as PNG in
// memory, then writes it with the checked atomic writer: a full disk, a missing folder or a target
// that is not a regular file gives false with a reason in `error`, and no file or a truncated one
// is left at `path` (an existing file there stays as it was).
bool write_png_file(const std::string& path, int width, int height, const unsigned char* pixels, int row_bytes,
                    std::string& error);

}  // namespace actviz::gfx
