-- hostile: runs a shell command through os
-- expect: error global 'os'
return function(school, params)
  os.execute("touch /tmp/trellis-pwned")
  return "green", {}
end
