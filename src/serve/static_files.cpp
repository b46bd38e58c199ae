#include "serve/static_files.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace detente::serve {
namespace {

namespace fs = std::filesystem;

// URL path -> file under node_modules/: the published builds of the
// libraries that scripts/setup.sh installs from web/package-lock.json.
struct Library {
  std::string_view url;
  std::string_view file;
};
constexpr Library kLibraries[] = {
    {"/vendor/d3.min.js", "node_modules/d3/dist/d3.min.js"},
    {"/vendor/topojson-client.min.js", "node_modules/topojson-client/dist/topojson-client.min.js"},
    {"/vendor/countries-50m.json", "node_modules/world-atlas/countries-50m.json"},
};

struct Type {
  std::string_view ext;
  std::string_view mime;
};
constexpr Type kTypes[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".json", "application/json"},
};

std::optional<std::string_view> MimeOf(std::string_view name) {
  for (const Type& t : kTypes) {
    if (name.size() > t.ext.size() && name.substr(name.size() - t.ext.size()) == t.ext) {
      return t.mime;
    }
  }
  return std::nullopt;
}

// A plain file name: [A-Za-z0-9_-]+ "." [a-z]+, with an allowed extension
// other than .json (the folder's package files are not for clients).
bool PlainName(std::string_view name) {
  const size_t dot = name.find('.');
  if (dot == 0 || dot == std::string_view::npos ||
      name.find('.', dot + 1) != std::string_view::npos) {
    return false;
  }
  for (size_t i = 0; i < dot; ++i) {
    char c = name[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
          c == '_')) {
      return false;
    }
  }
  return MimeOf(name).has_value() && name.substr(dot) != ".json";
}

bool Inside(const fs::path& root, const fs::path& p) {
  std::error_code ec;
  fs::path canonical = fs::canonical(p, ec);
  if (ec || !fs::is_regular_file(canonical, ec)) return false;
  auto r = root.begin(), c = canonical.begin();
  for (; r != root.end(); ++r, ++c) {
    if (c == canonical.end() || *r != *c) return false;
  }
  return true;
}

}  // namespace

Result<StaticFiles> StaticFiles::Open(const std::string& dir) {
  std::string chosen = dir;
  std::error_code ec;
  if (chosen.empty()) {
    if (const char* env = std::getenv("DETENTE_WEB"); env && *env) {
      chosen = env;
    } else if (fs::is_regular_file(fs::path(DETENTE_SOURCE_DIR) / "web" / "index.html", ec)) {
      chosen = std::string(DETENTE_SOURCE_DIR) + "/web";
    } else {
      chosen = std::string(DETENTE_DATA_INSTALL_DIR) + "/web";
    }
  }
  if (!fs::is_regular_file(fs::path(chosen) / "index.html", ec)) {
    return Status::IOError("no page to serve in " + chosen + " (index.html missing)");
  }
  StaticFiles files;
  files.root_ = fs::canonical(chosen, ec).string();
  if (ec) return Status::IOError(chosen + ": " + ec.message());
  return files;
}

std::optional<StaticFile> StaticFiles::Resolve(std::string_view url_path) const {
  const fs::path root(root_);
  if (url_path == "/" || url_path == "/index.html") {
    return StaticFile{(root / "index.html").string(), "text/html; charset=utf-8", false};
  }
  for (const Library& lib : kLibraries) {
    if (url_path != lib.url) continue;
    fs::path p = root / lib.file;
    if (!Inside(root, p)) return std::nullopt;
    return StaticFile{p.string(), std::string(*MimeOf(lib.file)), true};
  }
  if (url_path.size() < 2 || url_path[0] != '/' || !PlainName(url_path.substr(1))) {
    return std::nullopt;
  }
  fs::path p = root / std::string(url_path.substr(1));
  if (!Inside(root, p)) return std::nullopt;
  return StaticFile{p.string(), std::string(*MimeOf(url_path)), false};
}

std::string StaticFiles::MissingLibraries() const {
  std::string missing;
  std::error_code ec;
  for (const Library& lib : kLibraries) {
    if (!fs::is_regular_file(fs::path(root_) / lib.file, ec)) {
      missing += (missing.empty() ? "" : ", ") + std::string(lib.file);
    }
  }
  return missing;
}

}  // namespace detente::serve
