#include "parse/clauses.h"

#include <cctype>
#include <set>

#include "entities/words.h"

namespace detente {
namespace {

// Cuts `piece` (indices into `words`; -1 is an added ".") where a clause
// plainly ends; each piece may be cut again.
std::vector<std::vector<int>> Split(std::vector<int> piece, const std::vector<std::string>& words,
                                    const std::vector<bool>& is_name, int min_words) {
  const int n = static_cast<int>(piece.size());
  if (n < min_words) return {std::move(piece)};
  static const std::string kStop = ".";
  auto word = [&](int k) -> const std::string& { return piece[k] < 0 ? kStop : words[piece[k]]; };
  auto lower = [&](int k) { return k < n ? Lower(word(k)) : std::string(); };
  auto mention = [&](int k) { return piece[k] >= 0 && is_name[piece[k]]; };
  auto range = [&](int from, int to, bool stop) {
    std::vector<int> out(piece.begin() + from, piece.begin() + to);
    if (stop) out.push_back(-1);
    return out;
  };
  // Each piece may split again.
  auto then = [&](std::vector<int> first, std::vector<int> rest) {
    std::vector<std::vector<int>> out = Split(std::move(first), words, is_name, min_words);
    for (auto& p : Split(std::move(rest), words, is_name, min_words)) out.push_back(std::move(p));
    return out;
  };
  // "X, who|which VERB ..., ...": the clause on its own with X as subject
  // ("X was greeted by Y ."), then the rest without it. X is a name or "the
  // NOUN"; "which Putin signed" (X the object) stays whole.
  static const std::set<std::string> kNotSubjectRelative = {
      "the", "a", "an", "he", "she", "it", "they", "we", "his", "her", "its", "their", "this",
      "these", "those"};
  static const std::set<std::string> kDeterminers = {"the", "a", "an", "this", "these"};
  for (int k = 1; k + 2 < n; ++k) {
    std::string next = lower(k + 1);
    if (word(k) != "," || (next != "who" && next != "which")) continue;
    if (mention(k + 2) || kNotSubjectRelative.count(lower(k + 2))) continue;
    int subject = -1;  // first word of X
    if (mention(k - 1)) {
      subject = k - 1;
    } else if (k >= 2 && kDeterminers.count(lower(k - 2)) && !mention(k - 2) &&
               std::islower(static_cast<unsigned char>(word(k - 1)[0]))) {
      subject = k - 2;
    }
    if (subject < 0) continue;
    int close = k + 2;
    while (close < n && word(close) != "," && word(close) != ";") ++close;
    // Three words or more in the clause, and a sentence after it.
    if (close - (k + 2) < 3 || close + 3 >= n || word(close) != ",") continue;
    std::vector<int> clause = range(subject, k, false);
    for (int i = k + 2; i < close; ++i) clause.push_back(piece[i]);
    clause.push_back(-1);
    std::vector<int> rest = range(0, k, false);
    for (int i = close + 1; i < n; ++i) rest.push_back(piece[i]);
    return then(std::move(clause), std::move(rest));
  }
  // Two clauses joined by ";" or ", and|but|while|whereas|although|though",
  // with 8 words on either side; the conjunction after a comma stays unlinked.
  for (int k = 8; k + 7 < n; ++k) {
    std::string next = lower(k + 1);
    if (word(k) == ";" ||
        (word(k) == "," && (next == "and" || next == "but" || next == "while" ||
                            next == "whereas" || next == "although" || next == "though"))) {
      return then(range(0, k, true), range(k + (word(k) == "," ? 2 : 1), n, false));
    }
  }
  // "X said (that) CLAUSE" and "..., saying CLAUSE": "X said ." and the
  // clause, where a clause plainly starts: "that", a name, a pronoun or a
  // determiner. Speech is not an event; what was said may hold some.
  static const std::set<std::string> kClauseStarts = {"that", "he",  "she", "it",  "they",
                                                      "we",   "the", "a",   "an",  "his",
                                                      "her",  "its", "their"};
  for (int k = 1; k + 5 < n; ++k) {
    std::string w = lower(k);
    bool said = w == "said" || w == "says";
    bool saying = (w == "saying" || w == "adding") && word(k - 1) == ",";
    if (!said && !saying) continue;
    int next = k + 1;
    if (!mention(next) && !kClauseStarts.count(lower(next))) continue;
    std::vector<int> first = said ? range(0, k + 1, true) : range(0, k - 1, true);
    return then(std::move(first), range(lower(next) == "that" ? next + 1 : next, n, false));
  }
  return {std::move(piece)};
}

}  // namespace

std::vector<std::vector<int>> SplitClauses(const std::vector<std::string>& words,
                                           const std::vector<bool>& is_name,
                                           int split_min_words) {
  std::vector<int> all(words.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  return Split(std::move(all), words, is_name, split_min_words);
}

PiecesParse ParseInPieces(const Parser& parser, const std::vector<std::string>& words,
                          const std::vector<bool>& is_name, int split_min_words) {
  std::vector<std::vector<int>> pieces = SplitClauses(words, is_name, split_min_words);
  PiecesParse result;
  result.pieces = static_cast<int>(pieces.size());
  Parse out;
  for (const std::vector<int>& piece : pieces) {
    std::vector<std::string> piece_words;
    for (int i : piece) piece_words.push_back(i < 0 ? "." : words[i]);
    Result<Parse> p = parser.ParseWords(piece_words);
    if (!p.ok()) {
      ++result.failed;
      if (p.status().code() == Status::Code::kTimeout) result.timed_out = true;
      continue;
    }
    const int offset = static_cast<int>(out.words.size());
    for (ParseWord w : p.value().words) {
      if (w.token >= 0) w.token = piece[w.token];
      out.words.push_back(std::move(w));
    }
    for (ParseLink l : p.value().links) {
      l.left += offset;
      l.right += offset;
      out.links.push_back(std::move(l));
    }
    out.null_count += p.value().null_count;
  }
  if (result.failed < result.pieces) result.parse = std::move(out);
  return result;
}

}  // namespace detente
