#include "plot/svg_writer.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace actviz::plot {
namespace {

// [SECTION] Numbers, colours, text ----------------------------------------------------------------

// Two decimals are a hundredth of a pixel: finer than any screen, and the file stays small.
void number(std::string& out, float value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", std::isfinite(value) ? static_cast<double>(value) : 0.0);
    std::string s = text;
    while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
        const bool dot = s.back() == '.';
        s.pop_back();
        if (dot) break;
    }
    if (s == "-0") s = "0";
    out += s;
}

unsigned channel(SceneColour c, int shift) { return (c >> shift) & 0xFF; }
unsigned alpha(SceneColour c) { return channel(c, 24); }

std::string rgb(SceneColour c) {
    char text[16];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", channel(c, 0), channel(c, 8), channel(c, 16));
    return text;
}

// ` fill="#rrggbb"` and, when translucent, ` fill-opacity="0.5"` (`what`: fill or stroke).
void paint(std::string& out, const char* what, SceneColour c) {
    if (alpha(c) == 0) {
        out += ' ', out += what, out += "=\"none\"";
        return;
    }
    out += ' ', out += what, out += "=\"" + rgb(c) + '"';
    if (alpha(c) < 255) {
        char text[48];
        std::snprintf(text, sizeof text, " %s-opacity=\"%.3g\"", what, alpha(c) / 255.0);
        out += text;
    }
}

// A filled shape's outline, when it has one: ` stroke="…" stroke-width="…"`.
void outline(std::string& out, SceneColour c, float width) {
    if (alpha(c) == 0) return;
    paint(out, "stroke", c);
    out += " stroke-width=\"";
    number(out, width);
    out += '"';
}

// XML-escaped text; control characters XML 1.0 cannot hold are dropped.
std::string escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
        }
    }
    return out;
}

std::string base64(const std::string& bytes) {
    static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (size_t i = 0; i < bytes.size(); i += 3) {
        const unsigned b0 = static_cast<unsigned char>(bytes[i]);
        const unsigned b1 = i + 1 < bytes.size() ? static_cast<unsigned char>(bytes[i + 1]) : 0;
        const unsigned b2 = i + 2 < bytes.size() ? static_cast<unsigned char>(bytes[i + 2]) : 0;
        const unsigned triple = (b0 << 16) | (b1 << 8) | b2;
        out += digits[(triple >> 18) & 63];
        out += digits[(triple >> 12) & 63];
        out += i + 1 < bytes.size() ? digits[(triple >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? digits[triple & 63] : '=';
    }
    return out;
}

// [SECTION] Cutting lines at the data area's edges --------------------------------------------------

struct Box {
    float x0, y0, x1, y1;
};

// Liang–Barsky: the part of segment a→b inside `box`, as fractions [t0, t1] of it; false when none.
bool clip_segment(ScenePoint a, ScenePoint b, const Box& box, float& t0, float& t1) {
    t0 = 0, t1 = 1;
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float p[4] = {-dx, dx, -dy, dy};
    const float q[4] = {a.x - box.x0, box.x1 - a.x, a.y - box.y0, box.y1 - a.y};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;
            continue;
        }
        const float t = q[i] / p[i];
        if (p[i] < 0) t0 = std::max(t0, t);
        else t1 = std::min(t1, t);
        if (t0 > t1) return false;
    }
    return true;
}

// The pieces of `points` inside `box` (a line that leaves the view and comes back is two pieces).
std::vector<std::vector<ScenePoint>> clip_polyline(const std::vector<ScenePoint>& points, const Box& box) {
    std::vector<std::vector<ScenePoint>> pieces;
    std::vector<ScenePoint> piece;
    auto lerp = [](ScenePoint a, ScenePoint b, float t) { return ScenePoint{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)}; };
    for (size_t i = 0; i + 1 < points.size(); ++i) {
        float t0 = 0, t1 = 1;
        if (!clip_segment(points[i], points[i + 1], box, t0, t1)) {
            if (piece.size() >= 2) pieces.push_back(piece);
            piece.clear();
            continue;
        }
        const ScenePoint a = lerp(points[i], points[i + 1], t0), b = lerp(points[i], points[i + 1], t1);
        if (piece.empty() || t0 > 0) {
            if (piece.size() >= 2) pieces.push_back(piece);
            piece.assign(1, a);
        }
        piece.push_back(b);
        if (t1 < 1) {
            pieces.push_back(piece);
            piece.clear();
        }
    }
    if (piece.size() >= 2) pieces.push_back(piece);
    return pieces;
}

// [SECTION] Shapes ----------------------------------------------------------------------------------

void points_attribute(std::string& out, const std::vector<ScenePoint>& points) {
    out += " points=\"";
    for (size_t i = 0; i < points.size(); ++i) {
        if (i) out += ' ';
        number(out, points[i].x);
        out += ',';
        number(out, points[i].y);
    }
    out += '"';
}

struct Writer {
    const ChartScene& scene;
    std::string out;

    void polyline(const ScenePolyline& line, SceneClip clip) {
        std::vector<ScenePoint> finite;
        std::vector<std::vector<ScenePoint>> runs;
        for (const ScenePoint& p : line.points) {  // non-finite points break the line, as on screen
            if (std::isfinite(p.x) && std::isfinite(p.y)) {
                finite.push_back(p);
            } else {
                if (finite.size() >= 2) runs.push_back(finite);
                finite.clear();
            }
        }
        if (finite.size() >= 2) runs.push_back(finite);
        // Cut at the data area widened by the line's width, so caps at the edge stay whole.
        const float pad = line.thickness;
        const Box box = clip == SceneClip::Data
                            ? Box{scene.data_min.x - pad, scene.data_min.y - pad, scene.data_max.x + pad, scene.data_max.y + pad}
                            : Box{0, 0, scene.width, scene.height};
        for (const auto& run : runs) {
            for (const auto& piece : clip_polyline(run, box)) {
                out += "<polyline";
                points_attribute(out, piece);
                out += " fill=\"none\"";
                paint(out, "stroke", line.colour);
                out += " stroke-width=\"";
                number(out, line.thickness);
                out += "\" stroke-linejoin=\"round\" stroke-linecap=\"";
                out += line.dash > 0 ? "butt\"" : "round\"";
                if (line.dash > 0) {
                    out += " stroke-dasharray=\"";
                    number(out, line.dash);
                    out += ' ';
                    number(out, line.gap);
                    out += '"';
                }
                out += "/>\n";
            }
        }
    }

    void polygon(const ScenePolygon& polygon) {
        if (polygon.points.size() < 3) return;
        out += "<polygon";
        points_attribute(out, polygon.points);
        paint(out, "fill", polygon.fill);
        out += "/>\n";
    }

    void rect(const SceneRect& r) {
        const float x0 = std::min(r.min.x, r.max.x), y0 = std::min(r.min.y, r.max.y);
        const float w = std::fabs(r.max.x - r.min.x), h = std::fabs(r.max.y - r.min.y);
        const float round = std::min({r.rounding, w / 2, h / 2});
        if (r.round_top_only && round > 0) {  // a path: rounded top corners, square base
            char text[256];
            std::snprintf(text, sizeof text, "<path d=\"M%.2f %.2fV%.2fQ%.2f %.2f %.2f %.2fH%.2fQ%.2f %.2f %.2f %.2fV%.2fZ\"",
                          x0, y0 + h, y0 + round, x0, y0, x0 + round, y0, x0 + w - round, x0 + w, y0, x0 + w, y0 + round,
                          y0 + h);
            out += text;
        } else {
            out += "<rect x=\"";
            number(out, x0);
            out += "\" y=\"";
            number(out, y0);
            out += "\" width=\"";
            number(out, w);
            out += "\" height=\"";
            number(out, h);
            out += '"';
            if (round > 0) {
                out += " rx=\"";
                number(out, round);
                out += '"';
            }
        }
        paint(out, "fill", r.fill);
        outline(out, r.stroke, r.stroke_width);
        out += "/>\n";
    }

    void circle(const SceneCircle& c) {
        out += "<circle cx=\"";
        number(out, c.centre.x);
        out += "\" cy=\"";
        number(out, c.centre.y);
        out += "\" r=\"";
        number(out, c.radius);
        out += '"';
        paint(out, "fill", c.fill);
        outline(out, c.stroke, c.stroke_width);
        out += "/>\n";
    }

    void text(const SceneText& t) {
        if (t.text.empty()) return;
        out += "<text x=\"";
        number(out, t.baseline.x);
        out += "\" y=\"";
        number(out, t.baseline.y);
        out += "\" font-size=\"";
        number(out, t.size);
        out += '"';
        paint(out, "fill", t.colour);
        out += '>' + escaped(t.text) + "</text>\n";
    }

    void image(const SceneImage& image) {
        const float w = image.max.x - image.min.x, h = image.max.y - image.min.y;
        const std::string png = image.png ? image.png() : std::string();
        if (!png.empty()) {
            out += "<image x=\"";
            number(out, image.min.x);
            out += "\" y=\"";
            number(out, image.min.y);
            out += "\" width=\"";
            number(out, w);
            out += "\" height=\"";
            number(out, h);
            out += "\" preserveAspectRatio=\"none\" xlink:href=\"data:image/png;base64," + base64(png) + "\"/>\n";
            return;
        }
        // No pixels: a grey box with the note, so the gap is explained rather than silent.
        rect({image.min, image.max, 0x40808080u, 0xA0A0A0A0u, 1, 0, false});
        if (!image.note.empty()) text({{image.min.x + 8, image.min.y + h / 2}, image.note, 0xFFD0D0D0u, 13});
    }

    void shape(const SceneShape& s) {
        std::visit(
            [&](const auto& shape) {
                using T = std::decay_t<decltype(shape)>;
                if constexpr (std::is_same_v<T, ScenePolyline>) polyline(shape, s.clip);
                else if constexpr (std::is_same_v<T, ScenePolygon>) polygon(shape);
                else if constexpr (std::is_same_v<T, SceneRect>) rect(shape);
                else if constexpr (std::is_same_v<T, SceneCircle>) circle(shape);
                else if constexpr (std::is_same_v<T, SceneText>) text(shape);
                else image(shape);
            },
            s.shape);
    }
};

// A group id XML accepts: letters, digits and dashes.
std::string group_id(const std::string& name) {
    std::string id;
    for (unsigned char c : name) id += std::isalnum(c) ? static_cast<char>(c) : '-';
    return id.empty() || !std::isalpha(static_cast<unsigned char>(id[0])) ? "g-" + id : id;
}

}  // namespace

std::string chart_svg(const ChartScene& scene) {
    Writer w{scene, {}};
    std::string& out = w.out;
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"";
    number(out, scene.width);
    out += "\" height=\"";
    number(out, scene.height);
    out += "\" viewBox=\"0 0 ";
    number(out, scene.width);
    out += ' ';
    number(out, scene.height);
    out += "\" font-family=\"" + escaped(scene.font_family.empty() ? "sans-serif" : scene.font_family) + "\">\n";
    out += "<title>" + escaped(scene.title) + "</title>\n";
    out += "<defs><clipPath id=\"data-area\"><rect x=\"";
    number(out, scene.data_min.x);
    out += "\" y=\"";
    number(out, scene.data_min.y);
    out += "\" width=\"";
    number(out, scene.data_max.x - scene.data_min.x);
    out += "\" height=\"";
    number(out, scene.data_max.y - scene.data_min.y);
    out += "\"/></clipPath></defs>\n";
    w.rect({{0, 0}, {scene.width, scene.height}, scene.background | 0xFF000000u, 0, 1, 0, false});
    // Shapes in order, grouped: a new <g> where the group or the clip changes.
    int open_group = -1;
    SceneClip open_clip = SceneClip::Frame;
    bool clip_open = false;
    for (const SceneShape& s : scene.shapes) {
        if (s.group != open_group) {
            if (clip_open) out += "</g>\n", clip_open = false;
            if (open_group >= 0) out += "</g>\n";
            open_group = s.group;
            const std::string& name = scene.groups[static_cast<size_t>(std::clamp(s.group, 0, static_cast<int>(scene.groups.size()) - 1))];
            out += "<g id=\"" + group_id(name) + "\">\n";
            open_clip = SceneClip::Frame;
        }
        if (s.clip != open_clip) {
            if (clip_open) out += "</g>\n", clip_open = false;
            if (s.clip == SceneClip::Data) out += "<g clip-path=\"url(#data-area)\">\n", clip_open = true;
            open_clip = s.clip;
        }
        w.shape(s);
    }
    if (clip_open) out += "</g>\n";
    if (open_group >= 0) out += "</g>\n";
    out += "</svg>\n";
    return out;
}

}  // namespace actviz::plot
