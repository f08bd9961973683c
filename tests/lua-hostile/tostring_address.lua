-- hostile: puts tostring({}) in a reason; Lua's own gives a heap address, so two runs differ (issue 19)
-- expect: ok green
return function(school, params)
  local shown = tostring({}) .. " " .. string.format("%s", function() end)
  if shown:find("0x") or shown:find("%x%x%x%x%x%x") then error("an address: " .. shown) end
  if shown ~= "table function" then error("expected the type alone, found " .. shown) end
  return "green", { shown }
end
