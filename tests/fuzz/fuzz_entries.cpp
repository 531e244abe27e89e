#include "fuzz_entries.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command_line.hpp"
#include "cli/subcommands.hpp"
#include "cli/usage_error.hpp"
#include "core/bakeoff.hpp"
#include "core/formula.hpp"
#include "core/points_csv.hpp"
#include "session/session_json.hpp"
#include "session/session_state.hpp"
#include "settings/bakeoff_settings.hpp"

namespace actviz::fuzz {
namespace {

// False when `flag` is given (as "--flag V" or "--flag=V") with a value that does not read as a
// whole number ≤ max: the run would be too long to fuzz. Values that are not numbers pass, for
// the subcommand's parser to refuse.
bool at_most(const std::vector<std::string>& arguments, std::string_view flag, long long max) {
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& a = arguments[i];
        if (!a.starts_with(flag)) continue;
        const bool joined = a.size() > flag.size() && a[flag.size()] == '=';
        if (a.size() != flag.size() && !joined) continue;  // another flag with this prefix
        const std::string value = joined ? a.substr(flag.size() + 1) : i + 1 < arguments.size() ? arguments[i + 1] : "";
        char* end = nullptr;
        const long long number = std::strtoll(value.c_str(), &end, 10);
        if (end == value.c_str() || number > max) return false;
    }
    return true;
}

[[noreturn]] void fail(const std::string& why) {
    std::fprintf(stderr, "fuzz: %s\n", why.c_str());
    std::abort();
}

// The text parsed and, when accepted, saved and reloaded to the same text.
session::ParseResult load_and_round_trip(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    session::ParseResult result = session::from_json_text(text);
    if (!result.loaded) {
        if (result.error.empty()) fail("a refusal without a reason");  // a refusal always says why
        return result;
    }
    // Accepted: saving it must give a file that loads to the same text.
    const std::string saved = session::to_json_text(result.loaded->session);
    const session::ParseResult again = session::from_json_text(saved);
    if (!again.loaded) fail("an accepted session saved, then refused: " + again.error);
    if (session::to_json_text(again.loaded->session) != saved) fail("an accepted session saved and reloaded to other text");
    return result;
}

// Multiply-adds of one evaluation of `settings`' network over `points` points, roughly.
double evaluation_cost(const settings::ClassifierSettings& settings, std::size_t points) {
    const TrainerConfig config = settings::to_trainer_config(settings);
    double parameters = 0;
    int inputs = config.model.features.count();
    for (const int units : config.model.hidden) {
        parameters += (inputs + 1.0) * units;
        inputs = units;
    }
    parameters += (inputs + 1.0) * config.model.classes;
    return parameters * static_cast<double>(points);
}

// Beyond this a run would take more than a few milliseconds: skipped, to keep the fuzzer fast.
constexpr double kMaxTrainingCost = 4e6;

}  // namespace

void session_loader(const std::uint8_t* data, std::size_t size) { load_and_round_trip(data, size); }

void session_values(const std::uint8_t* data, std::size_t size) {
    session::ParseResult result = load_and_round_trip(data, size);
    if (!result.loaded) return;
    const session::Session& loaded = result.loaded->session;
    std::unique_ptr<Trainer> trainer = std::move(result.loaded->trainer);
    if (trainer) {
        const Dataset& d = trainer->data();
        if (evaluation_cost(loaded.classifier, d.train.size() + d.test.size()) > kMaxTrainingCost) trainer.reset();
    } else if (evaluation_cost(loaded.classifier, static_cast<std::size_t>(loaded.classifier.data.points)) <= kMaxTrainingCost) {
        // No state: the panel draws the data from the settings and trains from the seed.
        trainer = std::make_unique<Trainer>(make_dataset(settings::to_dataset_config(loaded.classifier)),
                                            settings::to_trainer_config(loaded.classifier));
    }
    if (trainer) {
        trainer->step(3);
        trainer->update(2);
        trainer->record();
        // What the app saves after training must open again.
        session::Session after = loaded;
        after.classifier_state = session::capture_state(*trainer);
        const std::string saved = session::to_json_text(after);
        const session::ParseResult again = session::from_json_text(saved);
        if (!again.loaded) fail("a session trained from an accepted one saved, then refused: " + again.error);
    }
    const settings::BakeoffSettings& bakeoff = loaded.bakeoff;
    const double contestants = static_cast<double>(bakeoff.activations.size());
    if (contestants * evaluation_cost(bakeoff.contest, static_cast<std::size_t>(bakeoff.contest.data.points)) <= kMaxTrainingCost) {
        Bakeoff run(make_dataset(settings::to_dataset_config(bakeoff.contest)), settings::to_bakeoff_config(bakeoff, 0, 1));
        run.step(2);
    }
}

void command_line(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> args;
    std::string current;
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == '\n') {
            args.push_back(current);
            current.clear();
        } else {
            current += static_cast<char>(data[i]);
        }
    }
    if (!current.empty()) args.push_back(current);
    if (args.size() > 64) return;  // nobody types more; keeps each run short
    cli::CommandLine parsed;
    try {
        parsed = cli::parse_command_line(args);
    } catch (const cli::UsageError&) {
        return;
    }
    if (parsed.action != cli::Action::RunSubcommand) return;
    const std::string& name = parsed.subcommand;
    std::vector<std::string> arguments = parsed.arguments;
    if (name == "gradflow" || name == "train" || name == "bakeoff") {
        // Their flags are the hostile-value surface; their cost is kept small: a 16 MiB memory
        // budget bounds the data and the network (for bakeoff: of every contestant together), train
        // runs only with --steps ≤ 100, bakeoff with --steps ≤ 20 and --seeds ≤ 2 (each step is a step
        // of every contestant). Files (--session, --weights, --data) are not touched.
        for (const std::string& a : arguments) {
            if (a.starts_with("--session") || a.starts_with("--weights") || a.starts_with("--data") ||
                a.starts_with("--memory-budget")) {
                return;
            }
        }
        if (name == "train" && !at_most(arguments, "--steps", 100)) return;
        if (name == "bakeoff" && !(at_most(arguments, "--steps", 20) && at_most(arguments, "--seeds", 2))) return;
        arguments.push_back("--memory-budget");
        arguments.push_back("16MiB");
    } else if (name == "list") {
        // list --properties times every activation: a millisecond each instead of the default 50 ms
        // (a typed --cost-budget of up to 10 s each would make one run take minutes).
        bool properties = false;
        for (const std::string& a : arguments) {
            if (a.starts_with("--cost-budget")) return;
            properties = properties || a == "--properties";
        }
        if (properties) arguments.insert(arguments.end(), {"--cost-budget", "0.001"});
    } else if (name != "softmax" && name != "eval" && name != "help") {
        return;
    }
    std::ostringstream out, err;
    const int status = cli::run_subcommand(name, arguments, out, err);
    if (status != 0 && err.str().empty()) std::abort();  // a failure always says why
}

namespace {

void check_points(const ImportedData& imported, bool rescaled) {
    const Dataset& d = imported.data;
    if (d.classes < 2 || d.classes > kMaxClasses) fail("accepted points with " + std::to_string(d.classes) + " classes");
    if (imported.labels.size() != static_cast<std::size_t>(d.classes)) fail("a label per class");
    if (d.train.empty()) fail("accepted points with no training point");
    if (d.train.size() + d.test.size() > static_cast<std::size_t>(kMaxPoints)) fail("more points than the Classifier takes");
    // Rounding may put a rescaled point a hair past ±1.3.
    const double limit = rescaled ? kDataExtent * (1 + 1e-12) : kMaxCoordinate;
    for (const auto* set : {&d.train, &d.test}) {
        for (const Point& p : *set) {
            if (!(std::fabs(p.x) <= limit && std::fabs(p.y) <= limit)) fail("a point beyond the limits was accepted");
            if (p.label < 0 || p.label >= d.classes) fail("a label outside the classes");
        }
    }
}

bool same_bits(const std::vector<Point>& a, const std::vector<Point>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::memcmp(&a[i].x, &b[i].x, sizeof(double)) != 0 || std::memcmp(&a[i].y, &b[i].y, sizeof(double)) != 0 ||
            a[i].label != b[i].label) {
            return false;
        }
    }
    return true;
}

}  // namespace

void points_csv(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const bool rescale : {false, true}) {
        PointsCsvOptions options;
        options.rescale = rescale;
        const PointsCsvResult result = read_points_csv(text, "fuzz.csv", options);
        if (!result.imported) {
            if (result.error.empty()) fail("a refusal without a reason");
            if (result.error.find('\n') != std::string::npos) fail("a refusal of more than one line: " + result.error);
            continue;
        }
        check_points(*result.imported, rescale);
        // What is accepted exports, and the export imports back to the very same points.
        const PointsCsvResult back = read_points_csv(write_points_csv(result.imported->data), "export.csv");
        if (!back.imported) fail("an accepted file exported, then refused: " + back.error);
        const Dataset& a = result.imported->data;
        const Dataset& b = back.imported->data;
        // Classes with no point cannot travel in a file (there is nothing to label): the export keeps
        // the points, and their classes in order.
        if (!same_bits(a.train, b.train) || !same_bits(a.test, b.test)) fail("an export imported back to other points");
    }
}

void formula(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const FormulaResult result = compile_formula(text);
    if (!result.formula) {
        if (result.error.message.empty()) fail("a refused formula without a message");
        return;
    }
    const CompiledFormula& f = *result.formula;
    const std::vector<double> xs = {0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 1e-310, -1e-310, 1e308, -1e308,
                                    INFINITY, -INFINITY, NAN, 88.7, -745.2, 710.0};
    const std::vector<ParameterValues> parameters = {{0, 0}, {1, 1}, {-3.5, 1e4}, {NAN, INFINITY}};
    const std::size_t n = xs.size();
    for (const ParameterValues& p : parameters) {
        std::vector<double> value(n), with_slope(n), slope(n), curvature(n);
        double* value_out[] = {value.data()};
        double* slope_out[] = {with_slope.data(), slope.data()};
        double* curvature_out[] = {curvature.data()};
        f.value.run<double>(xs.data(), static_cast<Eigen::Index>(n), p, value_out);
        f.slope.run<double>(xs.data(), static_cast<Eigen::Index>(n), p, slope_out);
        f.curvature.run<double>(xs.data(), static_cast<Eigen::Index>(n), p, curvature_out);
        for (std::size_t i = 0; i < n; ++i) {
            const bool same = value[i] == with_slope[i] || (std::isnan(value[i]) && std::isnan(with_slope[i]));
            if (!same) fail("f differs between the f and f-and-f′ programs for '" + std::string(text) + "'");
        }
        std::vector<float> xf(xs.begin(), xs.end()), ff(n), dff(n);
        float* float_out[] = {ff.data(), dff.data()};
        f.slope.run<float>(xf.data(), static_cast<Eigen::Index>(n), p, float_out);
        // In place, as the training kernels call it (f over its own input).
        double* in_place[] = {value.data(), slope.data()};
        value = xs;
        f.slope.run<double>(value.data(), static_cast<Eigen::Index>(n), p, in_place);
        for (std::size_t i = 0; i < n; ++i) {
            const bool same = value[i] == with_slope[i] || (std::isnan(value[i]) && std::isnan(with_slope[i]));
            if (!same) fail("f computed in place differs for '" + std::string(text) + "'");
        }
    }
}

}  // namespace actviz::fuzz
