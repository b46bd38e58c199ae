# One library per pipeline stage, each compiled with an include path that
# holds only what the stage may use (docs/architecture.md, "Layers"), so that
# a wrong #include fails to build.
#
# detente_layer(NAME DIR dir HEADERS h... USES lib... INTERNALS stage... SOURCES f...)
#   NAME       the stage: builds the static library detente_<NAME>.
#   DIR        its sources: every *.cpp under src/<DIR>/ (rules/ too).
#   HEADERS    the public headers it implements, under include/detente/.
#   USES       the stages whose public headers it may include, and links
#              (util, the base of every stage, is always one).
#   INTERNALS  the stages whose private headers (src/<stage>/*.h) it may
#              include besides its own.
#   SOURCES    more sources (generated ones).
#
# The stage's include path is one directory in the build tree,
# layers/<NAME>/, holding symbolic links: detente/<h> for each public header
# it may see, and <stage> -> src/<stage> for its own and INTERNALS' private
# headers. Nothing else of include/ or src/ is on it. The public headers it
# may see are its own and those of the stages it uses, and whatever those
# (and the INTERNALS' private headers) include in turn, so that they
# compile; not the public headers of the stages its uses use.

set(DETENTE_LAYERS_DIR ${PROJECT_BINARY_DIR}/layers)

# An include by relative or absolute path ("../store/sqlite.h") is found
# whatever the include path holds: cmake/check_includes.cmake refuses it,
# naming the file and line, before any layer compiles (and again whenever a
# source changes).
file(GLOB_RECURSE DETENTE_CHECKED_SOURCES CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/src/*.h ${PROJECT_SOURCE_DIR}/src/*.cpp)
set(DETENTE_INCLUDES_STAMP ${PROJECT_BINARY_DIR}/layers_includes.stamp)
add_custom_command(OUTPUT ${DETENTE_INCLUDES_STAMP}
  COMMAND ${CMAKE_COMMAND} -DROOT=${PROJECT_SOURCE_DIR}/src -DSTAMP=${DETENTE_INCLUDES_STAMP}
          -P ${PROJECT_SOURCE_DIR}/cmake/check_includes.cmake
  DEPENDS ${DETENTE_CHECKED_SOURCES} ${PROJECT_SOURCE_DIR}/cmake/check_includes.cmake
  COMMENT "Checking that no #include in src/ names a relative or absolute path")
add_custom_target(detente_check_includes DEPENDS ${DETENTE_INCLUDES_STAMP})

# Builds the include view of `target` in ${DETENTE_LAYERS_DIR}/<view>.
function(detente_layer_view target view)
  cmake_parse_arguments(V "" "" "HEADERS;STAGES" ${ARGN})
  set(dir ${DETENTE_LAYERS_DIR}/${view})
  file(REMOVE_RECURSE ${dir})
  file(MAKE_DIRECTORY ${dir}/detente)
  foreach(h IN LISTS V_HEADERS)
    if(NOT EXISTS ${PROJECT_SOURCE_DIR}/include/detente/${h})
      message(FATAL_ERROR "layer ${view}: no include/detente/${h}")
    endif()
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/include/detente/${h} ${dir}/detente/${h} SYMBOLIC)
  endforeach()
  foreach(s IN LISTS V_STAGES)
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${s} ${dir}/${s} SYMBOLIC)
  endforeach()
  target_include_directories(${target} PRIVATE ${dir})
endfunction()

# Adds to the list `var` every public header that its headers include, and
# that the private headers of `stages` include, until nothing is added.
function(detente_header_closure var)
  set(headers ${${var}})
  set(sources)
  foreach(stage IN LISTS ARGN)
    file(GLOB_RECURSE private ${PROJECT_SOURCE_DIR}/src/${stage}/*.h)
    list(APPEND sources ${private})
  endforeach()
  foreach(h IN LISTS headers)
    list(APPEND sources ${PROJECT_SOURCE_DIR}/include/detente/${h})
  endforeach()
  while(sources)
    set(next)
    foreach(f IN LISTS sources)
      # Configure again when a header's includes may have changed.
      set_property(DIRECTORY ${PROJECT_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${f})
      file(STRINGS ${f} lines REGEX "^#include \"detente/[a-z_0-9]+\\.h\"")
      foreach(line IN LISTS lines)
        string(REGEX REPLACE "^#include \"detente/([a-z_0-9]+\\.h)\".*" "\\1" h "${line}")
        if(NOT h IN_LIST headers)
          list(APPEND headers ${h})
          list(APPEND next ${PROJECT_SOURCE_DIR}/include/detente/${h})
        endif()
      endforeach()
    endforeach()
    set(sources ${next})
  endwhile()
  set(${var} ${headers} PARENT_SCOPE)
endfunction()

function(detente_layer NAME)
  cmake_parse_arguments(L "" "DIR" "HEADERS;USES;INTERNALS;SOURCES" ${ARGN})
  if(NOT L_DIR)
    set(L_DIR ${NAME})
  endif()
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${L_DIR}/*.cpp)
  set(lib detente_${NAME})
  if(L_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "layer ${NAME}: unknown arguments ${L_UNPARSED_ARGUMENTS}")
  endif()
  add_library(${lib} STATIC ${sources} ${L_SOURCES})
  add_dependencies(${lib} detente_check_includes)
  target_compile_options(${lib} PRIVATE -Wall -Wextra)
  # The public headers it may see: its own, those of the stages it uses,
  # and what they include.
  set(visible ${L_HEADERS})
  if(NOT NAME STREQUAL "util")
    list(PREPEND L_USES util)
    list(REMOVE_DUPLICATES L_USES)
  endif()
  foreach(dep IN LISTS L_USES)
    if(NOT TARGET detente_${dep})
      message(FATAL_ERROR "layer ${NAME} uses ${dep}, which is not defined before it")
    endif()
    get_property(dep_headers GLOBAL PROPERTY DETENTE_LAYER_HEADERS_${dep})
    list(APPEND visible ${dep_headers})
    target_link_libraries(${lib} PUBLIC detente_${dep})
  endforeach()
  detente_header_closure(visible ${L_INTERNALS})
  list(REMOVE_DUPLICATES visible)
  set_property(GLOBAL PROPERTY DETENTE_LAYER_HEADERS_${NAME} ${L_HEADERS})
  set_property(GLOBAL APPEND PROPERTY DETENTE_ALL_HEADERS ${L_HEADERS})
  detente_layer_view(${lib} ${NAME} HEADERS ${visible} STAGES ${L_DIR} ${L_INTERNALS})
endfunction()
