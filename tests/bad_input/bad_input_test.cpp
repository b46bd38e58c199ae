// The bad-input suite: every file under tests/bad_input/cases/ (and a few
// generated at test time) is ingested by the real binary between two good
// documents. For each case: no crash, no hang (a time limit per run), one
// `file[:line]: message` line per rejected input, the documented exit code,
// and every valid document of the run stored. `extract` must then report the
// same lines, without crashing either.
//
// Each row of kCases is registered as its own Catch2 test case, so CTest
// lists them one by one.
#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/db_checks.h"
#include "test_util.h"

using namespace detente::testing;

namespace {

// One expected rejection: the line (0: the whole file) and how the message
// starts.
struct Rejection {
  int line;
  std::string message;
};

struct Case {
  const char* name;
  // A file in tests/bad_input/cases/, or the name to give a generated one.
  const char* file;
  // Writes the generated file at `path`; null for a committed file.
  std::function<void(const std::string& path)> generate;
  // Documents of this file that must be stored.
  int stored;
  // Every rejection, in order; the exit code is 3 when there is one, else 0.
  std::vector<Rejection> rejections;
  // More checks on the database (optional).
  std::function<void(const std::string& db)> check;
  // Documents of this file that repeat an earlier one (reported as present).
  int present = 0;
};

const char kGoodText[] =
    "Ministers meet in Cairo\n"
    "Date: 2024-06-10\n"
    "\n"
    "Antony Blinken met Egyptian President Abdel Fattah el-Sissi in Cairo on Monday.\n";
// A valid JSONL line other than kGoodJsonl, for generated JSONL files.
const char kFirstLine[] =
    "{\"id\": \"first\", \"text\": \"Olaf Scholz met Emmanuel Macron in Paris.\"}\n";
const char kGoodJsonl[] =
    "{\"id\": \"good-jsonl\", \"title\": \"Talks in Oslo\", \"text\": \"Ulf Kristersson met "
    "Jonas Gahr Store in Oslo on Friday.\"}\n";

// A run longer than this is a hang (the slowest case takes a few seconds).
constexpr auto kTimeLimit = std::chrono::seconds(60);

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// 50 MB on one line: sentences without a single line break.
void FiftyMegabyteLine(const std::string& path, const std::string& prefix,
                       const std::string& suffix) {
  const std::string sentence = "The envoys met again and talked about the border once more. ";
  WriteFile(path, prefix + Repeat(sentence, 50'000'000 / sentence.size() + 1) + suffix);
}

// One sentence of 2,000 words, in our own words.
std::string LongSentence() {
  static const char* kWords[] = {"the",   "envoy", "and",  "minister", "said",
                                 "that",  "talks", "with", "Kenya",    "on",
                                 "trade", "would", "go",   "on",       "while"};
  std::string s = "Antony Blinken met Wang Yi";
  for (int i = 5; i < 2000; ++i) s += std::string(" ") + kWords[i % 15];
  return s + ".";
}

// The text of every stored sentence of the case's documents.
std::vector<std::string> Sentences(const std::string& db) {
  std::vector<std::string> out;
  for (const auto& row : QueryRows(db,
                                   "SELECT s.text FROM sentences s JOIN documents d ON d.id = "
                                   "s.document_id WHERE d.doc_id NOT IN ('good', 'good-jsonl') "
                                   "ORDER BY s.id")) {
    out.push_back(row[0]);
  }
  return out;
}

const std::vector<Case> kCases = {
    // --- Files.
    {"empty file", "empty.txt", nullptr, 0, {{0, "empty document"}}},
    {"blank lines only", "blank.txt", nullptr, 0, {{0, "empty document"}}},
    {"byte order mark only", "bom_only.md", nullptr, 0, {{0, "empty document"}}},
    {"binary (gzip) file",
     "gzip_header.txt",
     nullptr,
     0,
     {{1, "binary file (contains NUL bytes)"}}},
    {"NUL byte on line 4", "nul_line4.txt", nullptr, 0, {{4, "binary file (contains NUL bytes)"}}},
    {"NUL byte early in JSONL rejects the file",
     "nul_early.jsonl",
     nullptr,
     0,
     {{2, "binary file (contains NUL bytes)"}}},
    {"NUL byte late in JSONL rejects its line",
     "nul_late.jsonl",
     nullptr,
     2,
     {{3, "invalid JSON at byte 28: unescaped control character in string"}}},
    {"Latin-1 byte on line 3", "latin1_line3.txt", nullptr, 0, {{3, "invalid UTF-8"}}},
    {"overlong UTF-8 on line 3", "overlong_line3.txt", nullptr, 0, {{3, "invalid UTF-8"}}},
    {"encoded surrogate in the title", "surrogate_line1.txt", nullptr, 0, {{1, "invalid UTF-8"}}},
    {"truncated UTF-8 at the end", "truncated_line5.txt", nullptr, 0, {{5, "invalid UTF-8"}}},
    {"invalid UTF-8 in a JSONL line",
     "invalid_utf8.jsonl",
     nullptr,
     2,
     {{2, "invalid JSON at byte 29: invalid UTF-8"}}},
    {"old Mac line ends (CR only)",
     "cr_only.txt",
     nullptr,
     1,
     {},
     [](const std::string& db) {
       CHECK(QueryOne(db, "SELECT title FROM documents WHERE doc_id = 'cr_only'") ==
             "Talks in Oslo");
     }},
    {"50 MB on one line in a text file",
     "huge.txt",
     [](const std::string& path) { FiftyMegabyteLine(path, "", "\n"); },
     0,
     {{0, "document too large ("}}},
    {"50 MB on one line in a JSONL file",
     "huge.jsonl",
     [](const std::string& path) {
       FiftyMegabyteLine(path, std::string(kFirstLine) + "{\"id\": \"huge\", \"text\": \"",
                         "\"}\n{\"id\": \"after\", \"text\": \"Wang Yi met Sergei Lavrov.\"}\n");
     },
     2,
     {{2, "document too large"}}},
    {"a missing file", "no_such_file.txt", nullptr, 0, {{0, "no such file or directory"}}},

    // --- Text.
    {"a 2000-word sentence",
     "long_sentence.txt",
     [](const std::string& path) {
       WriteFile(path, "A long sentence\n\n" + LongSentence() + "\nWang Yi met Sergei Lavrov.\n");
     },
     1,
     {},
     [](const std::string& db) {
       std::vector<std::string> s = Sentences(db);
       REQUIRE(s.size() == 3);  // title, the long one, the short one
       CHECK(s[1] == LongSentence());
     }},
    {"a 200 KB word",
     "long_word.txt",
     [](const std::string& path) {
       WriteFile(path, "One long word\n\n" + Repeat("Blinken", 30000) + " met Wang Yi.\n");
     },
     1,
     {}},
    {"300 levels of nested quotes and brackets", "nested_brackets.txt", nullptr, 1, {}},
    {"unbalanced quotes and brackets", "unbalanced_quotes.txt", nullptr, 1, {}},
    {"Unicode confusables", "confusables.txt", nullptr, 1, {}},
    {"bidi overrides and zero-width and combining marks", "bidi_zero_width.txt", nullptr, 1, {}},
    {"control characters are cleaned",
     "control_chars.txt",
     nullptr,
     1,
     {},
     [](const std::string& db) {
       std::string all;
       for (const std::string& s : Sentences(db)) all += s;
       for (const auto& row : QueryRows(db, "SELECT title FROM documents")) all += row[0];
       CHECK(all.find("Greek") != std::string::npos);
       // Sentences may hold a line break (NEL becomes one); nothing else below 0x20.
       for (unsigned char c : all) CHECK(((c >= 0x20 || c == '\n') && c != 0x7f));
       CHECK(all.find("\xc2\x85") == std::string::npos);  // C1 controls too
       CHECK(all.find("\xc2\x9b") == std::string::npos);
     }},
    {"HTML is read as text", "html.html", nullptr, 1, {}},
    {"punctuation only", "punctuation_only.txt", nullptr, 1, {}},
    {"emoji and flags", "emoji.txt", nullptr, 1, {}},
    {"markdown oddities", "markdown_tricks.md", nullptr, 1, {}},
    {"impossible dates",
     "odd_dates.txt",
     nullptr,
     1,
     {},
     [](const std::string& db) {
       // No shifted day (31 February 2024 is not 2024-03-02), no date out of
       // range, and no publication date that does not exist.
       CHECK(QueryOne(db,
                      "SELECT count(*) FROM events WHERE event_date = '2024-03-02' OR "
                      "event_date NOT BETWEEN '0001' AND '9999-12-31'") == "0");
       CHECK(QueryOne(db,
                      "SELECT count(*) FROM documents WHERE doc_id = 'odd_dates' AND "
                      "published IS NULL") == "1");
     }},

    // --- JSONL.
    {"malformed JSONL lines",
     "malformed.jsonl",
     nullptr,
     2,
     {{2, "invalid JSON at byte 31: unterminated string"},
      {3, "invalid JSON at byte 38: expected a string key"},
      {4, "invalid JSON at byte 1: expected a string key"},
      {5, "invalid JSON at byte 1: expected a string key"},
      {6, "expected a JSON object, got array"},
      {7, "expected a JSON object, got string"},
      {8, "expected a JSON object, got null"},
      {9, "invalid JSON at byte 23: unexpected text after the JSON value"},
      {10, "invalid JSON at byte 15: unexpected text after the JSON value"},
      {11, "invalid JSON at byte 0: unexpected character"}}},
    {"JSONL fields of the wrong type",
     "wrong_types.jsonl",
     nullptr,
     2,
     {{2, "field \"text\" must be a string, not number"},
      {3, "field \"text\" must be a string, not array"},
      {4, "field \"text\" must be a string, not object"},
      {5, "field \"text\" must be a string, not boolean"},
      {6, "field \"title\" must be a string, not number"},
      {7, "field \"url\" must be a string, not array"},
      {8, "field \"date\" must be a string, not number"},
      {9, "field \"date\" must be an ISO date (yyyy-mm-dd), not \"2024-13-01\""},
      {10, "field \"date\" must be an ISO date (yyyy-mm-dd), not \"yesterday\""},
      {11, "field \"id\" must be a string or an integer below 2^53"},
      {12, "field \"id\" must be a string, not object"},
      {13, "missing field \"text\""},
      {14, "field \"text\" is empty"},
      {15, "field \"text\" is empty"},
      {16, "field \"id\" must be a string or an integer below 2^53"},
      {17, "field \"id\" must be a string or an integer below 2^53"}}},
    {"JSON escapes of NUL and lone surrogates and unknown escapes",
     "escapes.jsonl",
     nullptr,
     3,
     {{2, "invalid JSON at byte 44: lone high surrogate"},
      {3, "invalid JSON at byte 43: lone low surrogate"},
      {4, "invalid JSON at byte 40: invalid escape"},
      {5, "invalid JSON at byte 27: unescaped control character in string"}}},
    {"100000 nested arrays",
     "deep.jsonl",
     [](const std::string& path) {
       WriteFile(path, std::string(kFirstLine) +
                           "{\"text\": \"Wang Yi met Sergei Lavrov.\", \"x\": " +
                           Repeat("[", 100000) + Repeat("]", 100000) + "}\n");
     },
     1,
     {{2, "invalid JSON at byte 171: nesting deeper than 128"}}},
    {"huge fields under the size limit",
     "huge_fields.jsonl",
     [](const std::string& path) {
       WriteFile(path, "{\"id\": \"" + Repeat("i", 100000) + "\", \"url\": \"http://e.org/" +
                           Repeat("u", 1'000'000) + "\", \"ignored\": \"" + Repeat("x", 3'000'000) +
                           "\", \"text\": \"Wang Yi met Sergei Lavrov in Moscow.\"}\n");
     },
     1,
     {},
     [](const std::string& db) {
       CHECK(QueryOne(db, "SELECT length(url) FROM documents WHERE doc_id LIKE 'iii%'") ==
             "1000013");
     }},
    {"BOM and CRLF and blank lines", "bom_crlf_blank.jsonl", nullptr, 2, {}},
    {"lone CR line ends in JSONL", "cr_only.jsonl", nullptr, 3, {}},
    {"a BOM at the start of every JSONL line", "bom_lines.jsonl", nullptr, 2, {}},
    {"control characters in JSONL ids and URLs",
     "control_ids.jsonl",
     nullptr,
     1,
     {{2, "field \"id\" holds a control character (U+001B)"},
      {3, "field \"id\" holds a control character (U+0007)"},
      {4, "field \"id\" holds a control character (U+0000)"},
      {5, "field \"url\" holds a control character (U+000D)"},
      {6, "field \"url\" holds a control character (U+009B)"}}},
    {"JSONL dates that do not exist",
     "impossible_dates.jsonl",
     nullptr,
     1,
     {{2, "field \"date\" must be an ISO date (yyyy-mm-dd), not \"2023-02-29\""},
      {3, "field \"date\" must be an ISO date (yyyy-mm-dd), not \"2024-04-31\""},
      {4, "field \"date\" must be an ISO date (yyyy-mm-dd), not \"0000-01-01\""}}},
    {"duplicate keys and duplicate documents",
     "duplicates.jsonl",
     nullptr,
     1,
     {{1, "invalid JSON at byte 82: duplicate key \"text\""}},
     nullptr,
     1},
    {"prose in a .jsonl file",
     "not_jsonl.jsonl",
     nullptr,
     0,
     {{1, "invalid JSON at byte 0: unexpected character"},
      {2, "invalid JSON at byte 0: unexpected character"}}},
    {"JSONL sniffed from another extension",
     "sniffed_json.dat",
     nullptr,
     1,
     {{3, "invalid JSON at byte 1: expected a string key"}}},

    // --- Names that exporters and SQL must escape.
    {"hostile names in the text", "hostile_names.txt", nullptr, 1, {}},
};

class CaseInvoker : public Catch::ITestInvoker {
 public:
  explicit CaseInvoker(const Case& c) : case_(c) {}
  void invoke() const override;

 private:
  const Case& case_;
};

void CaseInvoker::invoke() const {
  const Case& c = case_;
  TempDir dir;
  const std::string good_text = dir.File("good.txt");
  const std::string good_jsonl = dir.File("good.jsonl");
  WriteFile(good_text, kGoodText);
  WriteFile(good_jsonl, kGoodJsonl);
  std::string path = SourceDir() + "/tests/bad_input/cases/" + c.file;
  if (c.generate) {
    path = dir.File(c.file);
    c.generate(path);
  }
  const std::string db = dir.File("t.db");
  RunResult r = RunDetente({"ingest", "--db", db, good_text, path, good_jsonl}, "", kTimeLimit);
  INFO("stderr:\n" << r.err);
  REQUIRE_FALSE(r.timed_out);
  REQUIRE(r.signal == 0);
  CHECK(r.exit_code == (c.rejections.empty() ? 0 : 3));

  // One line per rejection, naming the file and line, then the summary.
  std::vector<std::string> lines;
  std::istringstream err(r.err);
  for (std::string line; std::getline(err, line);) lines.push_back(line);
  REQUIRE(lines.size() == c.rejections.size() + 1);
  for (size_t i = 0; i < c.rejections.size(); ++i) {
    const Rejection& want = c.rejections[i];
    std::string prefix =
        path + (want.line > 0 ? ":" + std::to_string(want.line) : "") + ": " + want.message;
    INFO("expected a line starting with: " << prefix);
    CHECK(lines[i].rfind(prefix, 0) == 0);
  }
  std::string summary = "detente: " + std::to_string(c.stored + 2) + " documents added, " +
                        std::to_string(c.present) + " already present, " +
                        std::to_string(c.rejections.size()) + " rejected";
  CHECK(lines.back().rfind(summary, 0) == 0);

  // Everything valid in the run is stored, whole.
  CHECK(QueryOne(db, "SELECT count(*) FROM documents") == std::to_string(c.stored + 2));
  CHECK(QueryOne(db, "SELECT count(*) FROM documents WHERE doc_id IN ('good', 'good-jsonl')") ==
        "2");
  CHECK(QueryOne(db,
                 "SELECT count(*) FROM events e JOIN sentences s ON s.id = e.sentence_id "
                 "JOIN documents d ON d.id = s.document_id WHERE d.doc_id = 'good'") != "0");
  CHECK(QueryOne(db,
                 "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s "
                 "WHERE s.document_id = d.id)") == "0");
  CHECK(CheckIntegrity(db) == "ok");
  if (c.check) c.check(db);

  // extract reads and extracts the same way: the same lines, no crash.
  RunResult x = RunDetente({"extract", path}, "", kTimeLimit);
  REQUIRE_FALSE(x.timed_out);
  REQUIRE(x.signal == 0);
  CHECK(x.exit_code == (c.rejections.empty() ? 0 : 3));
  std::string rejections;
  for (size_t i = 0; i + 1 < lines.size(); ++i) rejections += lines[i] + "\n";
  CHECK(x.err == rejections);
}

// Registers one Catch2 test case per row of kCases.
struct Registrar {
  std::vector<std::unique_ptr<Catch::AutoReg>> regs;
  Registrar() {
    for (const Case& c : kCases) {
      regs.push_back(std::make_unique<Catch::AutoReg>(
          new CaseInvoker(c), CATCH_INTERNAL_LINEINFO, Catch::StringRef(),
          Catch::NameAndTags(Catch::StringRef(Name(c)), "[bad_input]")));
    }
  }
  // "bad input: <name>", kept alive for Catch.
  const char* Name(const Case& c) {
    names.push_back(std::make_unique<std::string>(std::string("bad input: ") + c.name));
    return names.back()->c_str();
  }
  std::vector<std::unique_ptr<std::string>> names;
} registrar;

}  // namespace

namespace {

// Names that break naive DOT, XML, CSV, JSON or SQL writers.
const std::vector<std::string> kHostileNames = {
    "graph",
    "node",
    "Digraph",
    "strict subgraph edge",
    "A -> B -- C",
    "say \"hello\" \\ back\\slash\\",
    "<b>Tag</b> & <![CDATA[ x ]]> <!-- c -->",
    "Robert'); DROP TABLE entities;--",
    "x' OR '1'='1",
    "{braces} [brackets] ; semi, comma",
    "line\nbreak\ttab",
    "Zürich \xe2\x80\xae reversed \xf0\x9f\xa4\x9d",
};

// `s` as an SQL string literal.
std::string SqlQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

}  // namespace

TEST_CASE("bad input: hostile entity names survive sql and every export format", "[bad_input]") {
  TempDir dir;
  const std::string db = dir.File("t.db");
  const std::string names_file = SourceDir() + "/tests/bad_input/cases/hostile_names.txt";
  RunResult ingest = RunDetente({"ingest", "-q", "--db", db, names_file}, "", kTimeLimit);
  INFO(ingest.err);
  REQUIRE(ingest.exit_code == 0);

  // Add the names through `sql --write`, as an analyst would, each meeting
  // the next one in a sentence of the ingested document.
  std::string sql;
  for (const std::string& name : kHostileNames) {
    sql += "INSERT INTO entities(name, kind) VALUES (" + SqlQuote(name) + ", 'person');\n";
  }
  for (size_t i = 0; i + 1 < kHostileNames.size(); ++i) {
    sql +=
        "INSERT INTO events(sentence_id, actor_id, action, object_id, event_date, "
        "extractor_version) SELECT (SELECT min(id) FROM sentences), a.id, 'meet', b.id, "
        "'2024-01-0" +
        std::to_string(1 + i % 9) +
        "', 'test' FROM entities a, entities b "
        "WHERE a.name = " +
        SqlQuote(kHostileNames[i]) + " AND b.name = " + SqlQuote(kHostileNames[i + 1]) + ";\n";
  }
  RunResult w = RunDetente({"sql", "--write", "--db", db, "-"}, sql);
  INFO(w.err);
  REQUIRE(w.exit_code == 0);
  REQUIRE(QueryOne(db, "SELECT count(*) FROM events WHERE extractor_version = 'test'") ==
          std::to_string(kHostileNames.size() - 1));

  // DOT: Graphviz parses it and every name comes through.
  RunResult dot = RunDetente({"export", "--db", db, "--format", "dot"});
  INFO(dot.err);
  REQUIRE(dot.exit_code == 0);
  RunResult svg = RunCommand({"dot", "-Tsvg"}, dot.out);
  INFO(svg.err);
  REQUIRE(svg.exit_code == 0);
  CHECK(svg.err.empty());
  const std::string svg_path = dir.File("g.svg");
  WriteFile(svg_path, svg.out);
  CHECK(RunCommand({"xmllint", "--noout", svg_path}).exit_code == 0);
  CHECK(svg.out.find("Robert&#39;); DROP TABLE entities;&#45;&#45;") != std::string::npos);
  CHECK(svg.out.find("&lt;b&gt;Tag&lt;/b&gt; &amp; &lt;![CDATA[ x ]]&gt;") != std::string::npos);
  CHECK(svg.out.find(">graph</text>") != std::string::npos);

  // Rendering through detente (dot without a shell) works on the same graph.
  const std::string rendered = dir.File("r.svg");
  RunResult render =
      RunDetente({"export", "--db", db, "--format", "dot", "--render", "svg", "-o", rendered});
  INFO(render.err);
  CHECK(render.exit_code == 0);
  CHECK(RunCommand({"xmllint", "--noout", rendered}).exit_code == 0);

  // GraphML: well-formed XML with one node per name.
  const std::string graphml = dir.File("g.graphml");
  REQUIRE(RunDetente({"export", "--db", db, "--format", "graphml", "-o", graphml}).exit_code == 0);
  RunResult lint = RunCommand({"xmllint", "--noout", graphml});
  INFO(lint.err);
  CHECK(lint.exit_code == 0);
  for (const std::string& name : kHostileNames) {
    // xmllint reads each name back from the data elements.
    RunResult x = RunCommand(
        {"xmllint", "--xpath",
         "count(//*[local-name()='data'][.=" +
             (name.find('\'') == std::string::npos ? "'" + name + "'" : "\"" + name + "\"") + "])",
         graphml});
    INFO(name << ": " << x.err);
    if (name.find('\'') != std::string::npos && name.find('"') != std::string::npos) continue;
    CHECK(x.out != "0");
  }

  // JSON and CSV: Python's parsers read them back with every name intact.
  RunResult json = RunDetente({"export", "--db", db, "--format", "json"});
  REQUIRE(json.exit_code == 0);
  const std::string json_path = dir.File("g.json");
  WriteFile(json_path, json.out);
  REQUIRE(
      RunDetente({"export", "--db", db, "--format", "csv", "-o", dir.File("g.csv")}).exit_code ==
      0);
  std::string names_path = dir.File("names.txt");
  std::string expected;
  for (const std::string& name : kHostileNames) expected += name + "\x1e";
  WriteFile(names_path, expected);
  RunResult py = RunCommand(
      {"python3", "-c",
       "import csv, json, sys\n"
       "want = open(sys.argv[1], encoding='utf-8').read().split('\\x1e')[:-1]\n"
       "j = {n['name'] for n in json.load(open(sys.argv[2], encoding='utf-8'))['nodes']}\n"
       "c = {r['Label'] for r in csv.DictReader(open(sys.argv[3], encoding='utf-8', "
       "newline=''))}\n"
       "missing = [w for w in want if w not in j or w not in c]\n"
       "print(missing)\n"
       "sys.exit(1 if missing else 0)\n",
       names_path, json_path, dir.File("g.nodes.csv")});
  INFO(py.out << py.err);
  CHECK(py.exit_code == 0);

  // The graph commands take the names as arguments, and nothing was dropped.
  RunResult path = RunDetente({"path", "--db", db, "graph", kHostileNames.back()});
  INFO(path.err);
  CHECK(path.exit_code == 0);
  CHECK(path.out.find(std::to_string(kHostileNames.size() - 1) + " hops") != std::string::npos);
  RunResult entity = RunDetente({"entity", "--db", db, "Robert'); DROP TABLE entities;--"});
  CHECK(entity.exit_code == 0);
  CHECK(QueryOne(db, "SELECT count(*) FROM entities WHERE kind = 'person'") != "0");
  CHECK(CheckIntegrity(db) == "ok");
}
