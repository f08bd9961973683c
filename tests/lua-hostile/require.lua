-- hostile: loads a module
-- expect: error global 'require'
return function(school, params)
  local socket = require("socket")
  return "green", {}
end
