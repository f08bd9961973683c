#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <utility>

#include "trellis/sha256.hpp"

using trellis::sha256_hex;

TEST_CASE("sha256 matches the FIPS 180-4 test vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("sha256 gives the same digest however the input is split") {
  std::string million(1000000, 'a');
  trellis::Sha256 h;
  for (std::size_t i = 0; i < million.size(); i += 777) h.update(std::string_view(million).substr(i, 777));
  CHECK(h.hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

namespace {

std::string file_bytes(const std::string& relative) {
  std::ifstream in(std::string(TRELLIS_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string unhex(std::string_view hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  return out;
}

}  // namespace

TEST_CASE("sha256 gives the file hashes stored by the earlier hand-written implementation") {
  // imports.sha256 in tests/data/schema-v2-demo.sql.gz, made before SHA-256 moved to libcrypto:
  // the same files must keep the same provenance hash, or re-imports would not be recognised.
  const std::pair<const char*, const char*> stored[] = {
      {"examples/telford-and-wrekin/data/england_spine.csv",
       "4c04827fffbafeb1e1959976c88a4b37c32fae94bc28ef87c4c7504a9645bd93"},
      {"examples/telford-and-wrekin/data/ofsted_ratings_2018.csv",
       "d639147e49d2592d79235226bdd5792bb010ff2b217be3f1f9683629839eb3bf"},
      {"examples/telford-and-wrekin/la-held-evidence-2018-19.csv",
       "f74247c183a46b0f9562ab9a011c34a819415e57aa390982203e2830fade521f"},
      {"examples/nexus/data-drops-2019-20.csv", "378b5cafc55b786826c86efde70fefd4795c049673e496f311aa97b62f9e8081"},
  };
  for (const auto& [file, hash] : stored) {
    INFO(file);
    const std::string bytes = file_bytes(file);
    CHECK(sha256_hex(bytes) == hash);
    trellis::Sha256 h;  // as csv::inspect reads it: in chunks
    for (std::size_t i = 0; i < bytes.size(); i += 4093) h.update(std::string_view(bytes).substr(i, 4093));
    CHECK(h.hex() == hash);
  }
}

TEST_CASE("a finished Sha256 refuses more input") {
  trellis::Sha256 h;
  h.update("abc");
  CHECK(h.hex() == sha256_hex("abc"));
  CHECK_THROWS_AS(h.update("more"), std::logic_error);
  CHECK_THROWS_AS(h.hex(), std::logic_error);
  trellis::Sha256 moved = std::move(h);
  CHECK_THROWS_AS(moved.hex(), std::logic_error);
}

TEST_CASE("hmac_sha256 matches the RFC 4231 test vectors") {
  using trellis::hmac_sha256_hex;
  // Test case 1
  CHECK(hmac_sha256_hex(std::string(20, '\x0b'), "Hi There") ==
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  // Test case 2: a key shorter than the block
  CHECK(hmac_sha256_hex("Jefe", "what do ya want for nothing?") ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // Test case 3
  CHECK(hmac_sha256_hex(std::string(20, '\xaa'), std::string(50, '\xdd')) ==
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
  // Test case 4
  CHECK(hmac_sha256_hex(unhex("0102030405060708090a0b0c0d0e0f10111213141516171819"), std::string(50, '\xcd')) ==
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
  // Test case 5 (the RFC truncates the output to 128 bits)
  CHECK(hmac_sha256_hex(std::string(20, '\x0c'), "Test With Truncation").substr(0, 32) ==
        "a3b6167473100ee06e0c796c2955552b");
  // Test case 6: a key longer than the block is hashed first
  CHECK(hmac_sha256_hex(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First") ==
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  // Test case 7
  CHECK(hmac_sha256_hex(std::string(131, '\xaa'),
                        "This is a test using a larger than block-size key and a larger than block-size data. "
                        "The key needs to be hashed before being used by the HMAC algorithm.") ==
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}
