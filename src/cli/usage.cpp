#include "cli/usage.hpp"

namespace actviz::cli {
namespace {

struct Usage {
    std::string_view name;
    std::string_view text;
};

// The activation parameter flags shared by eval, gradflow, train and bakeoff.
#define ACTVIZ_PARAMETER_FLAGS                                                                           \
    "  --alpha A --beta B --lambda L --threshold T --value V --min-value A --max-value B --lower L\n"     \
    "  --upper U   the activation's parameters (only those it takes; actviz list shows the defaults)\n"     \
    "  --formula 'EXPR'  instead of a name: an activation typed in x, e.g. 'x * tanh(softplus(x))', with\n"  \
    "              --alpha and --beta (default 1) as its parameters. Functions: exp log log1p sqrt abs\n"  \
    "              sin cos atan tanh sigmoid softplus erf sign step max min; constants pi e; ^ a power.\n"  \
    "              f' and f'' are exact (symbolic). Refused with the column of the error.\n"

constexpr Usage kUsages[] = {
    {"list",
     "usage: actviz list [--properties [--cost-budget S]] [--formula EXPR]\n"
     "The activation catalogue as CSV: name,parameters (parameters as alpha=0.01;... with their defaults).\n"
     "  --formula EXPR    add a typed activation as the last row (its range then read off [-10, 10])\n"
     "  --properties      the property table instead, one row per activation at its defaults, as the\n"
     "                    Activations page computes it: name,derivative (f' as a formula),range,mean_output\n"
     "                    (E f(Z), Z ~ N(0,1): 0 is zero-centred),max_abs_derivative,max_abs_derivative_at,\n"
     "                    flat (where |f'| < 1% of max|f'|: saturated, or f' = 0: dead; searched over\n"
     "                    [-10, 10], an end at +-10 written as x < or x >),can_die (f' = 0 on a whole\n"
     "                    interval),ns_per_element (f and f' together over 65536 float32 inputs by the\n"
     "                    kernels training runs, the median of repeated runs on this machine),\n"
     "                    relative_to_relu,kernel (simd, or scalar: the catalogue's double functions one\n"
     "                    element at a time, so a scalar row's cost is the kernel's, not the formula's);\n"
     "                    text fields with a comma are in double quotes\n"
     "  --cost-budget S   seconds of timing per activation, 0.001 to 10 (default 0.05)\n"},
    {"eval",
     "usage: actviz eval (NAME | --formula EXPR) [parameter flags] (--x X1,X2,... | --from A --to B --n N)\n"
     "An activation f and its derivative f' at the given points, as CSV: x,f,df.\n" ACTVIZ_PARAMETER_FLAGS
     "  --x LIST          comma-separated points\n"
     "  --from A --to B --n N   N evenly spaced points from A to B\n"
     "At a kink f' follows PyTorch's autograd (relu'(0) = 0).\n"},
    {"softmax",
     "usage: actviz softmax --logits L1,L2,... [--temperature T] [--steps]\n"
     "Softmax of logits/T as CSV: index,logit,probability,log_probability, then a last line entropy,<nats>.\n"
     "  --logits LIST     2 to 10 comma-separated logits, each from -10000 to 10000, as the Softmax page takes them\n"
     "  --steps           how it is computed, step by step, instead: index,logit,shifted (z/T - max z/T),\n"
     "                    exp_shifted,probability,naive_exp (e^(z/T)),naive_probability, a row\n"
     "                    sum,,,<sums of each column>, then entropy: the naive columns overflow to inf and\n"
     "                    give nan for logits near 1000 (e^z underflows to 0, and 0/0 is nan, near -1000)\n"
     "  --temperature T   0.01 to 100, as the panel's slider (default 1); small T tends to argmax, large T to uniform\n"},
    {"gradflow",
     "usage: actviz gradflow --depth N --width W --activation NAME|--formula EXPR [parameter flags] [--init NAME] [--gain G]\n"
     "                       [--std S] [--bias B] [--batch B] [--seed S] [--residual] [--layernorm] [--float32]\n"
     "                       [--bound]\n"
     "One forward and backward pass of a simulated MLP (MSE against N(0,1) targets) as CSV, one row per\n"
     "hidden layer, layer 1 nearest the input: layer,weight_grad_norm (||dL/dW||),act_grad_norm (||dL/da||),\n"
     "mean_abs_dz,act_mean,act_std,saturated_fraction (0 < |f'| < 1% of max|f'|),zero_slope_fraction\n"
     "(f' = 0 exactly, per unit and sample: ~0.5 is a healthy ReLU),dead_unit_fraction (units with f' = 0\n"
     "for every sample of the batch: dead units).\n"
     "  --depth N         hidden layers, 1-1000        --width W   units per layer, 1-1024\n"
     "  --batch B         N(0,1) inputs, 1-4096 (default 256)\n"
     "  --init NAME       xavier_uniform, xavier_normal, he_uniform, he_normal, lecun_normal, orthogonal,\n"
     "                    normal (default xavier_normal); --std S for normal; --gain G multiplies the scale\n"
     "  --residual        a <- a + f(W a + b)           --layernorm   layer normalisation before f\n"
     "  --float32         float32 with denormals flushed to zero: tiny gradients become exactly 0\n"
     "  --bound           two more columns: spectral_norm (||W_l||_2) and act_grad_bound, a true upper bound\n"
     "                    on act_grad_norm from the last layer's value: the product of ||W||_2 * max|f'| of\n"
     "                    the layers above (x max 1/sigma with --layernorm, 1 + that with --residual; an SVD\n"
     "                    per layer)\n"
     "  --session FILE    take every flag from a saved session's Gradient flow panel (flags given win);\n"
     "                    --curve N picks its Nth curve (default 1)\n"
     "  --preset ID       the same from one of the panel's presets (sigmoid-20, tanh-vanishes, ...;\n"
     "                    a wrong ID lists them), as the window's --panel gradflow --preset ID starts it\n" ACTVIZ_PARAMETER_FLAGS
     "Configurations above the memory budget (--memory-budget SIZE, default 2GiB) are refused with the\n"
     "estimate (exit 2).\n"},
    {"train",
     "usage: actviz train --dataset NAME [--classes K] [--points N] [--noise S] [--test-ratio R] --hidden 16,16\n"
     "                    (or --data FILE.csv [--rescale] [--test-ratio R] instead of --dataset and its flags)\n"
     "                    --activation NAME|--formula EXPR [parameter flags] [--features x2,y2,xy,sinx,siny] [--init NAME]\n"
     "                    [--bias B] --optimizer NAME --lr LR\n"
     "                    [--momentum M] [--nesterov] [--batch B] [--l2 X] [--l1 X] --steps N [--seed S] [--every K]\n"
     "                    [--weights FILE] [--histograms FILE]\n"
     "Trains the 2D classifier; CSV step,train_loss,train_accuracy,test_loss,test_accuracy,dead_fraction\n"
     "with a row at step 0, every K steps (default 100) and the last step.\n"
     "  dead_fraction     hidden units inactive at every training point: dead (f' = 0) for activations\n"
     "                    with a zero-slope region (relu, hardtanh, ...), on their negative side (z < 0)\n"
     "                    for leaky_relu and prelu, saturated (|f'| < 1% of max|f'|) for the others\n"
     "                    (tanh, sigmoid, gelu, ...), as the Classifier says\n"
     "  --dataset NAME    spiral, xor, circles, moons, gaussians, checkerboard\n"
     "  --data FILE.csv   your own points instead of --dataset: x,y,label a line (header optional; labels\n"
     "                    integers or names, 2-6 classes, up to 100000 points), or x,y,label,split with\n"
     "                    split train or test (what the window's File > Export data writes); without a\n"
     "                    split column --test-ratio and --seed split them. --rescale moves and scales them\n"
     "                    into the plane (+-1.3). A malformed file: exit 2 naming its line and column\n"
     "  --points N        total over all classes          --hidden \"\" or 0: no hidden layer\n"
     "  --optimizer NAME  sgd, momentum (--momentum 0 to 0.999, default 0.9; --nesterov), adam, rmsprop;\n"
     "                    --lr 1e-5 to 1e4 (the window's slider stops at 10)\n"
     "  --batch B         0 (default) = full batch      --gain G   multiplies the init's scale\n"
     "  --session FILE    take every flag from a saved session's Classifier panel (flags given win);\n"
     "                    train from the seed on the session's points, those added or erased by hand\n"
     "                    included, unless --dataset, --classes, --points, --noise, --test-ratio or\n"
     "                    --seed is given: then new points are drawn, as the panel draws them;\n"
     "                    --steps defaults to the steps the session had trained\n"
     "  --preset ID       the same from one of the Classifier's presets (linear-collapse, debugging-challenge,\n"
     "                    ...; a wrong ID lists them), with its points drawn from its settings\n"
     "  --weights FILE    write the trained weights as JSON (per layer W out x in, b, activation)\n"
     "  --histograms FILE write each hidden layer's pre-activations z over the training points, as the\n"
     "                    Classifier's \"units on the curve\" draws them, at the rows' steps: CSV\n"
     "                    layer,bin_left,bin_right,count,step (layers from 1; 60 bins over [-R, R], R\n"
     "                    chosen per layer at step 0 and only growing; the first and last bins of each\n"
     "                    layer and step count z below and above the range, edges -inf and inf)\n" ACTVIZ_PARAMETER_FLAGS
     "Exit 3 when training diverges: the loss NaN or infinite, or above 1000 x its starting level\n"
     "max(loss at step 0, log K) (rows up to the divergence, one line on stderr); exit 2 on bad values\n"
     "and on configurations above the memory budget (--memory-budget SIZE, default 2GiB).\n"},
    {"bakeoff",
     "usage: actviz bakeoff --dataset NAME [--classes K] [--points N] [--noise S] [--test-ratio R] --hidden 32,32\n"
     "                      --activations A,B,... [--features ...] [--init NAME] [--bias B] --optimizer NAME --lr LR\n"
     "                      [--momentum M] [--nesterov] [--batch B] [--l2 X] [--l1 X] --steps N [--seeds K] [--seed S]\n"
     "                      [--every E]\n"
     "                      [--memory-budget SIZE]\n"
     "       actviz bakeoff --data FILE.csv [--rescale] [--test-ratio R] [the flags above but the dataset's]\n"
     "       actviz bakeoff --session FILE [any flag above, which wins]\n"
     "The same network trained with 2-8 activations in lockstep: per seed the same initial weights, the same\n"
     "data and the same batches in the same order; only the hidden layers' activation differs.\n"
     "CSV activation,seed,step,train_loss,train_accuracy,test_loss,test_accuracy,dead_fraction,\n"
     "first_last_grad_ratio, contestant by contestant, a row at step 0, every E steps (default 100) and the\n"
     "last step; then a blank line and activation,steps_to_90,steps_to_95,best_test_accuracy,final_train_loss,\n"
     "best_test_accuracy_low,best_test_accuracy_high, one row per activation, each a mean over the seeds;\n"
     "then a blank line and the verdict as comment lines (\"# ...\"): the winner on each criterion (fastest\n"
     "to 90%, best test accuracy, lowest final loss), ties, who never reached 90%, whether the seeds agree\n"
     "and whether the best test accuracies are separable on the test set.\n"
     "  --steps N         the step budget: every contestant of every seed stops at step N, so the table\n"
     "                    and the verdict are final (the Bake-off panel's \"step budget\")\n"
     "  --data FILE.csv   your own points, as in actviz train --help (same format, same checks)\n"
     "  --activations     2-8 catalogue names (actviz list), at their PyTorch defaults; repeats allowed;\n"
     "                    formula:EXPR types one (commas inside its parentheses are fine)\n"
     "  --session FILE    take the contest from a saved session's Bake-off panel: its activations, seeds,\n"
     "                    data, network, optimiser and step budget (flags given win)\n"
     "  --preset ID       the same from one of the Bake-off's presets (bakeoff-spiral, ...)\n"
     "  --seeds K         1-64 (default 1): seeds S, S+1, ..., S+K-1 draw the weights and batch order;\n"
     "                    the data come from --seed S\n"
     "  dead_fraction     dead or saturated hidden units, as in actviz train --help\n"
     "  first_last_grad_ratio   ||dL/dW|| of the first layer over the output layer's (<< 1: vanishing);\n"
     "                    empty when the output layer's gradient is 0\n"
     "  steps_to_90/95    first step whose weights classify >= 90%/95% of the training set: exact at full\n"
     "                    batch, at mini-batches the first evaluated step (a multiple of E). EMPTY when any\n"
     "                    seed did not reach it within --steps (the mean of the others would flatter it);\n"
     "                    best_test_accuracy is empty with --test-ratio 0\n"
     "  best_test_accuracy_low/high   95% Wilson score interval of the mean best test accuracy on the\n"
     "                    test set's n points (seeds share the points, so more seeds do not narrow it)\n"
     "  verdict           each criterion ranks the means over the seeds; only activations that reached 90%\n"
     "                    on every seed are ranked for speed (the others are named); a diverged\n"
     "                    contestant is not ranked on loss; equal means tie; the seeds agree when the\n"
     "                    winner is also best (or tied) on every seed alone; overlapping 95% intervals\n"
     "                    are \"not separable on this test set\"\n"
     "Other flags as in actviz train. Exit 3 when a contestant diverges, as train defines it (its rows\n"
     "stop there, one line on stderr each); exit 2 on bad values and on configurations above the memory\n"
     "budget (--memory-budget SIZE, default 2GiB; every contestant is a trainer of its own).\n"},
};

#undef ACTVIZ_PARAMETER_FLAGS

}  // namespace

std::string_view usage_of(std::string_view subcommand) {
    for (const Usage& usage : kUsages) {
        if (usage.name == subcommand) return usage.text;
    }
    return {};
}

}  // namespace actviz::cli
