#!/bin/sh
# Installs the Debian packages listed in debian-packages.txt that are missing; with the argument
# "fuzz", also those of debian-packages-fuzz.txt (clang and libFuzzer, for -DACTVIZ_FUZZ=ON).
# Does nothing (and needs no network) when they are all present already.
set -eu
here="$(dirname "$0")"
packages=$(grep -hv '^#' "$here/debian-packages.txt" | grep -v '^$')
if [ "${1:-}" = "fuzz" ]; then
    packages="$packages $(grep -hv '^#' "$here/debian-packages-fuzz.txt" | grep -v '^$')"
fi
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "actviz: installing missing Debian packages:$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
