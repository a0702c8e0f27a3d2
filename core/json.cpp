// Recursive-descent JSON parser and writer (see json.h).
#include "core/json.h"

#include "core/tensor.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

namespace alab::core {
namespace {

class Parser {
public:
    explicit Parser(const std::string& text) : m_text(text) {}

    Json parseDocument() {
        Json v = parseValue(0);
        skipSpace();
        if (m_pos != m_text.size()) fail("unexpected text after the value");
        return v;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw InvalidArgument("invalid JSON at offset " + std::to_string(m_pos) + ": " + what);
    }
    void skipSpace() {
        while (m_pos < m_text.size() &&
               (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r' || m_text[m_pos] == '\t'))
            ++m_pos;
    }
    bool consume(const char* word) {
        size_t n = std::char_traits<char>::length(word);
        if (m_text.compare(m_pos, n, word) != 0) return false;
        m_pos += n;
        return true;
    }
    Json parseValue(int depth) {
        if (depth > 200) fail("nesting too deep");
        skipSpace();
        if (m_pos >= m_text.size()) fail("unexpected end of text");
        char c = m_text[m_pos];
        if (c == '{') return parseObject(depth);
        if (c == '[') return parseArray(depth);
        if (c == '"') return Json(parseString());
        if (consume("true")) return Json(true);
        if (consume("false")) return Json(false);
        if (consume("null")) return Json();
        if (c == '-' || (c >= '0' && c <= '9')) return parseNumber();
        fail(std::string("unexpected character '") + c + "'");
    }
    // RFC 8259: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, read without the C locale's help.
    Json parseNumber() {
        const size_t start = m_pos;
        if (m_text[m_pos] == '-') ++m_pos;
        auto digits = [&] {
            size_t s = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') ++m_pos;
            if (s == m_pos) fail("expected a digit");
            return m_pos - s;
        };
        const size_t intStart = m_pos;
        if (digits() > 1 && m_text[intStart] == '0') { m_pos = intStart; fail("number with a leading zero"); }
        if (m_pos < m_text.size() && m_text[m_pos] == '.') { ++m_pos; digits(); }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-')) ++m_pos;
            digits();
        }
        double value = 0;
        const auto [end, ec] = std::from_chars(m_text.data() + start, m_text.data() + m_pos, value);
        if (ec != std::errc() || end != m_text.data() + m_pos || !std::isfinite(value)) {
            m_pos = start;
            fail("number out of range");  // 1e400 (and 1e-400) do not fit a double
        }
        return Json(value);
    }
    // Raw bytes of a string must be UTF-8 (RFC 8259 §8.1): no stray continuation bytes, no overlong
    // forms, no surrogates, nothing above U+10FFFF. Advances m_pos past one multi-byte sequence.
    void checkUtf8(unsigned char lead) {
        const int extra = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : -1;
        if (extra < 0 || m_pos + size_t(extra) > m_text.size()) { --m_pos; fail("invalid UTF-8 in string"); }
        uint32_t cp = lead & (0x3F >> extra);
        for (int k = 0; k < extra; ++k) {
            const unsigned char c = static_cast<unsigned char>(m_text[m_pos + size_t(k)]);
            if ((c & 0xC0) != 0x80) { --m_pos; fail("invalid UTF-8 in string"); }
            cp = (cp << 6) | (c & 0x3F);
        }
        const uint32_t smallest[] = {0, 0x80, 0x800, 0x10000};
        if (cp < smallest[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { --m_pos; fail("invalid UTF-8 in string"); }
        m_pos += size_t(extra);
    }
    static void appendUtf8(std::string& out, uint32_t cp) {
        if (cp < 0x80) out += char(cp);
        else if (cp < 0x800) { out += char(0xC0 | (cp >> 6)); out += char(0x80 | (cp & 0x3F)); }
        else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12)); out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18)); out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F));
        }
    }
    uint32_t parseHex4() {
        if (m_pos + 4 > m_text.size()) fail("short \\u escape");
        uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            char h = m_text[m_pos++];
            v <<= 4;
            if (h >= '0' && h <= '9') v |= uint32_t(h - '0');
            else if (h >= 'a' && h <= 'f') v |= uint32_t(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') v |= uint32_t(h - 'A' + 10);
            else fail("bad \\u escape");
        }
        return v;
    }
    std::string parseString() {
        ++m_pos;  // opening quote
        std::string out;
        while (true) {
            if (m_pos >= m_text.size()) fail("unterminated string");
            char c = m_text[m_pos++];
            if (c == '"') return out;
            if (static_cast<unsigned char>(c) < 0x20) { --m_pos; fail("control character in string"); }
            if (static_cast<unsigned char>(c) >= 0x80) {
                const size_t from = m_pos - 1;
                checkUtf8(static_cast<unsigned char>(c));
                out.append(m_text, from, m_pos - from);
                continue;
            }
            if (c != '\\') { out += c; continue; }
            if (m_pos >= m_text.size()) fail("unterminated escape");
            char e = m_text[m_pos++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                uint32_t cp = parseHex4();
                if (cp >= 0xD800 && cp < 0xDC00 && consume("\\u")) {
                    uint32_t low = parseHex4();
                    if (low < 0xDC00 || low > 0xDFFF) fail("unpaired surrogate in \\u escape");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                    fail("unpaired surrogate in \\u escape");
                }
                appendUtf8(out, cp);
                break;
            }
            default: fail(std::string("bad escape \\") + e);
            }
        }
    }
    Json parseArray(int depth) {
        ++m_pos;
        Json::Array items;
        skipSpace();
        if (consume("]")) return Json(std::move(items));
        while (true) {
            items.push_back(parseValue(depth + 1));
            skipSpace();
            if (consume("]")) return Json(std::move(items));
            if (!consume(",")) fail("expected ',' or ']'");
        }
    }
    Json parseObject(int depth) {
        ++m_pos;
        Json::Object members;
        skipSpace();
        if (consume("}")) return Json(std::move(members));
        while (true) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"') fail("expected a key string");
            const size_t keyPos = m_pos;
            std::string key = parseString();
            if (members.count(key)) { m_pos = keyPos; fail("duplicate key \"" + key + "\""); }
            skipSpace();
            if (!consume(":")) fail("expected ':'");
            members[key] = parseValue(depth + 1);
            skipSpace();
            if (consume("}")) return Json(std::move(members));
            if (!consume(",")) fail("expected ',' or '}'");
        }
    }

    const std::string& m_text;
    size_t m_pos = 0;
};

void dumpString(std::string& out, const std::string& s) {
    out += '"';
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

}  // namespace

bool Json::toBool() const {
    if (!isBool()) throw InvalidArgument("expected a JSON boolean");
    return std::get<bool>(m_value);
}
double Json::toNumber() const {
    if (!isNumber()) throw InvalidArgument("expected a JSON number");
    return std::get<double>(m_value);
}
int64_t Json::toInt() const {
    double d = toNumber();
    if (d != std::floor(d) || std::fabs(d) > 9.0e15) throw InvalidArgument("expected an integer, got " + dump());
    return int64_t(d);
}
const std::string& Json::toString() const {
    if (!isString()) throw InvalidArgument("expected a JSON string");
    return std::get<std::string>(m_value);
}
const Json::Array& Json::toArray() const {
    if (!isArray()) throw InvalidArgument("expected a JSON array");
    return *std::get<std::shared_ptr<Array>>(m_value);
}
const Json::Object& Json::toObject() const {
    if (!isObject()) throw InvalidArgument("expected a JSON object");
    return *std::get<std::shared_ptr<Object>>(m_value);
}
const Json* Json::find(const std::string& key) const {
    if (!isObject()) return nullptr;
    const Object& o = toObject();
    auto it = o.find(key);
    return it == o.end() ? nullptr : &it->second;
}

Json Json::parse(const std::string& text) { return Parser(text).parseDocument(); }

std::string Json::dump(int indent) const {
    std::string out;
    dumpTo(out, indent, 0);
    return out;
}

void Json::dumpTo(std::string& out, int indent, int depth) const {
    auto newline = [&](int d) {
        if (indent < 0) return;
        out += '\n';
        out.append(size_t(indent * d), ' ');
    };
    switch (m_value.index()) {
    case 0: out += "null"; break;
    case 1: out += std::get<bool>(m_value) ? "true" : "false"; break;
    case 2: {
        double d = std::get<double>(m_value);
        char buf[32];
        if (!std::isfinite(d)) out += "null";
        else if (d == std::floor(d) && std::fabs(d) < 1e15) { std::snprintf(buf, sizeof buf, "%lld", (long long)d); out += buf; }
        else out.append(buf, std::to_chars(buf, buf + sizeof buf, d, std::chars_format::general, 9).ptr);  // no locale
        break;
    }
    case 3: dumpString(out, std::get<std::string>(m_value)); break;
    case 4: {
        const Array& a = toArray();
        out += '[';
        for (size_t i = 0; i < a.size(); ++i) {
            if (i) out += ',';
            newline(depth + 1);
            a[i].dumpTo(out, indent, depth + 1);
        }
        if (!a.empty()) newline(depth);
        out += ']';
        break;
    }
    case 5: {
        const Object& o = toObject();
        out += '{';
        bool first = true;
        for (const auto& [k, v] : o) {
            if (!first) out += ',';
            first = false;
            newline(depth + 1);
            dumpString(out, k);
            out += indent < 0 ? ":" : ": ";
            v.dumpTo(out, indent, depth + 1);
        }
        if (!o.empty()) newline(depth);
        out += '}';
        break;
    }
    }
}

}  // namespace alab::core
