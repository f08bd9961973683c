#pragma once
/// Bodies (trusts and LAs), their members over time, and the policies they adopt.
///
///     for (auto urn : db.bodies().members_on("example-trust", "2024-09-02")) ...
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "trellis/adoption.hpp"
#include "trellis/bodies.hpp"

namespace trellis {

class BodyRepository {
 public:
  virtual ~BodyRepository();
  virtual std::optional<Body> find(const std::string& id) = 0;
  virtual void add(const Body& body, const std::string& at) = 0;
  /// Every body by id, with its adoption and member count on `date`.
  virtual std::vector<BodySummary> list(const std::string& date) = 0;

  /// Whether `urn` is a member of the body at any time in [from, to] (to none: open-ended).
  virtual bool member_within(const std::string& body_id, std::int64_t urn, const std::string& from,
                             const std::optional<std::string>& to) = 0;
  virtual bool ever_member(const std::string& body_id, std::int64_t urn) = 0;
  virtual void add_membership(const std::string& body_id, std::int64_t urn, const std::string& from,
                              const std::optional<std::string>& to) = 0;
  /// Ends the school's membership in force on `last_day` on that day; whether there was one.
  virtual bool end_membership(const std::string& body_id, std::int64_t urn, const std::string& last_day) = 0;
  /// The members on a day, by URN.
  virtual std::vector<std::int64_t> members_on(const std::string& body_id, const std::string& date) = 0;
  /// (URN, first day) of every membership the body ever had, by URN: one read for a country's schools.
  virtual std::vector<std::pair<std::int64_t, std::string>> membership_starts(const std::string& body_id) = 0;
  /// True when the school is a member of the body on `date`.
  virtual bool is_member_on(const std::string& body_id, std::int64_t urn, const std::string& date) = 0;

  /// Stores an adoption (its id is not read) and returns its id.
  virtual std::int64_t add_adoption(const Adoption& adoption, const std::string& at) = 0;
  /// The adoption in force on a day: the latest from that day or before.
  virtual std::optional<Adoption> adoption_on(const std::string& body_id, const std::string& date) = 0;
  /// Every adoption of the body, by first day (each in force until the next one's).
  virtual std::vector<Adoption> adoptions(const std::string& body_id) = 0;
};

}  // namespace trellis
