-- hostile: grows tables inside pcall, swallowing the memory error, forever
-- expect: error instruction budget|memory limit
local function grow()
  local t = {}
  for i = 1, 1e9 do t[i] = string.rep("y", 512) .. i end
end
return function(school, params)
  while true do pcall(grow) end
end
