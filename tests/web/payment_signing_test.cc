// The payment platform's signature scheme (src/adapters/payment/platform_signing.h).
#include "adapters/payment/platform_signing.h"

#include <gtest/gtest.h>

namespace motcua::adapters::payment {
namespace {

// The key "motcua-sandbox-request-key-0001" (31 bytes) as configuration gives it.
constexpr std::string_view kKeyBase64 = "bW90Y3VhLXNhbmRib3gtcmVxdWVzdC1rZXktMDAwMQ==";
constexpr std::string_view kNonce = "00112233445566778899aabbccddeeff";
constexpr std::int64_t kNow = 1714091272;  // 2024-04-26T07:27:52+07:00

SigningKey request_key() { return {"motcua-h34", decode_key(kKeyBase64).value()}; }

TEST(PlatformSigning, MatchesAVectorComputedWithOpenssl) {
  // BODYHASH=$(printf '{"amount":3000}' | openssl dgst -sha256 -r | cut -d' ' -f1)
  //   -> 298c1043668ad0e4199a57e4e697195e13cbaebef21a7b37d9d1dd48845d13db
  // NONCE=00112233445566778899aabbccddeeff
  // CANON=$(printf 'POST\n/api/v1/transactions\n1714091272\n%s\n%s' $NONCE $BODYHASH)
  // printf '%s' "$CANON" | openssl dgst -sha256 -hmac 'motcua-sandbox-request-key-0001' -r
  //   -> 512f797be9db0eeb46fdefeeb94be0e965c362d48ab51104003c8a1a855b249f
  EXPECT_EQ(sha256_hex(R"({"amount":3000})"),
            "298c1043668ad0e4199a57e4e697195e13cbaebef21a7b37d9d1dd48845d13db");
  SignatureHeaders headers = sign(request_key(), "motcua-h34", "POST", "/api/v1/transactions",
                                  R"({"amount":3000})", kNow, std::string(kNonce));
  EXPECT_EQ(headers.signature, "512f797be9db0eeb46fdefeeb94be0e965c362d48ab51104003c8a1a855b249f");
  EXPECT_EQ(headers.timestamp, "1714091272");
  EXPECT_EQ(headers.key_id, "motcua-h34");
  EXPECT_EQ(headers.client_id, "motcua-h34");
  EXPECT_EQ(headers.as_list().size(), 5u);
}

TEST(PlatformSigning, AnEmptyBodyHashesTheEmptyString) {
  EXPECT_EQ(canonical_string("GET", "/api/v1/channels", "1", "ab", ""),
            "GET\n/api/v1/channels\n1\nab\n"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(PlatformSigning, DecodeKeyRefusesNonBase64AndShortKeys) {
  EXPECT_FALSE(decode_key("not base64 !!").ok());
  EXPECT_FALSE(decode_key("c2hvcnQ=").ok());  // "short"
  auto key = decode_key(std::string(kKeyBase64) + "\n");
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(*key, "motcua-sandbox-request-key-0001");
}

TEST(PlatformSigning, RandomNoncesAre32HexDigitsAndDiffer) {
  std::string a = random_nonce();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, random_nonce());
}

class VerifyTest : public ::testing::Test {
 protected:
  SignatureHeaders signed_at(std::int64_t when, const SigningKey& key) {
    return sign(key, "motcua-h34", "POST", "/cb", body_, when);
  }
  SignatureVerdict check(const SignatureHeaders& headers, std::int64_t now = kNow) {
    return verify(headers, "POST", "/cb", body_, keys_, now, nonces_);
  }

  std::string body_ = R"({"event_id":"EV1"})";
  SigningKey current_{"cb-2024-01", "current-callback-key-32-bytes!!!"};
  SigningKey next_{"cb-2024-07", "next-callback-key-32-bytes!!!!!!"};
  std::map<std::string, std::string> keys_{{current_.key_id, current_.secret},
                                           {next_.key_id, next_.secret}};
  NonceCache nonces_;
};

TEST_F(VerifyTest, AcceptsEitherOfTwoValidKeys) {
  EXPECT_EQ(check(signed_at(kNow, current_)), SignatureVerdict::kValid);
  EXPECT_EQ(check(signed_at(kNow, next_)), SignatureVerdict::kValid);
}

TEST_F(VerifyTest, RefusesAnUnknownKeyId) {
  SigningKey retired{"cb-2023-07", "retired-callback-key-32-bytes!!!"};
  EXPECT_EQ(check(signed_at(kNow, retired)), SignatureVerdict::kUnknownKeyId);
}

TEST_F(VerifyTest, RefusesAWrongKeyUnderAKnownIdAsBadSignature) {
  SigningKey forged{current_.key_id, "somebody-elses-key-of-32-bytes!!"};
  EXPECT_EQ(check(signed_at(kNow, forged)), SignatureVerdict::kBadSignature);
}

TEST_F(VerifyTest, RefusesAChangedBodyPathOrMethod) {
  SignatureHeaders headers = signed_at(kNow, current_);
  EXPECT_EQ(verify(headers, "POST", "/cb", body_ + " ", keys_, kNow, nonces_),
            SignatureVerdict::kBadSignature);
  EXPECT_EQ(verify(headers, "POST", "/cb?x=1", body_, keys_, kNow, nonces_),
            SignatureVerdict::kBadSignature);
  EXPECT_EQ(verify(headers, "PUT", "/cb", body_, keys_, kNow, nonces_),
            SignatureVerdict::kBadSignature);
  // Forgeries did not burn the nonce: the genuine message still passes once.
  EXPECT_EQ(check(headers), SignatureVerdict::kValid);
}

TEST_F(VerifyTest, RefusesATimestampOutsideThe300SecondWindow) {
  EXPECT_EQ(check(signed_at(kNow - 300, current_)), SignatureVerdict::kValid);
  EXPECT_EQ(check(signed_at(kNow - 301, current_)), SignatureVerdict::kStaleTimestamp);
  EXPECT_EQ(check(signed_at(kNow + 301, current_)), SignatureVerdict::kStaleTimestamp);
}

TEST_F(VerifyTest, RefusesAReplayedNonceWithinTheWindow) {
  SignatureHeaders headers = signed_at(kNow, current_);
  EXPECT_EQ(check(headers), SignatureVerdict::kValid);
  EXPECT_EQ(check(headers, kNow + 10), SignatureVerdict::kReplayedNonce);
  EXPECT_EQ(check(headers, kNow + 300), SignatureVerdict::kReplayedNonce);
}

TEST_F(VerifyTest, RefusesMissingOrMalformedHeaders) {
  SignatureHeaders headers = signed_at(kNow, current_);
  SignatureHeaders no_signature = headers;
  no_signature.signature.clear();
  EXPECT_EQ(check(no_signature), SignatureVerdict::kMissingHeader);
  SignatureHeaders upper = headers;
  upper.signature[0] = 'A';
  EXPECT_EQ(check(upper), SignatureVerdict::kMissingHeader);
  SignatureHeaders bad_time = headers;
  bad_time.timestamp = "12x";
  EXPECT_EQ(check(bad_time), SignatureVerdict::kMissingHeader);
  EXPECT_EQ(to_string(SignatureVerdict::kReplayedNonce), "replayed nonce");
}

TEST_F(VerifyTest, ReadsHeadersWhateverTheirCase) {
  SignatureHeaders headers = signed_at(kNow, current_);
  std::map<std::string, std::string, web::CaseInsensitiveLess> received;
  for (auto& [name, value] : headers.as_list())
    received[name == "X-PP-Nonce" ? "x-pp-nonce" : name] = value;
  SignatureHeaders read = SignatureHeaders::read_from(received);
  EXPECT_EQ(read.nonce, headers.nonce);
  EXPECT_EQ(check(read), SignatureVerdict::kValid);
}

TEST(NonceCacheTest, ForgetsNoncesOlderThanTheWindow) {
  NonceCache cache(100, 300);
  EXPECT_TRUE(cache.remember("a", 1000));
  EXPECT_FALSE(cache.remember("a", 1300));
  EXPECT_TRUE(cache.remember("a", 1301 + 300));
  EXPECT_EQ(cache.size(), 1u);
}

TEST(NonceCacheTest, StaysWithinItsCapacity) {
  NonceCache cache(3, 300);
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(cache.remember("n" + std::to_string(i), 1000));
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_FALSE(cache.remember("n9", 1001));
}

}  // namespace
}  // namespace motcua::adapters::payment
