-- hostile: returns no reasons
-- expect: error list of reasons
return function(school, params)
  return "green"
end
