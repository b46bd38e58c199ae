// Documents and the readers that turn input paths into them.
//
// A path is one of:
// - a .txt or .md file. Its first non-blank line is the title when a body
//   follows and the line is followed by a blank line, is a markdown heading
//   ("# ..."), or is short (at most 20 words) and does not end in . ! ? , ; :
//   Right after the title, optional "Date: yyyy-mm-dd" and "URL: ..." lines
//   fill Document::date and ::url. In .md files the '#'s of headings are
//   stripped.
// - a .jsonl file: one {"id","title","date","url","text"} object per line.
//   Lines end with LF, CRLF or a lone CR; a byte order mark at the start of
//   any line is dropped. "text" is required; the others may be absent or
//   null; "id" may be an integer; "date" must be a real calendar date
//   yyyy-mm-dd, years 0001-9999 (a trailing time is dropped); "id" and "url"
//   must hold no control character; other keys are ignored. Blank lines are
//   skipped.
// - a directory, read recursively in sorted order (.txt, .md, .jsonl only);
// - "-" for stdin, or a file with another extension: JSONL when the first
//   non-blank byte is '{', else plain text.
//
// Rejected, reported and skipped: unreadable or missing files (a symbolic
// link loop is reported as such), binary files (NUL bytes), invalid UTF-8
// (reported at its line), empty documents, documents larger than
// kMaxDocumentBytes (a text file, or one JSONL line), and JSONL lines that are
// not a JSON object or whose fields have the wrong type (reported at their
// line; the other lines are still read).
//
// Memory stays bounded whatever a path holds: every read is capped while it
// reads, never after. A text document stops at kMaxDocumentBytes, a JSONL
// file is read line by line (a longer line is skipped, not kept), and stdin,
// pipes, FIFOs and devices stop after InputOptions::max_stream_bytes in all
// (/dev/zero and /dev/urandom are binary at once).
//
// Thread safety: ReadInputs is reentrant; it shares no state between calls
// (but "-" reads the process's stdin).
#ifndef DETENTE_INPUT_H_
#define DETENTE_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "detente/status.h"

namespace detente {

// The largest document read: a .txt/.md file (or stdin's text) or one JSONL
// line. News articles are a few KB; a bigger input is almost surely not an
// article, and extracting it would take hours.
constexpr size_t kMaxDocumentBytes = 4 << 20;  // 4 MiB

struct InputOptions {
  // The most bytes read from stdin, a pipe, a FIFO or a device, in all: a
  // regular file ends, these may not. Default: 1 GiB.
  uint64_t max_stream_bytes = uint64_t{1} << 30;
  // JSONL inputs: only lines first_line..last_line (1-based, both included;
  // last_line 0: to the end) are read as documents; the others are skipped
  // without being parsed or reported, and line numbers stay the file's. For
  // the partitions of one big file (scripts/cluster_ingest.py). Text files
  // are not affected. Default: 1 and 0, every line.
  int first_line = 1;
  int last_line = 0;
};

struct Document {
  std::string source;  // the file path, or "-" for stdin
  int line = 0;        // 1-based line in a JSONL file; 0 for whole files
  std::string id;      // JSONL "id"; else the file name without extension
                       // ("stdin" for "-"; control characters in it escaped
                       // as \xNN), plus ":<line>" for a JSONL line
  std::string title;   // may be empty
  std::string date;    // ISO yyyy-mm-dd publication date, or empty
  std::string url;     // may be empty
  std::string text;    // the body; valid UTF-8, NFC-normalised where cheap
  // The SHA-256 (hex) of title and text as the store computes it, for a
  // document read back from a store (detente/merge.h), whose text is not
  // kept; empty: the store hashes title and text. Readers leave it empty.
  std::string sha256;
};

// One rejected input: a file that could not be read or a line that is not a
// valid document. `line` is 0 when the whole file is at fault.
struct InputError {
  std::string file;
  int line = 0;
  std::string message;
  // "file:line: message" (or "file: message").
  std::string ToString() const;
};

// Reads every document under `paths`, in order, calling `on_document` for each
// valid one and `on_error` for each rejected file or line; a rejected input
// never stops the others. Returns OK when every input was read, otherwise a
// kDataError summarising how many were rejected (the documents are still
// delivered). Callbacks run on the calling thread; `on_document` may move
// from its argument.
Status ReadInputs(const std::vector<std::string>& paths,
                  const std::function<void(Document&)>& on_document,
                  const std::function<void(const InputError&)>& on_error,
                  const InputOptions& options = {});

}  // namespace detente

#endif  // DETENTE_INPUT_H_
