-- hostile: swaps the string metatable's methods
-- expect: error index a string value
return function(school, params)
  getmetatable("").__index = { upper = function() return "pwned" end }
  return "green", {}
end
