// Every GUI test answers file questions with the in-app browser: a zenity or kdialog installed on
// the machine never pops up over a test (the monkey presses Ctrl+O). Set before any test runs,
// unless the environment chose already.

#include <stdlib.h>

namespace {
[[maybe_unused]] const int kBuiltinChooser = ::setenv("ACTVIZ_FILE_CHOOSER", "builtin", 0);
}  // namespace
