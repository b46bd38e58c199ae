// Query parameters of the JSON API, checked one by one: every check returns
// kInvalidArgument with a message naming the parameter, which the server
// sends back as a 400. Private to the serve module.
#ifndef DETENTE_SERVE_PARAMS_H_
#define DETENTE_SERVE_PARAMS_H_

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "detente/status.h"

namespace detente::serve {

class Params {
 public:
  // `params` as the HTTP layer decoded them (name -> value, repeats kept).
  explicit Params(const std::multimap<std::string, std::string>& params) : params_(params) {}

  // kInvalidArgument for a name not in `allowed`, a name given twice, or
  // a value over 1000 bytes.
  Status Check(std::initializer_list<std::string_view> allowed) const;

  bool Has(std::string_view name) const;
  // The raw value, or "" when absent.
  std::string Get(std::string_view name) const;

  // A decimal integer in [min, max]; `fallback` when absent.
  Result<int64_t> Int(std::string_view name, int64_t fallback, int64_t min, int64_t max) const;
  // A required entity id (a positive decimal integer).
  Result<int64_t> Id(std::string_view name) const;
  // An optional entity id; 0 when absent.
  Result<int64_t> OptionalId(std::string_view name) const;
  // One of `values`; `fallback` when absent.
  Result<std::string> Choice(std::string_view name, std::string_view fallback,
                             std::initializer_list<std::string_view> values) const;
  // "0" or "1" (also "false", "true"); `fallback` when absent.
  Result<bool> Flag(std::string_view name, bool fallback) const;
  // A date yyyy, yyyy-mm or yyyy-mm-dd; "" when absent.
  Result<std::string> Date(std::string_view name) const;
  // A comma-separated list (empty items refused, at most 50 items), each
  // item checked by `valid`, which names what an item must be in `what`.
  Result<std::vector<std::string>> List(std::string_view name, bool (*valid)(std::string_view),
                                        std::string_view what) const;

 private:
  const std::multimap<std::string, std::string>& params_;
};

// Parses a decimal entity id (1 .. 2^53); false when `s` is not one.
bool ParseId(std::string_view s, int64_t* id);

}  // namespace detente::serve

#endif  // DETENTE_SERVE_PARAMS_H_
