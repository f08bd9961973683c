-- hostile: removes a math function for everyone
-- expect: error read-only
return function(school, params)
  math.floor = nil
  return "green", {}
end
