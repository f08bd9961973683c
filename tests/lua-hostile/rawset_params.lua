-- hostile: changes params through rawset
-- expect: error read-only
return function(school, params)
  rawset(params, "limit", 0)
  return "green", {}
end
