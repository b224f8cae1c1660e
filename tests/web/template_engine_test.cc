#include "adapters/web/template_engine.h"

#include <gtest/gtest.h>

namespace motcua::adapters::web {
namespace {

constexpr EmbeddedFile kGood[] = {
    {"page.mustache",
     "<h1>{{title}}</h1><a href=\"{{link}}\">x</a>{{#rows}}<td>{{.}}</td>{{/rows}}"},
    {"raw.mustache", "<main>{{{content}}}</main>"},
    {"notes.txt", "{{#broken"},  // not a template: ignored
};

TEST(TemplateEngine, RendersAndEscapesEveryDangerousCharacter) {
  auto engine = TemplateEngine::load(kGood);
  ASSERT_TRUE(engine.ok()) << engine.error().message;
  TemplateData data;
  data.set("title", "<script>alert('x')</script> & `a`=b \"q\"");
  data.set("link", safe_url("javascript:alert(1)"));
  TemplateData rows = TemplateData::list();
  rows.push("Võ Đặng Ngọc Giả");
  rows.push("<b>");
  data.set("rows", rows);
  std::string html = engine.value()->render("page", data).value();
  EXPECT_EQ(html,
            "<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#96;a&#96;&#61;b "
            "&quot;q&quot;</h1><a href=\"#\">x</a><td>Võ Đặng Ngọc Giả</td><td>&lt;b&gt;</td>");
}

TEST(TemplateEngine, TripleMustacheIsForServerBuiltHtml) {
  auto engine = TemplateEngine::load(kGood).value();
  TemplateData data;
  data.set("content", "<p>ok</p>");
  EXPECT_EQ(engine->render("raw", data).value(), "<main><p>ok</p></main>");
}

TEST(TemplateEngine, ABrokenTemplateStopsLoadingAndIsNamed) {
  constexpr EmbeddedFile kBroken[] = {{"case.mustache", "{{#fees}}<tr>"}};
  auto engine = TemplateEngine::load(kBroken);
  ASSERT_FALSE(engine.ok());
  EXPECT_NE(engine.error().message.find("case.mustache"), std::string::npos);
}

TEST(TemplateEngine, UnknownTemplateIsNotFound) {
  auto engine = TemplateEngine::load(kGood).value();
  EXPECT_EQ(engine->render("nope", {}).error().kind, core::ErrorKind::kNotFound);
  EXPECT_FALSE(engine->has("notes"));
}

TEST(SafeUrl, KeepsSameSitePathsAndWebUrlsOnly) {
  EXPECT_EQ(safe_url("/ho-so/H34.22.6-240426-0002"), "/ho-so/H34.22.6-240426-0002");
  EXPECT_EQ(safe_url("https://dichvucong.gov.vn/"), "https://dichvucong.gov.vn/");
  EXPECT_EQ(safe_url("//evil.example/"), "#");
  EXPECT_EQ(safe_url("JavaScript:alert(1)"), "#");
  EXPECT_EQ(safe_url("data:text/html,x"), "#");
  EXPECT_EQ(safe_url("/a\nb"), "#");
  EXPECT_EQ(safe_url(""), "#");
}

}  // namespace
}  // namespace motcua::adapters::web
