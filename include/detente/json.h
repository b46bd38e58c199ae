// JSON support, from detente_util: quoting, a small writer and a strict
// parser (RFC 8259). No external library.
//
// Thread safety: every function is reentrant; a JsonValue or JsonWriter is a
// plain value (const use from many threads is safe, mutation is not).
#ifndef DETENTE_JSON_H_
#define DETENTE_JSON_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detente/status.h"

namespace detente {

// Returns `s` as a quoted JSON string: '"' and '\' escaped, \n \r \t as
// themselves, every other control character (and DEL) as \u00XX. Invalid
// UTF-8 bytes become U+FFFD, so the result is always valid JSON.
std::string JsonQuote(std::string_view s);

// Builds compact JSON text, inserting commas itself. The caller keeps the
// nesting balanced (Begin*/End*) and calls Key() before each object member.
//
// Example:
//   JsonWriter w;
//   w.BeginObject().Key("actor").String("Antony Blinken").Key("negated").Bool(false);
//   w.EndObject();
//   std::string line = w.str();  // {"actor":"Antony Blinken","negated":false}
class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view s);
  // Null when `s` is nullopt.
  JsonWriter& OptString(const std::optional<std::string>& s);
  JsonWriter& Int(int64_t v);
  // Finite values in the shortest form that round-trips; NaN/inf become null.
  JsonWriter& Number(double v);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();
  // Inserts already-valid JSON text as one value.
  JsonWriter& Raw(std::string_view json);

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void Separate();
  std::string out_;
  bool need_comma_ = false;
};

// A parsed JSON value. Objects keep their members in document order.
class JsonValue {
 public:
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  using Member = std::pair<std::string, JsonValue>;

  JsonValue() = default;  // null
  static JsonValue Bool(bool b);
  static JsonValue Number(double d);
  static JsonValue String(std::string s);
  static JsonValue Array(std::vector<JsonValue> items = {});
  static JsonValue Object(std::vector<Member> members = {});

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }
  bool is_bool() const { return type_ == Type::kBool; }
  bool is_number() const { return type_ == Type::kNumber; }
  bool is_string() const { return type_ == Type::kString; }
  bool is_array() const { return type_ == Type::kArray; }
  bool is_object() const { return type_ == Type::kObject; }

  // Accessors return a neutral value (false, 0, "", empty) for another type.
  bool as_bool() const { return type_ == Type::kBool && bool_; }
  double as_number() const { return type_ == Type::kNumber ? number_ : 0; }
  const std::string& as_string() const;
  const std::vector<JsonValue>& items() const;  // array elements
  const std::vector<Member>& members() const;   // object members

  // The member named `key` of an object, or nullptr (also for non-objects).
  const JsonValue* Find(std::string_view key) const;

  // Compact JSON text for this value.
  std::string ToJson() const;
  void Write(JsonWriter& w) const;

  // Short name of a type: "null", "boolean", "number", "string", "array", "object".
  static const char* TypeName(Type t);

 private:
  Type type_ = Type::kNull;
  bool bool_ = false;
  double number_ = 0;
  std::string string_;
  std::vector<JsonValue> items_;
  std::vector<Member> members_;
};

struct JsonParseOptions {
  // Deeper nesting of arrays/objects is rejected. Default: 128.
  int max_depth = 128;
};

// Parses exactly one JSON value, surrounded by optional whitespace. Strict:
// no comments, trailing commas, NaN, leading zeros, unescaped control
// characters, invalid UTF-8, lone surrogates, duplicate object keys or
// trailing garbage. On error returns kDataError whose message reads
// "byte N: <what went wrong>", N being the 0-based byte offset; when
// `error_offset` is given it receives N.
Result<JsonValue> ParseJson(std::string_view text, const JsonParseOptions& options = {},
                            size_t* error_offset = nullptr);

}  // namespace detente

#endif  // DETENTE_JSON_H_
