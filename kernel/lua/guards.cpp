// Library functions replaced by checked versions (decisions 6, 8 and 9 in
// state.cpp). Each guard checks, then calls the original, kept as upvalue 1.
#include <algorithm>
#include <cmath>
#include <string_view>

#include "state.hpp"

namespace trellis::lua {

double pattern_cost(std::size_t subject_length, std::string_view p, bool plain) {
  const double n = static_cast<double>(subject_length), m = static_cast<double>(p.size()) + 1;
  // lstrlib searches for the pattern as plain text when it has none of these.
  if (plain || p.find_first_of("^$*+?.([%-") == std::string_view::npos) return (n + 1) * m;
  const bool anchored = !p.empty() && p[0] == '^';
  int repeats = 0;  // items that backtrack: x*, x+, x-, %b and back-references
  std::size_t i = anchored ? 1 : 0;
  auto end_of_set = [&](std::size_t j) {  // mirrors lstrlib's classEnd
    ++j;
    if (j < p.size() && p[j] == '^') ++j;
    do {
      if (j >= p.size()) return p.size();
      if (p[j++] == '%' && j < p.size()) ++j;
    } while (j < p.size() && p[j] != ']');
    return j + 1;
  };
  while (i < p.size()) {
    const char c = p[i];
    std::size_t end = i + 1;
    if (c == '(' || c == ')') {
      ++i;
      continue;
    }
    if (c == '%' && i + 1 < p.size()) {
      const char d = p[i + 1];
      if (d == 'b') {
        ++repeats;
        i += 4;
        continue;
      }
      if (d == 'f') {
        i = end_of_set(i + 2);
        continue;
      }
      if (d >= '0' && d <= '9') ++repeats;
      end = i + 2;
    } else if (c == '[') {
      end = end_of_set(i);
    }
    if (end < p.size() && (p[end] == '*' || p[end] == '+' || p[end] == '-')) {
      ++repeats;
      ++end;
    } else if (end < p.size() && p[end] == '?') {
      ++end;
    }
    i = end;
  }
  // Worst case: every way of sharing the subject among the repetitions,
  // C(n + r, r), tried from every start position unless anchored.
  double ways = 1;
  for (int k = 1; k <= repeats; ++k) ways = ways * (n + k) / k;
  return (anchored ? 1 : n + 1) * ways * m;
}

namespace detail {
namespace {

// Calls upvalue 1 with this function's arguments, returning all its results.
int call_original(lua_State* L) {
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

int guarded_rawset(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  if (is_read_only(L, 1)) return luaL_error(L, "rawset cannot change a read-only table (school and params are read-only)");
  return call_original(L);
}

int guarded_setmetatable(lua_State* L) {
  // Checked here too, so that a mistake names 'setmetatable', not the original.
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_argexpected(L, lua_type(L, 2) == LUA_TNIL || lua_type(L, 2) == LUA_TTABLE, 2, "nil or table");
  if (lua_type(L, 2) == LUA_TTABLE) {
    lua_pushliteral(L, "__gc");
    if (lua_rawget(L, 2) != LUA_TNIL)
      return luaL_error(L, "setmetatable: __gc finalizers are not allowed in threshold scripts");
    lua_pop(L, 1);
  }
  return call_original(L);
}

// upvalue 1: the script's message handler. An error the budget hook raises
// reaches the handler while Lua has hooks switched off (it is still inside
// the hook), so a handler that loops would never be stopped: once the budget
// is spent, the message passes through untouched.
int budget_aware_handler(lua_State* L) {
  if (state_of(L).budget.exceeded) return 1;
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

int guarded_xpcall(lua_State* L) {
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushvalue(L, 2);
  lua_pushcclosure(L, budget_aware_handler, 1);
  lua_replace(L, 2);
  return call_original(L);
}

// pairs in a fixed order (integer keys ascending, then strings by bytes), as
// Lua's own order follows a hash seeded from the clock and addresses, and an
// assessment must come out the same every time. __pairs is honoured.
int ordered_pairs(lua_State* L) {
  luaL_checkany(L, 1);
  if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
    lua_pushvalue(L, 1);
    lua_call(L, 1, 3);
    return 3;
  }
  luaL_checktype(L, 1, LUA_TTABLE);
  return push_ordered_pairs(L, 1, 1);
}

int guarded_rep(lua_State* L) {
  std::size_t len = 0, sep = 0;
  luaL_checklstring(L, 1, &len);
  const lua_Integer n = luaL_checkinteger(L, 2);
  luaL_optlstring(L, 3, "", &sep);
  if (n > 0) {
    const MemoryAccount& m = state_of(L).memory;
    const double size = static_cast<double>(len + sep) * static_cast<double>(n);
    auto room = [&] { return static_cast<double>(m.limit > m.used ? m.limit - m.used : 0); };
    if (size > room()) lua_gc(L, LUA_GCCOLLECT);  // garbage is not held: the allocator would collect it too
    if (size > room())
      return luaL_error(L, "string.rep would need %I bytes, more than is left under the scripts' memory limit of %I MiB",
                        static_cast<lua_Integer>(std::min(size, 9e18)), static_cast<lua_Integer>(m.limit >> 20));
  }
  return call_original(L);
}

// upvalue 2: true when argument 4 may ask for a plain search (string.find).
int guarded_pattern(lua_State* L) {
  std::size_t len = 0, plen = 0;
  luaL_checklstring(L, 1, &len);
  const char* pattern = luaL_checklstring(L, 2, &plen);
  const bool plain = lua_toboolean(L, lua_upvalueindex(2)) && lua_toboolean(L, 4);
  const double cost = pattern_cost(len, std::string_view(pattern, plen), plain);
  if (cost > pattern_step_limit) {
    const int shown = plen > 40 ? 37 : static_cast<int>(plen);
    return luaL_error(L, "this %s search could take about %I steps on a %I-character string (the limit is %I); "
                         "use a simpler pattern or a shorter string (pattern '%s%s')",
                      plain ? "plain" : "pattern", static_cast<lua_Integer>(std::min(cost, 9e18)),
                      static_cast<lua_Integer>(len), static_cast<lua_Integer>(pattern_step_limit),
                      lua_pushlstring(L, pattern, static_cast<std::size_t>(shown)), plen > 40 ? "..." : "");
  }
  return call_original(L);
}

void wrap(lua_State* L, int table, const char* name, lua_CFunction guard, int extra_upvalue = -1) {
  lua_getfield(L, table, name);
  int upvalues = 1;
  if (extra_upvalue >= 0) {
    lua_pushboolean(L, extra_upvalue);
    ++upvalues;
  }
  lua_pushcclosure(L, guard, upvalues);
  lua_setfield(L, table, name);
}

}  // namespace

void install_guards(lua_State* L) {
  lua_pushglobaltable(L);
  const int globals = lua_gettop(L);
  wrap(L, globals, "rawset", guarded_rawset);
  wrap(L, globals, "setmetatable", guarded_setmetatable);
  wrap(L, globals, "xpcall", guarded_xpcall);
  lua_pushcfunction(L, ordered_pairs);
  lua_setfield(L, globals, "pairs");
  lua_getfield(L, globals, LUA_STRLIBNAME);
  const int string = lua_gettop(L);
  wrap(L, string, "rep", guarded_rep);
  wrap(L, string, "find", guarded_pattern, 1);
  wrap(L, string, "match", guarded_pattern, 0);
  wrap(L, string, "gmatch", guarded_pattern, 0);
  wrap(L, string, "gsub", guarded_pattern, 0);
  lua_pop(L, 2);
}

}  // namespace detail
}  // namespace trellis::lua
