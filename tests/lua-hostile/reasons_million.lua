-- hostile: returns a million reasons (issue 19: 9 s, 1.7 GB and 644 MB of output)
-- expect: error at most 200 entries|memory limit
return function(school, params)
  local r = { "x" }
  for _ = 1, 20 do table.move(r, 1, #r, #r + 1) end  -- 2^20 reasons, in few instructions
  return "green", r
end
