#pragma once
/// SHA-256, for file provenance and policy hashes; HMAC-SHA-256 for keyed
/// hashes (the audit chain). Computed by OpenSSL's libcrypto (EVP), chosen over
/// libsodium for its SHA-NI-accelerated SHA-256 on large imports and HMAC in the same API.
///
///     Sha256 h; h.update(bytes); std::string hex = h.hex();
///     sha256_hex(bytes);  hmac_sha256_hex(key, bytes);   // lower-case hex
#include <array>
#include <memory>
#include <string>
#include <string_view>

namespace trellis {

/// An incremental SHA-256 (FIPS 180-4). Throws std::bad_alloc or
/// std::runtime_error only if the library cannot make or run a digest.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;

  void update(std::string_view bytes);
  std::string hex();  ///< finishes the hash; call once (std::logic_error after)

 private:
  struct Context;  // the library's digest context, known only to sha256.cpp
  std::unique_ptr<Context> ctx_;
};

/// SHA-256 of `bytes`, its 32 bytes.
std::array<unsigned char, 32> sha256_digest(std::string_view bytes);

/// SHA-256 of `bytes`, as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

/// HMAC-SHA-256 (RFC 2104) of `bytes` under `key`, as 64 lower-case hex digits.
std::string hmac_sha256_hex(std::string_view key, std::string_view bytes);

}  // namespace trellis
