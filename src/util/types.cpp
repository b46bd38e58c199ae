#include "detente/types.h"

#include <algorithm>

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
    case EntityKind::kGroup:
      return "group";
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

const char* RoleName(Role r) {
  // Indexed by the enum's value: kNone first, then the codes in enum order.
  static constexpr const char* kNames[] = {
      "",    "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "OPP", "REB", "INS", "SEP", "UAF",
      "RAD", "IGO", "NGO", "BUS", "MED", "CVL", "REF", "LAB", "AGR", "EDU", "HLH", "CRM", "REL"};
  static_assert(std::size(kNames) == std::size(kRoles) + 1);
  const auto i = static_cast<size_t>(r);
  return i < std::size(kNames) ? kNames[i] : "";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : kRoles) {
    if (name == RoleName(r)) return r;
  }
  return std::nullopt;
}

std::string RoleNames() {
  std::string out;
  for (Role r : kRoles) out += (out.empty() ? "" : ", ") + std::string(RoleName(r));
  return out;
}

std::optional<CameoCode> CameoCode::Parse(std::string_view text) {
  if (text.size() < 2 || text.size() > 4) return std::nullopt;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  CameoCode c;
  std::copy(text.begin(), text.end(), c.digits_);
  c.size_ = static_cast<uint8_t>(text.size());
  if (c.root() < 1 || c.root() > 20) return std::nullopt;
  return c;
}

std::optional<CameoCode> CameoCode::RootOf(std::string_view code_or_class) {
  return Parse(code_or_class.substr(0, 2));
}

CameoCode CameoCode::root_code() const {
  CameoCode c = *this;
  c.digits_[2] = c.digits_[3] = '\0';
  c.size_ = 2;
  return c;
}

QuadClass CameoCode::quad_class() const {
  const int r = root();
  if (r <= 5) return QuadClass::kVerbalCooperation;
  if (r <= 8) return QuadClass::kMaterialCooperation;
  if (r <= 13) return QuadClass::kVerbalConflict;
  return QuadClass::kMaterialConflict;
}

int QuadClassOf(std::string_view code_or_class) {
  const std::optional<CameoCode> root = CameoCode::RootOf(code_or_class);
  return root ? static_cast<int>(root->quad_class()) : 0;
}

bool IsCameoPrefix(std::string_view text) {
  if (text.size() == 1) return text[0] >= '0' && text[0] <= '2';
  return CameoCode::Parse(text).has_value();
}

}  // namespace detente
