// A small JSON value, parser and writer for config files, safetensors headers and index.json.
// The core has no Qt, so it carries its own; it accepts standard JSON (RFC 8259) only.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace alab::core {

/// A JSON value: null, bool, number (double), string, array or object; copies share containers.
class Json {
public:
    using Array = std::vector<Json>;
    using Object = std::map<std::string, Json>;

    Json() = default;  // null
    Json(std::nullptr_t) {}
    Json(bool b) : m_value(b) {}
    Json(double d) : m_value(d) {}
    Json(int i) : m_value(double(i)) {}
    Json(int64_t i) : m_value(double(i)) {}
    Json(const char* s) : m_value(std::string(s)) {}
    Json(std::string s) : m_value(std::move(s)) {}
    Json(Array a) : m_value(std::make_shared<Array>(std::move(a))) {}
    Json(Object o) : m_value(std::make_shared<Object>(std::move(o))) {}

    bool isNull() const { return m_value.index() == 0; }
    bool isBool() const { return m_value.index() == 1; }
    bool isNumber() const { return m_value.index() == 2; }
    bool isString() const { return m_value.index() == 3; }
    bool isArray() const { return m_value.index() == 4; }
    bool isObject() const { return m_value.index() == 5; }

    // Accessors throw InvalidArgument naming the expected type.
    bool toBool() const;
    double toNumber() const;
    int64_t toInt() const;  ///< also checks the number is integral
    const std::string& toString() const;
    const Array& toArray() const;
    const Object& toObject() const;
    const Json* find(const std::string& key) const;  ///< nullptr when absent or not an object

    /// Throws InvalidArgument("invalid JSON at offset N: ...") on malformed text, and on what RFC 8259
    /// allows parsers to refuse: duplicate keys, leading zeros, numbers a double cannot hold, invalid
    /// UTF-8, nesting deeper than 200.
    static Json parse(const std::string& text);
    /// Compact text when indent < 0, else pretty-printed with `indent` spaces; object keys sorted;
    /// numbers with 9 significant digits (float precision), integers below 1e15 exactly.
    std::string dump(int indent = -1) const;

private:
    void dumpTo(std::string& out, int indent, int depth) const;
    std::variant<std::monostate, bool, double, std::string, std::shared_ptr<Array>,
                 std::shared_ptr<Object>>
        m_value;
};

}  // namespace alab::core
