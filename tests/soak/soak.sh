#!/bin/sh
# Soak run (documented, not part of the test suite): the GUI trains the spiral with the decision
# regions, the dead-unit map and the charts on for MINUTES minutes (default 10) under Xvfb, logging
# once a second (--stats-log); then prints resident memory after the first minute and at the end,
# and the longest frame after the first ten seconds.
#   tests/soak/soak.sh [build dir] [minutes] [log file]
set -eu
build=${1:-build}
minutes=${2:-10}
log=${3:-soak.csv}
seconds=$((minutes * 60))
timeout -s INT "$seconds" xvfb-run -a -s "-screen 0 1600x1000x24 -noreset" \
    "$build/src/actviz" --fresh --size 1280x800 --panel classifier --preset spiral-tanh --stats-log "$log" || true
awk -F, 'NR > 1 {
    if ($1 >= 60 && !minute) minute = $4
    if ($1 >= 10 && $3 > worst) { worst = $3; worst_at = $1 }
    frames += $2; last = $4; end = $1
} END {
    printf "%.0f s, %d frames (%.1f fps)\n", end, frames, frames / end
    printf "resident memory: %.1f MiB after the first minute, %.1f MiB at the end\n", minute, last
    printf "longest frame after the first 10 s: %.1f ms (at %.0f s)\n", worst, worst_at
}' "$log"
