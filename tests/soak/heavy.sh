#!/bin/sh
# Responsiveness under a heavy computation (documented, not part of the test suite): the Gradient
# flow panel simulates a deep network on its worker thread while the window keeps drawing, logging
# once a second (--stats-log) while the mouse moves over the charts; part-way through, Ctrl+Q is pressed and the time until the process
# has gone is measured. Prints the frames drawn during the computation, the longest one, and the
# quit time. Needs xdotool (apt-get install xdotool).
#   tests/soak/heavy.sh [build dir] [depth] [width] [batch] [memory budget] [seconds before quitting]
set -eu
build=$(cd "${1:-build}" && pwd)
depth=${2:-1000}
width=${3:-256}
batch=${4:-512}
budget=${5:-2GiB}
wait_s=${6:-8}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# Three curves in float32: one run of the whole pass each, then the depth × gain map.
cat > "$dir/heavy.json" <<JSON
{"actviz_session": 1, "page": "gradflow",
 "gradflow": {"depth": $depth, "width": $width, "batch": $batch, "float32": true,
              "curves": [{"activation": "tanh"}, {"activation": "relu"}, {"activation": "sigmoid"}]}}
JSON
cat > "$dir/run.sh" <<'RUN'
#!/bin/sh
set -eu
cd "$1"
XDG_STATE_HOME="$1/state" "$2/src/actviz" --session heavy.json --size 1280x800 --memory-budget "$3" \
    --stats-log stats.csv 2> app.err &
pid=$!
sleep 1
window=$(xdotool search --name actviz | head -1)
xdotool windowfocus "$window"
# A user hovering over the charts while it computes: every move is a frame to draw at once.
end_moves=$(($(date +%s) + $4 - 1))
while [ "$(date +%s)" -lt "$end_moves" ]; do
    for x in 400 500 600 700 800 900 1000 1100; do xdotool mousemove --window "$window" "$x" 400; sleep 0.02; done
done
start=$(date +%s.%N)
xdotool keydown ctrl keydown q
while xdotool search --onlyvisible --name actviz > /dev/null 2>&1; do :; done
hidden=$(date +%s.%N)
xdotool keyup q keyup ctrl
wait "$pid"
end=$(date +%s.%N)
echo "$start $hidden $end" > quit.txt
RUN
xvfb-run -a -s "-screen 0 1600x1000x24 -noreset" sh "$dir/run.sh" "$dir" "$build" "$budget" "$wait_s"
[ -n "${KEEP_LOG:-}" ] && cp "$dir/stats.csv" "$KEEP_LOG"
if grep -q "memory budget" "$dir/app.err"; then cat "$dir/app.err"; fi
# The first second is start-up (fonts, first layout); the computation starts with the first frame.
awk -F, 'NR > 2 { frames += $2; if ($3 > worst) { worst = $3; at = $1 }; if ($5 > work) work = $5; end = $1; rss = $4 }
END { printf "gradient flow %s, %d s into the computation: %d frames, longest interval between frames %.1f ms (at %.0f s), longest frame %.1f ms, resident %.0f MiB\n",
             config, end, frames, worst, at, work, rss }' config="depth $depth x width $width x batch $batch float32" "$dir/stats.csv"
awk '{ printf "quit during the computation: the window gone %.0f ms after Ctrl+Q, the process %.0f ms after\n",
             ($2 - $1) * 1000, ($3 - $1) * 1000 }' "$dir/quit.txt"
