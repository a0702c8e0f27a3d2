# Installs BUILD_DIR into a staging root (DESTDIR=STAGE, prefix /usr) and checks what a Debian
# package of it would hold: every file is there, the program starts, and — when the tool is
# installed — desktop-file-validate, appstreamcli validate and groff accept the desktop entry, the
# metainfo and the man page (a missing tool is reported and skipped; the file checks always run).
# cmake -P this file with -DBUILD_DIR=… -DSTAGE=… -DWITH_APP=ON|OFF
cmake_minimum_required(VERSION 3.22)
set(id io.github.attentionlab.AttentionLab)

file(REMOVE_RECURSE ${STAGE})
execute_process(COMMAND ${CMAKE_COMMAND} -E env DESTDIR=${STAGE} ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix /usr
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed:\n${out}")
endif()

set(root ${STAGE}/usr)
set(expected include/attention-lab/core/model.h include/attention-lab/core/trace.h)
set(expected_in_libdir libalab_core.a cmake/AttentionLab/AttentionLabConfig.cmake
    cmake/AttentionLab/AttentionLabConfigVersion.cmake cmake/AttentionLab/AttentionLabTargets.cmake)
if(WITH_APP)
  list(APPEND expected bin/attention-lab share/applications/${id}.desktop share/metainfo/${id}.metainfo.xml
       share/icons/hicolor/scalable/apps/${id}.svg share/attention-lab/models/en-zh/model.safetensors
       share/attention-lab/models/reverse/model.safetensors)
endif()
set(man ${root}/share/man/man1/attention-lab.1)  # gzipped when gzip was found at configure time
if(WITH_APP AND NOT EXISTS ${man} AND EXISTS ${man}.gz)
  find_program(GZIP gzip REQUIRED)
  execute_process(COMMAND ${GZIP} -dc ${man}.gz OUTPUT_FILE ${STAGE}/attention-lab.1 COMMAND_ERROR_IS_FATAL ANY)
  set(man ${STAGE}/attention-lab.1)
elseif(WITH_APP AND NOT EXISTS ${man})
  list(APPEND expected share/man/man1/attention-lab.1)  # reported as missing below
endif()
file(GLOB libdir LIST_DIRECTORIES true ${root}/lib/*-linux-gnu*)  # lib/<multiarch> for prefix /usr
if(NOT libdir)
  set(libdir ${root}/lib)
endif()
set(missing "")
foreach(f ${expected})
  if(NOT EXISTS ${root}/${f} OR IS_DIRECTORY ${root}/${f})
    list(APPEND missing ${f})
  endif()
endforeach()
foreach(f ${expected_in_libdir})
  if(NOT EXISTS ${libdir}/${f})
    list(APPEND missing <libdir>/${f})
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "the staged install lacks: ${missing}")
endif()
list(LENGTH expected n)
list(LENGTH expected_in_libdir m)
math(EXPR n "${n} + ${m}")
message(STATUS "all ${n} expected files present under ${root}")
if(NOT WITH_APP)
  return()
endif()

function(check what)  # check(<label> <command...>): the command must exit 0 and print no warning
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR err MATCHES "warning|error")
    message(FATAL_ERROR "${what} failed (exit ${rc}):\n${out}\n${err}")
  endif()
  message(STATUS "${what}: ok")
endfunction()

check("attention-lab --help" ${root}/bin/attention-lab --help)
execute_process(COMMAND ${root}/bin/attention-lab translate --model en-zh --src "my mother eats the rice ."
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "米 饭")  # the installed program finds its installed model
  message(FATAL_ERROR "attention-lab translate --model en-zh failed (exit ${rc}): ${out}${err}")
endif()
message(STATUS "attention-lab translate --model en-zh: ${out}")
file(READ ${root}/share/applications/${id}.desktop desktop)
foreach(key "Exec=attention-lab" "Icon=${id}" "Name[zh_CN]=" "Categories=Education;Science;")
  string(FIND "${desktop}" "${key}" at)
  if(at LESS 0)
    message(FATAL_ERROR "the desktop entry has no ${key}")
  endif()
endforeach()
file(READ ${root}/share/icons/hicolor/scalable/apps/${id}.svg svg)
if(NOT svg MATCHES "<svg[^>]*viewBox")
  message(FATAL_ERROR "the icon is not an SVG with a viewBox")
endif()

find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
find_program(APPSTREAMCLI appstreamcli)
find_program(GROFF groff)
if(DESKTOP_FILE_VALIDATE)
  check("desktop-file-validate" ${DESKTOP_FILE_VALIDATE} ${root}/share/applications/${id}.desktop)
else()
  message(STATUS "desktop-file-validate not installed (desktop-file-utils): skipped")
endif()
if(APPSTREAMCLI)
  check("appstreamcli validate" ${APPSTREAMCLI} validate --no-net ${root}/share/metainfo/${id}.metainfo.xml)
else()
  message(STATUS "appstreamcli not installed (appstream): skipped")
endif()
if(GROFF)
  check("groff -man" ${GROFF} -man -Tutf8 -ww -z ${man})
else()
  message(STATUS "groff not installed (groff-base): skipped")
endif()
