-- hostile: reads the string metatable (must be locked, not a table)
-- expect: ok green
return function(school, params)
  local mt = getmetatable("")
  return "green", { "the string metatable reads as " .. tostring(mt) }
end
