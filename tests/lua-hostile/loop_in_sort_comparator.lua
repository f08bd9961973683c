-- hostile: loops inside a callback from C (table.sort)
-- expect: error instruction budget
return function(school, params)
  local t = { 3, 1, 2, 5, 4 }
  table.sort(t, function(a, b) while true do end end)
  return "green", {}
end
