-- hostile: returns reasons with named keys that would be dropped
-- expect: error other keys
return function(school, params)
  return "green", { "fine", note = "hidden" }
end
