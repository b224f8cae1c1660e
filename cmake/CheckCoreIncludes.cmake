# Fails when a header in DIR includes anything but an allowed standard header or another core
# header. Usage: cmake -DDIR=<dir> -P CheckCoreIncludes.cmake
# The allowed list is deliberately short: no I/O (<iostream>, <fstream>, <cstdio>, <filesystem>),
# no threads, no randomness, no clock calls beyond the <chrono> types.
set(allowed
  algorithm array bitset cctype charconv chrono cmath compare concepts cstddef cstdint cstdlib
  functional initializer_list iterator limits map memory numeric optional set span string
  string_view system_error tuple type_traits unordered_map utility variant vector)

if(NOT DIR)
  message(FATAL_ERROR "CheckCoreIncludes: DIR is not set")
endif()
file(GLOB headers ${DIR}/*.h)
set(violations "")
foreach(header IN LISTS headers)
  file(STRINGS ${header} lines REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS lines)
    if(line MATCHES "<([^>]+)>")
      list(FIND allowed "${CMAKE_MATCH_1}" index)
      if(index EQUAL -1)
        list(APPEND violations "${header}: <${CMAKE_MATCH_1}> is not an allowed core include")
      endif()
    elseif(line MATCHES "\"([^\"]+)\"")
      if(NOT CMAKE_MATCH_1 MATCHES "^core/")
        list(APPEND violations "${header}: \"${CMAKE_MATCH_1}\" is outside src/core")
      endif()
    endif()
  endforeach()
endforeach()
if(violations)
  list(JOIN violations "\n" text)
  message(FATAL_ERROR "src/core must stay pure:\n${text}")
endif()
