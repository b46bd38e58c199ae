// The files of the page served by `detente serve`: a flat folder (web/) of
// the page's own files and a fixed table of front-end library files under its
// node_modules/. Private to the serve module.
//
// A URL path maps to a file only when it is "/", a name in the table, or a
// plain file name of the folder (letters, digits, '-' and '_', one dot
// before an allowed extension): no '..', no sub-folder, no hidden file,
// whatever the encoding the client used. The resolved file must also lie
// inside the folder after symbolic links are followed.
//
// Thread safety: immutable after Open(); Resolve may be called concurrently.
#ifndef DETENTE_SERVE_STATIC_FILES_H_
#define DETENTE_SERVE_STATIC_FILES_H_

#include <optional>
#include <string>
#include <string_view>

#include "detente/status.h"

namespace detente::serve {

struct StaticFile {
  std::string path;      // the file on disk
  std::string mime;      // its Content-Type
  bool library = false;  // a front-end library file (cacheable)
};

class StaticFiles {
 public:
  // `dir` empty: $DETENTE_WEB, else the source tree's web/, else the
  // installed share/detente/web. kIOError when the folder has no index.html.
  static Result<StaticFiles> Open(const std::string& dir);

  // The file for a decoded URL path, or nullopt (a 404).
  std::optional<StaticFile> Resolve(std::string_view url_path) const;

  // The front-end library files missing from node_modules/ (empty when all
  // are installed).
  std::string MissingLibraries() const;

  const std::string& root() const { return root_; }

 private:
  std::string root_;  // canonical
};

}  // namespace detente::serve

#endif  // DETENTE_SERVE_STATIC_FILES_H_
