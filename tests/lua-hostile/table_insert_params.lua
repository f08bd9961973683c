-- hostile: grows a read-only list through the table library
-- expect: error read-only
return function(school, params)
  table.insert(params.list, "extra")
  return "green", {}
end
