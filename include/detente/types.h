// Notions shared by every stage: the modality of an event. One definition,
// so that extract, store, graph and export speak of the same values.
//
// Thread safety: plain values and pure functions.
#ifndef DETENTE_TYPES_H_
#define DETENTE_TYPES_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace detente {

// Whether an event happened (or is happening), will happen, or may happen.
enum class Modality : uint8_t { kAsserted, kFuture, kPossible };

// "asserted", "future" or "possible": the words the database and the JSON use.
const char* ModalityName(Modality m);
// The inverse of ModalityName; nullopt for any other string.
std::optional<Modality> ParseModality(std::string_view name);

}  // namespace detente

#endif  // DETENTE_TYPES_H_
