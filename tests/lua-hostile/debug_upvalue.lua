-- hostile: digs into a C function's upvalues
-- expect: error global 'debug'
return function(school, params)
  local name, backing = debug.getupvalue(getmetatable, 1)
  return "green", {}
end
