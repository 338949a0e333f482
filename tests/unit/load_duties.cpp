// The case's duty records (CONTRACT §1): `meetings`, `reports`, `trainings` and a person's `hired`
// date. Every field read right, from YAML, JSON and CSV alike; every mistake one error at its
// file, line and column, and nothing judged.
#include <rulebook/policy.hpp>

#include "support.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

using namespace rulebook;
using strings = std::vector<std::string>;
namespace fs = std::filesystem;

namespace {

// Five lines, so that a section written after it starts on line 6 and its first item is line 7.
const std::string staff = R"(people:
  - {id: E001, role: agent, grade: junior, leader: L01, hired: 2026-03-01}
  - {id: L01, role: shift_leader, reports_to: D01}
  - {id: L02, role: shift_leader, reports_to: D01}
  - {id: D01, role: department_director}
)";

// The VIP team, in the same five lines: its vocabulary knows `briefing` and `pre_job`.
const std::string vip_staff = R"(people:
  - {id: T01, role: team_leader}
  - {id: M01, role: account_manager, leader: T01, hired: 2026-02-24}
  - {id: M02, role: account_manager, leader: T01}
  - {id: M03, role: account_manager, leader: T01}
)";

auto strings_of(const std::vector<load_issue>& issues) -> strings {
  strings out;
  for (const auto& i : issues) out.push_back(to_string(i));
  return out;
}

// The issues of loading `text` as `file` under `p`, each as `file:line:column: message`. A case
// with issues must come back empty: nothing of it is judged.
auto errors(const std::string& text, const policy& p = test::shipped_policy(), const std::string& file = "case.yaml")
    -> strings {
  std::vector<load_issue> issues;
  const auto c = parse_case(file, text, p, issues);
  if (!issues.empty()) {
    INFO("a case with errors must be empty, so that nothing of it is judged");
    CHECK(c.people.empty());
    CHECK(c.shifts.empty());
    CHECK(c.meetings.empty());
    CHECK(c.reports.empty());
    CHECK(c.trainings.empty());
    CHECK(c.sections.empty());
  }
  return strings_of(issues);
}

// `text` loaded as `file`; every issue fails the test.
auto loaded(const std::string& text, const std::string& file = "case.yaml", const policy& p = test::shipped_policy())
    -> case_file {
  std::vector<load_issue> issues;
  auto c = parse_case(file, text, p, issues);
  for (const auto& i : issues) FAIL_CHECK(to_string(i));
  return c;
}

// The ids of `who`, in order.
auto ids(const case_file& c, const std::vector<person_index>& who) -> strings {
  strings out;
  for (const auto p : who) out.push_back(c.people[p].id);
  return out;
}

// What a report covers, as `unit first-day` (`month 2026-03-01`), or `none`.
auto covers(const report& r) -> std::string {
  if (!r.covers) return "none";
  const char* unit = r.covers->first == period_unit::month  ? "month"
                     : r.covers->first == period_unit::week ? "week"
                                                            : "day";
  return std::string(unit) + " " + format_date(r.covers->second);
}

// The duty records of a case as one line each, so two loads compare field by field and a
// difference shows which field it is.
auto duties(const case_file& c) -> strings {
  strings out;
  for (const auto& p : c.people) out.push_back("person " + p.id + " hired " + (p.hired ? format_date(*p.hired) : "-"));
  for (const auto& m : c.meetings) {
    std::string who;
    for (const auto& id : ids(c, m.attendees)) who += " " + id;
    out.push_back("meeting " + m.id + " " + m.type + " " + format_time_point(m.start) + " " + format_time_point(m.end) +
                  " chair " + c.people[m.chair].id + " attendees" + who);
  }
  for (const auto& r : c.reports) {
    out.push_back("report " + r.id + " " + r.type + " by " + c.people[r.by].id + " covers " + covers(r) +
                  " submitted " + format_time_point(r.submitted_at));
  }
  for (const auto& t : c.trainings) {
    out.push_back("training " + c.people[t.employee].id + " " + t.type + " " + format_time_point(t.completed_at) +
                  (t.passed ? " passed" : " failed"));
  }
  return out;
}

// A directory of its own for one test's files, removed afterwards (as in load_csv.cpp).
class temp_dir : public test::scratch_dir {
 public:
  temp_dir() : scratch_dir("rulebook-duties") {}
  // `case.yaml` holding `yaml` loaded with the lists `files`: its issues, this directory left out.
  auto load(const std::string& yaml, const std::vector<section_file>& files, case_file& c) const -> strings {
    std::vector<load_issue> issues;
    c = load_case(write("case.yaml", yaml), files, test::shipped_policy(), issues);
    strings out;
    const auto prefix = path_.string() + "/";
    for (auto s : strings_of(issues)) {
      for (auto at = s.find(prefix); at != std::string::npos; at = s.find(prefix)) s.erase(at, prefix.size());
      out.push_back(s);
    }
    return out;
  }
};

// One case with every duty field, in YAML; `every_duty_json` is the same case in JSON.
const std::string every_duty_yaml = staff + R"(meetings:
  - {id: MT1, type: team, start: 2026-03-02T17:00, end: 2026-03-02T17:45, chair: D01, attendees: [L02, L01, E001]}
  - {id: MT2, type: monthly, start: 2026-03-25T14:00, end: 2026-03-25T15:30, chair: D01, attendees: "L01 L02"}
  - {id: MT3, type: team, start: 2026-03-09T17:00, end: 2026-03-09T17:30, chair: L01}
reports:
  - {id: RP1, type: quality_analysis, by: L01, month: 2026-03, submitted_at: 2026-03-20T16:00}
  - {id: RP2, type: daily, by: L01, date: 2026-03-02, submitted_at: 2026-03-02T17:30}
  - {id: RP3, type: inspection, by: L02, week: 2026-03-02, submitted_at: 2026-03-06T17:30:15}
  - {id: RP4, type: satisfaction, by: L02, submitted_at: 2026-03-31T09:00}
trainings:
  - {employee: E001, type: pre_job, completed_at: 2026-02-27T17:00, passed: false}
  - {employee: E001, type: pre_job, completed_at: 2026-02-28T17:00, passed: true}
)";

const std::string every_duty_json = R"({
  "people": [
    {"id": "E001", "role": "agent", "grade": "junior", "leader": "L01", "hired": "2026-03-01"},
    {"id": "L01", "role": "shift_leader", "reports_to": "D01"},
    {"id": "L02", "role": "shift_leader", "reports_to": "D01"},
    {"id": "D01", "role": "department_director"}
  ],
  "meetings": [
    {"id": "MT1", "type": "team", "start": "2026-03-02T17:00", "end": "2026-03-02T17:45", "chair": "D01",
     "attendees": ["L02", "L01", "E001"]},
    {"id": "MT2", "type": "monthly", "start": "2026-03-25T14:00", "end": "2026-03-25T15:30", "chair": "D01",
     "attendees": "L01 L02"},
    {"id": "MT3", "type": "team", "start": "2026-03-09T17:00", "end": "2026-03-09T17:30", "chair": "L01"}
  ],
  "reports": [
    {"id": "RP1", "type": "quality_analysis", "by": "L01", "month": "2026-03", "submitted_at": "2026-03-20T16:00"},
    {"id": "RP2", "type": "daily", "by": "L01", "date": "2026-03-02", "submitted_at": "2026-03-02T17:30"},
    {"id": "RP3", "type": "inspection", "by": "L02", "week": "2026-03-02", "submitted_at": "2026-03-06T17:30:15"},
    {"id": "RP4", "type": "satisfaction", "by": "L02", "submitted_at": "2026-03-31T09:00"}
  ],
  "trainings": [
    {"employee": "E001", "type": "pre_job", "completed_at": "2026-02-27T17:00", "passed": false},
    {"employee": "E001", "type": "pre_job", "completed_at": "2026-02-28T17:00", "passed": true}
  ]
}
)";

const strings every_duty = {
    "person E001 hired 2026-03-01",
    "person L01 hired -",
    "person L02 hired -",
    "person D01 hired -",
    "meeting MT1 team 2026-03-02T17:00 2026-03-02T17:45 chair D01 attendees L02 L01 E001",
    "meeting MT2 monthly 2026-03-25T14:00 2026-03-25T15:30 chair D01 attendees L01 L02",
    "meeting MT3 team 2026-03-09T17:00 2026-03-09T17:30 chair L01 attendees",
    "report RP1 quality_analysis by L01 covers month 2026-03-01 submitted 2026-03-20T16:00",
    "report RP2 daily by L01 covers day 2026-03-02 submitted 2026-03-02T17:30",
    "report RP3 inspection by L02 covers week 2026-03-02 submitted 2026-03-06T17:30:15",
    "report RP4 satisfaction by L02 covers none submitted 2026-03-31T09:00",
    "training E001 pre_job 2026-02-27T17:00 failed",
    "training E001 pre_job 2026-02-28T17:00 passed",
};

}  // namespace

TEST_SUITE("load_case: meetings, reports and trainings") {
  // --- the happy path ---------------------------------------------------------------------------

  TEST_CASE("every field of a meeting, a report, a training record and a hired date is read") {
    const auto c = loaded(every_duty_yaml);
    CHECK(duties(c) == every_duty);
    REQUIRE(c.meetings.size() == 3);
    CHECK(ids(c, c.meetings[0].attendees) == strings{"L02", "L01", "E001"});  // in the order written
    CHECK(c.meetings[0].where.line == 7);
    CHECK(c.meetings[0].where.column == 5);
    REQUIRE(c.reports.size() == 4);
    CHECK(c.reports[0].covers == std::optional(std::pair(period_unit::month, date(2026, 3, 1))));
    CHECK(c.reports[1].covers == std::optional(std::pair(period_unit::day, date(2026, 3, 2))));
    CHECK(c.reports[2].covers == std::optional(std::pair(period_unit::week, date(2026, 3, 2))));
    CHECK_FALSE(c.reports[3].covers.has_value());
    CHECK(c.reports[2].submitted_at.time_of_day() == duration(17, 30, 15));  // seconds are kept
    REQUIRE(c.trainings.size() == 2);
    CHECK_FALSE(c.trainings[0].passed);
    CHECK(c.trainings[1].passed);
    CHECK(c.people[c.find_person("E001")].hired == std::optional(date(2026, 3, 1)));
    CHECK_FALSE(c.people[c.find_person("L01")].hired.has_value());
    CHECK(c.has_section("meetings"));
    CHECK(c.has_section("reports"));
    CHECK(c.has_section("trainings"));
  }

  TEST_CASE("attendees given as one text are split at spaces, commas, semicolons and tabs, in order") {
    for (const std::string text : {"\"L02 L01 E001\"", "\"L02,L01,E001\"", "\"L02; L01;E001\"", "\"L02\\tL01  E001\"",
                                   "\" L02 , L01 , E001 \""}) {
      CAPTURE(text);
      const auto c = loaded(staff +
                            "meetings:\n  - {id: MT1, type: team, start: 2026-03-02T17:00, "
                            "end: 2026-03-02T17:45, chair: D01, attendees: " +
                            text + "}\n");
      REQUIRE(c.meetings.size() == 1);
      CHECK(ids(c, c.meetings[0].attendees) == strings{"L02", "L01", "E001"});
    }
  }

  TEST_CASE("the same case in JSON gives the same model as in YAML") {
    CHECK(duties(loaded(every_duty_json, "case.json")) == every_duty);
    // And JSON read as YAML (JSON is YAML) too.
    CHECK(duties(loaded(every_duty_json, "case.yaml")) == every_duty);
  }

  TEST_CASE("a week named by its Monday is taken at the first and last years") {
    const auto c = loaded(staff + R"(reports:
  - {id: RP1, type: inspection, by: L01, week: 1900-01-01, submitted_at: 1900-01-05T17:00}
  - {id: RP2, type: inspection, by: L01, week: 2200-12-29, submitted_at: 2200-12-31T23:59}
  - {id: RP3, type: quality_analysis, by: L01, month: 2200-12, submitted_at: 2200-12-31T23:59}
)");
    CHECK(duties(c).back() == "report RP3 quality_analysis by L01 covers month 2200-12-01 submitted 2200-12-31T23:59");
    REQUIRE(c.reports.size() == 3);
    CHECK(covers(c.reports[0]) == "week 1900-01-01");
    CHECK(covers(c.reports[1]) == "week 2200-12-29");  // its week runs into 2201: still loaded
  }

  TEST_CASE("the VIP policy's training and meeting types are taken") {
    const auto c = loaded(vip_staff + R"(meetings:
  - {id: B1, type: briefing, start: 2026-02-24T08:30, end: 2026-02-24T08:45, chair: T01, attendees: "M01 M02"}
trainings:
  - {employee: M01, type: pre_job, completed_at: 2026-02-24T17:00, passed: true}
)",
                          "case.yaml", test::vip_policy());
    CHECK(duties(c) == strings{"person T01 hired -", "person M01 hired 2026-02-24", "person M02 hired -",
                               "person M03 hired -",
                               "meeting B1 briefing 2026-02-24T08:30 2026-02-24T08:45 chair T01 attendees M01 M02",
                               "training M01 pre_job 2026-02-24T17:00 passed"});
  }

  // --- meetings ---------------------------------------------------------------------------------

  TEST_CASE("a meeting chaired by someone not among the people is an error at the chair") {
    CHECK(errors(staff + "meetings:\n  - {id: MT1, type: team, start: 2026-03-02T17:00, end: 2026-03-02T17:45, "
                         "chair: D09, attendees: [L01]}\n") ==
          strings{"case.yaml:7:82: `chair` of meeting `MT1` refers to `D09`, who is not among `people`: did you "
                  "mean `D01`?"});
  }

  TEST_CASE("an attendee not among the people is an error at the attendee") {
    CHECK(errors(staff + "meetings:\n  - {id: MT1, type: team, start: 2026-03-02T17:00, end: 2026-03-02T17:45, "
                         "chair: D01, attendees: [L01, L03]}\n") ==
          strings{"case.yaml:7:104: attendee `L03` of meeting `MT1` is not among `people`"});
  }

  TEST_CASE("an attendee listed twice is an error at the second listing") {
    CHECK(errors(staff + "meetings:\n  - {id: MT1, type: team, start: 2026-03-02T17:00, end: 2026-03-02T17:45, "
                         "chair: D01, attendees: [L01, L01]}\n") ==
          strings{"case.yaml:7:104: attendee `L01` of meeting `MT1` is listed twice"});
  }

  TEST_CASE("attendees given as one text: an unknown or repeated id is an error at the text") {
    // The ids of one text share its place: the error is at the text, not at the id within it.
    CHECK(errors(staff + "meetings:\n  - {id: MT1, type: team, start: 2026-03-02T17:00, end: 2026-03-02T17:45, "
                         "chair: D01, attendees: \"L01 L03,L02;L01\"}\n") ==
          strings{"case.yaml:7:98: attendee `L03` of meeting `MT1` is not among `people`",
                  "case.yaml:7:98: attendee `L01` of meeting `MT1` is listed twice"});
  }

  TEST_CASE("attendees given as one plain text: an unknown or repeated id is an error at that id") {
    CHECK(errors(staff + R"(meetings:
  - id: MT1
    type: team
    start: 2026-03-02T17:00
    end: 2026-03-02T17:45
    chair: D01
    attendees: L01 L03 L01
)") == strings{"case.yaml:12:20: attendee `L03` of meeting `MT1` is not among `people`",
               "case.yaml:12:24: attendee `L01` of meeting `MT1` is listed twice"});
  }

  TEST_CASE("attendees given as a text of line breaks and full-width separators, as Excel writes them, are split") {
    const auto c = loaded(staff +
                          "meetings:\n  - {id: MT1, type: team, start: 2026-03-02T17:00, end: 2026-03-02T17:45, "
                          "chair: D01, attendees: \"L02\\r\\nL01、E001，\"}\n");
    REQUIRE(c.meetings.size() == 1);
    CHECK(ids(c, c.meetings[0].attendees) == strings{"L02", "L01", "E001"});
  }

  TEST_CASE("attendees given as a text that names nobody are an error, not an empty list") {
    CHECK(errors(staff + "meetings:\n  - {id: MT1, type: team, start: 2026-03-02T17:00, end: 2026-03-02T17:45, "
                         "chair: D01, attendees: \" , ; \"}\n") ==
          strings{
              "case.yaml:7:98: `attendees` of meeting `MT1` names nobody: give people's ids, or leave the key out"});
  }

  TEST_CASE("a quoted true is text, and the error says to drop the quotes") {
    CHECK(errors(staff + "trainings:\n  - {employee: E001, type: pre_job, completed_at: 2026-02-27T17:00, "
                         "passed: \"true\"}\n") ==
          strings{"case.yaml:7:77: `passed` of a training record must be `true` or `false` without quotes: quoted, "
                  "`true` is text"});
  }

  TEST_CASE("attendees that are not a list of ids are an error at them") {
    CHECK(errors(staff + "meetings:\n  - {id: MT1, type: team, start: 2026-03-02T17:00, end: 2026-03-02T17:45, "
                         "chair: D01, attendees: {L01: yes}}\n") ==
          strings{"case.yaml:7:98: `attendees` of meeting `MT1` must be a list of people's ids"});
    CHECK(errors(staff + "meetings:\n  - {id: MT1, type: team, start: 2026-03-02T17:00, end: 2026-03-02T17:45, "
                         "chair: D01, attendees: [[L01], null]}\n") ==
          strings{"case.yaml:7:99: an attendee of meeting `MT1` must be text, not a list",
                  "case.yaml:7:106: an attendee of meeting `MT1` must be text, not nothing"});
    CHECK(errors(staff + "meetings:\n  - {id: MT1, type: team, start: 2026-03-02T17:00, end: 2026-03-02T17:45, "
                         "chair: D01, attendees: null}\n") ==
          strings{"case.yaml:7:98: `attendees` of meeting `MT1` is null: give a list of people's ids or leave the "
                  "key out"});
  }

  TEST_CASE("a meeting that ends before it starts is an error at its end") {
    CHECK(errors(staff + "meetings:\n  - {id: MT1, type: team, start: 2026-03-02T17:00, end: 2026-03-02T16:45, "
                         "chair: D01}\n") == strings{"case.yaml:7:57: meeting `MT1` does not end after it starts"});
    // A meeting of no length at all is not taken either.
    CHECK(errors(staff + "meetings:\n  - {id: MT1, type: team, start: 2026-03-02T17:00, end: 2026-03-02T17:00, "
                         "chair: D01}\n")
              .size() == 1);
  }

  TEST_CASE("a duplicate meeting id is an error at the second one") {
    CHECK(errors(staff + "meetings:\n"
                         "  - {id: MT1, type: team, start: 2026-03-02T17:00, end: 2026-03-02T17:45, chair: D01}\n"
                         "  - {id: MT1, type: team, start: 2026-03-09T17:00, end: 2026-03-09T17:45, chair: D01}\n") ==
          strings{"case.yaml:8:10: duplicate meeting id `MT1`"});
  }

  TEST_CASE("a meeting missing its required keys is an error for each") {
    CHECK(errors(staff + "meetings:\n  - {id: MT1, type: team}\n") ==
          strings{"case.yaml:7:5: missing key `start` in meeting `MT1`",
                  "case.yaml:7:5: missing key `end` in meeting `MT1`",
                  "case.yaml:7:5: missing key `chair` in meeting `MT1`"});
  }

  TEST_CASE("an impossible time in a meeting names the impossible part") {
    CHECK(errors(staff + "meetings:\n  - {id: MT1, type: team, start: 2026-02-29T17:00, end: 2026-03-02T17:45, "
                         "chair: D01}\n") ==
          strings{"case.yaml:7:34: impossible date `2026-02-29` in `start` of meeting `MT1`"});
  }

  // --- reports ----------------------------------------------------------------------------------

  TEST_CASE("a duplicate report id is an error at the second one") {
    CHECK(errors(staff + "reports:\n"
                         "  - {id: RP1, type: daily, by: L01, date: 2026-03-02, submitted_at: 2026-03-02T17:30}\n"
                         "  - {id: RP1, type: daily, by: L01, date: 2026-03-03, submitted_at: 2026-03-03T17:30}\n") ==
          strings{"case.yaml:8:10: duplicate report id `RP1`"});
  }

  TEST_CASE("a report with no submitted_at is an error at the report") {
    CHECK(errors(staff + "reports:\n  - {id: RP1, type: daily, by: L01, date: 2026-03-02}\n") ==
          strings{"case.yaml:7:5: missing key `submitted_at` in report `RP1`"});
  }

  TEST_CASE("a report naming both a month and a week is an error at the second") {
    CHECK(errors(staff + "reports:\n  - {id: RP1, type: daily, by: L01, month: 2026-03, week: 2026-03-02, "
                         "submitted_at: 2026-03-03T17:30}\n") ==
          strings{"case.yaml:7:59: report `RP1` names both `month` and `week`: give the one period it covers"});
    CHECK(errors(staff + "reports:\n  - {id: RP1, type: daily, by: L01, week: 2026-03-02, date: 2026-03-02, "
                         "submitted_at: 2026-03-03T17:30}\n") ==
          strings{"case.yaml:7:61: report `RP1` names both `week` and `date`: give the one period it covers"});
  }

  TEST_CASE("a week that is not named by its Monday is an error naming its weekday") {
    CHECK(errors(staff + "reports:\n  - {id: RP1, type: inspection, by: L01, week: 2026-03-04, "
                         "submitted_at: 2026-03-06T17:30}\n") ==
          strings{"case.yaml:7:48: `week` of report `RP1` is 2026-03-04, a Wednesday: a week is named by its Monday"});
    CHECK(errors(staff + "reports:\n  - {id: RP1, type: inspection, by: L01, week: 2026-03-08, "
                         "submitted_at: 2026-03-06T17:30}\n") ==
          strings{"case.yaml:7:48: `week` of report `RP1` is 2026-03-08, a Sunday: a week is named by its Monday"});
    // 2200-12-31, the last day there is, is a Wednesday.
    CHECK(errors(staff + "reports:\n  - {id: RP1, type: inspection, by: L01, week: 2200-12-31, "
                         "submitted_at: 2200-12-31T17:30}\n") ==
          strings{"case.yaml:7:48: `week` of report `RP1` is 2200-12-31, a Wednesday: a week is named by its Monday"});
  }

  TEST_CASE("an impossible date in a report names the impossible part") {
    CHECK(errors(staff + "reports:\n  - {id: RP1, type: daily, by: L01, date: 2026-02-30, "
                         "submitted_at: 2026-03-03T17:30}\n") ==
          strings{"case.yaml:7:43: impossible date `2026-02-30` in `date` of report `RP1`"});
    CHECK(errors(staff + "reports:\n  - {id: RP1, type: quality_analysis, by: L01, month: 2026-13, "
                         "submitted_at: 2026-03-03T17:30}\n")
              .size() == 1);
    CHECK(errors(staff + "reports:\n  - {id: RP1, type: daily, by: L01, date: 20260302, "
                         "submitted_at: 2026-03-02T17:30}\n") ==
          strings{"case.yaml:7:43: `date` of report `RP1` must be a date like `2026-03-02`, not `20260302`"});
  }

  TEST_CASE("a report's period outside the years 1900 to 2200 is an error") {
    CHECK(errors(staff + "reports:\n  - {id: RP1, type: quality_analysis, by: L01, month: 2201-01, "
                         "submitted_at: 2200-03-03T17:30}\n") ==
          strings{"case.yaml:7:55: month `2201-01` in `month` of report `RP1` is out of range: years run from 1900 to "
                  "2200"});
    CHECK(errors(staff + "reports:\n  - {id: RP1, type: daily, by: L01, date: 1899-12-31, "
                         "submitted_at: 1900-01-01T00:00}\n") ==
          strings{"case.yaml:7:43: date `1899-12-31` in `date` of report `RP1` is out of range: years run from 1900 "
                  "to 2200"});
  }

  TEST_CASE("a report by someone not among the people is an error at `by`") {
    CHECK(errors(staff + "reports:\n  - {id: RP1, type: daily, by: L09, date: 2026-03-02, "
                         "submitted_at: 2026-03-02T17:30}\n") ==
          strings{"case.yaml:7:32: `by` of report `RP1` refers to `L09`, who is not among `people`: did you mean "
                  "`L01`?"});
  }

  // --- trainings --------------------------------------------------------------------------------

  TEST_CASE("a training record for nobody is an error") {
    SUBCASE("no employee") {
      CHECK(errors(staff + "trainings:\n  - {type: pre_job, completed_at: 2026-02-27T17:00, passed: true}\n") ==
            strings{"case.yaml:7:5: missing key `employee` in a training record"});
    }
    SUBCASE("an employee not among the people") {
      CHECK(errors(staff + "trainings:\n  - {employee: E009, type: pre_job, completed_at: 2026-02-27T17:00, "
                           "passed: true}\n") ==
            strings{"case.yaml:7:16: `employee` of a training record refers to `E009`, who is not among `people`: "
                    "did you mean `E001`?"});
    }
    SUBCASE("a null employee") {
      CHECK(errors(staff + "trainings:\n  - {employee: null, type: pre_job, completed_at: 2026-02-27T17:00, "
                           "passed: true}\n") ==
            strings{"case.yaml:7:16: `employee` of a training record is null: give the id of a person"});
    }
  }

  TEST_CASE("a training record with no `passed` is an error") {
    CHECK(errors(staff + "trainings:\n  - {employee: E001, type: pre_job, completed_at: 2026-02-27T17:00}\n") ==
          strings{"case.yaml:7:5: missing key `passed` in a training record"});
  }

  TEST_CASE("`passed: maybe` is a wrong type, not false") {
    CHECK(errors(staff + "trainings:\n  - {employee: E001, type: pre_job, completed_at: 2026-02-27T17:00, "
                         "passed: maybe}\n") ==
          strings{"case.yaml:7:77: `passed` of a training record must be `true` or `false`, not `maybe`"});
    CHECK(errors(staff + "trainings:\n  - {employee: E001, type: pre_job, completed_at: 2026-02-27T17:00, "
                         "passed: 1}\n") ==
          strings{"case.yaml:7:77: `passed` of a training record must be `true` or `false`, not `1`"});
  }

  // --- hired ------------------------------------------------------------------------------------

  TEST_CASE("an impossible or ill-formed hired date is an error at it") {
    CHECK(errors("people:\n  - {id: E001, role: agent, hired: 2026-02-30}\n") ==
          strings{"case.yaml:2:36: impossible date `2026-02-30` in `hired` of person `E001`"});
    CHECK(errors("people:\n  - {id: E001, role: agent, hired: 2026-03-01T08:00}\n") ==
          strings{"case.yaml:2:36: `hired` of person `E001` must be a date like `2026-03-02`, not "
                  "`2026-03-01T08:00`"});
    CHECK(errors("people:\n  - {id: E001, role: agent, hired: null}\n") ==
          strings{"case.yaml:2:36: `hired` of person `E001` is null: give a date or leave the key out"});
  }

  // --- the policy's vocabulary ------------------------------------------------------------------

  TEST_CASE("a meeting or report type the shipped policy does not know is an error with a hint") {
    CHECK(errors(staff + R"(reports:
  - {id: RP1, type: dialy, by: L01, date: 2026-03-02, submitted_at: 2026-03-02T17:30}
meetings:
  - {id: MT1, type: teem, start: 2026-03-02T17:00, end: 2026-03-02T17:45, chair: D01}
)") == strings{"case.yaml:7:5: unknown report type `dialy` of report `RP1`: the policy `customer-service` knows "
               "`quality_analysis`, `daily`, `inspection`, `satisfaction`: did you mean `daily`?",
               "case.yaml:9:5: unknown meeting type `teem` of meeting `MT1`: the policy `customer-service` knows "
               "`team`, `monthly`: did you mean `team`?"});
  }

  TEST_CASE("a training or meeting type the VIP policy does not know is an error with a hint") {
    CHECK(errors(vip_staff + R"(trainings:
  - {employee: M01, type: pre_jb, completed_at: 2026-02-24T17:00, passed: true}
meetings:
  - {id: B1, type: breifing, start: 2026-02-24T08:30, end: 2026-02-24T08:45, chair: T01}
)",
                 test::vip_policy()) ==
          strings{"case.yaml:7:5: unknown training type `pre_jb` of the training record of `M01`: the policy "
                  "`vip-account-managers` knows `pre_job`: did you mean `pre_job`?",
                  "case.yaml:9:5: unknown meeting type `breifing` of meeting `B1`: the policy `vip-account-managers` "
                  "knows `briefing`: did you mean `briefing`?"});
  }

  // --- unknown keys -----------------------------------------------------------------------------

  TEST_CASE("an unknown key in a meeting, a report or a training record is an error with a hint") {
    SUBCASE("a meeting") {
      CHECK(errors(staff + "meetings:\n  - {id: MT1, type: team, start: 2026-03-02T17:00, end: 2026-03-02T17:45, "
                           "chair: D01, atendees: [L01]}\n") ==
            strings{"case.yaml:7:87: unknown key `atendees` in meeting `MT1`: did you mean `attendees`?"});
    }
    SUBCASE("a report") {
      CHECK(errors(staff + "reports:\n  - {id: RP1, type: quality_analysis, by: L01, mnth: 2026-03, "
                           "submitted_at: 2026-03-20T16:00}\n") ==
            strings{"case.yaml:7:48: unknown key `mnth` in report `RP1`: did you mean `month`?"});
    }
    SUBCASE("a training record: the slip of a required key is also that key missing") {
      CHECK(errors(staff + "trainings:\n  - {employee: E001, type: pre_job, completed: 2026-02-27T17:00, "
                           "passed: true}\n") ==
            strings{"case.yaml:7:5: missing key `completed_at` in a training record",
                    "case.yaml:7:37: unknown key `completed` in a training record: did you mean `completed_at`?"});
    }
    SUBCASE("a person's hired date") {
      CHECK(errors("people:\n  - {id: E001, role: agent, hierd: 2026-03-01}\n") ==
            strings{"case.yaml:2:29: unknown key `hierd` in person `E001`: did you mean `hired`?"});
    }
    SUBCASE("the sections themselves") {
      CHECK(errors("meeting: []\n") ==
            strings{"case.yaml:1:1: unknown key `meeting` in the case file: did you mean `meetings`?"});
      CHECK(errors("training: []\n") ==
            strings{"case.yaml:1:1: unknown key `training` in the case file: did you mean `trainings`?"});
    }
  }

  TEST_CASE("a section that is not a list of mappings is an error at it") {
    CHECK(errors("meetings: MT1\n") ==
          strings{"case.yaml:1:11: `meetings` must be a list, or a mapping naming the `file` that holds it"});
    CHECK(errors("meetings: [null]\nreports: [~]\ntrainings: [5]\n") ==
          strings{"case.yaml:1:12: meeting must be a mapping of keys to values, not nothing",
                  "case.yaml:2:11: report must be a mapping of keys to values, not nothing",
                  "case.yaml:3:13: a training record must be a mapping of keys to values, not `5`"});
  }

  TEST_CASE("every mistake in the new sections is reported at once, in file order, and nothing is judged") {
    std::vector<load_issue> issues;
    const auto c = parse_case("case.yaml", staff + R"(meetings:
  - {id: MT1, type: team, start: 2026-03-02T17:00, end: 2026-03-02T16:00, chair: D01}
reports:
  - {id: RP1, type: inspection, by: L01, week: 2026-03-03, submitted_at: 2026-03-06T17:30}
trainings:
  - {employee: E001, type: pre_job, completed_at: 2026-02-27T17:00, passed: maybe}
)",
                              test::shipped_policy(), issues);
    CHECK(strings_of(issues) ==
          strings{"case.yaml:7:57: meeting `MT1` does not end after it starts",
                  "case.yaml:9:48: `week` of report `RP1` is 2026-03-03, a Tuesday: a week is named by its Monday",
                  "case.yaml:11:77: `passed` of a training record must be `true` or `false`, not `maybe`"});
    CHECK(c.people.empty());
    CHECK(c.meetings.empty());
    CHECK(c.reports.empty());
    CHECK(c.trainings.empty());
  }

  // --- CSV lists --------------------------------------------------------------------------------

  TEST_CASE("reports, trainings and meetings in CSV files load as the same records in YAML") {
    const temp_dir dir;
    const auto meetings = dir.write("meetings.csv", "id,type,start,end,chair,attendees\n"
                                                    "MT1,team,2026-03-02T17:00,2026-03-02T17:45,D01,L02 L01 E001\n"
                                                    "MT2,monthly,2026-03-25T14:00,2026-03-25T15:30,D01,\"L01,L02\"\n"
                                                    "MT3,team,2026-03-09T17:00,2026-03-09T17:30,L01,\n");
    const auto reports = dir.write("reports.csv", "id,type,by,month,week,date,submitted_at\n"
                                                  "RP1,quality_analysis,L01,2026-03,,,2026-03-20T16:00\n"
                                                  "RP2,daily,L01,,,2026-03-02,2026-03-02T17:30\n"
                                                  "RP3,inspection,L02,,2026-03-02,,2026-03-06T17:30:15\n"
                                                  "RP4,satisfaction,L02,,,,2026-03-31T09:00\n");
    const auto trainings = dir.write("trainings.csv", "employee,type,completed_at,passed\n"
                                                      "E001,pre_job,2026-02-27T17:00,false\n"
                                                      "E001,pre_job,2026-02-28T17:00,true\n");
    case_file c;
    CHECK(dir.load(staff, {{"meetings", meetings}, {"reports", reports}, {"trainings", trainings}}, c).empty());
    CHECK(duties(c) == every_duty);
    REQUIRE(c.reports.size() == 4);
    CHECK(c.file_of("reports") == reports);
    CHECK(c.reports[1].where.line == 3);  // the CSV row, header first
    SUBCASE("named by the case file itself") {
      case_file d;
      CHECK(dir.load(staff + "meetings: {file: meetings.csv}\nreports: {file: reports.csv}\n"
                             "trainings: {file: trainings.csv}\n",
                     {}, d)
                .empty());
      CHECK(duties(d) == every_duty);
    }
  }

  TEST_CASE("a bad cell in a CSV list of reports or trainings is an error at its place in the CSV file") {
    const temp_dir dir;
    const auto reports = dir.write("reports.csv", "id,type,by,month,week,date,submitted_at\n"
                                                  "RP1,quality_analysis,L01,2026-03,,,2026-03-20T16:00\n"
                                                  "RP2,daily,L01,,,2026-02-30,2026-03-02T17:30\n"
                                                  "RP3,inspection,L02,,2026-03-03,,2026-03-06T17:00\n"
                                                  "RP1,daily,L01,,,2026-03-03,2026-03-03T17:30\n"
                                                  "RP5,dialy,L01,,,2026-03-03,2026-03-03T17:30\n");
    const auto trainings = dir.write("trainings.csv", "employee,type,completed_at,passed\n"
                                                      "E001,pre_job,2026-02-27T17:00,maybe\n"
                                                      "E009,pre_job,2026-02-26T17:00,true\n"
                                                      "E001,pre_job,2026-02-26T17:00,\n");
    case_file c;
    CHECK(dir.load(staff, {{"reports", reports}, {"trainings", trainings}}, c) ==
          strings{"reports.csv:3:17: impossible date `2026-02-30` in `date` of report `RP2`",
                  "reports.csv:4:21: `week` of report `RP3` is 2026-03-03, a Tuesday: a week is named by its Monday",
                  "reports.csv:5:1: duplicate report id `RP1`",
                  "reports.csv:6:1: unknown report type `dialy` of report `RP5`: the policy `customer-service` knows "
                  "`quality_analysis`, `daily`, `inspection`, `satisfaction`: did you mean `daily`?",
                  "trainings.csv:2:31: `passed` of a training record must be `true` or `false`, not `maybe`",
                  "trainings.csv:3:1: `employee` of a training record refers to `E009`, who is not among `people`: "
                  "did you mean `E001`?",
                  "trainings.csv:4:1: missing key `passed` in a training record"});
    CHECK(c.people.empty());
    CHECK(c.reports.empty());
    CHECK(c.trainings.empty());
  }

  TEST_CASE("a hired date in a CSV list of people is read, and an impossible one located in it") {
    const temp_dir dir;
    const auto people = dir.write("staff.csv", "id,role,leader,reports_to,hired\n"
                                               "E001,agent,L01,,2026-03-01\n"
                                               "L01,shift_leader,,D01,\n"
                                               "D01,department_director,,,\n");
    case_file c;
    CHECK(dir.load("", {{"people", people}}, c).empty());
    CHECK(c.people[c.find_person("E001")].hired == std::optional(date(2026, 3, 1)));
    CHECK_FALSE(c.people[c.find_person("L01")].hired.has_value());
    const auto bad = dir.write("bad.csv", "id,role,hired\nE001,agent,2026-02-30\n");
    CHECK(dir.load("", {{"people", bad}}, c) ==
          strings{"bad.csv:2:12: impossible date `2026-02-30` in `hired` of person `E001`"});
    CHECK(c.people.empty());
  }

  // --- hostile input ----------------------------------------------------------------------------

  TEST_CASE("thousands of attendees, as a list, load in bounded time") {
    std::string yaml = "people:\n  - {id: D01, role: department_director}\n";
    std::string list;
    for (int i = 0; i < 3'000; ++i) {
      yaml += "  - {id: E" + std::to_string(10000 + i) + ", role: agent, reports_to: D01}\n";
      list += (i ? ", E" : "E") + std::to_string(10000 + i);
    }
    yaml += "meetings:\n  - {id: MT1, type: monthly, start: 2026-03-25T14:00, end: 2026-03-25T15:30, chair: D01, "
            "attendees: [" +
            list + "]}\n";
    const auto c = loaded(yaml);
    REQUIRE(c.meetings.size() == 1);
    CHECK(c.meetings[0].attendees.size() == 3'000);
  }

  // A CSV cell of a big meeting's attendees: split in linear time and memory (each id is one
  // small node; the duplicate check is a set). It once took 10 GB at 40,000 ids.
  TEST_CASE("attendees given as one text of 100,000 ids are all read") {
    constexpr int count = 100'000;
    std::string yaml = "people:\n  - {id: D01, role: department_director}\n";
    std::string text;
    for (int i = 0; i < count; ++i) {
      yaml += "  - {id: E" + std::to_string(100000 + i) + ", role: agent, reports_to: D01}\n";
      text += (i ? " E" : "E") + std::to_string(100000 + i);
    }
    yaml += "meetings:\n  - {id: MT1, type: monthly, start: 2026-03-25T14:00, end: 2026-03-25T15:30, chair: D01, "
            "attendees: \"" +
            text + "\"}\n";
    std::vector<load_issue> issues;
    const auto c = parse_case("case.yaml", yaml, test::shipped_policy(), issues);
    CHECK(issues.empty());
    REQUIRE(c.meetings.size() == 1);
    CHECK(c.meetings[0].attendees.size() == count);
  }

  TEST_CASE("null, numbers and empty text where names are expected are errors, never defaults") {
    CHECK(errors(staff + "meetings:\n  - {id: null, type: null, start: null, end: null, chair: null}\n") ==
          strings{"case.yaml:7:10: `id` of meeting is null: give a name",
                  "case.yaml:7:22: `type` of meeting is null: give a name",
                  "case.yaml:7:35: `start` of meeting is null: give a time like `2026-03-02T08:00`",
                  "case.yaml:7:46: `end` of meeting is null: give a time like `2026-03-02T08:00`",
                  "case.yaml:7:59: `chair` of meeting is null: give the id of a person"});
    CHECK(errors(staff + "reports:\n  - {id: RP1, type: daily, by: L01, month: null, submitted_at: "
                         "2026-03-02T17:30}\n") ==
          strings{"case.yaml:7:44: `month` of report `RP1` is null: give a month or leave the key out"});
    CHECK(errors(staff + "trainings:\n  - {employee: E001, type: \"\", completed_at: 2026-02-27T17:00, "
                         "passed: true}\n") ==
          strings{"case.yaml:7:28: `type` of a training record must be text, not an empty text"});
    CHECK(errors(staff + "meetings:\n  - {id: MT1, type: team, start: 20260302, end: 2026-03-02T17:45, "
                         "chair: D01}\n") ==
          strings{"case.yaml:7:34: `start` of meeting `MT1` must be a time like `2026-03-02T08:00`, not `20260302`"});
  }

  TEST_CASE("deeply nested values in the new sections stop at the nesting limit") {
    CHECK(errors(staff +
                 "meetings:\n  - {id: MT1, type: team, start: 2026-03-02T17:00, end: 2026-03-02T17:45, "
                 "chair: D01, attendees: " +
                 std::string(200, '[') + std::string(200, ']') + "}\n")
              .size() == 1);
    const auto nested = errors(R"({"people": [], "trainings": [{"passed": )" + std::string(200, '[') +
                                   std::string(200, ']') + "}]}",
                               test::shipped_policy(), "case.json");
    REQUIRE(nested.size() == 1);
    CHECK(nested[0].find(": nested too deep: lists and mappings nest at most 64 levels deep") != std::string::npos);
  }
}
