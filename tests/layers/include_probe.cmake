# Compiles a one-line file, `#include "HEADER"`, with the include path of one
# library (INCLUDES, '|'-separated) and checks the outcome: EXPECT=fails
# passes only when the compiler stops because it cannot find HEADER (so a
# probe broken in any other way fails the test); EXPECT=builds passes only
# when it compiles. Run by CTest (tests/CMakeLists.txt, "layers:" tests).
#
#   cmake -DCXX=... -DINCLUDES=a|b -DHEADER=store/writer.h -DEXPECT=fails
#         -DWORK=dir -P include_probe.cmake
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
else()
  message(FATAL_ERROR "EXPECT must be fails or builds, not ${EXPECT}")
endif()
