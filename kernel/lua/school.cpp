// The read-only `school` a threshold function receives.
//
// Indicators and benchmarks are fetched on first use and cached for the run:
// a school may hold dozens of indicators while a rule reads a handful. The
// lazy views check the run's generation, so a school kept past its run (it
// cannot be, as each run starts afresh, but the check is cheap) never
// reaches an evidence view that is gone.
#include <algorithm>

#include "state.hpp"

namespace trellis::lua::detail {
namespace {

// Runs C++ against the evidence view, parking results in scratch. Returns
// false on an exception, whose message is left in scratch.error.
template <class F>
bool fetch(SandboxState& s, F&& body) noexcept {
  try {
    body();
    return true;
  } catch (const std::exception& e) {
    s.scratch.error = e.what();
  } catch (...) {
    s.scratch.error = "unknown exception";
  }
  return false;
}

[[noreturn]] void raise_fetch_error(lua_State* L, SandboxState& s) {
  luaL_error(L, "reading the school's evidence failed: %s", s.scratch.error.c_str());
  std::abort();  // luaL_error does not return
}

void check_current(lua_State* L, SandboxState& s, int generation) {
  if (!s.call.active || static_cast<std::uint64_t>(lua_tointeger(L, generation)) != s.call.generation)
    luaL_error(L, "this school's data belongs to an earlier run and is no longer available");
}

void set_text(lua_State* L, const char* key, const std::string& text) {
  if (text.empty()) return;  // absent, so `school.x or "unknown"` reads naturally
  lua_pushlstring(L, text.data(), text.size());
  lua_setfield(L, -2, key);
}

void push_observation(lua_State* L, SandboxState& s, const sdk::Observation& o) {
  lua_createtable(L, 0, 8);
  if (o.present() && o.value) {
    lua_pushnumber(L, *o.value);
    lua_setfield(L, -2, "value");
  }
  set_text(L, "text", o.text);
  set_text(L, "missing", o.missing);
  if (o.line)
    lua_pushfstring(L, "%s line %d", o.source.c_str(), *o.line);
  else
    lua_pushlstring(L, o.source.data(), o.source.size());
  lua_setfield(L, -2, "source");
  set_text(L, "period", o.period);
  set_text(L, "indicator", o.indicator);
  if (auto spec = s.indicators.find(o.indicator); spec != s.indicators.end()) {
    set_text(L, "label", spec->second.label);
    set_text(L, "unit", spec->second.unit);
  }
  make_read_only(L);
}

void collect_ids(SandboxState& s) {
  s.scratch.ids.clear();
  for (const auto& o : s.call.evidence->all()) s.scratch.ids.push_back(o.indicator);
  std::sort(s.scratch.ids.begin(), s.scratch.ids.end());
  s.scratch.ids.erase(std::unique(s.scratch.ids.begin(), s.scratch.ids.end()), s.scratch.ids.end());
}

// upvalues: cache, generation. Absent indicators are cached as false.
int indicator_index(lua_State* L) {
  if (lua_type(L, 2) != LUA_TSTRING) return 0;
  lua_settop(L, 2);
  lua_pushvalue(L, 2);
  const int cached = lua_rawget(L, lua_upvalueindex(1));
  if (cached != LUA_TNIL) return cached == LUA_TBOOLEAN ? 0 : 1;
  lua_pop(L, 1);
  SandboxState& s = state_of(L);
  check_current(L, s, lua_upvalueindex(2));
  std::size_t n = 0;
  const char* id = lua_tolstring(L, 2, &n);
  if (!fetch(s, [&] { s.scratch.observation = s.call.evidence->latest(std::string_view(id, n)); }))
    raise_fetch_error(L, s);
  if (s.scratch.observation)
    push_observation(L, s, *s.scratch.observation);
  else
    lua_pushboolean(L, 0);
  lua_pushvalue(L, 2);
  lua_pushvalue(L, -2);
  lua_rawset(L, lua_upvalueindex(1));
  return lua_toboolean(L, -1) ? 1 : 0;
}

// upvalues: cache, generation. Every id is answered, with nils if unknown.
int benchmark_index(lua_State* L) {
  if (lua_type(L, 2) != LUA_TSTRING) return 0;
  lua_settop(L, 2);
  lua_pushvalue(L, 2);
  if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) return 1;
  lua_pop(L, 1);
  SandboxState& s = state_of(L);
  check_current(L, s, lua_upvalueindex(2));
  std::size_t n = 0;
  const char* id = lua_tolstring(L, 2, &n);
  if (!fetch(s, [&] {
        s.scratch.national = s.call.evidence->benchmark(std::string_view(id, n), sdk::BenchmarkScope::national);
        s.scratch.la = s.call.evidence->benchmark(std::string_view(id, n), sdk::BenchmarkScope::la);
      }))
    raise_fetch_error(L, s);
  lua_createtable(L, 0, 2);
  if (s.scratch.national) {
    lua_pushnumber(L, *s.scratch.national);
    lua_setfield(L, -2, "national");
  }
  if (s.scratch.la) {
    lua_pushnumber(L, *s.scratch.la);
    lua_setfield(L, -2, "la");
  }
  make_read_only(L);
  lua_pushvalue(L, 2);
  lua_pushvalue(L, -2);
  lua_rawset(L, lua_upvalueindex(1));
  return 1;
}

// pairs over a lazy view (upvalue: generation): every indicator the school
// holds, read through the view's own __index, in id order.
int lazy_pairs(lua_State* L) {
  SandboxState& s = state_of(L);
  check_current(L, s, lua_upvalueindex(1));
  if (!fetch(s, [&] { collect_ids(s); })) raise_fetch_error(L, s);
  lua_settop(L, 1);
  lua_createtable(L, 0, static_cast<int>(s.scratch.ids.size()));
  for (std::size_t i = 0; i < s.scratch.ids.size(); ++i) {
    const std::string& id = s.scratch.ids[i];
    lua_pushlstring(L, id.data(), id.size());
    lua_pushvalue(L, -1);
    if (lua_gettable(L, 1) == LUA_TNIL)
      lua_pop(L, 2);
    else
      lua_rawset(L, 2);
  }
  return push_ordered_pairs(L, 2, 1);
}

// school.rating(subject, stage) (upvalue: generation)
int rating(lua_State* L) {
  std::size_t ns = 0, nt = 0;
  const char* subject = luaL_checklstring(L, 1, &ns);
  const char* stage = luaL_checklstring(L, 2, &nt);
  SandboxState& s = state_of(L);
  check_current(L, s, lua_upvalueindex(1));
  if (!fetch(s, [&] {
        s.scratch.text = s.call.evidence->rating(std::string_view(subject, ns), std::string_view(stage, nt));
      }))
    raise_fetch_error(L, s);
  if (s.scratch.text)
    lua_pushlstring(L, s.scratch.text->data(), s.scratch.text->size());
  else
    lua_pushnil(L);
  return 1;
}

void push_lazy(lua_State* L, SandboxState& s, lua_CFunction index) {
  lua_newtable(L);
  lua_pushinteger(L, static_cast<lua_Integer>(s.call.generation));
  lua_pushcclosure(L, index, 2);
  lua_pushinteger(L, static_cast<lua_Integer>(s.call.generation));
  lua_pushcclosure(L, lazy_pairs, 1);
  make_lazy_read_only(L);
}

}  // namespace

void push_school(lua_State* L, SandboxState& s) {
  const sdk::SchoolInfo& info = *s.call.school;
  lua_createtable(L, 0, 16);
  lua_pushinteger(L, static_cast<lua_Integer>(info.urn));
  lua_setfield(L, -2, "urn");
  set_text(L, "name", info.name);
  if (info.la_code != 0) {
    lua_pushinteger(L, info.la_code);
    lua_setfield(L, -2, "la_code");
  }
  set_text(L, "la_name", info.la_name);
  set_text(L, "type", info.type);
  set_text(L, "type_group", info.type_group);
  set_text(L, "phase", info.phase);
  set_text(L, "status", info.status);
  if (info.pupils) {
    lua_pushinteger(L, *info.pupils);
    lua_setfield(L, -2, "pupils");
  }
  set_text(L, "period", s.call.period);
  if (s.call.previous_level) set_text(L, "previous_level", *s.call.previous_level);

  push_lazy(L, s, indicator_index);
  lua_setfield(L, -2, "indicators");
  push_lazy(L, s, benchmark_index);
  lua_setfield(L, -2, "benchmarks");

  lua_createtable(L, 0, static_cast<int>(s.call.facts ? s.call.facts->size() : 0));
  if (s.call.facts)
    for (const auto& [key, fact] : *s.call.facts) {
      if (const double* d = std::get_if<double>(&fact))
        lua_pushnumber(L, *d);
      else if (const bool* b = std::get_if<bool>(&fact))
        lua_pushboolean(L, *b);
      else
        lua_pushlstring(L, std::get<std::string>(fact).data(), std::get<std::string>(fact).size());
      lua_setfield(L, -2, key.c_str());
    }
  make_read_only(L);
  lua_setfield(L, -2, "facts");

  lua_pushinteger(L, static_cast<lua_Integer>(s.call.generation));
  lua_pushcclosure(L, rating, 1);
  lua_setfield(L, -2, "rating");
  make_read_only(L);
}

}  // namespace trellis::lua::detail
