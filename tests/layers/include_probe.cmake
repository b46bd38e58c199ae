# Compiles a one-line file, `#include "HEADER"`, with the include path of one
# library (INCLUDES, '|'-separated) and checks the outcome: EXPECT=fails
# passes only when the compiler stops because it cannot find HEADER (so a
# probe broken in any other way fails the test); EXPECT=builds passes only
# when it compiles. EXPECT=refused is for a relative HEADER
# ("../store/writer.h"): the file is put in WORK/src/STAGE/, next to links to
# the real src/<stage> folders and include/, where the compiler does find the
# header; the test passes only when cmake/check_includes.cmake (which the
# build runs over src/) refuses the file, naming it and the line. Run by
# CTest (tests/CMakeLists.txt, "layers:" tests).
#
#   cmake -DCXX=... -DINCLUDES=a|b -DHEADER=store/writer.h -DEXPECT=fails
#         -DWORK=dir [-DSOURCE=repo -DSTAGE=graph] -P include_probe.cmake
foreach(v CXX INCLUDES HEADER EXPECT WORK)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "include_probe.cmake: -D${v}= is required")
  endif()
endforeach()
string(REPLACE "|" ";" dirs "${INCLUDES}")
set(flags -std=c++20 -fsyntax-only)
foreach(d IN LISTS dirs)
  list(APPEND flags "-I${d}")
endforeach()
string(MAKE_C_IDENTIFIER "${HEADER}" id)
file(MAKE_DIRECTORY ${WORK})
set(probe ${WORK}/probe_${id}.cpp)
if(EXPECT STREQUAL "refused")
  file(REMOVE_RECURSE ${WORK}/src ${WORK}/include)
  file(MAKE_DIRECTORY ${WORK}/src/${STAGE})
  file(GLOB stages RELATIVE ${SOURCE}/src ${SOURCE}/src/*)
  foreach(s IN LISTS stages)
    if(NOT s STREQUAL STAGE)
      file(CREATE_LINK ${SOURCE}/src/${s} ${WORK}/src/${s} SYMBOLIC)
    endif()
  endforeach()
  file(CREATE_LINK ${SOURCE}/include ${WORK}/include SYMBOLIC)
  set(probe ${WORK}/src/${STAGE}/probe.cpp)
endif()
file(WRITE ${probe} "#include \"${HEADER}\"\n")
execute_process(COMMAND ${CXX} ${flags} ${probe}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(EXPECT STREQUAL "builds")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "\"${HEADER}\" should compile with ${INCLUDES} but did not:\n${err}")
  endif()
  message(STATUS "ok: \"${HEADER}\" compiles")
elseif(EXPECT STREQUAL "fails")
  if(rc EQUAL 0)
    message(FATAL_ERROR "\"${HEADER}\" compiled with ${INCLUDES}; the layer should not see it")
  endif()
  string(FIND "${err}" "${HEADER}: No such file or directory" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "\"${HEADER}\" failed for another reason than not being found:\n${err}")
  endif()
  message(STATUS "ok: \"${HEADER}\" is not found, as it should not be")
elseif(EXPECT STREQUAL "refused")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "\"${HEADER}\" from src/${STAGE}/ should be found by the compiler "
                        "(the check, not the path, must stop it) but was not:\n${err}")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${WORK}/src/${STAGE}
                          -P ${SOURCE}/cmake/check_includes.cmake
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  string(FIND "${err}" "${probe}:1: #include \"${HEADER}\"" at)
  if(rc EQUAL 0 OR at EQUAL -1)
    message(FATAL_ERROR "check_includes.cmake did not refuse \"${HEADER}\" in ${probe}:\n${err}")
  endif()
  message(STATUS "ok: \"${HEADER}\" is refused by the include check")
else()
  message(FATAL_ERROR "EXPECT must be fails, builds or refused, not ${EXPECT}")
endif()
