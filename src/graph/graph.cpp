#include "detente/graph.h"

#include <algorithm>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <limits>
#include <utility>

#include "util/calendar.h"

namespace detente {
namespace {

constexpr uint32_t kNoVertex = std::numeric_limits<uint32_t>::max();

Status CheckList(const std::vector<std::string>& list, const char* what) {
  for (const std::string& s : list) {
    if (s.empty()) return Status::InvalidArgument(std::string("empty value in ") + what);
  }
  return Status::OK();
}

}  // namespace

Status GraphFilter::Validate() const {
  if (!since.empty() && !IsIsoDatePrefix(since)) {
    return Status::InvalidArgument(
        "--since wants an ISO date that exists (yyyy, yyyy-mm or "
        "yyyy-mm-dd, years 0001-9999), got \"" +
        since + "\"");
  }
  if (!until.empty() && !IsIsoDatePrefix(until)) {
    return Status::InvalidArgument(
        "--until wants an ISO date that exists (yyyy, yyyy-mm or "
        "yyyy-mm-dd, years 0001-9999), got \"" +
        until + "\"");
  }
  DETENTE_RETURN_IF_ERROR(CheckList(actions, "--action"));
  DETENTE_RETURN_IF_ERROR(CheckList(classes, "--class"));
  DETENTE_RETURN_IF_ERROR(CheckList(kinds, "--kind"));
  for (const std::string& c : classes) {
    if (!IsCameoPrefix(c)) {
      return Status::InvalidArgument("--class: \"" + c + "\" is no CAMEO code: " +
                                     kCameoPrefixHelp);
    }
  }
  return Status::OK();
}

Graph::Graph() : strings_{std::string()}, date_rank_{0} {}

Graph::Graph(std::vector<GraphEntity> entities, std::vector<GraphEvent> events,
             std::deque<std::string> strings, std::vector<uint32_t> by_name)
    : entities_(std::move(entities)),
      events_(std::move(events)),
      strings_(std::move(strings)),
      by_name_(std::move(by_name)) {
  if (strings_.empty()) strings_.emplace_back();
  // Sorting the names would cost tens of milliseconds on every load, so a
  // given order is only checked to be a permutation.
  bool permutation = by_name_.size() == entities_.size();
  if (permutation) {
    std::vector<char> seen(entities_.size());
    for (uint32_t v : by_name_) {
      if (v >= seen.size() || seen[v]) {
        permutation = false;
        break;
      }
      seen[v] = 1;
    }
  }
  if (!permutation) by_name_ = NameOrder(entities_);
  int64_t max_id = -1;
  bool dense = true;
  for (const GraphEntity& e : entities_) {
    if (e.id < 0) dense = false;
    max_id = std::max(max_id, e.id);
  }
  dense = dense && max_id < 4 * static_cast<int64_t>(entities_.size()) + 1024;
  if (dense) {
    vertex_by_id_.assign(static_cast<size_t>(max_id + 1), kNoVertex);
    for (uint32_t v = 0; v < entities_.size(); ++v) vertex_by_id_[entities_[v].id] = v;
  } else {
    vertex_of_.reserve(entities_.size());
    for (uint32_t v = 0; v < entities_.size(); ++v) vertex_of_.emplace(entities_[v].id, v);
  }

  // Interned strings are distinct, so ordering them once lets EventBefore
  // compare dates as integers; "" sorts last.
  std::vector<uint32_t> order(strings_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (strings_[a].empty() != strings_[b].empty()) return strings_[b].empty();
    return strings_[a] < strings_[b];
  });
  date_rank_.resize(order.size());
  for (uint32_t r = 0; r < order.size(); ++r) date_rank_[order[r]] = r;

  std::vector<std::pair<uint32_t, uint32_t>> ends;
  ends.reserve(events_.size());
  for (uint32_t i = 0; i < events_.size(); ++i) {
    ends.emplace_back(events_[i].actor, events_[i].object);
    if (i > 0 && events_[i - 1].id >= events_[i].id) events_by_id_ = false;
  }
  // Edge i names event i: the bundles are counted, not stored first.
  auto refs = boost::make_transform_iterator(boost::counting_iterator<uint32_t>(0),
                                             [](uint32_t i) { return EdgeRef{i}; });
  csr_ = Csr(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), refs, num_vertices());
}

std::vector<uint32_t> Graph::NameOrder(const std::vector<GraphEntity>& entities) {
  std::vector<uint32_t> order(entities.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const std::string& na = entities[a].name;
    const std::string& nb = entities[b].name;
    return na != nb ? na < nb : a < b;
  });
  return order;
}

std::optional<uint32_t> Graph::VertexOf(int64_t entity_id) const {
  if (!vertex_by_id_.empty() || vertex_of_.empty()) {
    if (entity_id < 0 || static_cast<uint64_t>(entity_id) >= vertex_by_id_.size())
      return std::nullopt;
    uint32_t v = vertex_by_id_[entity_id];
    if (v == kNoVertex) return std::nullopt;
    return v;
  }
  auto it = vertex_of_.find(entity_id);
  if (it == vertex_of_.end()) return std::nullopt;
  return it->second;
}

bool Graph::EventBefore(uint32_t a, uint32_t b) const {
  uint32_t ra = date_rank_[events_[a].date], rb = date_rank_[events_[b].date];
  if (ra != rb) return ra < rb;
  return events_[a].id < events_[b].id;
}

}  // namespace detente
