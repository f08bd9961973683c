-- hostile: compiles another file
-- expect: error global 'loadfile'
return function(school, params)
  local f = loadfile("/etc/passwd")
  return "green", {}
end
