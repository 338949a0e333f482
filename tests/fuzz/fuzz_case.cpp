// libFuzzer target: any bytes as a case file named RULEBOOK_FUZZ_FILE (read as JSON when the name
// ends in `.json`, else as YAML), loaded against the department's policy and, when it loads, judged
// and written. Whatever the bytes, the loader returns issues or a case: never a crash, a hang or an
// exception. A JSON file is also read twice more (src/json_source.cpp): once with its first pass
// split at the middle, whatever its size, and flat items read without simdjson; once unsplit, and
// flat items left to simdjson. The ways must load the same case with the same problems, or the
// target stops.
#include "load_and_judge.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

namespace rulebook::detail {
extern bool json_flat_items;              // src/source_io.hpp
extern std::size_t json_split_scan_from;  // src/source_io.hpp
}  // namespace rulebook::detail

namespace {

// The problems of loading `text`, and every record's id and place.
auto loaded(const std::string& file, const std::string& text) -> std::string {
  using namespace rulebook;
  std::vector<load_issue> issues;
  const auto c = parse_case(file, text, fuzz::department(), issues);
  std::ostringstream out;
  for (const auto& i : issues) out << to_string(i) << '\n';
  const auto at = [&](const source_ref& r) { out << ' ' << r.line << ':' << r.column << '\n'; };
  for (const auto& q : c.people) out << q.id << ',' << q.role, at(q.where);
  for (const auto& s : c.shifts) out << s.id << ',' << format_time_point(s.start) << ',' << s.seat, at(s.where);
  for (const auto& q : c.punches) out << q.shift.value, at(q.where);
  for (const auto& r : c.requests) out << r.id, at(r.where);
  for (const auto& t : c.tickets) out << t.id, at(t.where);
  return out.str();
}

}  // namespace

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) -> int {
  const std::string text(reinterpret_cast<const char*>(data), size);
  rulebook::fuzz::load_and_judge(RULEBOOK_FUZZ_FILE, text);
  if (std::string_view(RULEBOOK_FUZZ_FILE).ends_with(".json")) {
    const auto split_at = rulebook::detail::json_split_scan_from;
    rulebook::detail::json_split_scan_from = 0;
    const auto flat = loaded(RULEBOOK_FUZZ_FILE, text);
    rulebook::detail::json_split_scan_from = SIZE_MAX;
    rulebook::detail::json_flat_items = false;
    const auto through_simdjson = loaded(RULEBOOK_FUZZ_FILE, text);
    rulebook::detail::json_flat_items = true;
    rulebook::detail::json_split_scan_from = split_at;
    if (flat != through_simdjson) std::abort();
  }
  return 0;
}
