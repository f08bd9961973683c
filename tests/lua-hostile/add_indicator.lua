-- hostile: adds an indicator
-- expect: error read-only
return function(school, params)
  school.indicators.made_up = { value = 1 }
  return "green", {}
end
