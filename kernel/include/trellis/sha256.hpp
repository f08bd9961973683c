#pragma once
/// SHA-256, for file provenance and policy hashes.
///
///     Sha256 h; h.update(bytes); std::string hex = h.hex();
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace trellis {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  std::string hex();  ///< finishes the hash; call once

 private:
  void block(const unsigned char* p);
  std::array<std::uint32_t, 8> h_;
  std::array<unsigned char, 64> buf_{};
  std::size_t buf_len_ = 0;
  std::uint64_t total_ = 0;
};

std::string sha256_hex(std::string_view bytes);

}  // namespace trellis
