// libFuzzer target: NormalizeText, SplitSentences and Tokenize on any bytes,
// checking the contracts in include/detente/text.h.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "detente/text.h"

namespace {

// A contract the header promises; abort() so that libFuzzer keeps the input.
void Check(bool ok) {
  if (!ok) std::abort();
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

void CheckSentences(std::string_view text) {
  size_t prev_end = 0;
  for (const detente::SentenceSpan& sp : detente::SplitSentences(text)) {
    Check(sp.begin < sp.end && sp.end <= text.size());  // in bounds, never empty
    Check(sp.begin >= prev_end);                          // in order, no overlap
    Check(!IsSpaceByte(text[sp.begin]) && !IsSpaceByte(text[sp.end - 1]));
    prev_end = sp.end;
    std::string_view sentence = sp.text(text);
    size_t prev = 0;
    for (const detente::Token& t : detente::Tokenize(sentence)) {
      Check(!t.text.empty() && t.begin < t.end && t.end <= sentence.size());
      Check(t.begin >= prev);
      Check(sentence.substr(t.begin, t.end - t.begin) == t.text);
      prev = t.end;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  // "Any byte string is accepted": the raw bytes too, not only normalised text.
  CheckSentences(raw);
  std::string norm = detente::NormalizeText(raw);
  Check(detente::IsValidUtf8(norm));
  CheckSentences(norm);
  return 0;
}
