# Writes OUT: the files of web/templates/ as C++ string literals, so that the
# program serves its pages wherever it is installed. Run at build time.
file(GLOB files RELATIVE ${DIR} ${DIR}/*.mustache ${DIR}/*.css)
list(SORT files)
set(body "// Generated from web/templates/ by web/embed.cmake: do not edit.\n#include \"templates.hpp\"\n\nnamespace trellis::web {\n\nconst std::map<std::string, std::string>& templates() {\n  static const std::map<std::string, std::string> t = {\n")
foreach(f ${files})
  file(READ ${DIR}/${f} text)
  string(APPEND body "      {\"${f}\", R\"trellis_template(${text})trellis_template\"},\n")
endforeach()
string(APPEND body "  };\n  return t;\n}\n\n}  // namespace trellis::web\n")
file(WRITE ${OUT}.new "${body}")
file(COPY_FILE ${OUT}.new ${OUT} ONLY_IF_DIFFERENT)
