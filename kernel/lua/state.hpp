#pragma once
// Internal to tk_lua: the Lua state behind a ThresholdSandbox and the pieces
// that build it. Nothing outside kernel/lua/ includes this (it exposes lua_State).
//
// A rule for every lua_CFunction here: Lua reports errors with longjmp, which
// skips C++ destructors. So no C++ object with a destructor may be alive in a
// C function's frame when it calls a Lua API that can raise; C++ results are
// parked in SandboxState::scratch first, and exceptions are caught before any
// Lua call.
#include <lua.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trellis/lua_sandbox.hpp"

namespace trellis::lua::detail {

/// The per-state allocator's account (see cap_alloc).
struct MemoryAccount {
  std::size_t used = 0;
  std::size_t limit = 0;
  lua_State* L = nullptr;  ///< set once the state exists, to place refusals
  int refused_line = 0;    ///< the script line of the last refused allocation
  std::size_t charged = 0; ///< the outcome's texts, counted in `used` until copied out
};

/// The instruction budget of the current run (see budget_hook).
struct Budget {
  std::uint64_t limit = 0;
  std::uint64_t used = 0;
  int step = 1000;         ///< the count hook fires every `step` instructions
  bool exceeded = false;
  int first_line = 0;      ///< where the budget ran out
  int last_line = 0;       ///< the line the hook last saw, to place memory errors
};

/// What the current run is about. `evidence` is only valid while `active`.
struct CallContext {
  bool active = false;
  const sdk::EvidenceView* evidence = nullptr;
  const sdk::SchoolInfo* school = nullptr;
  const sdk::Facts* facts = nullptr;
  std::string period;                         ///< fetched before the run: see the rule above
  std::optional<std::string> previous_level;
  std::string on;                             ///< set_day: the day judged as of
  std::map<std::string, std::string> due;     ///< set_day: rule id -> due day
};

/// C++ results waiting to be pushed into Lua (see the rule above).
struct Scratch {
  std::optional<sdk::Observation> observation;
  std::optional<double> benchmark;
  std::optional<std::string> text;
  std::vector<std::string> ids;
  std::string error;
  /// The items this run's school.indicators found (the first `found_count`),
  /// by indicator id, so that a rating citing one needs no second look-up.
  /// The entries are reused from run to run, so their strings keep their room.
  std::vector<std::pair<std::string, std::int64_t>> found;
  std::size_t found_count = 0;
};

/// A list or table fact as the last run pushed it: its read-only proxy (a
/// registry ref, one slot per fact name) and the value it holds. `valid` is
/// false while the slot may hold another value than `value`.
struct KeptFact {
  sdk::Fact value;
  int ref = LUA_NOREF;
  bool valid = false;
};

/// How this run gives one fact to Lua (planned before the run: see the rule above).
struct FactPush {
  const std::string* name = nullptr;
  const sdk::Fact* fact = nullptr;
  KeptFact* kept = nullptr;  ///< this name's slot, if an earlier run made one
  bool reuse = false;        ///< the slot's proxy holds this very value
  bool had = false;          ///< the slot's proxy holds kept->value (whose equal parts serve again)
  bool written = false;      ///< the run put a new proxy in the slot
  int made = LUA_NOREF;      ///< a new slot, for a name seen the first time
};

/// What the pooled school's backing holds, as last written (school.cpp:
/// plan_school), so a run rewrites only the fields that differ. `valid` is
/// false until a run has written them all, and after any run that failed,
/// since it may have stopped before writing.
struct SchoolShown {
  bool valid = false;
  sdk::SchoolInfo school;
  std::string period;
  std::optional<std::string> previous_level;
  std::string on;
};

/// The school's Lua objects, made once and refilled for every run (school.cpp):
/// registry refs, and the run number that stamps each record filled.
struct SchoolPool {
  int school = LUA_NOREF, school_backing = LUA_NOREF, facts_backing = LUA_NOREF, due_backing = LUA_NOREF;
  bool facts_filled = false, due_filled = false;
  lua_Integer run = 0;
  /// An indicator record is being refilled. Still true afterwards only if an
  /// error cut the refill short, and then what the records' stamps say they
  /// hold is trusted only from run `trusted_from` on (school.cpp: settle_fills).
  bool filling = false;
  lua_Integer trusted_from = 0;
  SchoolShown shown;
  unsigned changed = ~0u;  ///< this run's fields to write (school.cpp: Field bits)
  std::map<std::string, KeptFact, std::less<>> kept_facts;  ///< by fact name
  std::vector<FactPush> fact_pushes;                        ///< this run's plan
};

struct IndicatorInfo {
  std::string label;
  std::string unit;
};

struct SandboxState {
  lua_State* L = nullptr;
  MemoryAccount memory;
  Budget budget;
  CallContext call;
  Scratch scratch;
  SchoolPool pool;
  std::map<std::string, IndicatorInfo, std::less<>> indicators;
  int globals_ref = LUA_NOREF;  ///< the shared, read-only base environment
  int env_meta_ref = LUA_NOREF; ///< metatable of each run's fresh _ENV
  int params_ref = LUA_NOREF;   ///< the read-only params, shared by every run
};

/// The state a C function runs in (kept in the state's extra space).
SandboxState& state_of(lua_State* L);

/// Opens the state and builds the sandbox in it (state.cpp). Throws
/// std::runtime_error if that fails, e.g. under too small a memory cap.
void open_sandbox(SandboxState& s, const Limits& limits);
void close_sandbox(SandboxState& s);
/// Arms a fresh instruction budget; call before each protected run.
void arm_budget(SandboxState& s);
/// Gives back what check_outcome charged for the outcome's texts, once they
/// are copied out (or the run failed).
void release_outcome_charge(SandboxState& s);

// readonly.cpp: read-only proxies. A proxy is an empty table whose protected
// metatable reads through to a hidden backing table and refuses writes.
/// Replaces the table on top of the stack by a read-only proxy over it.
void make_read_only(lua_State* L);
/// A proxy whose reads call `index` (a C closure on the stack top, under the
/// proxy's __index) and whose pairs call `pairs`; pops both.
void make_lazy_read_only(lua_State* L);
bool is_read_only(lua_State* L, int index);
/// Pushes `v`, tables and arrays as read-only proxies.
void push_value(lua_State* L, const Value& v);
/// Pushes pairs' iterator triple over `table` (absolute index) in a fixed
/// order: integer keys ascending, then string keys by bytes.
int push_ordered_pairs(lua_State* L, int table, int subject);
/// The __newindex of every read-only proxy; also how is_read_only knows one.
int refuse_write(lua_State* L);

// guards.cpp: library functions replaced by checked versions.
void install_guards(lua_State* L);

// school.cpp: the read-only `school` of the current run, refilled from
// call.evidence. Only safe because nothing a script can reach outlives its
// run (see push_school).
void push_school(lua_State* L, SandboxState& s);
/// Before a run (C++ only): which of the school's fields differ from what
/// the pooled school shows. A run that fails must call forget_school.
void plan_school(SandboxState& s);
void forget_school(SandboxState& s) noexcept;
/// Before a run (C++ only): which facts the kept proxies already hold.
void plan_facts(SandboxState& s);
/// After a run, failed or not (C++ only): remember the proxies it made.
void keep_facts(SandboxState& s) noexcept;
/// Makes the pooled school objects; once, when the sandbox is built.
void build_school_pool(lua_State* L, SandboxState& s);

// outcome.cpp: what a threshold function returns, checked and copied out.
/// A scale as the checks name it: its id, level ids and "green, amber, red".
struct ScaleCheck {
  std::string id;
  std::vector<std::string> levels;
  std::string text;
  bool has(std::string_view level) const;
};
struct SubjectCheck {
  const char* kind = "area";        ///< "area" or "indicator"
  const ScaleCheck* scale = nullptr;
};
/// Subjects point into the scales, so the rules are built in place, never copied.
struct OutcomeRules {
  OutcomeRules() = default;
  OutcomeRules(const OutcomeRules&) = delete;
  OutcomeRules& operator=(const OutcomeRules&) = delete;
  ScaleCheck overall;
  std::map<std::string, ScaleCheck, std::less<>> scales;
  std::map<std::string, SubjectCheck, std::less<>> subjects;
  std::string areas_text;  ///< the area ids, for the unknown-subject message
  bool indicators_declared = false;
};
void build_outcome_rules(OutcomeRules& rules, const ThresholdSetup& setup);
/// Checks the function's two results on the stack top, either form, and
/// pushes the canonical outcome: level, reasons, ratings, flags (plain tables
/// without metatables, ratings and flags nil when the script gave none; a
/// rating is {subject, level, reasons, evidence indicator ids}). Raises
/// "file:line: what: expected ..., found ..." on any mistake.
void check_outcome(lua_State* L, const OutcomeRules& rules, const char* file, int line);
/// Copies the canonical outcome at `first` out, with raw reads only (so it may
/// run outside a protected call); evidence is left as indicator ids.
void read_outcome(lua_State* L, int first, sdk::ThresholdOutcome& out,
                  std::vector<std::vector<std::string>>& evidence);

// errors.cpp
/// The message handler of every protected run: message plus short traceback.
int message_handler(lua_State* L);
/// Lua shortens long chunk names to 60 bytes; put the full file name back.
std::string full_paths(std::string message, std::string_view file);
/// "file:line: " from a Lua error message, if it starts so.
std::optional<int> message_line(std::string_view message, std::string_view file);

}  // namespace trellis::lua::detail
