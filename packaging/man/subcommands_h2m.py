#!/usr/bin/env python3
"""Writes help2man's include section for the subcommands, from the binary itself.

help2man reads `actviz --help` and `--version`; each subcommand's own help (`actviz help NAME`,
src/cli/usage.cpp) would be lost. This runs `actviz --help` for the list of subcommands, then
`actviz help NAME` for each that has a usage text, and writes them as a [SUBCOMMANDS] section of
roff, one .SS per subcommand, reflowed so that `man` fits them to the reader's terminal (the
texts are laid out for a 110-column one). usage.cpp's layout is read as:
  usage: ...                 the synopsis, with its indented continuation lines
  Text at column 0           a paragraph (continuation lines at column 0 too)
  "  --flag ARG   text"      a flag (or a CSV column) and what it means, continued by lines
                             indented further; a flag line with no text joins the next flag line;
                             a second "--flag ARG   text" after a gap on the same line is a flag too

usage: subcommands_h2m.py ACTVIZ_BINARY OUTPUT.h2m
"""
import re
import subprocess
import sys

FLAG_LINE = re.compile(r"^  (\S.*?)(?: {2,}(\S.*))?$")  # two spaces in, then "tag   text" or a bare tag
SECOND_FLAG = re.compile(r"^(.*?) {2,}(--.*)$")  # a second flag in a flag's text, after a gap


def roff_word(word: str) -> str:
    # Backslash first; '-' as \- so options render as minus signs and can be searched and copied.
    word = word.replace("\\", "\\e").replace("-", "\\-")
    # A CSV header is one long word: \: lets a line break after its commas. \% keeps groff from
    # hyphenating a column name (rela-tive_to_relu) or a list.
    if "," in word and len(word) > 20:
        word = "\\%" + word.replace(",", ",\\:")
    elif "_" in word:
        word = "\\%" + word
    return word


def roff(text: str) -> str:
    # Runs of spaces (the help's column alignment) become one: fill mode would keep them all.
    return " ".join(roff_word(word) for word in text.split())


def roff_line(text: str) -> str:
    # A line that starts with '.' or "'" would be read as a request: \& makes it text.
    return "\\&" + text if text.startswith((".", "'")) else text


def unbreakable_groups(synopsis: str) -> str:
    # "[--seed S]" should not break between the flag and its value: \~ is a non-breaking space.
    return re.sub(r"\[[^\]]*\]", lambda m: m.group(0).replace(" ", "\\~"), synopsis)


def subcommand_section(name: str, usage: str) -> list[str]:
    out = [f".SS {name}"]
    lines = usage.rstrip("\n").splitlines()
    # The synopsis: "usage: actviz NAME ..." and the lines indented under it, one filled paragraph
    # per "actviz" invocation (bakeoff has two).
    synopses: list[str] = []
    while lines and (not synopses or lines[0].startswith(" ")):
        line = lines.pop(0).removeprefix("usage:").strip()
        if line.startswith("actviz ") or not synopses:
            synopses.append(line)
        else:
            synopses[-1] += " " + line
    for synopsis in synopses:
        command, _, rest = synopsis.partition(" " + name)
        out += [".PP", f".B {command} {name}", roff_line(unbreakable_groups(roff(rest)))]
    kind, tag, text = None, "", ""  # the item being gathered: "para" or "flag"

    def flush() -> None:
        if kind == "para":
            out.extend([".PP", roff_line(roff(text))])
        elif kind == "flag":
            out.extend([".TP", ".B " + roff(tag), roff_line(roff(text))])

    for line in lines:
        flag = FLAG_LINE.match(line)
        if not line.startswith(" "):
            if kind != "para":
                flush()
                kind, text = "para", ""
            text += " " + line
        elif flag and not line.startswith("   "):
            if kind == "flag" and not text:  # a bare tag line: this line's tag continues it
                tag += " " + flag.group(1)
            else:
                flush()
                kind, tag = "flag", flag.group(1)
            text = flag.group(2) or ""
            second = SECOND_FLAG.match(text)  # "  --depth N   hidden layers   --width W   units"
            if second:
                text = second.group(1)
                flush()
                tag, _, text = second.group(2).partition("  " if "  " in second.group(2) else " ")
        else:
            text += " " + line  # a continuation, indented under its flag or paragraph
    flush()
    return out


def subcommand_names(binary: str) -> list[str]:
    help_text = subprocess.run([binary, "--help"], check=True, capture_output=True, text=True).stdout
    names, listing = [], False
    for line in help_text.splitlines():
        if line == "Subcommands:":
            listing = True
        elif listing and not line.strip():
            break
        elif listing:
            names.append(line.split()[0])
    if not names:
        sys.exit(f"{binary} --help lists no subcommands (no 'Subcommands:' block)")
    return names


def main() -> None:
    binary, output = sys.argv[1], sys.argv[2]
    out = ["[SUBCOMMANDS]",
           "Each subcommand runs headless on the same core as the window and prints CSV on standard",
           "output; \\fBactviz help\\fR \\fINAME\\fR and \\fBactviz\\fR \\fINAME\\fR \\fB\\-\\-help\\fR print the texts below.",
           "A bad flag or value exits 2 with one line naming it and what is allowed.",
           # Left-aligned: a line broken inside a long CSV header has no spaces to stretch, and
           # justifying it would warn "cannot adjust line" (and space the rest unevenly).
           ".ad l"]
    for name in subcommand_names(binary):
        usage = subprocess.run([binary, "help", name], capture_output=True, text=True)
        if usage.returncode != 0:
            continue  # "help" itself, or a subcommand still to come: no usage text of its own
        out += subcommand_section(name, usage.stdout)
    out.append(".ad b")  # the sections after this one are justified again, as man pages are
    with open(output, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
