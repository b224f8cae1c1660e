// The Ed25519 receipt signer on libsodium: RFC 8032's first test vector, sign and verify,
// rotation (a receipt signed by the old key still verifies), unknown keys and tampering, and
// the configuration's errors.
#include "adapters/security/sodium_receipt_signer.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>

#include "../support/temp_dir.h"
#include "adapters/storage/open_store.h"

namespace motcua::adapters::security {
namespace {

// base64 of a hex string.
std::string b64_of_hex(const std::string& hex) {
  std::string bytes(hex.size() / 2, '\0');
  std::size_t size = 0;
  sodium_hex2bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), hex.data(),
                 hex.size(), nullptr, &size, nullptr);
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<unsigned char*>(bytes.data()), size,
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

constexpr const char* kOld = "old:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
constexpr const char* kNew = "new:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

TEST(SodiumReceiptSigner, MatchesRfc8032TestVector1) {
  auto signer = SodiumReceiptSigner::from_config(
      "rfc:" + b64_of_hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"), "");
  ASSERT_TRUE(signer.ok()) << signer.error().message;
  ASSERT_EQ(signer->public_keys().size(), 1u);
  EXPECT_EQ(signer->public_keys()[0].public_key,
            b64_of_hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
  auto signature = signer->sign("");
  ASSERT_TRUE(signature.ok());
  EXPECT_EQ(signature->key_id, "rfc");
  EXPECT_EQ(signature->value,
            b64_of_hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590"
                       "a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"));
}

TEST(SodiumReceiptSigner, SignsWithTheActiveKeyAndVerifiesWithAny) {
  auto before = SodiumReceiptSigner::from_config(kOld, "");
  ASSERT_TRUE(before.ok());
  auto old_signature = before->sign("motcua-receipt-v1\nnumber=1\n");
  ASSERT_TRUE(old_signature.ok());
  EXPECT_EQ(old_signature->key_id, "old");
  EXPECT_EQ(old_signature->value.size(), 88u);
  EXPECT_TRUE(before->verify("old", "motcua-receipt-v1\nnumber=1\n", old_signature->value));

  // Rotation: a new active key; the old one still verifies what it signed.
  auto after = SodiumReceiptSigner::from_config(std::string(kOld) + "," + kNew, "new");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->active_key_id(), "new");
  auto new_signature = after->sign("motcua-receipt-v1\nnumber=2\n");
  ASSERT_TRUE(new_signature.ok());
  EXPECT_EQ(new_signature->key_id, "new");
  EXPECT_TRUE(after->verify("old", "motcua-receipt-v1\nnumber=1\n", old_signature->value));
  EXPECT_TRUE(after->verify("new", "motcua-receipt-v1\nnumber=2\n", new_signature->value));
  auto keys = after->public_keys();
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].key_id, "new");
  EXPECT_TRUE(keys[0].active);
  EXPECT_FALSE(keys[1].active);

  // Unknown key, wrong key, tampered content, damaged value: false.
  EXPECT_FALSE(after->verify("gone", "motcua-receipt-v1\nnumber=1\n", old_signature->value));
  EXPECT_FALSE(after->verify("new", "motcua-receipt-v1\nnumber=1\n", old_signature->value));
  EXPECT_FALSE(after->verify("old", "motcua-receipt-v1\nnumber=7\n", old_signature->value));
  std::string damaged = old_signature->value;
  damaged[5] = damaged[5] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(after->verify("old", "motcua-receipt-v1\nnumber=1\n", damaged));
  EXPECT_FALSE(after->verify("old", "motcua-receipt-v1\nnumber=1\n", "not base64!"));
  EXPECT_FALSE(after->verify("old", "motcua-receipt-v1\nnumber=1\n", ""));
}

TEST(SodiumReceiptSigner, RefusesBadConfigurationWithoutEchoingSeeds) {
  for (const std::string& keys : {std::string(""), std::string("nocolon"), std::string(":AAEC"),
                                  std::string("k1:c2hvcnQ="), std::string(kOld) + "," + kOld}) {
    auto signer = SodiumReceiptSigner::from_config(keys, "");
    EXPECT_FALSE(signer.ok()) << keys;
    if (!signer.ok()) {
      EXPECT_EQ(signer.error().kind, core::ErrorKind::kInvalidInput);
      EXPECT_EQ(signer.error().message.find("ICEiIyQl"), std::string::npos);
    }
  }
  EXPECT_FALSE(SodiumReceiptSigner::from_config(std::string(kOld) + "," + kNew, "").ok())
      << "two keys need an active one";
  EXPECT_FALSE(SodiumReceiptSigner::from_config(kOld, "other").ok());
  // URL-safe base64 without padding is accepted too.
  EXPECT_TRUE(
      SodiumReceiptSigner::from_config("u:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", "").ok());
  std::string seed = SodiumReceiptSigner::generate_seed_text();
  EXPECT_EQ(seed.size(), 44u);
  EXPECT_TRUE(SodiumReceiptSigner::from_config("g:" + seed, "g").ok());
}

TEST(InstallationReceiptSigner, GeneratesOneKeyOnceAndKeepsItToVerifyAfterKeysAreConfigured) {
  motcua::testing::TempDir dir{"motcua-receipt-keys"};
  std::string url = "sqlite://" + dir.file("motcua.db");
  ASSERT_TRUE(storage::migrate(url).ok());
  auto store = std::move(storage::open_store(url)).value();
  bool generated = false;
  auto first = installation_receipt_signer(*store, "", "", &generated);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(generated);
  EXPECT_EQ(first->active_key_id(), "local-1");
  auto signature = first->sign("content");
  ASSERT_TRUE(signature.ok());
  // Another process on the same database signs with the same key.
  auto second = installation_receipt_signer(*store, "", "", &generated);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->verify("local-1", "content", signature->value));
  EXPECT_EQ(second->public_keys()[0].public_key, first->public_keys()[0].public_key);
  // Configured keys take over signing; the generated one still verifies what it signed.
  auto configured = installation_receipt_signer(*store, kNew, "new", &generated);
  ASSERT_TRUE(configured.ok()) << configured.error().message;
  EXPECT_FALSE(generated);
  EXPECT_EQ(configured->active_key_id(), "new");
  EXPECT_EQ(configured->sign("x")->key_id, "new");
  EXPECT_TRUE(configured->verify("local-1", "content", signature->value));
  auto wrong = installation_receipt_signer(*store, kNew, "missing", &generated);
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.error().message.find("[receipts] active_key"), std::string::npos);
}

}  // namespace
}  // namespace motcua::adapters::security
