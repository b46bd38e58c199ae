// First version: sentences only; events come with the extractor issue.
#include "detente/extract.h"
#include "detente/text.h"

namespace detente {
namespace {

class SentenceOnlyExtractor : public Extractor {
 public:
  Result<Extraction> Extract(const Document& doc) const override {
    Extraction x;
    auto add = [&](const std::string& s, bool in_title) {
      for (const SentenceSpan& sp : SplitSentences(s)) {
        Sentence out;
        out.index = static_cast<int>(x.sentences.size());
        out.in_title = in_title;
        out.begin = sp.begin;
        out.end = sp.end;
        out.text = std::string(sp.text(s));
        x.sentences.push_back(std::move(out));
      }
    };
    add(doc.title, true);
    add(doc.text, false);
    return x;
  }
};

}  // namespace

Result<std::unique_ptr<Extractor>> Extractor::Create(const ExtractOptions&) {
  return std::unique_ptr<Extractor>(new SentenceOnlyExtractor());
}

std::string Extractor::Version() { return std::string("detente-") + DETENTE_VERSION + "/0"; }

}  // namespace detente
