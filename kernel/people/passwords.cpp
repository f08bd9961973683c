// Passwords for signing in to the web dashboard: argon2id hashes (libargon2),
// each with its own random salt, never the password itself.
#include <argon2.h>
#include <openssl/rand.h>

#include <array>
#include <nlohmann/json.hpp>

#include "trellis/error.hpp"
#include "trellis/people.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/person_repository.hpp"

namespace trellis {
namespace {

// OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane): a sign-in costs tens of milliseconds.
constexpr std::uint32_t kPasses = 2, kMemoryKiB = 19 * 1024, kLanes = 1;
constexpr std::size_t kSaltBytes = 16, kHashBytes = 32;

std::string hash_password(const std::string& password) {
  std::array<unsigned char, kSaltBytes> salt{};
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1)
    throw std::runtime_error("no random bytes for a password's salt");
  const std::size_t length =
      argon2_encodedlen(kPasses, kMemoryKiB, kLanes, kSaltBytes, kHashBytes, Argon2_id);
  std::string encoded(length, '\0');
  const int rc = argon2id_hash_encoded(kPasses, kMemoryKiB, kLanes, password.data(), password.size(), salt.data(),
                                       salt.size(), kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) throw std::runtime_error(std::string("argon2id: ") + argon2_error_message(rc));
  encoded.resize(encoded.find('\0'));
  return encoded;
}

}  // namespace

void set_password(Database& db, const Actor& by, const Clock& clock, std::string_view id, const std::string& password) {
  const Actor who = person(db, id);
  if (by.id != who.id) {
    // Another's password: as adding them (an admin, or an officer of their body for a non-admin).
    if (who.role == Role::admin || who.body.empty()) require_admin(by, "set the password of " + who.id);
    else require_officer(by, who.body, "set the password of " + who.id);
  }
  if (password.size() < kMinimumPasswordLength)
    throw UsageError("a password needs at least " + std::to_string(kMinimumPasswordLength) + " characters, found " +
                         std::to_string(password.size()),
                     Field::password);
  if (password.size() > kMaximumPasswordLength)
    throw UsageError("a password may have at most " + std::to_string(kMaximumPasswordLength) + " characters, found " +
                         std::to_string(password.size()),
                     Field::password);
  const std::string hash = hash_password(password);
  Transaction tx(db);
  db.people().set_password_hash(who.id, hash, clock.timestamp(), by.id);
  // The audit says whose password changed, never anything about it.
  record_audit(db, by, clock, {"person password", "password set for " + who.id, "", who.body, who.school,
                               nlohmann::json{{"person", who.id}}.dump()});
  tx.commit();
}

std::optional<Actor> check_password(Database& db, std::string_view id, const std::string& password) {
  const auto who = find_person(db, id);
  const auto hash = who ? db.people().password_hash(who->id) : std::nullopt;
  if (!hash || password.size() > kMaximumPasswordLength) return std::nullopt;
  if (argon2id_verify(hash->c_str(), password.data(), password.size()) != ARGON2_OK) return std::nullopt;
  return who;
}

std::optional<Actor> sign_in(Database& db, const Clock& clock, std::string_view id, const std::string& password) {
  auto who = check_password(db, id, password);
  if (!who) return std::nullopt;
  Transaction tx(db);
  record_audit(db, *who, clock, {"sign in", describe(*who) + " signed in to the web dashboard", "", who->body, who->school});
  tx.commit();
  return who;
}

}  // namespace trellis
