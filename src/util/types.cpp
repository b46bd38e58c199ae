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

}  // namespace detente
