# Writes OUTPUT/NAME for every executable `pai run --list` names: a shell script that runs
# `dotnet PAI_DLL run NAME`, found relative to itself so the install can move (or be symlinked).
# Usage: cmake -DDOTNET=... -DPAI_DLL=.../pai/pai.dll -DOUTPUT=... -P pai_wrappers.cmake
execute_process(
  COMMAND "${DOTNET}" "${PAI_DLL}" run --list
  OUTPUT_VARIABLE _names
  ERROR_VARIABLE _errors
  RESULT_VARIABLE _result)
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "'dotnet ${PAI_DLL} run --list' failed (${_result}): ${_errors}")
endif()

file(REMOVE_RECURSE "${OUTPUT}")
file(MAKE_DIRECTORY "${OUTPUT}")
string(REPLACE "\n" ";" _names "${_names}")
foreach(_name IN LISTS _names)
  if(_name STREQUAL "")
    continue()
  endif()
  file(WRITE "${OUTPUT}/${_name}"
"#!/bin/sh
# physical_ai_ros ${_name}: the node started as `pai run ${_name}`, as pai run and pai launch start it.
here=\"$(dirname \"$(readlink -f \"$0\")\")\"
exec dotnet \"$here/pai/pai.dll\" run ${_name} \"$@\"
")
endforeach()
file(WRITE "${OUTPUT}/.stamp" "${_names}")
