-- hostile: doubles a string until memory runs out
-- expect: error memory limit
return function(school, params)
  local s = "x"
  while true do s = s .. s end
end
