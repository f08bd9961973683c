-- hostile: keeps a counter in an upvalue across schools (each school must see run 1)
-- expect: ok green
local runs = 0
return function(school, params)
  runs = runs + 1
  return "green", { "run " .. runs }
end
