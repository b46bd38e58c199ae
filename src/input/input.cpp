#include "detente/input.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string_view>
#include <system_error>

#include "detente/text.h"
#include "util/json.h"

namespace detente {
namespace fs = std::filesystem;
namespace {

// Files with NUL bytes in their first kBinaryProbe bytes are binary (as git
// decides); a NUL further on is caught per line or per file below.
constexpr size_t kBinaryProbe = 8000;
// A first line with at most this many words and no final punctuation is a title.
constexpr int kMaxTitleWords = 20;

enum class Format { kText, kMarkdown, kJsonl, kSniff };

struct Sink {
  const std::function<void(Document&)>& on_document;
  const std::function<void(const InputError&)>& on_error;
  int rejected = 0;
  void Error(const std::string& file, int line, std::string message) {
    ++rejected;
    on_error(InputError{file, line, std::move(message)});
  }
};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Format FormatOf(const fs::path& p) {
  std::string ext = Lower(p.extension().string());
  if (ext == ".txt") return Format::kText;
  if (ext == ".md" || ext == ".markdown") return Format::kMarkdown;
  if (ext == ".jsonl") return Format::kJsonl;
  return Format::kSniff;
}

bool IsInputFile(const fs::path& p) { return FormatOf(p) != Format::kSniff; }

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

// 1-based line number of byte `pos` in `s`.
int LineOf(std::string_view s, size_t pos) {
  return 1 + static_cast<int>(std::count(s.begin(), s.begin() + std::min(pos, s.size()), '\n'));
}

// The 1-based line holding the first invalid UTF-8 sequence, or 0 if none.
int FirstInvalidUtf8Line(std::string_view s) {
  int line = 1;
  size_t start = 0;
  while (start <= s.size()) {
    size_t nl = s.find('\n', start);
    std::string_view l = s.substr(start, nl == std::string_view::npos ? s.npos : nl - start);
    if (!IsValidUtf8(l)) return line;
    if (nl == std::string_view::npos) break;
    start = nl + 1;
    ++line;
  }
  return 0;
}

// "yyyy-mm-dd" with a plausible month and day, optionally followed by a time
// ("2024-06-10T08:00:00Z"); returns the date part or nullopt.
std::optional<std::string> IsoDate(std::string_view s) {
  s = Trim(s);
  if (s.size() < 10) return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  }
  if (s[4] != '-' || s[7] != '-') return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return std::string(s.substr(0, 10));
}

std::string Stem(const std::string& source) {
  if (source == "-") return "stdin";
  return fs::path(source).stem().string();
}

bool LooksLikeTitle(std::string_view line) {
  if (line.empty()) return false;
  char last = line.back();
  if (last == '.' || last == '!' || last == '?' || last == ',' || last == ';' || last == ':') {
    return false;
  }
  int words = 0;
  bool in_word = false;
  for (char c : line) {
    bool space = std::isspace(static_cast<unsigned char>(c));
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words <= kMaxTitleWords;
}

// Removes the leading '#'s of a markdown heading line.
std::string_view StripHeading(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && n < 6 && line[n] == '#') ++n;
  if (n > 0 && (n == line.size() || line[n] == ' ' || line[n] == '\t')) {
    return Trim(line.substr(n));
  }
  return line;
}

// Splits `s` into lines without their '\n'.
std::vector<std::string_view> Lines(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == s.npos) nl = s.size();
    out.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

void ReadText(const std::string& source, std::string data, bool markdown, Sink& sink) {
  if (data.find('\0') != std::string::npos) {
    sink.Error(source, LineOf(data, data.find('\0')), "binary file (contains NUL bytes)");
    return;
  }
  if (!IsValidUtf8(data)) {
    sink.Error(source, FirstInvalidUtf8Line(data), "invalid UTF-8");
    return;
  }
  std::string norm = NormalizeText(data);
  std::vector<std::string_view> lines = Lines(norm);
  Document doc;
  doc.source = source;
  doc.id = Stem(source);

  size_t i = 0;
  while (i < lines.size() && Trim(lines[i]).empty()) ++i;
  if (i < lines.size()) {
    std::string_view first = Trim(lines[i]);
    bool heading = markdown && StripHeading(first) != first;
    bool blank_next = i + 1 < lines.size() && Trim(lines[i + 1]).empty();
    bool has_body = false;
    for (size_t k = i + 1; k < lines.size() && !has_body; ++k) has_body = !Trim(lines[k]).empty();
    if (has_body && (heading || blank_next || LooksLikeTitle(first))) {
      doc.title = std::string(markdown ? StripHeading(first) : first);
      ++i;
      // Optional "Date: yyyy-mm-dd" and "URL: ..." lines right after the title.
      while (i < lines.size()) {
        std::string_view l = Trim(lines[i]);
        std::string lower = Lower(std::string(l.substr(0, 5)));
        if (l.empty()) {
          ++i;
        } else if (lower == "date:" && IsoDate(l.substr(5)) && doc.date.empty()) {
          doc.date = *IsoDate(l.substr(5));
          ++i;
        } else if (lower.substr(0, 4) == "url:" && doc.url.empty()) {
          doc.url = std::string(Trim(l.substr(4)));
          ++i;
        } else {
          break;
        }
      }
    }
  }
  for (; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    if (markdown) l = StripHeading(Trim(l));
    doc.text.append(l);
    doc.text += '\n';
  }
  doc.text = std::string(Trim(doc.text));
  if (doc.text.empty()) {
    sink.Error(source, 0, doc.title.empty() ? "empty document" : "no text after the title");
    return;
  }
  sink.on_document(doc);
}

// Reads a string field; returns false (and reports) when present with the
// wrong type. Null and absent leave `out` empty.
bool StringField(const JsonValue& obj, const char* key, std::string* out, std::string* error) {
  const JsonValue* v = obj.Find(key);
  if (!v || v->is_null()) return true;
  if (v->is_string()) {
    *out = v->as_string();
    return true;
  }
  *error =
      std::string("field \"") + key + "\" must be a string, not " + JsonValue::TypeName(v->type());
  return false;
}

// Parses one JSONL line into `doc`; returns an error message or "".
std::string ParseJsonlLine(std::string_view line, Document* doc) {
  size_t offset = 0;
  Result<JsonValue> parsed = ParseJson(line, {}, &offset);
  if (!parsed.ok()) return "invalid JSON at " + parsed.status().message();
  const JsonValue& obj = *parsed;
  if (!obj.is_object()) {
    return std::string("expected a JSON object, got ") + JsonValue::TypeName(obj.type());
  }
  std::string error;
  const JsonValue* id = obj.Find("id");
  if (id && id->is_number()) {
    double d = id->as_number();
    // Beyond 2^53 a double no longer holds every integer (and beyond 2^63 the
    // cast is undefined), so such an id could not be stored as written.
    constexpr double kMaxExact = 9007199254740992.0;  // 2^53
    if (!(d > -kMaxExact && d < kMaxExact)) {
      return "field \"id\" is a number too large to keep exactly; quote it";
    }
    if (d != static_cast<double>(static_cast<int64_t>(d))) return "field \"id\" must be a string";
    doc->id = std::to_string(static_cast<int64_t>(d));
  } else if (!StringField(obj, "id", &doc->id, &error)) {
    return error;
  }
  if (!StringField(obj, "title", &doc->title, &error) ||
      !StringField(obj, "url", &doc->url, &error) ||
      !StringField(obj, "text", &doc->text, &error)) {
    return error;
  }
  std::string date;
  if (!StringField(obj, "date", &date, &error)) return error;
  if (!Trim(date).empty()) {
    std::optional<std::string> iso = IsoDate(date);
    if (!iso) return "field \"date\" must be an ISO date (yyyy-mm-dd), not \"" + date + "\"";
    doc->date = *iso;
  }
  if (!obj.Find("text")) return "missing field \"text\"";
  doc->title = std::string(Trim(NormalizeText(doc->title)));
  doc->text = std::string(Trim(NormalizeText(doc->text)));
  if (doc->text.empty()) return "field \"text\" is empty";
  return "";
}

void ReadJsonl(const std::string& source, const std::string& data, Sink& sink) {
  if (data.find('\0') < kBinaryProbe) {
    sink.Error(source, LineOf(data, data.find('\0')), "binary file (contains NUL bytes)");
    return;
  }
  int line_no = 0;
  size_t start = 0;
  while (start < data.size()) {
    size_t nl = data.find('\n', start);
    if (nl == std::string::npos) nl = data.size();
    std::string_view line(data.data() + start, nl - start);
    start = nl + 1;
    ++line_no;
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // BOM
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) continue;
    Document doc;
    doc.source = source;
    doc.line = line_no;
    std::string error = ParseJsonlLine(line, &doc);
    if (!error.empty()) {
      sink.Error(source, line_no, error);
      continue;
    }
    if (doc.id.empty()) doc.id = Stem(source) + ":" + std::to_string(line_no);
    sink.on_document(doc);
  }
}

void ReadData(const std::string& source, std::string data, Format format, Sink& sink) {
  if (format == Format::kSniff) {
    size_t b = 0;
    if (data.compare(0, 3, "\xEF\xBB\xBF") == 0) b = 3;
    while (b < data.size() && std::isspace(static_cast<unsigned char>(data[b]))) ++b;
    format = b < data.size() && data[b] == '{' ? Format::kJsonl : Format::kText;
  }
  if (format == Format::kJsonl) {
    ReadJsonl(source, data, sink);
    return;
  }
  if (data.compare(0, 3, "\xEF\xBB\xBF") == 0) data.erase(0, 3);
  ReadText(source, std::move(data), format == Format::kMarkdown, sink);
}

void ReadFile(const fs::path& path, Format format, Sink& sink) {
  const std::string source = path.string();
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    sink.Error(source, 0, std::string("cannot read: ") + std::strerror(errno));
    return;
  }
  std::string data((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (f.bad()) {
    sink.Error(source, 0, std::string("read error: ") + std::strerror(errno));
    return;
  }
  ReadData(source, std::move(data), format, sink);
}

void ReadDirectory(const fs::path& dir, Sink& sink) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    sink.Error(dir.string(), 0, "cannot read directory: " + ec.message());
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      sink.Error(dir.string(), 0, "cannot read directory: " + ec.message());
      return;
    }
    std::error_code fec;
    if (it->is_regular_file(fec) && IsInputFile(it->path())) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) ReadFile(p, FormatOf(p), sink);
}

}  // namespace

std::string InputError::ToString() const {
  if (line > 0) return file + ":" + std::to_string(line) + ": " + message;
  return file + ": " + message;
}

Status ReadInputs(const std::vector<std::string>& paths,
                  const std::function<void(Document&)>& on_document,
                  const std::function<void(const InputError&)>& on_error) {
  Sink sink{on_document, on_error};
  for (const std::string& path : paths) {
    try {
      if (path == "-") {
        std::string data((std::istreambuf_iterator<char>(std::cin)),
                         std::istreambuf_iterator<char>());
        ReadData("-", std::move(data), Format::kSniff, sink);
        continue;
      }
      std::error_code ec;
      fs::file_status st = fs::status(path, ec);
      if (ec || !fs::exists(st)) {
        sink.Error(path, 0, "no such file or directory");
      } else if (fs::is_directory(st)) {
        ReadDirectory(path, sink);
      } else {
        ReadFile(path, FormatOf(path), sink);
      }
    } catch (const std::exception& e) {
      // Filesystem or allocation failures: report and go on with the rest.
      sink.Error(path, 0, e.what());
    }
  }
  if (sink.rejected > 0) {
    return Status::DataError(std::to_string(sink.rejected) +
                             (sink.rejected == 1 ? " input was" : " inputs were") + " rejected");
  }
  return Status::OK();
}

}  // namespace detente
