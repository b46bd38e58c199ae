#ifndef DETENTE_PARSE_PARSER_WORD_H_
#define DETENTE_PARSE_PARSER_WORD_H_

#include <string>
#include <vector>

#include "detente/entities.h"

namespace detente {

// The one word Link Grammar sees for mention `m` over `tokens`: a name
// joined with "_" ("Abdel_Fattah_el-Sissi", capitalised so that it reads as
// a name), a pronoun as written, and a description ("the two leaders") as
// the pronoun that fits its place: "they"/"them", "he"/"him", "it", or
// "those"/"someone"/"something" before "who|that|which".
std::string ParserWord(const Mention& m, const std::vector<std::string>& tokens);

}  // namespace detente

#endif  // DETENTE_PARSE_PARSER_WORD_H_
