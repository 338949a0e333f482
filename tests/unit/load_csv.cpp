// Lists of a case in CSV files of their own (WFM and punch-clock exports): the same case as in
// YAML, every problem at its place in the CSV file, and hostile files read in bounded time.
#include <rulebook/policy.hpp>

#include "read_calendar.hpp"
#include "support.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace rulebook;
using strings = std::vector<std::string>;
namespace fs = std::filesystem;

namespace {

// A directory of its own for one test's files, removed afterwards.
class temp_dir : public test::scratch_dir {
 public:
  temp_dir() : scratch_dir("rulebook-csv") {}

  // The case `case.yaml` holding `yaml` loaded; every issue fails the test.
  [[nodiscard]] auto load(const std::string& yaml, const policy& p = test::shipped_policy()) const -> case_file {
    std::vector<load_issue> issues;
    auto c = load_case(write("case.yaml", yaml), p, issues);
    for (const auto& i : issues) FAIL(to_string(i));
    return c;
  }
  // The issues of loading `case.yaml` holding `yaml`, with this directory left out of file names.
  [[nodiscard]] auto errors(const std::string& yaml) const -> strings {
    std::vector<load_issue> issues;
    (void)load_case(write("case.yaml", yaml), test::shipped_policy(), issues);
    return strip(issues);
  }
  // The issues of loading `case.yaml` (when `yaml` is not empty) with the lists `files`.
  [[nodiscard]] auto errors(const std::string& yaml, const std::vector<section_file>& files) const -> strings {
    std::vector<load_issue> issues;
    (void)load_case(yaml.empty() ? std::string() : write("case.yaml", yaml), files, test::shipped_policy(), issues);
    return strip(issues);
  }
  [[nodiscard]] auto strip(const std::vector<load_issue>& issues) const -> strings {
    strings out;
    const auto prefix = path_.string() + "/";
    for (const auto& i : issues) {
      auto s = to_string(i);
      for (auto at = s.find(prefix); at != std::string::npos; at = s.find(prefix)) s.erase(at, prefix.size());
      out.push_back(s);
    }
    return out;
  }
};

auto json_of(const case_file& c, const policy& p = test::shipped_policy()) -> std::string {
  std::ostringstream out;
  write_json(out, judge(p, c), c);
  return out.str();
}

const std::string staff_csv = "id,name,role,grade,leader,reports_to,seat\n"
                              "E001,张三,agent,junior,L01,,A12\n"
                              "E002,李四,agent,junior,L01,,A13\n"
                              "E003,,agent,junior,L02,,\n"
                              "L01,,shift_leader,,,D01,\n"
                              "L02,,shift_leader,,,D01,\n"
                              "D01,,department_director,,,C01,\n"
                              "C01,,center_director,,,,\n";

}  // namespace

TEST_SUITE("load_case: CSV lists") {
  TEST_CASE("a roster in CSV files is judged exactly as the same roster in YAML") {
    const temp_dir dir;
    const std::string rest = R"(requests:
  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-03-02T07:00, shifts: [S2]}
  - {id: R2, type: swap, employee: E001, counterpart: E002, give: S3, reason: clinic, form_filed: true,
     submitted_at: 2026-03-01T09:00, approvals: [{by: L01, at: 2026-03-01T10:00}]}
)";
    const std::string yaml = "period: {from: 2026-03-01, to: 2026-03-31}\n" + test::org + R"(
shifts:
  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00, kind: day, seat: A12}
  - {id: S2, employee: E001, start: 2026-03-03T08:00, end: 2026-03-03T17:00, kind: day}
  - {id: S3, employee: E001, start: 2026-03-04T21:00, end: 2026-03-05T08:00, kind: night}
  - {id: T1, employee: E002, start: 2026-03-02T08:00, end: 2026-03-02T17:00, kind: day}
punches:
  - {shift: S1, in: 2026-03-02T08:25, out: 2026-03-02T17:00}
  - {shift: T1, in: 2026-03-02T07:40}
away:
  - {employee: E002, from: 2026-03-02T10:00, to: 2026-03-02T10:45}
tickets:
  - {id: K1, receiver: E001, received_at: 2026-03-02T09:00, dispatched_at: 2026-03-02T10:40}
monitoring:
  - {agent: E001, inspector: L01, at: 2026-03-10T14:00}
)" + rest;
    const auto from_yaml = dir.load(yaml);
    dir.write("staff.csv", staff_csv);
    dir.write("roster.csv", "id,employee,start,end,kind,seat\n"
                            "S1,E001,2026-03-02T08:00,2026-03-02T17:00,day,A12\n"
                            "S2,E001,2026-03-03T08:00,2026-03-03T17:00,day,\n"
                            "S3,E001,2026-03-04T21:00,2026-03-05T08:00,night,\n"
                            "T1,E002,2026-03-02T08:00,2026-03-02T17:00,day,\n");
    dir.write("clock.csv", "shift,in,out\nS1,2026-03-02T08:25,2026-03-02T17:00\nT1,2026-03-02T07:40,\n");
    dir.write("away.csv", "employee,from,to\nE002,2026-03-02T10:00,2026-03-02T10:45\n");
    dir.write("tickets.csv", "id,receiver,received_at,dispatched_at\nK1,E001,2026-03-02T09:00,2026-03-02T10:40\n");
    dir.write("monitoring.csv", "agent,inspector,at\nE001,L01,2026-03-10T14:00\n");
    const auto from_csv = dir.load(R"(period: {from: 2026-03-01, to: 2026-03-31}
people: {file: staff.csv}
shifts: {file: roster.csv}
punches: {file: clock.csv}
away: {file: away.csv}
tickets: {file: tickets.csv}
monitoring: {file: monitoring.csv}
)" + rest);
    REQUIRE(from_csv.shifts.size() == 4);
    CHECK(from_csv.people[from_csv.find_person("E001")].name == "张三");
    CHECK(from_csv.people[from_csv.find_person("L01")].reports_to == from_csv.find_person("D01"));
    const auto verdict = json_of(from_yaml);
    CHECK(verdict.find("lateness") != std::string::npos);
    CHECK(json_of(from_csv) == verdict);
  }

  TEST_CASE("columns: renames the headers of a WFM export, and a column mapped to null is left out") {
    const temp_dir dir;
    dir.write("staff.csv", staff_csv);
    dir.write("roster.csv", "班次,工号,上班,下班,备注\n"
                            "S1,E001,2026-03-02T08:00,2026-03-02T17:00,早班\n");
    const auto c = dir.load(
        "people: {file: staff.csv}\nshifts: {file: roster.csv, columns: {班次: id, 工号: employee, 上班: start, 下班: "
        "end, 备注: null}}\n");
    REQUIRE(c.shifts.size() == 1);
    CHECK(c.shifts[c.find_shift("S1")].employee == c.find_person("E001"));
    CHECK(format_time_point(c.shifts[c.find_shift("S1")].start) == "2026-03-02T08:00");
  }

  TEST_CASE("a header named in columns: but missing from the file is an error at its place in the case") {
    const temp_dir dir;
    dir.write("staff.csv", staff_csv);
    dir.write("roster.csv", "id,工号,start,end\n");
    CHECK(
        dir.errors("people: {file: staff.csv}\nshifts: {file: roster.csv, columns: {工号: employee, 上版: start}}\n") ==
        strings{"case.yaml:2:56: column `上版` of `columns` is not in the header of `roster.csv`"});
  }

  TEST_CASE("two columns giving one field are an error at the header") {
    const temp_dir dir;
    dir.write("staff.csv", staff_csv);
    dir.write("roster.csv", "id,employee,上班,start,end\n");
    CHECK(dir.errors("people: {file: staff.csv}\nshifts: {file: roster.csv, columns: {上班: start}}\n") ==
          strings{"roster.csv:1:20: columns 3 and 4 both give the field `start`"});
  }

  TEST_CASE("a UTF-8 byte-order mark is skipped, and columns count from after it") {
    const temp_dir dir;
    dir.write("staff.csv", "\xEF\xBB\xBFid,role\nE001,agent\n");
    CHECK(dir.load("people: {file: staff.csv}\n").people.size() == 1);
    dir.write("staff.csv", "\xEF\xBB\xBFid,rol\nE001,agent\n");
    CHECK(dir.errors("people: {file: staff.csv}\n") ==
          strings{"staff.csv:1:4: unknown key `rol` in person `E001`: did you mean `role`?",
                  "staff.csv:2:1: missing key `role` in person `E001`"});
  }

  TEST_CASE("CRLF and CR line endings are line endings, and lines are counted across them") {
    const temp_dir dir;
    dir.write("staff.csv", "id,role\r\nE001,agent\r\nE002,agent\r\n");
    CHECK(dir.load("people: {file: staff.csv}\n").people.size() == 2);
    dir.write("staff.csv", "id,role,grade_since\rE001,agent,\rE002,agent,2026-13-01\r");
    CHECK(dir.errors("people: {file: staff.csv}\n") ==
          strings{"staff.csv:3:12: impossible date `2026-13-01` in `grade_since` of person `E002`"});
  }

  TEST_CASE("quoted cells hold commas, line breaks and doubled quotes") {
    const temp_dir dir;
    dir.write("staff.csv", "id,name,role\n"
                           "E001,\"Zhang, San \"\"Sunny\"\"\nsecond line\",agent\n"
                           "\"E002\",\"\",\"agent\"\n"
                           "E003,x,\n");
    // Lines are counted inside quotes, and columns from the line break there.
    CHECK(dir.errors("people: {file: staff.csv}\n") == strings{"staff.csv:5:1: missing key `role` in person `E003`"});
    dir.write("staff.csv", "id,name,role,grade_since\nE001,\"a\nbc\",agent,\"2026-02-30\"\n");
    CHECK(dir.errors("people: {file: staff.csv}\n") ==
          strings{"staff.csv:3:11: impossible date `2026-02-30` in `grade_since` of person `E001`"});
    dir.write("staff.csv", "id,name,role\n"
                           "E001,\"Zhang, San \"\"Sunny\"\"\r\nsecond line\",agent\n"
                           "\"E002\",\"\",\"agent\"\n");
    const auto c = dir.load("people: {file: staff.csv}\n");
    REQUIRE(c.people.size() == 2);
    CHECK(c.people[c.find_person("E001")].name == "Zhang, San \"Sunny\"\r\nsecond line");
    CHECK(c.people[c.find_person("E002")].name.empty());  // `""` is an empty cell: no name
  }

  TEST_CASE("GB18030 and GBK names come through as the right UTF-8") {
    const temp_dir dir;
    // 张三, 李四 and 㐀 (four bytes in GB18030, none in GBK), as Excel in Chinese saves them.
    dir.write("staff.csv",
              "id,name,role\nE001,\xD5\xC5\xC8\xFD,agent\nE002,\xC0\xEE\xCB\xC4,agent\nE003,\x81\x39\xEE\x39,agent\n");
    const auto c = dir.load("people: {file: staff.csv, encoding: gb18030}\n");
    CHECK(c.people[c.find_person("E001")].name == "张三");
    CHECK(c.people[c.find_person("E002")].name == "李四");
    CHECK(c.people[c.find_person("E003")].name == "㐀");
    dir.write("gbk.csv", "\xB9\xA4\xBA\xC5,name,role\nE001,\xD5\xC5\xC8\xFD,agent\n");  // 工号
    const auto g = dir.load("people: {file: gbk.csv, encoding: GBK, columns: {工号: id}}\n");
    CHECK(g.people[g.find_person("E001")].name == "张三");
  }

  TEST_CASE("bytes not valid in GB18030 are an error at their place in the CSV file, never garbled text") {
    const temp_dir dir;
    dir.write("staff.csv", "id,name,role\nE001,\xD5\xC5\xFF\xFE,agent\nE002,\"ab\n\x81\",agent\n");
    CHECK(dir.errors("people: {file: staff.csv, encoding: gb18030}\n") ==
          strings{"staff.csv:2:8: not valid gb18030 (byte 0xFF)",
                  "staff.csv:4:1: not valid gb18030 (a character cut off at the end of the cell, from byte 0x81)"});
    dir.write("staff.csv", "id,name,role\nE003,\x81\x39\xEE\x39,agent\n");
    CHECK(dir.errors("people: {file: staff.csv, encoding: gbk}\n") ==
          strings{"staff.csv:2:6: not valid gbk (byte 0x81 followed by 0x39)"});
  }

  TEST_CASE("invalid UTF-8 is an error at its place in the CSV file, saying how to give the encoding") {
    const temp_dir dir;
    dir.write("staff.csv", "id,name,role\nE001,\xD5\xC5\xC8\xFD,agent\nE002,ok,agent\n");
    CHECK(dir.errors("people: {file: staff.csv}\n") ==
          strings{"staff.csv:2:6: not valid UTF-8 (byte 0xD5): a CSV file is UTF-8 unless its `encoding` says "
                  "otherwise (`gb18030` for Excel in Chinese)"});
    dir.write("staff.csv", std::string("id,name,role\nE003,a\0b,agent\n", 28));
    CHECK(dir.errors("people: {file: staff.csv}\n") == strings{"staff.csv:2:7: a NUL byte: a CSV file is text"});
  }

  TEST_CASE("a UTF-8 file said to be GB18030 is an error at its first Chinese character, never garbled names") {
    const temp_dir dir;
    dir.write("staff.csv", "id,name,role\nE001,Li,agent\nE002,张三,agent\n");  // UTF-8, no byte-order mark
    CHECK(dir.errors("people: {file: staff.csv, encoding: gb18030}\n") ==
          strings{"staff.csv:3:6: the file is UTF-8 (every byte of it is), not gb18030: leave out its `encoding`"});
  }

  TEST_CASE("a file in another encoding than the case says is an error at its start") {
    const temp_dir dir;
    dir.write("staff.csv", "\xEF\xBB\xBFid,role\nE001,agent\n");
    CHECK(dir.errors("people: {file: staff.csv, encoding: gb18030}\n") ==
          strings{"staff.csv:1:1: the file starts with a UTF-8 byte-order mark: it is UTF-8, not gb18030 (leave out "
                  "its `encoding`)"});
    dir.write("staff.csv", std::string("\xFF\xFEi\0d\0", 6));
    CHECK(dir.errors("people: {file: staff.csv}\n") ==
          strings{"staff.csv:1:1: the file is UTF-16 (Excel's \"Unicode Text\"): save it as \"CSV UTF-8\""});
  }

  TEST_CASE("a row with more cells than the header is an error at the first extra cell") {
    const temp_dir dir;
    dir.write("staff.csv", "id,name,role\nE001,Zhang, San,agent\nE002,x,agent\n");
    CHECK(dir.errors("people: {file: staff.csv}\n") ==
          strings{"staff.csv:2:17: a row of 4 cells under a header of 3: a cell holding a comma is written in quotes "
                  "(`\"a, b\"`)"});
  }

  TEST_CASE("a row with fewer cells than the header lacks those fields") {
    const temp_dir dir;
    dir.write("staff.csv", "id,name,role\nE001\nE002,x,agent\n");
    CHECK(dir.errors("people: {file: staff.csv}\n") == strings{"staff.csv:2:1: missing key `role` in person `E001`"});
  }

  TEST_CASE("an empty cell is an absent field, not an empty text") {
    const temp_dir dir;
    dir.write("staff.csv", staff_csv);
    dir.write("roster.csv", "id,employee,start,end,kind\nS1,E001,2026-03-02T08:00,2026-03-02T17:00,\n");
    dir.write("clock.csv", "shift,in,out\nS1,,2026-03-02T17:00\n");
    const auto c = dir.load("people: {file: staff.csv}\nshifts: {file: roster.csv}\npunches: {file: clock.csv}\n");
    CHECK(c.shifts[c.find_shift("S1")].kind.empty());
    REQUIRE(c.punches.size() == 1);
    CHECK(!c.punches[0].in);
    CHECK(c.punches[0].out);
    dir.write("clock.csv", "shift,in,out\nS1,,\n");
    CHECK(dir.errors("people: {file: staff.csv}\nshifts: {file: roster.csv}\npunches: {file: clock.csv}\n") ==
          strings{"clock.csv:2:1: a punch needs `in`, `out` or both"});
  }

  TEST_CASE("blank lines and rows of empty cells are skipped") {
    const temp_dir dir;
    dir.write("staff.csv", "id,role\n\nE001,agent\n,\n\r\n\"\",\nE002,agent\n\n");
    CHECK(dir.load("people: {file: staff.csv}\n").people.size() == 2);
  }

  TEST_CASE("an unterminated quote is an error at the cell it opens") {
    const temp_dir dir;
    dir.write("staff.csv", "id,name,role\nE001,x,agent\nE002,\"Li, Si,agent\nE003,y,agent\n");
    CHECK(dir.errors("people: {file: staff.csv}\n") ==
          strings{"staff.csv:3:6: a quoted cell that is never closed: it runs from here to the end of the file (a "
                  "quote inside a cell is written `\"\"`)"});
  }

  TEST_CASE("text after a closing quote is an error at its place") {
    const temp_dir dir;
    dir.write("staff.csv", "id,name,role\nE001,\"Li\" Si,agent\n");
    CHECK(dir.errors("people: {file: staff.csv}\n") ==
          strings{"staff.csv:2:10: byte 0x20 after the closing quote of a cell: a quoted cell ends at its closing "
                  "quote (a quote inside it is written `\"\"`)"});
    // The first byte of a character is shown as a byte, never copied: the message stays UTF-8.
    dir.write("staff.csv", "id,name,role\nE001,\"Li\"\xc3\xa9,agent\n");
    CHECK(dir.errors("people: {file: staff.csv}\n") ==
          strings{"staff.csv:2:10: byte 0xC3 after the closing quote of a cell: a quoted cell ends at its closing "
                  "quote (a quote inside it is written `\"\"`)"});
    dir.write("staff.csv", "id,name,role\nE001,\"Li\"x,agent\n");
    CHECK(dir.errors("people: {file: staff.csv}\n").at(0).find(": `x` after the closing quote") != std::string::npos);
  }

  TEST_CASE("a file that cannot be read is an error at the case's `file`, saying why") {
    const temp_dir dir;
    CHECK(dir.errors("people: {file: staff.csv}\n") ==
          strings{"case.yaml:1:16: cannot read `staff.csv`, the file of `people`: No such file or directory"});
    fs::create_directory(dir.path("staff"));
    CHECK(dir.errors("people: {file: staff}\n") ==
          strings{"case.yaml:1:16: cannot read `staff`, the file of `people`: it is a directory, not a file"});
    dir.write("empty.csv", "");
    CHECK(dir.errors("people: {file: empty.csv}\n") ==
          strings{"empty.csv:1:1: the file is empty: a CSV file starts with a header row naming the fields"});
  }

  TEST_CASE("a relative file is found beside the case, and an absolute one where it is") {
    const temp_dir dir;
    fs::create_directory(dir.path("exports"));
    dir.write("exports/staff.csv", "id,role\nE001,\n");
    CHECK(dir.errors("people: {file: exports/staff.csv}\n") ==
          strings{"exports/staff.csv:2:1: missing key `role` in person `E001`"});
    dir.write("exports/staff.csv", "id,role\nE001,agent\n");
    CHECK(dir.load("people: {file: " + dir.path("exports/staff.csv") + "}\n").people.size() == 1);
  }

  TEST_CASE("a duplicate header is an error at its second place") {
    const temp_dir dir;
    dir.write("staff.csv", "id,name,role,name\nE001,x,agent,y\n");
    CHECK(dir.errors("people: {file: staff.csv}\n") ==
          strings{"staff.csv:1:14: column `name` is in the header twice (first in column 2)"});
  }

  TEST_CASE("a device or a pipe named as a list's file is an error, never read for ever") {
    const temp_dir dir;
    CHECK(dir.errors("people: {file: /dev/zero}\n") ==
          strings{"case.yaml:1:16: cannot read `/dev/zero`, the file of `people`: it is not a regular file"});
  }

  TEST_CASE("a case running past the calendars is warned about at the CSV line of its first such shift") {
    const temp_dir dir;
    dir.write("staff.csv", "id,role\nE001,agent\n");
    dir.write("roster.csv", "id,employee,start,end\nS1,E001,2026-03-02T08:00,2026-03-02T17:00\n"
                            "S2,E001,2031-03-03T08:00,2031-03-03T17:00\n");
    const auto c = dir.load("people: {file: staff.csv}\nshifts: {file: roster.csv}\n");
    const auto gap = detail::uncovered_calendar_years(test::shipped_policy(), c);
    REQUIRE(gap.has_value());
    CHECK(fs::path(gap->where.file).filename() == "roster.csv");
    CHECK(gap->where.line == 3);
    CHECK(gap->where.column == 1);
  }

  TEST_CASE("one record written without its `-` is not a list, not a file's spec") {
    CHECK(test::case_errors("people: {id: E1, role: agent}\n") ==
          strings{"case.yaml:1:9: `people` must be a list, or a mapping naming the `file` that holds it"});
  }

  TEST_CASE("an unknown key in the spec is an error with a did-you-mean hint") {
    const temp_dir dir;
    dir.write("staff.csv", staff_csv);
    CHECK(dir.errors("people: {file: staff.csv, encodng: gb18030}\n") ==
          strings{"case.yaml:1:27: unknown key `encodng` in `people`: did you mean `encoding`?"});
    CHECK(dir.errors("people: {file: staff.csv, encoding: gb1803}\n") ==
          strings{"case.yaml:1:37: unknown encoding `gb1803` of `people`: did you mean `gb18030`?"});
    CHECK(dir.errors("people: {files: staff.csv}\n") ==
          strings{"case.yaml:1:9: missing key `file` in `people`",
                  "case.yaml:1:10: unknown key `files` in `people`: did you mean `file`?"});
    CHECK(dir.errors("people: {file: staff.yaml}\n") ==
          strings{
              "case.yaml:1:16: `file` of `people` names `staff.yaml`: a list's own file is CSV (a header row naming "
              "the fields, then a row per record), not YAML or JSON"});
  }

  TEST_CASE("a record's problems are located in the CSV file") {
    const temp_dir dir;
    dir.write("staff.csv", staff_csv);
    dir.write("roster.csv",
              "id,employee,start,end\nS1,E001,2026-03-02T08:00,2026-03-02T17:00\nS2,E009,2026-03-02T25:00,"
              "2026-03-02T17:00\nS1,E002,2026-03-03T08:00,2026-03-03T17:00\n");
    CHECK(dir.errors("people: {file: staff.csv}\nshifts: {file: roster.csv}\n") ==
          strings{"roster.csv:3:4: `employee` of shift `S2` refers to `E009`, who is not among `people`: did you "
                  "mean `E001`?",
                  "roster.csv:3:9: impossible time of day `25:00` in `start` of shift `S2`",
                  "roster.csv:4:1: duplicate shift id `S1`"});
  }

  TEST_CASE("a name the policy does not know is located in the CSV file the record is in") {
    const temp_dir dir;
    dir.write("staff.csv", "id,role\nE001,agent\nE002,agnet\n");
    dir.write("roster.csv", "id,employee,start,end,kind\nS1,E001,2026-03-02T08:00,2026-03-02T17:00,dya\n");
    CHECK(dir.errors("people: {file: staff.csv}\nshifts: {file: roster.csv}\nperiod: {from: 2026-03-01, to: x}\n") ==
          strings{"case.yaml:3:32: `to` of `period` must be a date like `2026-03-02`, not `x`",
                  "staff.csv:3:1: unknown role `agnet` of `E002`: the policy `customer-service` knows `agent`, "
                  "`quality`, `callback`, `editorial`, `shift_leader`, `department_director`, `center_director`: "
                  "did you mean `agent`?",
                  "roster.csv:2:1: unknown shift kind `dya` of shift `S1`: the policy `customer-service` knows `day`, "
                  "`evening`, `night`: did you mean `day`?"});
  }

  TEST_CASE("an unknown column is reported once, at its header, not for every row") {
    const temp_dir dir;
    dir.write("staff.csv", "id,role,dept\nE001,agent,A\nE002,agent,B\nE003,agent,C\n");
    CHECK(dir.errors("people: {file: staff.csv}\n") ==
          strings{"staff.csv:1:9: unknown key `dept` in person `E001`: did you mean `seat`?"});
  }

  TEST_CASE("a leader not among the people is located in the people's file") {
    const temp_dir dir;
    dir.write("staff.csv", "id,role,leader\nE001,agent,L09\nL01,shift_leader,\n");
    CHECK(dir.errors("people: {file: staff.csv}\n") ==
          strings{"staff.csv:2:12: `leader` of person `E001` refers to `L09`, who is not among `people`"});
  }

  TEST_CASE("lists the caller names replace the case's own, or make a case without a case file") {
    const temp_dir dir;
    const auto staff = dir.write("staff.csv", staff_csv);
    const auto roster = dir.write("roster.csv", "id,employee,start,end\nS9,E002,2026-03-02T08:00,2026-03-02T17:00\n");
    const auto yaml = dir.write("case.yaml", test::org + test::roster);
    std::vector<load_issue> issues;
    const std::vector<section_file> files{{"shifts", roster}};
    const auto c = load_case(yaml, files, test::shipped_policy(), issues);
    CHECK(issues.empty());
    CHECK(c.shifts.size() == 1);  // the command line's roster, not the case's five shifts
    CHECK(c.find_shift("S9") != no_index);
    CHECK(c.has_section("shifts"));
    const std::vector<section_file> only{{"people", staff}, {"shifts", roster}};
    const auto d = load_case("", only, test::shipped_policy(), issues);
    CHECK(issues.empty());
    CHECK(d.people.size() == 7);
    CHECK(d.shifts.size() == 1);
    CHECK(json_of(d) == json_of(load_case("", only, test::shipped_policy(), issues)));
  }

  TEST_CASE("lists the caller names: their problems name their files") {
    const temp_dir dir;
    dir.write("staff.csv", staff_csv);
    CHECK(dir.errors("", {{"shift", dir.path("staff.csv")}}) ==
          strings{"staff.csv: `shift` is not a list of a case: did you mean `shifts`? (a CSV file holds `people`, "
                  "`shifts`, `punches`, `away`, `requests`, `assessments`, `tickets`, `callbacks`, `monitoring`, "
                  "`accounts`, `meetings`, `reports` or `trainings`)"});
    CHECK(dir.errors("", {{"people", dir.path("staff.csv")}, {"people", dir.path("more.csv")}}) ==
          strings{"more.csv: `people` is given twice: also by `staff.csv`"});
    CHECK(dir.errors("", {{"people", dir.path("none.csv")}}) ==
          strings{"none.csv: cannot read file: No such file or directory"});
    CHECK(dir.errors("", {{"people", dir.path("staff.csv"), "gb1803"}}) ==
          strings{"staff.csv: unknown encoding `gb1803` of `people`: did you mean `gb18030`?"});
    dir.write("gb.csv", "id,name,role\nE001,\xD5\xC5\xC8\xFD,agent\n");
    CHECK(dir.errors("", {{"people", dir.path("gb.csv")}}) ==
          strings{"gb.csv:2:6: not valid UTF-8 (byte 0xD5): a CSV file is UTF-8 unless `--encoding` says otherwise "
                  "(`gb18030` for Excel in Chinese)"});
    CHECK(dir.errors("", {{"people", dir.path("gb.csv"), "gb18030"}}).empty());
    dir.write("header.csv",
              "\xB9\xA4\xBA\xC5,name,role,\xB1\xB8\xD7\xA2\nE001,\xD5\xC5\xC8\xFD,agent,x\n");  // 工号, 备注
    CHECK(dir.errors("", {{"people", dir.path("header.csv"), "gb18030", {{"工号", "id"}, {"备注", ""}}}}).empty());
  }
}

// Hostile or careless files: one error at its place, in time linear in the file.
TEST_SUITE("load_case: hostile CSV") {
  TEST_CASE("a header of more than 1000 columns is an error at the first one too many") {
    const temp_dir dir;
    std::string header = "id";
    for (int i = 1; i < 100'000; ++i) header += ",c" + std::to_string(i);
    dir.write("staff.csv", header + "\n");
    const auto errors = dir.errors("people: {file: staff.csv}\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("staff.csv:1:") == 0);
    CHECK(errors[0].find(": the header has 100000 columns: a CSV file has at most 1000") != std::string::npos);
  }

  TEST_CASE("a row of 100,000 cells and a 20 MB line are read in linear time") {
    const temp_dir dir;
    std::string row = "E001,agent";
    for (int i = 0; i < 100'000; ++i) row += ",x";
    dir.write("staff.csv", "id,role\n" + row + "\nE002,\"" + std::string(std::size_t{20} << 20, 'a') + "\n");
    const auto start = std::chrono::steady_clock::now();
    const auto errors = dir.errors("people: {file: staff.csv}\n");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    CHECK(errors == strings{"staff.csv:2:12: a row of 100002 cells under a header of 2: a cell holding a comma is "
                            "written in quotes (`\"a, b\"`)",
                            "staff.csv:3:6: a quoted cell that is never closed: it runs from here to the end of the "
                            "file (a quote inside a cell is written `\"\"`)"});
  }

  TEST_CASE("after 100 problems the rest of the file is not read") {
    const temp_dir dir;
    std::string rows = "id,role\n";
    for (int i = 0; i < 10'000; ++i) rows += "E" + std::to_string(i) + "\n";
    dir.write("staff.csv", rows);
    const auto errors = dir.errors("people: {file: staff.csv}\n");
    REQUIRE(errors.size() == 101);
    CHECK(errors.back() == "staff.csv:101:1: too many problems in this file (100): reading stopped after line 101");
  }
}
