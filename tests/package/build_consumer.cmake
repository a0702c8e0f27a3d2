# Configures, builds and runs tests/package/consumer, in one of two modes (cmake -P this file):
#   MODE=find_package  first builds and installs the core alone (ALAB_BUILD_UI=OFF, portable flags)
#                      from SOURCE_DIR into WORK/prefix, then finds it with find_package(AttentionLab)
#   MODE=subdirectory  adds SOURCE_DIR with add_subdirectory
# Also: WORK (a scratch folder, emptied first), LAUNCHER (e.g. ccache, may be empty).
cmake_minimum_required(VERSION 3.22)
foreach(v MODE SOURCE_DIR WORK)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "build_consumer.cmake needs -D${v}=...")
  endif()
endforeach()
set(common -DCMAKE_BUILD_TYPE=Release -G "Unix Makefiles")
if(LAUNCHER)
  list(APPEND common -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER})
endif()

function(step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK})
if(MODE STREQUAL "find_package")
  # The object folders sit at the same depth as in subdirectory mode, so ccache can share them.
  step("configuring the core alone" ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK}/core ${common}
       -DALAB_BUILD_UI=OFF -DBUILD_TESTING=OFF -DALAB_NATIVE=OFF -DCMAKE_INSTALL_PREFIX=${WORK}/prefix)
  step("building the core" ${CMAKE_COMMAND} --build ${WORK}/core -j2 --target alab_core)
  step("installing the core" ${CMAKE_COMMAND} --install ${WORK}/core --component dev)
  if(NOT EXISTS ${WORK}/prefix/include/attention-lab/core/model.h)
    message(FATAL_ERROR "the install has no include/attention-lab/core/model.h")
  endif()
  set(consumer_args -DCMAKE_PREFIX_PATH=${WORK}/prefix)
elseif(MODE STREQUAL "subdirectory")
  set(consumer_args -DALAB_SOURCE_DIR=${SOURCE_DIR})
else()
  message(FATAL_ERROR "MODE must be find_package or subdirectory, not ${MODE}")
endif()

step("configuring the consumer" ${CMAKE_COMMAND} -S ${CMAKE_CURRENT_LIST_DIR}/consumer -B ${WORK}/c ${common}
     ${consumer_args})
step("building the consumer" ${CMAKE_COMMAND} --build ${WORK}/c -j2 --target alab_consumer)
step("running the consumer" ${WORK}/c/alab_consumer)
message(STATUS "${step_output}")
