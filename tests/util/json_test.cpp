#include "detente/json.h"

#include <catch2/catch.hpp>
#include <string>

using detente::JsonQuote;
using detente::JsonValue;
using detente::JsonWriter;
using detente::ParseJson;

TEST_CASE("json: quote escapes quotes, backslashes and control characters", "[json]") {
  CHECK(JsonQuote("plain") == "\"plain\"");
  CHECK(JsonQuote("say \"hi\" \\ now") == "\"say \\\"hi\\\" \\\\ now\"");
  CHECK(JsonQuote("a\nb\tc\rd") == "\"a\\nb\\tc\\rd\"");
  CHECK(JsonQuote(std::string("\x01\x1f\x7f", 3)) == "\"\\u0001\\u001f\\u007f\"");
  CHECK(JsonQuote(std::string("nul\0x", 5)) == "\"nul\\u0000x\"");
  CHECK(JsonQuote("Erdoğan — “quoted”") == "\"Erdoğan — “quoted”\"");
}

TEST_CASE("json: quote replaces invalid UTF-8 so the output parses", "[json]") {
  std::string q = JsonQuote("bad \xff\xc3 end");
  CHECK(q == "\"bad \xEF\xBF\xBD\xEF\xBF\xBD end\"");
  auto v = ParseJson(q);
  REQUIRE(v.ok());
  CHECK(v->as_string() == "bad \uFFFD\uFFFD end");
}

TEST_CASE("json: writer inserts commas and nests", "[json]") {
  JsonWriter w;
  w.BeginObject()
      .Key("actor")
      .String("Antony Blinken")
      .Key("object")
      .OptString(std::nullopt)
      .Key("n")
      .Int(-3)
      .Key("c")
      .Number(0.5)
      .Key("ok")
      .Bool(true)
      .Key("list")
      .BeginArray()
      .Int(1)
      .Int(2)
      .BeginObject()
      .EndObject()
      .EndArray()
      .Key("raw")
      .Raw("[null]")
      .EndObject();
  CHECK(w.str() == R"({"actor":"Antony Blinken","object":null,"n":-3,"c":0.5,"ok":true,)"
                   R"("list":[1,2,{}],"raw":[null]})");
  JsonWriter nan;
  nan.BeginArray().Number(std::nan("")).EndArray();
  CHECK(nan.str() == "[null]");
}

TEST_CASE("json: parses every value type", "[json]") {
  auto r = ParseJson(R"( {"id":"a1","n":-12.5e1,"t":true,"f":false,"z":null,
                          "arr":[1,"two",[]],"o":{"k":"v"}} )");
  REQUIRE(r.ok());
  const JsonValue& v = *r;
  REQUIRE(v.is_object());
  CHECK(v.members().size() == 7);
  CHECK(v.members()[0].first == "id");  // document order kept
  CHECK(v.Find("id")->as_string() == "a1");
  CHECK(v.Find("n")->as_number() == -125.0);
  CHECK(v.Find("t")->as_bool());
  CHECK(v.Find("f")->is_bool());
  CHECK_FALSE(v.Find("f")->as_bool());
  CHECK(v.Find("z")->is_null());
  CHECK(v.Find("arr")->items().size() == 3);
  CHECK(v.Find("arr")->items()[1].as_string() == "two");
  CHECK(v.Find("o")->Find("k")->as_string() == "v");
  CHECK(v.Find("missing") == nullptr);
  CHECK(v.Find("id")->Find("x") == nullptr);
  // Wrong-type accessors give neutral values.
  CHECK(v.Find("id")->as_number() == 0);
  CHECK(v.Find("n")->as_string().empty());
}

TEST_CASE("json: decodes escapes including surrogate pairs", "[json]") {
  auto r = ParseJson(R"("a\"b\\c\/d\n\t\u00e9\u2014\ud83d\ude00\u0000")");
  REQUIRE(r.ok());
  CHECK(r->as_string() == std::string("a\"b\\c/d\n\té—😀\0", 19));
}

TEST_CASE("json: round-trips through ToJson", "[json]") {
  std::string text = R"({"a":[1,2.5,"x\u0001",null,true],"b":{"c":"Sánchez"}})";
  auto r = ParseJson(text);
  REQUIRE(r.ok());
  auto again = ParseJson(r->ToJson());
  REQUIRE(again.ok());
  CHECK(again->ToJson() == r->ToJson());
  CHECK(r->ToJson() == text);
}

TEST_CASE("json: rejects malformed input with the byte offset", "[json]") {
  struct Case {
    std::string text;
    size_t offset;
  };
  const Case cases[] = {
      {"", 0},
      {"{\"a\":1,}", 7},  // trailing comma
      {"[1,2", 4},        // unterminated
      {"{\"a\" 1}", 5},   // missing colon
      {"{a:1}", 1},       // unquoted key
      {"01", 1},          // leading zero
      {"1.", 2},          // no fraction digits
      {"-", 1},
      {"NaN", 0},
      {"tru", 0},
      {"\"abc", 4},              // unterminated string
      {"\"a\nb\"", 2},           // raw control character
      {"\"\\x\"", 1},            // bad escape
      {"\"\\ud800\"", 1},        // lone high surrogate
      {"\"\\udc00\"", 1},        // lone low surrogate
      {"\"\\u12g4\"", 5},        // bad hex digit
      {"{\"k\":1,\"k\":2}", 7},  // duplicate key
      {"{} x", 3},               // trailing garbage
      {"[1] [2]", 4},
      {"1e999", 0},    // out of range
      {"// c\n1", 0},  // comments are not JSON
  };
  for (const Case& c : cases) {
    INFO("input: " << c.text);
    size_t off = 12345;
    auto r = ParseJson(c.text, {}, &off);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == detente::Status::Code::kDataError);
    CHECK(off == c.offset);
    CHECK(r.status().message().rfind("byte " + std::to_string(c.offset) + ": ", 0) == 0);
  }
}

TEST_CASE("json: rejects invalid UTF-8 inside strings", "[json]") {
  for (std::string bad : {std::string("\"\xff\""), std::string("\"\xc0\xaf\""),  // overlong
                          std::string("\"\xed\xa0\x80\""),                       // surrogate
                          std::string("\"\xe2\x82\""),                           // truncated
                          std::string("\"\xf4\x90\x80\x80\"")}) {                // > U+10FFFF
    size_t off = 0;
    auto r = ParseJson(bad, {}, &off);
    CHECK_FALSE(r.ok());
    CHECK(off == 1);
  }
  CHECK(ParseJson("\"\xc3\xa9\xf0\x9f\x98\x80\"").ok());
}

TEST_CASE("json: enforces the depth limit", "[json]") {
  std::string ok_depth = std::string(128, '[') + std::string(128, ']');
  CHECK(ParseJson(ok_depth).ok());
  std::string too_deep = std::string(129, '[') + std::string(129, ']');
  auto r = ParseJson(too_deep);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("nesting") != std::string::npos);
  // Very deep input fails cleanly instead of overflowing the stack.
  std::string huge(1000000, '[');
  CHECK_FALSE(ParseJson(huge).ok());
  detente::JsonParseOptions shallow;
  shallow.max_depth = 1;
  CHECK(ParseJson("[1]", shallow).ok());
  CHECK_FALSE(ParseJson("[[1]]", shallow).ok());
}
