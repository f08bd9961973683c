// ThresholdSandbox: compiles threshold scripts once and runs them per school.
#include <algorithm>
#include <stdexcept>

#include "state.hpp"
#include "trellis/error.hpp"

namespace trellis::lua {

struct ThresholdSandbox::State {
  struct Compiled {
    std::string name;
    std::string file;
    int chunk_ref = LUA_NOREF;
    int fn_line = 1;  ///< where the function is defined, for outcome errors
  };
  detail::SandboxState sandbox;
  ThresholdSetup setup;
  detail::OutcomeRules rules;  // what a returned outcome is checked against
  std::vector<std::unique_ptr<Compiled>> scripts;
  const Compiled* current = nullptr;  // for the C entry points below

  ~State() { detail::close_sandbox(sandbox); }
};

namespace {

// The entry points get the State and the script as light userdata (no
// closure to allocate per run).
ThresholdSandbox::State& owner(lua_State* L) { return *static_cast<ThresholdSandbox::State*>(lua_touserdata(L, 1)); }

// A fresh _ENV for this run, set into the chunk, which then runs and must
// leave the threshold function on the stack; `fn_line` gets its line.
void push_threshold_function(lua_State* L, detail::SandboxState& s, int chunk_ref, const char* file,
                             int* fn_line = nullptr) {
  lua_createtable(L, 0, 4);
  lua_rawgeti(L, LUA_REGISTRYINDEX, s.env_meta_ref);
  lua_setmetatable(L, -2);
  lua_pushliteral(L, "_G");
  lua_pushvalue(L, -2);
  lua_rawset(L, -3);
  lua_rawgeti(L, LUA_REGISTRYINDEX, chunk_ref);
  lua_insert(L, -2);
  lua_setupvalue(L, -2, 1);
  lua_call(L, 0, 1);
  if (lua_type(L, -1) != LUA_TFUNCTION) {
    lua_pushfstring(L, "%s:1: expected the script to return a function(school, params), found %s", file,
                    luaL_typename(L, -1));
    lua_error(L);
  }
  if (fn_line) {
    lua_Debug ar;
    lua_pushvalue(L, -1);
    lua_getinfo(L, ">S", &ar);
    *fn_line = ar.linedefined > 0 ? ar.linedefined : 1;
  }
}

// Arguments: the State, the Compiled script, its text. Loads and tries it.
int compile_entry(lua_State* L) {
  auto& st = owner(L);
  auto* script = static_cast<ThresholdSandbox::State::Compiled*>(lua_touserdata(L, 2));
  const auto* text = static_cast<const std::string*>(lua_touserdata(L, 3));
  lua_pushfstring(L, "@%s", script->file.c_str());
  if (luaL_loadbufferx(L, text->data(), text->size(), lua_tostring(L, -1), "t") != LUA_OK) lua_error(L);
  script->chunk_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  push_threshold_function(L, st.sandbox, script->chunk_ref, script->file.c_str(), &script->fn_line);
  return 0;
}

// Arguments: the State, the Compiled script. One school's run.
int run_entry(lua_State* L) {
  auto& st = owner(L);
  auto* script = static_cast<const ThresholdSandbox::State::Compiled*>(lua_touserdata(L, 2));
  lua_settop(L, 0);
  push_threshold_function(L, st.sandbox, script->chunk_ref, script->file.c_str());
  detail::push_school(L, st.sandbox);
  lua_rawgeti(L, LUA_REGISTRYINDEX, st.sandbox.params_ref);
  lua_call(L, 2, 2);
  detail::check_outcome(L, st.rules, script->file.c_str(), script->fn_line);
  return 4;
}

// Argument: the State.
int params_entry(lua_State* L) {
  auto& st = owner(L);
  detail::push_value(L, st.setup.params);
  st.sandbox.params_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  detail::build_school_pool(L, st.sandbox);
  return 0;
}

// "file:line: ", or "file: " when the line is unknown.
std::string located(const std::string& file, int line) {
  return line > 0 ? file + ":" + std::to_string(line) + ": " : file + ": ";
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// A rating rests on the newest item of each indicator it cites, where the
// school holds one at or before the period: the one the script read, if it did.
void cite_evidence(const sdk::EvidenceView& school, const std::vector<std::vector<std::string>>& cited,
                   const detail::Scratch& scratch, sdk::ThresholdOutcome& out) {
  const auto found = scratch.found.begin(), found_end = found + static_cast<std::ptrdiff_t>(scratch.found_count);
  try {
    for (std::size_t i = 0; i < out.ratings.size(); ++i)
      for (const auto& indicator : cited[i]) {
        const auto read = std::find_if(found, found_end, [&](const auto& f) { return f.first == indicator; });
        if (read != found_end)
          out.ratings[i].evidence.push_back(read->second);
        else if (auto item = school.latest(indicator))
          out.ratings[i].evidence.push_back(item->id);
      }
  } catch (const std::exception& e) {
    out.status = sdk::Status::failure("reading the school's evidence failed: " + std::string(e.what()));
  }
}

}  // namespace

ThresholdSandbox::ThresholdSandbox(ThresholdSetup setup) : state_(std::make_unique<State>()) {
  auto& st = *state_;
  st.setup = std::move(setup);
  detail::build_outcome_rules(st.rules, st.setup);
  for (const auto& spec : st.setup.indicators) st.sandbox.indicators[spec.id] = {spec.label, spec.unit};
  detail::open_sandbox(st.sandbox, st.setup.limits);
  lua_State* L = st.sandbox.L;
  lua_pushcfunction(L, params_entry);
  lua_pushlightuserdata(L, &st);
  if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
    lua_settop(L, 0);
    throw std::runtime_error("cannot give params and the school to the Lua sandbox: the memory limit is too small");
  }
}

ThresholdSandbox::~ThresholdSandbox() = default;

bool ThresholdSandbox::has(std::string_view name) const {
  return std::any_of(state_->scripts.begin(), state_->scripts.end(),
                     [&](const auto& c) { return c->name == name; });
}

std::size_t ThresholdSandbox::memory_in_use() const { return state_->sandbox.memory.used; }

void ThresholdSandbox::add(const Script& script) {
  auto& st = *state_;
  if (has(script.name)) throw std::invalid_argument("threshold script '" + script.name + "' is added twice");
  if (script.text.starts_with(LUA_SIGNATURE))
    throw InputError({script.file, 1, 1}, "a Lua text script", "a precompiled binary chunk (bytecode is refused)");
  auto compiled = std::make_unique<State::Compiled>(State::Compiled{script.name, script.file, LUA_NOREF, 1});
  lua_State* L = st.sandbox.L;
  detail::arm_budget(st.sandbox);
  lua_settop(L, 0);
  lua_pushcfunction(L, detail::message_handler);
  lua_pushcfunction(L, compile_entry);
  lua_pushlightuserdata(L, &st);
  lua_pushlightuserdata(L, compiled.get());
  lua_pushlightuserdata(L, const_cast<std::string*>(&script.text));
  const int rc = lua_pcall(L, 3, 0, 1);
  std::string message = rc == LUA_OK ? "" : lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "unknown error";
  lua_settop(L, 0);
  if (rc == LUA_OK) {
    st.scripts.push_back(std::move(compiled));
    return;
  }
  if (compiled->chunk_ref != LUA_NOREF) luaL_unref(L, LUA_REGISTRYINDEX, compiled->chunk_ref);
  if (rc == LUA_ERRMEM) message = script.file + ": the script does not fit in the memory limit";
  message = detail::full_paths(message, script.file);
  message = message.substr(0, message.find('\n'));  // one line: the traceback adds nothing here
  const auto line = detail::message_line(message, script.file);
  if (line) message = message.substr(message.find(':', script.file.size() + 1) + 2);
  if (st.sandbox.budget.exceeded)
    message = "the script's top level ran for more than " + std::to_string(st.setup.limits.instructions) +
              " instructions and was stopped";
  else if (message.rfind("attempt to load a binary chunk", 0) == 0)
    throw InputError({script.file, 1, 1}, "a Lua text script", "a precompiled binary chunk (bytecode is refused)");
  throw InputError({script.file, line.value_or(st.sandbox.budget.first_line), 0}, message);
}

void ThresholdSandbox::set_day(std::string on, std::map<std::string, std::string> due) {
  state_->sandbox.call.on = std::move(on);
  state_->sandbox.call.due = std::move(due);
}

sdk::ThresholdOutcome ThresholdSandbox::run(std::string_view name, const sdk::EvidenceView& school,
                                            const sdk::Facts& facts) {
  sdk::ThresholdOutcome out;
  auto& st = *state_;
  auto& s = st.sandbox;
  const State::Compiled* script = nullptr;
  for (const auto& c : st.scripts)
    if (c->name == name) script = c.get();
  if (!script) {
    std::vector<std::string> names;
    for (const auto& c : st.scripts) names.push_back(c->name);
    out.status = sdk::Status::failure("no threshold script named '" + std::string(name) +
                                      "'; the policy's [thresholds] has: " + join(names));
    return out;
  }
  if (s.call.active) {  // e.g. an evidence view that runs a script itself
    out.status = sdk::Status::failure("threshold script '" + std::string(name) +
                                      "' was started while another script was running in the same sandbox");
    return out;
  }
  try {  // C++ first, so the Lua side only reads what is already fetched
    s.call.school = &school.school();
    s.call.period = school.period();
    s.call.previous_level = school.previous_level();
    detail::plan_school(s);
  } catch (const std::exception& e) {
    out.status = sdk::Status::failure("reading the school's evidence failed: " + std::string(e.what()));
    return out;
  }
  s.call.evidence = &school;
  s.call.facts = &facts;
  s.scratch.found_count = 0;
  try {
    detail::plan_facts(s);
  } catch (const std::exception& e) {
    detail::forget_school(s);  // planned above but never written: the next run writes every field
    s.pool.fact_pushes.clear();
    s.call.evidence = nullptr;
    s.call.school = nullptr;
    s.call.facts = nullptr;
    out.status = sdk::Status::failure("reading the school's facts failed: " + std::string(e.what()));
    return out;
  }
  s.call.active = true;
  detail::arm_budget(s);

  lua_State* L = s.L;
  lua_settop(L, 0);
  lua_pushcfunction(L, detail::message_handler);
  lua_pushcfunction(L, run_entry);
  lua_pushlightuserdata(L, &st);
  lua_pushlightuserdata(L, const_cast<State::Compiled*>(script));
  const int rc = lua_pcall(L, 2, 4, 1);
  if (rc != LUA_OK) detail::forget_school(s);  // the run may have stopped before writing the school
  detail::keep_facts(s);
  s.call.active = false;
  s.call.evidence = nullptr;
  s.call.school = nullptr;
  s.call.facts = nullptr;

  if (rc == LUA_OK) {
    std::vector<std::vector<std::string>> cited;
    detail::read_outcome(L, 2, out, cited);
    detail::release_outcome_charge(s);
    lua_settop(L, 0);
    cite_evidence(school, cited, s.scratch, out);
    return out;
  }
  detail::release_outcome_charge(s);
  std::string message = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "unknown error";
  lua_settop(L, 0);
  if (s.budget.exceeded) {
    message = located(script->file, s.budget.first_line) + "stopped after " +
              std::to_string(st.setup.limits.instructions) +
              " instructions: the script's instruction budget ran out (an endless loop?)";
  } else if (rc == LUA_ERRMEM) {
    message = located(script->file, s.memory.refused_line ? s.memory.refused_line : s.budget.last_line) +
              "the scripts' memory limit of " + std::to_string(st.setup.limits.memory_bytes >> 20) +
              " MiB ran out (a string or table grew too large)";
  } else if (rc == LUA_ERRERR) {
    message = located(script->file, 0) + "an error occurred while handling an error: " + message;
  }
  if (rc == LUA_ERRMEM || s.budget.exceeded) lua_gc(L, LUA_GCCOLLECT);  // give the memory back now
  out.status = sdk::Status::failure(detail::full_paths(message, script->file));
  return out;
}

}  // namespace trellis::lua
