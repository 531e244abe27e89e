#!/usr/bin/env python3
"""The layer check itself: an upward include in a scratch tree must be caught, a legal one not."""
import pathlib
import subprocess
import sys
import tempfile

checker = pathlib.Path(__file__).with_name("check_layers.py")


def run(files):
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in files.items():
            path = pathlib.Path(tmp, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        return subprocess.run([sys.executable, str(checker), tmp], capture_output=True, text=True)


legal = run({"session/a.cpp": '#include "settings/b.hpp"\n#include "core/c.hpp"\n#include <vector>\n'})
upward = run({"session/a.cpp": '#include "settings/b.hpp"\n#include "app/app_state.hpp"\n'})
sideways = run({"cli/a.cpp": '#include "app/app.hpp"\n'})
failures = []
if legal.returncode != 0:
    failures.append("a legal include was refused: " + legal.stdout)
if upward.returncode != 1 or "session/a.cpp:2: session includes app" not in upward.stdout:
    failures.append("session including app was not caught: " + upward.stdout)
if sideways.returncode != 1 or "cli includes app" not in sideways.stdout:
    failures.append("cli including app was not caught: " + sideways.stdout)
print("\n".join(failures) if failures else "the layer check catches upward includes")
sys.exit(1 if failures else 0)
