-- hostile: raises an error with a table
-- expect: error raised with a table value
return function(school, params)
  error({ code = 42 })
end
