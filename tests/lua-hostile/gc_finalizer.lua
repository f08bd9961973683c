-- hostile: leaves a finalizer to run outside any budget
-- expect: error __gc finalizers
return function(school, params)
  setmetatable({}, { __gc = function() while true do end end })
  return "green", {}
end
