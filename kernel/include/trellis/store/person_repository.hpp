#pragma once
/// People and the role each acts in.
///
///     if (!db.people().find("qa-lead")) db.people().add(lead, clock.timestamp(), by.id);
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trellis/actor.hpp"

namespace trellis {

class PersonRepository {
 public:
  virtual ~PersonRepository();
  virtual std::optional<Actor> find(std::string_view id) = 0;
  /// Admins first, then by body and id.
  virtual std::vector<Actor> list() = 0;
  virtual bool empty() = 0;
  /// `added_by` is none for the first admin, whom nobody added.
  virtual void add(const Actor& person, const std::string& at, const std::optional<std::string>& added_by) = 0;
  /// A person's password, as an encoded argon2id hash; a new one replaces the old.
  virtual void set_password_hash(std::string_view id, const std::string& hash, const std::string& at,
                                 const std::string& set_by) = 0;
  virtual std::optional<std::string> password_hash(std::string_view id) = 0;
};

}  // namespace trellis
