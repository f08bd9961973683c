-- hostile: runs a quadratic plain search in C
-- expect: error search could take
return function(school, params)
  local hay = string.rep("a", 1000000)
  local needle = string.rep("a", 100000) .. "b"
  return string.find(hay, needle, 1, true) and "red" or "green", {}
end
