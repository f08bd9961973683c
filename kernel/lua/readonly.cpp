// Read-only proxies: what scripts get for school, params and the libraries.
//
// A proxy is an empty table. Its metatable is protected (__metatable), reads
// go through __index to a backing table the script can never reach, and
// every write lands in __newindex, which refuses it. rawset is guarded
// separately (guards.cpp) because it bypasses __newindex. pairs iterates in a
// fixed key order, so that reasons built by iterating come out the same on
// every run (Lua's own order depends on a per-state hash seed).
#include <string_view>

#include "state.hpp"

namespace trellis::lua {

Value Value::boolean(bool b) { Value v; v.kind = Kind::boolean; v.flag = b; return v; }
Value Value::whole(std::int64_t i) { Value v; v.kind = Kind::integer; v.integer = i; return v; }
Value Value::real(double d) { Value v; v.kind = Kind::number; v.number = d; return v; }
Value Value::string(std::string s) { Value v; v.kind = Kind::string; v.text = std::move(s); return v; }
Value Value::array(std::vector<Value> items) {
  Value v;
  v.kind = Kind::array;
  v.items = std::move(items);
  return v;
}
Value Value::table(std::vector<std::pair<std::string, Value>> entries) {
  Value v;
  v.kind = Kind::table;
  for (auto& [k, item] : entries) {
    v.keys.push_back(std::move(k));
    v.items.push_back(std::move(item));
  }
  return v;
}

namespace detail {
namespace {

// Pushes the backing table of the proxy at `proxy`; false (nothing pushed)
// when it is not a plain read-only proxy.
bool push_backing(lua_State* L, int proxy) {
  if (!lua_getmetatable(L, proxy)) return false;
  lua_pushliteral(L, "__index");
  lua_rawget(L, -2);
  lua_remove(L, -2);
  if (lua_istable(L, -1)) return true;
  lua_pop(L, 1);
  return false;
}

int read_length(lua_State* L) {
  lua_Integer n = 0;
  if (push_backing(L, 1)) n = static_cast<lua_Integer>(lua_rawlen(L, -1));
  lua_pushinteger(L, n);
  return 1;
}

int proxy_pairs(lua_State* L) {
  if (!push_backing(L, 1)) lua_newtable(L);
  return push_ordered_pairs(L, lua_gettop(L), 1);
}

int key_rank(int type) { return type == LUA_TNUMBER ? 0 : type == LUA_TSTRING ? 1 : 2; }

bool key_less(lua_State* L, int a, int b) {
  const int ta = lua_type(L, a), tb = lua_type(L, b);
  if (key_rank(ta) != key_rank(tb)) return key_rank(ta) < key_rank(tb);
  if (ta == LUA_TNUMBER) return lua_compare(L, a, b, LUA_OPLT);  // numbers: no metamethod
  if (ta != LUA_TSTRING) return false;
  std::size_t la = 0, lb = 0;
  const char* pa = lua_tolstring(L, a, &la);
  const char* pb = lua_tolstring(L, b, &lb);
  return std::string_view(pa, la) < std::string_view(pb, lb);
}

// upvalues: table, sorted keys, position. A key whose value was cleared
// during the loop is skipped, as next() would.
int ordered_next(lua_State* L) {
  for (lua_Integer pos = lua_tointeger(L, lua_upvalueindex(3)) + 1;; ++pos) {
    if (lua_rawgeti(L, lua_upvalueindex(2), pos) == LUA_TNIL) return 1;
    lua_pushinteger(L, pos);
    lua_replace(L, lua_upvalueindex(3));
    lua_pushvalue(L, -1);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) return 2;
    lua_pop(L, 2);
  }
}

}  // namespace

int refuse_write(lua_State* L) {
  if (lua_type(L, 2) == LUA_TSTRING)
    return luaL_error(L, "cannot set '%s': school and params are read-only", lua_tostring(L, 2));
  return luaL_error(L, "cannot change a read-only table (school and params are read-only)");
}

int push_ordered_pairs(lua_State* L, int table, int subject) {
  lua_Integer n = 0;
  lua_pushnil(L);
  while (lua_next(L, table)) {
    lua_pop(L, 1);
    ++n;
  }
  lua_createtable(L, static_cast<int>(n), 0);
  const int keys = lua_gettop(L);
  lua_Integer i = 0;
  lua_pushnil(L);
  while (lua_next(L, table)) {
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_rawseti(L, keys, ++i);
  }
  // Insertion sort in place: the array was sized up front, so no allocation.
  for (lua_Integer j = 2; j <= n; ++j) {
    lua_rawgeti(L, keys, j);
    lua_Integer k = j - 1;
    for (; k >= 1; --k) {
      lua_rawgeti(L, keys, k);
      if (!key_less(L, -2, -1)) {
        lua_pop(L, 1);
        break;
      }
      lua_rawseti(L, keys, k + 1);
    }
    lua_rawseti(L, keys, k + 1);
  }
  lua_pushvalue(L, table);
  lua_pushvalue(L, keys);
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, ordered_next, 3);
  lua_pushvalue(L, subject);
  lua_pushnil(L);
  return 3;
}

void make_read_only(lua_State* L) {
  const int backing = lua_gettop(L);
  lua_createtable(L, 0, 0);
  lua_createtable(L, 0, 5);
  lua_pushvalue(L, backing);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, refuse_write);
  lua_setfield(L, -2, "__newindex");
  lua_pushcfunction(L, read_length);
  lua_setfield(L, -2, "__len");
  lua_pushcfunction(L, proxy_pairs);
  lua_setfield(L, -2, "__pairs");
  lua_pushliteral(L, "read-only");
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  lua_replace(L, backing);
}

void make_lazy_read_only(lua_State* L) {
  const int pairs = lua_gettop(L), index = pairs - 1;
  lua_createtable(L, 0, 0);
  lua_createtable(L, 0, 4);
  lua_pushvalue(L, index);
  lua_setfield(L, -2, "__index");
  lua_pushvalue(L, pairs);
  lua_setfield(L, -2, "__pairs");
  lua_pushcfunction(L, refuse_write);
  lua_setfield(L, -2, "__newindex");
  lua_pushliteral(L, "read-only");
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  lua_replace(L, index);
  lua_pop(L, 1);
}

bool is_read_only(lua_State* L, int index) {
  if (!lua_getmetatable(L, index)) return false;
  lua_pushliteral(L, "__newindex");
  lua_rawget(L, -2);
  const bool ours = lua_tocfunction(L, -1) == refuse_write;
  lua_pop(L, 2);
  return ours;
}

void push_value(lua_State* L, const Value& v) {
  luaL_checkstack(L, 4, "params nested too deeply");
  switch (v.kind) {
    case Value::Kind::nil: lua_pushnil(L); return;
    case Value::Kind::boolean: lua_pushboolean(L, v.flag); return;
    case Value::Kind::integer: lua_pushinteger(L, static_cast<lua_Integer>(v.integer)); return;
    case Value::Kind::number: lua_pushnumber(L, v.number); return;
    case Value::Kind::string: lua_pushlstring(L, v.text.data(), v.text.size()); return;
    case Value::Kind::array:
      lua_createtable(L, static_cast<int>(v.items.size()), 0);
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        push_value(L, v.items[i]);
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
      }
      make_read_only(L);
      return;
    case Value::Kind::table:
      lua_createtable(L, 0, static_cast<int>(v.items.size()));
      for (std::size_t i = 0; i < v.items.size() && i < v.keys.size(); ++i) {
        lua_pushlstring(L, v.keys[i].data(), v.keys[i].size());
        push_value(L, v.items[i]);
        lua_rawset(L, -3);
      }
      make_read_only(L);
      return;
  }
}

}  // namespace detail
}  // namespace trellis::lua
