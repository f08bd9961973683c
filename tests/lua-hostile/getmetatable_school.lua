-- hostile: reaches the backing table through the metatable
-- expect: error field '__index'
return function(school, params)
  local mt = getmetatable(school)
  mt.__index.name = "Outstanding Academy"
  return "green", {}
end
