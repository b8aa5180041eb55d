# cmake -DSOURCE_DIR=... -DVERSION=... -DIN=version.cpp.in -DOUT=version.cpp -P version.cmake
# Run at every build: writes OUT only when the version changes, so that a new commit (or a
# tree turning dirty) recompiles one file and nothing else.
set(VITSCOPE_VERSION_FULL ${VERSION})
find_package(Git QUIET)
if(GIT_FOUND AND EXISTS ${SOURCE_DIR}/.git)
  execute_process(COMMAND ${GIT_EXECUTABLE} describe --always --dirty
                  WORKING_DIRECTORY ${SOURCE_DIR}
                  OUTPUT_VARIABLE describe OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE status ERROR_QUIET)
  if(status EQUAL 0 AND describe)
    set(VITSCOPE_VERSION_FULL "${VERSION} (git ${describe})")
  endif()
endif()
configure_file(${IN} ${OUT}.new @ONLY)
file(COPY_FILE ${OUT}.new ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.new)
