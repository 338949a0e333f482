// The spreadsheet (`rulebook check --format csv`): a byte order mark, CRLF line ends, RFC 4180
// quoting, a row per request and per finding, and names that cannot turn into formulas.
#include <rulebook/verdict.hpp>

#include "support.hpp"

#include <fstream>
#include <sstream>

using namespace rulebook;
using test::judged;

namespace {

auto csv(const judged& j, lang l = lang::en) -> std::string {
  std::ostringstream out;
  write_csv(out, j.v, j.c, {.lang = l});
  return out.str();
}

using table = std::vector<std::vector<std::string>>;

/// Reads RFC 4180 CSV (after the byte order mark): records end with CRLF, fields in quotes may hold
/// commas, doubled quotes and line breaks. A bare LF or CR outside quotes fails the test.
auto parse(const std::string& text) -> table {
  table rows;
  std::vector<std::string> row;
  std::string f;
  bool quoted = false, in_quotes = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (in_quotes) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        f += '"';
        ++i;
      } else if (ch == '"') {
        in_quotes = false;
      } else {
        f += ch;
      }
    } else if (ch == '"') {
      REQUIRE_MESSAGE(f.empty(), "a quote inside an unquoted field");
      in_quotes = quoted = true;
    } else if (ch == ',') {
      row.push_back(f);
      f.clear();
      quoted = false;
    } else if (ch == '\r') {
      REQUIRE_MESSAGE((i + 1 < text.size() && text[i + 1] == '\n'), "a CR not followed by LF");
      ++i;
      row.push_back(f);
      rows.push_back(row);
      row.clear();
      f.clear();
      quoted = false;
    } else {
      REQUIRE_MESSAGE(ch != '\n', "a bare LF ends a line");
      f += ch;
    }
  }
  REQUIRE_MESSAGE((row.empty() && f.empty() && !quoted), "the last line has no CRLF");
  return rows;
}

const std::string bom = "\xEF\xBB\xBF";

}  // namespace

TEST_SUITE("write_csv") {
  TEST_CASE("a byte order mark, a header, CRLF after every line, and every row as wide as the header") {
    const judged j(test::source_file("examples/march-2026.yaml"));
    const auto text = csv(j);
    REQUIRE(text.rfind(bom, 0) == 0);
    CHECK(text.substr(text.size() - 2) == "\r\n");
    const auto rows = parse(text.substr(bom.size()));
    REQUIRE_FALSE(rows.empty());
    CHECK(rows[0] == std::vector<std::string>{"kind", "request", "request_type", "employee", "employee_name", "team",
                                              "decision", "rule", "clause", "effect", "approver_role", "at", "shift",
                                              "month", "week", "date", "message", "evidence"});
    for (const auto& r : rows) CHECK(r.size() == rows[0].size());
  }

  TEST_CASE("a row per request with its decision, then its findings; then every conduct finding") {
    const judged j(test::source_file("examples/march-2026.yaml"));
    const auto rows = parse(csv(j).substr(bom.size()));
    std::size_t at = 1;
    for (const auto& rv : j.v.requests) {
      const auto& r = j.c.requests[rv.request];
      REQUIRE(at < rows.size());
      CHECK(rows[at][0] == "request");
      CHECK(rows[at][1] == r.id);
      CHECK(rows[at][3] == j.c.people[r.employee].id);
      CHECK(rows[at][6] == to_string(rv.decision));
      CHECK(rows[at][11] == format_time_point(r.submitted_at));
      ++at;
      for (const auto& f : rv.findings) {
        REQUIRE(at < rows.size());
        CHECK(rows[at][0] == "finding");
        CHECK(rows[at][1] == r.id);
        CHECK(rows[at][7] == j.v.header_of(f).id);
        CHECK(rows[at][9] == to_string(f.effect));
        CHECK(rows[at][16] == j.message(f));
        ++at;
      }
    }
    for (const auto& f : j.v.findings) {
      REQUIRE(at < rows.size());
      CAPTURE(j.v.header_of(f).id);
      CHECK(rows[at][0] == "finding");
      CHECK(rows[at][1].empty());
      CHECK(rows[at][3] == j.c.people[f.subject.employee].id);
      CHECK(rows[at][7] == j.v.header_of(f).id);
      CHECK(rows[at][8] == j.v.header_of(f).clause);
      CHECK(rows[at][9] == to_string(f.effect));
      CHECK(rows[at][12] == (f.subject.shift == no_index ? "" : j.c.shifts[f.subject.shift].id));
      CHECK(rows[at][16] == j.message(f));
      ++at;
    }
    CHECK(at == rows.size());
    // Names as written, teams by shift leader, evidence as key=value pairs.
    CHECK(rows[1][4] == "张三");
    CHECK(rows[1][5] == "L01");
    bool evidence = false;
    for (const auto& r : rows) evidence = evidence || r[17] == "late_minutes=25; threshold_minutes=20";
    CHECK(evidence);
  }

  TEST_CASE("quotes, commas and line breaks are quoted; a name is never a formula") {
    const judged j(R"yaml(
people:
  - {id: E001, name: "Li, \"Big\" Si", role: agent, grade: junior, leader: L01}
  - {id: E002, name: "=HYPERLINK(\"http://x\")", role: agent, grade: junior, leader: L01}
  - {id: E003, name: "two\nlines", role: agent, grade: junior, leader: L01}
  - {id: L01, role: shift_leader}
requests:
  - {id: R1, type: promotion, employee: E001, to_grade: intermediate, submitted_at: 2026-03-05T09:00}
  - {id: R2, type: promotion, employee: E002, to_grade: intermediate, submitted_at: 2026-03-05T09:00}
  - {id: R3, type: promotion, employee: E003, to_grade: intermediate, submitted_at: 2026-03-05T09:00}
)yaml");
    const auto text = csv(j);
    CHECK(text.find(",\"Li, \"\"Big\"\" Si\",") != std::string::npos);
    CHECK(text.find(",\"'=HYPERLINK(\"\"http://x\"\")\",") != std::string::npos);
    CHECK(text.find(",\"two\nlines\",") != std::string::npos);
    std::vector<std::string> names;  // of the requests' rows
    for (const auto& r : parse(text.substr(bom.size()))) {
      if (r[0] == "request") names.push_back(r[4]);
    }
    CHECK(names == std::vector<std::string>{"Li, \"Big\" Si", "'=HYPERLINK(\"http://x\")", "two\nlines"});
  }

  TEST_CASE("the same verdict gives the same bytes") {
    const judged a(test::source_file("examples/march-2026.yaml"));
    const judged b(test::source_file("examples/march-2026.yaml"));
    CHECK(csv(a) == csv(b));
    CHECK(csv(a, lang::zh) == csv(b, lang::zh));
  }

  TEST_CASE("in Chinese: the header and the messages; codes stay language-neutral") {
    const judged j(test::source_file("examples/march-2026.yaml"));
    const auto rows = parse(csv(j, lang::zh).substr(bom.size()));
    CHECK(rows[0][0] == "类别");
    CHECK(rows[0][4] == "姓名");
    CHECK(rows[0][16] == "说明");
    const auto& f = j.v.findings[0];
    bool found = false;
    for (const auto& r : rows) found = found || (r[16] == j.message(f, lang::zh) && r[9] == to_string(f.effect));
    CHECK(found);
  }
}
