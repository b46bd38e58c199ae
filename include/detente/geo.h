// Geography: where places are, for maps. Cities come from the gazetteer's
// cities.tsv (its latitude and longitude columns), countries from
// country_centroids.tsv (a point inside each country), both in data/ (see
// data/README.md for their sources).
//
// Thread safety: a Geography is immutable after Load(); every const method
// may be called from many threads at once.
#ifndef DETENTE_GEO_H_
#define DETENTE_GEO_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detente/graph.h"
#include "detente/status.h"

namespace detente {

// A point in decimal degrees (WGS 84).
struct LatLon {
  double lat = 0;
  double lon = 0;
};

class Geography {
 public:
  // Reads cities.tsv and country_centroids.tsv from `data_dir`; an empty
  // `data_dir` means the default search ($DETENTE_DATA, the source tree's
  // data/, the installed copy). Returns kIOError "<path>:<line>: <problem>"
  // for a missing file or a malformed line (a coordinate that is not a
  // number, or out of range).
  static Result<Geography> Load(const std::string& data_dir = "");

  // Where a place entity is: a country (kind "country") at its centroid, by
  // its ISO code; any other entity at the city of that name or alias
  // (case-insensitively, ASCII), the one in the entity's country when
  // several share the name. nullopt when it is neither (a region, a venue
  // that is not listed, an unknown name).
  std::optional<LatLon> Locate(const GraphEntity& place) const;

  // The centroid of a country by ISO 3166-1 alpha-3 code.
  std::optional<LatLon> Country(std::string_view alpha3) const;
  // A city by name or alias; `alpha3` breaks ties (may be empty).
  std::optional<LatLon> City(std::string_view name, std::string_view alpha3) const;

  size_t num_cities() const { return cities_.size(); }
  size_t num_countries() const { return countries_.size(); }

 private:
  struct CityPoint {
    std::string country;
    LatLon at;
  };
  std::vector<CityPoint> cities_;
  // Lower-cased (ASCII) name or alias -> indexes into cities_.
  std::unordered_map<std::string, std::vector<size_t>> city_by_name_;
  std::unordered_map<std::string, LatLon> countries_;
};

}  // namespace detente

#endif  // DETENTE_GEO_H_
