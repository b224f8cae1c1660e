#include "adapters/security/argon2_password_hasher.h"

#include <gtest/gtest.h>

#include <string>

namespace motcua::adapters::security {
namespace {

// The fast cost keeps the suite quick under the sanitizers; one test checks the default.
Argon2PasswordHasher fast_hasher() { return Argon2PasswordHasher(Argon2Cost::fast()); }

TEST(Argon2PasswordHasher, HashVerifiesItsPassword) {
  Argon2PasswordHasher hasher = fast_hasher();
  std::string hash = hasher.hash("Mật khẩu 123").value();
  EXPECT_TRUE(hasher.verify(hash, "Mật khẩu 123"));
}

TEST(Argon2PasswordHasher, WrongPasswordFails) {
  Argon2PasswordHasher hasher = fast_hasher();
  std::string hash = hasher.hash("correct horse").value();
  EXPECT_FALSE(hasher.verify(hash, "correct hors"));
  EXPECT_FALSE(hasher.verify(hash, "correct horse "));
  EXPECT_FALSE(hasher.verify(hash, ""));
}

TEST(Argon2PasswordHasher, EncodedHashIsArgon2id) {
  std::string hash = fast_hasher().hash("x").value();
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
}

TEST(Argon2PasswordHasher, TwoHashesOfOnePasswordDiffer) {
  Argon2PasswordHasher hasher = fast_hasher();
  std::string a = hasher.hash("same").value();
  std::string b = hasher.hash("same").value();
  EXPECT_NE(a, b);
  EXPECT_TRUE(hasher.verify(a, "same"));
  EXPECT_TRUE(hasher.verify(b, "same"));
}

TEST(Argon2PasswordHasher, DefaultCostIsInteractiveAndVerifiesAcrossCosts) {
  Argon2PasswordHasher interactive;
  std::string hash = interactive.hash("admin").value();
  EXPECT_NE(hash.find("m=65536,t=2"), std::string::npos) << hash;
  EXPECT_TRUE(fast_hasher().verify(hash, "admin"));
}

TEST(Argon2PasswordHasher, MalformedHashIsAMismatchNotACrash) {
  Argon2PasswordHasher hasher = fast_hasher();
  EXPECT_FALSE(hasher.verify("", "x"));
  EXPECT_FALSE(hasher.verify("$argon2id$garbage", "x"));
  EXPECT_FALSE(hasher.verify(std::string(500, 'a'), "x"));
  EXPECT_FALSE(hasher.verify(std::string("$argon2id$\0", 11), "x"));
}

TEST(Argon2PasswordHasher, CostOutsideLibsodiumBoundsIsAnError) {
  Argon2PasswordHasher hasher(Argon2Cost{0, 8192});
  core::Result<std::string> r = hasher.hash("x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("opslimit 0"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace motcua::adapters::security
