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
    "  --upper U   the activation's parameters (only those it takes; actviz list shows the defaults)\n"

constexpr Usage kUsages[] = {
    {"list",
     "usage: actviz list\n"
     "The activation catalogue as CSV: name,parameters (parameters as alpha=0.01;... with their defaults).\n"},
    {"eval",
     "usage: actviz eval NAME [parameter flags] (--x X1,X2,... | --from A --to B --n N)\n"
     "An activation f and its derivative f' at the given points, as CSV: x,f,df.\n" ACTVIZ_PARAMETER_FLAGS
     "  --x LIST          comma-separated points\n"
     "  --from A --to B --n N   N evenly spaced points from A to B\n"
     "At a kink f' follows PyTorch's autograd (relu'(0) = 0).\n"},
    {"softmax",
     "usage: actviz softmax --logits L1,L2,... [--temperature T]\n"
     "Softmax of logits/T as CSV: index,logit,probability,log_probability, then a last line entropy,<nats>.\n"
     "  --temperature T   > 0 (default 1); T -> 0 tends to argmax, T -> infinity to uniform\n"},
    {"gradflow",
     "usage: actviz gradflow --depth N --width W --activation NAME [parameter flags] [--init NAME] [--gain G]\n"
     "                       [--std S] [--bias B] [--batch B] [--seed S] [--residual] [--layernorm] [--float32]\n"
     "One forward and backward pass of a simulated MLP (MSE against N(0,1) targets) as CSV, one row per\n"
     "hidden layer, layer 1 nearest the input.\n"
     "  --depth N         hidden layers, 1-1000        --width W   units per layer, 1-1024\n"
     "  --batch B         N(0,1) inputs, 1-4096 (default 256)\n"
     "  --init NAME       xavier_uniform, xavier_normal, he_uniform, he_normal, lecun_normal, orthogonal,\n"
     "                    normal (default xavier_normal); --std S for normal; --gain G multiplies the scale\n"
     "  --residual        a <- a + f(W a + b)           --layernorm   layer normalisation before f\n"
     "  --float32         float32 with denormals flushed to zero: tiny gradients become exactly 0\n"
     "  --session FILE    take every flag from a saved session's Gradient flow panel (flags given win);\n"
     "                    --curve N picks its Nth curve (default 1)\n" ACTVIZ_PARAMETER_FLAGS
     "Configurations above the memory budget (--memory-budget SIZE, default 2GiB) are refused with the\n"
     "estimate (exit 2).\n"},
    {"train",
     "usage: actviz train --dataset NAME [--classes K] [--points N] [--noise S] [--test-ratio R] --hidden 16,16\n"
     "                    --activation NAME [parameter flags] [--features x2,y2,xy,sinx,siny] [--init NAME]\n"
     "                    [--bias B] --optimizer NAME --lr LR\n"
     "                    [--nesterov] [--batch B] [--l2 X] [--l1 X] --steps N [--seed S] [--every K]\n"
     "Trains the 2D classifier; CSV step,train_loss,train_accuracy,test_loss,test_accuracy,dead_fraction\n"
     "with a row at step 0, every K steps (default 100) and the last step.\n"
     "  --dataset NAME    spiral, xor, circles, moons, gaussians, checkerboard\n"
     "  --points N        total over all classes          --hidden \"\" or 0: no hidden layer\n"
     "  --optimizer NAME  sgd, momentum (--nesterov), adam, rmsprop; --lr 1e-5 to 10\n"
     "  --batch B         0 (default) = full batch      --gain G   multiplies the init's scale\n"
     "  --session FILE    take every flag from a saved session's Classifier panel (flags given win);\n"
     "                    --steps defaults to the steps the session had trained\n"
     "  --weights FILE    write the trained weights as JSON (per layer W out x in, b, activation)\n" ACTVIZ_PARAMETER_FLAGS
     "Exit 3 when training diverges (rows up to the divergence, one line on stderr); exit 2 on bad values\n"
     "and on configurations above the memory budget (--memory-budget SIZE, default 2GiB).\n"},
    {"bakeoff",
     "usage: actviz bakeoff --dataset NAME [dataset flags of train] --hidden 32,32 --activations A,B,...\n"
     "                      --optimizer NAME --lr LR [--batch B] --steps N [--seeds K] [--every E]\n"
     "The same network trained with several activations in lockstep (same initial draw, same batches).\n"},
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
