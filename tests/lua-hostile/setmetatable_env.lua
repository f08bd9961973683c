-- hostile: rewires its own environment's metatable
-- expect: error protected metatable
return function(school, params)
  setmetatable(_ENV, { __index = function() return nil end })
  return "green", {}
end
