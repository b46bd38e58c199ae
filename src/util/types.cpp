#include "detente/types.h"

namespace detente {

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted:
      return "asserted";
    case Modality::kFuture:
      return "future";
    case Modality::kPossible:
      return "possible";
  }
  return "asserted";
}

std::optional<Modality> ParseModality(std::string_view name) {
  if (name == "asserted") return Modality::kAsserted;
  if (name == "future") return Modality::kFuture;
  if (name == "possible") return Modality::kPossible;
  return std::nullopt;
}

const char* EntityKindName(EntityKind k) {
  switch (k) {
    case EntityKind::kPerson:
      return "person";
    case EntityKind::kCountry:
      return "country";
    case EntityKind::kCity:
      return "city";
    case EntityKind::kRegion:
      return "region";
    case EntityKind::kPlace:
      return "place";
    case EntityKind::kOrganization:
      return "organization";
    case EntityKind::kArmedGroup:
      return "armed_group";
    case EntityKind::kInstitution:
      return "institution";
    case EntityKind::kParty:
      return "party";
    case EntityKind::kCompany:
      return "company";
    case EntityKind::kVenue:
      return "venue";
    case EntityKind::kArtefact:
      return "artefact";
    case EntityKind::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::optional<EntityKind> ParseEntityKind(std::string_view name) {
  for (EntityKind k : kEntityKinds) {
    if (name == EntityKindName(k)) return k;
  }
  return std::nullopt;
}

}  // namespace detente
