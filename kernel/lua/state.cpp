// The sandbox: one Lua state, built once, in which threshold scripts run.
//
// The decisions, in the manner of Redis's script_lua.c (each has a test in
// tests/unit/lua/ and a script in tests/lua-hostile/):
//
//  1. Libraries: base, string, table, math and utf8 only. No io, os, debug,
//     package or coroutine (a threshold has no use for coroutines, and
//     without them the instruction budget watches a single thread).
//  2. From base: no load, loadfile, dofile, require, collectgarbage, print or
//     warn. string.dump is deleted from the real string table, since strings
//     reach it as ("").dump. math.random and math.randomseed are left out:
//     an assessment must come out the same every time.
//  3. Chunks are loaded in text mode only ("t"): bytecode is refused.
//  4. Scripts never see the state's real globals. Each run gets a fresh _ENV
//     whose protected metatable reads through to a shared base environment,
//     in which string, table, math and utf8 are read-only copies. The chunk
//     runs afresh for every school, so nothing a script keeps in a global or
//     an upvalue reaches the next school or another script.
//  5. The string metatable is locked (__metatable), so getmetatable("")
//     yields no table to tamper with.
//  6. school and params are read-only proxies (readonly.cpp): empty tables
//     with a protected metatable. rawset is replaced by a version that
//     refuses them; setmetatable refuses metatables carrying __gc, because a
//     finalizer would run outside any budget (during GC or lua_close).
//  7. An instruction budget per run, through a count hook. Once it is spent
//     the hook fires on every instruction, so a pcall that swallows the
//     error cannot win more time: the next instruction fails again. An
//     xpcall message handler would run with hooks off (Lua is still inside
//     the hook), so xpcall skips the handler once the budget is spent.
//  8. A memory cap per state through the allocator (cap_alloc). string.rep
//     checks its size first; other refusals note the running line, since
//     Lua gives memory errors no position.
//  9. The pattern functions refuse patterns whose worst case is too costly
//     for the subject's length (guards.cpp): the budget cannot interrupt C.
// 10. Deep recursion ends in Lua's own "stack overflow" (or the memory cap);
//     C recursion is bounded by LUAI_MAXCCALLS.
// 11. pairs iterates in a fixed key order: Lua's own order follows a hash
//     seeded per process, and the same evidence must give the same reasons.
// 12. tostring and string.format show no memory address: Lua's own print
//     "table: 0x55d1…", which differs from run to run, and a dry run must
//     give the same reasons twice (issue 19). They print the type alone,
//     unless the value has a __tostring; %p is refused.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "state.hpp"
#include "trellis/text.hpp"

namespace trellis::lua::detail {
namespace {

// The running script's line. Only called where Lua is about to run an
// emergency full collection (a refused allocation), so the state is
// consistent enough for the collector to walk, and so for lua_getstack.
int current_line(lua_State* L) {
  lua_Debug ar;
  for (int level = 0; lua_getstack(L, level, &ar); ++level)
    if (lua_getinfo(L, "l", &ar) && ar.currentline > 0) return ar.currentline;
  return 0;
}

// Lua's allocator contract: free when nsize is 0; when ptr is null, osize
// encodes the object type, not a size. Shrinking must never fail.
void* cap_alloc(void* ud, void* ptr, std::size_t osize, std::size_t nsize) {
  auto& account = *static_cast<MemoryAccount*>(ud);
  const std::size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    std::free(ptr);
    account.used -= old;
    return nullptr;
  }
  if (nsize > old) {
    const std::size_t room = account.limit > account.used ? account.limit - account.used : 0;
    if (nsize - old > room) {
      if (account.L) account.refused_line = current_line(account.L);
      return nullptr;
    }
  }
  void* p = std::realloc(ptr, nsize);
  if (p) account.used = account.used - old + nsize;
  return p;
}

void budget_hook(lua_State* L, lua_Debug* ar) {
  Budget& b = state_of(L).budget;
  if (lua_getinfo(L, "l", ar) && ar->currentline > 0) b.last_line = ar->currentline;
  if (!b.exceeded) {
    b.used += static_cast<std::uint64_t>(b.step);
    if (b.used < b.limit) return;
    b.exceeded = true;
    b.first_line = b.last_line;
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);  // from now on, every instruction fails
  }
  lua_getinfo(L, "S", ar);
  lua_pushfstring(L, "%s:%d: stopped after %I instructions (the instruction budget)", ar->short_src,
                  ar->currentline, static_cast<lua_Integer>(b.limit));
  lua_error(L);
}

// Our own code never calls a raising API outside a protected call; if it
// ever did, unwinding through C++ frames is not an option.
int panic(lua_State* L) {
  const char* msg = lua_tostring(L, -1);
  const std::string shown = for_terminal(msg ? msg : "?");  // a script's text, escaped (issue 19)
  std::fprintf(stderr, "trellis: unprotected error in the Lua sandbox: %s\n", shown.c_str());
  std::abort();
}

bool shows_address(lua_State* L, int i) {
  switch (lua_type(L, i)) {
    case LUA_TTABLE:
    case LUA_TFUNCTION:
    case LUA_TUSERDATA:
    case LUA_TLIGHTUSERDATA:
    case LUA_TTHREAD:
      if (luaL_getmetafield(L, i, "__tostring") != LUA_TNIL) {
        lua_pop(L, 1);
        return false;
      }
      return true;
    default:
      return false;
  }
}

int plain_tostring(lua_State* L) {
  luaL_checkany(L, 1);
  if (shows_address(L, 1)) lua_pushstring(L, luaL_typename(L, 1));
  else luaL_tolstring(L, 1, nullptr);
  return 1;
}

// string.format, with its arguments that would print an address replaced by their type, and %p refused.
int plain_format(lua_State* L) {
  std::size_t n = 0;
  const char* f = luaL_checklstring(L, 1, &n);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (f[i] != '%') continue;
    std::size_t j = i + 1;
    while (j < n && std::strchr("-+ #0123456789.", f[j])) ++j;
    if (j < n && f[j] == 'p') return luaL_error(L, "string.format: %%p shows a memory address, which differs from run to run");
    i = j;
  }
  const int top = lua_gettop(L);
  for (int i = 2; i <= top; ++i)
    if (shows_address(L, i)) {
      lua_pushstring(L, luaL_typename(L, i));
      lua_replace(L, i);
    }
  // Lua's own format (upvalue 1, a C function) works on this very frame: no second call.
  return lua_tocfunction(L, lua_upvalueindex(1))(L);
}

constexpr const char* base_names[] = {
    "assert", "error",  "getmetatable", "ipairs",   "next",     "pairs", "pcall",    "rawequal", "rawget",
    "rawlen", "rawset", "select",       "setmetatable", "tonumber", "tostring", "type", "xpcall", "_VERSION"};

// Pushes a read-only copy of global library `name`, without `skip` members.
void push_library_copy(lua_State* L, const char* name, std::initializer_list<const char*> skip) {
  lua_getglobal(L, name);
  const int lib = lua_gettop(L);
  lua_newtable(L);
  lua_pushnil(L);
  while (lua_next(L, lib)) {
    bool keep = true;
    if (lua_type(L, -2) == LUA_TSTRING)
      for (const char* s : skip) keep = keep && std::string_view(lua_tostring(L, -2)) != s;
    if (keep) {
      lua_pushvalue(L, -2);
      lua_insert(L, -2);
      lua_rawset(L, -4);
    } else {
      lua_pop(L, 1);
    }
  }
  make_read_only(L);
  lua_remove(L, lib);
}

int build(lua_State* L) {
  SandboxState& s = state_of(L);
  const luaL_Reg libs[] = {{LUA_GNAME, luaopen_base},
                           {LUA_STRLIBNAME, luaopen_string},
                           {LUA_TABLIBNAME, luaopen_table},
                           {LUA_MATHLIBNAME, luaopen_math},
                           {LUA_UTF8LIBNAME, luaopen_utf8}};
  for (const auto& lib : libs) {
    luaL_requiref(L, lib.name, lib.func, 1);
    lua_pop(L, 1);
  }
  lua_getglobal(L, LUA_STRLIBNAME);
  lua_pushnil(L);
  lua_setfield(L, -2, "dump");
  lua_pop(L, 1);
  install_guards(L);
  lua_pushcfunction(L, plain_tostring);
  lua_setglobal(L, "tostring");
  lua_getglobal(L, LUA_STRLIBNAME);
  lua_getfield(L, -1, "format");
  lua_pushcclosure(L, plain_format, 1);
  lua_setfield(L, -2, "format");
  lua_pop(L, 1);

  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);
  lua_pushliteral(L, "locked");
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 2);

  lua_createtable(L, 0, 24);
  for (const char* name : base_names) {
    lua_getglobal(L, name);
    lua_setfield(L, -2, name);
  }
  push_library_copy(L, LUA_STRLIBNAME, {});
  lua_setfield(L, -2, LUA_STRLIBNAME);
  push_library_copy(L, LUA_TABLIBNAME, {});
  lua_setfield(L, -2, LUA_TABLIBNAME);
  push_library_copy(L, LUA_MATHLIBNAME, {"random", "randomseed"});
  lua_setfield(L, -2, LUA_MATHLIBNAME);
  push_library_copy(L, LUA_UTF8LIBNAME, {});
  lua_setfield(L, -2, LUA_UTF8LIBNAME);
  s.globals_ref = luaL_ref(L, LUA_REGISTRYINDEX);

  lua_createtable(L, 0, 2);
  lua_rawgeti(L, LUA_REGISTRYINDEX, s.globals_ref);
  lua_setfield(L, -2, "__index");
  lua_pushliteral(L, "locked");
  lua_setfield(L, -2, "__metatable");
  s.env_meta_ref = luaL_ref(L, LUA_REGISTRYINDEX);

  // Each run leaves only young garbage (its environment, school and reasons).
  lua_gc(L, LUA_GCGEN, 0, 0);
  return 0;
}

}  // namespace

SandboxState& state_of(lua_State* L) { return **static_cast<SandboxState**>(lua_getextraspace(L)); }

void open_sandbox(SandboxState& s, const Limits& limits) {
  s.memory.limit = limits.memory_bytes;
  s.budget.limit = limits.instructions > 0 ? limits.instructions : 1;
  s.budget.step = static_cast<int>(std::min<std::uint64_t>(1000, s.budget.limit));
  s.L = lua_newstate(cap_alloc, &s.memory);
  if (!s.L) throw std::runtime_error("cannot create a Lua state within " + std::to_string(limits.memory_bytes) + " bytes");
  *static_cast<SandboxState**>(lua_getextraspace(s.L)) = &s;
  lua_atpanic(s.L, panic);
  s.memory.L = s.L;
  lua_pushcfunction(s.L, build);
  if (lua_pcall(s.L, 0, 0, 0) != LUA_OK) {
    std::string why = lua_type(s.L, -1) == LUA_TSTRING ? lua_tostring(s.L, -1) : "unknown error";
    close_sandbox(s);
    throw std::runtime_error("cannot build the Lua sandbox: " + why);
  }
}

void close_sandbox(SandboxState& s) {
  s.memory.L = nullptr;
  if (s.L) lua_close(s.L);
  s.L = nullptr;
}

void arm_budget(SandboxState& s) {
  s.budget.used = 0;
  s.budget.exceeded = false;
  s.budget.first_line = s.budget.last_line = 0;
  s.memory.refused_line = 0;
  lua_sethook(s.L, budget_hook, LUA_MASKCOUNT, s.budget.step);
}

void release_outcome_charge(SandboxState& s) {
  s.memory.used -= s.memory.charged;
  s.memory.charged = 0;
}

}  // namespace trellis::lua::detail
