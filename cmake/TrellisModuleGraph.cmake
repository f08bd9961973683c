# The kernel's module graph: each module (tk_<name>) and the kernel modules it
# declares in its DEPS. Included by the build (which records the graph and links
# each module on its own) and by tests/module_graph.cmake (which checks it
# against CONTRIBUTING.md). Both hold the graph the same way: a list of modules
# in `modules_var`, and each one's declared modules in TRELLIS_DEPS_<module>.

# Sets `out` to the modules that stand on a cycle, in the order given; empty
# when there is none. Kahn's algorithm: take away, again and again, every
# module whose declared modules have all been taken away; what cannot be taken
# away is on a cycle (or stands on one).
function(trellis_graph_cycle modules_var out)
  set(left ${${modules_var}})
  set(progress TRUE)
  while(left AND progress)
    set(progress FALSE)
    set(still)
    foreach(m IN LISTS left)
      set(ready TRUE)
      foreach(d IN LISTS TRELLIS_DEPS_${m})
        if(d IN_LIST left)
          set(ready FALSE)
        endif()
      endforeach()
      if(ready)
        set(progress TRUE)
      else()
        list(APPEND still ${m})
      endif()
    endforeach()
    set(left ${still})
  endwhile()
  set(${out} ${left} PARENT_SCOPE)
endfunction()

# "tk_a -> tk_b -> tk_a": one cycle through the modules `trellis_graph_cycle`
# left, for a message a person can act on.
function(trellis_graph_describe_cycle stuck_var out)
  set(stuck ${${stuck_var}})
  list(GET stuck 0 m)
  set(path ${m})
  while(TRUE)
    foreach(d IN LISTS TRELLIS_DEPS_${m})
      if(d IN_LIST stuck)
        set(next ${d})
        break()
      endif()
    endforeach()
    if(next IN_LIST path)
      list(FIND path ${next} at)
      list(SUBLIST path ${at} -1 cycle)
      list(APPEND cycle ${next})
      list(JOIN cycle " -> " text)
      set(${out} "${text}" PARENT_SCOPE)
      return()
    endif()
    list(APPEND path ${next})
    set(m ${next})
  endwhile()
endfunction()

# Sets `out` to every module `module` stands on, directly or through another.
function(trellis_graph_closure module out)
  set(seen)
  set(todo ${TRELLIS_DEPS_${module}})
  while(todo)
    list(POP_FRONT todo m)
    if(NOT m IN_LIST seen)
      list(APPEND seen ${m})
      list(APPEND todo ${TRELLIS_DEPS_${m}})
    endif()
  endwhile()
  set(${out} ${seen} PARENT_SCOPE)
endfunction()

# "tk_x: tk_a tk_b", the form CONTRIBUTING.md's graph is written in.
function(trellis_graph_line module out)
  list(JOIN TRELLIS_DEPS_${module} " " deps)
  string(STRIP "${module}: ${deps}" line)
  set(${out} "${line}" PARENT_SCOPE)
endfunction()

# At configure time, after every module is declared (kernel/CMakeLists.txt
# defers the call to the end of its directory, so a module added anywhere in
# it is included):
# - a cycle fails the configure step, naming it;
# - the graph is written to kernel-modules.txt in the build folder, for the
#   test that compares it with CONTRIBUTING.md;
# - each module is linked on its own, as a shared library of its objects and
#   those of the modules it stands on, with --no-undefined: a module calling
#   code of one it does not declare fails the build here, and names the symbol.
function(trellis_check_kernel_modules)
  get_property(modules GLOBAL PROPERTY TRELLIS_KERNEL_MODULES)
  foreach(m IN LISTS modules)
    get_property(TRELLIS_DEPS_${m} TARGET ${m} PROPERTY TRELLIS_MODULE_DEPS)
  endforeach()
  trellis_graph_cycle(modules stuck)
  if(stuck)
    trellis_graph_describe_cycle(stuck cycle)
    message(FATAL_ERROR "The kernel's modules depend on each other in a cycle: ${cycle}. "
                        "Move what both need into a module below them, or the use that joins them into tk_usecases.")
  endif()

  set(text "")
  foreach(m IN LISTS modules)
    trellis_graph_line(${m} line)
    string(APPEND text "${line}\n")
  endforeach()
  file(CONFIGURE OUTPUT ${PROJECT_BINARY_DIR}/kernel-modules.txt CONTENT "${text}")

  foreach(m IN LISTS modules)
    trellis_graph_closure(${m} closure)
    set(check ${m}_links_alone)
    add_library(${check} SHARED)
    # A module's objects are in it only when linked directly: list them all.
    target_link_libraries(${check} PRIVATE ${m} ${closure})
    # trellis_warnings brings the sanitizer runtimes in a sanitized build,
    # which --no-undefined then finds (GCC links them as shared libraries).
    trellis_warnings(${check})
    target_link_options(${check} PRIVATE -Wl,--no-undefined)
    set_target_properties(${check} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/module-links)
  endforeach()
endfunction()
