-- hostile: recurses through pcall and rethrows
-- expect: error stack overflow
local function nest() local ok, err = pcall(nest); error(err, 0) end
return function(school, params)
  nest()
  return "green", {}
end
