// The files adapter against the real disk and libmagic: types by content whatever the name,
// durable writes under random names, no path escapes.
#include <gtest/gtest.h>

#include <filesystem>

#include "../support/temp_dir.h"
#include "../web/upload_samples.h"
#include "adapters/files/local_file_store.h"
#include "adapters/files/magic_content_sniffer.h"
#include "adapters/security/sodium_token_service.h"
#include "app/online_submission.h"

namespace motcua::adapters::files {
namespace {

TEST(MagicContentSniffer, DecidesByContent) {
  auto sniffer = MagicContentSniffer::open();
  ASSERT_TRUE(sniffer.ok()) << sniffer.error().message;
  const MagicContentSniffer& s = **sniffer;
  EXPECT_EQ(s.media_type(motcua::testing::pdf_bytes()), "application/pdf");
  EXPECT_EQ(s.media_type(motcua::testing::png_bytes()), "image/png");
  EXPECT_EQ(s.media_type(motcua::testing::jpeg_bytes()), "image/jpeg");
  EXPECT_FALSE(app::accepted_media_type(s.media_type(motcua::testing::exe_bytes())));
  EXPECT_FALSE(app::accepted_media_type(s.media_type("<html><script>alert(1)</script>")));
  EXPECT_FALSE(app::accepted_media_type(s.media_type("")));
}

TEST(LocalFileStore, WritesUnderRandomNamesAndReadsBack) {
  motcua::testing::TempDir dir{"motcua-files"};
  security::SodiumTokenService tokens;
  auto opened = LocalFileStore::open(dir.file("a/b/uploads"), tokens);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  LocalFileStore store = std::move(opened).value();
  auto first = store.put("hello");
  auto second = store.put("hello");
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(first->stored_name, second->stored_name);
  EXPECT_EQ(first->size, 5);
  EXPECT_EQ(first->sha256, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  EXPECT_EQ(store.get(first->stored_name).value(), "hello");
  size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(store.directory())) {
    EXPECT_EQ(entry.path().extension(), "") << "no temporary file left";
    ++count;
  }
  EXPECT_EQ(count, 2u);
  EXPECT_TRUE(store.remove(first->stored_name).ok());
  EXPECT_EQ(store.get(first->stored_name).error().kind, core::ErrorKind::kNotFound);
  EXPECT_TRUE(store.remove(first->stored_name).ok()) << "removing twice is fine";
}

TEST(LocalFileStore, NamesThatCouldEscapeAreNotFound) {
  motcua::testing::TempDir dir{"motcua-files"};
  security::SodiumTokenService tokens;
  auto opened = LocalFileStore::open(dir.file("uploads"), tokens);
  ASSERT_TRUE(opened.ok());
  LocalFileStore store = std::move(opened).value();
  for (const char* name : {"../motcua.db", "/etc/passwd", "", ".", "a/b", "x.tmp"}) {
    EXPECT_EQ(store.get(name).error().kind, core::ErrorKind::kNotFound) << name;
  }
}

}  // namespace
}  // namespace motcua::adapters::files
