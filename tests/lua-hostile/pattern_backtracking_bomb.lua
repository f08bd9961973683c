-- hostile: runs a catastrophic backtracking pattern in C
-- expect: error search could take
return function(school, params)
  local s = string.rep("a", 5000)
  return string.find(s, ".-.-.-.-.-b") and "red" or "green", {}
end
