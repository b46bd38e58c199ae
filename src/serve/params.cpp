#include "serve/params.h"

#include <algorithm>
#include <charconv>

namespace detente::serve {
namespace {

constexpr size_t kMaxValue = 1000;
constexpr size_t kMaxItems = 50;

Status Bad(std::string_view name, std::string_view what) {
  return Status::InvalidArgument("parameter '" + std::string(name) + "' " + std::string(what));
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool ValidDate(std::string_view s) {
  auto digits = [&](size_t at, size_t n) { return AllDigits(s.substr(at, n)); };
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!digits(0, 4)) return false;
  if (s.size() >= 7) {
    if (s[4] != '-' || !digits(5, 2)) return false;
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    if (month < 1 || month > 12) return false;
  }
  if (s.size() == 10) {
    if (s[7] != '-' || !digits(8, 2)) return false;
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    if (day < 1 || day > 31) return false;
  }
  return true;
}

}  // namespace

bool ParseId(std::string_view s, int64_t* id) {
  if (!AllDigits(s) || s.size() > 16) return false;
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || v < 1 || v > (int64_t{1} << 53)) return false;
  *id = v;
  return true;
}

Status Params::Check(std::initializer_list<std::string_view> allowed) const {
  for (auto it = params_.begin(); it != params_.end(); ++it) {
    const std::string& name = it->first;
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      std::string shown = name.size() > 40 ? name.substr(0, 40) + "..." : name;
      return Status::InvalidArgument("unknown parameter '" + shown +
                                     "' (allowed: " + (list.empty() ? "none" : list) + ")");
    }
    if (params_.count(name) > 1) return Bad(name, "is given more than once");
    if (it->second.size() > kMaxValue) return Bad(name, "is longer than 1000 bytes");
  }
  return Status::OK();
}

bool Params::Has(std::string_view name) const { return params_.count(std::string(name)) > 0; }

std::string Params::Get(std::string_view name) const {
  auto it = params_.find(std::string(name));
  return it == params_.end() ? std::string() : it->second;
}

Result<int64_t> Params::Int(std::string_view name, int64_t fallback, int64_t min,
                            int64_t max) const {
  if (!Has(name)) return fallback;
  const std::string v = Get(name);
  int64_t n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || p != v.data() + v.size() || n < min || n > max) {
    return Bad(name,
               "must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
  }
  return n;
}

Result<int64_t> Params::Id(std::string_view name) const {
  if (!Has(name)) return Bad(name, "is required (an entity id)");
  int64_t id = 0;
  if (!ParseId(Get(name), &id)) return Bad(name, "must be an entity id (a positive integer)");
  return id;
}

Result<int64_t> Params::OptionalId(std::string_view name) const {
  if (!Has(name)) return int64_t{0};
  return Id(name);
}

Result<std::string> Params::Choice(std::string_view name, std::string_view fallback,
                                   std::initializer_list<std::string_view> values) const {
  if (!Has(name)) return std::string(fallback);
  const std::string v = Get(name);
  if (std::find(values.begin(), values.end(), v) != values.end()) return v;
  std::string list;
  for (std::string_view a : values) list += (list.empty() ? "" : ", ") + std::string(a);
  return Bad(name, "must be one of: " + list);
}

Result<bool> Params::Flag(std::string_view name, bool fallback) const {
  if (!Has(name)) return fallback;
  const std::string v = Get(name);
  if (v == "1" || v == "true") return true;
  if (v == "0" || v == "false") return false;
  return Bad(name, "must be 0 or 1");
}

Result<std::string> Params::Date(std::string_view name) const {
  if (!Has(name)) return std::string();
  const std::string v = Get(name);
  if (!ValidDate(v)) return Bad(name, "must be a date: yyyy, yyyy-mm or yyyy-mm-dd");
  return v;
}

Result<std::vector<std::string>> Params::List(std::string_view name,
                                              bool (*valid)(std::string_view),
                                              std::string_view what) const {
  std::vector<std::string> out;
  if (!Has(name)) return out;
  const std::string v = Get(name);
  size_t begin = 0;
  while (true) {
    size_t end = v.find(',', begin);
    std::string item = v.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
    if (item.empty() || !valid(item)) {
      return Bad(name, "must be a comma-separated list of " + std::string(what));
    }
    out.push_back(std::move(item));
    if (out.size() > kMaxItems) return Bad(name, "has more than 50 items");
    if (end == std::string::npos) break;
    begin = end + 1;
  }
  return out;
}

}  // namespace detente::serve
