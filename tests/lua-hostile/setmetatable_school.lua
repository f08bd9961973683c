-- hostile: strips the read-only metatable
-- expect: error protected metatable
return function(school, params)
  setmetatable(school, nil)
  return "green", {}
end
