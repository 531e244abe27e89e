#include "core/points_csv.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <system_error>

#include "core/number_text.hpp"

namespace actviz {
namespace {

constexpr const char* kColumnNames[] = {"x", "y", "label", "split"};

std::string where(std::size_t line, std::size_t column) {
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + " (" +
           kColumnNames[column - 1] + "): ";
}
std::string where(std::size_t line) { return "line " + std::to_string(line) + ": "; }

// A field as a message quotes it: at most 40 bytes, control bytes escaped, so it stays one line.
std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size() && i < 40; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7f || c == '"') {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
            out += escaped;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + (text.size() > 40 ? "…\"" : "\"");
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Text, not a binary file: no control bytes but tab and line breaks, and valid UTF-8 (labels are
// shown on screen). Returns why not, naming the line.
std::optional<std::string> binary_reason(std::string_view text) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line, ++i;
            continue;
        }
        if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f) {
            char byte[8];
            std::snprintf(byte, sizeof byte, "0x%02x", c);
            return where(line) + "byte " + byte + " is not text: this is not a CSV file";
        }
        if (c < 0x80) {
            ++i;
            continue;
        }
        // UTF-8: a lead byte, then its continuation bytes; no overlong or surrogate forms.
        std::size_t length = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
        bool valid = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(text[i + k]) & 0xc0) == 0x80;
        if (valid && length == 3) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            valid = !(c == 0xe0 && next < 0xa0) && !(c == 0xed && next >= 0xa0);
        }
        if (valid && length == 4) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            valid = !(c == 0xf0 && next < 0x90) && !(c == 0xf4 && next >= 0x90);
        }
        if (!valid) return where(line) + "not UTF-8 text: this is not a CSV file";
        i += length;
    }
    return std::nullopt;
}

// The fields of one line, RFC 4180 style (a field in double quotes may hold commas; "" is a quote).
std::optional<std::string> split_fields(std::string_view line, std::size_t number, std::vector<std::string>& fields) {
    fields.clear();
    std::size_t i = 0;
    for (;;) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        std::string field;
        if (i < line.size() && line[i] == '"') {
            ++i;
            for (;;) {
                if (i >= line.size()) return where(number) + "a quoted field is not closed (fields cannot span lines)";
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += line[i++];
            }
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
            if (i < line.size() && line[i] != ',') {
                return where(number) + "text after a closing quote in column " + std::to_string(fields.size() + 1);
            }
        } else {
            const std::size_t end = std::min(line.find(',', i), line.size());
            field = std::string(trim(line.substr(i, end - i)));
            i = end;
        }
        fields.push_back(std::move(field));
        if (i >= line.size()) return std::nullopt;
        ++i;  // the comma
    }
}

std::optional<double> as_number(std::string_view text, std::errc* error = nullptr) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error) *error = ec;
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<long long> as_integer(std::string_view text) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    long long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<std::string> read_coordinate(std::string_view field, std::size_t line, std::size_t column,
                                           bool rescale, double& out) {
    if (field.empty()) return where(line, column) + "empty, expected a number";
    std::errc error{};
    const std::optional<double> value = as_number(field, &error);
    if (!value) {
        if (error == std::errc::result_out_of_range) return where(line, column) + quoted(field) + " is beyond the range of a double";
        return where(line, column) + quoted(field) + " is not a number";
    }
    if (std::isnan(*value)) return where(line, column) + quoted(field) + ": NaN is not a coordinate";
    if (std::isinf(*value)) return where(line, column) + quoted(field) + ": an infinite coordinate";
    if (!rescale && std::fabs(*value) > kMaxCoordinate) {
        return where(line, column) + quoted(field) + " is beyond ±" + number_text(kMaxCoordinate) +
               ", the farthest a point may lie (rescale the points into the plane to import it)";
    }
    out = *value;
    return std::nullopt;
}

bool is_header(const std::vector<std::string>& fields) {
    return fields.size() >= 2 && !as_number(fields[0]) && !as_number(fields[1]);
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string label_list(const std::vector<std::string>& labels) {
    std::string out;
    for (const std::string& label : labels) out += (out.empty() ? "" : ", ") + quoted(label);
    return out;
}

struct Row {
    Point point;
    std::size_t label = 0;  // index into the labels in order of first appearance
    bool test = false;
};

PlaneRescale rescale_into_plane(std::vector<Row>& rows) {
    double x0 = rows.front().point.x, x1 = x0, y0 = rows.front().point.y, y1 = y0;
    for (const Row& r : rows) {
        x0 = std::min(x0, r.point.x), x1 = std::max(x1, r.point.x);
        y0 = std::min(y0, r.point.y), y1 = std::max(y1, r.point.y);
    }
    PlaneRescale s;
    // Halves first: x1 − x0 may overflow for points near ±1.8e308.
    s.centre_x = 0.5 * x0 + 0.5 * x1, s.centre_y = 0.5 * y0 + 0.5 * y1;
    const double half = std::max(0.5 * x1 - 0.5 * x0, 0.5 * y1 - 0.5 * y0);
    s.scale = half > 0 && std::isfinite(kDataExtent / half) ? kDataExtent / half : 1.0;
    for (Row& r : rows) {
        r.point.x = (r.point.x - s.centre_x) * s.scale;
        r.point.y = (r.point.y - s.centre_y) * s.scale;
    }
    return s;
}

}  // namespace

PointsCsvResult read_points_csv(std::string_view text, std::string_view name, const PointsCsvOptions& options) {
    PointsCsvResult result;
    const auto fail = [&](std::string message) {
        result.error = std::move(message);
        return result;
    };
    if (text.size() > kMaxPointsFileBytes) {
        return fail("the file is " + std::to_string(text.size()) + " bytes, larger than " +
                    std::to_string(kMaxPointsFileBytes >> 20) + " MiB (the most a points file may be)");
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 byte-order mark, as spreadsheets write
    if (auto reason = binary_reason(text)) return fail(*reason);

    std::vector<Row> rows;
    std::vector<std::string> labels;  // in order of first appearance
    std::map<std::string, std::size_t, std::less<>> label_index;
    std::size_t columns = 0;  // 3 or 4, fixed by the first line
    std::size_t line_number = 0;
    bool header_seen = false;
    std::vector<std::string> fields;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (line.size() > kMaxPointsLineBytes) {
            return fail(where(line_number) + "longer than " + std::to_string(kMaxPointsLineBytes) +
                        " bytes (a point is x,y,label)");
        }
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trim(line).empty()) continue;
        if (auto error = split_fields(line, line_number, fields)) return fail(*error);
        if (columns == 0) {
            if (fields.size() != 3 && fields.size() != 4) {
                return fail(where(line_number) + std::to_string(fields.size()) +
                            " columns; expected 3 (x,y,label) or 4 (x,y,label,split)");
            }
            columns = fields.size();
            if (is_header(fields)) {
                header_seen = true;
                continue;
            }
        } else if (fields.size() != columns) {
            return fail(where(line_number) + std::to_string(fields.size()) + " columns, expected " + std::to_string(columns) +
                        (columns == 3 ? " (x,y,label) as on the first line" : " (x,y,label,split) as on the first line"));
        }
        if (rows.size() == static_cast<std::size_t>(kMaxPoints)) {
            return fail(where(line_number) + "more than " + std::to_string(kMaxPoints) +
                        " points, the most the Classifier takes");
        }
        Row row;
        if (auto error = read_coordinate(fields[0], line_number, 1, options.rescale, row.point.x)) return fail(*error);
        if (auto error = read_coordinate(fields[1], line_number, 2, options.rescale, row.point.y)) return fail(*error);
        const std::string& label = fields[2];
        if (label.empty()) return fail(where(line_number, 3) + "empty, expected a class label");
        auto found = label_index.find(label);
        if (found == label_index.end()) {
            if (labels.size() == static_cast<std::size_t>(kMaxClasses)) {
                return fail(where(line_number, 3) + "a " + std::to_string(kMaxClasses + 1) + "th class, " + quoted(label) +
                            " (at most " + std::to_string(kMaxClasses) + " classes: " + label_list(labels) + " so far)");
            }
            found = label_index.emplace(label, labels.size()).first;
            labels.push_back(label);
        }
        row.label = found->second;
        if (columns == 4) {
            const std::string& split = fields[3];
            if (equals_ignoring_case(split, "test")) row.test = true;
            else if (!equals_ignoring_case(split, "train")) {
                return fail(where(line_number, 4) + quoted(split) + " is neither train nor test");
            }
        }
        rows.push_back(row);
    }
    if (rows.empty()) {
        return fail(header_seen ? "only a header, no points" : "the file is empty: no points");
    }
    if (labels.size() < 2) {
        return fail("only one class, " + quoted(labels.front()) + ": a classifier needs 2 to " +
                    std::to_string(kMaxClasses) + " classes");
    }

    // Integer labels keep their numeric order; names their order of first appearance.
    std::vector<int> class_of(labels.size());
    std::vector<std::string> class_labels;
    std::vector<std::optional<long long>> values;
    for (const std::string& label : labels) values.push_back(as_integer(label));
    if (std::all_of(values.begin(), values.end(), [](const auto& v) { return v.has_value(); })) {
        std::map<long long, int> order;
        for (const auto& v : values) order.emplace(*v, 0);
        if (order.size() < 2) {
            return fail("only one class, " + quoted(labels.front()) + ": a classifier needs 2 to " +
                        std::to_string(kMaxClasses) + " classes");
        }
        int next = 0;
        for (auto& [value, index] : order) {
            index = next++;
            class_labels.push_back(std::to_string(value));
        }
        for (std::size_t i = 0; i < labels.size(); ++i) class_of[i] = order.at(*values[i]);
    } else {
        for (std::size_t i = 0; i < labels.size(); ++i) class_of[i] = static_cast<int>(i);
        class_labels = labels;
    }

    ImportedData imported;
    imported.name = std::string(name);
    imported.labels = class_labels;
    imported.split_from_file = columns == 4;
    if (options.rescale) imported.rescale = rescale_into_plane(rows);
    const auto classes = static_cast<int>(class_labels.size());
    std::vector<Point> points;
    points.reserve(rows.size());
    for (Row& row : rows) {
        row.point.label = class_of[row.label];
        points.push_back(row.point);
        imported.beyond_plane = imported.beyond_plane || std::fabs(row.point.x) > kPlaneExtent ||
                                std::fabs(row.point.y) > kPlaneExtent;
    }
    if (imported.split_from_file) {
        imported.data.classes = classes;
        for (const Row& row : rows) (row.test ? imported.data.test : imported.data.train).push_back(row.point);
        if (imported.data.train.empty()) return fail("every point is marked test: nothing to train on");
    } else {
        if (!(options.test_ratio >= 0 && options.test_ratio <= kMaxTestRatio)) {
            return fail("test ratio must be between 0 and " + number_text(kMaxTestRatio) + ", got " +
                        number_text(options.test_ratio));
        }
        imported.data = split_points(points, classes, options.test_ratio, options.seed);
        if (imported.data.train.empty()) {
            return fail("test ratio " + number_text(options.test_ratio) + " leaves no training points out of " +
                        std::to_string(points.size()));
        }
    }
    result.imported = std::move(imported);
    return result;
}

std::string write_points_csv(const Dataset& data) {
    std::string out = "x,y,label,split\n";
    out.reserve(out.size() + (data.train.size() + data.test.size()) * 52);
    const auto number = [&out](double value) {
        char text[32];
        const auto [end, ec] = std::to_chars(text, text + sizeof text, value);  // shortest that reads back exactly
        out.append(text, ec == std::errc{} ? end : text);
    };
    for (const auto* set : {&data.train, &data.test}) {
        const char* split = set == &data.train ? "train\n" : "test\n";
        for (const Point& p : *set) {
            number(p.x);
            out += ',';
            number(p.y);
            out += ',' + std::to_string(p.label) + ',' + split;
        }
    }
    return out;
}

std::string describe_imported(const ImportedData& imported) {
    return "imported: " + imported.name + ", " + std::to_string(imported.data.classes) + " classes";
}

std::string describe_rescale(const PlaneRescale& rescale) {
    char text[128];
    std::snprintf(text, sizeof text, "×%.4g, centred on (%.4g, %.4g)", rescale.scale, rescale.centre_x, rescale.centre_y);
    return text;
}

}  // namespace actviz
