-- hostile: replaces the string metatable
-- expect: error table expected
return function(school, params)
  setmetatable("", { __index = {} })
  return "green", {}
end
