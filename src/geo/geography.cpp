// Geography: city coordinates from cities.tsv and country centroids from
// country_centroids.tsv.
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "detente/geo.h"
#include "detente/types.h"
#include "entities/gazetteer.h"

namespace detente {
namespace {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) out.push_back(field);
  if (!line.empty() && line.back() == '\t') out.emplace_back();
  return out;
}

// Calls fn(line number, fields) for each data line of a TSV file ('#'
// comments and blank lines skipped).
template <typename Fn>
Status ForEachRow(const std::string& path, Fn fn) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot read");
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    DETENTE_RETURN_IF_ERROR(fn(n, SplitTabs(line)));
  }
  return Status::OK();
}

// Parses a coordinate in [-limit, limit].
bool ParseDegrees(const std::string& s, double limit, double* out) {
  if (s.empty()) return false;
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, *out);
  return ec == std::errc() && p == end && std::isfinite(*out) && std::fabs(*out) <= limit;
}

Status ParsePoint(const std::string& path, int line, const std::string& lat, const std::string& lon,
                  LatLon* at) {
  if (!ParseDegrees(lat, 90, &at->lat)) {
    return Status::IOError(path + ":" + std::to_string(line) + ": bad latitude '" + lat + "'");
  }
  if (!ParseDegrees(lon, 180, &at->lon)) {
    return Status::IOError(path + ":" + std::to_string(line) + ": bad longitude '" + lon + "'");
  }
  return Status::OK();
}

}  // namespace

Result<Geography> Geography::Load(const std::string& data_dir) {
  auto dir = Gazetteer::FindDataDir(data_dir);
  if (!dir.ok()) return dir.status();
  Geography g;
  const std::string cities = (std::filesystem::path(*dir) / "cities.tsv").string();
  Status st = ForEachRow(cities, [&](int line, const std::vector<std::string>& f) -> Status {
    if (f.size() != 6 && f.size() != 7) {
      return Status::IOError(cities + ":" + std::to_string(line) +
                             ": expected 6 or 7 tab-separated columns (city, alpha3, capital, "
                             "aliases, latitude, longitude, stands for), found " +
                             std::to_string(f.size()));
    }
    CityPoint c{f[1], {}};
    DETENTE_RETURN_IF_ERROR(ParsePoint(cities, line, f[4], f[5], &c.at));
    const size_t idx = g.cities_.size();
    g.cities_.push_back(std::move(c));
    g.city_by_name_[AsciiLower(f[0])].push_back(idx);
    std::istringstream aliases(f[3]);
    for (std::string a; std::getline(aliases, a, '|');) {
      if (!a.empty()) g.city_by_name_[AsciiLower(a)].push_back(idx);
    }
    return Status::OK();
  });
  DETENTE_RETURN_IF_ERROR(st);
  const std::string centroids = (std::filesystem::path(*dir) / "country_centroids.tsv").string();
  st = ForEachRow(centroids, [&](int line, const std::vector<std::string>& f) -> Status {
    if (f.size() < 3) {
      return Status::IOError(centroids + ":" + std::to_string(line) +
                             ": expected alpha3, latitude, longitude");
    }
    LatLon at;
    DETENTE_RETURN_IF_ERROR(ParsePoint(centroids, line, f[1], f[2], &at));
    g.countries_[f[0]] = at;
    return Status::OK();
  });
  DETENTE_RETURN_IF_ERROR(st);
  return g;
}

std::optional<LatLon> Geography::Country(std::string_view alpha3) const {
  auto it = countries_.find(std::string(alpha3));
  if (it == countries_.end()) return std::nullopt;
  return it->second;
}

std::optional<LatLon> Geography::City(std::string_view name, std::string_view alpha3) const {
  auto it = city_by_name_.find(AsciiLower(name));
  if (it == city_by_name_.end()) return std::nullopt;
  for (size_t i : it->second) {
    if (cities_[i].country == alpha3) return cities_[i].at;
  }
  return cities_[it->second.front()].at;
}

std::optional<LatLon> Geography::Locate(const GraphEntity& place) const {
  if (IsKind(place.kind, EntityKind::kCountry)) return Country(place.country);
  return City(place.name, place.country);
}

}  // namespace detente
