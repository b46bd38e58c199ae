// libFuzzer target: the whole extractor (sentences, entities, Link Grammar
// parse, events) on one document made from the input, checking the contracts
// in include/detente/extract.h.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "detente/extract.h"
#include "detente/text.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

const detente::Extractor& TheExtractor() {
  static const std::unique_ptr<detente::Extractor> x = [] {
    auto r = detente::Extractor::Create({});
    if (!r.ok()) std::abort();
    return std::move(r.value());
  }();
  return *x;
}

}  // namespace

// Loading the gazetteers and dictionaries takes seconds: do it before the
// per-input timeout starts counting.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  TheExtractor();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Inputs past a few sentences only slow the parser down.
  if (size > 2048) return 0;
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  // Documents reach the extractor as the readers make them: normalised UTF-8.
  // The first line is the title.
  detente::Document doc;
  doc.id = "fuzz";
  size_t nl = raw.find('\n');
  if (nl != std::string_view::npos) {
    doc.title = detente::NormalizeText(raw.substr(0, nl));
    doc.text = detente::NormalizeText(raw.substr(nl + 1));
  } else {
    doc.text = detente::NormalizeText(raw);
  }
  doc.date = "2024-06-10";

  detente::Result<detente::Extraction> r = TheExtractor().Extract(doc);
  Check(r.ok());
  const detente::Extraction& x = *r;
  for (size_t i = 0; i < x.sentences.size(); ++i) {
    const detente::Sentence& s = x.sentences[i];
    Check(s.index == static_cast<int>(i));
    const std::string& from = s.in_title ? doc.title : doc.text;
    Check(s.begin < s.end && s.end <= from.size());
    Check(from.compare(s.begin, s.end - s.begin, s.text) == 0);
  }
  for (const detente::Event& e : x.events) {
    Check(e.sentence >= 0 && e.sentence < static_cast<int>(x.sentences.size()));
    Check(!e.actor.empty() && !e.action.empty());
    Check(e.modality == "asserted" || e.modality == "future" || e.modality == "possible");
    Check(e.confidence >= 0.0 && e.confidence <= 1.0);
  }
  return 0;
}
