// The long CSV: `urn,indicator,period,value[,note]`, one item per row, for
// evidence an LA or a trust holds itself. This is the benchmark's hot path:
// indicators and periods are resolved once each, and a row costs no
// allocation beyond what SQLite does.
#include <algorithm>
#include <map>

#include "formats.hpp"
#include "trellis/import/cell.hpp"

namespace trellis::importing {
namespace {

/// URN, indicator and period packed in 64 bits → the line that had them.
/// Open addressing, because a million-row file makes std::unordered_map's
/// node allocations show up in the import rate.
class KeyLines {
 public:
  /// The earlier line with the key, or 0 after recording this one.
  int insert(std::uint64_t key, int line) {
    if (2 * (used_ + 1) > keys_.size()) grow();
    std::size_t mask = keys_.size() - 1;
    for (std::size_t i = hash(key) & mask;; i = (i + 1) & mask) {
      if (keys_[i] == key + 1) return lines_[i];
      if (keys_[i] == 0) {
        keys_[i] = key + 1;  // 0 marks an empty slot
        lines_[i] = line;
        ++used_;
        return 0;
      }
    }
  }

 private:
  static std::size_t hash(std::uint64_t k) {  // splitmix64's finaliser: every bit of the key moves the low bits
    k = (k ^ (k >> 30)) * 0xBF58476D1CE4E5B9ull;
    k = (k ^ (k >> 27)) * 0x94D049BB133111EBull;
    return static_cast<std::size_t>(k ^ (k >> 31));
  }
  void grow() {
    std::vector<std::uint64_t> keys(std::max<std::size_t>(1024, 2 * keys_.size()), 0);
    std::vector<int> lines(keys.size(), 0);
    keys.swap(keys_);
    lines.swap(lines_);
    used_ = 0;
    for (std::size_t i = 0; i < keys.size(); ++i)
      if (keys[i]) insert(keys[i] - 1, lines[i]);
  }
  std::vector<std::uint64_t> keys_;
  std::vector<int> lines_;
  std::size_t used_ = 0;
};

struct KnownIndicator {
  std::string id;
  bool numbers_only = false;  ///< registered with a unit that text cannot have
  bool registered = false;
  std::string unit;
};

/// "safeguarding_concerns" → "Safeguarding concerns", for indicators the file introduces.
std::string label_from_id(const std::string& id) {
  std::string s = id;
  for (char& c : s)
    if (c == '_') c = ' ';
  if (!s.empty()) s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace

void import_long(EvidenceRun& run, const std::optional<Period>& given) {
  Source& src = run.source();
  const Header& h = *src.header;
  const std::size_t urn_col = h.require("urn", "long");
  const std::size_t ind_col = h.require("indicator", "long");
  const std::size_t period_col = h.require("period", "long");
  const std::size_t value_col = h.require("value", "long");
  const std::optional<std::size_t> note_col = h.find("note");
  std::string ignored;
  for (std::size_t i = 0; i < h.size(); ++i)
    if (i != urn_col && i != ind_col && i != period_col && i != value_col && i != note_col)
      ignored += (ignored.empty() ? "" : ", ") + h.name(i);
  if (!ignored.empty()) run.report().notes.push_back("columns not imported (a long CSV has urn, indicator, period, value and note): " + ignored);
  if (!run.start(given ? std::optional(given->to_string()) : std::nullopt)) return;

  std::map<std::string, std::size_t, std::less<>> indicator_index, period_index;
  std::vector<KnownIndicator> indicators;
  std::vector<std::string> periods;
  KeyLines seen;
  const std::string number_or_marker = "a number or a missing-value marker (" + std::string(cell::marker_list()) + ")";
  auto rows = each_row(src, run.options(), run.report().rejected, [&](csv::Reader& r) {
    auto urn = cell::whole(r[urn_col]);
    if (!urn || *urn <= 0 || *urn > 0xFFFFFFFFll)
      throw InputError(r.at(urn_col), "a URN (a whole number)", csv::quoted(r[urn_col]));

    std::string_view ind_text = cell::trim(r[ind_col]);
    auto ind_it = indicator_index.find(ind_text);
    if (ind_it == indicator_index.end()) {
      if (!is_indicator_id(ind_text))
        throw InputError(r.at(ind_col), "an indicator id in snake_case (a-z, 0-9 and _), like persistent_absence_pct",
                         csv::quoted(ind_text));
      if (indicators.size() >= 0xFFFF) throw InputError(r.at(ind_col), "at most 65535 indicators in one file", "more");
      KnownIndicator k;
      k.id = ind_text;
      if (auto def = find_indicator(run.db(), ind_text)) {
        k.registered = true;
        k.unit = def->unit;
        k.numbers_only = !def->unit.empty() && def->unit != "date";
      }
      indicators.push_back(std::move(k));
      ind_it = indicator_index.emplace(std::string(ind_text), indicators.size() - 1).first;
    }
    KnownIndicator& ind = indicators[ind_it->second];

    std::string_view period_text = cell::trim(r[period_col]);
    auto period_it = period_index.find(period_text);
    if (period_it == period_index.end()) {
      std::string why;
      auto p = Period::try_parse(period_text, &why);
      if (!p && !why.empty()) throw InputError(r.at(period_col), why);  // "expected …, found …"
      if (!p)
        throw InputError(r.at(period_col), "a period like 2024-25, 2024-25/autumn or 2024-25/autumn-1",
                         csv::quoted(period_text));
      if (given && !given->contains(*p))
        throw InputError(r.at(period_col), "a period within " + given->to_string() + ", the period the import was given",
                         csv::quoted(period_text));
      // Two spellings of one period share an index, so the duplicate check sees them as one.
      std::string canonical = p->to_string();
      auto same = std::find(periods.begin(), periods.end(), canonical);
      if (same == periods.end()) {
        if (periods.size() >= 0xFFFF) throw InputError(r.at(period_col), "at most 65535 periods in one file", "more");
        periods.push_back(canonical);
        same = periods.end() - 1;
      }
      period_it = period_index.emplace(std::string(period_text), same - periods.begin()).first;
    }

    EvidenceWriter::Item item{*urn, periods[period_it->second], ind.id, std::nullopt, {}, {}, r.line(),
                              static_cast<int>(value_col) + 1};
    std::string_view value = r[value_col];
    if (auto why = cell::missing_reason(value)) item.missing = *why;
    else if (auto v = cell::number(value)) item.value = v;
    else if (ind.numbers_only)
      throw InputError(r.at(value_col), number_or_marker + " for " + ind.id + ", measured in " + ind.unit,
                       csv::quoted(value));
    else item.text = cell::trim(value);
    if (note_col) {
      std::string_view note = cell::trim(r[*note_col]);
      if (!note.empty() && !item.text.empty())
        throw InputError(r.at(*note_col), "no note beside a text value (a note is kept with a number or a missing value)",
                         csv::quoted(note));
      if (!note.empty()) item.text = note;
    }

    const std::uint64_t key = static_cast<std::uint64_t>(*urn) << 32 | ind_it->second << 16 | period_it->second;
    if (int first = seen.insert(key, r.line()))
      throw InputError(r.at(urn_col), "one row per school, indicator and period",
                       "a second row for URN " + std::to_string(*urn) + ", " + ind.id + ", " + std::string(item.period) +
                           " (the first is on line " + std::to_string(first) + ")");
    if (!ind.registered) {  // a new indicator, once a row has shown it valid
      run.use_indicator({ind.id, label_from_id(ind.id), "", "neutral"});
      ind.registered = true;
    }
    run.saw_school(*urn);
    run.append(item);
  });
  run.finish(rows);
}

}  // namespace trellis::importing
