// What a threshold function returns: `return level, reasons`, or one table
// {level, reasons, ratings, flags}. Checked strictly, so that a policy
// author's slip fails the run naming the script and line, the place in the
// outcome, what was expected and what was found; then copied out raw.
//
// The checks run inside the protected run and keep state.hpp's rule: no C++
// object with a destructor lives in their frames (messages are Lua strings on
// the stack, and a path is spelled into a plain buffer only for a message).
#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>

#include "state.hpp"
#include "trellis/text.hpp"

namespace trellis::lua::detail {

bool ScaleCheck::has(std::string_view level) const {
  return std::find(levels.begin(), levels.end(), level) != levels.end();
}

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

ScaleCheck scale_check(std::string id, std::vector<std::string> levels) {
  ScaleCheck c{std::move(id), std::move(levels), ""};
  c.text = joined(c.levels);
  return c;
}

struct Where {
  const char* file;
  int line;
};

[[noreturn]] void fail(lua_State* L, const Where& at, const char* format, ...) {
  lua_pushfstring(L, "%s:%d: ", at.file, at.line);
  va_list args;
  va_start(args, format);
  lua_pushvfstring(L, format, args);
  va_end(args);
  lua_concat(L, 2);
  lua_error(L);
  std::abort();  // lua_error does not return
}

// Pushes how the value at `index` reads in a message: "purple" quoted, the
// number 3, nothing, a table.
const char* found(lua_State* L, int index) {
  index = lua_absindex(L, index);
  switch (lua_type(L, index)) {
    case LUA_TSTRING: {  // whole: a NUL byte shown as \0, not ending the text
      std::size_t n = 0;
      const char* text = lua_tolstring(L, index, &n);
      luaL_Buffer b;
      luaL_buffinit(L, &b);
      luaL_addchar(&b, '"');
      for (std::size_t i = 0; i < n; ++i) {
        if (text[i] == '\0') luaL_addstring(&b, "\\0");
        else luaL_addchar(&b, text[i]);
      }
      luaL_addchar(&b, '"');
      luaL_pushresult(&b);
      return lua_tostring(L, -1);
    }
    case LUA_TNIL: return lua_pushliteral(L, "nothing");
    case LUA_TNUMBER:
      lua_pushvalue(L, index);
      return lua_pushfstring(L, "the number %s", lua_tostring(L, -1));
    default: return lua_pushfstring(L, "a %s", luaL_typename(L, index));
  }
}

// Where in the outcome a check is: "reasons", "flags", "ratings" or "the
// outcome" (`name`), or a part of ratings[rating] (`field`: "reasons",
// "evidence", or null for the rating itself). `name` is null, and rating 0,
// for the reasons of `return level, reasons`, whose messages differ. Spelled
// out only when a check fails, so a good outcome makes no message strings.
struct Path {
  const char* name = nullptr;
  lua_Integer rating = 0;
  const char* field = nullptr;
  bool pair_form() const { return !name && rating == 0; }
};

// A path in words, in a plain buffer (no destructor: see state.hpp's rule).
struct Spelled {
  char text[64];
};

Spelled spell(const Path& path, const char* otherwise = nullptr) {
  Spelled out{};
  if (path.rating > 0 && path.field)
    std::snprintf(out.text, sizeof out.text, "ratings[%lld].%s", static_cast<long long>(path.rating), path.field);
  else if (path.rating > 0)
    std::snprintf(out.text, sizeof out.text, "ratings[%lld]", static_cast<long long>(path.rating));
  else
    std::snprintf(out.text, sizeof out.text, "%s", path.name ? path.name : otherwise ? otherwise : "(null)");
  return out;
}

// A plain table's keys must be among `names` (a read-only proxy shows none).
void only_keys(lua_State* L, int table, const Where& at, const Path& path, const char* const* names,
               const char* listed) {
  if (is_read_only(L, table)) return;
  lua_pushnil(L);
  while (lua_next(L, table)) {
    lua_pop(L, 1);
    bool known = false;
    if (lua_type(L, -1) == LUA_TSTRING) {
      std::size_t n = 0;
      const char* text = lua_tolstring(L, -1, &n);
      const std::string_view key(text, n);
      for (const char* const* name = names; *name && !known; ++name) known = key == *name;
    }
    if (!known) fail(L, at, "%s: expected only the keys %s, found the key %s", spell(path).text, listed, found(L, -1));
  }
}

// A plain table must be a list: no keys but 1..#t.
void only_list(lua_State* L, int table, const Where& at, const Path& path, const char* example) {
  if (is_read_only(L, table)) return;
  lua_Integer entries = 0;
  lua_pushnil(L);
  while (lua_next(L, table)) {
    lua_pop(L, 1);
    ++entries;
  }
  if (entries != static_cast<lua_Integer>(lua_rawlen(L, table)))
    fail(L, at, "%s: expected a list %s, found a table with other keys", spell(path, "reasons").text, example);
}

// Reasons are bounded in number and length, and are UTF-8 text: a script
// returning a million reasons would otherwise hold gigabytes outside the
// sandbox's memory cap once copied out (issue 19). The copy each text will
// take is charged to the cap too (MemoryAccount::charged) until it is made.
constexpr lua_Integer kMaxTexts = 200;
constexpr std::size_t kMaxTextBytes = 2000;

void check_count(lua_State* L, const Where& at, const Path& path, lua_Integer count) {
  if (count > kMaxTexts)
    fail(L, at, "%s: expected at most %I entries, found %I", spell(path, "reasons").text, kMaxTexts, count);
}

// The string on top of the stack, as entry i of `path`.
void check_text(lua_State* L, const Where& at, const Path& path, lua_Integer i) {
  std::size_t n = 0;
  const char* text = lua_tolstring(L, -1, &n);
  if (n > kMaxTextBytes)
    fail(L, at, "%s[%I]: expected at most %I bytes, found %I", spell(path, "reasons").text, i,
         static_cast<lua_Integer>(kMaxTextBytes), static_cast<lua_Integer>(n));
  if (const auto bad = first_invalid_utf8(std::string_view(text, n)))
    fail(L, at, "%s[%I]: expected UTF-8 text, found a byte that is not UTF-8 at offset %I", spell(path, "reasons").text, i,
         static_cast<lua_Integer>(*bad));
  MemoryAccount& m = state_of(L).memory;
  auto room = [&] { return m.limit > m.used ? m.limit - m.used : 0; };
  if (n > room()) lua_gc(L, LUA_GCCOLLECT);  // as the allocator does before it refuses: garbage is not held
  if (n > room())
    fail(L, at, "%s[%I]: the texts returned need more than is left under the scripts' memory limit of %I MiB",
         spell(path, "reasons").text, i, static_cast<lua_Integer>(m.limit >> 20));
  m.used += n;
  m.charged += n;
}

[[noreturn]] void not_a_string(lua_State* L, const Where& at, const Path& path, lua_Integer i) {
  if (path.pair_form()) fail(L, at, "expected reason %I to be a string, found %s", i, luaL_typename(L, -1));
  fail(L, at, "%s[%I]: expected a string, found %s", spell(path).text, i, found(L, -1));
}

// Pushes a plain list of the strings at `index`: the table itself when it
// is plain already (no metatable: what the host reads raw is what the script
// made), else a copy read through its metamethods; nil is an empty list.
// `path` is the pair form's for the reasons of `return level, reasons`,
// whose messages stay as they were.
void copy_strings(lua_State* L, int index, const Where& at, const Path& path) {
  index = lua_absindex(L, index);
  if (lua_isnil(L, index) && !path.pair_form()) {
    lua_newtable(L);
    return;
  }
  if (lua_istable(L, index) && !lua_getmetatable(L, index)) {
    only_list(L, index, at, path, "of strings {\"...\", \"...\"}");
    const auto count = static_cast<lua_Integer>(lua_rawlen(L, index));
    check_count(L, at, path, count);
    for (lua_Integer i = 1; i <= count; ++i) {
      if (lua_rawgeti(L, index, i) != LUA_TSTRING) not_a_string(L, at, path, i);
      check_text(L, at, path, i);
      lua_pop(L, 1);
    }
    lua_pushvalue(L, index);
    return;
  }
  if (!lua_istable(L, index))
    fail(L, at, "%s: expected a list of strings {\"...\", \"...\"}, found %s", spell(path).text, found(L, index));
  if (!path.pair_form())
    only_list(L, index, at, path, "of strings {\"...\", \"...\"}");
  else if (!is_read_only(L, index)) {
    lua_Integer entries = 0;
    lua_pushnil(L);
    while (lua_next(L, index)) {
      lua_pop(L, 1);
      ++entries;
    }
    if (entries != static_cast<lua_Integer>(lua_rawlen(L, index)))
      fail(L, at, "expected the reasons as a list {\"...\", \"...\"}, found a table with other keys");
  }
  const lua_Integer count = luaL_len(L, index);
  check_count(L, at, path, count);
  lua_createtable(L, static_cast<int>(std::clamp<lua_Integer>(count, 0, 64)), 0);  // a hint: __len may lie
  for (lua_Integer i = 1; i <= count; ++i) {
    if (lua_geti(L, index, i) != LUA_TSTRING) not_a_string(L, at, path, i);
    check_text(L, at, path, i);
    lua_rawseti(L, -2, i);
  }
}

// Pushes a plain list of the indicator ids a rating's evidence names: each
// entry an id, or a record of school.indicators (its `indicator`).
void copy_evidence(lua_State* L, int index, const OutcomeRules& rules, const Where& at, const Path& path) {
  index = lua_absindex(L, index);
  if (lua_isnil(L, index)) {
    lua_newtable(L);
    return;
  }
  if (!lua_istable(L, index))
    fail(L, at, "%s: expected a list of indicator ids or school.indicators records, found %s", spell(path).text,
         found(L, index));
  only_list(L, index, at, path, "of indicator ids or records");
  const lua_Integer count = luaL_len(L, index);
  lua_createtable(L, static_cast<int>(std::clamp<lua_Integer>(count, 0, 64)), 0);  // sized once: a hint, __len may lie
  const int out = lua_gettop(L);
  for (lua_Integer i = 1; i <= count; ++i) {
    const bool record = lua_geti(L, index, i) == LUA_TTABLE;
    if (record) lua_getfield(L, -1, "indicator");
    std::size_t n = 0;
    const char* id = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &n) : nullptr;
    if (!id || (rules.indicators_declared && !rules.subjects.count(std::string_view(id, n))))
      fail(L, at, "%s[%I]: expected an indicator id of the regime or a record of school.indicators, found %s%s",
           spell(path).text,
           i, record ? "a record whose indicator is " : "", found(L, -1));
    lua_rawseti(L, out, i);
    lua_settop(L, out);
  }
}

const char* const top_keys[] = {"level", "reasons", "ratings", "flags", nullptr};
const char* const rating_keys[] = {"subject", "level", "reasons", "evidence", nullptr};

// Pushes the canonical {subject, level, reasons, evidence} of ratings[i] (at `index`).
void check_rating(lua_State* L, int index, lua_Integer i, int seen, const OutcomeRules& rules, const Where& at) {
  const Path path{nullptr, i, nullptr};
  if (!lua_istable(L, index))
    fail(L, at, "%s: expected a table {subject = ..., level = ..., reasons = {...}, evidence = {...}}, found %s",
         spell(path).text, found(L, index));
  only_keys(L, index, at, path, rating_keys, "subject, level, reasons, evidence");
  lua_createtable(L, 4, 0);
  const int out = lua_gettop(L);

  lua_getfield(L, index, "subject");
  std::size_t n = 0;
  const char* subject = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &n) : nullptr;
  const auto it = subject ? rules.subjects.find(std::string_view(subject, n)) : rules.subjects.end();
  if (it == rules.subjects.end())
    fail(L, at, "%s.subject: expected an area (%s) or an indicator id of the regime%s, found %s", spell(path).text,
         rules.areas_text.c_str(),
         subject && std::string_view(subject, n) == "overall" ? " (the overall level is the table's own `level`)" : "",
         found(L, -1));
  lua_pushvalue(L, -1);
  if (lua_rawget(L, seen) == LUA_TNUMBER)
    fail(L, at, "%s.subject: expected each subject rated once, found \"%s\" rated already at ratings[%I]",
         spell(path).text,
         subject, lua_tointeger(L, -1));
  lua_pop(L, 1);
  lua_pushvalue(L, -1);
  lua_pushinteger(L, i);
  lua_rawset(L, seen);
  lua_rawseti(L, out, 1);

  const SubjectCheck& check = it->second;
  lua_getfield(L, index, "level");
  const char* level = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &n) : nullptr;
  if (!level || !check.scale->has(std::string_view(level, n)))
    fail(L, at, "%s.level: expected one of %s (scale %s of %s %s), found %s", spell(path).text, check.scale->text.c_str(),
         check.scale->id.c_str(), check.kind, subject, found(L, -1));
  lua_rawseti(L, out, 2);

  lua_getfield(L, index, "reasons");
  copy_strings(L, -1, at, Path{nullptr, i, "reasons"});
  lua_rawseti(L, out, 3);
  lua_settop(L, out);
  lua_getfield(L, index, "evidence");
  copy_evidence(L, -1, rules, at, Path{nullptr, i, "evidence"});
  lua_rawseti(L, out, 4);
  lua_settop(L, out);
}

// The table form: pushes level, reasons, ratings, flags.
void check_table(lua_State* L, int t, const OutcomeRules& rules, const Where& at) {
  only_keys(L, t, at, Path{"the outcome"}, top_keys, "level, reasons, ratings, flags");
  const int base = lua_gettop(L);
  lua_getfield(L, t, "level");
  std::size_t n = 0;
  const char* level = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &n) : nullptr;
  if (!level || !rules.overall.has(std::string_view(level, n)))
    fail(L, at, "level: expected one of %s (scale %s), found %s", rules.overall.text.c_str(), rules.overall.id.c_str(),
         found(L, -1));
  lua_getfield(L, t, "reasons");
  copy_strings(L, -1, at, Path{"reasons"});
  lua_replace(L, -2);

  lua_getfield(L, t, "ratings");
  const int given = lua_gettop(L);
  lua_Integer count = 0;
  if (!lua_isnil(L, given)) {
    if (!lua_istable(L, given)) fail(L, at, "ratings: expected a list of ratings {{subject = ..., level = ...}, ...}, found %s", found(L, given));
    only_list(L, given, at, Path{"ratings"}, "of ratings {{subject = ..., level = ...}, ...}");
    count = luaL_len(L, given);
  }
  // Sized once (growing a table one entry at a time rehashes it): a hint, as __len may lie.
  const int size = static_cast<int>(std::clamp<lua_Integer>(count, 0, 64));
  lua_createtable(L, size, 0);
  const int ratings = lua_gettop(L);
  lua_createtable(L, 0, size);
  const int seen = lua_gettop(L);
  for (lua_Integer i = 1; i <= count; ++i) {
    lua_geti(L, given, i);
    check_rating(L, lua_gettop(L), i, seen, rules, at);
    lua_rawseti(L, ratings, i);
    lua_settop(L, seen);
  }
  lua_settop(L, ratings);
  lua_remove(L, given);

  lua_getfield(L, t, "flags");
  copy_strings(L, -1, at, Path{"flags"});
  lua_remove(L, -2);
  if (lua_gettop(L) != base + 4) fail(L, at, "internal: the outcome's checks left the stack uneven");
}

// The SDK 1 form `return level, reasons`: pushes level, reasons, no ratings, no flags.
void check_pair(lua_State* L, int first, const OutcomeRules& rules, const Where& at) {
  const int level = first, reasons = first + 1;
  if (lua_type(L, level) != LUA_TSTRING)
    fail(L, at, "expected the function to return a level (one of %s) and reasons, or a table {level = ..., "
                "reasons = {...}, ratings = {...}}, found %s",
         rules.overall.text.c_str(), luaL_typename(L, level));
  std::size_t n = 0;
  const char* id = lua_tolstring(L, level, &n);
  if (!rules.overall.has(std::string_view(id, n)))
    fail(L, at, "expected a level on the scale '%s' (one of %s), found \"%s\"", rules.overall.id.c_str(),
         rules.overall.text.c_str(), id);
  if (lua_type(L, reasons) != LUA_TTABLE)
    fail(L, at, "expected a list of reasons (a table of strings) after the level, found %s", luaL_typename(L, reasons));
  lua_pushvalue(L, level);
  copy_strings(L, reasons, at, Path{});
  lua_pushnil(L);  // no ratings
  lua_pushnil(L);  // no flags
}

}  // namespace

void build_outcome_rules(OutcomeRules& r, const ThresholdSetup& setup) {
  r.overall = scale_check(setup.scale, setup.levels);
  for (const auto& s : setup.scales) {
    std::vector<std::string> levels;
    for (const auto& l : s.levels) levels.push_back(l.id);
    r.scales.emplace(s.id, scale_check(s.id, std::move(levels)));
  }
  auto scale_of = [&](const std::string& subject) -> const ScaleCheck* {
    for (const auto& m : setup.subject_scales)
      if (m.subject == subject)
        if (auto it = r.scales.find(m.scale); it != r.scales.end()) return &it->second;
    return &r.overall;
  };
  std::vector<std::string> areas;
  for (const auto& a : setup.areas) {
    r.subjects[a.id] = {"area", scale_of(a.id)};
    areas.push_back(a.id);
  }
  for (const auto& i : setup.indicators) r.subjects.try_emplace(i.id, SubjectCheck{"indicator", scale_of(i.id)});
  r.areas_text = areas.empty() ? "none declared" : joined(areas);
  r.indicators_declared = !setup.indicators.empty();
}

void check_outcome(lua_State* L, const OutcomeRules& rules, const char* file, int line) {
  const Where at{file, line};
  luaL_checkstack(L, 32, "checking the outcome");  // the checks' deepest path, with a message's pieces
  const int first = lua_gettop(L) - 1;
  if (lua_type(L, first) == LUA_TTABLE && lua_isnil(L, first + 1))
    check_table(L, first, rules, at);
  else
    check_pair(L, first, rules, at);
}

namespace {

// Raw reads of the plain tables check_outcome made: nothing here can raise.
std::string text_at(lua_State* L, int table, lua_Integer i) {
  lua_rawgeti(L, table, i);
  std::size_t n = 0;
  const char* s = lua_tolstring(L, -1, &n);
  std::string out = s ? std::string(s, n) : std::string();
  lua_pop(L, 1);
  return out;
}

std::vector<std::string> texts(lua_State* L, int table) {
  std::vector<std::string> out;
  const auto count = static_cast<lua_Integer>(lua_rawlen(L, table));
  out.reserve(static_cast<std::size_t>(count));
  for (lua_Integer i = 1; i <= count; ++i) out.push_back(text_at(L, table, i));
  return out;
}

}  // namespace

void read_outcome(lua_State* L, int first, sdk::ThresholdOutcome& out, std::vector<std::vector<std::string>>& evidence) {
  std::size_t n = 0;
  const char* level = lua_tolstring(L, first, &n);
  out.level.assign(level, n);
  out.reasons = texts(L, first + 1);
  const auto count = static_cast<lua_Integer>(lua_rawlen(L, first + 2));
  out.ratings.reserve(static_cast<std::size_t>(count));
  evidence.reserve(static_cast<std::size_t>(count));
  for (lua_Integer i = 1; i <= count; ++i) {
    lua_rawgeti(L, first + 2, i);
    const int r = lua_gettop(L);
    sdk::SubjectRating rating;
    rating.subject = text_at(L, r, 1);
    rating.level = text_at(L, r, 2);
    lua_rawgeti(L, r, 3);
    rating.reasons = texts(L, -1);
    lua_rawgeti(L, r, 4);
    evidence.push_back(texts(L, -1));
    lua_settop(L, r - 1);
    out.ratings.push_back(std::move(rating));
  }
  out.flags = texts(L, first + 3);
}

}  // namespace trellis::lua::detail
