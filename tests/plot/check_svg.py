#!/usr/bin/env python3
"""Checks a chart's SVG as a reader of the file would meet it: well-formed XML (xml.etree parses
it), an <svg> with a viewBox, every polyline's and circle's coordinates inside the viewBox, and the
expected number of elements per part of the chart.

usage: check_svg.py FILE [GROUP:TAG=COUNT ...] [GROUP:TAG>=COUNT ...] [dashed=COUNT]
  e.g. items:polyline=2 legend:text=3 colour-bar:rect>=48
Exits 0 when every check holds, else 1 with one line per failure.
"""
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def main(argv):
    path, expectations = argv[1], argv[2:]
    failures = []
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        print(f"{path}: not well-formed XML: {error}")
        return 1
    if root.tag != SVG + "svg":
        failures.append(f"root is {root.tag}, not svg")
    try:
        x0, y0, width, height = (float(v) for v in root.get("viewBox", "").split())
    except ValueError:
        print("no viewBox")
        return 1

    def inside(x, y):
        return x0 - 0.01 <= x <= x0 + width + 0.01 and y0 - 0.01 <= y <= y0 + height + 0.01

    for line in root.iter(SVG + "polyline"):
        points = [tuple(map(float, p.split(","))) for p in line.get("points").split()]
        if len(points) < 2:
            failures.append("a polyline of fewer than 2 points")
        for x, y in points:
            if not inside(x, y):
                failures.append(f"polyline point ({x}, {y}) outside the viewBox")
                break
    for circle in root.iter(SVG + "circle"):
        if not inside(float(circle.get("cx")), float(circle.get("cy"))):
            failures.append(f"circle at ({circle.get('cx')}, {circle.get('cy')}) outside the viewBox")

    groups = {g.get("id"): g for g in root.iter(SVG + "g") if g.get("id")}
    for expectation in expectations:
        match = re.fullmatch(r"(?:([\w-]+):)?(\w+)(>=|=)(\d+)", expectation)
        if not match:
            failures.append(f"cannot read the expectation {expectation!r}")
            continue
        group, tag, relation, wanted = match.group(1), match.group(2), match.group(3), int(match.group(4))
        if tag == "dashed":
            found = sum(1 for e in root.iter(SVG + "polyline") if e.get("stroke-dasharray"))
        else:
            # A part the chart did not draw (no colour bar) has no group: nothing found in it.
            scope = groups.get(group) if group else root
            found = 0 if scope is None else sum(1 for _ in scope.iter(SVG + tag))
        if (relation == "=" and found != wanted) or (relation == ">=" and found < wanted):
            failures.append(f"{expectation}: found {found}")
    for failure in failures:
        print(f"{path}: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
