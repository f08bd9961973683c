-- hostile: returns reasons whose __len claims more entries than memory could hold
-- expect: error reasons[2]: expected a string|expected at most 200 entries
return function(school, params)
  return { level = "green", reasons = setmetatable({ "one" }, { __len = function() return math.maxinteger end }) }
end
