#!/bin/sh
# Behaviour snapshot for restructurings (not part of the test suite): what the command line prints
# and what every panel and preset looks like, so a change that should change nothing can be shown
# to change nothing.
#   tests/restructure/behaviour.sh capture BUILD_DIR OUT_DIR   record a snapshot of that build
#   tests/restructure/behaviour.sh compare OLD_DIR NEW_DIR     diff two snapshots: CLI byte for byte,
#                                                              screenshots pixel for pixel
# Capture before the change (from a worktree of the old commit), capture after, compare.
# Sessions used by `--session` commands come from the fuzz corpus and from presets saved by the
# old build, so both builds read the very same files. Needs xvfb-run and python3 (pixel diffs).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus="$here/../fuzz/corpus/session"

cli_cases() {  # name|arguments (split on spaces)
    cat <<'CASES'
help|--help
version|--version
list|list
eval-gelu|eval gelu --from -3 --to 3 --n 7
eval-elu|eval elu --alpha 2 --x -1,0,1
eval-hardtanh|eval hardtanh --min-value -2 --max-value 2 --from -3 --to 3 --n 13
eval-bad|eval hardtanh --min-value 3 --max-value 2 --x 0
softmax|softmax --logits 2,1,0.1 --temperature 0.5
softmax-bad|softmax --logits 1 --temperature 0
gradflow-sigmoid|gradflow --depth 20 --width 64 --activation sigmoid
gradflow-relu|gradflow --depth 30 --width 32 --activation relu --init he_normal --gain 2 --float32 --batch 64
gradflow-residual|gradflow --depth 30 --width 32 --activation tanh --residual --layernorm --batch 32
gradflow-normal|gradflow --depth 10 --width 16 --activation elu --alpha 2 --init normal --std 0.5 --bias 0.1
gradflow-bad|gradflow --depth 0 --width 16 --activation relu
gradflow-budget|gradflow --depth 1000 --width 1024 --batch 4096 --activation relu
train-spiral|train --dataset spiral --classes 3 --hidden 16,16 --activation tanh --optimizer adam --lr 0.01 --steps 300 --every 50
train-xor|train --dataset xor --hidden 4 --activation relu --optimizer sgd --lr 0.1 --steps 200 --batch 10 --features x2,xy
train-momentum|train --dataset moons --hidden 8 --activation leaky_relu --alpha 0.1 --optimizer momentum --momentum 0.5 --nesterov --lr 0.05 --steps 100 --l2 0.001 --l1 0.0001
train-bad|train --dataset spiral --hidden 16 --activation tanh --optimizer adam --lr 0.01 --steps 10 --l1 2
bakeoff|bakeoff --dataset spiral --hidden 8,8 --activations sigmoid,relu,tanh --optimizer adam --lr 0.01 --steps 60 --seeds 2 --every 20
bakeoff-bad|bakeoff --dataset spiral --hidden 8 --activations relu --optimizer adam --lr 0.01 --steps 10
help-train|train --help
help-gradflow|gradflow --help
help-bakeoff|bakeoff --help
help-eval|eval --help
help-softmax|softmax --help
unknown|frobnicate
bad-flag|--frames zero
CASES
}

run_cli() {  # binary out name args...
    bin=$1 out=$2 name=$3
    shift 3
    status=0
    "$bin" "$@" >"$out/cli/$name.out" 2>"$out/cli/$name.err" || status=$?
    echo "$status" >"$out/cli/$name.status"
}

capture() {
    build=$1 out=$2
    bin="$build/src/actviz"
    rm -rf "$out"
    mkdir -p "$out/cli" "$out/png" "$out/sessions"
    cli_cases | while IFS='|' read -r name args; do
        # shellcheck disable=SC2086
        run_cli "$bin" "$out" "$name" $args
    done
    for file in small-trained defaults-full deep; do
        [ -f "$corpus/$file.json" ] || continue
        run_cli "$bin" "$out" "session-train-$file" train --session "$corpus/$file.json" --steps 50 --every 10
        run_cli "$bin" "$out" "session-gradflow-$file" gradflow --session "$corpus/$file.json" --depth 12
    done
    panels="activations softmax gradflow classifier bakeoff"
    classifier_presets="spiral-tanh xor-hidden-layer dying-relu-bias dying-relu-lr leaky-relu-revives sigmoid-deep gelu-vs-relu"
    bakeoff_presets="bakeoff-spiral bakeoff-spiral-shallow bakeoff-moons-sgd"
    shot() {  # name args...
        name=$1
        shift
        xvfb-run -a -s "-screen 0 1600x1000x24" "$bin" --fresh --size 1280x800 --frames 6 \
            --screenshot "$out/png/$name.png" "$@" >/dev/null 2>&1 || echo "screenshot $name failed" >&2
    }
    shot all
    for p in $panels; do shot "$p" --panel "$p"; done
    for p in $classifier_presets; do
        shot "classifier-$p" --panel classifier --preset "$p" --save-session "$out/sessions/$p.json"
    done
    for p in $bakeoff_presets; do shot "bakeoff-$p" --panel bakeoff --preset "$p"; done
    shot small-trained --session "$corpus/small-trained.json"
    echo "captured $(ls "$out/cli" | wc -l) CLI files and $(ls "$out/png" | wc -l) screenshots in $out"
}

compare() {
    old=$1 new=$2
    status=0
    for f in "$old"/cli/*; do
        name=$(basename "$f")
        if ! cmp -s "$f" "$new/cli/$name"; then
            echo "CLI differs: $name"
            status=1
        fi
    done
    python3 - "$old/png" "$new/png" <<'PY' || status=1
import sys, zlib, struct, os
def pixels(path):
    data = open(path, 'rb').read()
    pos, idat, w, h = 8, b'', 0, 0
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR': w, h = struct.unpack('>II', body[:8]); bpp = {2: 3, 6: 4}[body[9]]
        if kind == b'IDAT': idat += body
        pos += 12 + n
    raw, stride, rows, prev = zlib.decompress(idat), w * bpp, [], bytearray(w * bpp)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line)); prev = line
    return w, h, bpp, rows
old, new = sys.argv[1], sys.argv[2]
bad = 0
# The status bar shows measured frame times, and two pages depend on timing: Gradient flow draws
# the worker's results when they arrive, the Bake-off trains as many steps as the frame budget
# allows. Those differ between two runs of the same build; they are reported, not counted.
STATUS_BAR = 30  # pixels at the bottom
TIMED = ('gradflow', 'bakeoff')
for name in sorted(os.listdir(old)):
    a, b = pixels(os.path.join(old, name)), pixels(os.path.join(new, name))
    if a[:3] != b[:3]: print(f"screenshot {name}: size differs"); bad = 1; continue
    w, bpp = a[0], a[2]
    diff, box = 0, [w, len(a[3]), -1, -1]
    for y, (ra, rb) in enumerate(zip(a[3], b[3])):
        if ra == rb or y >= len(a[3]) - STATUS_BAR: continue
        for x in range(w):
            if ra[x*bpp:x*bpp+bpp] != rb[x*bpp:x*bpp+bpp]:
                diff += 1; box = [min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)]
    timed = any(t in name for t in TIMED)
    if diff: print(f"screenshot {name}: {diff} pixels differ within x {box[0]}..{box[2]}, y {box[1]}..{box[3]}" + (" (timing-dependent page: not counted)" if timed else "")); bad = bad or not timed
    else: print(f"screenshot {name}: identical")
sys.exit(bad)
PY
    [ $status -eq 0 ] && echo "no behaviour change: CLI identical, screenshots identical outside the status bar and the timing-dependent pages"
    return $status
}

case "${1:-}" in
capture) capture "$2" "$3" ;;
compare) compare "$2" "$3" ;;
*) echo "usage: $0 capture BUILD_DIR OUT_DIR | compare OLD_DIR NEW_DIR" >&2; exit 2 ;;
esac
