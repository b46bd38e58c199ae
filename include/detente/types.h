// Notions shared by every stage: the modality of an event and the kind of an
// entity. One definition, so that extract, store, graph and export speak of
// the same values; the database and the JSON keep the names (ModalityName,
// EntityKindName), which do not change.
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

// What an entity is: the kinds the extractor gives. A database may also hold
// kinds added by hand, which ParseEntityKind does not know.
enum class EntityKind : uint8_t {
  kPerson,
  kCountry,
  kCity,
  kRegion,
  kPlace,
  kOrganization,
  kArmedGroup,
  kInstitution,
  kParty,
  kCompany,
  kVenue,
  kArtefact,
  kUnknown
};
inline constexpr EntityKind kEntityKinds[] = {
    EntityKind::kPerson,     EntityKind::kCountry,     EntityKind::kCity,
    EntityKind::kRegion,     EntityKind::kPlace,       EntityKind::kOrganization,
    EntityKind::kArmedGroup, EntityKind::kInstitution, EntityKind::kParty,
    EntityKind::kCompany,    EntityKind::kVenue,       EntityKind::kArtefact,
    EntityKind::kUnknown};

// "person", "country", "armed_group" ...: the words the database and the
// JSON use.
const char* EntityKindName(EntityKind k);
// The inverse of EntityKindName; nullopt for any other string.
std::optional<EntityKind> ParseEntityKind(std::string_view name);
// True when `name` is the name of `kind`.
inline bool IsKind(std::string_view name, EntityKind kind) { return name == EntityKindName(kind); }

}  // namespace detente

#endif  // DETENTE_TYPES_H_
