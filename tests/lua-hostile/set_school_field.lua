-- hostile: changes the school it is given
-- expect: error read-only
return function(school, params)
  school.name = "Outstanding Academy"
  return "green", {}
end
