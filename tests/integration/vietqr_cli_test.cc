// Runs `motcua vietqr ...` as a process: encode, decode of the public vectors, images.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../support/run_process.h"
#include "../support/temp_dir.h"

namespace motcua::testing {
namespace {

ProcessResult motcua(const std::string& arguments) {
  return run_process(std::string(MOTCUA_BIN) + " " + arguments);
}

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// The payload column of a vectors file; a missing file fails the test.
std::vector<std::string> payloads(const std::string& name) {
  std::string path = std::string(MOTCUA_SHARED_DIR) + "/vectors/" + name;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "missing vectors file " << path;
  std::vector<std::string> result;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t first = line.find(" | ");
    std::size_t second = line.find(" | ", first + 3);
    if (second == std::string::npos) continue;
    result.push_back(line.substr(first + 3, second - first - 3));
  }
  EXPECT_FALSE(result.empty());
  return result;
}

constexpr const char* kNapasOneTime =
    "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802"
    "VN62340107NPS68690819thanh toan don hang63042E2E";

TEST(VietQrCli, EncodePrintsThePayloadOnOneLine) {
  ProcessResult r = motcua(
      "vietqr encode --bin 970403 --account 0011012345678 --amount 180000 --bill NPS6869 "
      "--purpose 'thanh toán đơn hàng'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string(kNapasOneTime) + "\n");
  EXPECT_EQ(r.err, "");
}

TEST(VietQrCli, EncodeToACardNeedsTheService) {
  ProcessResult r =
      motcua("vietqr encode --bin 970403 --account 9704031101234567 --service QRIBFTTC");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(
      r.out,
      "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802"
      "VN63044F52\n");
}

TEST(VietQrCli, DecodePrintsOneJsonObject) {
  ProcessResult r = motcua(std::string("vietqr decode ") + shell_quote(kNapasOneTime));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\"bin\":\"970403\",\"account\":\"0011012345678\",\"service\":\"QRIBFTTA\","
            "\"amount\":180000,\"bill\":\"NPS6869\",\"purpose\":\"thanh toan don hang\","
            "\"name\":\"\",\"city\":\"\",\"one_time\":true}\n");
}

TEST(VietQrCli, DecodeGivesNullAmountForAStaticCode) {
  ProcessResult r = motcua(
      "vietqr decode "
      "00020101021138540010A00000072701240006970422011003523509170208QRIBFTTA53037045802VN630479d"
      "b");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"amount\":null"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"one_time\":false"), std::string::npos) << r.out;
}

TEST(VietQrCli, DecodesEveryPublicValidVector) {
  for (const std::string& payload : payloads("vietqr-valid.txt")) {
    ProcessResult r = motcua("vietqr decode " + shell_quote(payload));
    EXPECT_EQ(r.exit_code, 0) << payload << ": " << r.err;
    EXPECT_EQ(line_count(r.out), 1u) << r.out;
    EXPECT_EQ(r.out.rfind("{\"bin\":", 0), 0u) << r.out;
  }
}

TEST(VietQrCli, RejectsEveryPublicInvalidVectorWithOneLine) {
  for (const std::string& payload : payloads("vietqr-invalid.txt")) {
    ProcessResult r = motcua("vietqr decode " + shell_quote(payload));
    EXPECT_NE(r.exit_code, 0) << payload;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(line_count(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("error: ", 0), 0u) << r.err;
  }
}

TEST(VietQrCli, DecodeNamesTheFault) {
  ProcessResult r = motcua(
      "vietqr decode "
      "00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4"
      "E"
      "5");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "error: tag 38.01: 1 trailing character after 38.01.01\n");
}

TEST(VietQrCli, PngOutputReadsBackWithZbar) {
  TempDir dir("motcua-cli");
  std::string png = dir.file("code.png");
  std::string svg = dir.file("code.svg");
  ProcessResult r = motcua(
      "vietqr encode --bin 970403 --account 0011012345678 --amount 180000 --bill NPS6869 "
      "--purpose 'thanh toán đơn hàng' --png " +
      shell_quote(png) + " --svg " + shell_quote(svg));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ProcessResult read = run_process("zbarimg --raw -q " + shell_quote(png));
  ASSERT_EQ(read.exit_code, 0) << read.err;
  EXPECT_EQ(read.out, std::string(kNapasOneTime) + "\n");
  std::ifstream svg_file(svg);
  std::string first;
  svg_file >> first;
  EXPECT_EQ(first, "<svg");
}

// Each bad input: non-zero exit, nothing on stdout, one line on stderr that names the problem.
void expect_rejected(const std::string& arguments, const std::string& mention) {
  ProcessResult r = motcua(arguments);
  EXPECT_NE(r.exit_code, 0) << arguments;
  EXPECT_EQ(r.out, "") << arguments;
  EXPECT_EQ(line_count(r.err), 1u) << arguments << ": " << r.err;
  EXPECT_NE(r.err.find(mention), std::string::npos) << arguments << ": " << r.err;
}

TEST(VietQrCli, RejectsBadEncodeInputWithAClearMessage) {
  expect_rejected("vietqr encode --bin 97040 --account 1", "BIN");
  expect_rejected("vietqr encode --bin 970403 --account 12-34", "account");
  expect_rejected("vietqr encode --bin 970403 --account 1 --amount 12.5", "--amount");
  expect_rejected("vietqr encode --bin 970403 --account 1 --amount abc", "--amount");
  expect_rejected("vietqr encode --bin 970403 --account 1 --amount -5", "amount");
  expect_rejected("vietqr encode --bin 970403 --account 1 --amount 99999999999999999999",
                  "--amount");
  expect_rejected("vietqr encode --bin 970403 --account 1 --amount 10000000000000", "13 digits");
  expect_rejected("vietqr encode --bin 970403 --account 1 --service QRIBFTTX", "--service");
  expect_rejected("vietqr encode --bin 970403 --account 1 --city 'Thanh pho Ho Chi Minh'", "city");
  expect_rejected("vietqr encode --bin 970403 --account 1 --png /nonexistent-dir/x.png",
                  "/nonexistent-dir/x.png");
}

TEST(VietQrCli, RejectsBadDecodeInput) {
  expect_rejected("vietqr decode ''", "empty");
  expect_rejected("vietqr decode 0002010102", "63");
}

TEST(VietQrCli, MissingArgumentsAreAUsageError) {
  ProcessResult r = motcua("vietqr encode --bin 970403");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("--account"), std::string::npos) << r.err;
  r = motcua("vietqr decode");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_FALSE(r.err.empty());
}

}  // namespace
}  // namespace motcua::testing
