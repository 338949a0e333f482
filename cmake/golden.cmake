# Runs PROGRAM ARGS and compares its standard output with EXPECTED.
# With -DCOLLECT=ON it writes the output to EXPECTED instead (refresh on purpose only).
separate_arguments(args UNIX_COMMAND "${ARGS}")
execute_process(COMMAND ${PROGRAM} ${args} OUTPUT_VARIABLE actual RESULT_VARIABLE status)
if(COLLECT)
  file(WRITE ${EXPECTED} "${actual}")
  return()
endif()
file(READ ${EXPECTED} expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "output of ${PROGRAM} differs from ${EXPECTED}:\n--- expected\n${expected}\n--- actual\n${actual}")
endif()
message(STATUS "exit status ${status}; output as expected")
