// Long JSON lists (4,096 items or more) are parsed a few batches ahead on another thread while the
// case is loaded: the same case, and the same one error at its place, as when read on one thread.
#include "source_io.hpp"
#include "support.hpp"

#include <sstream>
#include <thread>

using namespace rulebook;

namespace {

// A case of `agents` agents with `days` day shifts each, one shift per line, as JSON; item
// `broken_at` of the shifts (counted from 0), if any, has a word JSON does not know.
auto long_case(int agents, int days, int broken_at = -1) -> std::string {
  std::ostringstream out;
  out << "{\"people\": [\n  {\"id\": \"L01\", \"role\": \"shift_leader\"}";
  for (int a = 0; a < agents; ++a) out << ",\n  {\"id\": \"E" << a << "\", \"role\": \"agent\", \"leader\": \"L01\"}";
  out << "\n],\n\"shifts\": [";
  int n = 0;
  for (int a = 0; a < agents; ++a) {
    for (int d = 1; d <= days; ++d, ++n) {
      out << (n == 0 ? "\n  " : ",\n  ") << "{\"id\": \"E" << a << "-" << d << "\", \"employee\": \"E" << a
          << "\", \"start\": \"2026-03-" << (d < 10 ? "0" : "") << d << "T08:00\", \"end\": \"2026-03-"
          << (d < 10 ? "0" : "") << d << "T17:00\", \"kind\": " << (n == broken_at ? "dya" : "\"day\"") << "}";
    }
  }
  out << "\n]}\n";
  return out.str();
}

// A long list of people, shifts, punches and tickets: plain items, odd but valid ones (a number
// for an id, a space for the `T`, an escape, only `in` or `out`), and with `problems`, now and
// then one with a problem to report.
auto long_lists(bool problems) -> std::string {
  std::ostringstream out;
  out << "{\"people\": [\n  {\"id\": \"L01\", \"role\": \"shift_leader\"}";
  for (int a = 0; a < 200; ++a) out << ",\n  {\"id\": \"E" << a << "\", \"role\": \"agent\", \"leader\": \"L01\"}";
  out << "\n],\n\"shifts\": [";
  const auto day = [](int d) { return std::string("2026-03-") + (d < 10 ? "0" : "") + std::to_string(d); };
  int n = 0;
  for (int a = 0; a < 200; ++a) {
    for (int d = 1; d <= 28; ++d, ++n) {
      std::string id = "\"E" + std::to_string(a) + "-" + std::to_string(d) + "\"";
      std::string who = "\"E" + std::to_string(a) + "\"";
      std::string end = "\"" + day(d) + "T17:00\"";
      std::string extra = n % 3 == 0   ? ", \"kind\": \"day\""
                          : n % 3 == 1 ? ", \"seat\": \"A-" + std::to_string(a) + "\""
                                       : "";
      switch (const int k = n % 997; problems || k == 66 || k == 77 ? k : 0) {  // without problems: 66 and 77 only
        case 11: who = "\"E999\""; break;                                       // nobody
        case 22: end = "\"" + day(d) + "T07:00\""; break;                       // ends before it starts
        case 33: id = "\"E0-1\""; break;                                        // a duplicate
        case 44: extra += ", \"room\": \"5\""; break;                           // an unknown key
        case 55: extra = ", \"kind\": null"; break;                             // null
        case 66: id = std::to_string(100000 + n); break;                        // a number for an id
        case 77: end = "\"" + day(d) + " 17:00\""; break;                       // a space for the T
        case 88: end = "\"2026-02-30T17:00\""; break;                           // no such day
        case 99: extra = ", \"kind\": \"nights\""; break;                       // a kind the policy lacks
        default: break;
      }
      out << (n == 0 ? "\n  " : ",\n  ") << "{\"id\": " << id << ", \"employee\": " << who << ", \"start\": \""
          << day(d) << "T08:00\", \"end\": " << end << extra << "}";
    }
  }
  out << "\n],\n\"punches\": [";
  for (int p = 0; p < 5000; ++p) {
    const int a = p / 25, d = 2 + p % 25;  // not day 1: its shift is E0-1 now and then
    std::string shift = "\"E" + std::to_string(a) + "-" + std::to_string(d) + "\"";
    if (const int k = a * 28 + d - 1; k % 997 == 66) shift = std::to_string(100000 + k);  // its id is a number
    std::string times = ", \"in\": \"" + day(d) + "T07:58\", \"out\": \"" + day(d) + "T17:01\"";
    if (p % 3 == 1) times = ", \"in\": \"" + day(d) + "T08:25\"";                                 // punched in only
    if (p % 3 == 2) times = ", \"out\": \"" + day(d) + "T16:30\"";                                // out only
    if (p % 503 == 88) shift = "\"E" + std::to_string(a) + "\\u002d" + std::to_string(d) + "\"";  // an escape
    switch (problems ? p % 503 : 0) {
      case 11: shift = "\"E999-1\""; break;                                                             // no such shift
      case 22: shift = "\"E0-2\""; break;                                                               // punched twice
      case 33: times = ", \"in\": \"" + day(d) + "T09:00\", \"out\": \"" + day(d) + "T08:00\""; break;  // out first
      case 44: times.clear(); break;                                                                    // neither
      case 55: times = ", \"in\": null"; break;                                                         // null
      case 66: times += ", \"note\": \"x\""; break;   // an unknown key
      case 77: times = ", \"in\": \"later\""; break;  // not a time
      case 99: shift = "12345"; break;                // a number
      default: break;
    }
    out << (p == 0 ? "\n  " : ",\n  ") << "{\"shift\": " << shift << times << "}";
  }
  out << "\n],\n\"tickets\": [";
  for (int t = 0; t < 5000; ++t) {
    std::string id = "\"T" + std::to_string(t) + "\"", at = "\"" + day(1 + t % 28) + "T09:00\"";
    std::string dispatched = t % 2 == 0 ? ", \"dispatched_at\": \"" + day(1 + t % 28) + "T09:30\"" : "";
    if (problems && t % 701 == 5) id = "\"T1\"";                                                          // a duplicate
    if (problems && t % 701 == 6) dispatched = ", \"dispatched_at\": \"" + day(1 + t % 28) + "T08:00\"";  // too early
    if (problems && t % 701 == 7) at = "\"soon\"";                                                        // not a time
    out << (t == 0 ? "\n  " : ",\n  ") << "{\"id\": " << id << ", \"receiver\": \"E" << t % 200
        << "\", \"received_at\": " << at << dispatched << "}";
  }
  out << "\n]}\n";
  return out.str();
}

// The problems of loading `text`, and what was loaded, written out: each problem, and each
// shift, punch and ticket with its place.
auto load_dump(const std::string& text) -> std::pair<std::size_t, std::string> {
  std::vector<load_issue> issues;
  const auto c = parse_case("case.json", text, test::shipped_policy(), issues);
  std::ostringstream dump;
  for (const auto& i : issues) dump << to_string(i) << '\n';
  for (const auto& s : c.shifts) {
    dump << s.id << ' ' << s.employee.value << ' ' << format_time_point(s.start) << ' ' << format_time_point(s.end)
         << ' ' << s.kind << ' ' << s.seat << ' ' << s.where.line << ':' << s.where.column << '\n';
  }
  for (const auto& p : c.punches) {
    dump << p.shift.value << ' ' << (p.in ? format_time_point(*p.in) : "-") << ' '
         << (p.out ? format_time_point(*p.out) : "-") << ' ' << p.where.line << ':' << p.where.column << '\n';
  }
  for (const auto& t : c.tickets) {
    dump << t.id << ' ' << t.receiver.value << ' ' << format_time_point(t.received_at) << ' '
         << (t.dispatched_at ? format_time_point(*t.dispatched_at) : "-") << ' ' << t.where.line << ':'
         << t.where.column << '\n';
  }
  return {issues.size(), dump.str()};
}

// The same lists written as a pretty-printer would, each key of an item on a line of its own.
auto pretty(const std::string& text) -> std::string {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '{' && i > 0) out += "\n    ";
    if (text[i] == ',' && i + 2 < text.size() && text[i + 1] == ' ' && text[i + 2] == '"') out += "\n   ";
  }
  return out;
}

}  // namespace

TEST_SUITE("load_case: long JSON lists") {
  TEST_CASE("a list read ahead on another thread loads the case the YAML reader loads from the same text") {
    const auto text = long_case(200, 28);  // 5,600 shifts: read ahead
    const auto& p = test::shipped_policy();
    std::vector<load_issue> issues;
    const auto as_json = parse_case("case.json", text, p, issues);
    const auto as_yaml = parse_case("case.yaml", text, p, issues);
    REQUIRE(issues.empty());
    REQUIRE(as_json.shifts.size() == 5600);
    for (const auto s : as_json.shifts.indexes()) {
      const auto& a = as_json.shifts[s];
      const auto& b = as_yaml.shifts[s];
      CHECK(a.id == b.id);
      CHECK(a.employee == b.employee);
      CHECK(a.start == b.start);
      CHECK(a.where.line == b.where.line);
      CHECK(a.where.column == b.where.column);
    }
    std::ostringstream j, y;
    write_json(j, judge(p, as_json), as_json);
    write_json(y, judge(p, as_yaml), as_yaml);
    CHECK(j.str() == y.str());
  }

  TEST_CASE("a broken item deep in a list read ahead is the file's one error, at its line and column") {
    // Item 4,321 of the shifts (E154-10) is on line 3 + 201 people + 4,322; its `dya` at column 105.
    const auto text = long_case(200, 28, 4321);
    std::vector<load_issue> issues;
    (void)parse_case("case.json", text, test::shipped_policy(), issues);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].where.line == 3 + 201 + 4321 + 1);
    CHECK(issues[0].where.column == 105);
    CHECK(issues[0].message.find("broken JSON") == 0);
  }

  TEST_CASE("the last item of a list read ahead is loaded, and a list of exactly one batch too") {
    for (const int agents : {147, 192}) {  // 4,116 and 5,376 shifts (21 batches of 256): a partial last batch, and none
      std::vector<load_issue> issues;
      const auto c = parse_case("case.json", long_case(agents, 28), test::shipped_policy(), issues);
      REQUIRE(issues.empty());
      CHECK(c.shifts.size() == static_cast<std::size_t>(agents) * 28);
      CHECK(c.shifts[c.shifts.next_index().value == 0 ? shift_index(0) : shift_index(c.shifts.next_index().value - 1)]
                .id == "E" + std::to_string(agents - 1) + "-28");
    }
  }

  TEST_CASE("shifts, punches and tickets worked out ahead load as the field readers load them, problems and all") {
    // Plain shifts, punches and tickets of a long list are worked out on the thread reading ahead
    // and added without the field readers; any that is not plain, or has a problem to report,
    // goes through them. Either way the same case (each record at its place), the same problems,
    // at the same places.
    if (std::thread::hardware_concurrency() < 2) {  // lists are read ahead on a second core only
      MESSAGE("one core: nothing is read ahead, so there is nothing to compare");
      return;
    }
    for (const bool problems : {false, true}) {
      CAPTURE(problems);
      const auto text = long_lists(problems);
      const std::size_t added_before = detail::json_items_added_plain;
      const auto [count, ahead] = load_dump(text);
      // Without problems, all but the odd items (an escape, a number, a space for the `T`) are
      // added from their fields: 5,600 shifts, 5,000 punches, 5,000 tickets.
      if (!problems) CHECK(detail::json_items_added_plain.load() - added_before > 15000);
      const auto [count_read, read] = [&] {
        const test::set_for_test<bool> off(detail::json_prepare_items, false);
        return load_dump(text);
      }();
      if (problems) {
        CHECK(count > 20);  // each kind of problem is there
      } else {
        CHECK(count == 0);
        CHECK(ahead.size() > 400000);  // the records were loaded
      }
      CHECK(count == count_read);
      CHECK(ahead == read);
    }
  }

  TEST_CASE("a file scanned from its middle on another thread loads as one scanned from the start") {
    // The first pass over a big file guesses that the first line past the middle starts an item
    // of a list, and scans from there on another thread; the guess is taken only when the scan
    // from the start meets that item. Right or wrong, the same case and the same problems.
    if (std::thread::hardware_concurrency() < 2) {
      MESSAGE("one core: the first pass is not split, so there is nothing to compare");
      return;
    }
    const auto lists = long_lists(false), with_problems = long_lists(true);
    const auto tail = [&](const std::string& more) { return lists.substr(0, lists.size() - 3) + more; };
    const auto broken_at = [&](double where) {  // a missing comma between two items
      auto text = lists;
      const auto at = text.find(",\n  {", static_cast<std::size_t>(static_cast<double>(text.size()) * where));
      text.erase(at, 1);
      return text;
    };
    const std::vector<std::pair<const char*, std::string>> texts = {
        {"one item a line", lists},
        {"problems", with_problems},
        {"items over several lines", pretty(lists)},
        {"keys after the lists",
         tail(
             "],\n\"away\": [],\n\"monitoring\": [\n  {\"employee\": \"E1\", \"month\": \"2026-03\", \"score\": 90}\n],\n"
             "\"period\": {\"from\": \"2026-03-01\", \"to\": \"2026-03-31\"}}\n")},
        {"a duplicate key after the lists", tail("],\n\"away\": [],\n\"shifts\": []}\n")},
        {"a bad key after the lists", tail("],\n\"away\": [],\n\"\xff\": 1}\n")},
        {"broken in the second half", broken_at(0.75)},
        {"broken in the first half", broken_at(0.25)},
        {"something after the document", lists + "x\n"},
        {"the file ends inside a list", lists.substr(0, lists.size() * 3 / 4)},
    };
    for (const auto& [what, text] : texts) {
      CAPTURE(what);
      const std::size_t taken = detail::json_split_scans_taken;
      const auto split = [&] {
        const test::set_for_test<std::size_t> always(detail::json_split_scan_from, 0);
        return load_dump(text);
      }();
      const auto split_taken = detail::json_split_scans_taken.load() > taken;
      const auto whole = [&] {
        const test::set_for_test<std::size_t> never(detail::json_split_scan_from, SIZE_MAX);
        return load_dump(text);
      }();
      CHECK(detail::json_split_scans_taken.load() == taken + (split_taken ? 1 : 0));  // never when not asked
      CHECK(split == whole);
      // One item a line: the guess is right, and taken, unless the scan from the middle met a problem.
      if (std::string_view(what) == "one item a line" || std::string_view(what) == "keys after the lists" ||
          std::string_view(what) == "a duplicate key after the lists") {
        CHECK(split_taken);
      }
      if (std::string_view(what) == "broken in the second half") CHECK(!split_taken);
    }
  }

  TEST_CASE("a list of tiny items makes room for no more records than its bytes could hold") {
    // The first pass checks a list's commas and brackets, not its items: room for a list of
    // three million `0`s would be id tables of ~64 MB, written before the first item is read and
    // found wrong. Room is made for one record per 32 bytes at most; a real list gets its count.
    std::string tiny = "{\"shifts\": [tru";
    for (int i = 0; i < 100000; ++i) tiny += ",0";
    tiny += "]}";
    std::vector<load_issue> issues;
    auto source = detail::json_case_source("case.json", tiny, issues, lang::en);
    REQUIRE(source->top().keys.size() == 1);
    CHECK(source->item_count(0) <= tiny.size() / 32);
    CHECK(source->item_count(0) > 0);
    const auto real = long_case(10, 28);  // 280 shifts of ~100 bytes each
    auto real_source = detail::json_case_source("case.json", real, issues, lang::en);
    REQUIRE(real_source->top().keys.size() == 2);
    CHECK(real_source->item_count(1) == 280);
    CHECK(issues.empty());
  }
}
