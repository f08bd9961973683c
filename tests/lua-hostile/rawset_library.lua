-- hostile: writes a library through rawset
-- expect: error read-only
return function(school, params)
  rawset(string, "upper", string.lower)
  return "green", {}
end
