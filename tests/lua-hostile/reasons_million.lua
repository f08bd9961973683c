-- hostile: returns a million reasons (issue 19: 9 s, 1.7 GB and 644 MB of output)
-- expect: error at most 200 entries
return function(school, params)
  local r = {}
  for i = 1, 1000000 do r[i] = "x" end
  return "green", r
end
