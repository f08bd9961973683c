-- hostile: loops forever inside pcall, swallowing the budget error
-- expect: error instruction budget
return function(school, params)
  while true do
    pcall(function() while true do end end)
  end
end
