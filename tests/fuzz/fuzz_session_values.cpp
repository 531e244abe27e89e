// libFuzzer target: sessions mutated value by value (see README's "Fuzzing").
//
// The byte-level fuzz_session rarely gets past the JSON parser with a change that matters; a
// counter that overflows once sat behind an otherwise valid file. Here a custom mutator parses the
// input as JSON (text that is not JSON goes to libFuzzer's own mutator), picks one value in the
// tree and replaces it by a hostile variant of its type: numbers by 0, −0, ±1, int32/int64/uint64
// limits, 2^53 + 1, ±1e308, 5e-324, ±1 ulp, ×10, ÷10, null, a string; strings by "", a long one,
// another enum name, unicode; arrays emptied, one element dropped, duplicated, moved, or grown
// huge; objects with a key dropped, duplicated (written by hand: a JSON library cannot) or
// renamed; booleans flipped; the version changed. Counters and sizes (integers under a key) are
// picked as often as all other numbers together. The checks are session_values's
// (fuzz_entries.hpp): load, round trip, train a few steps, save and reopen.

#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/activation.hpp"
#include "core/dataset.hpp"
#include "core/init.hpp"
#include "core/optimizer.hpp"
#include "fuzz_entries.hpp"
#include "settings/classifier_settings.hpp"
#include "settings/panels.hpp"

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace {

using nlohmann::json;
using Random = std::minstd_rand;

// A value replaced by this string is written as the raw text beside it (numbers JSON libraries
// will not write: -0, 1e400, 2^64; objects with a key twice; invalid UTF-8).
constexpr const char* kRawMarker = "@@actviz-fuzz-raw@@";

std::size_t below(Random& random, std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(random() % n); }
bool one_in(Random& random, std::size_t n) { return below(random, n) == 0; }

template <typename T>
const T& pick(Random& random, const std::vector<T>& items) {
    return items[below(random, items.size())];
}

struct Node {
    json* value;
    json* parent;     // null for the root
    std::string key;  // in an object parent
};

struct Tree {
    std::vector<Node> named_integers;  // integers under a key: counters, sizes, seeds, indices
    std::vector<Node> numbers;         // every other number (weights, points, history, batch order)
    std::vector<Node> strings, booleans, nulls, arrays, objects;
};

void collect(json& value, json* parent, const std::string& key, Tree& tree) {
    const Node node{&value, parent, key};
    if (value.is_number_integer() && parent && parent->is_object()) {
        tree.named_integers.push_back(node);
    } else if (value.is_number()) {
        tree.numbers.push_back(node);
    } else if (value.is_string()) {
        tree.strings.push_back(node);
    } else if (value.is_boolean()) {
        tree.booleans.push_back(node);
    } else if (value.is_null()) {
        tree.nulls.push_back(node);
    } else if (value.is_array()) {
        tree.arrays.push_back(node);
        for (json& element : value) collect(element, &value, "", tree);
    } else if (value.is_object()) {
        tree.objects.push_back(node);
        for (auto& [k, v] : value.items()) collect(v, &value, k, tree);
    }
}

// Enum names, ids and keys a session uses: a string becomes one of these now and then.
const std::vector<std::string>& known_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const actviz::Activation& a : actviz::activations()) out.emplace_back(a.name);
        for (const auto name : actviz::optimizer_names()) out.emplace_back(name);
        for (const auto name : actviz::init_scheme_names()) out.emplace_back(name);
        for (const auto& info : actviz::dataset_infos()) out.emplace_back(info.name);
        for (const auto& panel : actviz::settings::kPanelNames) out.emplace_back(panel.id);
        for (const auto& preset : actviz::settings::classifier_presets()) out.emplace_back(preset.id);
        for (const char* s : {"all", "x2", "y2", "xy", "sin_x", "sin_y", "x_squared", "train", "test", "steps",
                              "adam_steps", "batch_cursor", "batch_order", "history", "parameters", "hidden",
                              "classes", "points", "batch", "seed", "seeds", "activations", "curves", "depth"}) {
            out.emplace_back(s);
        }
        return out;
    }();
    return names;
}

struct Replacement {
    json value;
    std::string raw;  // when not empty: written instead of value
};

Replacement raw(std::string text) { return {json(kRawMarker), std::move(text)}; }

double as_double(const json& v) { return v.is_number() ? v.get<double>() : 0.0; }

Replacement hostile_number(Random& random, const json& v, bool counter) {
    constexpr auto i32 = std::numeric_limits<std::int32_t>();
    constexpr auto i64 = std::numeric_limits<std::int64_t>();
    const double d = as_double(v);
    // A counter, size or index: near its own value and the integer limits first.
    if (v.is_number_integer() && (counter || one_in(random, 2))) {
        const bool is_unsigned = v.is_number_unsigned();
        const std::int64_t n = is_unsigned ? static_cast<std::int64_t>(std::min<std::uint64_t>(v.get<std::uint64_t>(), i64.max()))
                                           : v.get<std::int64_t>();
        switch (below(random, 22)) {
            case 0: return {json(0), ""};
            case 1: return {json(1), ""};
            case 2: return {json(-1), ""};
            case 3: return {json(n == i64.max() ? n : n + 1), ""};
            case 4: return {json(n == i64.min() ? n : n - 1), ""};
            case 5: return {json(i32.max()), ""};
            case 6: return {json(i32.min()), ""};
            case 7: return {json(std::int64_t{i32.max()} + 1), ""};
            case 8: return {json(std::int64_t{i32.min()} - 1), ""};
            case 9: return {json(i64.max()), ""};
            case 10: return {json(i64.min()), ""};
            case 11: return {json(std::numeric_limits<std::uint64_t>::max()), ""};
            case 12: return raw("18446744073709551616");  // 2^64: read as a double
            case 13: return {json(std::int64_t{1} << 53 | 1), ""};
            case 14: return {json(n < i64.max() / 10 && n > i64.min() / 10 ? n * 10 : n), ""};
            case 15: return {json(n / 10), ""};
            case 16: return {json(n == i64.min() ? n : -n), ""};  // −INT64_MIN does not exist
            case 17: return {json(std::int64_t{1'000'000'000'000} + static_cast<std::int64_t>(below(random, 3)) - 1), ""};
            case 18: return raw(std::to_string(n) + ".0");  // the same number written as a double
            case 19: return {json(static_cast<std::int64_t>(1) << below(random, 63)), ""};
            case 20: return {json(static_cast<std::int64_t>(below(random, 130))), ""};
            default: return {json(n + static_cast<std::int64_t>(below(random, 2) ? 2 : -2) * (n > -1000000 && n < 1000000)), ""};
        }
    }
    switch (below(random, 24)) {
        case 0: return {json(0.0), ""};
        case 1: return raw("-0");
        case 2: return raw("-0.0");
        case 3: return {json(1), ""};
        case 4: return {json(-1), ""};
        case 5: return {json(std::numeric_limits<double>::max()), ""};
        case 6: return {json(1e308), ""};
        case 7: return {json(-1e308), ""};
        case 8: return {json(std::numeric_limits<double>::denorm_min()), ""};
        case 9: return {json(-std::numeric_limits<double>::denorm_min()), ""};
        case 10: return {json(std::nextafter(d, std::numeric_limits<double>::infinity())), ""};
        case 11: return {json(std::nextafter(d, -std::numeric_limits<double>::infinity())), ""};
        case 12: return {json(d * 10), ""};
        case 13: return {json(d / 10), ""};
        case 14: return {json(nullptr), ""};  // what NaN and ±inf are written as
        case 15: return {json(std::to_string(d)), ""};
        case 16: return raw("1e400");
        case 17: return raw("9007199254740993.0");  // 2^53 + 1 as a double
        case 18: return {json(std::numeric_limits<double>::min()), ""};
        case 19: return {json(-d), ""};
        case 20: return {json(std::numeric_limits<double>::epsilon()), ""};
        case 21: return {json(i64.max()), ""};
        case 22: return {json(d + 1), ""};
        default: return {json(std::numeric_limits<double>::lowest()), ""};
    }
}

Replacement hostile_string(Random& random, const json& v) {
    const std::string s = v.get<std::string>();
    switch (below(random, 12)) {
        case 0: return {json(""), ""};
        case 1: return {json(std::string(257, 'a')), ""};
        case 2: return {json(std::string(4097, 'x')), ""};
        case 3:
        case 4:
        case 5: return {json(pick(random, known_names())), ""};
        case 6: return {json(s + "\u00e9\u4e2d\U0001F600"), ""};
        case 7: return raw("\"" + s + "\xff\xfe\"");  // invalid UTF-8
        case 8: return {json(s + std::string(1, '\0')), ""};
        case 9: {
            std::string upper = s;
            for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            return {json(upper), ""};
        }
        case 10: return {json(s.empty() ? s : s.substr(0, s.size() - 1)), ""};
        default: return {json(s + " "), ""};
    }
}

// An array's elements as text, for lengths a json value would be slow to build.
Replacement hostile_array(Random& random, const json& v, std::size_t room) {
    json a = v;
    const std::size_t n = a.size();
    switch (below(random, 9)) {
        case 0: return {json::array(), ""};
        case 1:
            if (n) a.erase(below(random, n));
            return {a, ""};
        case 2:
            if (n) a.insert(a.begin() + static_cast<std::ptrdiff_t>(below(random, n)), a[below(random, n)]);
            return {a, ""};
        case 3:
            if (n > 1) std::swap(a[below(random, n)], a[below(random, n)]);
            return {a, ""};
        case 4:
            if (n) {  // one element moved to the end
                const std::size_t i = below(random, n);
                json e = a[i];
                a.erase(i);
                a.push_back(e);
            }
            return {a, ""};
        case 5: {  // huge: one element repeated as far as the room allows (e.g. past 100 000 points)
            const std::string element = n ? a[below(random, n)].dump() : "0";
            const std::size_t wanted = pick(random, std::vector<std::size_t>{9, 17, 65, 257, 1025, 4097});
            const std::size_t count = std::min(wanted, room / (element.size() + 1));
            std::string text = "[";
            for (std::size_t i = 0; i < count; ++i) text += (i ? "," : "") + element;
            return raw(text + "]");
        }
        case 6: a.push_back(n ? a[n - 1] : json(0)); return {a, ""};
        case 7: a.push_back(json::object()); return {a, ""};
        default:
            if (n) a.erase(n - 1);
            return {a, ""};
    }
}

Replacement hostile_object(Random& random, const json& v) {
    json o = v;
    if (o.empty()) return {json::object({{pick(random, known_names()), 1}}), ""};
    std::vector<std::string> keys;
    for (const auto& item : o.items()) keys.push_back(item.key());
    const std::string key = pick(random, keys);
    switch (below(random, 6)) {
        case 0: o.erase(key); return {o, ""};
        case 1:
        case 2: {  // the key twice, the second time with another value of the same kind
            std::string text = "{";
            for (const auto& [k, value] : o.items()) text += json(k).dump() + ":" + value.dump() + ",";
            json other = o[key];
            if (other.is_number()) other = as_double(other) + 1;
            else if (other.is_boolean()) other = !other.get<bool>();
            else if (other.is_string()) other = pick(random, known_names());
            return raw(text + json(key).dump() + ":" + other.dump() + "}");
        }
        case 3: {
            json value = o[key];
            o.erase(key);
            o[one_in(random, 2) ? key + "_" : pick(random, known_names())] = value;
            return {o, ""};
        }
        case 4: o[pick(random, known_names())] = o[key]; return {o, ""};
        default: o.erase(key); o[key.empty() ? "x" : key.substr(0, key.size() - 1)] = v.at(key); return {o, ""};
    }
}

Replacement hostile_version(Random& random) {
    const std::vector<std::string> versions{"0", "1", "2", "3", "-1", "1.0", "2.0", "\"2\"", "null",
                                            "9223372036854775808", "18446744073709551615", "2147483648", "1e400"};
    return raw(pick(random, versions));
}

// One value of the document replaced; false when there is nothing to mutate.
bool mutate(json& document, Random& random, std::size_t room, std::string& raw_text) {
    Tree tree;
    collect(document, nullptr, "", tree);
    Node node{nullptr, nullptr, ""};
    Replacement replacement;
    if (document.is_object() && document.contains("actviz_session") && one_in(random, 16)) {
        node = {&document["actviz_session"], &document, "actviz_session"};
        replacement = hostile_version(random);
    } else {
        std::vector<std::vector<Node>*> kinds;
        for (auto* kind : {&tree.named_integers, &tree.named_integers, &tree.numbers, &tree.strings, &tree.booleans,
                           &tree.nulls, &tree.arrays, &tree.objects}) {
            if (!kind->empty()) kinds.push_back(kind);
        }
        if (kinds.empty()) return false;
        std::vector<Node>& kind = *pick(random, kinds);
        node = pick(random, kind);
        const json& v = *node.value;
        if (&kind == &tree.named_integers) replacement = hostile_number(random, v, true);
        else if (v.is_number()) replacement = hostile_number(random, v, false);
        else if (v.is_string()) replacement = hostile_string(random, v);
        else if (v.is_boolean()) replacement = one_in(random, 4) ? Replacement{json(v.get<bool>() ? 1 : 0), ""} : Replacement{json(!v.get<bool>()), ""};
        else if (v.is_null()) replacement = {pick(random, std::vector<json>{json(0), json(false), json(""), json::array(), json::object()}), ""};
        else if (v.is_array()) replacement = hostile_array(random, v, room);
        else replacement = hostile_object(random, v);
        if (one_in(random, 32)) replacement = {pick(random, std::vector<json>{json(nullptr), json::array(), json::object(), json("")}), ""};
    }
    *node.value = std::move(replacement.value);
    raw_text = std::move(replacement.raw);
    return true;
}

std::size_t write(const std::string& text, std::uint8_t* data, std::size_t max_size) {
    if (text.size() > max_size) return 0;
    std::memcpy(data, text.data(), text.size());
    return text.size();
}

}  // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size, unsigned int seed) {
    Random random(seed);
    json document = json::parse(data, data + size, nullptr, false);
    if (document.is_discarded() || one_in(random, 50)) return LLVMFuzzerMutate(data, size, max_size);
    std::string raw_text;
    if (!mutate(document, random, max_size > size ? max_size - size : 0, raw_text)) return LLVMFuzzerMutate(data, size, max_size);
    std::string text = document.dump(-1, ' ', false, json::error_handler_t::replace);
    if (!raw_text.empty()) {
        const std::string marker = json(kRawMarker).dump();
        const std::size_t at = text.find(marker);
        if (at != std::string::npos) text.replace(at, marker.size(), raw_text);
    }
    const std::size_t written = write(text, data, max_size);
    return written ? written : LLVMFuzzerMutate(data, size, max_size);
}

// Crossing two sessions: one value of the first replaced by the value at the same place in the
// second (a state from another preset, another panel's settings), else libFuzzer's byte crossover.
extern "C" std::size_t LLVMFuzzerCustomCrossOver(const std::uint8_t* data1, std::size_t size1, const std::uint8_t* data2,
                                                 std::size_t size2, std::uint8_t* out, std::size_t max_out_size,
                                                 unsigned int seed) {
    Random random(seed);
    json first = json::parse(data1, data1 + size1, nullptr, false);
    const json second = json::parse(data2, data2 + size2, nullptr, false);
    if (first.is_discarded() || second.is_discarded() || !first.is_object() || !second.is_object()) return 0;
    const json flat = first.flatten();
    std::vector<std::string> pointers;
    for (const auto& item : flat.items()) {
        std::string p = item.key();
        // The pointer itself or one of its ancestors, so whole objects and arrays cross too.
        for (std::size_t cut = below(random, 4); cut > 0 && p.rfind('/') != std::string::npos && p.rfind('/') > 0; --cut) {
            p = p.substr(0, p.rfind('/'));
        }
        pointers.push_back(p);
    }
    if (pointers.empty()) return 0;
    try {
        const json::json_pointer at(pick(random, pointers));
        if (!second.contains(at)) return 0;
        first[at] = second.at(at);
    } catch (const json::exception&) {
        return 0;
    }
    return write(first.dump(-1, ' ', false, json::error_handler_t::replace), out, max_out_size);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    actviz::fuzz::session_values(data, size);
    return 0;
}
