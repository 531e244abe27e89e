// A typed activation is the activation it spells: x·σ(x) is SiLU, max(0, x) is ReLU (kinks as
// autograd has them), on a grid, in a gradient-flow run and in a training run; every derivative
// agrees with a finite difference; a bad formula says where and what; redefining a name keeps what
// still uses the old definition alive.

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/activation_analysis.hpp"
#include "core/activity.hpp"
#include "core/custom_activation.hpp"
#include "core/formula.hpp"
#include "core/gradflow.hpp"
#include "core/trainer.hpp"
#include "core/z_histogram.hpp"

namespace actviz {
namespace {

const Activation& custom(const std::string& name, const std::string& formula, double alpha = 1, double beta = 1) {
    CustomActivationSpec spec;
    spec.name = name;
    spec.formula = formula;
    spec.parameters[0] = {alpha, -10, 10};
    spec.parameters[1] = {beta, -10, 10};
    const CustomDefinition d = define_custom_activation(spec);
    EXPECT_TRUE(d.activation) << formula << ": " << d.error.message;
    return *d.activation;
}

// |a − b| ≤ 1e-12 · max(1, |b|): absolute near zero, relative for large values.
bool close(double a, double b, double tolerance = 1e-12) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    return std::fabs(a - b) <= tolerance * std::max(1.0, std::fabs(b));
}

std::vector<double> grid() {
    std::vector<double> xs;
    for (int i = -4000; i <= 4000; ++i) xs.push_back(i * 0.005);  // −20 … 20, 0 and ±1 included exactly
    for (double x : {-700.0, -50.0, 50.0, 700.0}) xs.push_back(x);
    return xs;
}

void expect_same(const Activation& typed, const char* builtin_name, const ParameterValues& typed_p,
                 const ParameterValues& builtin_p) {
    const Activation& builtin = *find_activation(builtin_name);
    int f_wrong = 0, df_wrong = 0;
    for (double x : grid()) {
        if (!close(typed.f(x, typed_p), builtin.f(x, builtin_p))) {
            if (f_wrong++ == 0) ADD_FAILURE() << builtin_name << " f at " << x << ": " << typed.f(x, typed_p) << " vs " << builtin.f(x, builtin_p);
        }
        if (!close(typed.df(x, typed_p), builtin.df(x, builtin_p))) {
            if (df_wrong++ == 0) ADD_FAILURE() << builtin_name << " f′ at " << x << ": " << typed.df(x, typed_p) << " vs " << builtin.df(x, builtin_p);
        }
    }
    EXPECT_EQ(f_wrong, 0);
    EXPECT_EQ(df_wrong, 0);
}

TEST(Formula, TypedFormulasEqualTheBuiltInsOnAGrid) {
    expect_same(custom("t_silu", "x * sigmoid(x)"), "silu", {}, {});
    expect_same(custom("t_mish", "x * tanh(softplus(x))"), "mish", {}, {});
    expect_same(custom("t_gelu", "x * (1 + erf(x / sqrt(2))) / 2"), "gelu", {}, {});
    expect_same(custom("t_tanh", "tanh(x)"), "tanh", {}, {});
    expect_same(custom("t_softsign", "x / (1 + abs(x))"), "softsign", {}, {});
}

TEST(Formula, KinksFollowAutogradsConvention) {
    const Activation& relu = custom("t_relu", "max(0, x)");
    expect_same(relu, "relu", {}, {});
    EXPECT_EQ(relu.df(0, {}), 0.0);  // relu′(0) = 0
    EXPECT_EQ(custom("t_relu_swapped", "max(x, 0)").df(0, {}), 0.0);
    const Activation& leaky = custom("t_leaky", "max(alpha * x, x)", 0.01);
    expect_same(leaky, "leaky_relu", {0.01, 0}, {0.01, 0});
    EXPECT_EQ(leaky.df(0, {0.01, 0}), 0.01);  // leaky_relu′(0) = α
    const Activation& hardtanh = custom("t_hardtanh", "max(-1, min(1, x))");
    expect_same(hardtanh, "hardtanh", {}, {-1, 1});
    EXPECT_EQ(hardtanh.df(1, {}), 0.0);  // hardtanh′(±1) = 0
    EXPECT_EQ(hardtanh.df(-1, {}), 0.0);
    EXPECT_EQ(custom("t_step", "step(x)").f(0, {}), 0.0);  // step(0) = 0, as the catalogue's
    // A tie between slopes of opposite sign passes no gradient, as autograd's abs′(0) and relu(−x)′(0).
    EXPECT_EQ(custom("t_abs_by_max", "max(x, -x)").df(0, {}), 0.0);
    EXPECT_EQ(custom("t_relu_of_minus", "max(0, -x)").df(0, {}), 0.0);
    EXPECT_EQ(custom("t_abs", "abs(x)").df(0, {}), 0.0);
}

TEST(Formula, KinksAreFoundWhereTheBuiltInsHaveThem) {
    // The property table says "smooth: no, x = 0" for max(0, x) as for relu, and the analysis
    // samples both sides of each kink.
    EXPECT_EQ(custom("k_relu", "max(0, x)").kinks({}), std::vector<double>{0.0});
    EXPECT_EQ(custom("k_abs", "abs(x)").kinks({}), std::vector<double>{0.0});  // a grid sample sits on the tie
    const std::vector<double> hardtanh = custom("k_hardtanh", "max(-1, min(1, x))").kinks({});
    ASSERT_EQ(hardtanh.size(), 2u);
    EXPECT_NEAR(hardtanh[0], -1, 1e-9);
    EXPECT_NEAR(hardtanh[1], 1, 1e-9);
    const std::vector<double> shifted = custom("k_shifted", "max(0, x - alpha)", 0.3337).kinks({0.3337, 0});
    ASSERT_EQ(shifted.size(), 1u);
    EXPECT_NEAR(shifted[0], 0.3337, 1e-9);  // between grid points, refined
    EXPECT_TRUE(custom("k_smooth", "x * sigmoid(x)").kinks({}).empty());
    EXPECT_TRUE(custom("k_steep", "tanh(20 * x)").kinks({}).empty()) << "a steep smooth slope is no kink";
}

TEST(Formula, ParametersAreSliders) {
    const Activation& swish = custom("t_swish", "x * sigmoid(beta * x)");
    EXPECT_EQ(swish.parameter_count, 2);  // β is the second slider even without α
    for (double beta : {0.25, 1.0, 1.702, 4.0}) expect_same(swish, "swish", {1, beta}, {beta, 0});
    EXPECT_EQ(custom("t_scaled", "alpha * x").parameter_count, 1);
    EXPECT_EQ(custom("t_plain", "x").parameter_count, 0);
}

TEST(Formula, DerivativesMatchCentralDifferences) {
    const char* formulas[] = {"x * tanh(log(1 + exp(x)))", "x * sigmoid(1.702 * x)", "x * (1 + erf(x / sqrt(2))) / 2",
                              "x / (1 + x^2)", "sin(x) * exp(-x^2 / 4)", "log1p(x^2) - cos(2 * pi * x) / e",
                              "softplus(alpha * x) / alpha", "sqrt(1 + x^2) - 1", "x^3 - 2^x", "abs(x)^1.5",
                              "x * (0.5 + atan(x) / pi)"};  // the textbook's x·(Cauchy CDF)
    int i = 0;
    for (const char* formula : formulas) {
        const Activation& a = custom("t_fd" + std::to_string(i++), formula, 0.7);
        const ParameterValues p = a.defaults();
        for (double x = -4.9; x <= 4.9; x += 0.37) {
            if (std::fabs(x) < 1e-9) continue;  // abs(x)^1.5 has its kink-free but singular f″ at 0
            const double h = 1e-5;
            const double fd = (a.f(x + h, p) - a.f(x - h, p)) / (2 * h);
            EXPECT_NEAR(a.df(x, p), fd, 1e-6 * std::max(1.0, std::fabs(fd))) << formula << " at " << x;
            const double fd2 = (a.df(x + h, p) - a.df(x - h, p)) / (2 * h);
            EXPECT_NEAR(second_derivative(a, p, x), fd2, 1e-5 * std::max(1.0, std::fabs(fd2))) << formula << " f″ at " << x;
        }
    }
}

TEST(Formula, PrecedenceIsTheTextbooks) {
    const auto value = [](const char* text, double x) {
        const FormulaResult r = compile_formula(text);
        EXPECT_TRUE(r.formula) << text << ": " << r.error.message;
        return r.formula ? r.formula->value.value(x, {1, 1}) : NAN;
    };
    EXPECT_DOUBLE_EQ(value("x^2^3", 2), 256);    // right-associative
    EXPECT_DOUBLE_EQ(value("-x^2", 3), -9);      // −(x²)
    EXPECT_DOUBLE_EQ(value("2^-1 * x", 4), 2);   // a signed exponent
    EXPECT_DOUBLE_EQ(value("1 - 2 - 3", 0), -4);
    EXPECT_DOUBLE_EQ(value("8 / 4 / 2", 0), 1);
    EXPECT_DOUBLE_EQ(value("2e-3 * x", 1000), 2);
    EXPECT_DOUBLE_EQ(value("α * x + β", 2), 3);  // Greek letters name the parameters (both 1 here)
}

void expect_error(const char* text, int column, const std::string& part) {
    const FormulaResult r = compile_formula(text);
    ASSERT_FALSE(r.formula) << text;
    EXPECT_EQ(r.error.column, column) << text << ": " << r.error.message;
    EXPECT_NE(r.error.message.find(part), std::string::npos) << text << ": " << r.error.message;
}

TEST(Formula, BadFormulasSayWhereAndWhat) {
    expect_error("x * (1 + ", 9, "expected a number, a name or '('");
    expect_error("sigmod(x)", 1, "unknown name 'sigmod'");
    expect_error("sigmod(x)", 1, "sigmoid");  // the known names are listed
    expect_error("x * (1 + x", 11, "expected ')' to close the '(' at column 5");
    expect_error("2x", 2, "write the multiplication");
    expect_error("x ** 2", 3, "use ^");
    expect_error("max(x)", 1, "max at column 1 takes 2 arguments, got 1");
    expect_error("x(2)", 1, "not a function");
    expect_error("exp + 1", 1, "is a function");
    expect_error("x)", 2, "unmatched ')'");
    expect_error("", 1, "empty");
    expect_error("x § 2", 3, "'§'");
    expect_error("1e999 * x", 1, "out of a double's range");
    expect_error("x * 1e-999", 5, "out of a double's range");
    expect_error("10^10^10 * x", 3, "not a finite number");
    expect_error("x / (x - x)", 3, "division by zero");
    expect_error("0^x", 2, "no real derivative");
    expect_error("(-2)^x", 5, "no real derivative");
    expect_error("x + log(0)", 5, "not a finite number");
}

TEST(Formula, ExactArithmeticNeverExplodes) {
    // GiNaC expands (c·x)^n into c^n·x^n: with exact numbers these were 10^15-bit integers (a hang).
    for (const char* text : {"(x+x)^999999999999", "(2*x)^999999999999", "(x/3)^999999999999",
                             "(2*x+2)^999999999999", "((((((((2*x)^4)^4)^4)^4)^4)^4)^4)^4"}) {
        const FormulaResult r = compile_formula(text);  // compiled or refused, but at once
        EXPECT_TRUE(r.formula || !r.error.message.empty()) << text;
    }
    EXPECT_DOUBLE_EQ(compile_formula("(2*x)^3").formula->value.value(1.5, {}), 27.0);
}

TEST(Formula, ColumnsCountInTheTextAsTyped) {
    const FormulaResult r = compile_formula("   x +");
    EXPECT_EQ(r.error.column, 7);
    EXPECT_NE(r.error.message.find("column 7"), std::string::npos) << r.error.message;
}

TEST(Formula, HugeInputsAreRefusedWithAMessage) {
    const std::string long_text = "x" + std::string(9999, '+') ;
    EXPECT_NE(compile_formula(std::string(5000, '(') + "x" + std::string(5000, ')')).error.message.find("at most 500"),
              std::string::npos);
    EXPECT_NE(compile_formula(long_text).error.message.find("at most 500"), std::string::npos);
    EXPECT_NE(compile_formula(std::string(41, '(') + "x" + std::string(41, ')')).error.message.find("more than 40 parentheses"),
              std::string::npos);
    EXPECT_TRUE(compile_formula(std::string(40, '(') + "x" + std::string(40, ')')).formula);
    EXPECT_FALSE(compile_formula(std::string(300, '-') + "x").error.message.empty());  // nesting by operators
}

TEST(Formula, NonFiniteValuesStayVisible) {
    const Activation& log = custom("t_log", "log(x)");
    EXPECT_TRUE(std::isnan(log.f(-1, {})));
    EXPECT_EQ(log.f(0, {}), -INFINITY);
    EXPECT_TRUE(std::isnan(custom("t_nan_max", "max(0, x)").f(NAN, {})));  // max propagates NaN
}

TEST(Formula, RedefiningANameKeepsTheOldEntryAlive) {
    const Activation& first = custom("t_mine", "x * sigmoid(x)");
    EXPECT_EQ(&custom("t_mine", "x * sigmoid(x)"), &first);  // the same definition is the same entry
    EXPECT_GE(activation_index(first), static_cast<int>(builtin_activation_count()));
    EXPECT_EQ(first.family, Family::Custom);
    const Activation& second = custom("t_mine", "x * sigmoid(2 * x)");
    EXPECT_NE(&second, &first);
    EXPECT_EQ(find_activation("t_mine"), &second);
    EXPECT_FALSE(first.listed());
    EXPECT_DOUBLE_EQ(first.f(1, {}), 1 / (1 + std::exp(-1.0)));  // still computes its own formula
    const auto listed = custom_activations();
    EXPECT_EQ(std::count(listed.begin(), listed.end(), &first), 0);
    EXPECT_EQ(std::count(listed.begin(), listed.end(), &second), 1);
}

TEST(Formula, ABuiltInNameOrABadRangeIsRefused) {
    CustomActivationSpec spec;
    spec.name = "relu";
    spec.formula = "x";
    EXPECT_NE(define_custom_activation(spec).error.message.find("built-in"), std::string::npos);
    spec.name = "a, b";  // the command line lists names separated by commas
    EXPECT_NE(define_custom_activation(spec).error.message.find("comma"), std::string::npos);
    spec.name = "formula:x";
    EXPECT_FALSE(define_custom_activation(spec).activation);
    spec.name = "t_range";
    spec.formula = "alpha * x";
    spec.parameters[0] = {5, 0, 1};
    EXPECT_NE(define_custom_activation(spec).error.message.find("outside its range"), std::string::npos);
    spec.parameters[0] = {0, 1, 1};
    EXPECT_NE(define_custom_activation(spec).error.message.find("min < max"), std::string::npos);
}

// The curve figures are analysed once per curve (curve_memo.hpp): a name redefined with another
// formula, or the same formula at other parameters, is another curve with its own figures.
TEST(Formula, ARedefinedFormulaAndNewParametersAreAnalysedAfresh) {
    const Activation& sigmoid = *find_activation("sigmoid");
    const Activation& tanh = *find_activation("tanh");
    const Activation& identity = *find_activation("identity");
    const Activation& first = custom("memo_probe", "1/(1+exp(-x))");
    EXPECT_EQ(inactivity_rule(first, first.defaults()).kind, inactivity_rule(sigmoid, {}).kind);
    EXPECT_EQ(z_histogram_half_width(first, first.defaults(), 0), z_histogram_half_width(sigmoid, {}, 0));  // 10
    const Activation& second = custom("memo_probe", "x");
    ASSERT_NE(&first, &second);
    EXPECT_EQ(z_histogram_half_width(second, second.defaults(), 0), z_histogram_half_width(identity, {}, 0));  // 5
    EXPECT_NE(z_histogram_half_width(second, second.defaults(), 0), z_histogram_half_width(first, first.defaults(), 0));
    // The same formula at α = 1 and α = 0: a curve that saturates, and a flat one that is dead.
    const Activation& scaled = custom("memo_scaled", "alpha*tanh(x)");
    EXPECT_EQ(inactivity_rule(scaled, {1, 1}).kind, InactivityKind::Saturated);
    EXPECT_EQ(inactivity_rule(scaled, {0, 1}).kind, InactivityKind::Dead);
    EXPECT_EQ(inactivity_rule(scaled, {1, 1}).kind, InactivityKind::Saturated);
    EXPECT_EQ(inactivity_rule(scaled, {1, 1}).saturated_below, inactivity_rule(tanh, {}).saturated_below);
}

TEST(Formula, AGradientFlowRunIsTheBuiltInsRun) {
    GradflowConfig config;
    config.depth = 12;
    config.width = 32;
    config.batch = 64;
    config.activation = find_activation("silu");
    const GradflowResult builtin = simulate_gradient_flow(config);
    config.activation = &custom("t_flow_silu", "x * sigmoid(x)");
    const GradflowResult typed = simulate_gradient_flow(config);
    ASSERT_EQ(typed.layers.size(), builtin.layers.size());
    for (size_t l = 0; l < typed.layers.size(); ++l) {
        EXPECT_TRUE(close(typed.layers[l].weight_grad_norm, builtin.layers[l].weight_grad_norm, 1e-9)) << l;
        EXPECT_TRUE(close(typed.layers[l].act_mean, builtin.layers[l].act_mean, 1e-9)) << l;
    }
}

TEST(Formula, ATrainingRunIsTheBuiltInsRun) {
    DatasetConfig data;
    data.kind = DatasetKind::Spiral;
    data.classes = 3;
    data.points = 300;
    TrainerConfig config;
    config.model.hidden = {16, 16};
    config.model.classes = 3;
    config.float64 = true;
    config.optimizer.kind = OptimizerKind::Adam;
    config.optimizer.learning_rate = 0.01;
    const auto run = [&](const Activation& a, const ParameterValues& p) {
        config.model.activations = {{&a, p}};
        Trainer trainer(make_dataset(data), config);
        trainer.step(200);
        return trainer.history().back().train_loss;
    };
    const double builtin = run(*find_activation("swish"), {1.702, 0});
    const double typed = run(custom("t_train_swish", "x * sigmoid(beta * x)"), {1, 1.702});
    EXPECT_TRUE(close(typed, builtin, 1e-9)) << typed << " vs " << builtin;
}

}  // namespace
}  // namespace actviz
