# A compile-time test (as HowardHinnant/date's `*.fail.cpp`): compiles SOURCE against the public
# headers, syntax only, and checks the outcome. A `*.fail.cpp` must not compile, and must fail with
# the diagnostic its `// expected-error: REGEX` line names, so it cannot pass by failing for another
# reason (a typo, a missing include). A `*.pass.cpp` must compile. EXPECT=fail|pass overrides the
# file name's, and EXPECTED_ERROR the file's regex (the harness's own test uses both).
# Run as: cmake -DCXX=... -DSOURCE=... -DINCLUDE_DIR=... "-DEXTRA_INCLUDES=..." -P compile_test.cmake
if(NOT EXPECT)
  if(SOURCE MATCHES "\\.fail\\.cpp$")
    set(EXPECT fail)
  else()
    set(EXPECT pass)
  endif()
endif()
set(flags -std=c++20 -fsyntax-only -I${INCLUDE_DIR})
foreach(dir IN LISTS EXTRA_INCLUDES)
  list(APPEND flags -I${dir})
endforeach()
# LC_ALL=C: plain quotes in the compiler's messages, whatever the locale.
execute_process(COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C ${CXX} ${flags} ${SOURCE}
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
if(EXPECT STREQUAL "pass")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${SOURCE} must compile, but does not:\n${output}${errors}")
  endif()
  message(STATUS "${SOURCE} compiles, as it must")
  return()
endif()
if(NOT EXPECTED_ERROR)
  file(STRINGS ${SOURCE} lines REGEX "^// expected-error: ")
  if(lines)
    list(GET lines 0 EXPECTED_ERROR)
    string(REGEX REPLACE "^// expected-error: " "" EXPECTED_ERROR "${EXPECTED_ERROR}")
  endif()
endif()
if(NOT EXPECTED_ERROR)
  message(FATAL_ERROR "${SOURCE} names no diagnostic: give it a line `// expected-error: REGEX`")
endif()
if(result EQUAL 0)
  message(STATUS "compiled but must not: ${SOURCE}")  # one line, for the harness's own test to match
  message(FATAL_ERROR "${SOURCE} compiled, but must not")
endif()
if(NOT errors MATCHES "${EXPECTED_ERROR}")
  message(FATAL_ERROR "${SOURCE} does not compile, but not with `${EXPECTED_ERROR}`:\n${output}${errors}")
endif()
message(STATUS "${SOURCE} does not compile, as it must: `${CMAKE_MATCH_0}`")
