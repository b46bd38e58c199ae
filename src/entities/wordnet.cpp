#include "entities/wordnet.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>

#include "entities/words.h"

namespace detente {

namespace {

// lexnames(5): the lexicographer files of WordNet 3.0 by number.
constexpr std::array<std::string_view, 45> kLexNames = {
    "adj.all",          "adj.pert",           "adv.all",
    "noun.Tops",        "noun.act",           "noun.animal",
    "noun.artifact",    "noun.attribute",     "noun.body",
    "noun.cognition",   "noun.communication", "noun.event",
    "noun.feeling",     "noun.food",          "noun.group",
    "noun.location",    "noun.motive",        "noun.object",
    "noun.person",      "noun.phenomenon",    "noun.plant",
    "noun.possession",  "noun.process",       "noun.quantity",
    "noun.relation",    "noun.shape",         "noun.state",
    "noun.substance",   "noun.time",          "verb.body",
    "verb.change",      "verb.cognition",     "verb.communication",
    "verb.competition", "verb.consumption",   "verb.contact",
    "verb.creation",    "verb.emotion",       "verb.motion",
    "verb.perception",  "verb.possession",    "verb.social",
    "verb.stative",     "verb.weather",       "adj.ppl"};

// Morphy's detachment rules, longest suffix first (morphy(7WN)).
struct Rule {
  std::string_view suffix, ending;
};
constexpr Rule kVerbRules[] = {{"ies", "y"}, {"es", "e"}, {"es", ""},   {"s", ""},
                               {"ed", "e"},  {"ed", ""},  {"ing", "e"}, {"ing", ""}};
constexpr Rule kNounRules[] = {{"ses", "s"},   {"xes", "x"},   {"zes", "z"}, {"ches", "ch"},
                               {"shes", "sh"}, {"men", "man"}, {"ies", "y"}, {"s", ""}};

// An open file descriptor, closed on destruction.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  Fd& operator=(Fd&& o) noexcept {
    std::swap(fd_, o.fd_);
    return *this;
  }
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_ = -1;
};

Result<Fd> OpenRegular(const std::string& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat st;
  if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return Status::IOError("cannot read " + path + " (install wordnet-base)");
  }
  return fd;
}

Result<std::string> ReadWhole(const std::string& path) {
  Result<Fd> fd = OpenRegular(path);
  if (!fd.ok()) return fd.status();
  std::string out;
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd->get(), buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IOError("cannot read " + path);
    if (n == 0) return out;
    out.append(buf, static_cast<size_t>(n));
  }
}

// Splits `s` on single spaces; empty fields are skipped.
std::vector<std::string_view> Fields(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

template <typename T>
bool ParseNum(std::string_view s, T* out, int base = 10) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out, base);
  return ec == std::errc() && p == s.data() + s.size();
}

// WordNet's spelling of a lemma: lower case, underscores for spaces.
std::string FileKey(std::string_view lemma) {
  std::string key = Lower(lemma);
  std::replace(key.begin(), key.end(), ' ', '_');
  return key;
}

std::string Readable(std::string_view word) {
  std::string w = Lower(word);
  std::replace(w.begin(), w.end(), '_', ' ');
  // Adjective markers such as "(p)" never occur in noun and verb files, but
  // a stray one must not become part of the lemma.
  if (size_t p = w.find('('); p != std::string::npos) w.resize(p);
  return w;
}

bool ParsePos(std::string_view s, WnPos* pos) {
  if (s == "n")
    *pos = WnPos::kNoun;
  else if (s == "v")
    *pos = WnPos::kVerb;
  else
    return false;
  return true;
}

}  // namespace

struct WordNet::PosFiles {
  std::string index;       // index.<pos>, whole
  size_t index_begin = 0;  // first byte after the licence header
  std::vector<std::pair<std::string, std::string>> exceptions;  // sorted
  Fd data;
  std::string data_path;
};

WordNet::WordNet() = default;
WordNet::~WordNet() = default;

namespace {

// Reads index.<name> (noting where its licence header ends) and <name>.exc.
Status LoadIndexAndExceptions(const std::string& dir, const std::string& name, std::string* index,
                              size_t* begin,
                              std::vector<std::pair<std::string, std::string>>* exc) {
  Result<std::string> idx = ReadWhole(dir + "/index." + name);
  if (!idx.ok()) return idx.status();
  *index = std::move(*idx);
  // The licence header lines start with two spaces.
  size_t b = 0;
  while (b < index->size() && (*index)[b] == ' ') {
    size_t nl = index->find('\n', b);
    b = nl == std::string::npos ? index->size() : nl + 1;
  }
  *begin = b;
  Result<std::string> ex = ReadWhole(dir + "/" + name + ".exc");
  if (!ex.ok()) return ex.status();
  for (std::string_view rest = *ex; !rest.empty();) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    std::vector<std::string_view> f = Fields(line);
    for (size_t i = 1; i < f.size(); ++i) exc->emplace_back(std::string(f[0]), std::string(f[i]));
  }
  // noun.exc is not quite in byte order; keep each word's bases in file order.
  std::stable_sort(exc->begin(), exc->end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  return Status::OK();
}

}  // namespace

Result<std::shared_ptr<const WordNet>> WordNet::Load(const std::string& dir) {
  std::shared_ptr<WordNet> wn(new WordNet());
  wn->noun_ = std::make_unique<PosFiles>();
  wn->verb_ = std::make_unique<PosFiles>();
  for (auto [files, name] : {std::pair{wn->noun_.get(), "noun"}, {wn->verb_.get(), "verb"}}) {
    DETENTE_RETURN_IF_ERROR(
        LoadIndexAndExceptions(dir, name, &files->index, &files->index_begin, &files->exceptions));
    files->data_path = dir + "/data." + name;
    Result<Fd> fd = OpenRegular(files->data_path);
    if (!fd.ok()) return fd.status();
    files->data = std::move(*fd);
  }
  return std::shared_ptr<const WordNet>(std::move(wn));
}

const WordNet::PosFiles& WordNet::files(WnPos pos) const {
  return pos == WnPos::kNoun ? *noun_ : *verb_;
}

std::string_view WordNet::IndexLine(std::string_view lemma, WnPos pos) const {
  const PosFiles& f = files(pos);
  std::string key = FileKey(lemma);
  std::string_view file = f.index;
  size_t lo = f.index_begin, hi = file.size();  // both at line starts
  while (lo < hi) {
    size_t start = lo + (hi - lo) / 2;
    while (start > lo && file[start - 1] != '\n') --start;
    size_t end = file.find('\n', start);
    if (end == std::string_view::npos) end = file.size();
    std::string_view line = file.substr(start, end - start);
    std::string_view head = line.substr(0, line.find(' '));
    int c = head.compare(key);
    if (c == 0) return line;
    if (c < 0)
      lo = end + 1;
    else
      hi = start;
  }
  return {};
}

bool WordNet::Contains(std::string_view lemma, WnPos pos) const {
  return !lemma.empty() && !IndexLine(lemma, pos).empty();
}

int WordNet::TaggedSenses(std::string_view lemma, WnPos pos) const {
  if (lemma.empty()) return 0;
  std::vector<std::string_view> f = Fields(IndexLine(lemma, pos));
  size_t p = 0, tagged = 0;
  if (f.size() < 4 || !ParseNum(f[3], &p) || f.size() < 4 + p + 2 || !ParseNum(f[4 + p + 1], &tagged))
    return 0;
  return static_cast<int>(tagged);
}

std::vector<SynsetId> WordNet::Senses(std::string_view lemma, WnPos pos) const {
  std::vector<SynsetId> out;
  if (lemma.empty()) return out;
  // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offsets...
  std::vector<std::string_view> f = Fields(IndexLine(lemma, pos));
  size_t n = 0, p = 0;
  if (f.size() < 4 || !ParseNum(f[2], &n) || !ParseNum(f[3], &p)) return out;
  size_t first = 4 + p + 2;
  if (f.size() < first + n) return out;
  for (size_t i = 0; i < n; ++i) {
    uint32_t off = 0;
    if (ParseNum(f[first + i], &off)) out.push_back({pos, off});
  }
  return out;
}

namespace {

// Parses one data.<pos> line (wndb(5)):
// offset lex_filenum ss_type w_cnt word lex_id ... p_cnt [ptr...] [frames] | gloss
std::optional<Synset> ParseDataLine(std::string_view line, SynsetId id) {
  size_t bar = line.find(" | ");
  std::vector<std::string_view> f = Fields(line.substr(0, bar));
  Synset s;
  s.id = id;
  uint32_t off = 0;
  size_t w_cnt = 0, p_cnt = 0;
  if (f.size() < 6 || !ParseNum(f[0], &off) || off != id.offset || !ParseNum(f[1], &s.lexfile) ||
      !ParseNum(f[3], &w_cnt, 16)) {
    return std::nullopt;
  }
  size_t i = 4;
  for (size_t w = 0; w < w_cnt; ++w, i += 2) {
    if (i + 1 >= f.size()) return std::nullopt;
    s.words.push_back(Readable(f[i]));
  }
  if (i >= f.size() || !ParseNum(f[i++], &p_cnt)) return std::nullopt;
  for (size_t k = 0; k < p_cnt; ++k, i += 4) {
    if (i + 3 >= f.size()) return std::nullopt;
    WnPointer p;
    uint32_t target = 0, st = 0;
    if (!ParseNum(f[i + 1], &target) || !ParseNum(f[i + 3], &st, 16)) return std::nullopt;
    if (!ParsePos(f[i + 2], &p.target.pos)) continue;  // adjectives, adverbs
    p.symbol = std::string(f[i]);
    p.target.offset = target;
    p.source_word = static_cast<int>(st >> 8);
    p.target_word = static_cast<int>(st & 0xff);
    s.pointers.push_back(std::move(p));
  }
  // Verbs end with their frames: "02 + 08 00 + 24 00".
  size_t f_cnt = 0;
  if (id.pos == WnPos::kVerb && i < f.size() && ParseNum(f[i++], &f_cnt)) {
    for (size_t k = 0; k < f_cnt && i + 2 < f.size(); ++k, i += 3) {
      uint32_t number = 0, word = 0;
      if (f[i] == "+" && ParseNum(f[i + 1], &number) && ParseNum(f[i + 2], &word, 16))
        s.frames.emplace_back(static_cast<int>(number), static_cast<int>(word));
    }
  }
  if (bar != std::string_view::npos) {
    std::string_view g = line.substr(bar + 3);
    while (!g.empty() && (g.back() == ' ' || g.back() == '\r')) g.remove_suffix(1);
    s.gloss = std::string(g);
  }
  return s;
}

}  // namespace

std::string WordNet::ReadLine(SynsetId id) const {
  const PosFiles& f = files(id.pos);
  std::string buf;
  size_t got = 0;
  for (size_t chunk = 512;; chunk *= 2) {  // most lines are shorter
    buf.resize(got + chunk);
    ssize_t n = ::pread(f.data.get(), buf.data() + got, chunk, static_cast<off_t>(id.offset + got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    size_t nl = buf.find('\n', got);
    got += static_cast<size_t>(n);
    if (nl != std::string::npos && nl < got) {
      got = nl;
      break;
    }
  }
  buf.resize(got);
  return buf;
}

std::optional<Synset> WordNet::Get(SynsetId id) const { return ParseDataLine(ReadLine(id), id); }

// Only the hypernyms of a synset, found by their pointer symbols ("@ ",
// "@i ") before the gloss, without building the Synset: walks up the
// hierarchy read synsets with hundreds of hyponym pointers.
std::vector<SynsetId> WordNet::HypernymIds(SynsetId id) const {
  std::string line = ReadLine(id);
  std::string_view head = std::string_view(line).substr(0, line.find(" | "));
  std::vector<SynsetId> out;
  for (size_t at = head.find(" @"); at != std::string_view::npos; at = head.find(" @", at + 2)) {
    std::string_view rest = head.substr(at + 1);
    size_t sym = rest.starts_with("@ ") ? 2 : rest.starts_with("@i ") ? 3 : 0;
    if (sym == 0 || rest.size() < sym + 10) continue;
    SynsetId h;
    if (ParseNum(rest.substr(sym, 8), &h.offset) && ParsePos(rest.substr(sym + 9, 1), &h.pos))
      out.push_back(h);
  }
  return out;
}

std::vector<SynsetId> Synset::Hypernyms() const {
  std::vector<SynsetId> out;
  for (const WnPointer& p : pointers)
    if (p.symbol == "@" || p.symbol == "@i") out.push_back(p.target);
  return out;
}

int Synset::WordIndex(std::string_view lemma) const {
  for (size_t i = 0; i < words.size(); ++i)
    if (words[i] == lemma) return static_cast<int>(i) + 1;
  return 0;
}

std::vector<WnWord> WordNet::Derivations(const Synset& synset, std::string_view word) const {
  std::vector<WnWord> out;
  int w = synset.WordIndex(word);
  if (w == 0) return out;
  for (const WnPointer& p : synset.pointers) {
    if (p.symbol != "+" || p.source_word != w) continue;
    std::optional<Synset> t = Get(p.target);
    if (!t || p.target_word < 1 || p.target_word > static_cast<int>(t->words.size())) continue;
    out.push_back({p.target, t->words[p.target_word - 1]});
  }
  return out;
}

std::vector<std::string> WordNet::Exceptions(std::string_view word, WnPos pos) const {
  const auto& exc = files(pos).exceptions;
  std::string key = FileKey(word);
  auto it = std::lower_bound(exc.begin(), exc.end(), key,
                             [](const auto& e, const std::string& k) { return e.first < k; });
  std::vector<std::string> out;
  for (; it != exc.end() && it->first == key; ++it) out.push_back(Readable(it->second));
  return out;
}

std::vector<std::string> WordNet::BaseForms(std::string_view word, WnPos pos) const {
  std::vector<std::string> out;
  auto add = [&](std::string w) {
    if (Contains(w, pos) && std::find(out.begin(), out.end(), w) == out.end())
      out.push_back(std::move(w));
  };
  std::string w = Readable(word);
  for (std::string& e : Exceptions(w, pos)) add(std::move(e));
  add(w);
  size_t sp = pos == WnPos::kVerb ? w.find(' ') : w.rfind(' ');
  if (sp != std::string::npos) {
    // A phrase: inflect its head word ("carried out", "air strikes").
    bool verb = pos == WnPos::kVerb;
    std::string head = verb ? w.substr(0, sp) : w.substr(sp + 1);
    std::string rest = verb ? w.substr(sp) : w.substr(0, sp + 1);
    for (const std::string& b : BaseForms(head, pos)) add(verb ? b + rest : rest + b);
    return out;
  }
  // Nouns in "ss" and very short words take no suffix rule (morph.c).
  if (pos == WnPos::kNoun && (w.size() <= 2 || w.ends_with("ss"))) return out;
  const Rule* rules = pos == WnPos::kVerb ? kVerbRules : kNounRules;
  size_t n = pos == WnPos::kVerb ? std::size(kVerbRules) : std::size(kNounRules);
  for (size_t i = 0; i < n; ++i) {
    std::string_view suf = rules[i].suffix;
    if (w.size() > suf.size() + 1 && w.ends_with(suf)) {
      add(w.substr(0, w.size() - suf.size()) + std::string(rules[i].ending));
    }
  }
  return out;
}

std::vector<SynsetId> WordNet::PathUp(SynsetId start, int max_depth,
                                      const std::function<bool(SynsetId)>& match) const {
  // Each node remembers its parent in `nodes`, so the path can be rebuilt.
  struct Node {
    SynsetId id;
    int parent;
  };
  std::vector<Node> nodes{{start, -1}};
  std::vector<uint64_t> seen{start.key()};
  size_t level_begin = 0;
  for (int depth = 0; depth <= max_depth && level_begin < nodes.size(); ++depth) {
    size_t level_end = nodes.size();
    for (size_t i = level_begin; i < level_end; ++i) {
      if (!match(nodes[i].id)) continue;
      std::vector<SynsetId> path;
      for (int k = static_cast<int>(i); k >= 0; k = nodes[k].parent) path.push_back(nodes[k].id);
      std::reverse(path.begin(), path.end());
      return path;
    }
    if (depth == max_depth) break;
    for (size_t i = level_begin; i < level_end; ++i) {
      for (SynsetId h : HypernymIds(nodes[i].id)) {
        if (std::find(seen.begin(), seen.end(), h.key()) != seen.end()) continue;
        seen.push_back(h.key());
        nodes.push_back({h, static_cast<int>(i)});
      }
    }
    level_begin = level_end;
  }
  return {};
}

std::string WordNet::SenseName(SynsetId id) const {
  std::optional<Synset> s = Get(id);
  if (!s || s->words.empty()) return "?";
  std::vector<SynsetId> senses = Senses(s->words[0], id.pos);
  size_t n = std::find(senses.begin(), senses.end(), id) - senses.begin() + 1;
  std::string name = s->words[0];
  std::replace(name.begin(), name.end(), ' ', '_');
  return name + "." + static_cast<char>(id.pos) + "." + std::to_string(n);
}

std::optional<SynsetId> WordNet::FindSense(std::string_view name) const {
  size_t dot2 = name.rfind('.');
  if (dot2 == std::string_view::npos || dot2 == 0) return std::nullopt;
  size_t dot1 = name.rfind('.', dot2 - 1);
  if (dot1 == std::string_view::npos || dot1 == 0) return std::nullopt;
  WnPos pos;
  size_t n = 0;
  if (!ParsePos(name.substr(dot1 + 1, dot2 - dot1 - 1), &pos) ||
      !ParseNum(name.substr(dot2 + 1), &n) || n == 0) {
    return std::nullopt;
  }
  std::string lemma(name.substr(0, dot1));
  std::replace(lemma.begin(), lemma.end(), '_', ' ');
  std::vector<SynsetId> senses = Senses(lemma, pos);
  if (n > senses.size()) return std::nullopt;
  return senses[n - 1];
}

std::string_view WordNet::LexName(int lexfile) {
  if (lexfile < 0 || lexfile >= static_cast<int>(kLexNames.size())) return {};
  return kLexNames[lexfile];
}

int WordNet::LexFile(std::string_view name) {
  for (size_t i = 0; i < kLexNames.size(); ++i)
    if (kLexNames[i] == name) return static_cast<int>(i);
  return -1;
}

}  // namespace detente
