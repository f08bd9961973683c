-- hostile: recurses through C (an __index that calls itself)
-- expect: error stack overflow
return function(school, params)
  local t = setmetatable({}, { __index = function(t, k) return t[k] end })
  return t.anything, {}
end
