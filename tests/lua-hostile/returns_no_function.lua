-- hostile: returns a table instead of a function
-- expect: compile expected the script to return a function
return { level = "green" }
