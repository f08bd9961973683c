// The hot path of every import: a per-pair check, so that a first import of a
// period never looks items up school by school. The pairs that have evidence
// are read in one pass when the writer starts: the evidence table has no index
// on (indicator, period), so asking pair by pair would scan it once per pair.
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

#include "trellis/error.hpp"
#include "trellis/evidence.hpp"
#include "trellis/store/evidence_repository.hpp"
#include "trellis/text.hpp"

namespace trellis {

struct EvidenceWriter::Impl {
  Database& db;
  Provenance provenance;
  std::set<std::string, std::less<>> pairs;  ///< "indicator\x1fperiod" that had evidence
  std::string key;                           ///< reused to build set keys
  std::map<std::string, Indicator, std::less<>> indicators;  ///< as first looked up; an empty id when unregistered

  /// New items not stored yet, their text copied into `held_text` (the
  /// caller's views live only for the call): stored many to a statement.
  struct Slice {
    std::uint32_t at = 0, size = 0;
  };
  struct Pending {
    std::int64_t urn;
    std::optional<double> value;
    int line, column;
    Slice period, indicator, text, missing;
  };
  std::vector<Pending> pending;
  std::string held_text;
  std::vector<Item> items;  ///< reused by flush()

  Slice keep(std::string_view s) {
    Slice slice{static_cast<std::uint32_t>(held_text.size()), static_cast<std::uint32_t>(s.size())};
    held_text.append(s);
    return slice;
  }
  std::string_view view(Slice s) const { return std::string_view(held_text).substr(s.at, s.size); }

  /// The indicators it was told it will be given; none: any.
  std::set<std::string, std::less<>> declared;

  Impl(Database& d, Provenance p, std::vector<std::string> only)
      : db(d), provenance(std::move(p)), pairs(d.evidence().pairs(only)), declared(only.begin(), only.end()) {}
};

namespace {
constexpr std::size_t kPendingItems = 4096;  ///< stored in one go once this many wait
constexpr std::size_t kPendingText = 1 << 20;  ///< or once their text is this long
}  // namespace

EvidenceWriter::EvidenceWriter(Database& db, Provenance provenance, std::vector<std::string> indicators)
    : impl_(std::make_unique<Impl>(db, std::move(provenance), std::move(indicators))) {}
EvidenceWriter::~EvidenceWriter() = default;

bool EvidenceWriter::pair_has_evidence(std::string_view indicator, std::string_view period) {
  // Its pairs were not read: the answer would be a guess.
  if (!impl_->declared.empty() && !impl_->declared.contains(indicator))
    throw std::logic_error("evidence writer: indicator " + std::string(indicator) + " was not among those it was told of");
  std::string& key = impl_->key;
  key.assign(indicator).append(1, '\x1f').append(period);
  return impl_->pairs.count(key) > 0;
}

std::vector<EvidenceWriter::Held> EvidenceWriter::current(std::int64_t urn, std::string_view indicator,
                                                          std::string_view period) {
  flush();  // what this writer appended counts as held
  return impl_->db.evidence().current(urn, indicator, period);
}

void EvidenceWriter::flush() {
  Impl& m = *impl_;
  if (m.pending.empty()) return;
  m.items.clear();
  for (const Impl::Pending& p : m.pending)
    m.items.push_back({p.urn, m.view(p.period), m.view(p.indicator), p.value, m.view(p.text), m.view(p.missing),
                       p.line, p.column});
  m.db.evidence().add_all(m.items, m.provenance);
  m.pending.clear();
  m.held_text.clear();
}

void EvidenceWriter::add(const Item& item) {
  check(item);
  Impl& m = *impl_;
  m.pending.push_back({item.urn, item.value, item.line, item.column, m.keep(item.period), m.keep(item.indicator),
                       m.keep(item.text), m.keep(item.missing)});
  if (m.pending.size() >= kPendingItems || m.held_text.size() >= kPendingText) flush();
}

namespace {

std::string shown_number(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

// Every item, from a file or a person, is checked here before it is stored (issue 19).
void EvidenceWriter::check(const Item& item) {
  auto refuse = [&](const std::string& expected, const std::string& found) {
    if (item.line == 0) throw UsageError("expected " + expected + ", found " + found, Field::value);
    throw InputError({impl_->provenance.source, item.line, item.column}, expected, found, Field::value);
  };
  if (item.text.size() > kMaxEvidenceText)
    refuse("a note of at most " + std::to_string(kMaxEvidenceText) + " bytes", std::to_string(item.text.size()) + " bytes");
  if (item.missing.size() > kMaxEvidenceText)
    refuse("a reason of at most " + std::to_string(kMaxEvidenceText) + " bytes", std::to_string(item.missing.size()) + " bytes");
  if (first_invalid_utf8(item.text) || first_invalid_utf8(item.missing)) refuse("UTF-8 text", "bytes that are not UTF-8");
  if (!item.value) return;
  const double v = *item.value;
  if (!std::isfinite(v)) refuse("a finite number", shown_number(v));
  auto known = impl_->indicators.find(item.indicator);
  if (known == impl_->indicators.end())
    known = impl_->indicators.emplace(std::string(item.indicator), find_indicator(impl_->db, item.indicator).value_or(Indicator{}))
                .first;
  const Indicator& ind = known->second;
  if (ind.unit == "%" && (v < 0 || v > 100))
    refuse("a percentage from 0 to 100 for " + std::string(item.indicator), shown_number(v));
  if (ind.unit == "pupils" && (v < 0 || v != std::floor(v)))
    refuse("a whole number of pupils, 0 or more, for " + std::string(item.indicator), shown_number(v));
  // The range an adopted policy declares for the indicator (issue 19, SDK 3).
  if ((ind.min && v < *ind.min) || (ind.max && v > *ind.max) || (ind.whole_number && v != std::floor(v))) {
    std::string range = ind.min && ind.max ? "from " + shown_number(*ind.min) + " to " + shown_number(*ind.max)
                        : ind.min          ? shown_number(*ind.min) + " or more"
                        : ind.max          ? "at most " + shown_number(*ind.max)
                                           : "";
    refuse(std::string(ind.whole_number ? "a whole number" : "a number") + (range.empty() ? "" : " " + range) + " for " +
               std::string(item.indicator) + ", as the adopted policy declares it",
           shown_number(v));
  }
}

std::int64_t EvidenceWriter::insert(const Item& item, std::optional<std::int64_t> supersedes) {
  flush();  // ids in the order items came
  check(item);
  return impl_->db.evidence().add(item, impl_->provenance, supersedes);
}

EvidenceWriter::Outcome EvidenceWriter::append(const Item& item) {
  if (pair_has_evidence(item.indicator, item.period)) {
    auto held = current(item.urn, item.indicator, item.period);
    if (!held.empty()) {
      const Held& h = held.front();
      const bool same = h.value == item.value && h.text.value_or("") == item.text &&
                        h.missing.value_or("") == item.missing;
      if (same) {
        ++unchanged_;
        return Outcome::unchanged;
      }
      insert(item, h.id);
      ++superseded_;
      return Outcome::superseded;
    }
  }
  add(item);
  ++added_;
  return Outcome::added;
}

}  // namespace trellis
