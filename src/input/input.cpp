#include "detente/input.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "detente/text.h"
#include "util/calendar.h"
#include "detente/escape.h"
#include "detente/json.h"

namespace detente {
namespace fs = std::filesystem;
namespace {

// Files with NUL bytes in their first kBinaryProbe bytes are binary (as git
// decides); a NUL further on is caught per line or per file below.
constexpr size_t kBinaryProbe = 8000;
// A first line with at most this many words and no final punctuation is a title.
constexpr int kMaxTitleWords = 20;
// Integer JSONL ids are exact below 2^53 (a double's mantissa): 2^53 + 1
// already reads as 2^53.
constexpr double kIdLimit = 9007199254740992.0;

std::string TooLarge(uintmax_t bytes) {
  return "document too large (" + std::to_string(bytes) + " bytes; at most " +
         std::to_string(kMaxDocumentBytes) + ")";
}

enum class Format { kText, kMarkdown, kJsonl, kSniff };

struct Sink {
  const std::function<void(Document&)>& on_document;
  const std::function<void(const InputError&)>& on_error;
  const InputOptions& options;
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

// "yyyy-mm-dd" naming a day that exists (years 0001-9999), optionally
// followed by a time ("2024-06-10T08:00:00Z"); returns the date part or
// nullopt.
std::optional<std::string> IsoDate(std::string_view s) {
  s = Trim(s);
  if (s.size() < 10) return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
  int y, m, d;
  if (!ParseCalendarDate(s.substr(0, 10), &y, &m, &d)) return std::nullopt;
  return std::string(s.substr(0, 10));
}

// The document id of a whole file: its name without the extension, control
// characters escaped (a file name may hold ESC or a newline).
std::string Stem(const std::string& source) {
  if (source == "-") return "stdin";
  std::string stem = fs::path(source).stem().string();
  return FirstControl(stem) ? EscapeControls(stem) : stem;
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
  if (data.size() > kMaxDocumentBytes) {
    sink.Error(source, 0, TooLarge(data.size()));
    return;
  }
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
        } else if (lower == "date:" && doc.date.empty()) {
          // A date that does not exist (2024-02-30) is left out, and so is
          // its line: it is a header, not a sentence.
          doc.date = IsoDate(l.substr(5)).value_or("");
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
    // Range first: casting a double beyond int64 is undefined behaviour.
    if (std::fabs(d) >= kIdLimit || d != std::trunc(d)) {
      return "field \"id\" must be a string or an integer below 2^53";
    }
    doc->id = std::to_string(static_cast<int64_t>(d));
  } else if (!StringField(obj, "id", &doc->id, &error)) {
    return error;
  }
  if (!StringField(obj, "title", &doc->title, &error) ||
      !StringField(obj, "url", &doc->url, &error) ||
      !StringField(obj, "text", &doc->text, &error)) {
    return error;
  }
  // An id or URL is printed and used as is: no control character in them.
  for (const auto& [key, value] :
       {std::pair<const char*, const std::string*>{"id", &doc->id}, {"url", &doc->url}}) {
    if (auto c = FirstControl(*value)) {
      return fmt::format("field \"{}\" holds a control character (U+{:04X})", key,
                         static_cast<uint32_t>(*c));
    }
  }
  std::string date;
  if (!StringField(obj, "date", &date, &error)) return error;
  if (!Trim(date).empty()) {
    std::optional<std::string> iso = IsoDate(date);
    if (!iso) {
      // A date that does not exist (2023-02-29) is not one either.
      return "field \"date\" must be an ISO date (yyyy-mm-dd), not \"" + EscapeControls(date) +
             "\"";
    }
    doc->date = *iso;
  }
  if (!obj.Find("text")) return "missing field \"text\"";
  doc->title = std::string(Trim(NormalizeText(doc->title)));
  doc->text = std::string(Trim(NormalizeText(doc->text)));
  if (doc->text.empty()) return "field \"text\" is empty";
  return "";
}

// A file, a device or stdin, read in chunks. Stdin, pipes, FIFOs and devices
// stop after `limit` bytes in all; a regular file ends by itself.
class Source {
 public:
  static constexpr size_t kChunk = 1 << 16;

  Source(std::string name, int fd, bool owned, uint64_t limit)
      : name_(std::move(name)), fd_(fd), owned_(owned) {
    struct stat st {};
    if (::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode)) {
      regular_ = true;
      size_ = static_cast<uint64_t>(st.st_size);
    } else {
      limit_ = limit;
    }
  }
  ~Source() {
    if (owned_) ::close(fd_);
  }
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  const std::string& name() const { return name_; }
  bool regular() const { return regular_; }
  uint64_t size() const { return size_; }  // regular files only
  uint64_t total() const { return total_; }
  bool capped() const { return capped_; }
  // Why the last Read stopped early ("" when it did not).
  const std::string& error() const { return error_; }

  // Appends up to kChunk bytes to `out`. False at the end, on a read error
  // (error()) or at the stream limit (capped()).
  bool Read(std::string& out) {
    if (done_) return false;
    size_t want = kChunk;
    if (!regular_) {
      if (total_ >= limit_) {
        // At the limit: capped only if there is more (one byte tells).
        char probe;
        ssize_t more;
        do {
          more = ::read(fd_, &probe, 1);
        } while (more < 0 && errno == EINTR);
        capped_ = more > 0;
        done_ = true;
        return false;
      }
      want = static_cast<size_t>(std::min<uint64_t>(want, limit_ - total_));
    }
    const size_t at = out.size();
    out.resize(at + want);
    ssize_t n;
    do {
      n = ::read(fd_, out.data() + at, want);
    } while (n < 0 && errno == EINTR);
    out.resize(at + (n > 0 ? static_cast<size_t>(n) : 0));
    if (n < 0) error_ = std::string("read error: ") + std::strerror(errno);
    if (n <= 0) {
      done_ = true;
      return false;
    }
    total_ += static_cast<uint64_t>(n);
    return true;
  }

 private:
  std::string name_;
  int fd_;
  bool owned_;
  bool regular_ = false;
  uint64_t size_ = 0;
  uint64_t limit_ = UINT64_MAX;
  uint64_t total_ = 0;
  bool capped_ = false;
  bool done_ = false;
  std::string error_;
};

// Why `src` stopped, when it did not simply end.
std::optional<std::string> StopReason(const Source& src) {
  if (!src.error().empty()) return src.error();
  if (src.capped()) {
    return fmt::format(
        "stopped after reading {} bytes, the most read from stdin, a pipe or a "
        "device",
        src.total());
  }
  return std::nullopt;
}

// The number of line ends (LF, CRLF or a lone CR) in `s`.
int LineEnds(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'))) ++n;
  }
  return n;
}

// The lines of a source, one at a time, in memory bounded by `max_line`:
// a longer line is measured but not kept.
class LineReader {
 public:
  LineReader(Source& src, std::string prefix, size_t max_line)
      : src_(src), buf_(std::move(prefix)), max_(max_line) {}

  // The next line without its end (LF, CRLF or a lone CR). `*length` is its
  // size; when it is over max_line, `*line` is empty. False at the end. A
  // last line cut by the stream limit is not returned.
  bool Next(std::string_view* line, size_t* length) {
    size_t skipped = 0;  // bytes of this line already dropped
    for (;;) {
      const size_t end = FindLineEnd(scan_);
      if (end != std::string::npos) {
        // A CR last in the buffer may be the first half of a CRLF.
        if (buf_[end] == '\r' && end + 1 == buf_.size() && !eof_) {
          scan_ = end;
          if (!More()) eof_ = true;
          continue;
        }
        const bool crlf = buf_[end] == '\r' && end + 1 < buf_.size() && buf_[end + 1] == '\n';
        Take(pos_, end, skipped, line, length);
        pos_ = scan_ = end + (crlf ? 2 : 1);
        return true;
      }
      scan_ = buf_.size();
      if (buf_.size() - pos_ > max_) {  // too long to keep: count and drop
        skipped += buf_.size() - pos_;
        buf_.clear();
        pos_ = scan_ = 0;
      }
      if (eof_ || !More()) {
        eof_ = true;
        if ((pos_ == buf_.size() && skipped == 0) || src_.capped()) return false;
        Take(pos_, buf_.size(), skipped, line, length);
        pos_ = scan_ = buf_.size();
        return true;
      }
    }
  }

 private:
  // Reads one more chunk, first dropping the lines already returned.
  bool More() {
    if (pos_ > 0) {
      buf_.erase(0, pos_);
      scan_ -= pos_;
      pos_ = 0;
    }
    return src_.Read(buf_);
  }

  // The first CR or LF at or after `from` (two memchr: a giant line is
  // scanned at memory speed), or npos.
  size_t FindLineEnd(size_t from) const {
    if (from >= buf_.size()) return std::string::npos;
    const char* p = buf_.data() + from;
    const size_t n = buf_.size() - from;
    const void* lf = std::memchr(p, '\n', n);
    const size_t until = lf ? static_cast<size_t>(static_cast<const char*>(lf) - p) : n;
    const void* cr = std::memchr(p, '\r', until);
    if (cr) return from + static_cast<size_t>(static_cast<const char*>(cr) - p);
    return lf ? from + until : std::string::npos;
  }

  // The line buf_[from, to), after `skipped` bytes already dropped.
  void Take(size_t from, size_t to, size_t skipped, std::string_view* line, size_t* length) {
    *length = skipped + (to - from);
    *line = skipped > 0 || *length > max_ ? std::string_view()
                                          : std::string_view(buf_).substr(from, to - from);
  }

  Source& src_;
  std::string buf_;
  bool eof_ = false;
  size_t pos_ = 0;   // start of the next line in buf_
  size_t scan_ = 0;  // buf_ holds no line end in [pos_, scan_)
  size_t max_;
};

void ReadJsonl(Source& src, std::string prefix, Sink& sink) {
  const std::string& source = src.name();
  // A NUL among the first bytes: a binary file, not a damaged line.
  while (prefix.size() < kBinaryProbe && src.Read(prefix)) {
  }
  if (size_t nul = prefix.find('\0'); nul < kBinaryProbe) {
    sink.Error(source, 1 + LineEnds(std::string_view(prefix).substr(0, nul)),
               "binary file (contains NUL bytes)");
    return;
  }
  LineReader lines(src, std::move(prefix), kMaxDocumentBytes);
  int line_no = 0;
  std::string_view line;
  size_t length = 0;
  const int first = sink.options.first_line, last = sink.options.last_line;
  while (lines.Next(&line, &length)) {
    ++line_no;
    if (line_no < first) continue;
    if (last > 0 && line_no > last) return;
    if (length > kMaxDocumentBytes) {
      sink.Error(source, line_no, TooLarge(length));
      continue;
    }
    if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // a BOM, on any line
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
  if (auto why = StopReason(src)) sink.Error(source, 0, *why);
}

// Reads a whole text document, at most kMaxDocumentBytes, stopping at the
// first NUL byte (a binary file).
void ReadTextSource(Source& src, std::string data, bool markdown, Sink& sink) {
  const std::string& source = src.name();
  if (src.regular() && src.size() > kMaxDocumentBytes) {
    sink.Error(source, 0, TooLarge(src.size()));  // before reading it
    return;
  }
  size_t checked = 0;
  for (;;) {
    if (size_t nul = data.find('\0', checked); nul != std::string::npos) {
      sink.Error(source, LineOf(data, nul), "binary file (contains NUL bytes)");
      return;
    }
    checked = data.size();
    if (data.size() > kMaxDocumentBytes) {
      sink.Error(source, 0,
                 src.regular()
                     ? TooLarge(data.size())
                     : fmt::format("document too large (more than {} bytes)", kMaxDocumentBytes));
      return;
    }
    if (!src.Read(data)) break;
  }
  if (auto why = StopReason(src)) {
    sink.Error(source, 0, *why);
    return;
  }
  if (data.compare(0, 3, "\xEF\xBB\xBF") == 0) data.erase(0, 3);
  ReadText(source, std::move(data), markdown, sink);
}

void ReadSource(Source& src, Format format, Sink& sink) {
  std::string head;
  if (format == Format::kSniff) {
    // JSONL when the first byte that is not blank (after a BOM) is '{'.
    size_t b = 0;
    for (;;) {
      if (b == 0 && head.compare(0, 3, "\xEF\xBB\xBF") == 0) b = 3;
      while (b < head.size() && std::isspace(static_cast<unsigned char>(head[b]))) ++b;
      if (b < head.size() || head.size() > kMaxDocumentBytes || !src.Read(head)) break;
    }
    format = b < head.size() && head[b] == '{' ? Format::kJsonl : Format::kText;
  }
  if (format == Format::kJsonl) {
    ReadJsonl(src, std::move(head), sink);
  } else {
    ReadTextSource(src, std::move(head), format == Format::kMarkdown, sink);
  }
}

void ReadFile(const fs::path& path, Format format, Sink& sink, const InputOptions& options) {
  const std::string source = path.string();
  // A text file is one document: refuse a huge one before opening it.
  std::error_code size_ec;
  uintmax_t size = fs::file_size(path, size_ec);
  if (!size_ec && size > kMaxDocumentBytes &&
      (format == Format::kText || format == Format::kMarkdown)) {
    sink.Error(source, 0, TooLarge(size));
    return;
  }
  int fd;
  do {
    fd = ::open(source.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    sink.Error(source, 0, std::string("cannot read: ") + std::strerror(errno));
    return;
  }
  Source src(source, fd, /*owned=*/true, options.max_stream_bytes);
  ReadSource(src, format, sink);
}

// Why `path` cannot be read, when fs::status failed on it.
std::string StatusError(const std::error_code& ec) {
  if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory) {
    return "no such file or directory";
  }
  return "cannot read: " + ec.message();
}

void ReadDirectory(const fs::path& dir, Sink& sink, const InputOptions& options) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    sink.Error(dir.string(), 0, "cannot read directory: " + ec.message());
    return;
  }
  std::vector<std::pair<fs::path, std::string>> broken;  // links to nowhere, loops
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      sink.Error(dir.string(), 0, "cannot read directory: " + ec.message());
      return;
    }
    if (!IsInputFile(it->path())) continue;
    std::error_code fec;
    if (it->is_regular_file(fec)) {
      files.push_back(it->path());
    } else if (fec) {
      broken.emplace_back(it->path(), StatusError(fec));
    }
  }
  std::sort(files.begin(), files.end());
  std::sort(broken.begin(), broken.end());
  for (const auto& [path, why] : broken) sink.Error(path.string(), 0, why);
  for (const fs::path& p : files) ReadFile(p, FormatOf(p), sink, options);
}

}  // namespace

std::string InputError::ToString() const {
  if (line > 0) return file + ":" + std::to_string(line) + ": " + message;
  return file + ": " + message;
}

Status ReadInputs(const std::vector<std::string>& paths,
                  const std::function<void(Document&)>& on_document,
                  const std::function<void(const InputError&)>& on_error,
                  const InputOptions& options) {
  Sink sink{on_document, on_error, options};
  for (const std::string& path : paths) {
    try {
      if (path == "-") {
        Source src("-", STDIN_FILENO, /*owned=*/false, options.max_stream_bytes);
        ReadSource(src, Format::kSniff, sink);
        continue;
      }
      std::error_code ec;
      fs::file_status st = fs::status(path, ec);
      if (ec || !fs::exists(st)) {
        sink.Error(path, 0, ec ? StatusError(ec) : "no such file or directory");
      } else if (fs::is_directory(st)) {
        ReadDirectory(path, sink, options);
      } else {
        ReadFile(path, FormatOf(path), sink, options);
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
