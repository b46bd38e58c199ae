// Making untrusted text safe to show on a terminal (detente_util; the CLI
// prints every name and sentence through it). Pure functions; thread-safe.
#ifndef DETENTE_ESCAPE_H_
#define DETENTE_ESCAPE_H_

#include <optional>
#include <string>
#include <string_view>

namespace detente {

// `s` as one printable line: C0 controls and DEL as \n, \r, \t or \xNN; C1
// controls, bidirectional marks and overrides, and line and paragraph
// separators as \uNNNN; bytes that are not well-formed UTF-8 as \xNN. All
// other text is kept as it is (a backslash too).
std::string EscapeControls(std::string_view s);

// The first control character of `s` (C0, DEL or C1; tab and newline
// included), as a code point, or nullopt when there is none. Invalid UTF-8 is
// not looked at.
std::optional<char32_t> FirstControl(std::string_view s);

}  // namespace detente

#endif  // DETENTE_ESCAPE_H_
