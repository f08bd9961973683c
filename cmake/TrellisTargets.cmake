# Warnings are errors in the project's own code (unless TRELLIS_WERROR is OFF,
# for packagers on other compilers); third-party headers come in as SYSTEM.
function(trellis_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  if(TRELLIS_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(TRELLIS_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# A kernel module is an OBJECT library under kernel/<name>/ so that each one
# builds (and its tests run) without the others; libtrellis-kernel joins them.
function(trellis_kernel_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS" ${ARGN})
  add_library(tk_${name} OBJECT ${M_SOURCES})
  trellis_warnings(tk_${name})
  target_include_directories(tk_${name} PUBLIC ${PROJECT_SOURCE_DIR}/kernel/include)
  target_link_libraries(tk_${name} PUBLIC trellis_sdk ${M_DEPS})
  set_property(GLOBAL APPEND PROPERTY TRELLIS_KERNEL_MODULES tk_${name})
  # The kernel modules among its DEPS: the module graph (TrellisModuleGraph.cmake).
  set(modules ${M_DEPS})
  list(FILTER modules INCLUDE REGEX "^tk_")
  set_property(TARGET tk_${name} PROPERTY TRELLIS_MODULE_DEPS ${modules})
endfunction()

# Test code is built without optimisation in every build type: it runs in
# milliseconds, and optimising it cost about a fifth of a CI build. The code
# under test keeps the build type's flags.
function(trellis_test_code target)
  if(NOT CMAKE_BUILD_TYPE STREQUAL "Debug")
    target_compile_options(${target} PRIVATE -O0)
  endif()
endfunction()

# One Catch2 test executable per folder of tests/unit.
function(trellis_unit_test name)
  cmake_parse_arguments(T "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(test_${name} ${T_SOURCES})
  trellis_warnings(test_${name})
  trellis_test_code(test_${name})
  target_link_libraries(test_${name} PRIVATE catch_main ${T_DEPS})
  target_compile_definitions(test_${name} PRIVATE
    TRELLIS_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    TRELLIS_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
    TRELLIS_BUILD_DIR="${PROJECT_BINARY_DIR}")
  add_test(NAME unit.${name} COMMAND test_${name})
endfunction()

# Paths the kernel needs at run time, known at configure time.
function(trellis_paths target)
  target_compile_definitions(${target} PRIVATE
    TRELLIS_BUILD_PLUGIN_DIR="${TRELLIS_BUILD_PLUGIN_DIR}"
    TRELLIS_INSTALL_PLUGIN_DIR="${TRELLIS_INSTALL_PLUGIN_DIR}"
    TRELLIS_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    TRELLIS_INSTALL_DATA_DIR="${CMAKE_INSTALL_FULL_DATADIR}/trellis")
endfunction()

# An in-tree regime plugin: plugins/<name>/ built as trellis-regime-<name>.so
# into the build's plugin folder, and installed to the plugin folder. Like an
# out-of-tree plugin it sees the SDK only, and exports nothing but its two
# symbols (hidden visibility).
#
#     trellis_regime_plugin(telford SOURCES telford.cpp)
function(trellis_regime_plugin name)
  cmake_parse_arguments(P "" "" "SOURCES" ${ARGN})
  set(target trellis_regime_${name})
  add_library(${target} MODULE ${P_SOURCES})
  trellis_warnings(${target})
  target_link_libraries(${target} PRIVATE trellis_sdk)
  # --no-undefined: a plugin reaching past the SDK fails at link time, not at load.
  target_link_options(${target} PRIVATE -Wl,--no-undefined)
  # Relative destination and RPATH, so that `cmake --install --prefix P` works.
  file(RELATIVE_PATH dest ${CMAKE_INSTALL_PREFIX} ${TRELLIS_INSTALL_PLUGIN_DIR})
  file(RELATIVE_PATH to_libdir ${TRELLIS_INSTALL_PLUGIN_DIR} ${CMAKE_INSTALL_FULL_LIBDIR})
  set_target_properties(${target} PROPERTIES
    PREFIX "" OUTPUT_NAME trellis-regime-${name}
    LIBRARY_OUTPUT_DIRECTORY ${TRELLIS_BUILD_PLUGIN_DIR}
    CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON
    INSTALL_RPATH "$ORIGIN/${to_libdir}")
  install(TARGETS ${target} LIBRARY DESTINATION ${dest})
endfunction()
