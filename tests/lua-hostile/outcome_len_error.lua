-- hostile: returns ratings whose length raises an error while the host checks them
-- expect: error no length for you
return function(school, params)
  return { level = "green", ratings = setmetatable({}, { __len = function() error("no length for you") end }) }
end
