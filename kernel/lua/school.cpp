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
// when a record is refilled, no script can still hold the old one. A refill
// writes every field whose value differs from what the object holds (nil when
// absent): the host knows what that is (plan_school, a record's stamp), and
// forgets it whenever a write may have been cut short, so nothing stale shows.
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

// Which of a record's optional fields hold a value, as its stamp records
// them, so that a refill writes nil only where something is to be cleared.
enum Held : int { held_value = 1, held_text = 2, held_missing = 4, held_all = 7 };
constexpr lua_Integer kHeldBits = 8;

// Sets backing[key] (the table on top) to the text; when it is empty, to nil
// if the field may hold something (`was`). Returns whether it holds a value now.
bool refill_text(lua_State* L, const char* key, const std::string& text, bool was) {
  if (!text.empty()) {
    lua_pushlstring(L, text.data(), text.size());
    lua_setfield(L, -2, key);
    return true;
  }
  if (was) set_nil(L, key);
  return false;
}

// What an indicator's record says for this run. The record belongs to one
// indicator id, so its id, label and unit are written once (name_record).
// `held`: what the record holds now (Held bits); returns what it holds after.
int fill_observation(lua_State* L, const sdk::Observation& o, int held) {
  int now = 0;
  if (o.present() && o.value) {
    lua_pushnumber(L, *o.value);
    lua_setfield(L, -2, "value");
    now |= held_value;
  } else if (held & held_value) {
    set_nil(L, "value");
  }
  if (refill_text(L, "text", o.text, held & held_text)) now |= held_text;
  if (refill_text(L, "missing", o.missing, held & held_missing)) now |= held_missing;
  push_citation(L, o);
  lua_setfield(L, -2, "source");
  set_text(L, "period", o.period);
  return now;
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
// stamps (id of a record → the run that filled it times kHeldBits plus the
// Held bits of what its record holds, negated when that run found none).
constexpr int records = lua_upvalueindex(1), backings = lua_upvalueindex(2), stamps = lua_upvalueindex(3);

// A refill cut short by an error (a memory error a script's pcall caught)
// leaves its record holding what its stamp does not say: from then on only
// stamps of later runs are trusted.
void settle_fills(SchoolPool& pool) {
  if (!pool.filling) return;
  pool.filling = false;
  pool.trusted_from = pool.run + 1;
}

// For key (index 2): pushes its record if this run already filled it and
// returns 1, returns 0 if this run found none, or -1 if not yet asked.
// `held` gets what the record holds (all, when its stamp is not trusted).
int cached(lua_State* L, const SchoolPool& pool, int& held) {
  lua_pushvalue(L, 2);
  const lua_Integer stamp = lua_rawget(L, stamps) == LUA_TNUMBER ? lua_tointeger(L, -1) : 0;
  lua_pop(L, 1);
  const lua_Integer magnitude = stamp < 0 ? -stamp : stamp;
  const lua_Integer run = magnitude / kHeldBits;
  held = run >= pool.trusted_from ? static_cast<int>(magnitude % kHeldBits) : held_all;
  if (run != pool.run) return -1;
  if (stamp < 0) return 0;
  lua_pushvalue(L, 2);
  lua_rawget(L, records);
  return 1;
}

void stamp(lua_State* L, lua_Integer run, int held, bool found) {
  lua_pushvalue(L, 2);
  lua_pushinteger(L, found ? run * kHeldBits + held : -(run * kHeldBits + held));
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

void note_found(Scratch& scratch, std::string_view id, std::int64_t item) {
  if (scratch.found_count < scratch.found.size()) {
    auto& entry = scratch.found[scratch.found_count];
    entry.first.assign(id);
    entry.second = item;
  } else {
    scratch.found.emplace_back(std::string(id), item);
  }
  ++scratch.found_count;
}

int indicator_index(lua_State* L) {
  if (lua_type(L, 2) != LUA_TSTRING) return 0;
  lua_settop(L, 2);
  SandboxState& s = state_of(L);
  SchoolPool& pool = s.pool;
  settle_fills(pool);
  int held = held_all;
  if (int hit = cached(L, pool, held); hit >= 0) return hit;
  check_active(L, s);
  std::size_t n = 0;
  const char* id = lua_tolstring(L, 2, &n);
  if (!fetch(s, [&] {
        s.scratch.observation = s.call.evidence->latest(std::string_view(id, n));
        if (s.scratch.observation) note_found(s.scratch, std::string_view(id, n), s.scratch.observation->id);
      }))
    raise_fetch_error(L, s);
  if (!s.scratch.observation) {
    // Stamped only when a record is to be accounted for: an id never found has
    // none, and stamps for a script's every new id would outlive its run,
    // leaving later schools' runs less memory.
    lua_pushvalue(L, 2);
    const bool has_record = lua_rawget(L, records) != LUA_TNIL;
    lua_pop(L, 1);
    if (has_record) stamp(L, pool.run, held, false);
    return 0;
  }
  pool.filling = true;  // until the stamp says what the record holds
  if (record_for(L, 8)) {
    name_record(L, s, std::string_view(id, n));
    held = 0;
  }
  held = fill_observation(L, *s.scratch.observation, held);
  lua_pop(L, 1);
  stamp(L, pool.run, held, true);
  pool.filling = false;
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

// The school's fields, as bits of SchoolPool::changed.
enum Field : unsigned {
  field_name = 1u << 0, field_la_code = 1u << 1, field_la_name = 1u << 2, field_type = 1u << 3,
  field_type_group = 1u << 4, field_phase = 1u << 5, field_status = 1u << 6, field_pupils = 1u << 7,
  field_period = 1u << 8, field_previous_level = 1u << 9, field_on = 1u << 10,
};

void plan_school(SandboxState& s) {
  SchoolShown& shown = s.pool.shown;
  const bool all = !shown.valid;
  shown.valid = false;  // until every copy below is made
  unsigned changed = 0;
  auto note = [&](Field bit, auto& was, const auto& now) {
    if (all || was != now) {
      changed |= bit;
      was = now;
    }
  };
  const sdk::SchoolInfo& info = *s.call.school;
  note(field_name, shown.school.name, info.name);
  note(field_la_code, shown.school.la_code, info.la_code);
  note(field_la_name, shown.school.la_name, info.la_name);
  note(field_type, shown.school.type, info.type);
  note(field_type_group, shown.school.type_group, info.type_group);
  note(field_phase, shown.school.phase, info.phase);
  note(field_status, shown.school.status, info.status);
  note(field_pupils, shown.school.pupils, info.pupils);
  note(field_period, shown.period, s.call.period);
  note(field_previous_level, shown.previous_level, s.call.previous_level);
  note(field_on, shown.on, s.call.on);
  s.pool.changed = changed;
  shown.valid = true;
}

void forget_school(SandboxState& s) noexcept { s.pool.shown.valid = false; }

void push_school(lua_State* L, SandboxState& s) {
  SchoolPool& pool = s.pool;
  settle_fills(pool);
  ++pool.run;  // every record filled in an earlier run is now stale

  // Only the fields plan_school found changed: the rest already hold this school's values.
  const sdk::SchoolInfo& info = *s.call.school;
  const unsigned changed = pool.changed;
  lua_rawgeti(L, LUA_REGISTRYINDEX, pool.school_backing);
  lua_pushinteger(L, static_cast<lua_Integer>(info.urn));
  lua_setfield(L, -2, "urn");
  if (changed & field_name) set_text(L, "name", info.name);
  if (changed & field_la_code) {
    if (info.la_code != 0)
      lua_pushinteger(L, info.la_code);
    else
      lua_pushnil(L);
    lua_setfield(L, -2, "la_code");
  }
  if (changed & field_la_name) set_text(L, "la_name", info.la_name);
  if (changed & field_type) set_text(L, "type", info.type);
  if (changed & field_type_group) set_text(L, "type_group", info.type_group);
  if (changed & field_phase) set_text(L, "phase", info.phase);
  if (changed & field_status) set_text(L, "status", info.status);
  if (changed & field_pupils) {
    if (info.pupils)
      lua_pushinteger(L, *info.pupils);
    else
      lua_pushnil(L);
    lua_setfield(L, -2, "pupils");
  }
  if (changed & field_period) set_text(L, "period", s.call.period);
  if (changed & field_previous_level) {
    if (s.call.previous_level)
      set_text(L, "previous_level", *s.call.previous_level);
    else
      set_nil(L, "previous_level");
  }
  if (changed & field_on) set_text(L, "on", s.call.on);
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
