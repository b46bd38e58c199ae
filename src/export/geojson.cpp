// GeoJSON points of the places where events happened.
#include <ostream>

#include "detente/export.h"
#include "export/internal.h"
#include "detente/json.h"

namespace detente {

Status WriteGeoJson(const std::vector<PlaceCount>& places, const Geography& geo,
                    std::ostream& out) {
  using export_internal::CleanText;
  JsonWriter w;
  w.BeginObject().Key("type").String("FeatureCollection").Key("features").BeginArray();
  std::vector<const PlaceCount*> unlocated;
  for (const PlaceCount& pc : places) {
    std::optional<LatLon> at = geo.Locate(pc.place);
    if (!at) {
      unlocated.push_back(&pc);
      continue;
    }
    w.BeginObject().Key("type").String("Feature").Key("geometry").BeginObject();
    w.Key("type").String("Point").Key("coordinates").BeginArray().Number(at->lon).Number(at->lat);
    w.EndArray().EndObject().Key("properties").BeginObject();
    w.Key("id").Int(pc.place.id).Key("name").String(CleanText(pc.place.name));
    w.Key("kind").String(pc.place.kind).Key("country");
    if (pc.place.country.empty()) {
      w.Null();
    } else {
      w.String(pc.place.country);
    }
    w.Key("events").Int(pc.events).EndObject().EndObject();
  }
  w.EndArray().Key("unlocated").BeginArray();
  for (const PlaceCount* pc : unlocated) {
    w.BeginObject().Key("id").Int(pc->place.id).Key("name").String(CleanText(pc->place.name));
    w.Key("events").Int(pc->events).EndObject();
  }
  w.EndArray().EndObject();
  out << w.str() << "\n";
  if (!out) return Status::IOError("cannot write the GeoJSON");
  return Status::OK();
}

}  // namespace detente
