-- hostile: writes to the host's output
-- expect: error global 'print'
return function(school, params)
  print("writing to the host's stdout")
  return "green", {}
end
