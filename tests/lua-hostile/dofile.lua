-- hostile: runs another file
-- expect: error global 'dofile'
return function(school, params)
  dofile("/etc/passwd")
  return "green", {}
end
