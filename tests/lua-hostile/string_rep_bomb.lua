-- hostile: asks string.rep for 10 GB
-- expect: error string.rep would need
return function(school, params)
  local s = string.rep("x", 1e10)
  return "green", { s }
end
