// SHA-256 and HMAC-SHA-256 through OpenSSL's libcrypto (EVP, OpenSSL 3 API).
// Every call's result is checked: a failure throws and never yields a hash.
#include "trellis/sha256.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <limits>
#include <new>
#include <stdexcept>

namespace trellis {
namespace {

constexpr std::size_t kDigestBytes = 32;
static_assert(EVP_MAX_MD_SIZE >= kDigestBytes);

std::string to_hex(const unsigned char* digest, unsigned int len) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * len);
  for (unsigned int i = 0; i < len; ++i) {
    out += digits[digest[i] >> 4];
    out += digits[digest[i] & 0xf];
  }
  return out;
}

[[noreturn]] void failed(const char* what) {
  throw std::runtime_error(std::string("libcrypto: SHA-256 ") + what + " failed");
}

std::string checked_hex(const unsigned char* digest, unsigned int len) {
  if (len != kDigestBytes) throw std::runtime_error("libcrypto: SHA-256 gave a digest of the wrong length");
  return to_hex(digest, len);
}

/// SHA-256 fetched from its provider once. EVP_sha256() makes OpenSSL 3 fetch
/// it again on every digest, a lock and a lookup: a national plan hashes a
/// million activity UIDs (issue 18). Never freed: it lives as long as libcrypto.
const EVP_MD* sha256() {
  static const EVP_MD* const md = [] {
    const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (!fetched) failed("fetch");
    return fetched;
  }();
  return md;
}

}  // namespace

struct Sha256::Context {
  EVP_MD_CTX* md = nullptr;
  bool finished = false;
  Context() : md(EVP_MD_CTX_new()) {
    if (!md) throw std::bad_alloc();
    if (EVP_DigestInit_ex(md, sha256(), nullptr) != 1) {
      EVP_MD_CTX_free(md);
      failed("initialisation");
    }
  }
  ~Context() { EVP_MD_CTX_free(md); }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
};

Sha256::Sha256() : ctx_(std::make_unique<Context>()) {}
Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(std::string_view bytes) {
  if (!ctx_ || ctx_->finished) throw std::logic_error("Sha256::update after hex()");
  if (bytes.empty()) return;
  if (EVP_DigestUpdate(ctx_->md, bytes.data(), bytes.size()) != 1) failed("update");
}

std::string Sha256::hex() {
  if (!ctx_ || ctx_->finished) throw std::logic_error("Sha256::hex called twice");
  ctx_->finished = true;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_DigestFinal_ex(ctx_->md, digest, &len) != 1) failed("finalisation");
  return checked_hex(digest, len);
}

std::array<unsigned char, 32> sha256_digest(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &len, sha256(), nullptr) != 1) failed("digest");
  if (len != kDigestBytes) throw std::runtime_error("libcrypto: SHA-256 gave a digest of the wrong length");
  std::array<unsigned char, 32> out;
  std::copy(digest, digest + kDigestBytes, out.begin());
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  const auto digest = sha256_digest(bytes);
  return to_hex(digest.data(), static_cast<unsigned int>(digest.size()));
}

std::string hmac_sha256_hex(std::string_view key, std::string_view bytes) {
  if (key.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw std::length_error("hmac_sha256_hex: key too long");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  // A non-null key pointer even when empty: HMAC() takes NULL to mean "reuse the last key".
  static const unsigned char no_key = 0;
  const void* k = key.empty() ? static_cast<const void*>(&no_key) : key.data();
  if (!HMAC(sha256(), k, static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(bytes.data()),
            bytes.size(), digest, &len))
    failed("HMAC");
  return checked_hex(digest, len);
}

}  // namespace trellis
