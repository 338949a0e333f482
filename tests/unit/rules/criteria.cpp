// Clauses grade.junior, grade.intermediate and grade.senior: what a promotion requires, measured on
// the latest monthly assessment and the complaint tickets of its month (kind criteria).
#include "rules/criteria.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;
using strings = std::vector<std::string>;

namespace {

using test::promotion_case;

/// The three promotion-criteria rules of the customer-service rulebook, with the rule that a
/// promotion goes one grade up at a time (grade.order), so a test can show that rule has nothing to
/// say, and the vocabulary of `test::grades_org`.
auto promotion_policy() -> const policy& {
  static const policy p = test::policy_of(R"(
policy: {name: promotion-criteria}
)" + test::department_vocabulary + R"(rules:
  - id: promotion-order
    clause: grade.order
    kind: grade_order
    effect: reject
  - id: promotion-junior
    clause: grade.junior
    kind: criteria
    when: {to_grade: junior}
    criteria:
      - {measure: typing_cpm, at_least: 30}
      - &exam {measure: exam_passed}
    effect: reject
  - id: promotion-intermediate
    clause: grade.intermediate
    kind: criteria
    when: {to_grade: intermediate}
    criteria:
      - &typing_50 {measure: typing_cpm, at_least: 50}
      - *exam
    effect: reject
  - id: promotion-senior
    clause: grade.senior
    kind: criteria
    when: {to_grade: senior}
    criteria:
      - {measure: grade, equals: intermediate}
      - *typing_50
      - *exam
      - {measure: complaint_dispatch, within: 60min}
    effect: reject
)");
  return p;
}

/// One assessment as a YAML list item.
auto assessed(const std::string& who, const std::string& month, int cpm, bool passed = true) -> std::string {
  return "  - {employee: " + who + ", month: " + month + ", typing_cpm: " + std::to_string(cpm) +
         ", exam_passed: " + (passed ? "true" : "false") + "}\n";
}

/// Each criterion of R1 as `name test required found holds|fails month`, `-` for nothing.
auto criteria_of(const judged& j) -> strings {
  strings out;
  for (const auto& cr : j.request("R1").criteria) {
    out.push_back(cr.name + " " + cr.test + " " + evidence_text(cr.required, j.c) + " " +
                  (cr.found ? evidence_text(*cr.found, j.c) : "-") + " " + (cr.holds ? "holds" : "fails") + " " +
                  (cr.month ? format_month(*cr.month) : "-"));
  }
  return out;
}

/// The findings of R1 by the criteria rule `rule_id`, each as `criterion`.
auto unmet(const judged& j, const std::string& rule_id) -> strings {
  strings out;
  for (const auto& f : j.findings_of("R1", rule_id)) out.push_back(std::get<std::string>(*f.find("criterion")));
  return out;
}

/// A policy `name` (in `name`.yaml) of a 20-minute lateness violation and a promotion to
/// intermediate on `criteria` (a YAML flow list).
auto lateness_and_criteria(const std::string& name, const std::string& criteria) -> policy {
  return test::policy_of("policy: {name: " + name + R"(}
vocabulary: {roles: [agent, shift_leader, department_director], grades: [junior, intermediate, senior]}
rules:
  - {id: lateness, clause: leave.8, kind: duration_threshold, measure: late_arrival, threshold: 20min, effect: violation}
  - id: promotion-intermediate
    clause: grade.intermediate
    kind: criteria
    when: {to_grade: intermediate}
    criteria: )" + criteria + R"(
    effect: reject
)",
                         name + ".yaml");
}

/// E004 (intermediate, assessed 55 cpm and passed in 2026-02) asks for senior; `tickets` is the
/// body of the case's `tickets:`.
auto senior(const std::string& tickets) -> std::string {
  return promotion_case("E004", "senior", "assessments:\n" + assessed("E004", "2026-02", 55) + "tickets:\n" + tickets);
}

}  // namespace

TEST_SUITE("rules/criteria") {
  // Judged under promotion_policy(), a decision is that of grade.order and the criteria together.
  TEST_CASE("grade.junior: typing at 29 characters a minute is rejected, 30 is enough") {
    SUBCASE("29 cpm: rejected, citing grade.junior, with the criteria listed") {
      judged j(promotion_case("E009", "junior", "assessments:\n" + assessed("E009", "2026-02", 29)),
               promotion_policy());
      CHECK(j.decision_of("R1") == decision::rejected);
      CHECK(criteria_of(j) ==
            strings{"typing_cpm at_least 30 29 fails 2026-02", "exam_passed equals true true holds 2026-02"});
      const auto& typing = j.request("R1").criteria.at(0);
      CHECK(std::get<std::int64_t>(typing.required) == 30);
      CHECK(std::get<std::int64_t>(*typing.found) == 29);
      CHECK(j.v.policy.rule_at(typing.rule).header().id == "promotion-junior");
      const auto f = j.findings_of("R1", "promotion-junior");
      REQUIRE(f.size() == 1);
      CHECK(f[0].effect == effect::reject);
      CHECK(j.v.rule_of(f[0]).header().clause == "grade.junior");
      CHECK(std::get<std::string>(*f[0].find("criterion")) == "typing_cpm");
      CHECK(f[0].number("required") == 30);
      CHECK(f[0].number("found") == 29);
      CHECK(j.message(f[0]) ==
            "Promotion to junior needs typing at 30 characters per minute or more; the 2026-02 assessment found 29.");
      CHECK(j.message(f[0], lang::zh) == "晋级junior须汉字录入每分钟不少于30字；2026年2月考核为每分钟29字。");
      CHECK(j.findings_of("R1", "promotion-order").empty());
    }
    SUBCASE("30 cpm: approved, every criterion holds") {
      judged j(promotion_case("E009", "junior", "assessments:\n" + assessed("E009", "2026-02", 30)),
               promotion_policy());
      CHECK(j.decision_of("R1") == decision::approved);
      CHECK(j.request("R1").findings.empty());
      CHECK(criteria_of(j) ==
            strings{"typing_cpm at_least 30 30 holds 2026-02", "exam_passed equals true true holds 2026-02"});
    }
  }

  TEST_CASE("grade.intermediate: typing at 49 characters a minute is rejected, 50 is enough") {
    SUBCASE("49 cpm: rejected, citing grade.intermediate") {
      judged j(promotion_case("E001", "intermediate", "assessments:\n" + assessed("E001", "2026-02", 49)),
               promotion_policy());
      CHECK(j.decision_of("R1") == decision::rejected);
      CHECK(criteria_of(j) ==
            strings{"typing_cpm at_least 50 49 fails 2026-02", "exam_passed equals true true holds 2026-02"});
      CHECK(unmet(j, "promotion-intermediate") == strings{"typing_cpm"});
      const auto f = j.findings_of("R1", "promotion-intermediate");
      REQUIRE(f.size() == 1);
      CHECK(j.v.rule_of(f[0]).header().clause == "grade.intermediate");
      CHECK(
          j.message(f[0]) ==
          "Promotion to intermediate needs typing at 50 characters per minute or more; the 2026-02 assessment found 49.");
      CHECK(j.message(f[0], lang::zh) == "晋级intermediate须汉字录入每分钟不少于50字；2026年2月考核为每分钟49字。");
    }
    SUBCASE("50 cpm: approved") {
      judged j(promotion_case("E001", "intermediate", "assessments:\n" + assessed("E001", "2026-02", 50)),
               promotion_policy());
      CHECK(j.decision_of("R1") == decision::approved);
      CHECK(j.request("R1").findings.empty());
      CHECK(criteria_of(j) ==
            strings{"typing_cpm at_least 50 50 holds 2026-02", "exam_passed equals true true holds 2026-02"});
    }
    SUBCASE("the junior criteria are not asked of an intermediate promotion") {
      judged j(promotion_case("E001", "intermediate", "assessments:\n" + assessed("E001", "2026-02", 50)),
               promotion_policy());
      for (const auto& cr : j.request("R1").criteria) {
        CHECK(j.v.policy.rule_at(cr.rule).header().id == "promotion-intermediate");
      }
    }
  }

  TEST_CASE("grade.intermediate: fast typing does not make up for an exam not passed") {
    judged j(promotion_case("E001", "intermediate", "assessments:\n" + assessed("E001", "2026-02", 80, false)),
             promotion_policy());
    CHECK(j.decision_of("R1") == decision::rejected);
    CHECK(criteria_of(j) ==
          strings{"typing_cpm at_least 50 80 holds 2026-02", "exam_passed equals true false fails 2026-02"});
    const auto f = j.findings_of("R1", "promotion-intermediate");
    REQUIRE(f.size() == 1);
    CHECK(std::get<std::string>(*f[0].find("criterion")) == "exam_passed");
    CHECK(
        j.message(f[0]) ==
        "Promotion to intermediate needs a passed business exam; the 2026-02 assessment records the exam as not passed.");
    CHECK(j.message(f[0], lang::zh) == "晋级intermediate须业务考试合格；2026年2月考核业务考试不合格。");
  }

  TEST_CASE("grade.order: with no assessment on record nothing is found, and the promotion is rejected") {
    // Someone else's assessment is not E001's.
    judged j(promotion_case("E001", "intermediate", "assessments:\n" + assessed("E004", "2026-02", 90)),
             promotion_policy());
    CHECK(j.decision_of("R1") == decision::rejected);
    CHECK(criteria_of(j) == strings{"typing_cpm at_least 50 - fails -", "exam_passed equals true - fails -"});
    CHECK(unmet(j, "promotion-intermediate") == strings{"typing_cpm", "exam_passed"});
    const auto f = j.findings_of("R1", "promotion-intermediate");
    REQUIRE(f.size() == 2);
    CHECK(f[0].find("found") == nullptr);
    CHECK(
        j.message(f[0]) ==
        "Promotion to intermediate needs typing at 50 characters per minute or more; E001 has no monthly assessment on record.");
    CHECK(j.message(f[1], lang::zh) == "晋级intermediate须业务考试合格；E001没有月度考核记录。");
  }

  TEST_CASE("grade.order: the latest assessment is the one used, whatever the order of the file") {
    SUBCASE("an older good one and a newer bad one: rejected on the newer") {
      judged j(promotion_case("E001", "intermediate",
                              "assessments:\n" + assessed("E001", "2026-02", 40) + assessed("E001", "2026-01", 60)),
               promotion_policy());
      CHECK(j.decision_of("R1") == decision::rejected);
      CHECK(criteria_of(j) ==
            strings{"typing_cpm at_least 50 40 fails 2026-02", "exam_passed equals true true holds 2026-02"});
    }
    SUBCASE("an older bad one and a newer good one: approved on the newer") {
      judged j(promotion_case("E001", "intermediate",
                              "assessments:\n" + assessed("E001", "2026-02", 60) +
                                  assessed("E001", "2026-01", 40, false)),
               promotion_policy());
      CHECK(j.decision_of("R1") == decision::approved);
      CHECK(criteria_of(j) ==
            strings{"typing_cpm at_least 50 60 holds 2026-02", "exam_passed equals true true holds 2026-02"});
    }
    SUBCASE("the month of the submission counts") {
      judged j(promotion_case("E001", "intermediate",
                              "assessments:\n" + assessed("E001", "2026-02", 60) + assessed("E001", "2026-03", 45)),
               promotion_policy());
      CHECK(j.decision_of("R1") == decision::rejected);
      CHECK(criteria_of(j).at(0) == "typing_cpm at_least 50 45 fails 2026-03");
    }
    SUBCASE("the latest assessment is used, even of a month after the submission (grade.order)") {
      judged j(promotion_case("E001", "intermediate",
                              "assessments:\n" + assessed("E001", "2026-02", 60) +
                                  assessed("E001", "2026-04", 10, false)),
               promotion_policy());
      CHECK(j.decision_of("R1") == decision::rejected);
      CHECK(criteria_of(j) ==
            strings{"typing_cpm at_least 50 10 fails 2026-04", "exam_passed equals true false fails 2026-04"});
    }
  }

  TEST_CASE(
      "grade.senior: holds intermediate, meets intermediate, and dispatched every ticket of the month in 60 minutes") {
    SUBCASE("a ticket dispatched at 60 minutes: approved, every criterion listed") {
      judged j(senior("  - {id: T1, receiver: E004, received_at: 2026-02-10T09:00, dispatched_at: 2026-02-10T10:00}\n"),
               promotion_policy());
      CHECK(j.decision_of("R1") == decision::approved);
      CHECK(j.request("R1").findings.empty());
      CHECK(criteria_of(j) == strings{"grade equals intermediate intermediate holds -",
                                      "typing_cpm at_least 50 55 holds 2026-02",
                                      "exam_passed equals true true holds 2026-02",
                                      "complaint_tickets_over_60min at_most 0 0 holds 2026-02"});
    }
    SUBCASE("a ticket dispatched at 61 minutes: rejected, citing grade.senior and naming the ticket") {
      judged j(senior("  - {id: T1, receiver: E004, received_at: 2026-02-10T09:00, dispatched_at: 2026-02-10T10:00}\n"
                      "  - {id: T2, receiver: E004, received_at: 2026-02-11T09:00, dispatched_at: 2026-02-11T10:01}\n"),
               promotion_policy());
      CHECK(j.decision_of("R1") == decision::rejected);
      CHECK(criteria_of(j).at(3) == "complaint_tickets_over_60min at_most 0 1 fails 2026-02");
      const auto f = j.findings_of("R1", "promotion-senior");
      REQUIRE(f.size() == 1);
      CHECK(j.v.rule_of(f[0]).header().clause == "grade.senior");
      CHECK(f[0].effect == effect::reject);
      CHECK(std::get<std::string>(*f[0].find("late_tickets")) == "T2");
      CHECK(j.message(f[0]) ==
            "Promotion to senior needs every complaint ticket of the latest assessed month dispatched "
            "within 60 minutes; 1 ticket(s) of 2026-02 were not (T2).");
      CHECK(j.message(f[0], lang::zh) ==
            "晋级senior须最近考核月受理的投诉单均在60分钟内派发；2026年2月有1张未按时派发（T2）。");
    }
    SUBCASE("a ticket never dispatched: rejected") {
      judged j(senior("  - {id: T3, receiver: E004, received_at: 2026-02-12T09:00}\n"), promotion_policy());
      CHECK(j.decision_of("R1") == decision::rejected);
      CHECK(criteria_of(j).at(3) == "complaint_tickets_over_60min at_most 0 1 fails 2026-02");
      REQUIRE(j.findings_of("R1", "promotion-senior").size() == 1);
      CHECK(std::get<std::string>(*j.findings_of("R1", "promotion-senior")[0].find("late_tickets")) == "T3");
    }
    SUBCASE("a late ticket of another month, or of someone else, does not count") {
      judged j(senior("  - {id: T4, receiver: E004, received_at: 2026-01-31T23:30, dispatched_at: 2026-02-01T03:00}\n"
                      "  - {id: T5, receiver: E001, received_at: 2026-02-10T09:00}\n"
                      "  - {id: T6, receiver: E004, received_at: 2026-03-02T09:00}\n"),
               promotion_policy());
      CHECK(j.decision_of("R1") == decision::approved);
      CHECK(criteria_of(j).at(3) == "complaint_tickets_over_60min at_most 0 0 holds 2026-02");
    }
    SUBCASE("typing at 49: the intermediate criteria are part of senior") {
      judged j(promotion_case("E004", "senior", "assessments:\n" + assessed("E004", "2026-02", 49) + "tickets: []\n"),
               promotion_policy());
      CHECK(j.decision_of("R1") == decision::rejected);
      CHECK(unmet(j, "promotion-senior") == strings{"typing_cpm"});
      CHECK(criteria_of(j).at(1) == "typing_cpm at_least 50 49 fails 2026-02");
    }
    SUBCASE("a junior who meets every measure does not hold intermediate: rejected on the grade") {
      judged j(promotion_case("E001", "senior", "assessments:\n" + assessed("E001", "2026-02", 70)),
               promotion_policy());
      CHECK(j.decision_of("R1") == decision::rejected);
      CHECK(unmet(j, "promotion-senior") == strings{"grade"});
      CHECK(criteria_of(j).at(0) == "grade equals intermediate junior fails -");
      const auto f = j.findings_of("R1", "promotion-senior");
      REQUIRE(f.size() == 1);
      CHECK(j.message(f[0]) == "Promotion to senior needs to hold the grade intermediate now; E001 is junior.");
      CHECK(j.message(f[0], lang::zh) == "晋级senior须现为intermediate；E001现为junior。");
    }
  }

  TEST_CASE("criteria are data: a policy adds months in grade and a clean record") {
    const auto p = lateness_and_criteria(
        "strict", "[{measure: typing_cpm, at_least: 50}, {measure: months_in_grade, at_least: 6},"
                  " {measure: violations, months: 3, at_most: 0}]");
    const std::string org = R"(
people:
  - {id: E001, role: agent, grade: junior, grade_since: 2025-09-01, leader: L01}
  - {id: L01, role: shift_leader, reports_to: D01}
  - {id: D01, role: department_director}
assessments:
  - {employee: E001, month: 2026-02, typing_cpm: 60, exam_passed: true}
)";
    // A shift on 2 February, punched in `in` after its 08:00 start.
    const auto shift = [](const std::string& in) {
      return "shifts:\n  - {id: S1, employee: E001, start: 2026-02-02T08:00, end: 2026-02-02T17:00}\n"
             "punches:\n  - {shift: S1, in: 2026-02-02T" +
             in + ", out: 2026-02-02T17:00}\n";
    };
    const auto request = [](const std::string& submitted_at) {
      return "requests:\n  - {id: R1, type: promotion, employee: E001, to_grade: intermediate, submitted_at: " +
             submitted_at + "}\n";
    };

    SUBCASE("5 months in grade: rejected on months_in_grade") {
      judged j(org + shift("08:00") + request("2026-02-28T09:00"), p);
      CHECK(j.decision_of("R1") == decision::rejected);
      CHECK(criteria_of(j) == strings{"typing_cpm at_least 50 60 holds 2026-02", "months_in_grade at_least 6 5 fails -",
                                      "violations_in_3_months at_most 0 0 holds -"});
      const auto f = j.findings_of("R1", "promotion-intermediate");
      REQUIRE(f.size() == 1);
      CHECK(std::get<std::string>(*f[0].find("criterion")) == "months_in_grade");
      CHECK(j.message(f[0]) ==
            "Promotion to intermediate needs at least 6 month(s) in the current grade; E001 has 5 (since 2025-09-01).");
      CHECK(j.message(f[0], lang::zh) == "晋级intermediate须任现级别满6个月；E001自2025年9月1日起任现级别，满5个月。");
    }
    SUBCASE("6 months in grade and no violation: approved") {
      judged j(org + shift("08:19") + request("2026-03-01T09:00"), p);
      REQUIRE(j.conduct("lateness").empty());
      CHECK(j.decision_of("R1") == decision::approved);
      CHECK(criteria_of(j) == strings{"typing_cpm at_least 50 60 holds 2026-02", "months_in_grade at_least 6 6 holds -",
                                      "violations_in_3_months at_most 0 0 holds -"});
    }
    SUBCASE("a 20-minute lateness within the 3 months: rejected on violations") {
      judged j(org + shift("08:20") + request("2026-03-01T09:00"), p);
      REQUIRE(j.conduct("lateness").size() == 1);
      CHECK(j.decision_of("R1") == decision::rejected);
      CHECK(criteria_of(j).at(2) == "violations_in_3_months at_most 0 1 fails -");
      const auto f = j.findings_of("R1", "promotion-intermediate");
      REQUIRE(f.size() == 1);
      CHECK(std::get<std::string>(*f[0].find("criterion")) == "violations_in_3_months");
      CHECK(j.message(f[0]) ==
            "Promotion to intermediate needs no violation in the 3 month(s) before the request; E001 has 1.");
      CHECK(j.message(f[0], lang::zh) == "晋级intermediate须申请前3个月内无违纪；E001有1次。");
    }
    SUBCASE("the same lateness more than 3 months before the request does not count") {
      judged j(org + shift("08:20") + request("2026-05-03T09:00"), p);
      REQUIRE(j.conduct("lateness").size() == 1);
      CHECK(j.decision_of("R1") == decision::approved);
      CHECK(criteria_of(j).at(2) == "violations_in_3_months at_most 0 0 holds -");
    }
  }

  TEST_CASE("a what-if promotion sees the conduct record of someone the case asks no promotion for") {
    // The judge keeps the record only for the people the case's promotions ask about (E002 here);
    // a question about anyone else builds everyone's, also after the verdict is taken away.
    const auto p = lateness_and_criteria("clean-record", "[{measure: violations, months: 3, at_most: 0}]");
    const auto c = test::case_of(R"(
people:
  - {id: E001, role: agent, grade: junior, leader: L01}
  - {id: E002, role: agent, grade: junior, leader: L01}
  - {id: L01, role: shift_leader, reports_to: D01}
  - {id: D01, role: department_director}
shifts:
  - {id: S1, employee: E001, start: 2026-02-02T08:00, end: 2026-02-02T17:00}
  - {id: S2, employee: E002, start: 2026-02-02T08:00, end: 2026-02-02T17:00}
punches:
  - {shift: S1, in: 2026-02-02T08:20, out: 2026-02-02T17:00}
  - {shift: S2, in: 2026-02-02T08:00, out: 2026-02-02T17:00}
requests:
  - {id: R1, type: promotion, employee: E002, to_grade: intermediate, submitted_at: 2026-03-01T09:00}
)");
    request asked;
    asked.id = "Q";
    asked.employee = c.find_person("E001");
    asked.submitted_at = time_point(date(2026, 3, 1), duration(9, 0, 0));
    asked.details = promotion_details{.to_grade = "intermediate"};
    session s(p, c);
    REQUIRE(s.verdict().requests.at(request_index(0)).decision == decision::approved);  // E002: clean
    CHECK(s.what_if(asked).decision == decision::rejected);                             // E001 was 20 minutes late
    asked.employee = c.find_person("E002");
    CHECK(s.what_if(asked).decision == decision::approved);
    // A session whose verdict is taken before anyone else is asked about.
    session first_taken(p, c);
    const auto taken = first_taken.take_verdict();
    CHECK(taken.findings.size() == 1);
    asked.employee = c.find_person("E001");
    CHECK(first_taken.what_if(asked).decision == decision::rejected);
  }

  TEST_CASE("in a case of many people, each promotion counts its own employee's violations") {
    // With promotions for few of many people, the judge keeps only their record, gathered in one
    // pass and then put by person: E001's two late arrivals and E003's one must not mix (E002's,
    // who asks for nothing, counts for no one).
    const auto p = lateness_and_criteria("one-violation", "[{measure: violations, months: 3, at_most: 1}]");
    std::string text = "people:\n  - {id: L01, role: shift_leader, reports_to: D01}\n"
                       "  - {id: D01, role: department_director}\n";
    for (int i = 1; i <= 14; ++i) {
      text += "  - {id: E0" + std::string(i < 10 ? "0" : "") + std::to_string(i) +
              ", role: agent, grade: junior, leader: L01}\n";
    }
    std::string shifts = "shifts:\n", punches = "punches:\n";
    const auto late = [&](const std::string& id, const std::string& who, const std::string& day) {
      shifts += "  - {id: " + id + ", employee: " + who + ", start: " + day + "T08:00, end: " + day + "T17:00}\n";
      punches += "  - {shift: " + id + ", in: " + day + "T08:25, out: " + day + "T17:00}\n";
    };
    late("S1", "E001", "2026-02-02");
    late("S2", "E003", "2026-02-03");
    late("S3", "E002", "2026-02-04");
    late("S4", "E001", "2026-02-09");
    text += shifts + punches +
            "requests:\n"
            "  - {id: R1, type: promotion, employee: E001, to_grade: intermediate, submitted_at: 2026-03-01T09:00}\n"
            "  - {id: R2, type: promotion, employee: E003, to_grade: intermediate, submitted_at: 2026-03-01T09:00}\n";
    judged j(text, p);
    REQUIRE(j.conduct("lateness").size() == 4);
    CHECK(j.decision_of("R1") == decision::rejected);  // 2 violations
    CHECK(criteria_of(j).at(0) == "violations_in_3_months at_most 1 2 fails -");
    CHECK(j.decision_of("R2") == decision::approved);  // 1 violation
  }

  TEST_CASE("criteria are data: a bad criterion is a load error with its line and column") {
    const auto errors = [](const std::string& criterion) {
      return test::policy_errors("policy: {name: p}\n"
                                 "vocabulary: {grades: [junior, intermediate, senior]}\n"
                                 "rules:\n"
                                 "  - {id: r, clause: grade.junior, kind: criteria, effect: reject,\n"
                                 "     criteria: [" +
                                 criterion + "]}\n");
    };
    // Each criterion starts at column 17 of line 5.
    SUBCASE("an unknown measure, at the measure, with a did-you-mean") {
      const auto e = errors("{measure: typing_speed, at_least: 30}");
      REQUIRE_FALSE(e.empty());
      CHECK(e[0] == "p.yaml:5:27: `measure` of criterion 1 of rule `r` must be one of `typing_cpm`, `exam_passed`, "
                    "`grade`, `complaint_dispatch`, `months_in_grade`, `violations`, not `typing_speed`: did you mean "
                    "`typing_cpm`?");
    }
    SUBCASE("a number with no bound") {
      CHECK(errors("{measure: typing_cpm}") ==
            strings{"p.yaml:5:17: missing key `at_least` (or `at_most`) in criterion 1 of rule `r`"});
    }
    SUBCASE("a grade the vocabulary does not know") {
      CHECK(errors("{measure: typing_cpm, at_least: 30}, {measure: grade, equals: intermediat}") ==
            strings{
                "p.yaml:5:79: unknown grade `intermediat` in criterion 2 of rule `r`: did you mean `intermediate`?"});
    }
    SUBCASE("a good criterion loads") { CHECK(errors("{measure: grade, equals: intermediate}").empty()); }
  }

  // A wrong measure must not make its valid bound look like an unknown key.
  TEST_CASE("criteria are data: an unknown measure is the only error, not a cascade onto its valid keys") {
    CHECK(test::policy_errors("policy: {name: p}\n"
                              "vocabulary: {grades: [junior, intermediate, senior]}\n"
                              "rules:\n"
                              "  - {id: r, clause: grade.junior, kind: criteria, effect: reject,\n"
                              "     criteria: [{measure: typing_speed, at_least: 30}]}\n") ==
          strings{"p.yaml:5:27: `measure` of criterion 1 of rule `r` must be one of `typing_cpm`, `exam_passed`, "
                  "`grade`, `complaint_dispatch`, `months_in_grade`, `violations`, not `typing_speed`: did you "
                  "mean `typing_cpm`?"});
  }
}
