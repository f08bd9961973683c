-- hostile: returns a number among the reasons
-- expect: error reason 2 to be a string
return function(school, params)
  return "green", { "fine", 42 }
end
