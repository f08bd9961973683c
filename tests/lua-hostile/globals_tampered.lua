-- hostile: replaces globals, which must not reach the next school or script
-- expect: ok green
return function(school, params)
  evil = true
  tostring = function() return "hacked" end
  type = nil
  _G.pairs = nil
  return "green", { tostring(1) == "hacked" and "tampered my own run only" or "?" }
end
