-- hostile: reaches the registry through debug
-- expect: error global 'debug'
return function(school, params)
  local registry = debug.getregistry()
  return "green", {}
end
