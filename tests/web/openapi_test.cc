// docs/openapi.yaml and the router cannot drift: every route under /api/v1 is documented with
// its method, and every documented operation is a route.
#include <fstream>
#include <set>
#include <sstream>

#include "web_fixture.h"

namespace motcua::adapters::web {
namespace {

// "METHOD /path" for each operation under `paths:` of an OpenAPI file written in block style:
// paths at two spaces of indentation, methods at four.
std::set<std::string> documented_operations(const std::string& yaml) {
  std::set<std::string> operations;
  std::istringstream lines(yaml);
  std::string line;
  bool in_paths = false;
  std::string path;
  for (const std::string methods = " get post put patch delete head options ";
       std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (line[0] != ' ') {
      in_paths = line == "paths:";
      continue;
    }
    if (!in_paths) continue;
    if (line.rfind("  /", 0) == 0 && line.back() == ':') {
      path = line.substr(2, line.size() - 3);
    } else if (line.rfind("    ", 0) == 0 && line[4] != ' ' && line.back() == ':') {
      std::string key = line.substr(4, line.size() - 5);
      if (methods.find(" " + key + " ") == std::string::npos) continue;
      for (char& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      operations.insert(key + " " + path);
    }
  }
  return operations;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(OpenApiParser, ReadsPathsAndMethodsOnly) {
  std::string yaml =
      "openapi: 3.1.0\npaths:\n  /api/v1/a/{code}:\n    get:\n      summary: x\n"
      "    parameters:\n      - name: code\n  /api/v1/b:\n    post:\n      responses:\n"
      "        \"200\": {}\ncomponents:\n  /not/a/path:\n    get:\n";
  EXPECT_EQ(documented_operations(yaml),
            (std::set<std::string>{"GET /api/v1/a/{code}", "POST /api/v1/b"}));
}

class OpenApi : public WebFixture {};

TEST_F(OpenApi, DocumentsExactlyTheApiRoutes) {
  std::string yaml = read_file(std::string(MOTCUA_SOURCE_DIR) + "/docs/openapi.yaml");
  ASSERT_TRUE(contains(yaml, "openapi: 3.1.0")) << "docs/openapi.yaml is missing or not 3.1";
  std::set<std::string> documented = documented_operations(yaml);
  std::set<std::string> routed;
  for (const Router::RouteInfo& route : app_->routes()) {
    if (route.pattern.rfind("/api/v1/", 0) == 0) routed.insert(route.method + " " + route.pattern);
  }
  EXPECT_GE(routed.size(), 5u);
  for (const std::string& op : routed) {
    EXPECT_TRUE(documented.count(op)) << op << " is routed but not in docs/openapi.yaml";
  }
  for (const std::string& op : documented) {
    EXPECT_TRUE(routed.count(op)) << op << " is in docs/openapi.yaml but not routed";
  }
}

}  // namespace
}  // namespace motcua::adapters::web
