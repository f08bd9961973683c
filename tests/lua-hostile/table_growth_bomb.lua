-- hostile: grows a table until memory runs out
-- expect: error memory limit
return function(school, params)
  local t = {}
  local i = 0
  while true do
    i = i + 1
    t[i] = string.rep("x", 1024) .. i
  end
end
