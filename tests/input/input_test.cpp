#include "detente/input.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_util.h"

using detente::Document;
using detente::InputError;
using detente::ReadInputs;
using detente::Status;
using detente::testing::TempDir;
using detente::testing::WriteFile;

namespace {

struct Collected {
  std::vector<Document> docs;
  std::vector<InputError> errors;
  Status status;
};

Collected Read(const std::vector<std::string>& paths) {
  Collected c;
  c.status = ReadInputs(
      paths, [&](Document& d) { c.docs.push_back(std::move(d)); },
      [&](const InputError& e) { c.errors.push_back(e); });
  return c;
}

}  // namespace

TEST_CASE("input: a text file's first line is its title", "[input]") {
  TempDir dir;
  WriteFile(dir.File("a.txt"),
            "Blinken arrives in Cairo\n\nAntony Blinken met officials.\nHe left.\n");
  Collected c = Read({dir.File("a.txt")});
  REQUIRE(c.status.ok());
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].id == "a");
  CHECK(c.docs[0].source == dir.File("a.txt"));
  CHECK(c.docs[0].line == 0);
  CHECK(c.docs[0].title == "Blinken arrives in Cairo");
  CHECK(c.docs[0].text == "Antony Blinken met officials.\nHe left.");
}

TEST_CASE("input: a first line that is a sentence is not a title", "[input]") {
  TempDir dir;
  WriteFile(dir.File("b.txt"), "Antony Blinken met officials in Cairo on Monday.\nHe left.\n");
  Collected c = Read({dir.File("b.txt")});
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].title.empty());
  CHECK(c.docs[0].text == "Antony Blinken met officials in Cairo on Monday.\nHe left.");
  // A lone short line is the text, not a title with an empty body.
  WriteFile(dir.File("c.txt"), "Blinken in Cairo\n");
  c = Read({dir.File("c.txt")});
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].title.empty());
  CHECK(c.docs[0].text == "Blinken in Cairo");
}

TEST_CASE("input: Date and URL lines after the title, CRLF and BOM", "[input]") {
  TempDir dir;
  WriteFile(dir.File("d.txt"),
            "\xEF\xBB\xBFSweden joins NATO\r\nDate: 2024-03-07\r\nURL: https://example.org/x\r\n"
            "\r\nSweden became a member.\r\n");
  Collected c = Read({dir.File("d.txt")});
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].title == "Sweden joins NATO");
  CHECK(c.docs[0].date == "2024-03-07");
  CHECK(c.docs[0].url == "https://example.org/x");
  CHECK(c.docs[0].text == "Sweden became a member.");
}

TEST_CASE("input: markdown headings lose their hashes", "[input]") {
  TempDir dir;
  WriteFile(dir.File("m.md"),
            "# Gantz quits the War Cabinet\nBenny Gantz resigned.\n\n## Reactions\n\n"
            "Netanyahu responded.\n#hashtag stays\n");
  Collected c = Read({dir.File("m.md")});
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].title == "Gantz quits the War Cabinet");
  CHECK(c.docs[0].text ==
        "Benny Gantz resigned.\n\nReactions\n\nNetanyahu responded.\n#hashtag stays");
}

TEST_CASE("input: JSONL articles with every field", "[input]") {
  TempDir dir;
  WriteFile(dir.File("n.jsonl"),
            R"({"id":"x1","title":"T1","date":"2024-06-10","url":"u","text":"Body one."})"
            "\n"
            "\n"
            R"({"id":7,"text":"Body two.","date":"2024-06-11T08:00:00Z","extra":[1]})"
            "\n"
            R"({"text":"Body three.","title":null})"
            "\n");
  Collected c = Read({dir.File("n.jsonl")});
  REQUIRE(c.status.ok());
  REQUIRE(c.docs.size() == 3);
  CHECK(c.docs[0].id == "x1");
  CHECK(c.docs[0].title == "T1");
  CHECK(c.docs[0].date == "2024-06-10");
  CHECK(c.docs[0].url == "u");
  CHECK(c.docs[0].text == "Body one.");
  CHECK(c.docs[0].line == 1);
  CHECK(c.docs[1].id == "7");
  CHECK(c.docs[1].date == "2024-06-11");
  CHECK(c.docs[1].line == 3);
  CHECK(c.docs[2].id == "n:4");
  CHECK(c.docs[2].title.empty());
}

TEST_CASE("input: malformed JSONL lines are reported and the rest kept", "[input]") {
  TempDir dir;
  WriteFile(dir.File("bad.jsonl"), R"({"id":"a","text":"Good one."})"
                                   "\n"
                                   R"({"id":"b","text":"broken)"
                                   "\n"
                                   R"({"id":"c","text":42})"
                                   "\n"
                                   R"([1,2])"
                                   "\n"
                                   R"({"id":"d","title":"no text"})"
                                   "\n"
                                   R"({"id":"e","text":"Bad date.","date":"June 10"})"
                                   "\n"
                                   "{\"id\":\"f\",\"text\":\"bad \xff utf8\"}\n"
                                   R"({"id":"g","text":"Good two."})"
                                   "\n");
  Collected c = Read({dir.File("bad.jsonl")});
  CHECK(c.status.code() == Status::Code::kDataError);
  CHECK(c.status.message() == "6 inputs were rejected");
  REQUIRE(c.docs.size() == 2);
  CHECK(c.docs[0].id == "a");
  CHECK(c.docs[1].id == "g");
  REQUIRE(c.errors.size() == 6);
  std::vector<int> lines;
  for (const auto& e : c.errors) {
    CHECK(e.file == dir.File("bad.jsonl"));
    lines.push_back(e.line);
  }
  CHECK(lines == std::vector<int>{2, 3, 4, 5, 6, 7});
  CHECK(c.errors[0].ToString().rfind(dir.File("bad.jsonl") + ":2: invalid JSON at byte ", 0) == 0);
  CHECK(c.errors[1].message == "field \"text\" must be a string, not number");
  CHECK(c.errors[2].message == "expected a JSON object, got array");
  CHECK(c.errors[3].message == "missing field \"text\"");
  CHECK(c.errors[4].message.find("ISO date") != std::string::npos);
  CHECK(c.errors[5].message.find("invalid UTF-8") != std::string::npos);
}

TEST_CASE("input: invalid UTF-8, binary, empty and missing files are rejected", "[input]") {
  TempDir dir;
  WriteFile(dir.File("good.txt"), "Title\n\nA good body.\n");
  WriteFile(dir.File("latin1.txt"),
            "Title\n\nOK line.\nErdo\xf0"
            "an met S\xe1nchez.\n");
  WriteFile(dir.File("blob.txt"), std::string("PK\x03\x04\0\0\x01binary", 13));
  WriteFile(dir.File("empty.md"), "\n   \n");
  Collected c = Read({dir.File("latin1.txt"), dir.File("blob.txt"), dir.File("empty.md"),
                      dir.File("missing.txt"), dir.File("good.txt")});
  CHECK_FALSE(c.status.ok());
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].text == "A good body.");
  REQUIRE(c.errors.size() == 4);
  CHECK(c.errors[0].ToString() == dir.File("latin1.txt") + ":4: invalid UTF-8");
  CHECK(c.errors[1].ToString() == dir.File("blob.txt") + ":1: binary file (contains NUL bytes)");
  CHECK(c.errors[2].ToString() == dir.File("empty.md") + ": empty document");
  CHECK(c.errors[3].ToString() == dir.File("missing.txt") + ": no such file or directory");
}

TEST_CASE("input: an unreadable file is reported", "[input]") {
  if (geteuid() == 0) SUCCEED("root reads every file; nothing to check");
  if (geteuid() == 0) return;
  TempDir dir;
  WriteFile(dir.File("secret.txt"), "Title\n\nBody.\n");
  chmod(dir.File("secret.txt").c_str(), 0);
  Collected c = Read({dir.File("secret.txt")});
  REQUIRE(c.errors.size() == 1);
  CHECK(c.errors[0].message.rfind("cannot read", 0) == 0);
  CHECK(c.docs.empty());
}

TEST_CASE("input: directories are read recursively in sorted order", "[input]") {
  TempDir dir;
  WriteFile(dir.File("b/z.txt"), "Zed\n\nZ body.\n");
  WriteFile(dir.File("a.md"), "# A\n\nA body.\n");
  WriteFile(dir.File("b/c.jsonl"), R"({"id":"c1","text":"C body."})"
                                   "\n");
  WriteFile(dir.File("b/ignored.html"), "<p>not read</p>");
  Collected c = Read({dir.path().string()});
  REQUIRE(c.status.ok());
  REQUIRE(c.docs.size() == 3);
  CHECK(c.docs[0].id == "a");
  CHECK(c.docs[1].id == "c1");
  CHECK(c.docs[2].id == "z");
}

TEST_CASE("input: documents over kMaxDocumentBytes are refused, the rest kept", "[input]") {
  TempDir dir;
  const std::string big(detente::kMaxDocumentBytes + 1, 'a');
  WriteFile(dir.File("big.txt"), big);
  WriteFile(dir.File("big.jsonl"),
            "{\"text\": \"First.\"}\n{\"text\": \"" + big + "\"}\n{\"text\": \"Third.\"}\n");
  // Just under the limit is read.
  WriteFile(dir.File("fits.txt"), std::string(detente::kMaxDocumentBytes - 10, 'b'));
  Collected c = Read({dir.File("big.txt"), dir.File("big.jsonl"), dir.File("fits.txt")});
  REQUIRE(c.errors.size() == 2);
  CHECK(c.errors[0].ToString() ==
        dir.File("big.txt") + ": document too large (4194305 bytes; at most 4194304)");
  CHECK(c.errors[1].ToString().rfind(dir.File("big.jsonl") + ":2: document too large", 0) == 0);
  REQUIRE(c.docs.size() == 3);
  CHECK(c.docs[0].text == "First.");
  CHECK(c.docs[1].text == "Third.");
  CHECK(c.docs[2].text.size() == detente::kMaxDocumentBytes - 10);
}

// Found by the bad-input suite and by fuzz/fuzz_jsonl (UBSan).
TEST_CASE("input: integer ids of 2^53 or more are refused, not cast", "[input]") {
  // Casting 1e300 to int64_t was undefined behaviour, and 2^53 + 1 read as 2^53.
  TempDir dir;
  WriteFile(dir.File("ids.jsonl"),
            "{\"id\": 1e300, \"text\": \"a\"}\n{\"id\": -1e19, \"text\": \"b\"}\n"
            "{\"id\": 9007199254740993, \"text\": \"c\"}\n{\"id\": 2.5, \"text\": \"d\"}\n"
            "{\"id\": -42, \"text\": \"e\"}\n{\"id\": 9007199254740991, \"text\": \"f\"}\n");
  Collected c = Read({dir.File("ids.jsonl")});
  REQUIRE(c.errors.size() == 4);
  for (const InputError& e : c.errors) {
    CHECK(e.message == "field \"id\" must be a string or an integer below 2^53");
  }
  REQUIRE(c.docs.size() == 2);
  CHECK(c.docs[0].id == "-42");
  CHECK(c.docs[1].id == "9007199254740991");
}
