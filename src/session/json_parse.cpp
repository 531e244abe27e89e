#include "session/json_parse.hpp"

#include <string>
#include <vector>

#include "session/json_reader.hpp"

namespace actviz::session {
namespace {

using nlohmann::json;

// A SAX handler that builds the DOM as nlohmann's own does, counting and checking as it goes.
// It replaces a parser callback: nlohmann's callback parser is quadratic in the number of
// objects in one array (200k empty objects took 9 s), this is linear.
class LimitedDomBuilder {
   public:
    explicit LimitedDomBuilder(std::string_view text) : text_(text) {}

    json take() { return std::move(root_); }

    bool null() { return value(nullptr); }
    bool boolean(bool b) { return value(b); }
    bool number_integer(json::number_integer_t n) { return value(n); }
    bool number_unsigned(json::number_unsigned_t n) { return value(n); }
    bool number_float(json::number_float_t n, const json::string_t&) { return value(n); }
    bool string(json::string_t& s) { return value(std::move(s)); }
    bool binary(json::binary_t& b) { return value(std::move(b)); }

    bool start_object(std::size_t) { return start(json::object()); }
    bool start_array(std::size_t) { return start(json::array()); }
    bool end_object() { return end(); }
    bool end_array() { return end(); }

    bool key(json::string_t& name) {
        count();
        Frame& top = frames_.back();
        if (top.container->contains(name)) fail(path_to(frames_.size(), &name), "given twice; a key may appear once");
        top.key = std::move(name);
        return true;
    }

    bool parse_error(std::size_t byte, const std::string& token, const nlohmann::detail::exception& error) {
        if (error.id == 406) {  // a number beyond double's range: 1e400
            const std::string where = frames_.empty() ? "" : path_to(frames_.size(), nullptr);
            throw SessionError((where.empty() ? "" : where + ": ") + "the number " + token.substr(0, 40) +
                               " is too large (beyond ±1.8e308)");
        }
        // `byte` is where the text stopped making sense (past the end for a truncated file).
        if (byte >= text_.size()) throw SessionError("the file ends too early (truncated?)");
        throw SessionError("not valid JSON at byte " + std::to_string(byte));
    }

   private:
    struct Frame {
        json* container;
        std::string key;  // the object's latest key
    };

    void count() {
        if (frames_.size() > static_cast<std::size_t>(kMaxJsonDepth)) {
            throw SessionError("nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        }
        if (++events_ > kMaxJsonValues) throw SessionError("more than " + std::to_string(kMaxJsonValues) + " values");
    }

    // Where the next value goes: the root, the object's latest key, or the array's end.
    json& place(json&& v) {
        if (frames_.empty()) {
            root_ = std::move(v);
            return root_;
        }
        Frame& top = frames_.back();
        if (top.container->is_object()) return (*top.container)[top.key] = std::move(v);
        top.container->push_back(std::move(v));
        return top.container->back();
    }

    bool value(json&& v) {
        count();
        place(std::move(v));
        return true;
    }

    bool start(json&& empty) {
        count();
        json& container = place(std::move(empty));
        frames_.push_back({&container, {}});
        return true;
    }

    bool end() {
        frames_.pop_back();
        count();
        return true;
    }

    // The path of what is being read inside the first `depth` frames: "classifier.hyper.lr",
    // "softmax.logits[2]". `key` names the next member of the innermost object when given.
    std::string path_to(std::size_t depth, const std::string* key) const {
        std::string path;
        for (std::size_t i = 0; i < depth; ++i) {
            const Frame& frame = frames_[i];
            const bool innermost = i + 1 == depth;
            if (frame.container->is_object()) {
                const std::string& name = innermost && key ? *key : frame.key;
                path += (path.empty() ? "" : ".") + name;
            } else {
                // An inner frame's element is already in place (the last); the innermost one's is next.
                const std::size_t index = frame.container->size() - (innermost ? 0 : 1);
                path += "[" + std::to_string(index) + "]";
            }
        }
        return path;
    }

    std::string_view text_;
    json root_;
    std::vector<Frame> frames_;
    std::size_t events_ = 0;
};

}  // namespace

json parse_limited(std::string_view text) {
    LimitedDomBuilder builder(text);
    static_cast<void>(json::sax_parse(text.data(), text.data() + text.size(), &builder));
    return builder.take();
}

}  // namespace actviz::session
