#include "files/file_name.hpp"

#include <cctype>
#include <cstdint>

namespace actviz::files {
namespace {

// A UTF-8 sequence at `text[i]`: its code point and length, or length 0 when it is not valid.
struct Decoded {
    std::uint32_t code = 0;
    std::size_t length = 0;
};

Decoded decode(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    const std::size_t length = lead >= 0xF5 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (length == 0 || i + length > text.size()) return {};
    std::uint32_t code = lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return {};
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    return {code, length};
}

// Letters a reader would keep in a name; symbols (× ÷ ‖ ∂ ′ −) are separators.
bool is_letter(std::uint32_t c) {
    if (c == 0xD7 || c == 0xF7) return false;          // × ÷
    if (c >= 0xC0 && c <= 0x24F) return true;          // Latin-1 letters, Latin Extended A and B
    if (c >= 0x370 && c <= 0x3FF) return c != 0x37E;   // Greek (not its question mark)
    return c >= 0x400 && c <= 0x4FF;                   // Cyrillic
}

}  // namespace

std::string readable_file_stem(std::string_view title, std::size_t max_bytes) {
    title = title.substr(0, title.find("##"));
    std::string out;
    bool separator = false;
    for (std::size_t i = 0; i < title.size();) {
        const unsigned char c = static_cast<unsigned char>(title[i]);
        std::string piece;
        if (c < 0x80) {
            if (std::isalnum(c)) piece = static_cast<char>(std::tolower(c));
            ++i;
        } else {
            const Decoded d = decode(title, i);
            if (d.length == 0) {  // not UTF-8: a separator, one byte at a time
                ++i;
            } else {
                if (is_letter(d.code)) piece = std::string(title.substr(i, d.length));
                i += d.length;
            }
        }
        if (piece.empty()) {
            separator = !out.empty();
            continue;
        }
        const std::size_t needed = piece.size() + (separator ? 1 : 0);
        if (out.size() + needed > max_bytes) break;
        if (separator) out += '-';
        out += piece;
        separator = false;
    }
    return out;
}

}  // namespace actviz::files
