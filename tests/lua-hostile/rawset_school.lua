-- hostile: changes the school through rawset
-- expect: error read-only
return function(school, params)
  rawset(school, "name", "Outstanding Academy")
  return "green", { school.name }
end
