#include "detente/input.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
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

Collected Read(const std::vector<std::string>& paths, const detente::InputOptions& o = {}) {
  Collected c;
  c.status = ReadInputs(
      paths, [&](Document& d) { c.docs.push_back(std::move(d)); },
      [&](const InputError& e) { c.errors.push_back(e); }, o);
  return c;
}

// Writes `chunk` into the FIFO at `path` again and again until the reader
// goes away (EPIPE) or `stop` is set.
void FeedFifo(const std::string& path, const std::string& head, const std::string& chunk,
              const std::atomic<bool>& stop) {
  int fd = ::open(path.c_str(), O_WRONLY);
  if (fd < 0) return;
  auto put = [&](const std::string& s) {
    return ::write(fd, s.data(), s.size()) == static_cast<ssize_t>(s.size());
  };
  if (put(head)) {
    while (!stop.load() && put(chunk)) {
    }
  }
  ::close(fd);
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

TEST_CASE("input: a FIFO that never ends is read up to the stream limit, in bounded memory",
          "[input]") {
  signal(SIGPIPE, SIG_IGN);  // the writer below sees EPIPE when the reader stops
  TempDir dir;
  detente::InputOptions o;
  o.max_stream_bytes = 3 << 20;
  // Endless JSONL: every document up to the limit is read, then a message.
  const std::string jsonl = dir.File("feed.jsonl");
  REQUIRE(mkfifo(jsonl.c_str(), 0600) == 0);
  std::atomic<bool> stop{false};
  std::thread writer(FeedFifo, jsonl, "",
                     std::string("{\"text\": \"Antony Blinken met Wang Yi in Beijing.\"}\n"),
                     std::cref(stop));
  Collected c = Read({jsonl}, o);
  stop = true;
  writer.join();
  CHECK(c.docs.size() > 10000);
  REQUIRE(c.errors.size() == 1);
  CHECK(c.errors[0].file == jsonl);
  CHECK(c.errors[0].message ==
        "stopped after reading 3145728 bytes, the most read from stdin, "
        "a pipe or a device");
  // A stream of exactly the limit is whole, not cut.
  const std::string exact = dir.File("exact.jsonl");
  REQUIRE(mkfifo(exact.c_str(), 0600) == 0);
  const std::string line = "{\"text\": \"Wang Yi met Antony Blinken.\"}\n";
  detente::InputOptions tight;
  tight.max_stream_bytes = 100 * line.size();
  std::thread exact_writer([&] {
    std::ofstream f(exact, std::ios::binary);
    for (int i = 0; i < 100; ++i) f << line;
  });
  Collected whole = Read({exact}, tight);
  exact_writer.join();
  CHECK(whole.docs.size() == 100);
  CHECK(whole.errors.empty());
  // Endless text: one document, cut at kMaxDocumentBytes while reading.
  const std::string text = dir.File("feed.txt");
  REQUIRE(mkfifo(text.c_str(), 0600) == 0);
  stop = false;
  std::thread text_writer(FeedFifo, text, "", std::string(4096, 'x') + "\n", std::cref(stop));
  c = Read({text});
  stop = true;
  text_writer.join();
  CHECK(c.docs.empty());
  REQUIRE(c.errors.size() == 1);
  CHECK(c.errors[0].message == "document too large (more than 4194304 bytes)");
}

TEST_CASE("input: devices are binary at once, whatever their extension", "[input]") {
  TempDir dir;
  std::filesystem::create_symlink("/dev/zero", dir.File("zero.jsonl"));
  std::filesystem::create_symlink("/dev/urandom", dir.File("random.txt"));
  for (const std::string& path : {std::string("/dev/zero"), std::string("/dev/urandom"),
                                  dir.File("zero.jsonl"), dir.File("random.txt")}) {
    INFO(path);
    auto start = std::chrono::steady_clock::now();
    Collected c = Read({path});
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
    REQUIRE(c.errors.size() == 1);
    CHECK(c.errors[0].message == "binary file (contains NUL bytes)");
  }
}

TEST_CASE("input: a huge sparse file is refused or skipped without holding it", "[input]") {
  TempDir dir;
  const uint64_t kSize = uint64_t{1} << 28;  // 256 MiB, nearly all holes
  auto sparse = [&](const std::string& name, const std::string& head) {
    const std::string path = dir.File(name);
    WriteFile(path, head);
    REQUIRE(truncate(path.c_str(), static_cast<off_t>(kSize)) == 0);
    return path;
  };
  // A text file: refused by its size before it is read.
  Collected t = Read({sparse("big.txt", "Title\n\nText.\n")});
  REQUIRE(t.errors.size() == 1);
  CHECK(t.errors[0].message.rfind("document too large (268435456 bytes", 0) == 0);
  // JSONL: holes among the first bytes make it binary at once.
  Collected j = Read({sparse("holes.jsonl", "{\"text\": \"Wang Yi met Antony Blinken.\"}\n")});
  REQUIRE(j.errors.size() == 1);
  CHECK(j.errors[0].message == "binary file (contains NUL bytes)");
  // Holes after a valid start: one giant line, skipped as it streams by.
  std::string head;
  for (int i = 0; i < 300; ++i) head += "{\"text\": \"Wang Yi met Antony Blinken.\"}\n";
  Collected late = Read({sparse("late.jsonl", head)});
  CHECK(late.docs.size() == 300);
  REQUIRE(late.errors.size() == 1);
  CHECK(late.errors[0].line == 301);
  CHECK(late.errors[0].message ==
        "document too large (" + std::to_string(kSize - head.size()) + " bytes; at most 4194304)");
}

TEST_CASE("input: JSONL lines may end with a lone CR and start with a BOM", "[input]") {
  TempDir dir;
  const std::string bom = "\xEF\xBB\xBF";
  WriteFile(dir.File("cr.jsonl"),
            bom + "{\"id\": \"a\", \"text\": \"One.\"}\r" + bom +
                "{\"id\": \"b\", \"text\": \"Two.\"}\r\n\r" + bom +
                "{\"id\": \"c\", \"text\": \"Three.\"}\n{\"id\": \"d\", \"text\": \"Four.\"}\r");
  Collected c = Read({dir.File("cr.jsonl")});
  INFO((c.errors.empty() ? "" : c.errors[0].ToString()));
  CHECK(c.errors.empty());
  REQUIRE(c.docs.size() == 4);
  CHECK(c.docs[0].id == "a");
  CHECK(c.docs[1].id == "b");
  CHECK(c.docs[2].id == "c");
  CHECK(c.docs[2].line == 4);  // CR, CRLF and the blank CR line each end one
  CHECK(c.docs[3].line == 5);
}

TEST_CASE("input: control characters in ids and URLs are refused, in file names escaped",
          "[input]") {
  TempDir dir;
  WriteFile(dir.File("c.jsonl"),
            "{\"id\": \"x\\u001b[31mred\", \"text\": \"One.\"}\n"
            "{\"id\": \"bell\\u0007\", \"text\": \"Two.\"}\n"
            "{\"url\": \"https://e.org/\\r\\nX-Forged: 1\", \"text\": \"Three.\"}\n"
            "{\"url\": \"https://e.org/\\u0000\", \"text\": \"Four.\"}\n"
            "{\"id\": \"csi\\u009b2J\", \"text\": \"Five.\"}\n"
            "{\"id\": \"fine\", \"url\": \"https://e.org/a b\", \"text\": \"Six.\"}\n");
  Collected c = Read({dir.File("c.jsonl")});
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].id == "fine");
  REQUIRE(c.errors.size() == 5);
  CHECK(c.errors[0].message == "field \"id\" holds a control character (U+001B)");
  CHECK(c.errors[1].message == "field \"id\" holds a control character (U+0007)");
  CHECK(c.errors[2].message == "field \"url\" holds a control character (U+000D)");
  CHECK(c.errors[3].message == "field \"url\" holds a control character (U+0000)");
  CHECK(c.errors[4].message == "field \"id\" holds a control character (U+009B)");
  // A file name with ESC and a newline: its id is escaped.
  const std::string evil = dir.File("evil\x1b[31m\nname.txt");
  WriteFile(evil, "Talks\n\nWang Yi met Antony Blinken.\n");
  Collected f = Read({evil});
  REQUIRE(f.docs.size() == 1);
  CHECK(f.docs[0].id == "evil\\x1b[31m\\nname");
}

TEST_CASE("input: a symbolic link loop is reported as one", "[input]") {
  TempDir dir;
  std::filesystem::create_symlink(dir.File("b.txt"), dir.File("a.txt"));
  std::filesystem::create_symlink(dir.File("a.txt"), dir.File("b.txt"));
  Collected c = Read({dir.File("a.txt")});
  REQUIRE(c.errors.size() == 1);
  CHECK(c.errors[0].message == "cannot read: Too many levels of symbolic links");
  // Inside a directory too (both links), instead of being skipped.
  Collected d = Read({dir.path().string()});
  REQUIRE(d.errors.size() == 2);
  CHECK(d.errors[0].message == "cannot read: Too many levels of symbolic links");
}

TEST_CASE("input: dates that do not exist are refused", "[input]") {
  TempDir dir;
  WriteFile(dir.File("d.jsonl"),
            "{\"date\": \"2023-02-29\", \"text\": \"One.\"}\n"
            "{\"date\": \"2024-02-30\", \"text\": \"Two.\"}\n"
            "{\"date\": \"0000-01-01\", \"text\": \"Three.\"}\n"
            "{\"date\": \"2024-04-31\", \"text\": \"Four.\"}\n"
            "{\"date\": \"2024-02-29\", \"text\": \"Five.\"}\n");
  Collected c = Read({dir.File("d.jsonl")});
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].date == "2024-02-29");
  REQUIRE(c.errors.size() == 4);
  CHECK(c.errors[0].message ==
        "field \"date\" must be an ISO date (yyyy-mm-dd), not \"2023-02-29\"");
  // In a text file, an impossible Date: line is not a date (nor the text).
  WriteFile(dir.File("t.txt"), "Talks\nDate: 2023-02-29\n\nWang Yi met Antony Blinken.\n");
  Collected t = Read({dir.File("t.txt")});
  REQUIRE(t.docs.size() == 1);
  CHECK(t.docs[0].date.empty());
  CHECK(t.docs[0].text == "Wang Yi met Antony Blinken.");
}

TEST_CASE("input: first_line and last_line read one range of a JSONL file", "[input]") {
  TempDir dir;
  const std::string feed = dir.File("feed.jsonl");
  // Line ends of every kind, a blank line and a bad line outside the range.
  WriteFile(feed,
            "{\"text\": \"one\"}\r\n"
            "{broken\n"
            "{\"text\": \"three\"}\r"  // a lone CR
            "\r\n"
            "{\"text\": \"five\"}\n"
            "{\"text\": \"six\"}\n");
  WriteFile(dir.File("note.txt"), "A note.\n");
  detente::InputOptions o;
  o.first_line = 3;
  o.last_line = 5;
  Collected c = Read({feed, dir.File("note.txt")}, o);
  CHECK(c.status.ok());
  CHECK(c.errors.empty());  // line 2 is not read
  REQUIRE(c.docs.size() == 3);
  CHECK(c.docs[0].text == "three");
  CHECK(c.docs[0].line == 3);
  CHECK(c.docs[0].id == "feed:3");
  CHECK(c.docs[1].text == "five");
  CHECK(c.docs[1].line == 5);
  CHECK(c.docs[2].text == "A note.");  // text files are whole whatever the range
  o.first_line = 2;
  o.last_line = 0;  // to the end
  c = Read({feed}, o);
  REQUIRE(c.errors.size() == 1);
  CHECK(c.errors[0].line == 2);
  REQUIRE(c.docs.size() == 3);
  CHECK(c.docs[2].line == 6);
}
