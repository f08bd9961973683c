-- hostile: returns a level the scale lacks
-- expect: error expected a level on the scale
return function(school, params)
  return "purple", { "not a level" }
end
