-- hostile: returns a string instead of a list of reasons
-- expect: error list of reasons
return function(school, params)
  return "green", "everything is fine"
end
