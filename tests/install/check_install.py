#!/usr/bin/env python3
"""What `cmake --install` puts on a user's machine, checked as the desktop will read it.

One check per ctest test (tests/CMakeLists.txt):
  stage      install the build into STAGE with DESTDIR (prefix /usr, as the Debian package has it)
  files      the staged file list is exactly the expected one, and the binary runs
  desktop    desktop-file-validate passes without an error or warning; Icon=, MimeType= and the action point at
             what is installed
  metainfo   appstreamcli validate --no-net passes; its id, launchable and provides agree with the rest
  man        the manual renders with groff -man -Tutf8 without a warning and has every subcommand
  mime       a file manager (GLib's gio, over the staged MIME database) calls lesson.actviz.json an
             actviz session opened by actviz, and data.json still plain JSON
  icons      every PNG is the size its folder says
  deb        cpack -G DEB builds actviz_<version>_<arch>.deb holding exactly the installed files, its
             Depends computed by dpkg-shlibdeps (GLFW, libstb, the C++ runtime) plus DejaVu fonts

A check whose Debian tool is missing exits 77, which ctest reports as skipped, naming the package.

usage: check_install.py CHECK BUILD_DIR STAGE APP_ID MIME_TYPE
(ACTVIZ_CMAKE and ACTVIZ_CPACK name the build's own cmake and cpack; else those on PATH.)
"""
import gzip
import os
import shutil
import struct
import subprocess
import sys
import tempfile

SKIP = 77
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def expected_files(app_id: str) -> list[str]:
    files = [
        "usr/bin/actviz",
        f"usr/share/applications/{app_id}.desktop",
        f"usr/share/metainfo/{app_id}.metainfo.xml",
        f"usr/share/mime/packages/{app_id}.xml",
        f"usr/share/icons/hicolor/scalable/apps/{app_id}.svg",
        "usr/share/man/man1/actviz.1.gz",
    ]
    files += [f"usr/share/icons/hicolor/{s}x{s}/apps/{app_id}.png" for s in ICON_SIZES]
    return sorted(files)


def fail(message: str) -> None:
    print("FAIL: " + message)
    sys.exit(1)


def need(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if not path:
        print(f"SKIPPED: {tool} is not installed (Debian package {package}; third_party/install-deps.sh installs it)")
        sys.exit(SKIP)
    return path


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def desktop_keys(path: str, group: str = "Desktop Entry") -> dict[str, str]:
    keys, current = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("["):
                current = line[1:-1]
            elif current == group and "=" in line and not line.startswith("#"):
                key, value = line.split("=", 1)
                keys[key] = value
    return keys


def check_stage(build: str, stage: str, *_: str) -> None:
    shutil.rmtree(stage, ignore_errors=True)
    env = dict(os.environ, DESTDIR=stage)
    result = run([os.environ.get("ACTVIZ_CMAKE", "cmake"), "--install", build, "--prefix", "/usr"], env=env)
    print(result.stdout + result.stderr)
    if result.returncode != 0:
        fail("cmake --install failed")


def check_files(build: str, stage: str, app_id: str, *_: str) -> None:
    found = sorted(os.path.relpath(os.path.join(root, name), stage)
                   for root, _, names in os.walk(stage) for name in names)
    expected = expected_files(app_id)
    print("installed:\n  " + "\n  ".join(found))
    if found != expected:
        fail("installed files differ from the expected list:\n  missing: " +
             ", ".join(sorted(set(expected) - set(found))) + "\n  unexpected: " + ", ".join(sorted(set(found) - set(expected))))
    version = run([os.path.join(stage, "usr/bin/actviz"), "--version"])
    if version.returncode != 0 or not version.stdout.startswith("actviz "):
        fail(f"the installed binary does not run: {version.stdout}{version.stderr}")


def check_desktop(build: str, stage: str, app_id: str, mime_type: str) -> None:
    validate = need("desktop-file-validate", "desktop-file-utils")
    entry = os.path.join(stage, f"usr/share/applications/{app_id}.desktop")
    result = run([validate, entry])
    print(f"desktop-file-validate {entry}: exit {result.returncode}\n{result.stdout}{result.stderr}")
    # Errors and warnings fail; a hint passes, printed above. The one expected: Education and Science
    # are both main categories, so some menus list actviz under each, which suits a teaching tool.
    complaints = [line for line in (result.stdout + result.stderr).splitlines() if line.strip() and ": hint: " not in line]
    if result.returncode != 0 or complaints:
        fail("desktop-file-validate reported the above")
    keys = desktop_keys(entry)
    if keys.get("Icon") != app_id or not os.path.exists(os.path.join(stage, f"usr/share/icons/hicolor/scalable/apps/{app_id}.svg")):
        fail(f"Icon={keys.get('Icon')} is not the installed icon {app_id}")
    if mime_type not in keys.get("MimeType", "").split(";"):
        fail(f"MimeType={keys.get('MimeType')} does not name the session type {mime_type}")
    if keys.get("Exec") != "actviz %f":
        fail(f"Exec={keys.get('Exec')}: a file manager passes the session as %f")
    for category in ("Education", "Science"):
        if category not in keys.get("Categories", "").split(";"):
            fail(f"Categories={keys.get('Categories')} lacks {category}: the menu would file actviz elsewhere")
    fresh = desktop_keys(entry, "Desktop Action fresh")
    if fresh.get("Exec") != "actviz --fresh":
        fail(f"the 'fresh' action runs {fresh.get('Exec')}")


def check_metainfo(build: str, stage: str, app_id: str, mime_type: str) -> None:
    appstreamcli = need("appstreamcli", "appstream")
    metainfo = os.path.join(stage, f"usr/share/metainfo/{app_id}.metainfo.xml")
    result = run([appstreamcli, "validate", "--no-net", "--pedantic", "--explain", metainfo])
    print(f"appstreamcli validate --no-net --pedantic {metainfo}: exit {result.returncode}\n{result.stdout}{result.stderr}")
    if result.returncode != 0:
        fail("appstreamcli validate failed")
    import xml.etree.ElementTree as ET
    root = ET.parse(metainfo).getroot()
    if root.findtext("id") != app_id:
        fail(f"metainfo id {root.findtext('id')} is not {app_id}")
    if root.findtext("launchable") != f"{app_id}.desktop":
        fail(f"launchable {root.findtext('launchable')} is not the installed desktop entry")
    if root.findtext("provides/binary") != "actviz" or root.findtext("provides/mediatype") != mime_type:
        fail("provides does not name the binary and the session type")
    version = run([os.path.join(stage, "usr/bin/actviz"), "--version"]).stdout.split()[-1]
    if root.find("releases/release").get("version") != version:
        fail(f"the newest release in the metainfo is not this build's version {version}")
    for image in root.iter("image"):
        name = image.text.rsplit("/", 1)[-1]
        if not os.path.exists(os.path.join(os.path.dirname(__file__), "../../assets", name)):
            fail(f"screenshot {image.text} is not a file in assets/")


def check_man(build: str, stage: str, *_: str) -> None:
    groff = need("groff", "groff-base")
    with gzip.open(os.path.join(stage, "usr/share/man/man1/actviz.1.gz"), "rb") as f:
        page = f.read()
    # -ww: every warning groff has; -z: lay the page out, print nothing. A clean page says nothing,
    # at a narrow terminal's width, man's usual 80 columns and a wide one (-rLL: man-db's line length).
    for width in (60, 78, 120):
        warnings = subprocess.run([groff, "-man", "-Tutf8", "-ww", "-z", f"-rLL={width}n"], input=page, capture_output=True)
        if warnings.returncode != 0 or warnings.stderr:
            fail(f"groff -man -ww -rLL={width}n warns:\n" + warnings.stderr.decode())
    text = subprocess.run([groff, "-man", "-Tutf8", "-P", "-cbou"], input=page, capture_output=True,
                          env=dict(os.environ, MANWIDTH="80")).stdout.decode()
    print(text)
    for word in ("NAME", "SYNOPSIS", "SUBCOMMANDS", "FILES", "EXIT STATUS", "--session", "--fresh", "actviz list",
                 "actviz eval", "actviz softmax", "actviz gradflow", "actviz train", "actviz bakeoff",
                 "--depth N", "last.json"):
        # groff prints '-' as U+2010 or U+2212 in UTF-8 pages: compare with ASCII hyphens
        if word not in text.replace("\u2212", "-").replace("\u2010", "-"):
            fail(f"the rendered man page lacks '{word}'")


def check_mime(build: str, stage: str, app_id: str, mime_type: str) -> None:
    need("xmllint", "libxml2-utils")
    update = need("update-mime-database", "shared-mime-info")
    update_desktop = need("update-desktop-database", "desktop-file-utils")
    gio = need("gio", "libglib2.0-bin")
    package = os.path.join(stage, f"usr/share/mime/packages/{app_id}.xml")
    lint = run(["xmllint", "--noout", package])
    if lint.returncode != 0:
        fail("xmllint: " + lint.stderr)
    with tempfile.TemporaryDirectory() as home:
        # A desktop with only actviz installed besides Debian's own: the staged share/ copied, and the
        # two caches built as the Debian package's dpkg triggers build them (shared-mime-info,
        # desktop-file-utils), into the copy, never into /usr/share. GLib hides an entry whose
        # TryExec is not on PATH: the staged bin/ goes first.
        share = os.path.join(home, "share")
        shutil.copytree(os.path.join(stage, "usr/share"), share)
        env = dict(os.environ, XDG_DATA_HOME=os.path.join(home, "data"), XDG_CONFIG_HOME=os.path.join(home, "config"),
                   XDG_DATA_DIRS=share + ":/usr/share", PATH=os.path.join(stage, "usr/bin") + ":" + os.environ["PATH"])
        for tool, folder in ((update, "mime"), (update_desktop, "applications")):
            built = run([tool, os.path.join(share, folder)], env=env)
            if built.returncode != 0 or built.stdout.strip() or built.stderr.strip():
                fail(f"{tool}: {built.stdout}{built.stderr}")
        session, data = os.path.join(home, "lesson.actviz.json"), os.path.join(home, "data.json")
        for path in (session, data):
            with open(path, "w") as f:
                f.write('{"actviz_session": 2}\n')

        def content_type(path: str) -> str:
            result = run([gio, "info", "-a", "standard::content-type", path], env=env)
            for line in result.stdout.splitlines():
                if "standard::content-type:" in line:
                    return line.split(":", 3)[-1].strip()
            fail(f"gio info {path}: {result.stdout}{result.stderr}")
            return ""

        print(f"gio info: lesson.actviz.json is {content_type(session)}, data.json is {content_type(data)}")
        if content_type(session) != mime_type:
            fail(f"lesson.actviz.json is {content_type(session)}, not {mime_type}")
        if content_type(data) != "application/json":
            fail(f"data.json is {content_type(data)}: the session type must not claim every JSON file")
        apps = run([gio, "mime", mime_type], env=env)
        print(apps.stdout + apps.stderr)
        first_line = apps.stdout.splitlines()[0] if apps.stdout else ""
        if not (first_line.startswith("Default application for") and first_line.endswith(f": {app_id}.desktop")):
            fail(f"a double-click on a session would not open actviz: gio mime {mime_type} says the above")


def check_icons(build: str, stage: str, app_id: str, *_: str) -> None:
    for size in ICON_SIZES:
        path = os.path.join(stage, f"usr/share/icons/hicolor/{size}x{size}/apps/{app_id}.png")
        with open(path, "rb") as f:
            header = f.read(24)
        if header[:8] != b"\x89PNG\r\n\x1a\n":
            fail(f"{path} is not a PNG")
        width, height = struct.unpack(">II", header[16:24])
        print(f"{path}: {width}x{height}")
        if (width, height) != (size, size):
            fail(f"{path} is {width}x{height}, not {size}x{size}")


def check_deb(build: str, stage: str, app_id: str, *_: str) -> None:
    need("dpkg-shlibdeps", "dpkg-dev")
    need("file", "file")  # CPack finds the ELF files to give dpkg-shlibdeps with it
    dpkg_deb = need("dpkg-deb", "dpkg")
    with tempfile.TemporaryDirectory() as out:
        result = run([os.environ.get("ACTVIZ_CPACK", "cpack"), "-G", "DEB", "-B", out, "--config", os.path.join(build, "CPackConfig.cmake")])
        print(result.stdout + result.stderr)
        debs = [name for name in os.listdir(out) if name.endswith(".deb")]
        if result.returncode != 0 or len(debs) != 1:
            fail("cpack -G DEB did not build one package")
        deb = os.path.join(out, debs[0])
        version = run([os.path.join(stage, "usr/bin/actviz"), "--version"]).stdout.split()[-1]
        if not debs[0].startswith(f"actviz_{version}_"):
            fail(f"{debs[0]} is not named actviz_{version}_<arch>.deb (README's apt install ./actviz_*.deb)")
        info = run([dpkg_deb, "--info", deb]).stdout
        print(info)
        contents = run([dpkg_deb, "--contents", deb]).stdout
        print(contents)
        files = sorted(line.split()[-1].removeprefix("./") for line in contents.splitlines() if not line.startswith("d"))
        if files != expected_files(app_id):
            fail("the package's files differ from what cmake --install puts:\n  " + "\n  ".join(files))
        depends = run([dpkg_deb, "--field", deb, "Depends"]).stdout.strip()
        for package in ("libc6", "libstdc++6", "libglfw3", "fonts-dejavu-core"):
            if package not in [d.split()[0] for d in depends.split(", ")]:
                fail(f"Depends lacks {package}: {depends}")
        description = run([dpkg_deb, "--field", deb, "Description"]).stdout.splitlines()
        if len(description) < 3 or description[1].strip() == description[0].strip():
            fail("the Description needs a summary line and a long description that does not repeat it")
        for field, value in (("Section", "science"), ("Package", "actviz")):
            if run([dpkg_deb, "--field", deb, field]).stdout.strip() != value:
                fail(f"{field} is not {value}")


CHECKS = {"stage": check_stage, "files": check_files, "desktop": check_desktop, "metainfo": check_metainfo,
          "man": check_man, "mime": check_mime, "icons": check_icons, "deb": check_deb}

if __name__ == "__main__":
    if len(sys.argv) != 6 or sys.argv[1] not in CHECKS:
        sys.exit(__doc__)
    CHECKS[sys.argv[1]](*sys.argv[2:])
    print("OK")
