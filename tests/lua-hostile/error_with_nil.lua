-- hostile: raises an error with no value
-- expect: error raised with a nil value
return function(school, params)
  error()
end
