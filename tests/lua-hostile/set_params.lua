-- hostile: changes the policy's params
-- expect: error read-only
return function(school, params)
  params.limit = 0
  return "green", {}
end
