#!/usr/bin/env python3
"""The walls between actviz's own layers, checked over every #include line of src/.

Each folder of src/ is a layer and may include only the layers listed for it (and itself).
Third-party walls are enforced by link dependencies (src/CMakeLists.txt); our own headers share one
include root, so this script is what makes an upward include fail: ctest runs it.
  check_layers.py SRC_DIR           exit 0, or 1 listing every include across a wall
"""
import pathlib
import re
import sys

# Lowest first. A layer may include itself and what is listed.
ALLOWED = {
    "core": set(),
    "files": set(),
    "settings": {"core"},
    "session": {"core", "settings", "files"},
    "cli": {"core", "settings", "session", "files"},
    "plot": {"files"},
    "gfx": {"files"},
    "app": {"core", "settings", "session", "files", "plot", "gfx"},
    "launch": {"core", "settings", "session", "files", "cli", "app"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"/]+)/')


def violations(src):
    found = []
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".hpp", ".cpp", ".h"):
            continue
        layer = path.relative_to(src).parts[0]
        if layer not in ALLOWED:
            found.append(f"{path.relative_to(src)}: folder '{layer}' is not a known layer (add it to {__file__})")
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = INCLUDE.match(line)
            if not match:
                continue
            target = match.group(1)
            if target != layer and target not in ALLOWED[layer]:
                found.append(f"{path.relative_to(src)}:{number}: {layer} includes {target} ({line.strip()})")
    return found


def main():
    src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "src")
    found = violations(src)
    for line in found:
        print(line)
    print(f"layers: {len(found)} include(s) across a wall" if found else "layers: every include stays within its walls")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
