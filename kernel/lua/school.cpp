// The read-only `school` a threshold function receives.
//
// Indicators and benchmarks are fetched on first use and kept for the run: a
// school may hold dozens of indicators while a rule reads a handful.
//
// The Lua objects (the school, its lazy views, one record per indicator id)
// are made once per state and refilled for every run, because building them
// afresh cost more than most scripts; a run number stamps what each run has
// filled, so nothing needs clearing between schools. That is safe only because nothing a
// script can reach outlives its run: its _ENV and upvalues are new each run
// (the chunk runs afresh), school and params are read-only, the string
// metatable is locked, and the host keeps nothing it returns but strings. So
// when a record is refilled, no script can still hold the old one. Every
// field is written on each refill (nil when absent), so nothing stale shows.
// A list or table fact is kept by name with the value it was made from, and
// shown again only to a run given an equal value.
#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdlib>
#include <string_view>

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

void check_active(lua_State* L, SandboxState& s) {
  if (!s.call.active) luaL_error(L, "the school's data is only available while its script runs");
}

// Sets backing[key] (the table on top) to the text, or to nil when empty, so
// that `school.x or "unknown"` reads naturally.
void set_text(lua_State* L, const char* key, const std::string& text) {
  if (text.empty())
    lua_pushnil(L);
  else
    lua_pushlstring(L, text.data(), text.size());
  lua_setfield(L, -2, key);
}

void set_nil(lua_State* L, const char* key) {
  lua_pushnil(L);
  lua_setfield(L, -2, key);
}

void clear(lua_State* L, int ref) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
  const int t = lua_gettop(L);
  lua_pushnil(L);
  while (lua_next(L, t)) {  // clearing fields during traversal is allowed
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_pushnil(L);
    lua_rawset(L, t);
  }
  lua_pop(L, 1);
}

// "england_abs.csv line 4102", as Observation::citation() says it, without
// the C++ string (see the rule in state.hpp) or lua_pushfstring's cost.
void push_citation(lua_State* L, const sdk::Observation& o) {
  char buf[256];
  constexpr std::string_view between = " line ";
  if (!o.line || o.source.size() + between.size() + 12 > sizeof buf) {
    if (o.line)
      lua_pushfstring(L, "%s line %d", o.source.c_str(), *o.line);
    else
      lua_pushlstring(L, o.source.data(), o.source.size());
    return;
  }
  char* p = std::copy(o.source.begin(), o.source.end(), buf);
  p = std::copy(between.begin(), between.end(), p);
  p = std::to_chars(p, buf + sizeof buf, *o.line).ptr;
  lua_pushlstring(L, buf, static_cast<std::size_t>(p - buf));
}

// What an indicator's record says for this run. The record belongs to one
// indicator id, so its id, label and unit are written once (name_record).
void fill_observation(lua_State* L, const sdk::Observation& o) {
  if (o.present() && o.value)
    lua_pushnumber(L, *o.value);
  else
    lua_pushnil(L);
  lua_setfield(L, -2, "value");
  set_text(L, "text", o.text);
  set_text(L, "missing", o.missing);
  push_citation(L, o);
  lua_setfield(L, -2, "source");
  set_text(L, "period", o.period);
}

void name_record(lua_State* L, SandboxState& s, std::string_view id) {
  lua_pushvalue(L, 2);
  lua_setfield(L, -2, "indicator");
  if (auto spec = s.indicators.find(id); spec != s.indicators.end()) {
    set_text(L, "label", spec->second.label);
    set_text(L, "unit", spec->second.unit);
  }
}

void collect_ids(SandboxState& s) {
  s.scratch.ids.clear();
  for (const auto& o : s.call.evidence->all()) s.scratch.ids.push_back(o.indicator);
  std::sort(s.scratch.ids.begin(), s.scratch.ids.end());
  s.scratch.ids.erase(std::unique(s.scratch.ids.begin(), s.scratch.ids.end()), s.scratch.ids.end());
}

// A lazy view's upvalues: records (id → proxy), backings (id → backing) and
// stamps (id → the run that filled it, negated when the school had none).
constexpr int records = lua_upvalueindex(1), backings = lua_upvalueindex(2), stamps = lua_upvalueindex(3);

// For key (index 2): pushes its record if this run already filled it and
// returns 1, returns 0 if this run found none, or -1 if not yet asked.
int cached(lua_State* L, lua_Integer run) {
  lua_pushvalue(L, 2);
  const lua_Integer stamp = lua_rawget(L, stamps) == LUA_TNUMBER ? lua_tointeger(L, -1) : 0;
  lua_pop(L, 1);
  if (stamp == -run) return 0;
  if (stamp != run) return -1;
  lua_pushvalue(L, 2);
  lua_rawget(L, records);
  return 1;
}

void stamp(lua_State* L, lua_Integer value) {
  lua_pushvalue(L, 2);
  lua_pushinteger(L, value);
  lua_rawset(L, stamps);
}

// Pushes key's record proxy, then its backing, making the pair on first
// use; returns true when it is new.
bool record_for(lua_State* L, int fields) {
  lua_pushvalue(L, 2);
  if (lua_rawget(L, records) != LUA_TNIL) {
    lua_pushvalue(L, 2);
    lua_rawget(L, backings);
    return false;
  }
  lua_pop(L, 1);
  lua_createtable(L, 0, fields);
  lua_pushvalue(L, -1);
  make_read_only(L);  // backing, proxy
  lua_pushvalue(L, 2);
  lua_pushvalue(L, -2);
  lua_rawset(L, records);
  lua_pushvalue(L, 2);
  lua_pushvalue(L, -3);
  lua_rawset(L, backings);
  lua_insert(L, -2);  // proxy, backing
  return true;
}

int indicator_index(lua_State* L) {
  if (lua_type(L, 2) != LUA_TSTRING) return 0;
  lua_settop(L, 2);
  SandboxState& s = state_of(L);
  if (int hit = cached(L, s.pool.run); hit >= 0) return hit;
  check_active(L, s);
  std::size_t n = 0;
  const char* id = lua_tolstring(L, 2, &n);
  if (!fetch(s, [&] { s.scratch.observation = s.call.evidence->latest(std::string_view(id, n)); }))
    raise_fetch_error(L, s);
  if (!s.scratch.observation) {
    stamp(L, -s.pool.run);
    return 0;
  }
  if (record_for(L, 8)) name_record(L, s, std::string_view(id, n));
  fill_observation(L, *s.scratch.observation);
  lua_pop(L, 1);
  stamp(L, s.pool.run);
  return 1;
}

// One benchmark figure of the record's indicator (upvalue 1): "national" or "la".
int benchmark_field(lua_State* L, sdk::BenchmarkScope scope) {
  SandboxState& s = state_of(L);
  check_active(L, s);
  std::size_t n = 0;
  const char* id = lua_tolstring(L, lua_upvalueindex(1), &n);
  if (!fetch(s, [&] { s.scratch.benchmark = s.call.evidence->benchmark(std::string_view(id, n), scope); }))
    raise_fetch_error(L, s);
  if (s.scratch.benchmark)
    lua_pushnumber(L, *s.scratch.benchmark);
  else
    lua_pushnil(L);
  return 1;
}

// A benchmark record's fields, each read when a script asks for it: an LA's
// figure is a pass over every item held, and most rules never ask (issue 18).
int benchmark_record_index(lua_State* L) {
  if (lua_type(L, 2) != LUA_TSTRING) return 0;
  const std::string_view key = lua_tostring(L, 2);
  if (key == "national") return benchmark_field(L, sdk::BenchmarkScope::national);
  if (key == "la") return benchmark_field(L, sdk::BenchmarkScope::la);
  return 0;
}

int benchmark_record_pairs(lua_State* L) {
  lua_settop(L, 1);
  lua_createtable(L, 0, 2);
  for (const char* key : {"national", "la"}) {
    lua_pushstring(L, key);
    lua_pushvalue(L, -1);
    lua_gettable(L, 1);  // through benchmark_record_index
    lua_rawset(L, 2);
  }
  return push_ordered_pairs(L, 2, 1);
}

// Every id is answered, with nils if unknown. The record is made once per
// state and id; what it answers is read from the school being run.
int benchmark_index(lua_State* L) {
  if (lua_type(L, 2) != LUA_TSTRING) return 0;
  lua_settop(L, 2);
  SandboxState& s = state_of(L);
  check_active(L, s);
  lua_pushvalue(L, 2);
  if (lua_rawget(L, records) != LUA_TNIL) return 1;
  lua_pop(L, 1);
  lua_pushvalue(L, 2);
  lua_pushcclosure(L, benchmark_record_index, 1);
  lua_pushvalue(L, 2);
  lua_pushcclosure(L, benchmark_record_pairs, 1);
  make_lazy_read_only(L);  // the record
  lua_pushvalue(L, 2);
  lua_pushvalue(L, -2);
  lua_rawset(L, records);
  return 1;
}

// pairs over a lazy view: every indicator the school holds, read through
// the view's own __index, in id order.
int lazy_pairs(lua_State* L) {
  SandboxState& s = state_of(L);
  check_active(L, s);
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

// school.rating(subject, stage)
int rating(lua_State* L) {
  std::size_t ns = 0, nt = 0;
  const char* subject = luaL_checklstring(L, 1, &ns);
  const char* stage = luaL_checklstring(L, 2, &nt);
  SandboxState& s = state_of(L);
  check_active(L, s);
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

// A fact as Lua sees it: lists 1-based and tables by key, both read-only
// (so a later run given an equal value may be shown the same one: plan_facts).
void push_fact(lua_State* L, const sdk::Fact& fact) {
  luaL_checkstack(L, 4, "the facts are nested too deeply");
  if (const double* d = std::get_if<double>(&fact)) {
    lua_pushnumber(L, *d);
  } else if (const bool* b = std::get_if<bool>(&fact)) {
    lua_pushboolean(L, *b);
  } else if (const std::string* text = std::get_if<std::string>(&fact)) {
    lua_pushlstring(L, text->data(), text->size());
  } else if (const sdk::FactList* list = std::get_if<sdk::FactList>(&fact)) {
    lua_createtable(L, static_cast<int>(list->size()), 0);
    lua_Integer i = 0;
    for (const sdk::Fact& item : *list) {
      push_fact(L, item);
      lua_rawseti(L, -2, ++i);
    }
    make_read_only(L);
  } else {
    const auto& table = std::get<sdk::FactTable>(fact);
    lua_createtable(L, 0, static_cast<int>(table.size()));
    for (const auto& [key, item] : table) {
      lua_pushlstring(L, key.data(), key.size());
      push_fact(L, item);
      lua_rawset(L, -3);
    }
    make_read_only(L);
  }
}

// Lists and tables are worth keeping between runs: a regime often gives
// every school the same ones (its areas, its levels), and a proxy is read-only,
// so the one a run made serves the next run given an equal value.
bool kept(const sdk::Fact& fact) { return fact.index() >= 3; }

// Equal as Lua would see them: numbers by their bits, so that -0.0 and 0.0 (which
// print differently) are not taken for each other.
bool same_fact(const sdk::Fact& a, const sdk::Fact& b) {
  if (a.index() != b.index()) return false;
  if (const double* x = std::get_if<double>(&a))
    return std::bit_cast<std::uint64_t>(*x) == std::bit_cast<std::uint64_t>(std::get<double>(b));
  if (const sdk::FactList* x = std::get_if<sdk::FactList>(&a)) {
    const auto& y = std::get<sdk::FactList>(b);
    return std::equal(x->begin(), x->end(), y.begin(), y.end(), same_fact);
  }
  if (const sdk::FactTable* x = std::get_if<sdk::FactTable>(&a)) {
    const auto& y = std::get<sdk::FactTable>(b);
    return std::equal(x->begin(), x->end(), y.begin(), y.end(),
                      [](const auto& p, const auto& q) { return p.first == q.first && same_fact(p.second, q.second); });
  }
  return static_cast<const sdk::Fact::variant&>(a) == static_cast<const sdk::Fact::variant&>(b);
}

// Pushes `fact` as push_fact does, but where it is a table and so was
// `before` (held by the proxy in registry slot `before_ref`), each list or
// table entry equal to before's is that proxy's own: a regime's table of
// tables (a dashboard's KPIs) mostly changes in a few entries from school to
// school.
void push_fact_over(lua_State* L, const sdk::Fact& fact, const sdk::Fact& before, int before_ref) {
  const auto* now = std::get_if<sdk::FactTable>(&fact);
  const auto* was = std::get_if<sdk::FactTable>(&before);
  if (!now || !was) return push_fact(L, fact);
  luaL_checkstack(L, 6, "the facts are nested too deeply");
  lua_rawgeti(L, LUA_REGISTRYINDEX, before_ref);
  if (!lua_getmetatable(L, -1)) {  // never so: the slot holds a read-only proxy, whose __index is its backing
    lua_pop(L, 1);
    return push_fact(L, fact);
  }
  lua_pushliteral(L, "__index");
  lua_rawget(L, -2);
  lua_replace(L, -3);
  lua_pop(L, 1);
  const int old = lua_gettop(L);
  lua_createtable(L, 0, static_cast<int>(now->size()));
  for (const auto& [key, item] : *now) {
    lua_pushlstring(L, key.data(), key.size());
    const auto it = was->find(key);
    if (kept(item) && it != was->end() && same_fact(it->second, item)) {
      lua_pushvalue(L, -1);
      lua_rawget(L, old);
    } else {
      push_fact(L, item);
    }
    lua_rawset(L, -3);
  }
  make_read_only(L);
  lua_remove(L, old);
}

void push_lazy(lua_State* L, lua_CFunction index) {
  lua_newtable(L);
  lua_newtable(L);
  lua_newtable(L);
  lua_pushcclosure(L, index, 3);
  lua_pushcfunction(L, lazy_pairs);
  make_lazy_read_only(L);
}

}  // namespace

void build_school_pool(lua_State* L, SandboxState& s) {
  SchoolPool& pool = s.pool;
  lua_createtable(L, 0, 16);
  push_lazy(L, indicator_index);
  lua_setfield(L, -2, "indicators");
  push_lazy(L, benchmark_index);
  lua_setfield(L, -2, "benchmarks");
  lua_newtable(L);
  lua_pushvalue(L, -1);
  pool.facts_backing = luaL_ref(L, LUA_REGISTRYINDEX);
  make_read_only(L);
  lua_setfield(L, -2, "facts");
  lua_newtable(L);
  lua_pushvalue(L, -1);
  pool.due_backing = luaL_ref(L, LUA_REGISTRYINDEX);
  make_read_only(L);
  lua_setfield(L, -2, "due");
  lua_pushcfunction(L, rating);
  lua_setfield(L, -2, "rating");
  lua_pushvalue(L, -1);
  pool.school_backing = luaL_ref(L, LUA_REGISTRYINDEX);
  make_read_only(L);
  pool.school = luaL_ref(L, LUA_REGISTRYINDEX);
}

void push_school(lua_State* L, SandboxState& s) {
  SchoolPool& pool = s.pool;
  ++pool.run;  // every record filled in an earlier run is now stale

  const sdk::SchoolInfo& info = *s.call.school;
  lua_rawgeti(L, LUA_REGISTRYINDEX, pool.school_backing);
  lua_pushinteger(L, static_cast<lua_Integer>(info.urn));
  lua_setfield(L, -2, "urn");
  set_text(L, "name", info.name);
  if (info.la_code != 0)
    lua_pushinteger(L, info.la_code);
  else
    lua_pushnil(L);
  lua_setfield(L, -2, "la_code");
  set_text(L, "la_name", info.la_name);
  set_text(L, "type", info.type);
  set_text(L, "type_group", info.type_group);
  set_text(L, "phase", info.phase);
  set_text(L, "status", info.status);
  if (info.pupils)
    lua_pushinteger(L, *info.pupils);
  else
    lua_pushnil(L);
  lua_setfield(L, -2, "pupils");
  set_text(L, "period", s.call.period);
  if (s.call.previous_level)
    set_text(L, "previous_level", *s.call.previous_level);
  else
    set_nil(L, "previous_level");
  set_text(L, "on", s.call.on);
  lua_pop(L, 1);

  if (pool.due_filled) clear(L, pool.due_backing);
  pool.due_filled = !s.call.due.empty();
  if (pool.due_filled) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, pool.due_backing);
    for (const auto& [rule, day] : s.call.due) set_text(L, rule.c_str(), day);
    lua_pop(L, 1);
  }

  if (pool.facts_filled) clear(L, pool.facts_backing);
  pool.facts_filled = !pool.fact_pushes.empty();
  if (pool.facts_filled) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, pool.facts_backing);
    for (FactPush& push : pool.fact_pushes) {
      if (push.reuse) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, push.kept->ref);
      } else {
        if (push.had)
          push_fact_over(L, *push.fact, push.kept->value, push.kept->ref);
        else
          push_fact(L, *push.fact);
        if (kept(*push.fact)) {
          lua_pushvalue(L, -1);
          if (push.kept) {
            lua_rawseti(L, LUA_REGISTRYINDEX, push.kept->ref);
            push.written = true;
          } else {
            push.made = luaL_ref(L, LUA_REGISTRYINDEX);
          }
        }
      }
      lua_setfield(L, -2, push.name->c_str());
    }
    lua_pop(L, 1);
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, pool.school);
}

void plan_facts(SandboxState& s) {
  SchoolPool& pool = s.pool;
  pool.fact_pushes.clear();
  if (!s.call.facts) return;
  for (const auto& [name, fact] : *s.call.facts) {
    FactPush push{&name, &fact};
    if (auto k = pool.kept_facts.find(name); k != pool.kept_facts.end() && kept(fact)) {
      push.kept = &k->second;
      push.had = k->second.valid;
      push.reuse = push.had && same_fact(k->second.value, fact);
      if (!push.reuse) k->second.valid = false;  // the run may put another proxy in the slot
    }
    pool.fact_pushes.push_back(push);
  }
}

void keep_facts(SandboxState& s) noexcept {
  SchoolPool& pool = s.pool;
  for (FactPush& push : pool.fact_pushes) {
    // Out of memory here costs only the reuse: the run's result stands, and the sandbox
    // must still close the run (ThresholdSandbox::run), so nothing may escape.
    try {
      if (push.written) {
        push.kept->value = *push.fact;  // if this throws, valid stays false and the slot is never reused
        push.kept->valid = true;
      } else if (push.made != LUA_NOREF) {
        pool.kept_facts.emplace(*push.name, KeptFact{*push.fact, push.made, true});
      }
    } catch (...) {
      if (push.written) push.kept->valid = false;
    }
  }
  pool.fact_pushes.clear();
}

}  // namespace trellis::lua::detail
