-- hostile: returns a table as the level
-- expect: error found table
return function(school, params)
  return { "green" }, {}
end
