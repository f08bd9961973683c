-- hostile: returns an outcome table whose reads never end (an __index that loops)
-- expect: error instruction
return function(school, params)
  return setmetatable({}, { __index = function() while true do end end })
end
