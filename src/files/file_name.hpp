#pragma once
// A file name made from a title a person wrote ("‖∂L/∂W‖ per layer", "Loss##classifier"), for
// the names the file chooser proposes: readable, and safe on every file system a file may be
// copied to (no / \ : * ? " < > |, no control characters, no leading dot or dash).

#include <string>
#include <string_view>

namespace actviz::files {

// The title's words, lower-case, joined by single dashes: letters (Latin, Greek, Cyrillic: "σ"
// stays) and digits kept, everything else a separator; an ImGui id ("##...") dropped; at most
// `max_bytes` bytes, never cutting a character in two. Empty when nothing readable is left.
//   "Loss per step##classifier" → "loss-per-step";  "σ(x) and σ′(x)" → "σ-x-and-σ-x"
std::string readable_file_stem(std::string_view title, std::size_t max_bytes = 48);

}  // namespace actviz::files
