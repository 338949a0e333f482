// The judge: request order, the working roster, finding order, and judging a case built in code.
#include <rulebook/engine.hpp>

#include "support.hpp"

using namespace rulebook;
using test::judged;

TEST_SUITE("engine") {
  TEST_CASE("CONTRACT §2: requests are judged in submitted_at order and reported in input order") {
    // R2 comes first in time: it is approved and excuses S1; R1, later, covers the same shift.
    judged j(test::org + test::roster + R"(
requests:
  - {id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-02-05T09:00, shifts: [S1]}
  - {id: R2, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-02-01T09:00, shifts: [S1],
     approvals: [{by: L01, at: 2026-02-01T10:00}, {by: D01, at: 2026-02-01T11:00}]}
)");
    REQUIRE(j.v.requests.size() == 2);
    CHECK(j.c.requests[j.v.requests[request_index(0)].request].id == "R1");
    CHECK(j.c.requests[j.v.requests[request_index(1)].request].id == "R2");
    CHECK(j.decision_of("R2") == decision::approved);
    CHECK(j.decision_of("R1") == decision::pending);
    for (const auto& f : j.conduct("absence")) CHECK(f.subject.shift != j.c.find_shift("S1"));
  }
  TEST_CASE("CONTRACT §3: findings are ordered by subject time, then employee, then clause") {
    judged j(test::org + R"(
shifts:
  - {id: A, employee: E002, start: 2026-03-02T08:00, end: 2026-03-02T17:00}
  - {id: B, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00}
  - {id: C, employee: E001, start: 2026-03-01T08:00, end: 2026-03-01T17:00}
punches:
  - {shift: B, in: 2026-03-02T08:30, out: 2026-03-02T16:00}
)");
    std::vector<std::string> order;
    for (const auto& f : j.conduct_but({"quality-monitoring"})) {
      order.push_back(j.c.shifts[f.subject.shift].id + " " + j.c.people[f.subject.employee].id + " " +
                      j.v.header_of(f).id);
    }
    CHECK(order ==
          std::vector<std::string>{"C E001 absence", "B E001 lateness", "B E001 early-departure", "A E002 absence"});
  }
  TEST_CASE("the same case judged twice writes the same bytes") {
    const std::string yaml = test::org + test::roster + "punches:\n  - {shift: S1, in: 2026-03-02T08:25}\n";
    CHECK(judged(yaml).json() == judged(yaml).json());
  }
  TEST_CASE("a case built in code is judged like a loaded one") {
    case_file c;
    const auto l = c.add_person({.id = "L01", .role = "shift_leader"});
    const auto e = c.add_person({.id = "E001", .role = "agent", .leader = l});
    const auto s = c.add_shift({.id = "S1",
                                .employee = e,
                                .start = *parse_time_point("2026-03-02T08:00"),
                                .end = *parse_time_point("2026-03-02T17:00")});
    c.add_punch({.shift = s, .in = parse_time_point("2026-03-02T08:20")});
    c.monitoring.push_back({.agent = e, .inspector = l, .at = *parse_time_point("2026-03-10T14:00")});
    CHECK(validate_case(c, test::shipped_policy()).empty());
    const auto v = judge(test::shipped_policy(), c);
    REQUIRE(v.findings.size() == 1);
    CHECK(v.findings[0].effect == effect::violation);
    CHECK(v.message(v.findings[0], c) == "E001 punched in 20 minutes late for S1 (limit 20).");
  }
  TEST_CASE("building a case in code refuses dangling references and duplicates") {
    case_file c;
    c.add_person({.id = "E001", .role = "agent"});
    CHECK_THROWS_AS(c.add_person({.id = "E001", .role = "agent"}), case_error);
    CHECK_THROWS_AS(c.add_shift({.id = "S1", .employee = person_index(7)}), case_error);
    CHECK_THROWS_AS(c.add_shift({.id = "S1",
                                 .employee = person_index(0),
                                 .start = *parse_time_point("2026-03-02T08:00"),
                                 .end = *parse_time_point("2026-03-02T08:00")}),
                    case_error);
    CHECK_THROWS_AS((void)c.person_at("nobody"), case_error);
    // A refused duplicate leaves the case as it was; shifts added out of time order are rostered in it.
    const auto at = [](const char* t) { return *parse_time_point(t); };
    const auto e = person_index(0);
    const auto s1 = c.add_shift(
        {.id = "S1", .employee = e, .start = at("2026-03-03T08:00"), .end = at("2026-03-03T17:00")});
    CHECK_THROWS_AS(
        c.add_shift({.id = "S1", .employee = e, .start = at("2026-03-04T08:00"), .end = at("2026-03-04T17:00")}),
        case_error);
    const auto s0 = c.add_shift(
        {.id = "S0", .employee = e, .start = at("2026-03-02T08:00"), .end = at("2026-03-02T17:00")});
    const auto s2 = c.add_shift(
        {.id = "S2", .employee = e, .start = at("2026-03-05T08:00"), .end = at("2026-03-05T17:00")});
    CHECK(c.shifts.size() == 3);
    CHECK(c.find_shift("S1") == s1);
    CHECK(c.shifts[s1].start == at("2026-03-03T08:00"));
    CHECK(c.rostered_shifts(e) == std::vector<shift_index>{s0, s1, s2});
    CHECK(c.punch_of(s2) == nullptr);
    const request r{.id = "R1",
                    .employee = e,
                    .submitted_at = at("2026-03-01T09:00"),
                    .details = promotion_details{.to_grade = "senior"}};
    CHECK(c.add_request(r) == request_index(0));
    CHECK_THROWS_AS(c.add_request(r), case_error);
    CHECK(c.requests.size() == 1);
    CHECK(c.find_request("R1") == request_index(0));
  }
  TEST_CASE("judging a code-built case whose chain of command is a cycle throws, it does not loop") {
    case_file c;
    const auto a = c.add_person({.id = "A", .role = "shift_leader"});
    const auto b = c.add_person({.id = "B", .role = "department_director", .reports_to = a});
    c.set_superior(a, superior_link::reports_to, b);
    CHECK_FALSE(validate_case(c, test::shipped_policy()).empty());
    CHECK_THROWS_AS((void)judge(test::shipped_policy(), c), case_error);
  }
}

namespace {

// A case, a request to ask about, and that request's verdict in a full judgement of the case with
// the request appended, compared with the what-if answer of a session on the case without it.
void check_what_if_matches_full_judgement(const std::string& base, const std::string& existing,
                                          const std::string& asked) {
  const auto& p = test::shipped_policy();
  const auto full = test::case_of(base + "requests:\n" + existing + asked);
  const auto without = test::case_of(base + (existing.empty() ? "" : "requests:\n" + existing));
  const auto expected = judge(p, full);
  const auto& r = full.requests.back();
  const session s(p, without);
  const auto got = s.what_if(r);
  const auto& want = expected.requests.back();
  CHECK(got.decision == want.decision);
  REQUIRE(got.findings.size() == want.findings.size());
  for (std::size_t i = 0; i < got.findings.size(); ++i) {
    CAPTURE(i);
    CHECK(got.findings[i].rule == want.findings[i].rule);
    CHECK(got.findings[i].effect == want.findings[i].effect);
    CHECK(got.findings[i].approver_role == want.findings[i].approver_role);
    CHECK(s.message(got.findings[i], r) == expected.message(want.findings[i], full));
  }
  REQUIRE(got.criteria.size() == want.criteria.size());
  for (std::size_t i = 0; i < got.criteria.size(); ++i) {
    CAPTURE(i);
    CHECK(got.criteria[i].name == want.criteria[i].name);
    CHECK(got.criteria[i].found == want.criteria[i].found);
    CHECK(got.criteria[i].holds == want.criteria[i].holds);
  }
}

const std::string team = test::swap_org + "shifts:\n" + test::day_shift("A2", "E001", "2026-03-02") +
                         test::day_shift("A3", "E001", "2026-03-03") + test::day_shift("A4", "E001", "2026-03-04") +
                         test::day_shift("A6", "E001", "2026-03-06") + test::day_shift("B1", "E002", "2026-03-20") +
                         test::day_shift("B2", "E002", "2026-03-24") + test::day_shift("C1", "E003", "2026-03-22") +
                         "  - {id: BN, employee: E002, start: 2026-03-05T16:00, end: 2026-03-06T00:30}\n";

}  // namespace

TEST_SUITE("engine") {
  TEST_CASE("what_if answers as a full judgement of the case with the request appended would") {
    const auto r1 = test::swap("R1", "E001", "E002", "A2", "2026-02-20T09:00");
    const auto r2 = test::swap("R2", "E001", "E003", "A4", "2026-02-21T09:00");
    SUBCASE("a first swap, nothing before it") { check_what_if_matches_full_judgement(team, "", r1); }
    SUBCASE("the third swap of a month, rejected by the cap") {
      check_what_if_matches_full_judgement(team, r1 + r2, test::swap("R3", "E001", "E002", "A6", "2026-02-22T09:00"));
    }
    SUBCASE("re-swapping a swapped shift") {
      check_what_if_matches_full_judgement(team, r1, test::swap("R3", "E002", "E003", "A2", "2026-02-22T09:00"));
    }
    SUBCASE("a swap that leaves the counterpart 7h30 of rest") {
      check_what_if_matches_full_judgement(team, r1, test::swap("R3", "E001", "E002", "A6", "2026-02-22T09:00"));
    }
    SUBCASE("leave on a shift obtained by swap") {
      check_what_if_matches_full_judgement(
          team, r1,
          "  - {id: R3, type: leave, kind: personal, employee: E002, submitted_by: E002, submitted_at: 2026-02-25T09:00, "
          "shifts: [A2]}\n");
    }
    SUBCASE("leave with 23h59 notice, as a time range") {
      check_what_if_matches_full_judgement(
          team, r1 + r2,
          "  - {id: R3, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-03-02T08:01, "
          "from: 2026-03-03T00:00, to: 2026-03-04T00:00}\n");
    }
    SUBCASE("a request submitted before requests already in the case replays only those before it") {
      check_what_if_matches_full_judgement(team, r1 + r2, test::swap("R0", "E001", "E002", "A3", "2026-02-20T12:00"));
    }
    SUBCASE("a request submitted at the same minute as the last one comes after it, as in file order") {
      check_what_if_matches_full_judgement(team, r1, test::swap("R3", "E001", "E003", "A3", "2026-02-20T09:00"));
    }
    const std::string records =
        "assessments:\n  - {employee: E004, month: 2026-02, typing_cpm: 55, exam_passed: true}\n"
        "tickets:\n  - {id: T1, receiver: E004, received_at: 2026-02-10T09:00, "
        "dispatched_at: 2026-02-10T10:01}\n";
    SUBCASE("a promotion to senior, its ticket of the latest month dispatched in 61 minutes") {
      check_what_if_matches_full_judgement(
          team + records, r1,
          "  - {id: P1, type: promotion, employee: E004, to_grade: senior, submitted_at: 2026-03-05T09:00}\n");
    }
    SUBCASE("a promotion that skips a grade") {
      check_what_if_matches_full_judgement(
          team + records, r1,
          "  - {id: P1, type: promotion, employee: E001, to_grade: senior, submitted_at: 2026-03-05T09:00}\n");
    }
  }
  TEST_CASE("what_if changes nothing: asking twice gives the same answer and the verdict stays") {
    const auto c = test::case_of(team + "requests:\n" + test::swap("R1", "E001", "E002", "A2", "2026-02-20T09:00"));
    const session s(test::shipped_policy(), c);
    const auto before = s.verdict().requests.size();
    request r = c.requests.front();
    r.id = "Q";
    r.submitted_at = *parse_time_point("2026-02-21T09:00");
    const auto first = s.what_if(r);
    CHECK(first.decision == decision::rejected);  // A2 moved to E002 already: a swap of a swapped shift
    CHECK(s.what_if(r).findings.size() == first.findings.size());
    CHECK(s.verdict().requests.size() == before);
    // The session's roster has A2 with E002: the answer names both holders.
    const auto held = std::find_if(first.findings.begin(), first.findings.end(),
                                   [](const finding& f) { return f.find("holders") != nullptr; });
    REQUIRE(held != first.findings.end());
    CHECK(std::get<std::string>(*held->find("holders")) == "E001 → E002");
  }
  TEST_CASE("what_if refuses a request that names a shift the case does not have") {
    const auto c = test::case_of(team);
    const session s(test::shipped_policy(), c);
    request r;
    r.id = "Q";
    r.employee = c.find_person("E001");
    r.details = swap_details{.counterpart = c.find_person("E002"), .give = shift_index(999)};
    CHECK_THROWS_AS((void)s.what_if(r), case_error);
  }
  TEST_CASE("what_if refuses a promotion to a grade the policy does not know, rather than approve it") {
    const auto c = test::case_of(team);
    const session s(test::shipped_policy(), c);
    request r;
    r.id = "Q";
    r.employee = c.find_person("E001");
    r.details = promotion_details{.to_grade = "principal"};
    CHECK_THROWS_WITH_AS(
        (void)s.what_if(r),
        "request `Q` asks for the grade `principal`, which the policy `customer-service` does not know", case_error);
    r.details = promotion_details{.to_grade = "intermediate"};
    CHECK_NOTHROW((void)s.what_if(r));
  }
}
