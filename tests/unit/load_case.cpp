// Bad case input: one clear `file:line:column: message` per problem, every problem at once, and
// nothing judged.
#include <rulebook/policy.hpp>

#include "read_calendar.hpp"
#include "support.hpp"

#include <chrono>
#include <future>
#include <memory>
#include <optional>
#include <thread>

using namespace rulebook;
using test::case_errors;
using strings = std::vector<std::string>;

namespace {
const std::string two = R"(people:
  - {id: E001, role: agent, grade: junior, leader: L01}
  - {id: L01, role: shift_leader}
)";

auto strings_of(const std::vector<load_issue>& issues) -> strings {
  strings out;
  for (const auto& i : issues) out.push_back(to_string(i));
  return out;
}

// The errors of loading `yaml` as a case, or nothing when that takes longer than `seconds`. The
// load runs on a thread of its own, left behind if it never returns: a regression to a hang fails
// the test instead of hanging the suite (the test program exits all the same).
auto case_errors_within(int seconds, std::string yaml) -> std::optional<strings> {
  const auto& p = test::shipped_policy();  // loaded here, not on the thread
  auto done = std::make_shared<std::promise<strings>>();
  auto result = done->get_future();
  std::thread([done, yaml = std::move(yaml), &p] {
    std::vector<load_issue> issues;
    (void)parse_case("case.yaml", yaml, p, issues);
    done->set_value(strings_of(issues));
  }).detach();
  if (result.wait_for(std::chrono::seconds(seconds)) != std::future_status::ready) {
    FAIL_CHECK("loading the case did not finish within " << seconds << " s");
    return std::nullopt;
  }
  return result.get();
}
}  // namespace

TEST_SUITE("load_case") {
  TEST_CASE("an unknown key is an error with a did-you-mean hint") {
    CHECK(case_errors("people:\n  - {id: E001, role: agent, leadr: L01}\n  - {id: L01, role: shift_leader}\n") ==
          strings{"case.yaml:2:29: unknown key `leadr` in person `E001`: did you mean `leader`?"});
    CHECK(case_errors("poeple: []\n") ==
          strings{"case.yaml:1:1: unknown key `poeple` in the case file: did you mean `people`?"});
  }
  TEST_CASE("a wrong type is an error") {
    SUBCASE("text where a list is expected") {
      CHECK(case_errors("people: E001\n") ==
            strings{"case.yaml:1:9: `people` must be a list, or a mapping naming the `file` that holds it"});
    }
    SUBCASE("yes where a boolean is expected") {
      CHECK(case_errors(two + "shifts:\n  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00}\n"
                              "  - {id: S2, employee: L01, start: 2026-03-03T08:00, end: 2026-03-03T17:00}\n"
                              "requests:\n  - {id: R1, type: swap, employee: E001, counterpart: L01, give: S1, "
                              "submitted_at: 2026-03-01T09:00, form_filed: yes}\n") ==
            strings{"case.yaml:8:114: `form_filed` must be `true` or `false`, not `yes`"});
    }
    SUBCASE("a number where a time is expected") {
      CHECK(case_errors(two + "shifts:\n  - {id: S1, employee: E001, start: 8, end: 2026-03-02T17:00}\n") ==
            strings{"case.yaml:5:37: `start` of shift `S1` must be a time like `2026-03-02T08:00`, not `8`"});
    }
  }
  TEST_CASE("an impossible date or time names the impossible part") {
    CHECK(case_errors(two +
                      "shifts:\n  - {id: S1, employee: E001, start: 2026-02-30T08:00, end: 2026-03-02T17:00}\n") ==
          strings{"case.yaml:5:37: impossible date `2026-02-30` in `start` of shift `S1`"});
    CHECK(case_errors(two +
                      "shifts:\n  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T25:00}\n") ==
          strings{"case.yaml:5:60: impossible time of day `25:00` in `end` of shift `S1`"});
    CHECK(case_errors("period: {from: 2026-03-01, to: 2026-02-29}\n") ==
          strings{"case.yaml:1:32: impossible date `2026-02-29` in `to` of `period`"});
  }
  TEST_CASE("a shift or away period that ends before it starts is an error") {
    CHECK(case_errors(two +
                      "shifts:\n  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T08:00}\n") ==
          strings{"case.yaml:5:60: shift `S1` ends at 2026-03-02T08:00, not after it starts at 2026-03-02T08:00"});
    CHECK(case_errors(two + "away:\n  - {employee: E001, from: 2026-03-02T10:00, to: 2026-03-02T09:00}\n") ==
          strings{"case.yaml:5:50: away period ends before it starts"});
  }
  TEST_CASE("a reference to someone or something that does not exist is an error at the reference") {
    SUBCASE("a shift's employee") {
      CHECK(case_errors(two +
                        "shifts:\n  - {id: S1, employee: E002, start: 2026-03-02T08:00, end: 2026-03-02T17:00}\n") ==
            strings{"case.yaml:5:24: `employee` of shift `S1` refers to `E002`, who is not among `people`: did you "
                    "mean `E001`?"});
    }
    SUBCASE("a leader") {
      CHECK(case_errors("people:\n  - {id: E001, role: agent, leader: L09}\n") ==
            strings{"case.yaml:2:37: `leader` of person `E001` refers to `L09`, who is not among `people`"});
    }
    SUBCASE("a punch's shift") {
      CHECK(case_errors(two + "punches:\n  - {shift: S9, in: 2026-03-02T08:00}\n") ==
            strings{"case.yaml:5:13: `shift` of a punch refers to shift `S9`, which is not among `shifts`"});
    }
    SUBCASE("an approver and a leave's shift") {
      CHECK(case_errors(
                two +
                "requests:\n  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, "
                "submitted_at: 2026-03-01T09:00, shifts: [S9], approvals: [{by: D09, at: 2026-03-01T10:00}]}\n") ==
            strings{"case.yaml:5:120: a shift of request `R1` refers to shift `S9`, which is not among `shifts`",
                    "case.yaml:5:142: `by` of an approval of request `R1` refers to `D09`, who is not among `people`: "
                    "did you mean `L01`?"});
    }
  }
  TEST_CASE("a duplicate id is an error at the second one") {
    CHECK(case_errors(two + "  - {id: E001, role: agent}\n") == strings{"case.yaml:4:10: duplicate person id `E001`"});
    CHECK(case_errors(two + "shifts:\n  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00}\n"
                            "  - {id: S1, employee: E001, start: 2026-03-03T08:00, end: 2026-03-03T17:00}\n") ==
          strings{"case.yaml:6:10: duplicate shift id `S1`"});
    CHECK(
        case_errors(
            two +
            "shifts:\n  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00}\n"
            "requests:\n"
            "  - {id: R1, type: leave, kind: sick, employee: E001, submitted_by: E001, submitted_at: 2026-03-01T09:00, shifts: [S1]}\n"
            "  - {id: R1, type: leave, kind: sick, employee: E001, submitted_by: E001, submitted_at: 2026-03-01T09:00, shifts: [S1]}\n") ==
        strings{"case.yaml:8:10: duplicate request id `R1`"});
    CHECK(case_errors("people: [{id: E001, id: E002, role: agent}]\n") ==
          strings{"case.yaml:1:21: duplicate key `id`"});
    CHECK(case_errors(two + "tickets:\n  - {id: T1, receiver: E001, received_at: 2026-03-02T09:00}\n"
                            "  - {id: T2, receiver: E001, received_at: 2026-03-02T09:30}\n"
                            "  - {id: T1, receiver: E001, received_at: 2026-03-02T10:00}\n") ==
          strings{"case.yaml:7:10: duplicate ticket id `T1`"});
    CHECK(case_errors(two + "callbacks:\n  - {case: C1, agent: E001, resolved_at: 2026-03-02T12:00}\n"
                            "  - {case: C1, agent: E001, resolved_at: 2026-03-03T12:00}\n") ==
          strings{"case.yaml:6:12: duplicate callback case `C1`"});
  }
  TEST_CASE("a cycle in the chain of command is an error naming the cycle") {
    CHECK(case_errors("people:\n  - {id: L01, role: shift_leader, reports_to: D01}\n"
                      "  - {id: D01, role: department_director, reports_to: L01}\n") ==
          strings{"case.yaml:3:5: the chain of command is a cycle: D01 → L01 → D01"});
  }
  TEST_CASE("a person with both a leader and reports_to is an error") {
    CHECK(
        case_errors(
            "people:\n  - {id: E001, role: agent, leader: L01, reports_to: L01}\n  - {id: L01, role: shift_leader}\n") ==
        strings{"case.yaml:2:54: person `E001` has both `leader` and `reports_to`: give one"});
  }
  TEST_CASE("a name the policy does not know is an error") {
    CHECK(case_errors("people: [{id: E001, role: agnet}]\n") ==
          strings{"case.yaml:1:10: unknown role `agnet` of `E001`: the policy `customer-service` knows `agent`, "
                  "`quality`, `callback`, `editorial`, `shift_leader`, `department_director`, `center_director`: did "
                  "you mean `agent`?"});
    CHECK(case_errors(
              two +
              "shifts:\n  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00, kind: nigth}\n") ==
          strings{"case.yaml:5:5: unknown shift kind `nigth` of shift `S1`: the policy `customer-service` knows `day`, "
                  "`evening`, `night`: did you mean `night`?"});
    CHECK(case_errors(two + "shifts:\n  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00}\n"
                            "requests:\n  - {id: R1, type: leave, kind: personel, employee: E001, submitted_by: E001, "
                            "submitted_at: 2026-03-01T09:00, shifts: [S1]}\n") ==
          strings{"case.yaml:7:5: unknown leave kind `personel` of request `R1`: the policy `customer-service` knows "
                  "`personal`, `personal_special`, `sick`, `sick_emergency`, `business`: did you mean `personal`?"});
  }
  TEST_CASE("a leave naming a shift of someone else's is an error") {
    CHECK(case_errors(two + "shifts:\n  - {id: S1, employee: L01, start: 2026-03-02T08:00, end: 2026-03-02T17:00}\n"
                            "requests:\n  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, "
                            "submitted_at: 2026-03-01T09:00, shifts: [S1]}\n") ==
          strings{"case.yaml:7:5: leave `R1` names shift `S1` as `E001`'s, but it is `L01`'s"});
  }
  TEST_CASE("a leave names either shifts or a time range") {
    const auto base =
        two + "shifts:\n  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00}\nrequests:\n";
    CHECK(case_errors(base + "  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, "
                             "submitted_at: 2026-03-01T09:00}\n") ==
          strings{"case.yaml:7:5: request `R1` names either `shifts` or a `from`/`to` time range"});
    CHECK(case_errors(
              base + "  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, "
                     "submitted_at: 2026-03-01T09:00, shifts: [S1], from: 2026-03-02T00:00, to: 2026-03-03T00:00}\n") ==
          strings{"case.yaml:7:5: request `R1` names either `shifts` or a `from`/`to` time range"});
  }
  TEST_CASE("punches recorded twice for one shift are an error") {
    CHECK(case_errors(two +
                      "shifts:\n  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00}\n"
                      "punches:\n  - {shift: S1, in: 2026-03-02T08:00}\n  - {shift: S1, out: 2026-03-02T17:00}\n") ==
          strings{"case.yaml:8:5: shift `S1` has punches recorded twice"});
  }
  TEST_CASE("a YAML syntax error is reported at its place") {
    CHECK(case_errors("people: [{id: E001, role: agent\n") ==
          strings{"case.yaml:2:1: not valid YAML: end of map flow not found"});
  }
  TEST_CASE("every problem is reported at once, in file order, and nothing is judged") {
    std::vector<load_issue> issues;
    const auto c = parse_case(
        "case.yaml",
        two + "shifts:\n  - {id: S1, employee: E009, start: 2026-03-02T08:00, end: 2026-03-02T17:00}\n"
              "  - {id: S2, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T07:00}\n",
        test::shipped_policy(), issues);
    REQUIRE(issues.size() == 2);
    CHECK(issues[0].where.line == 5);
    CHECK(issues[1].where.line == 6);
    CHECK(c.people.empty());
    CHECK(c.shifts.empty());
  }
  TEST_CASE("JSON is accepted as is, and its errors have positions too") {
    const auto c = test::case_of(R"({"people": [{"id": "E001", "role": "agent"}],
 "shifts": [{"id": "S1", "employee": "E001", "start": "2026-03-02T08:00", "end": "2026-03-02T17:00"}]})");
    CHECK(c.shifts.size() == 1);
    CHECK(case_errors(R"({"people": [{"id": "E001", "role": "agent", "grade": 3}]})") ==
          strings{"case.yaml:1:13: unknown grade `3` of `E001`: the policy `customer-service` knows `junior`, "
                  "`intermediate`, `senior`"});
  }
  TEST_CASE("a case file that cannot be read is one error naming it, and why") {
    std::vector<load_issue> issues;
    (void)load_case("no/such/case.yaml", test::shipped_policy(), issues);
    REQUIRE(issues.size() == 1);
    CHECK(to_string(issues[0]) == "no/such/case.yaml: cannot read file: No such file or directory");
    CHECK_THROWS_AS((void)load_case("no/such/case.yaml", test::shipped_policy()), load_error);
  }
  TEST_CASE("a directory given as the case is an error, not an empty case") {
    std::vector<load_issue> issues;
    const std::string dir = std::string(RULEBOOK_SOURCE_DIR) + "/examples";
    (void)load_case(dir, test::shipped_policy(), issues);
    CHECK(strings_of(issues) == strings{dir + ": cannot read file: it is a directory, not a file"});
  }
}

// Hostile or careless input: each gets one error at its place, in bounded time, and nothing is
// judged. The inputs that used to hang or take minutes run on a thread of their own, so that a
// regression fails its test instead of hanging the suite.
TEST_SUITE("load_case: hostile input") {
  TEST_CASE("a comma after a JSON document is an error, not a hang") {
    CHECK(case_errors_within(10, R"({"people": []},)") ==
          strings{"case.yaml:1:15: `,` after the end of the document: a file holds exactly one YAML or JSON document"});
    CHECK(case_errors_within(10, R"({"people": []}
,
)") == strings{"case.yaml:2:1: `,` after the end of the document: a file holds exactly one YAML or JSON document"});
  }
  TEST_CASE("a file holding only a comma is an error, not a hang") {
    CHECK(case_errors_within(10, ",") ==
          strings{"case.yaml:1:1: `,` after the end of the document: a file holds exactly one YAML or JSON document"});
  }
  TEST_CASE("a second YAML document is an error at its start") {
    CHECK(case_errors_within(10, "people: []\n---\npeople: []\n") ==
          strings{
              "case.yaml:2:1: `---` after the end of the document: a file holds exactly one YAML or JSON document"});
    CHECK(case_errors_within(10, "people: []\n...\nshifts: []\n") ==
          strings{"case.yaml:3:1: `shifts:` after the end of the document: a file holds exactly one YAML or JSON "
                  "document"});
  }
  TEST_CASE("an empty file or one holding only a comment is an empty case") {
    CHECK(case_errors_within(10, "").value().empty());
    CHECK(case_errors_within(10, "# nothing yet\n").value().empty());
  }
  TEST_CASE("an alias bomb stops at the alias budget instead of growing to gigabytes") {
    const std::string bomb = R"(a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
)";
    CHECK(case_errors_within(10, bomb) ==
          strings{"case.yaml:5:4: anchor `&e` makes the file too big: its anchors and aliases may copy at most "
                  "100000 nodes"});
    // The same with the anchors' values written once and used by aliases only.
    const std::string aliases_only = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
                                     "b: [" +
                                     [] {
                                       std::string items;
                                       for (int i = 0; i < 20'000; ++i) items += i ? ", *a" : "*a";
                                       return items;
                                     }() +
                                     "]\n";
    const auto errors = case_errors_within(10, aliases_only);
    REQUIRE(errors);
    REQUIRE(errors->size() == 1);
    CHECK((*errors)[0].find("case.yaml:2:") == 0);
    CHECK((*errors)[0].find(": alias `*a` makes the file too big: its anchors and aliases may copy at most ") !=
          std::string::npos);
  }
  TEST_CASE("aliases a roster uses in earnest stay within the budget") {
    std::string yaml = "people:\n  - &agent {id: E000, role: agent, grade: junior}\n";
    for (int i = 1; i < 2'000; ++i) yaml += "  - {<<: *agent, id: E" + std::to_string(1000 + i) + "}\n";
    CHECK(case_errors_within(10, yaml).value().empty());
  }
  TEST_CASE("nesting deeper than 64 levels is an error where it goes too deep, not a bad file") {
    CHECK(case_errors_within(10, "people: " + std::string(500, '[') + std::string(500, ']') + "\n") ==
          strings{"case.yaml:1:72: nested too deep: lists and mappings nest at most 64 levels deep"});
    std::string block;
    for (int i = 0; i < 500; ++i) block += std::string(2 * static_cast<std::size_t>(i), ' ') + "k:\n";
    CHECK(case_errors_within(10, block) ==
          strings{"case.yaml:65:129: nested too deep: lists and mappings nest at most 64 levels deep"});
    // An alias does not nest deeper than its anchor would.
    CHECK(case_errors_within(10, "a: &a " + std::string(60, '[') + std::string(60, ']') + "\nb: [[[[[[*a]]]]]]\n") ==
          strings{"case.yaml:2:10: nested too deep: lists and mappings nest at most 64 levels deep"});
  }
  TEST_CASE("a mapping with 100,000 keys is read in linear time") {
    std::string yaml = "people:\n  - id: E001\n    role: agent\n";
    for (int i = 0; i < 100'000; ++i) yaml += "    k" + std::to_string(i) + ": v\n";
    // About 1 s in a release build, 5 s with sanitizers; it took 34 s when lookups were quadratic.
    const auto errors = case_errors_within(20, yaml);
    REQUIRE(errors);
    REQUIRE(errors->size() == 100'000);
    CHECK(errors->front() == "case.yaml:4:5: unknown key `k0` in person `E001`: did you mean `id`?");
    CHECK(errors->back() == "case.yaml:100003:5: unknown key `k99999` in person `E001`");
    std::string dup = "{\"people\": []";
    for (int i = 0; i < 100'000; ++i) dup += ", \"k" + std::to_string(i) + "\": 1";
    dup += ", \"k0\": 2}";
    const auto dup_errors = case_errors_within(20, dup);
    REQUIRE(dup_errors);
    CHECK(dup_errors->front().find(": duplicate key `k0`") != std::string::npos);
  }
  TEST_CASE("an unknown 1 MB id among 5,000 people is reported at once, with no hint") {
    std::string yaml = "people:\n";
    for (int i = 0; i < 4'999; ++i) yaml += "  - {id: E" + std::to_string(10000 + i) + ", role: agent}\n";
    const std::string id(1'000'000, 'E');
    yaml += "shifts:\n  - {id: S1, employee: " + id + ", start: 2026-03-02T08:00, end: 2026-03-02T17:00}\n";
    CHECK(case_errors_within(10, yaml) ==
          strings{"case.yaml:5002:24: `employee` of shift `S1` refers to `" + id + "`, who is not among `people`"});
    // A short one still gets its hint.
    CHECK(case_errors_within(10, two + "shifts:\n  - {id: S1, employee: E01, start: 2026-03-02T08:00, "
                                       "end: 2026-03-02T17:00}\n") ==
          strings{"case.yaml:5:24: `employee` of shift `S1` refers to `E01`, who is not among `people`: did you "
                  "mean `E001`?"});
  }
  TEST_CASE("a year whose arithmetic could overflow is an error at load, not an internal error") {
    CHECK(case_errors(two + "callbacks:\n  - {case: C1, agent: E001, resolved_at: 9999-12-29T00:00}\n") ==
          strings{"case.yaml:5:42: time `9999-12-29T00:00` in `resolved_at` of callback case is out of range: years "
                  "run from 1900 to 2200"});
    SUBCASE("every date, time and month of a case is bounded") {
      const std::vector<std::pair<std::string, std::string>> fields = {
          {"period: {from: 1899-12-31, to: 2026-03-31}\n", "date `1899-12-31` in `from` of `period`"},
          {"calendar: {holidays: [{date: 2201-05-01, name: x}]}\n", "date `2201-05-01` in a holiday"},
          {"calendar: {workdays: [2201-05-09]}\n", "date `2201-05-09` in an adjusted working day"},
          {"shifts:\n  - {id: S1, employee: E001, start: 2201-03-02T08:00, end: 2026-03-02T17:00}\n",
           "time `2201-03-02T08:00` in `start` of shift `S1`"},
          {"away:\n  - {employee: E001, from: 1400-03-02T10:00, to: 2026-03-02T10:30}\n",
           "time `1400-03-02T10:00` in `from` of an away period"},
          {"assessments:\n  - {employee: E001, month: 9999-12, typing_cpm: 50, exam_passed: true}\n",
           "month `9999-12` in `month` of an assessment"},
          {"tickets:\n  - {id: T1, receiver: E001, received_at: 2026-03-02T09:00, dispatched_at: 9999-12-31T23:59}\n",
           "time `9999-12-31T23:59` in `dispatched_at` of ticket `T1`"},
          {"monitoring:\n  - {agent: E001, inspector: L01, at: 0001-01-01T00:00}\n",
           "time `0001-01-01T00:00` in `at` of a monitoring session"},
          {"people:\n  - {id: E002, role: agent, grade_since: 9999-01-01}\n",
           "date `9999-01-01` in `grade_since` of person `E002`"},
          {"requests:\n  - {id: R1, type: promotion, employee: E001, to_grade: intermediate, "
           "submitted_at: 9999-12-31T08:00}\n",
           "time `9999-12-31T08:00` in `submitted_at` of request `R1`"},
      };
      for (const auto& [yaml, what] : fields) {
        CAPTURE(yaml);
        const auto errors = case_errors(yaml.rfind("people:", 0) == 0 ? yaml : two + yaml);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].find(": " + what + " is out of range: years run from 1900 to 2200") != std::string::npos);
      }
    }
    SUBCASE("the first and last years are accepted") {
      CHECK(case_errors(two + "callbacks:\n  - {case: C1, agent: E001, resolved_at: 2200-12-31T23:59, "
                              "attempts: [{at: 2200-12-31T23:59, reached: true}]}\n"
                              "period: {from: 1900-01-01, to: 2200-12-31}\n")
                .empty());
    }
  }
  TEST_CASE("an explicit null for a value is an error, not taken as absent") {
    const auto base = two + "shifts:\n  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00}\n";
    CHECK(case_errors(base + "punches:\n  - {shift: S1, in: null, out: 2026-03-02T17:00}\n") ==
          strings{"case.yaml:7:21: `in` of a punch is null: give a time like `2026-03-02T08:00` or leave the key out"});
    CHECK(case_errors(base + "requests:\n  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, "
                             "submitted_at: 2026-03-01T09:00, shifts: null}\n") ==
          strings{"case.yaml:7:119: `shifts` of request `R1` is null: give a list of shifts or leave the key out"});
    CHECK(case_errors(base + "requests:\n  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, "
                             "submitted_at: 2026-03-01T09:00, from: ~, to: 2026-03-02T17:00}\n") ==
          strings{"case.yaml:7:117: `from` of request `R1` is null: give a time like `2026-03-02T08:00` or leave the "
                  "key out"});
    CHECK(case_errors(two +
                      "assessments:\n  - {employee: E001, month: 2026-02, typing_cpm: null, exam_passed: true}\n") ==
          strings{"case.yaml:5:50: `typing_cpm` of an assessment is null: give a whole number"});
    CHECK(case_errors("people:\n  - {id: E001, role: agent, leader: null}\n") ==
          strings{"case.yaml:2:37: `leader` of person `E001` is null: give the id of a person or leave the key out"});
    SUBCASE("where null means something, it is still taken") {
      CHECK(case_errors(two + "callbacks:\n  - {case: C1, agent: E001, resolved_at: 2026-03-02T12:00, closed: null}\n")
                .empty());
    }
    SUBCASE("a section with nothing after it: the case is not judged without it") {
      // `punches:` left empty would otherwise judge every shift as unworked (absenteeism).
      CHECK(case_errors(base + "punches:\nrequests: []\n") ==
            strings{"case.yaml:6:1: `punches` of the case file is null: give a list or leave the key out"});
      CHECK(case_errors(two + "shifts: ~\n") ==
            strings{"case.yaml:4:9: `shifts` of the case file is null: give a list or leave the key out"});
      CHECK(case_errors(two + "period:\n").size() == 1);
      CHECK(case_errors(two + "calendar: null\n").size() == 1);
      CHECK(case_errors(base + "punches: []\n").empty());  // an empty list is a list
    }
    SUBCASE("in a calendar: an entry with a null is reported, not added") {
      CHECK(case_errors(two + "calendar:\n  holidays:\n    - {date: 2026-05-01, name: null}\n") ==
            strings{"case.yaml:6:32: `name` of a holiday is null: give its name or leave the key out"});
      CHECK(case_errors(two + "calendar:\n  holidays:\n    - {date: null, name: May Day}\n") ==
            strings{"case.yaml:6:14: `date` of a holiday is null: give a date or leave the key out"});
      CHECK(case_errors(two + "calendar:\n  holidays:\n  workdays: [2026-05-09]\n") ==
            strings{"case.yaml:5:3: `holidays` of `calendar` is null: give a list of holidays or leave the key out"});
    }
  }
  TEST_CASE("control characters from the input are shown escaped: one line per issue, nothing sent to a terminal") {
    // A quoted YAML id may hold a line break or an escape code; quoting it must not forge a second
    // error line or clear the screen.
    const auto errors = case_errors("people:\n  - {id: E001, role: agent}\nshifts:\n"
                                    "  - {id: S1, employee: \"E\\e[2J\\nx.yaml:1:1: fine\", start: 2026-03-02T08:00, "
                                    "end: 2026-03-02T17:00}\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("`E\\x1B[2J\\nx.yaml:1:1: fine`") != std::string::npos);
    CHECK(errors[0].find('\n') == std::string::npos);
    CHECK(errors[0].find('\x1b') == std::string::npos);
    CHECK(to_string(load_issue{{"f.yaml", 1, 2}, {}, "a\tb\rc\x7f"}) == "f.yaml:1:2: a\\tb\\rc\\x7F");
  }
  TEST_CASE("invalid UTF-8 is an error at its byte, never copied into a verdict") {
    CHECK(case_errors("people:\n  - {id: E\xff\xfe"
                      "01, role: agent}\n") ==
          strings{"case.yaml:2:11: not valid UTF-8 (byte 0xFF): a file must be UTF-8 text"});
    SUBCASE("overlong forms, surrogates and cut sequences too") {
      for (const std::string bad : {"\xc0\xaf", "\xed\xa0\x80", "\xe4\xb8", "\xf4\x90\x80\x80"}) {
        CAPTURE(bad);
        const auto errors = case_errors("people:\n  - {id: E" + bad + ", role: agent}\n");
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].find("case.yaml:2:11: not valid UTF-8 (byte 0x") == 0);
      }
    }
    SUBCASE("a NUL byte is no text either") {
      CHECK(case_errors(std::string("people: []\n\0shifts: 5\n", 22)) ==
            strings{"case.yaml:2:1: a NUL byte: a file must be UTF-8 text"});
    }
    SUBCASE("valid UTF-8 of every length is text") {
      CHECK(case_errors("people:\n  - {id: E001, name: \"张三 é 😀\", role: agent}\n").empty());
    }
  }
  TEST_CASE("truncated JSON gets only its syntax error") {
    CHECK(case_errors(R"({"people": [{"id": "E001", "role": "agent"})") ==
          strings{"case.yaml:1:1: not valid YAML: end of sequence flow not found"});
  }
}

TEST_SUITE("load_case: calendar coverage") {
  TEST_CASE("a case running past the years of the policy's calendars is named at its first shift there") {
    const auto shifts = [](const std::vector<std::string>& days) {
      std::string out = "shifts:\n";
      for (std::size_t i = 0; i < days.size(); ++i)
        out += test::day_shift("S" + std::to_string(i + 1), "E001", days[i]);
      return out;
    };
    const auto gap = [&](const std::string& yaml, const policy& p = test::shipped_policy()) {
      const auto g = detail::uncovered_calendar_years(p, test::case_of(yaml, p));
      return g ? to_string(*g) : std::string();
    };
    // policies/customer-service.yaml names cn-2025 and cn-2026.
    CHECK(gap(two + shifts({"2025-03-02", "2026-12-31"})).empty());
    CHECK(gap(two + shifts({"2026-12-31", "2028-01-01", "2027-01-01"})) ==
          "case.yaml:6:5: the case runs into 2027 and 2028, which the policy's calendars do not cover: holidays "
          "there are not known");
    CHECK(gap(two + shifts({"2024-06-03", "2026-03-02"})) ==
          "case.yaml:5:5: the case runs into 2024, which the policy's calendars do not cover: holidays there are not "
          "known");
    SUBCASE("a leave given as a time range counts") {
      CHECK(gap(two + shifts({"2026-12-31"}) +
                "requests:\n  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, "
                "submitted_at: 2026-12-01T09:00, from: 2026-12-31T00:00, to: 2027-01-02T00:00}\n") ==
            "case.yaml:7:5: the case runs into 2027, which the policy's calendars do not cover: holidays there are "
            "not known");
    }
    SUBCASE("a case's own calendar covers the years it has entries in") {
      CHECK(gap(two + shifts({"2027-03-02"}) + "calendar: {holidays: [{date: 2027-01-01, name: New Year}]}\n").empty());
    }
    SUBCASE("a policy with no calendar at all judges no holidays, and warns of none") {
      const auto p = test::policy_of("policy: {name: p}\nrules: []\n");
      CHECK(gap("people: [{id: E001, role: agent}]\n" + shifts({"2031-03-02"}), p).empty());
    }
  }
}
