// Bad case input: one clear `file:line:column: message` per problem, every problem at once, and
// nothing judged.
#include <rulebook/policy.hpp>

#include "support.hpp"

using namespace rulebook;
using test::case_errors;
using strings = std::vector<std::string>;

namespace {
const std::string two = R"(people:
  - {id: E001, role: agent, grade: junior, leader: L01}
  - {id: L01, role: shift_leader}
)";
}  // namespace

TEST_SUITE("load_case") {
  TEST_CASE("an unknown key is an error with a did-you-mean hint") {
    CHECK(case_errors("people:\n  - {id: E001, role: agent, leadr: L01}\n  - {id: L01, role: shift_leader}\n") ==
          strings{"case.yaml:2:29: unknown key `leadr` in person `E001`: did you mean `leader`?"});
    CHECK(case_errors("poeple: []\n") == strings{"case.yaml:1:1: unknown key `poeple` in the case file: did you mean `people`?"});
  }
  TEST_CASE("a wrong type is an error") {
    SUBCASE("text where a list is expected") {
      CHECK(case_errors("people: E001\n") == strings{"case.yaml:1:9: `people` must be a list"});
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
    CHECK(case_errors(two + "shifts:\n  - {id: S1, employee: E001, start: 2026-02-30T08:00, end: 2026-03-02T17:00}\n") ==
          strings{"case.yaml:5:37: impossible date `2026-02-30` in `start` of shift `S1`"});
    CHECK(case_errors(two + "shifts:\n  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T25:00}\n") ==
          strings{"case.yaml:5:60: impossible time of day `25:00` in `end` of shift `S1`"});
    CHECK(case_errors("period: {from: 2026-03-01, to: 2026-02-29}\n") ==
          strings{"case.yaml:1:32: impossible date `2026-02-29` in `to` of `period`"});
  }
  TEST_CASE("a shift or away period that ends before it starts is an error") {
    CHECK(case_errors(two + "shifts:\n  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T08:00}\n") ==
          strings{"case.yaml:5:60: shift `S1` ends at 2026-03-02T08:00, not after it starts at 2026-03-02T08:00"});
    CHECK(case_errors(two + "away:\n  - {employee: E001, from: 2026-03-02T10:00, to: 2026-03-02T09:00}\n") ==
          strings{"case.yaml:5:50: away period ends before it starts"});
  }
  TEST_CASE("a reference to someone or something that does not exist is an error at the reference") {
    SUBCASE("a shift's employee") {
      CHECK(case_errors(two + "shifts:\n  - {id: S1, employee: E002, start: 2026-03-02T08:00, end: 2026-03-02T17:00}\n") ==
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
      CHECK(case_errors(two + "requests:\n  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, "
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
    CHECK(case_errors(two + "shifts:\n  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00}\n"
                            "requests:\n"
                            "  - {id: R1, type: leave, kind: sick, employee: E001, submitted_by: E001, submitted_at: 2026-03-01T09:00, shifts: [S1]}\n"
                            "  - {id: R1, type: leave, kind: sick, employee: E001, submitted_by: E001, submitted_at: 2026-03-01T09:00, shifts: [S1]}\n") ==
          strings{"case.yaml:8:10: duplicate request id `R1`"});
    CHECK(case_errors("people: [{id: E001, id: E002, role: agent}]\n") == strings{"case.yaml:1:21: duplicate key `id`"});
  }
  TEST_CASE("a cycle in the chain of command is an error naming the cycle") {
    CHECK(case_errors("people:\n  - {id: L01, role: shift_leader, reports_to: D01}\n"
                      "  - {id: D01, role: department_director, reports_to: L01}\n") ==
          strings{"case.yaml:3:5: the chain of command is a cycle: D01 → L01 → D01"});
  }
  TEST_CASE("a person with both a leader and reports_to is an error") {
    CHECK(case_errors("people:\n  - {id: E001, role: agent, leader: L01, reports_to: L01}\n  - {id: L01, role: shift_leader}\n") ==
          strings{"case.yaml:2:54: person `E001` has both `leader` and `reports_to`: give one"});
  }
  TEST_CASE("a name the policy does not know is an error") {
    CHECK(case_errors("people: [{id: E001, role: agnet}]\n") ==
          strings{"case.yaml:1:10: unknown role `agnet` of `E001`: the policy `customer-service` knows `agent`, "
                  "`quality`, `callback`, `editorial`, `shift_leader`, `department_director`, `center_director`: did "
                  "you mean `agent`?"});
    CHECK(case_errors(two + "shifts:\n  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00, kind: nigth}\n") ==
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
    const auto base = two + "shifts:\n  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00}\nrequests:\n";
    CHECK(case_errors(base + "  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, "
                             "submitted_at: 2026-03-01T09:00}\n") ==
          strings{"case.yaml:7:5: request `R1` names either `shifts` or a `from`/`to` time range"});
    CHECK(case_errors(base + "  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, "
                             "submitted_at: 2026-03-01T09:00, shifts: [S1], from: 2026-03-02T00:00, to: 2026-03-03T00:00}\n") ==
          strings{"case.yaml:7:5: request `R1` names either `shifts` or a `from`/`to` time range"});
  }
  TEST_CASE("punches recorded twice for one shift are an error") {
    CHECK(case_errors(two + "shifts:\n  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00}\n"
                            "punches:\n  - {shift: S1, in: 2026-03-02T08:00}\n  - {shift: S1, out: 2026-03-02T17:00}\n") ==
          strings{"case.yaml:8:5: shift `S1` has punches recorded twice"});
  }
  TEST_CASE("a YAML syntax error is reported at its place") {
    CHECK(case_errors("people: [{id: E001, role: agent\n") == strings{"case.yaml:2:1: not valid YAML: end of map flow not found"});
  }
  TEST_CASE("every problem is reported at once, in file order, and nothing is judged") {
    std::vector<load_issue> issues;
    const auto c = parse_case("case.yaml", two + "shifts:\n  - {id: S1, employee: E009, start: 2026-03-02T08:00, end: 2026-03-02T17:00}\n"
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
  TEST_CASE("a case file that cannot be read is one error naming it") {
    std::vector<load_issue> issues;
    (void)load_case("no/such/case.yaml", test::shipped_policy(), issues);
    REQUIRE(issues.size() == 1);
    CHECK(to_string(issues[0]) == "no/such/case.yaml: cannot read file");
    CHECK_THROWS_AS((void)load_case("no/such/case.yaml", test::shipped_policy()), load_error);
  }
}
