// Clause training.pre_job: new employees are trained, and pass the assessment, before they first go
// on duty; each shift before that is a violation (kind training_before_duty).
#include "rules/training_before_duty.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;
using strings = std::vector<std::string>;

namespace {

const std::string team = R"(
people:
  - {id: T01, role: team_leader}
  - {id: M07, role: account_manager, leader: T01, hired: 2026-03-01}
  - {id: M08, role: account_manager, leader: T01}
)";

/// A shift of `who` starting at `start`, nine hours long, as a YAML list item.
auto shift_at(const std::string& id, const std::string& who, const std::string& day, const std::string& hhmm)
    -> std::string {
  const auto end = std::to_string(std::stoi(hhmm.substr(0, 2)) + 9);
  return "  - {id: " + id + ", employee: " + who + ", start: " + day + "T" + hhmm + ", end: " + day + "T" +
         (end.size() == 1 ? "0" : "") + end + hhmm.substr(2) + "}\n";
}

/// A training record as a YAML list item.
auto trained(const std::string& who, const std::string& at, bool passed = true) -> std::string {
  return "  - {employee: " + who + ", type: pre_job, completed_at: " + at + ", passed: " + (passed ? "true" : "false") +
         "}\n";
}

/// The violations, each as `employee shift`.
auto found(const judged& j) -> strings {
  strings out;
  for (const auto& f : j.conduct("pre-job-training")) {
    out.push_back(j.c.people.at(f.subject.employee).id + " " + j.c.shifts.at(f.subject.shift).id);
  }
  return out;
}

}  // namespace

TEST_SUITE("rules/training_before_duty") {
  TEST_CASE("training.pre_job: a shift starting one minute before the training is passed is a violation") {
    judged j(team + "shifts:\n" + shift_at("V1", "M07", "2026-03-02", "08:29") + "trainings:\n" +
                 trained("M07", "2026-03-02T08:30"),
             test::vip_policy());
    CHECK(found(j) == strings{"M07 V1"});
    const auto f = j.conduct("pre-job-training").at(0);
    CHECK(f.effect == effect::violation);
    CHECK(f.number("minutes_before_training") == 1);
    CHECK(j.message(f) ==
          "M07 worked shift V1 (2026-03-02T08:29) before the pre-job training: passed it at 2026-03-02T08:30, 1min "
          "later.");
    CHECK(j.message(f, lang::zh) ==
          "M07在岗前培训前上岗（班次V1，2026年3月2日 08:29开始）：岗前培训于2026年3月2日 08:30才考核合格，晚1分钟。");
    CHECK(j.v.rule_of(f).remedy(f, message_context{j.c, lang::en}) ==
          "M07 must pass the pre-job training before 2026-03-02T08:29, or be taken off shift V1");
  }

  TEST_CASE("training.pre_job: a shift starting the moment the training is passed, or later, is not") {
    judged j(team + "shifts:\n" + shift_at("V1", "M07", "2026-03-02", "08:30") +
                 shift_at("V2", "M07", "2026-03-03", "08:30") + "trainings:\n" + trained("M07", "2026-03-02T08:30"),
             test::vip_policy());
    CHECK(found(j).empty());
  }

  TEST_CASE("training.pre_job: a failed training does not count; the first passed one does") {
    judged j(team + "shifts:\n" + shift_at("V1", "M07", "2026-03-02", "08:30") +
                 shift_at("V2", "M07", "2026-03-04", "08:30") + "trainings:\n" +
                 trained("M07", "2026-03-01T17:00", false) + trained("M07", "2026-03-03T17:00"),
             test::vip_policy());
    CHECK(found(j) == strings{"M07 V1"});
  }

  TEST_CASE("training.pre_job: with no passed training on record every shift is a violation") {
    judged j(team + "shifts:\n" + shift_at("V1", "M07", "2026-03-02", "08:30") + "trainings: []\n", test::vip_policy());
    CHECK(found(j) == strings{"M07 V1"});
    const auto f = j.conduct("pre-job-training").at(0);
    CHECK(j.message(f) == "M07 worked shift V1 (2026-03-02T08:30) with no passed pre-job training on record.");
    CHECK(j.message(f, lang::zh) == "M07未通过岗前培训即上岗（班次V1，2026年3月2日 08:30开始）。");
  }

  TEST_CASE("training.pre_job: people with no hired date, and cases with no trainings list, are not judged") {
    judged no_hired(team + "shifts:\n" + shift_at("V1", "M08", "2026-03-02", "08:30") + "trainings: []\n",
                    test::vip_policy());
    CHECK(found(no_hired).empty());
    judged no_list(team + "shifts:\n" + shift_at("V1", "M07", "2026-03-02", "08:30"), test::vip_policy());
    CHECK(found(no_list).empty());
  }

  TEST_CASE("training.pre_job: another person's training, or another type, does not count") {
    const auto p = test::policy_of(R"(policy: {name: p}
vocabulary:
  roles: [team_leader, account_manager]
  training_types: [pre_job, cpr]
rules:
  - {id: pre-job-training, clause: training.pre_job, kind: training_before_duty, training: pre_job, effect: violation}
)");
    judged j(team + "shifts:\n" + shift_at("V1", "M07", "2026-03-02", "08:30") + "trainings:\n" +
                 trained("M08", "2026-03-01T08:30") +
                 "  - {employee: M07, type: cpr, completed_at: 2026-03-01T08:30, passed: true}\n",
             p);
    CHECK(found(j) == strings{"M07 V1"});
  }

  TEST_CASE("CPR training before the first night shift is a YAML edit: when selects the shifts") {
    const auto p = test::policy_of(R"(policy: {name: p}
vocabulary:
  roles: [team_leader, account_manager]
  training_types: [cpr]
rules:
  - {id: pre-job-training, clause: c, kind: training_before_duty, training: cpr, when: {shift_kind: night}, effect: violation}
)");
    judged j(team + "shifts:\n" + shift_at("V1", "M07", "2026-03-02", "08:30") +
                 "  - {id: V2, employee: M07, start: 2026-03-02T22:00, end: 2026-03-03T06:00}\n" + "trainings: []\n",
             p);
    CHECK(found(j) == strings{"M07 V2"});
  }

  TEST_CASE("training.pre_job: a shift on effective leave is not worked; a shift received by swap is") {
    // The VIP policy has no leave or swap rules: both requests are approved as they stand.
    judged j(team + "  - {id: M09, role: account_manager, leader: T01}\nshifts:\n" +
                 shift_at("V1", "M07", "2026-03-02", "08:30") + shift_at("V2", "M09", "2026-03-03", "08:30") +
                 "requests:\n"
                 "  - {id: R1, type: leave, kind: personal, employee: M07, submitted_by: M07, submitted_at: "
                 "2026-02-25T09:00, shifts: [V1]}\n"
                 "  - {id: R2, type: swap, employee: M09, counterpart: M07, give: V2, submitted_at: 2026-02-25T10:00}\n"
                 "trainings: []\n",
             test::vip_policy());
    REQUIRE(j.decision_of("R1") == decision::approved);
    REQUIRE(j.decision_of("R2") == decision::approved);
    CHECK(found(j) == strings{"M07 V2"});
  }

  TEST_CASE("training.pre_job: a shift outside the period is not judged") {
    judged j(team + "period: {from: 2026-03-03, to: 2026-03-31}\nshifts:\n" +
                 shift_at("V1", "M07", "2026-03-02", "08:30") + "trainings: []\n",
             test::vip_policy());
    CHECK(found(j).empty());
  }

  TEST_CASE("training_before_duty needs its training type, one the policy knows") {
    CHECK(test::policy_errors(R"(policy: {name: p}
vocabulary: {training_types: [pre_job]}
rules:
  - {id: t, clause: c, kind: training_before_duty, training: pre_jbo, effect: violation}
)") == strings{"p.yaml:4:62: unknown training type `pre_jbo` in rule `t`: did you mean `pre_job`?"});
  }
}
