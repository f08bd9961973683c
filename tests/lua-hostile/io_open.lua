-- hostile: reads a file through io
-- expect: error global 'io'
return function(school, params)
  local f = io.open("/etc/passwd")
  return "green", { f:read("a") }
end
