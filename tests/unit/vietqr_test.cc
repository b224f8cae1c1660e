#include "core/vietqr.h"

#include "core/crc16.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

namespace motcua::core {
namespace {

// One line of a vectors file: "source | payload | third column".
struct Vector {
  std::string source;
  std::string payload;
  std::string expectation;
};

std::string trim(const std::string& s) {
  std::size_t begin = s.find_first_not_of(' ');
  std::size_t end = s.find_last_not_of(' ');
  return begin == std::string::npos ? std::string() : s.substr(begin, end - begin + 1);
}

// Reads a vectors file; a missing or empty file fails the calling test.
std::vector<Vector> read_vectors(const std::string& name) {
  std::string path = std::string(MOTCUA_SHARED_DIR) + "/vectors/" + name;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "missing vectors file " << path;
  std::vector<Vector> vectors;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t first = line.find(" | ");
    std::size_t second = line.find(" | ", first + 3);
    EXPECT_NE(second, std::string::npos) << "malformed line: " << line;
    if (second == std::string::npos) continue;
    vectors.push_back({trim(line.substr(0, first)),
                       trim(line.substr(first + 3, second - first - 3)),
                       trim(line.substr(second + 3))});
  }
  EXPECT_FALSE(vectors.empty()) << path << " holds no vectors";
  return vectors;
}

// "bin=970403 purpose=thanh toan don hang" -> {bin: 970403, purpose: thanh toan don hang}: a value
// runs until the next " key=".
std::map<std::string, std::string> parse_fields(const std::string& text) {
  std::map<std::string, std::string> fields;
  std::regex key(R"((^| )([a-z_]+)=)");
  std::vector<std::smatch> matches;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), key); it != std::sregex_iterator();
       ++it) {
    matches.push_back(*it);
  }
  for (std::size_t i = 0; i < matches.size(); ++i) {
    auto begin = static_cast<std::size_t>(matches[i].position(0) + matches[i].length(0));
    std::size_t end =
        i + 1 < matches.size() ? static_cast<std::size_t>(matches[i + 1].position(0)) : text.size();
    fields[matches[i][2].str()] = text.substr(begin, end - begin);
  }
  return fields;
}

TEST(VietQr, DecodesEveryPublicValidVector) {
  for (const Vector& v : read_vectors("vietqr-valid.txt")) {
    SCOPED_TRACE(v.source);
    Result<VietQr> qr = decode_vietqr(v.payload);
    ASSERT_TRUE(qr.ok()) << qr.error().message;
    std::map<std::string, std::string> want = parse_fields(v.expectation);
    ASSERT_TRUE(want.count("bin") && want.count("account") && want.count("service"));
    EXPECT_EQ(qr->bin, want["bin"]);
    EXPECT_EQ(qr->account, want["account"]);
    EXPECT_EQ(service_code(qr->service), want["service"]);
    if (want.count("amount")) {
      ASSERT_TRUE(qr->amount.has_value());
      EXPECT_EQ(std::to_string(*qr->amount), want["amount"]);
    } else {
      EXPECT_FALSE(qr->amount.has_value());
    }
    EXPECT_EQ(qr->bill, want["bill"]);
    EXPECT_EQ(qr->purpose, want["purpose"]);
    for (const auto& [key, value] : want) {
      EXPECT_TRUE(key == "bin" || key == "account" || key == "service" || key == "amount" ||
                  key == "bill" || key == "purpose")
          << "unchecked key " << key;
    }
  }
}

// What the error must mention, read from the fault column: a CRC fault (checked first) must say
// "CRC" and the computed value when given; a structural fault must name the tag path it gives.
std::vector<std::string> expected_mentions(const std::string& fault) {
  std::smatch m;
  bool crc_fault =
      fault.find("CRC") != std::string::npos && fault.find("CRC is right") == std::string::npos;
  if (crc_fault) {
    std::vector<std::string> mentions{"CRC"};
    if (std::regex_search(fault, m, std::regex(R"(computed ([0-9A-F]{4}))"))) {
      mentions.push_back(m[1].str());
    }
    return mentions;
  }
  if (std::regex_search(fault, m, std::regex(R"(\d\d\.\d\d(\.\d\d)*)"))) return {m[0].str()};
  ADD_FAILURE() << "cannot tell what the error should name: " << fault;
  return {};
}

TEST(VietQr, RejectsEveryPublicInvalidVectorNamingTheFault) {
  for (const Vector& v : read_vectors("vietqr-invalid.txt")) {
    SCOPED_TRACE(v.source);
    Result<VietQr> qr = decode_vietqr(v.payload);
    ASSERT_FALSE(qr.ok());
    for (const std::string& mention : expected_mentions(v.expectation)) {
      EXPECT_NE(qr.error().message.find(mention), std::string::npos)
          << "error \"" << qr.error().message << "\" should mention " << mention;
    }
  }
}

constexpr const char* kNapasOneTime =
    "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802"
    "VN62340107NPS68690819thanh toan don hang63042E2E";

TEST(VietQr, EncodesTheNapasOneTimeExampleExactly) {
  VietQr qr{.bin = "970403",
            .account = "0011012345678",
            .service = VietQrService::kToAccount,
            .amount = 180000,
            .bill = "NPS6869",
            .purpose = "thanh toan don hang"};
  Result<std::string> payload = encode_vietqr(qr);
  ASSERT_TRUE(payload.ok()) << payload.error().message;
  EXPECT_EQ(*payload, kNapasOneTime);
}

TEST(VietQr, EncodesAStaticCardQrWithPointOfInitiation11) {
  VietQr qr{.bin = "970403", .account = "9704031101234567", .service = VietQrService::kToCard};
  Result<std::string> payload = encode_vietqr(qr);
  ASSERT_TRUE(payload.ok()) << payload.error().message;
  EXPECT_EQ(
      *payload,
      "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802"
      "VN63044F52");
}

TEST(VietQr, RoundTripsEveryField) {
  VietQr qr{.bin = "970422",
            .account = "0023457923442ASDFLJ",
            .service = VietQrService::kToAccount,
            .amount = 9'999'999'999'999,
            .bill = "H34-240426-0001",
            .purpose = "Le phi ho so H34",
            .name = "UBND XA DAK HA",
            .city = "Kon Tum",
            .one_time = true};
  Result<std::string> payload = encode_vietqr(qr);
  ASSERT_TRUE(payload.ok()) << payload.error().message;
  Result<VietQr> back = decode_vietqr(*payload);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, qr);
}

TEST(VietQr, RoundTripsAStaticQr) {
  VietQr qr{.bin = "970415", .account = "113366668888", .service = VietQrService::kToCard};
  Result<std::string> payload = encode_vietqr(qr);
  ASSERT_TRUE(payload.ok()) << payload.error().message;
  Result<VietQr> back = decode_vietqr(*payload);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, qr);
  EXPECT_FALSE(back->one_time);
}

TEST(VietQr, AnAmountMakesTheQrOneTime) {
  Result<std::string> payload =
      encode_vietqr({.bin = "970415", .account = "113366668888", .amount = 2000});
  ASSERT_TRUE(payload.ok());
  EXPECT_EQ(payload->substr(0, 12), "000201010212");
  EXPECT_TRUE(decode_vietqr(*payload)->one_time);
}

TEST(VietQr, StripsDiacriticsFromFreeText) {
  VietQr qr{.bin = "970415",
            .account = "113366668888",
            .amount = 3000,
            .bill = "Hồ sơ số 1",
            .purpose = "Thanh toán lệ phí",
            .name = "Võ Đặng Ngọc Giả",
            .city = "Quảng Ngãi"};
  Result<std::string> payload = encode_vietqr(qr);
  ASSERT_TRUE(payload.ok()) << payload.error().message;
  Result<VietQr> back = decode_vietqr(*payload);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->purpose, "Thanh toan le phi");
  EXPECT_EQ(back->bill, "Ho so so 1");
  EXPECT_EQ(back->name, "Vo Dang Ngoc Gia");
  EXPECT_EQ(back->city, "Quang Ngai");
}

TEST(VietQr, RejectsTextThatStaysNonAsciiAfterStripping) {
  Result<std::string> payload =
      encode_vietqr({.bin = "970415", .account = "1133", .purpose = "phí 手数料"});
  ASSERT_FALSE(payload.ok());
  EXPECT_NE(payload.error().message.find("purpose"), std::string::npos);
  EXPECT_NE(payload.error().message.find("ASCII"), std::string::npos);
}

TEST(VietQr, RejectsInvalidUtf8InFreeText) {
  Result<std::string> payload = encode_vietqr({.bin = "970415", .account = "1133", .name = "\xff"});
  ASSERT_FALSE(payload.ok());
  EXPECT_NE(payload.error().message.find("name"), std::string::npos);
}

// Encoding a field that breaks one limit must fail with a message naming the field.
void expect_encode_rejects(const VietQr& qr, const std::string& field) {
  Result<std::string> payload = encode_vietqr(qr);
  ASSERT_FALSE(payload.ok()) << *payload;
  EXPECT_NE(payload.error().message.find(field), std::string::npos) << payload.error().message;
}

TEST(VietQr, EnforcesTheBinIsSixDigits) {
  expect_encode_rejects({.bin = "97042", .account = "1"}, "bin");
  expect_encode_rejects({.bin = "9704221", .account = "1"}, "bin");
  expect_encode_rejects({.bin = "97042x", .account = "1"}, "bin");
}

TEST(VietQr, EnforcesTheAccountIsUpTo19Alphanumerics) {
  EXPECT_TRUE(encode_vietqr({.bin = "970422", .account = std::string(19, '7')}).ok());
  expect_encode_rejects({.bin = "970422", .account = std::string(20, '7')}, "account");
  expect_encode_rejects({.bin = "970422", .account = ""}, "account");
  expect_encode_rejects({.bin = "970422", .account = "0123-456"}, "account");
}

TEST(VietQr, EnforcesTextLimitsAfterStripping) {
  // 25 characters once stripped, though longer in UTF-8 bytes.
  EXPECT_TRUE(
      encode_vietqr({.bin = "970422", .account = "1", .name = "Võ Đặng Ngọc Giả ABCDEFGH"}).ok());
  expect_encode_rejects({.bin = "970422", .account = "1", .name = std::string(26, 'a')}, "name");
  EXPECT_TRUE(encode_vietqr({.bin = "970422", .account = "1", .city = std::string(15, 'a')}).ok());
  expect_encode_rejects({.bin = "970422", .account = "1", .city = std::string(16, 'a')}, "city");
  expect_encode_rejects({.bin = "970422", .account = "1", .bill = std::string(26, 'a')}, "bill");
  expect_encode_rejects({.bin = "970422", .account = "1", .purpose = std::string(26, 'a')},
                        "purpose");
  EXPECT_TRUE(encode_vietqr({.bin = "970422",
                             .account = "1",
                             .bill = std::string(25, 'b'),
                             .purpose = std::string(25, 'p')})
                  .ok());
}

TEST(VietQr, EnforcesAPositiveAmountOfAtMost13Digits) {
  expect_encode_rejects({.bin = "970422", .account = "1", .amount = 0}, "amount");
  expect_encode_rejects({.bin = "970422", .account = "1", .amount = -2000}, "amount");
  expect_encode_rejects({.bin = "970422", .account = "1", .amount = 10'000'000'000'000}, "amount");
  EXPECT_TRUE(encode_vietqr({.bin = "970422", .account = "1", .amount = 1}).ok());
}

TEST(VietQr, AcceptsALowerCaseCrc) {
  Result<VietQr> qr = decode_vietqr(
      "00020101021138540010A00000072701240006970422011003523509170208QRIBFTTA53037045802VN630479d"
      "b");
  ASSERT_TRUE(qr.ok()) << qr.error().message;
  EXPECT_EQ(qr->account, "0352350917");
}

// Appends "6304" and the right CRC to a payload body, so that a test reaches the checks after it.
std::string resign(const std::string& body) {
  std::string payload = body + "6304";
  char crc[5];
  std::snprintf(crc, sizeof crc, "%04X", crc16_ccitt_false(payload));
  return payload + crc;
}

void expect_decode_rejects(const std::string& body, const std::string& mention) {
  std::string payload = resign(body);
  Result<VietQr> qr = decode_vietqr(payload);
  ASSERT_FALSE(qr.ok()) << payload;
  EXPECT_NE(qr.error().message.find(mention), std::string::npos)
      << payload << ": " << qr.error().message;
}

constexpr const char* kAccountInfo = "38540010A00000072701240006970422011003523509170208QRIBFTTA";

TEST(VietQr, CrcMismatchSaysStatedAndComputed) {
  Result<VietQr> qr = decode_vietqr(
      "00020101021138540010A00000072701240006970422011003523509170208QRIBFTTA53037045802VN630479d"
      "c");
  ASSERT_FALSE(qr.ok());
  EXPECT_EQ(qr.error().message, "tag 63: CRC does not match: payload says 79dc, computed 79DB");
}

TEST(VietQr, RejectsStructuralFaultsByName) {
  std::string a = kAccountInfo;
  expect_decode_rejects("000202010211" + a + "53037045802VN", "tag 00");
  expect_decode_rejects("010211000201" + a + "53037045802VN", "tag 00");
  expect_decode_rejects("000201010213" + a + "53037045802VN", "tag 01");
  expect_decode_rejects("000201" + a + "53037045802VN", "tag 01");
  expect_decode_rejects("00020101021153037045802VN", "tag 38");
  expect_decode_rejects("000201010211" + a + "53038405802VN", "tag 53");
  expect_decode_rejects("000201010211" + a + "5802VN", "tag 53");
  expect_decode_rejects("000201010211" + a + "5303704540512.505802VN", "tag 54");
  expect_decode_rejects("000201010211" + a + "5303704540105802VN", "tag 54");
  expect_decode_rejects("000201010211" + a + "53037045802US", "tag 58");
  expect_decode_rejects("000201010211" + a + "5303704", "tag 58");
  expect_decode_rejects("000201010211" + a + "53037045802VN5802VN", "appears twice");
  expect_decode_rejects("000201010211" + a + "53037045802VN620501021", "tag 62");
  expect_decode_rejects("000201010211" + a + "53037045802VN7004abcd", "tag 70");
  expect_decode_rejects("000201010211" + a + "53037045802VN5926" + std::string(26, 'n'), "tag 59");
}

TEST(VietQr, RejectsFaultsInsideTheNapasTemplate) {
  std::string tail = "53037045802VN";
  // Wrong GUID.
  expect_decode_rejects(
      "00020101021138540010A00000072801240006970422011003523509170208QRIBFTTA" + tail, "38.00");
  // Unknown service code.
  expect_decode_rejects(
      "00020101021138540010A00000072701240006970422011003523509170208QRIBFTTX" + tail, "38.02");
  // Missing service code.
  expect_decode_rejects("00020101021138420010A0000007270124000697042201100352350917" + tail,
                        "38.02");
  // BIN of 5 digits.
  expect_decode_rejects(
      "00020101021138530010A00000072701230005970420110035235091702"
      "08QRIBFTTA" +
          tail,
      "38.01.00");
}

TEST(VietQr, ToleratesOtherWellFormedEmvTags) {
  // 52 merchant category, 26 another merchant template, 64 language template, 99 unreserved.
  std::string body = std::string("00020101021126120008ABCD1234") + kAccountInfo +
                     "5204000053037045502015802VN610470006406"
                     "0002vi99080004abcd";
  Result<VietQr> qr = decode_vietqr(resign(body));
  ASSERT_TRUE(qr.ok()) << qr.error().message;
  EXPECT_EQ(qr->bin, "970422");
}

TEST(VietQr, RejectsAMalformedToleratedTemplate) {
  std::string body = std::string("00020101021126060008AB") + kAccountInfo + "53037045802VN";
  Result<VietQr> qr = decode_vietqr(resign(body));
  ASSERT_FALSE(qr.ok());
  EXPECT_NE(qr.error().message.find("tag 26.00"), std::string::npos) << qr.error().message;
}

}  // namespace
}  // namespace motcua::core
