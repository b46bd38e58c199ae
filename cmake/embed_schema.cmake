# Writes OUT, a C++ file holding every SCHEMA_DIR/NNNN_name.sql migration as a
# raw string literal, in version order. Run at build time (cmake -P) so that
# the binary needs no schema files at run time.
file(GLOB files "${SCHEMA_DIR}/*.sql")
list(SORT files)
set(delim "detente_sql")
set(body "")
set(expected 1)
foreach(f IN LISTS files)
  get_filename_component(base "${f}" NAME)
  if(NOT base MATCHES "^([0-9][0-9][0-9][0-9])_([A-Za-z0-9_]+)\\.sql$")
    message(FATAL_ERROR "schema/${base}: migrations must be named NNNN_name.sql")
  endif()
  set(name "${CMAKE_MATCH_2}")
  string(REGEX REPLACE "^0+([0-9])" "\\1" version "${CMAKE_MATCH_1}")
  if(NOT version EQUAL expected)
    message(FATAL_ERROR "schema/${base}: expected migration number ${expected}")
  endif()
  math(EXPR expected "${expected} + 1")
  file(READ "${f}" sql)
  string(FIND "${sql}" ")${delim}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "schema/${base} contains the raw-string delimiter")
  endif()
  string(APPEND body "    {${version}, \"${name}\", R\"${delim}(${sql})${delim}\"},\n")
endforeach()
if(expected EQUAL 1)
  message(FATAL_ERROR "no migrations in ${SCHEMA_DIR}")
endif()
set(content "// Generated from schema/*.sql by cmake/embed_schema.cmake. Do not edit.
#include \"store/migrations.h\"

namespace detente {

const Migration kMigrations[] = {
${body}};
const size_t kMigrationCount = sizeof(kMigrations) / sizeof(kMigrations[0]);

}  // namespace detente
")
file(WRITE "${OUT}.tmp" "${content}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
