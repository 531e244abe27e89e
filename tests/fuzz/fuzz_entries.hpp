#pragma once
// The fuzzed entry points, shared by the libFuzzer targets (ACTVIZ_FUZZ) and the corpus replay in
// the ordinary test suite. Each takes any bytes and must neither crash nor leak nor trip a
// sanitizer; a refusal (error message, exit code 2) is a correct outcome.

#include <cstddef>
#include <cstdint>

namespace actviz::fuzz {

// The bytes as a session file's text: parsed, upgraded, validated, the trainer restored; then,
// when accepted, written and read back (what a valid session saves must load again).
void session_loader(const std::uint8_t* data, std::size_t size);

// session_loader, then what the app does with an accepted session: the classifier trains a few
// steps (from its restored state, or from the settings' freshly drawn data when it has none) and
// the Bake-off's first seed group steps too, each only when its network × data is small enough to
// keep a run short; the classifier's state after training must save into a session that opens.
void session_values(const std::uint8_t* data, std::size_t size);

// The bytes as a command line, one argument per line: the top-level parser, then the subcommand
// it names with its flags: softmax, eval, list, help as given; gradflow, train and bakeoff within
// a 16 MiB memory budget (train with --steps ≤ 100, bakeoff with --steps ≤ 20 and --seeds ≤ 2),
// never reading or writing files.
void command_line(const std::uint8_t* data, std::size_t size);

// The bytes as a typed activation formula: compiled (or refused with a message); when accepted,
// f, f′ and f″ run over hostile inputs (±0, ±∞, NaN, ±1e308, denormals) in double and float at
// hostile parameters, and the f that the f-and-f′ program computes must equal the f-only
// program's bit for bit (both compile the same expression; a register clash would break that).
void formula(const std::uint8_t* data, std::size_t size);

// The bytes as a points CSV (File > Import data, --data), read as is and rescaled into the plane.
// An accepted file must hold 2 to 6 classes, at most kMaxPoints finite points within the limits
// (±1.3 when rescaled), a training point, and export to a CSV that imports back to the same bits.
void points_csv(const std::uint8_t* data, std::size_t size);

}  // namespace actviz::fuzz
