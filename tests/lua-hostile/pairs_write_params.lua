-- hostile: overwrites every param while iterating
-- expect: error read-only
return function(school, params)
  for k in pairs(params) do params[k] = 0 end
  return "green", {}
end
