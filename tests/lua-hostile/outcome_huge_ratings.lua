-- hostile: returns ratings that claim an enormous length through __len
-- expect: error ratings: expected a list of ratings|ratings[1]: expected a table
return function(school, params)
  return { level = "green", ratings = setmetatable({}, { __len = function() return math.maxinteger end }) }
end
