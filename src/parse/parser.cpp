#include "detente/parse.h"

#include <link-grammar/link-includes.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace detente {
namespace {

struct DictDeleter {
  void operator()(Dictionary_s* d) const { dictionary_delete(d); }
};
struct OptsDeleter {
  void operator()(Parse_Options_s* o) const { parse_options_delete(o); }
};
struct SentDeleter {
  void operator()(Sentence_s* s) const { sentence_delete(s); }
};
struct LinkageDeleter {
  void operator()(Linkage_s* l) const { linkage_delete(l); }
};
using DictPtr = std::unique_ptr<Dictionary_s, DictDeleter>;
using OptsPtr = std::unique_ptr<Parse_Options_s, OptsDeleter>;
using SentPtr = std::unique_ptr<Sentence_s, SentDeleter>;
using LinkagePtr = std::unique_ptr<Linkage_s, LinkageDeleter>;

// The longest sentence handed to Link Grammar, in bytes.
constexpr size_t kMaxInputBytes = 8192;
// How many of the cheapest linkages are looked at for one not misread.
constexpr int kLinkagesTried = 10;

// The library must not print; Link Grammar's messages are dropped.
void SilentHandler(lg_errinfo*, void*) {}

// Link Grammar 5.12.0 keeps its error handler per thread (thread-local), so
// every thread that parses installs it; otherwise warnings such as
// "Combinatorial explosion!" go to stderr from worker threads.
void SilenceThisThread() {
  thread_local bool silenced = false;
  if (!silenced) {
    lg_error_set_handler(SilentHandler, nullptr);
    silenced = true;
  }
}

// Characters Link Grammar's tokenizer would split on inside one of our words.
std::string Sanitize(const std::string& w) {
  std::string out;
  out.reserve(w.size());
  for (char c : w) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= ' ') {
      out += '_';
    } else {
      out += c;
    }
  }
  return out.empty() ? std::string("_") : out;
}

// The subscript of a linkage word ("v-d" of "shot.v-d"), or "".
std::string_view Subscript(std::string_view w) {
  size_t dot = w.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : w.substr(dot + 1);
}

// Whether a linkage reads the word after a modal as a noun ("would
// hold.n further.v talks"): English puts a verb there, so such a linkage is
// a misreading however cheap.
bool NounAfterModal(Linkage_s* lk) {
  static constexpr std::string_view kModals[] = {"will",  "would", "could", "should", "may",
                                                 "might", "must",  "can",   "shall"};
  size_t nw = linkage_get_num_words(lk);
  for (size_t i = 0; i + 1 < nw; ++i) {
    std::string_view w = linkage_get_word(lk, i);
    w = w.substr(0, w.find('.'));
    if (std::find(std::begin(kModals), std::end(kModals), w) == std::end(kModals)) continue;
    if (Subscript(linkage_get_word(lk, i + 1)).substr(0, 1) == "n") return true;
  }
  return false;
}

// Whether a linkage reads a verb's particle as a verb of its own ("shot.v-d
// down.v 30 drones"): the verb and its particle are one act.
bool ParticleAsVerb(Linkage_s* lk) {
  static constexpr std::string_view kParticles[] = {"down", "up", "out", "off", "back"};
  size_t nw = linkage_get_num_words(lk);
  for (size_t i = 0; i + 1 < nw; ++i) {
    if (Subscript(linkage_get_word(lk, i)).substr(0, 1) != "v") continue;
    std::string_view next = linkage_get_word(lk, i + 1);
    if (Subscript(next).substr(0, 1) != "v") continue;
    next = next.substr(0, next.rfind('.'));
    if (std::find(std::begin(kParticles), std::end(kParticles), next) != std::end(kParticles))
      return true;
  }
  return false;
}

// Whether a linkage reads "are pressing.a Israel" as an adjective before an
// object: after a form of "be", an -ing word with a noun phrase after it is
// the progressive.
bool ProgressiveAsAdjective(Linkage_s* lk) {
  static constexpr std::string_view kBe[] = {"is", "are", "was", "were", "be", "been"};
  static constexpr std::string_view kDeterminers[] = {"the", "a", "an", "its", "their"};
  size_t nw = linkage_get_num_words(lk);
  for (size_t i = 0; i + 2 < nw; ++i) {
    std::string_view be = linkage_get_word(lk, i);
    be = be.substr(0, be.find('.'));
    if (std::find(std::begin(kBe), std::end(kBe), be) == std::end(kBe)) continue;
    std::string_view ing = linkage_get_word(lk, i + 1);
    if (Subscript(ing).substr(0, 1) != "a") continue;
    ing = ing.substr(0, ing.rfind('.'));
    if (ing.size() < 5 || ing.substr(ing.size() - 3) != "ing") continue;
    std::string_view next = linkage_get_word(lk, i + 2);
    next = next.substr(0, next.find('.'));
    bool noun_phrase = std::find(std::begin(kDeterminers), std::end(kDeterminers), next) !=
                           std::end(kDeterminers) ||
                       (!next.empty() && std::isupper(static_cast<unsigned char>(next[0])));
    if (noun_phrase) return true;
  }
  return false;
}

bool Misread(Linkage_s* lk) {
  return NounAfterModal(lk) || ParticleAsVerb(lk) || ProgressiveAsAdjective(lk);
}

// The cheapest of the first `n` linkages that is not plainly misread, else
// the cheapest.
LinkagePtr BestLinkage(Sentence_s* sent, Parse_Options_s* opts, int n) {
  LinkagePtr first(linkage_create(0, sent, opts));
  if (!first || !Misread(first.get())) return first;
  for (int i = 1; i < std::min(n, kLinkagesTried); ++i) {
    LinkagePtr lk(linkage_create(i, sent, opts));
    if (lk && !Misread(lk.get())) return lk;
  }
  return first;
}

}  // namespace

struct Parser::Impl {
  ParserOptions options;
  DictPtr dict;
};

Parser::Parser(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Parser::~Parser() = default;

Result<std::unique_ptr<Parser>> Parser::Create(const ParserOptions& options) {
  SilenceThisThread();
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->dict.reset(dictionary_create_lang("en"));
  if (!impl->dict) {
    return Status::IOError(
        "cannot load the Link Grammar English dictionary (install "
        "link-grammar-dictionaries-en)");
  }
  return std::unique_ptr<Parser>(new Parser(std::move(impl)));
}

Result<Parse> Parser::ParseWords(const std::vector<std::string>& words) const {
  // An empty sentence aborts Link Grammar 5.12.0 and > 254 words crash it.
  if (words.empty()) return Status::InvalidArgument("empty sentence");
  if (static_cast<int>(words.size()) > impl_->options.max_words) {
    return Status::InvalidArgument("sentence too long to parse");
  }
  SilenceThisThread();
  std::string input;
  std::vector<size_t> starts;  // byte start of each input word
  for (const std::string& w : words) {
    if (!input.empty()) input += ' ';
    starts.push_back(input.size());
    input += Sanitize(w);
  }
  // Link Grammar 5.12.0 corrupts its heap on a sentence of about 32 KB
  // (one long word or many); real sentences are far shorter.
  if (input.size() > kMaxInputBytes) {
    return Status::InvalidArgument("sentence too long to parse (" + std::to_string(input.size()) +
                                   " bytes)");
  }

  OptsPtr opts(parse_options_create());
  parse_options_set_verbosity(opts.get(), 0);
  parse_options_set_linkage_limit(opts.get(), impl_->options.linkage_limit);
  parse_options_set_short_length(opts.get(), impl_->options.short_length);
  parse_options_set_spell_guess(opts.get(), 0);
  parse_options_set_max_parse_time(opts.get(), impl_->options.max_parse_time_s);
  parse_options_set_islands_ok(opts.get(), false);
  parse_options_set_repeatable_rand(opts.get(), true);  // same input, same parse
  parse_options_set_min_null_count(opts.get(), 0);
  parse_options_set_max_null_count(opts.get(), 0);

  SentPtr sent(sentence_create(input.c_str(), impl_->dict.get()));
  if (!sent) return Status::Internal("sentence_create failed");
  if (sentence_split(sent.get(), opts.get()) < 0) {
    return Status::DataError("cannot tokenise sentence");
  }
  if (sentence_length(sent.get()) > 250) return Status::InvalidArgument("sentence too long");
  int n = sentence_parse(sent.get(), opts.get());
  if (n <= 0 && !parse_options_timer_expired(opts.get())) {
    // No complete linkage: allow a few unlinked words.
    parse_options_set_min_null_count(opts.get(), 1);
    parse_options_set_max_null_count(opts.get(), std::min<int>(words.size(), 6));
    n = sentence_parse(sent.get(), opts.get());
  }
  if (parse_options_timer_expired(opts.get()) && n <= 0) {
    return Status::Timeout("parse time limit reached");
  }
  if (n <= 0) return Status::NotFound("no linkage");

  LinkagePtr lk = BestLinkage(sent.get(), opts.get(), n);
  if (!lk) return Status::NotFound("no linkage");
  Parse out;
  out.null_count = sentence_null_count(sent.get());
  size_t nw = linkage_get_num_words(lk.get());
  out.words.resize(nw);
  for (size_t i = 0; i < nw; ++i) {
    out.words[i].text = linkage_get_word(lk.get(), i);
    size_t b = linkage_get_word_byte_start(lk.get(), i);
    size_t e = linkage_get_word_byte_end(lk.get(), i);
    if (e <= b) continue;  // walls
    // The input word whose span contains this word's start.
    auto it = std::upper_bound(starts.begin(), starts.end(), b);
    if (it != starts.begin()) out.words[i].token = static_cast<int>(it - starts.begin()) - 1;
  }
  size_t nl = linkage_get_num_links(lk.get());
  out.links.reserve(nl);
  for (size_t i = 0; i < nl; ++i) {
    out.links.push_back({static_cast<int>(linkage_get_link_lword(lk.get(), i)),
                         static_cast<int>(linkage_get_link_rword(lk.get(), i)),
                         linkage_get_link_label(lk.get(), i)});
  }
  return out;
}

}  // namespace detente
