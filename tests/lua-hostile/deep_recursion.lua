-- hostile: recurses without end
-- expect: error stack overflow|memory limit
local function down(n) return down(n + 1) + 1 end
return function(school, params)
  return down(1), {}
end
