# One library per pipeline stage, each compiled with an include path that
# holds only what the stage may use (docs/architecture.md, "Layers"), so that
# a wrong #include fails to build.
#
# detente_layer(NAME DIR dir HEADERS h... USES lib... INTERNALS stage... SOURCES f...)
#   NAME       the stage: builds the static library detente_<NAME>.
#   DIR        its sources: every *.cpp under src/<DIR>/ (rules/ too).
#   HEADERS    the public headers it implements, under include/detente/.
#   USES       the stages whose public headers it may include (and links);
#              the headers they may include come along, as they must.
#   INTERNALS  the stages whose private headers (src/<stage>/*.h) it may
#              include besides its own; not passed on.
#   SOURCES    more sources (generated ones).
#
# The stage's include path is one directory in the build tree,
# layers/<NAME>/, holding symbolic links: detente/<h> for each public header
# it may see, and <stage> -> src/<stage> for its own and INTERNALS' private
# headers. Nothing else of include/ or src/ is on it.

set(DETENTE_LAYERS_DIR ${PROJECT_BINARY_DIR}/layers)

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
  target_compile_options(${lib} PRIVATE -Wall -Wextra)
  # The public headers it may see: its own and, transitively, those of the
  # stages it uses.
  set(visible ${L_HEADERS})
  foreach(dep IN LISTS L_USES)
    if(NOT TARGET detente_${dep})
      message(FATAL_ERROR "layer ${NAME} uses ${dep}, which is not defined before it")
    endif()
    get_property(dep_visible GLOBAL PROPERTY DETENTE_LAYER_HEADERS_${dep})
    list(APPEND visible ${dep_visible})
    target_link_libraries(${lib} PUBLIC detente_${dep})
  endforeach()
  list(REMOVE_DUPLICATES visible)
  set_property(GLOBAL PROPERTY DETENTE_LAYER_HEADERS_${NAME} ${visible})
  set_property(GLOBAL APPEND PROPERTY DETENTE_ALL_HEADERS ${L_HEADERS})
  detente_layer_view(${lib} ${NAME} HEADERS ${visible} STAGES ${L_DIR} ${L_INTERNALS})
endfunction()
