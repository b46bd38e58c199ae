#include "detente/json.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <unordered_set>

namespace detente {
namespace {

// Decodes one UTF-8 sequence at s[i]. Returns its length (1-4) and sets *cp,
// or 0 when the bytes are not well-formed UTF-8 (overlongs and surrogates
// included).
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t* cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t len;
  uint32_t v, min;
  if ((c & 0xE0) == 0xC0) {
    len = 2, v = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, v = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, v = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    v = (v << 6) | (d & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return len;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

const std::string kEmptyString;
const std::vector<JsonValue> kEmptyItems;
const std::vector<JsonValue::Member> kEmptyMembers;

class Parser {
 public:
  Parser(std::string_view text, const JsonParseOptions& options)
      : s_(text), max_depth_(options.max_depth) {}

  Result<JsonValue> Run(size_t* error_offset) {
    JsonValue v;
    bool ok = SkipSpace() && ParseValue(&v, 0);
    if (ok) {
      SkipSpace();
      if (pos_ != s_.size()) ok = Fail("unexpected text after the JSON value");
    }
    if (ok) return v;
    if (error_offset) *error_offset = err_pos_;
    return Status::DataError("byte " + std::to_string(err_pos_) + ": " + err_);
  }

 private:
  bool Fail(std::string msg) { return FailAt(pos_, std::move(msg)); }
  bool FailAt(size_t pos, std::string msg) {
    err_pos_ = pos;
    err_ = std::move(msg);
    return false;
  }

  bool SkipSpace() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
    }
    return true;
  }

  bool Literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return Fail("invalid literal");
    pos_ += word.size();
    return true;
  }

  bool ParseValue(JsonValue* out, int depth) {
    if (pos_ >= s_.size()) return Fail("unexpected end of input");
    char c = s_[pos_];
    switch (c) {
      case 'n':
        *out = JsonValue();
        return Literal("null");
      case 't':
        *out = JsonValue::Bool(true);
        return Literal("true");
      case 'f':
        *out = JsonValue::Bool(false);
        return Literal("false");
      case '"': {
        std::string str;
        if (!ParseString(&str)) return false;
        *out = JsonValue::String(std::move(str));
        return true;
      }
      case '[':
        return ParseArray(out, depth + 1);
      case '{':
        return ParseObject(out, depth + 1);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber(out);
        return Fail("unexpected character");
    }
  }

  bool ParseNumber(JsonValue* out) {
    size_t start = pos_;
    auto digits = [&] {
      size_t b = pos_;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
      return pos_ > b;
    };
    if (s_[pos_] == '-') ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '0') {
      ++pos_;
      if (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') {
        return Fail("leading zero in number");
      }
    } else if (!digits()) {
      return Fail("expected a digit");
    }
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (!digits()) return Fail("expected a digit after '.'");
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (!digits()) return Fail("expected a digit in the exponent");
    }
    // strtod needs a terminated copy; numbers are short.
    std::string copy(s_.substr(start, pos_ - start));
    double d = std::strtod(copy.c_str(), nullptr);
    if (!std::isfinite(d)) return FailAt(start, "number out of range");
    *out = JsonValue::Number(d);
    return true;
  }

  bool Hex4(uint32_t* v) {
    if (pos_ + 4 > s_.size()) return Fail("truncated \\u escape");
    *v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s_[pos_++];
      int d = (c >= '0' && c <= '9')   ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                       : -1;
      if (d < 0) return FailAt(pos_ - 1, "invalid hex digit in \\u escape");
      *v = (*v << 4) | static_cast<uint32_t>(d);
    }
    return true;
  }

  bool ParseString(std::string* out) {
    ++pos_;  // the opening quote
    while (true) {
      if (pos_ >= s_.size()) return Fail("unterminated string");
      unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return Fail("unescaped control character in string");
      if (c == '\\') {
        size_t esc = pos_++;
        if (pos_ >= s_.size()) return Fail("unterminated string");
        char e = s_[pos_++];
        switch (e) {
          case '"':
            *out += '"';
            break;
          case '\\':
            *out += '\\';
            break;
          case '/':
            *out += '/';
            break;
          case 'b':
            *out += '\b';
            break;
          case 'f':
            *out += '\f';
            break;
          case 'n':
            *out += '\n';
            break;
          case 'r':
            *out += '\r';
            break;
          case 't':
            *out += '\t';
            break;
          case 'u': {
            uint32_t cp;
            if (!Hex4(&cp)) return false;
            if (cp >= 0xDC00 && cp <= 0xDFFF) return FailAt(esc, "lone low surrogate");
            if (cp >= 0xD800 && cp <= 0xDBFF) {
              uint32_t lo;
              if (s_.substr(pos_, 2) != "\\u") return FailAt(esc, "lone high surrogate");
              pos_ += 2;
              if (!Hex4(&lo)) return false;
              if (lo < 0xDC00 || lo > 0xDFFF) return FailAt(esc, "lone high surrogate");
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            AppendUtf8(*out, cp);
            break;
          }
          default:
            return FailAt(esc, "invalid escape");
        }
        continue;
      }
      uint32_t cp;
      size_t len = DecodeUtf8(s_, pos_, &cp);
      if (len == 0) return Fail("invalid UTF-8");
      out->append(s_.substr(pos_, len));
      pos_ += len;
    }
  }

  bool ParseArray(JsonValue* out, int depth) {
    if (depth > max_depth_) return Fail("nesting deeper than " + std::to_string(max_depth_));
    ++pos_;
    std::vector<JsonValue> items;
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      *out = JsonValue::Array(std::move(items));
      return true;
    }
    while (true) {
      SkipSpace();
      JsonValue v;
      if (!ParseValue(&v, depth)) return false;
      items.push_back(std::move(v));
      SkipSpace();
      if (pos_ >= s_.size()) return Fail("unterminated array");
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (s_[pos_] == ']') {
        ++pos_;
        *out = JsonValue::Array(std::move(items));
        return true;
      }
      return Fail("expected ',' or ']'");
    }
  }

  bool ParseObject(JsonValue* out, int depth) {
    if (depth > max_depth_) return Fail("nesting deeper than " + std::to_string(max_depth_));
    ++pos_;
    std::vector<JsonValue::Member> members;
    std::unordered_set<std::string> keys;
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      *out = JsonValue::Object(std::move(members));
      return true;
    }
    while (true) {
      SkipSpace();
      if (pos_ >= s_.size()) return Fail("unterminated object");
      if (s_[pos_] != '"') return Fail("expected a string key");
      size_t key_pos = pos_;
      std::string key;
      if (!ParseString(&key)) return false;
      if (!keys.insert(key).second) return FailAt(key_pos, "duplicate key \"" + key + "\"");
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] != ':') return Fail("expected ':'");
      ++pos_;
      SkipSpace();
      JsonValue v;
      if (!ParseValue(&v, depth)) return false;
      members.emplace_back(std::move(key), std::move(v));
      SkipSpace();
      if (pos_ >= s_.size()) return Fail("unterminated object");
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (s_[pos_] == '}') {
        ++pos_;
        *out = JsonValue::Object(std::move(members));
        return true;
      }
      return Fail("expected ',' or '}'");
    }
  }

  std::string_view s_;
  int max_depth_;
  size_t pos_ = 0;
  size_t err_pos_ = 0;
  std::string err_;
};

}  // namespace

std::string JsonQuote(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      uint32_t cp;
      size_t len = DecodeUtf8(s, i, &cp);
      if (len == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD
        ++i;
      } else {
        out.append(s.substr(i, len));
        i += len;
      }
      continue;
    }
    ++i;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

void JsonWriter::Separate() {
  if (need_comma_) out_ += ',';
  need_comma_ = true;
}

JsonWriter& JsonWriter::BeginObject() {
  Separate();
  out_ += '{';
  need_comma_ = false;
  return *this;
}
JsonWriter& JsonWriter::EndObject() {
  out_ += '}';
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::BeginArray() {
  Separate();
  out_ += '[';
  need_comma_ = false;
  return *this;
}
JsonWriter& JsonWriter::EndArray() {
  out_ += ']';
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::Key(std::string_view key) {
  Separate();
  out_ += JsonQuote(key);
  out_ += ':';
  need_comma_ = false;
  return *this;
}
JsonWriter& JsonWriter::String(std::string_view s) {
  Separate();
  out_ += JsonQuote(s);
  return *this;
}
JsonWriter& JsonWriter::OptString(const std::optional<std::string>& s) {
  return s ? String(*s) : Null();
}
JsonWriter& JsonWriter::Int(int64_t v) {
  Separate();
  out_ += std::to_string(v);
  return *this;
}
JsonWriter& JsonWriter::Number(double v) {
  if (!std::isfinite(v)) return Null();
  Separate();
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
  return *this;
}
JsonWriter& JsonWriter::Bool(bool v) {
  Separate();
  out_ += v ? "true" : "false";
  return *this;
}
JsonWriter& JsonWriter::Null() {
  Separate();
  out_ += "null";
  return *this;
}
JsonWriter& JsonWriter::Raw(std::string_view json) {
  Separate();
  out_ += json;
  return *this;
}

JsonValue JsonValue::Bool(bool b) {
  JsonValue v;
  v.type_ = Type::kBool;
  v.bool_ = b;
  return v;
}
JsonValue JsonValue::Number(double d) {
  JsonValue v;
  v.type_ = Type::kNumber;
  v.number_ = d;
  return v;
}
JsonValue JsonValue::String(std::string s) {
  JsonValue v;
  v.type_ = Type::kString;
  v.string_ = std::move(s);
  return v;
}
JsonValue JsonValue::Array(std::vector<JsonValue> items) {
  JsonValue v;
  v.type_ = Type::kArray;
  v.items_ = std::move(items);
  return v;
}
JsonValue JsonValue::Object(std::vector<Member> members) {
  JsonValue v;
  v.type_ = Type::kObject;
  v.members_ = std::move(members);
  return v;
}

const std::string& JsonValue::as_string() const {
  return type_ == Type::kString ? string_ : kEmptyString;
}
const std::vector<JsonValue>& JsonValue::items() const {
  return type_ == Type::kArray ? items_ : kEmptyItems;
}
const std::vector<JsonValue::Member>& JsonValue::members() const {
  return type_ == Type::kObject ? members_ : kEmptyMembers;
}

const JsonValue* JsonValue::Find(std::string_view key) const {
  if (type_ != Type::kObject) return nullptr;
  for (const Member& m : members_) {
    if (m.first == key) return &m.second;
  }
  return nullptr;
}

void JsonValue::Write(JsonWriter& w) const {
  switch (type_) {
    case Type::kNull:
      w.Null();
      break;
    case Type::kBool:
      w.Bool(bool_);
      break;
    case Type::kNumber:
      w.Number(number_);
      break;
    case Type::kString:
      w.String(string_);
      break;
    case Type::kArray:
      w.BeginArray();
      for (const JsonValue& v : items_) v.Write(w);
      w.EndArray();
      break;
    case Type::kObject:
      w.BeginObject();
      for (const Member& m : members_) {
        w.Key(m.first);
        m.second.Write(w);
      }
      w.EndObject();
      break;
  }
}

std::string JsonValue::ToJson() const {
  JsonWriter w;
  Write(w);
  return w.Take();
}

const char* JsonValue::TypeName(Type t) {
  switch (t) {
    case Type::kNull:
      return "null";
    case Type::kBool:
      return "boolean";
    case Type::kNumber:
      return "number";
    case Type::kString:
      return "string";
    case Type::kArray:
      return "array";
    case Type::kObject:
      return "object";
  }
  return "?";
}

Result<JsonValue> ParseJson(std::string_view text, const JsonParseOptions& options,
                            size_t* error_offset) {
  return Parser(text, options).Run(error_offset);
}

}  // namespace detente
