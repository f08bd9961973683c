-- hostile: keeps a counter and the school in globals across schools
-- expect: ok green
return function(school, params)
  calls = (calls or 0) + 1
  stash = school
  return "green", { "call " .. calls }
end
