-- hostile: raises an error with a number
-- expect: error raised with the number 42
return function(school, params)
  error(42)
end
