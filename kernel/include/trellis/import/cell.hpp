#pragma once
/// What one cell of an official file means: numbers written as `88%`,
/// missing-value markers that keep their reason, and the date spellings that
/// DfE, GIAS and Ofsted use.
///
///     cell::number("88%");                 // 88
///     cell::missing_reason("SUPP");        // "suppressed"
///     cell::missing_reason("12");          // nullopt: not a marker
///     cell::date_yyyymmdd("20130418");     // "2013-04-18"
///     cell::date_dmy("18-04-2013");        // "2013-04-18"
///     cell::date_excel_serial("43039");    // "2017-10-31"
///     cell::academic_year_of("2013-04-18").to_string();  // "2012-13"
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "trellis/period.hpp"

namespace trellis::cell {

/// Leading and trailing blanks removed.
std::string_view trim(std::string_view text);

/// The reason a missing-value marker stands for, or nullopt when the cell is
/// not a marker. Markers match whole and ignore case:
///   "" → not recorded; SUPP, c → suppressed; NE → no entries;
///   NA, z → not applicable; LOWCOV, low → low coverage; NP → not published;
///   x, NOT AVAIL → not available.
std::optional<std::string_view> missing_reason(std::string_view cell);

/// The markers, for messages: "SUPP, NE, NA, LOWCOV, NP, c, x, z, low".
std::string_view marker_list();

/// A decimal number, allowing a trailing `%` and blanks around it; nullopt for
/// anything else (including "inf", "nan", "1,234" and "12 pupils").
std::optional<double> number(std::string_view cell);

/// A whole number written with digits only (a URN, an LA code); nullopt otherwise.
std::optional<std::int64_t> whole(std::string_view cell);

/// ISO date from `yyyymmdd` (Ofsted), `dd-mm-yyyy` or `dd/mm/yyyy` (GIAS),
/// `yyyy-mm-dd`, or an Excel serial day number (the DfE spine's OPENDATE).
/// Each returns nullopt unless the text is in its form and a real date.
std::optional<std::string> date_yyyymmdd(std::string_view cell);
std::optional<std::string> date_dmy(std::string_view cell);
std::optional<std::string> date_iso(std::string_view cell);
std::optional<std::string> date_excel_serial(std::string_view cell);

/// The academic year, 1 September to 31 August, that contains an ISO date.
Period academic_year_of(std::string_view iso_date);

}  // namespace trellis::cell
