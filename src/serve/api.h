// The JSON API of `detente serve` (docs/serve.md): one method per endpoint,
// from decoded query parameters to a status code and a JSON body. No HTTP
// here, so that the server stays a thin wrapper. Private to the serve module.
//
// Thread safety: every method may be called from many threads at once.
#ifndef DETENTE_SERVE_API_H_
#define DETENTE_SERVE_API_H_

#include <map>
#include <string>
#include <string_view>

#include "detente/geo.h"
#include "serve/params.h"
#include "serve/state.h"

namespace detente::serve {

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

// A JSON error body: {"error": message, "status": code}.
ApiResponse ErrorResponse(int status, std::string_view message);

// Bounds on answers.
struct ApiLimits {
  size_t max_nodes = 500;       // neighbours: default node limit
  size_t max_nodes_cap = 2000;  // neighbours: the largest limit a client may ask
  size_t max_edges = 5000;      // neighbours: edges drawn at most
};

class Api {
 public:
  using Query = std::multimap<std::string, std::string>;
  Api(State* state, ReaderPool* pool, const Geography* geo, ApiLimits limits)
      : state_(state), pool_(pool), geo_(geo), limits_(limits) {}

  ApiResponse Info(const Query& q);
  ApiResponse Search(const Query& q);
  ApiResponse Entity(std::string_view id, const Query& q);
  ApiResponse Neighbours(const Query& q);
  ApiResponse Path(const Query& q);
  ApiResponse Events(const Query& q);
  ApiResponse Timeline(const Query& q);
  ApiResponse Places(const Query& q);

 private:
  State* state_;
  ReaderPool* pool_;
  const Geography* geo_;  // may be null: places are then all unlocated
  ApiLimits limits_;
};

}  // namespace detente::serve

#endif  // DETENTE_SERVE_API_H_
