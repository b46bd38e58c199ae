// Small word lists shared by the entity recognizer and the extractor.
#ifndef DETENTE_ENTITIES_WORDS_H_
#define DETENTE_ENTITIES_WORDS_H_

#include <string>
#include <string_view>

namespace detente {

// ASCII lower case; other bytes are copied unchanged.
std::string Lower(std::string_view s);
// Weekdays and months (and their abbreviations): capitalised, never names.
bool IsCalendarWord(std::string_view w);
// The possessive clitic as the tokenizer splits it: "'s", "’s", or a bare
// apostrophe after a plural ("the rebels' leader"). The one test for both
// apostrophes.
bool IsPossessive(std::string_view token);
// Function words and adverbs that start sentences with a capital:
// "The", "However", "Although".
bool IsCommonWord(std::string_view lower);

}  // namespace detente

#endif  // DETENTE_ENTITIES_WORDS_H_
