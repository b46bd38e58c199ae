// Notions shared by every stage: the modality of an event, the kind of an
// entity, the CAMEO agent role an actor acts in and the CAMEO code of an
// event. One definition, so that extract, store, graph and export speak of
// the same values; the database, the JSON and the CLI keep the names
// (ModalityName, EntityKindName, RoleName, CameoCode::str), which do not
// change.
//
// Thread safety: plain values and pure functions.
#ifndef DETENTE_TYPES_H_
#define DETENTE_TYPES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace detente {

// Whether an event happened (or is happening), will happen, or may happen.
enum class Modality : uint8_t { kAsserted, kFuture, kPossible };

// "asserted", "future" or "possible": the words the database and the JSON use.
const char* ModalityName(Modality m);
// The inverse of ModalityName; nullopt for any other string.
std::optional<Modality> ParseModality(std::string_view name);

// What an entity is: the kinds the extractor gives (kGroup: a group named by
// its phrase, "Sudanese rebels"). A database may also hold kinds added by
// hand, which ParseEntityKind does not know.
enum class EntityKind : uint8_t {
  kPerson,
  kCountry,
  kCity,
  kRegion,
  kPlace,
  kOrganization,
  kArmedGroup,
  kGroup,
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
    EntityKind::kArmedGroup, EntityKind::kGroup,       EntityKind::kInstitution,
    EntityKind::kParty,      EntityKind::kCompany,     EntityKind::kVenue,
    EntityKind::kArtefact,   EntityKind::kUnknown};

// "person", "country", "armed_group" ...: the words the database and the
// JSON use.
const char* EntityKindName(EntityKind k);
// The inverse of EntityKindName; nullopt for any other string.
std::optional<EntityKind> ParseEntityKind(std::string_view name);
// True when `name` is the name of `kind`.
inline bool IsKind(std::string_view name, EntityKind kind) { return name == EntityKindName(kind); }

// A CAMEO agent role: what an actor acts as (docs/extraction.md, "Roles").
// kNone is no role (unknown); the others are CAMEO's three-letter codes.
enum class Role : uint8_t {
  kNone,
  kGov,  // government
  kMil,  // military
  kCop,  // police
  kJud,  // judiciary
  kLeg,  // legislature
  kSpy,  // state intelligence
  kOpp,  // political opposition
  kReb,  // rebels
  kIns,  // insurgents
  kSep,  // separatists
  kUaf,  // unaligned armed forces
  kRad,  // radicals
  kIgo,  // intergovernmental organisations
  kNgo,  // non-governmental organisations
  kBus,  // business
  kMed,  // media
  kCvl,  // civilians
  kRef,  // refugees
  kLab,  // labour
  kAgr,  // agriculture
  kEdu,  // education
  kHlh,  // health
  kCrm,  // criminals
  kRel,  // religion: clergy (titles and the lexicon give it, agent nouns do not)
};
// Every role but kNone, in the order docs/extraction.md lists them.
inline constexpr Role kRoles[] = {
    Role::kGov, Role::kMil, Role::kCop, Role::kJud, Role::kLeg, Role::kSpy,
    Role::kOpp, Role::kReb, Role::kIns, Role::kSep, Role::kUaf, Role::kRad,
    Role::kIgo, Role::kNgo, Role::kBus, Role::kMed, Role::kCvl, Role::kRef,
    Role::kLab, Role::kAgr, Role::kEdu, Role::kHlh, Role::kCrm, Role::kRel};

// "GOV", "MIL" ...: the codes the database, the JSON and --role use; "" for
// kNone (stored as NULL, written as null).
const char* RoleName(Role r);
// The inverse of RoleName for the codes (upper case only); nullopt for ""
// and any other string.
std::optional<Role> ParseRole(std::string_view name);
// "GOV, MIL, ..., CRM": every code, for messages that list the valid ones.
std::string RoleNames();

// CAMEO's four QuadClasses, by the root of a code.
enum class QuadClass : uint8_t {
  kVerbalCooperation = 1,    // roots 01-05
  kMaterialCooperation = 2,  // 06-08
  kVerbalConflict = 3,       // 09-13
  kMaterialConflict = 4,     // 14-20
};

// A CAMEO event code: 2 to 4 digits whose first two are a root 01-20 ("04",
// "042", "0871"). Only Parse makes one, so every CameoCode is well formed.
class CameoCode {
 public:
  // The code `text` spells; nullopt for anything else ("", "4", "21",
  // "19a", "04 Consult").
  static std::optional<CameoCode> Parse(std::string_view text);
  // The root of a code or of a class name ("173" -> "17", "04 Consult" ->
  // "04"); nullopt when the text does not start with a root.
  static std::optional<CameoCode> RootOf(std::string_view code_or_class);

  // The digits as written: "042".
  std::string str() const { return std::string(digits_, size_); }
  // The root class, 1-20.
  int root() const { return (digits_[0] - '0') * 10 + (digits_[1] - '0'); }
  // The root as a code: "042" -> "04".
  CameoCode root_code() const;
  // The QuadClass of the root.
  QuadClass quad_class() const;

  friend bool operator==(const CameoCode&, const CameoCode&) = default;

 private:
  CameoCode() = default;
  char digits_[4] = {};
  uint8_t size_ = 0;
};

// The QuadClass (1-4) of a code or class name by its root ("04 Consult" ->
// 1, "173" -> 4); 0 when the text does not start with a root 01-20.
int QuadClassOf(std::string_view code_or_class);

// Whether `text` may filter events by CAMEO code (`--class` of the graph
// commands and of `detente events`, the server's `class=`): a code or the
// start of one under a root 01-20 ("04", "042", "0871"), or one digit 0, 1
// or 2 for a run of roots ("1": 10-19). Not "04x", "25", "12345".
bool IsCameoPrefix(std::string_view text);
// What IsCameoPrefix accepts, for the message that refuses a value.
inline constexpr char kCameoPrefixHelp[] =
    "a CAMEO code or a prefix of one is 2-4 digits under a root 01-20 (04, 042, 0871), "
    "or one digit 0, 1 or 2 for a run of roots (1: 10-19)";

}  // namespace detente

#endif  // DETENTE_TYPES_H_
