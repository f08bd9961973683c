-- hostile: compiles code at run time
-- expect: error global 'load'
return function(school, params)
  return load("return 'green', {}")()
end
