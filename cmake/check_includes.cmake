# Refuses an #include that names its file by a relative path with ".." or by
# an absolute path, in any *.h or *.cpp under ROOT (src/). Each layer's
# include path holds only what the stage may see (cmake/layers.cmake), but a
# "../store/sqlite.h" is found relative to the including file (or to a
# directory on the path) and would get past it. Lists every offending
# file:line and fails.
#
#   cmake -DROOT=src [-DSTAMP=file] -P check_includes.cmake
#
# Run by the build before any layer compiles (CMakeLists.txt,
# detente_check_includes) and by the "layers:" tests.
if(NOT DEFINED ROOT)
  message(FATAL_ERROR "check_includes.cmake: -DROOT= is required")
endif()
set(bad_include "^[ \t]*#[ \t]*include[ \t]*[\"<](/|[^\">]*\\.\\.)")
file(GLOB_RECURSE files ${ROOT}/*.h ${ROOT}/*.cpp)
list(SORT files)
set(errors)
foreach(f IN LISTS files)
  file(STRINGS ${f} hits REGEX "${bad_include}")
  if(NOT hits)
    continue()
  endif()
  # file(STRINGS) gives no line numbers: find each hit in the text, in
  # order, and count the newlines before it.
  file(READ ${f} rest)
  set(line 1)
  foreach(hit IN LISTS hits)
    string(FIND "${rest}" "${hit}" at)
    string(SUBSTRING "${rest}" 0 ${at} before)
    string(REGEX MATCHALL "\n" newlines "${before}")
    list(LENGTH newlines n)
    math(EXPR line "${line} + ${n}")
    string(LENGTH "${hit}" len)
    math(EXPR at "${at} + ${len}")
    string(SUBSTRING "${rest}" ${at} -1 rest)
    string(STRIP "${hit}" hit)
    string(APPEND errors "  ${f}:${line}: ${hit}\n")
  endforeach()
endforeach()
if(errors)
  message(FATAL_ERROR "an #include by relative or absolute path escapes the layer's include "
                      "path (docs/architecture.md, \"Layers\"); name the header as "
                      "\"detente/x.h\" or \"<stage>/x.h\":\n${errors}")
endif()
if(DEFINED STAMP)
  file(TOUCH ${STAMP})
endif()
