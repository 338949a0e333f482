// Clauses duty.quality_report, duty.daily_report, duty.inspection_report and duty.callback_report:
// a report of a type by people of a role every day, week or month, before a deadline set from the
// period's start (kind recurring_report).
#include "rules/recurring_report.hpp"

#include "support.hpp"

using namespace rulebook;
using test::judged;
using strings = std::vector<std::string>;

namespace {

const std::string people = R"(
people:
  - {id: E001, role: agent, grade: junior, leader: L01}
  - {id: L01, role: shift_leader, reports_to: D01}
  - {id: L02, role: shift_leader, reports_to: D01}
  - {id: Q01, role: quality, reports_to: D01}
  - {id: K01, role: callback, reports_to: D01}
  - {id: K02, role: callback, reports_to: D01}
  - {id: D01, role: department_director}
)";

/// A report as a YAML list item; `covers` is e.g. `month: 2026-03`, or empty.
auto handed(const std::string& id, const std::string& type, const std::string& by, const std::string& covers,
            const std::string& at) -> std::string {
  return "  - {id: " + id + ", type: " + type + ", by: " + by + (covers.empty() ? "" : ", " + covers) +
         ", submitted_at: " + at + "}\n";
}

/// The findings of `rule`, each as `employee period variant` (plus the days late of a late one).
auto found(const judged& j, const std::string& rule) -> strings {
  strings out;
  for (const auto& f : j.conduct(rule)) {
    const auto period = test::period_of(f);
    out.push_back(j.c.people.at(f.subject.employee).id + " " + period + " " + std::to_string(f.variant) +
                  (f.variant == 1 ? " " + std::to_string(f.number("days_late")) : ""));
  }
  return out;
}

auto remedy(const judged& j, const finding& f, lang l = lang::en) -> std::string {
  return j.v.rule_of(f).remedy(f, message_context{j.c, l});
}

const std::string march = "period: {from: 2026-03-01, to: 2026-03-31}\n";

}  // namespace

TEST_SUITE("rules/recurring_report") {
  TEST_CASE("duty.quality_report: handed in on the 21st at 23:59 holds; on the 22nd at 00:00 it is a day late") {
    const auto with = [&](const std::string& l02_at) {
      return judged(people + march + "reports:\n" +
                    handed("RP1", "quality_analysis", "L01", "month: 2026-03", "2026-03-21T23:59") +
                    handed("RP2", "quality_analysis", "L02", "month: 2026-03", l02_at));
    };
    CHECK(found(with("2026-03-21T23:59"), "quality-report").empty());
    const auto late = with("2026-03-22T00:00");
    CHECK(found(late, "quality-report") == strings{"L02 2026-03 1 1"});
    const auto f = late.conduct("quality-report").at(0);
    CHECK(f.subject.month == month{2026, 3});
    CHECK(late.message(f) ==
          "L02's quality analysis report for 2026-03 (RP2) came in at 2026-03-22T00:00, at the deadline itself: it was "
          "due before 2026-03-22T00:00.");
    CHECK(
        late.message(f, lang::zh) ==
        "L02的2026年3月服务质量分析报告（RP2）于2026年3月22日 00:00提交，恰在截止时间，应在2026年3月22日 00:00之前提交。");
    CHECK(remedy(late, f) ==
          "hand in the quality analysis report before its deadline, 2026-03-22T00:00 (it came at the deadline itself)");
    CHECK(found(with("2026-03-22T23:59"), "quality-report") == strings{"L02 2026-03 1 1"});
    CHECK(found(with("2026-03-23T00:00"), "quality-report") == strings{"L02 2026-03 1 2"});
  }

  TEST_CASE("duty.quality_report: a leader with no report for the month is warned, and told what to hand in") {
    judged j(people + march + "reports:\n" +
             handed("RP1", "quality_analysis", "L01", "month: 2026-03", "2026-03-20T16:00") +
             handed("RP2", "quality_analysis", "L02", "month: 2026-02", "2026-03-20T16:00"));  // February's
    CHECK(found(j, "quality-report") == strings{"L02 2026-03 0"});
    const auto f = j.conduct("quality-report").at(0);
    CHECK(j.message(f) == "L02 handed in no quality analysis report for 2026-03; it was due before 2026-03-22T00:00.");
    CHECK(j.message(f, lang::zh) == "L02未提交2026年3月的服务质量分析报告，应在2026年3月22日 00:00之前提交。");
    CHECK(remedy(j, f) == "hand in the quality analysis report for 2026-03");
    CHECK(remedy(j, f, lang::zh) == "提交2026年3月的服务质量分析报告");
  }

  TEST_CASE("duty.quality_report: a report for March handed in before March began does not count, and says so") {
    judged j(people + march + "reports:\n" +
             handed("RP1", "quality_analysis", "L01", "month: 2026-03", "2026-03-01T00:00") +
             handed("RP2", "quality_analysis", "L02", "month: 2026-03", "2026-02-28T23:59"));
    CHECK(found(j, "quality-report") == strings{"L02 2026-03 2"});
    const auto f = j.conduct("quality-report").at(0);
    CHECK(j.message(f) ==
          "L02's quality analysis report for 2026-03 (RP2) came in at 2026-02-28T23:59, before 2026-03-01T00:00, when "
          "it could first be handed in: it does not count.");
    CHECK(j.message(f, lang::zh) ==
          "L02的2026年3月服务质量分析报告（RP2）于2026年2月28日 23:59提交，早于可提交的2026年3月1日 00:00，不计入。");
    CHECK(remedy(j, f) ==
          "hand in the quality analysis report for 2026-03 between 2026-03-01T00:00 and 2026-03-22T00:00");
  }

  TEST_CASE("duty.quality_report: a report naming no month, handed in after the 22nd, is the month's late one") {
    judged j(people + march + "reports:\n" + handed("RP1", "quality_analysis", "L01", "", "2026-03-20T10:00") +
             handed("RP2", "quality_analysis", "L02", "", "2026-03-23T09:00"));
    CHECK(found(j, "quality-report") == strings{"L02 2026-03 1 2"});
  }

  TEST_CASE("duty.quality_report: a leader hired on or after the deadline does not owe the month's report") {
    const auto hired = [&](const std::string& day) {
      return judged("people:\n  - {id: L01, role: shift_leader, hired: " + day + "}\n" + march + "reports: []\n");
    };
    CHECK(found(hired("2026-03-21"), "quality-report") == strings{"L01 2026-03 0"});
    CHECK(found(hired("2026-03-22"), "quality-report").empty());
  }

  TEST_CASE("duty.quality_report: without a period, the roster's days decide what is judged, not a report's date") {
    // A typo in a report's date (2062) does not make forty years of months judged.
    judged j(people + "shifts:\n" + test::day_shift("S1", "L01", "2026-03-02") +
             test::day_shift("S2", "L01", "2026-04-30") + "reports:\n" +
             handed("RP1", "quality_analysis", "L01", "", "2062-03-20T10:00"));
    CHECK(found(j, "quality-report") == strings{"L01 2026-04 0", "L02 2026-04 0"});
  }

  TEST_CASE("duty.quality_report: a report by someone else does not count for the leader") {
    judged j(people + march + "reports:\n" +
             handed("RP1", "quality_analysis", "L01", "month: 2026-03", "2026-03-20T16:00") +
             handed("RP2", "quality_analysis", "L01", "month: 2026-03", "2026-03-20T17:00"));
    CHECK(found(j, "quality-report") == strings{"L02 2026-03 0"});
  }

  TEST_CASE("duty.quality_report: a case with no reports list reports none, and is not judged") {
    judged j(people + march);
    CHECK(found(j, "quality-report").empty());
    judged empty(people + march + "reports: []\n");
    CHECK(found(empty, "quality-report") == strings{"L01 2026-03 0", "L02 2026-03 0"});
  }

  TEST_CASE("duty.inspection_report: by Monday 12:00 of the next week, 12:00 included, holds; at 12:01 it is late") {
    const auto week = std::string("period: {from: 2026-03-02, to: 2026-03-08}\nreports:\n");
    CHECK(found(judged(people + week + handed("IR1", "inspection", "Q01", "week: 2026-03-02", "2026-03-09T12:00")),
                "inspection-report")
              .empty());
    judged late(people + week + handed("IR1", "inspection", "Q01", "week: 2026-03-02", "2026-03-09T12:01"));
    CHECK(found(late, "inspection-report") == strings{"Q01 week 2026-03-02 1 1"});
    CHECK(late.conduct("inspection-report").at(0).subject.week == date(2026, 3, 2));
    judged none(people + week + handed("IR1", "inspection", "Q01", "week: 2026-02-23", "2026-03-02T09:00"));
    CHECK(found(none, "inspection-report") == strings{"Q01 week 2026-03-02 0"});
  }

  TEST_CASE("duty.inspection_report: a report naming no week counts when handed in within the week or by Monday noon") {
    const auto week = std::string("period: {from: 2026-03-02, to: 2026-03-08}\nreports:\n");
    CHECK(found(judged(people + week + handed("IR1", "inspection", "Q01", "", "2026-03-06T17:00")), "inspection-report")
              .empty());
    CHECK(found(judged(people + week + handed("IR1", "inspection", "Q01", "", "2026-03-09T12:01")),
                "inspection-report") == strings{"Q01 week 2026-03-02 0"});
  }

  TEST_CASE("duty.daily_report: judged on days a shift leader works a day shift; one report serves all of them") {
    const auto roster = std::string("shifts:\n") + test::day_shift("S1", "L01", "2026-03-02") +
                        test::day_shift("S2", "L02", "2026-03-02") + test::day_shift("S3", "L02", "2026-03-03") +
                        "  - {id: S4, employee: L01, start: 2026-03-04T21:00, end: 2026-03-05T07:00, kind: night}\n";
    const auto period = std::string("period: {from: 2026-03-02, to: 2026-03-04}\n");
    judged j(people + period + roster + "reports:\n" +
             handed("D1", "daily", "L02", "date: 2026-03-02", "2026-03-02T17:30"));
    // 03-02: L02's report serves L01 too; 03-03: L02 alone owes one; 03-04: only a night shift.
    CHECK(found(j, "daily-report") == strings{"L02 2026-03-03 0"});
    CHECK(j.message(j.conduct("daily-report").at(0)) ==
          "L02 handed in no daily report for 2026-03-03; it was due before 2026-03-04T00:00.");
    judged none(people + period + roster + "reports: []\n");
    CHECK(found(none, "daily-report") == strings{"L01 2026-03-02 0", "L02 2026-03-02 0", "L02 2026-03-03 0"});
    CHECK(none.message(none.conduct("daily-report").at(0)) ==
          "No daily report for 2026-03-02 came from L01 or any other shift leader on duty; it was due before "
          "2026-03-03T00:00.");
    // Handed in the next morning: late, a day.
    judged late(people + period + roster + "reports:\n" +
                handed("D1", "daily", "L01", "date: 2026-03-02", "2026-03-03T08:00") +
                handed("D2", "daily", "L02", "date: 2026-03-03", "2026-03-03T23:59"));
    CHECK(found(late, "daily-report") == strings{"L01 2026-03-02 1 1", "L02 2026-03-02 1 1"});
  }

  TEST_CASE(
      "duty.inspection_report: a report naming no week counts for one week only, the earlier on a Monday morning") {
    const auto two = std::string("period: {from: 2026-03-02, to: 2026-03-15}\nreports:\n");
    judged monday(people + two + handed("IR1", "inspection", "Q01", "", "2026-03-09T10:00"));
    CHECK(found(monday, "inspection-report") == strings{"Q01 week 2026-03-09 0"});
    judged noon(people + two + handed("IR1", "inspection", "Q01", "", "2026-03-09T12:00"));
    CHECK(found(noon, "inspection-report") == strings{"Q01 week 2026-03-09 0"});
    judged after(people + two + handed("IR1", "inspection", "Q01", "", "2026-03-09T12:01"));
    CHECK(found(after, "inspection-report") == strings{"Q01 week 2026-03-02 0"});
  }

  TEST_CASE("duty.daily_report: a report naming a month or week that is not the day's does not count for it") {
    const auto roster = std::string("shifts:\n") + test::day_shift("S1", "L01", "2026-03-02");
    const auto with = [&](const std::string& covers) {
      return judged(people + "period: {from: 2026-03-02, to: 2026-03-02}\n" + roster + "reports:\n" +
                    handed("D1", "daily", "L01", covers, "2026-03-02T18:00"));
    };
    CHECK(found(with("month: 2026-07"), "daily-report") == strings{"L01 2026-03-02 0"});
    CHECK(found(with("week: 2026-06-01"), "daily-report") == strings{"L01 2026-03-02 0"});
    CHECK(found(with("week: 2026-03-02"), "daily-report").empty());
    CHECK(found(with("date: 2026-03-02"), "daily-report").empty());
  }

  TEST_CASE("duty.callback_report: a report naming the week before its Monday counts for that Monday") {
    judged j(people + "period: {from: 2026-03-09, to: 2026-03-09}\nreports:\n" +
             handed("SR1", "satisfaction", "K01", "week: 2026-03-02", "2026-03-09T17:00"));
    CHECK(found(j, "callback-report").empty());
  }

  TEST_CASE("duty.daily_report: a shared report that came late is named with its author") {
    const auto roster = std::string("shifts:\n") + test::day_shift("S1", "L01", "2026-03-02") +
                        test::day_shift("S2", "L02", "2026-03-02");
    judged j(people + "period: {from: 2026-03-02, to: 2026-03-02}\n" + roster + "reports:\n" +
             handed("D1", "daily", "L02", "date: 2026-03-02", "2026-03-03T08:00"));
    CHECK(found(j, "daily-report") == strings{"L01 2026-03-02 1 1", "L02 2026-03-02 1 1"});
    CHECK(j.message(j.conduct("daily-report").at(0)) ==
          "L02's daily report for 2026-03-02 (D1) came in at 2026-03-03T08:00, 8h late: it was due before "
          "2026-03-03T00:00.");
  }

  TEST_CASE("duty.daily_report: a report for the day handed in the evening before counts: the Reading sets no start") {
    const auto roster = std::string("shifts:\n") + test::day_shift("S1", "L01", "2026-03-06");
    judged j(people + "period: {from: 2026-03-06, to: 2026-03-06}\n" + roster + "reports:\n" +
             handed("D1", "daily", "L01", "date: 2026-03-06", "2026-03-05T22:00"));
    CHECK(found(j, "daily-report").empty());
  }

  TEST_CASE("duty.daily_report: a leader whose day shift is on effective leave does not owe the report") {
    const auto roster = std::string("shifts:\n") + test::day_shift("S1", "L01", "2026-03-03");
    judged j(people + "period: {from: 2026-03-03, to: 2026-03-03}\n" + roster +
             "requests:\n  - {id: R1, type: leave, kind: personal, employee: L01, submitted_by: L01, submitted_at: "
             "2026-02-25T09:00, shifts: [S1], approvals: [{by: D01, at: 2026-02-25T10:00}]}\nreports: []\n");
    REQUIRE(j.decision_of("R1") == decision::approved);
    CHECK(found(j, "daily-report").empty());
  }

  TEST_CASE("duty.callback_report: due every Monday before 18:00, handed in since the previous Monday 18:00") {
    const auto week = std::string("period: {from: 2026-03-09, to: 2026-03-15}\nreports:\n");  // Monday 03-09
    const auto at = [&](const std::string& t) {
      return judged(people + week + handed("SR1", "satisfaction", "K02", "", t));
    };
    CHECK(found(at("2026-03-09T17:59"), "callback-report").empty());
    CHECK(found(at("2026-03-02T18:00"), "callback-report").empty());
    CHECK(found(at("2026-03-09T18:00"), "callback-report") == strings{"K01 2026-03-09 0", "K02 2026-03-09 0"});
    const auto early = at("2026-03-02T17:59");
    CHECK(found(early, "callback-report") == strings{"K01 2026-03-09 0", "K02 2026-03-09 0"});
    CHECK(early.message(early.conduct("callback-report").at(0)) ==
          "No satisfaction report for 2026-03-09 came from K01 or any other callback agent between 2026-03-02T18:00 "
          "and 2026-03-09T18:00.");
  }

  TEST_CASE("duty.callback_report: only the window decides, whatever the report names") {
    const auto weeks = std::string("period: {from: 2026-03-16, to: 2026-03-23}\nreports:\n");
    // Named for 03-16, handed in after its 18:00: it is the report the next Monday's window holds.
    judged j(people + weeks + handed("SR1", "satisfaction", "K01", "date: 2026-03-16", "2026-03-16T17:00") +
             handed("SR2", "satisfaction", "K01", "date: 2026-03-16", "2026-03-16T19:00"));
    CHECK(found(j, "callback-report").empty());
  }

  TEST_CASE("duty.callback_report: a Monday that is a public holiday still needs the report, as the Reading says") {
    // 2026-10-05 is a Monday inside the National Day holiday (cn-2026); the Reading makes no exception.
    const auto week = std::string("period: {from: 2026-10-05, to: 2026-10-05}\nreports:\n");
    judged j(people + week + handed("SR1", "satisfaction", "K01", "", "2026-09-28T17:00"));
    CHECK(found(j, "callback-report") == strings{"K01 2026-10-05 0", "K02 2026-10-05 0"});
    judged held(people + week + handed("SR1", "satisfaction", "K01", "", "2026-10-05T09:00"));
    CHECK(found(held, "callback-report").empty());
  }
}

TEST_SUITE("rules/recurring_report: parameters") {
  const std::string head = "policy: {name: p}\n" + test::department_vocabulary +
                           "  report_types: [quality_analysis]\nrules:\n  - id: r\n    clause: c\n    kind: "
                           "recurring_report\n    effect: warning\n";

  TEST_CASE("report, every, by and due are required; a report type the policy does not know is an error") {
    CHECK(test::policy_errors(head) ==
          strings{"p.yaml:9:5: missing key `report` in rule `r`", "p.yaml:9:5: missing key `every` in rule `r`",
                  "p.yaml:9:5: missing key `by` in rule `r`", "p.yaml:9:5: missing key `due` in rule `r`"});
    CHECK(test::policy_errors(head +
                              "    report: quality_analisys\n    every: month\n    by: shift_leader\n    due: 21d\n") ==
          strings{
              "p.yaml:13:13: unknown report type `quality_analisys` in rule `r`: did you mean `quality_analysis`?"});
  }

  TEST_CASE("on picks the days of a daily report only; due is after the period's start") {
    CHECK(test::policy_errors(head + "    report: quality_analysis\n    every: week\n    by: quality\n    due: 7d\n"
                                     "    on: monday\n") ==
          strings{"p.yaml:17:9: `on` of rule `r` picks the days of `every: day` or `every: working_day`"});
    CHECK(test::policy_errors(head +
                              "    report: quality_analysis\n    every: day\n    by: quality\n    due: 0min\n") ==
          strings{"p.yaml:16:10: `due` of rule `r` must be after the period's start"});
  }

  TEST_CASE("from is each or any; on_duty is a shift kind or any") {
    const auto base = head + "    report: quality_analysis\n    every: day\n    by: shift_leader\n    due: 1d\n";
    CHECK(test::policy_errors(base + "    from: all\n").size() == 1);
    CHECK(test::policy_errors(base + "    on_duty: dya\n") ==
          strings{"p.yaml:17:14: unknown shift kind `dya` in rule `r`: did you mean `day`?"});
    CHECK(test::policy_errors(base + "    from: any\n    on_duty: any\n").empty());
  }

  TEST_CASE("a safety report every quarter is a YAML edit away: a title in the department's words") {
    const auto p = test::policy_of(head +
                                   "    report: quality_analysis\n    every: month\n    by: quality\n    due: 5d\n"
                                   "    title: {en: safety drill log, zh: 消防演练记录}\n");
    judged j(people + march + "reports: []\n", p);
    REQUIRE(j.v.findings.size() == 1);
    CHECK(j.message(j.v.findings[0]) ==
          "Q01 handed in no safety drill log for 2026-03; it was due before 2026-03-06T00:00.");
    CHECK(j.message(j.v.findings[0], lang::zh) == "Q01未提交2026年3月的消防演练记录，应在2026年3月6日 00:00之前提交。");
  }
}
