-- hostile: raises an error whose __tostring never returns
-- expect: error raised with a table value
return function(school, params)
  error(setmetatable({}, { __tostring = function() while true do end end }))
end
