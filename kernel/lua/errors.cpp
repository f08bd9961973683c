// Turning whatever a script raised into "file:line: message" and a short
// traceback a policy author can follow.
#include <cstring>
#include <string_view>

#include "state.hpp"

namespace trellis::lua::detail {
namespace {

constexpr int max_frames = 8;

// A frame's file: the full name for scripts ("@file"), Lua's short form otherwise.
const char* frame_file(const lua_Debug& ar) { return ar.source[0] == '@' ? ar.source + 1 : ar.short_src; }

// Adds "file:line: " of the innermost Lua frame, if there is one, unless
// `message` already starts with that frame's file.
void add_location(lua_State* L, luaL_Buffer& b, std::string_view message = {}) {
  lua_Debug ar;
  for (int level = 1; lua_getstack(L, level, &ar); ++level)
    if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
      const std::string_view short_src(ar.short_src);
      if (message.size() > short_src.size() && message.substr(0, short_src.size()) == short_src &&
          message[short_src.size()] == ':')
        return;
      lua_pushfstring(L, "%s:%d: ", frame_file(ar), ar.currentline);
      luaL_addvalue(&b);
      return;
    }
}

void add_traceback(lua_State* L, luaL_Buffer& b) {
  lua_Debug ar;
  int shown = 0;
  for (int level = 1; lua_getstack(L, level, &ar); ++level) {
    if (!lua_getinfo(L, "Sln", &ar)) continue;
    const bool c = std::strcmp(ar.what, "C") == 0;
    if (c && !ar.name) continue;  // the host's own entry points
    if (shown == 0) luaL_addstring(&b, "\nstack traceback:");
    if (++shown > max_frames) {
      luaL_addstring(&b, "\n\t...");
      return;
    }
    if (c)
      lua_pushfstring(L, "\n\t[C]: in %s '%s'", std::strcmp(ar.namewhat, "metamethod") == 0 ? "metamethod" : "function",
                      ar.name);
    else if (std::strcmp(ar.what, "main") == 0)
      lua_pushfstring(L, "\n\t%s:%d: in the script's top level", frame_file(ar), ar.currentline);
    else if (ar.name)
      lua_pushfstring(L, "\n\t%s:%d: in function '%s'", frame_file(ar), ar.currentline, ar.name);
    else
      lua_pushfstring(L, "\n\t%s:%d: in function <%s:%d>", frame_file(ar), ar.currentline, frame_file(ar),
                      ar.linedefined);
    luaL_addvalue(&b);
  }
}

}  // namespace

int message_handler(lua_State* L) {
  luaL_Buffer b;
  const int type = lua_type(L, 1);
  luaL_buffinit(L, &b);
  if (type == LUA_TSTRING) {
    // Errors from C functions, and error(msg, 0), carry no position.
    std::size_t n = 0;
    const char* message = lua_tolstring(L, 1, &n);
    add_location(L, b, std::string_view(message, n));
    lua_pushvalue(L, 1);
    luaL_addvalue(&b);
  } else {
    // error() adds no position to non-string values; find it ourselves.
    add_location(L, b);
    if (type == LUA_TNUMBER) {
      lua_pushfstring(L, "error raised with the number %s; expected a message string", lua_tostring(L, 1));
    } else {
      lua_pushfstring(L, "error raised with a %s value; expected a message string, e.g. error(\"why\")",
                      luaL_typename(L, 1));
    }
    luaL_addvalue(&b);
  }
  add_traceback(L, b);
  luaL_pushresult(&b);
  return 1;
}

std::string full_paths(std::string message, std::string_view file) {
  constexpr std::size_t kept = LUA_IDSIZE - 4;  // what luaO_chunkid keeps of "@file" after "..."
  if (file.size() + 1 <= LUA_IDSIZE) return message;
  const std::string shortened = "..." + std::string(file.substr(file.size() - kept)) + ":";
  const std::string full = std::string(file) + ":";
  for (std::size_t at = message.find(shortened); at != std::string::npos;
       at = message.find(shortened, at + full.size()))
    message.replace(at, shortened.size(), full);
  return message;
}

std::optional<int> message_line(std::string_view message, std::string_view file) {
  if (message.substr(0, file.size()) != file || message.size() <= file.size() || message[file.size()] != ':')
    return std::nullopt;
  int line = 0;
  std::size_t i = file.size() + 1;
  for (; i < message.size() && message[i] >= '0' && message[i] <= '9'; ++i) line = line * 10 + (message[i] - '0');
  if (i == file.size() + 1 || i >= message.size() || message[i] != ':') return std::nullopt;
  return line;
}

}  // namespace trellis::lua::detail
