// Kind `criteria`: what a promotion to a grade requires (clauses grade.junior, grade.intermediate,
// grade.senior), written in YAML as a list of measures of the employee, each with its bound.
#pragma once

#include "common.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

namespace rulebook::rules {

/// Measures every criterion on the employee, lists each in the request's `criteria` (required,
/// found, holds) and reports each one that does not hold. A department adds "6 months in grade"
/// or "no violation in the last 3 months" with another list item:
///
///     criteria:
///       - {measure: typing_cpm, at_least: 50}          # latest monthly assessment
///       - {measure: exam_passed}                       # latest monthly assessment
///       - {measure: grade, equals: intermediate}       # the grade held now
///       - {measure: complaint_dispatch, within: 60min} # tickets of the latest assessment's month
///       - {measure: months_in_grade, at_least: 6}      # from the person's `grade_since`
///       - {measure: violations, months: 3, at_most: 0} # conduct findings before the request
///
/// "Latest" is the employee's latest assessment (clause grade.order: "the month of the employee's
/// latest assessment").
class criteria final : public rule {
 public:
  enum class measure : std::uint8_t { typing_cpm, exam_passed, grade, complaint_dispatch, months_in_grade, violations };

  /// One criterion as the policy writes it.
  struct item {
    measure what = measure::typing_cpm;
    bool at_least = true;        ///< numbers: a lower bound, else an upper one
    std::int64_t bound = 0;      ///< numbers: the bound
    bool flag = true;            ///< exam_passed: the value required
    std::string grade;           ///< grade: the grade required now
    duration within{};           ///< complaint_dispatch: the dispatch limit
    std::int64_t months = 0;     ///< violations: the window before the request, in months
    std::vector<effect> counts;  ///< violations: the effects that count
  };

  criteria(rule_header h, std::vector<item> items) : rule(std::move(h)), items_(std::move(items)) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    const auto* list = params.required("criteria");
    if (list == nullptr) return nullptr;
    auto& rd = params.reader();
    if (list->kind != source_node::type::sequence || list->items.empty()) {
      rd.error(*list, params.what_of("criteria") +
                          rd.pick(" must be a list of criteria, not ", "必须是考核项的列表，不能是") +
                          rd.describe_node(*list));
      return nullptr;
    }
    if (list->items.size() > 255) {
      const auto count = std::to_string(list->items.size());
      rd.error(*list, params.what_of("criteria") + rd.pick(" lists " + count + " criteria; at most 255",
                                                           "列了" + count + "个考核项，至多255个"));
      return nullptr;
    }
    std::vector<item> items;
    bool ok = true;
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      const auto number = std::to_string(i + 1);
      field_reader f(rd, list->items[i],
                     rd.pick("criterion " + number + " of " + params.what(),
                             params.what() + "第" + number + "个考核项"));
      auto it = read_item(f, h);
      f.finish();
      ok = ok && f.ok() && it.has_value();
      if (it) items.push_back(std::move(*it));
    }
    if (!ok) return nullptr;
    return std::make_unique<criteria>(std::move(h), std::move(items));
  }

  [[nodiscard]] auto judges(request_type t) const -> bool override { return t == request_type::promotion; }
  [[nodiscard]] auto items() const -> const std::vector<item>& { return items_; }

  void judge_request(request_context& ctx) const override {
    const auto& r = ctx.req();
    const auto& c = ctx.c();
    const auto& who = c.people[r.employee];
    const assessment* latest = nullptr;
    for (const auto i : ctx.assessments_of(r.employee)) {
      const auto& a = c.assessments[i];
      if (latest == nullptr || latest->month < a.month) latest = &a;
    }
    for (std::size_t i = 0; i < items_.size(); ++i) {
      const auto& it = items_[i];
      criterion cr;
      cr.rule = header().index;
      cr.name = name(it);
      cr.label_zh = label_zh(it);
      cr.test = it.what == measure::exam_passed || it.what == measure::grade ? "equals"
                : it.at_least                                                ? "at_least"
                                                                             : "at_most";
      std::string late;  // complaint_dispatch: the tickets that were late
      switch (it.what) {
        case measure::typing_cpm:
          cr.required = it.bound;
          if (latest) cr.found = latest->typing_cpm;
          break;
        case measure::exam_passed:
          cr.required = it.flag;
          if (latest) cr.found = latest->exam_passed;
          break;
        case measure::grade:
          cr.required = it.grade;
          if (!who.grade.empty()) cr.found = who.grade;
          break;
        case measure::complaint_dispatch: {
          cr.required = it.bound;
          if (!latest) break;
          std::int64_t n = 0;
          for (const auto ti : ctx.tickets_of(r.employee)) {
            const auto& t = c.tickets[ti];
            const auto d = t.received_at.date();
            if (!(month{d.year(), d.month()} == latest->month)) continue;
            if (!t.dispatched_at || *t.dispatched_at - t.received_at > it.within) {
              ++n;
              late += (late.empty() ? "" : ", ") + t.id;
            }
          }
          cr.found = n;
          break;
        }
        case measure::months_in_grade:
          cr.required = it.bound;
          if (who.grade_since) cr.found = months_between(*who.grade_since, r.submitted_at.date());
          break;
        case measure::violations: {
          cr.required = it.bound;
          const auto from = time_point(r.submitted_at.date() - boost::gregorian::months(static_cast<int>(it.months)),
                                       r.submitted_at.time_of_day());
          std::int64_t n = 0;
          for (const auto& e : ctx.record_of(r.employee, from, r.submitted_at)) {
            n += std::find(it.counts.begin(), it.counts.end(), e.effect) != it.counts.end() ? 1 : 0;
          }
          cr.found = n;
          break;
        }
      }
      if (latest && (it.what == measure::typing_cpm || it.what == measure::exam_passed ||
                     it.what == measure::complaint_dispatch)) {
        cr.month = latest->month;
      }
      cr.holds = cr.found.has_value() && holds(it, *cr.found);
      if (!cr.holds) {
        auto f = make_finding(r.employee, no_index, r.submitted_at);
        f.variant = static_cast<std::uint8_t>(i);
        f.evidence.push_back({"criterion", cr.name});
        f.evidence.push_back({"required", cr.required});
        if (cr.found) f.evidence.push_back({"found", *cr.found});
        if (cr.month) f.evidence.push_back({"month", *cr.month});
        if (!late.empty()) f.evidence.push_back({"late_tickets", late});
        if (it.what == measure::months_in_grade && who.grade_since) f.evidence.push_back({"since", *who.grade_since});
        f.evidence.push_back({"to_grade", r.promotion()->to_grade});
        ctx.report(header(), std::move(f));
      }
      ctx.criteria.push_back(std::move(cr));
    }
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto& it = items_.at(f.variant);
    const auto to = std::get<std::string>(*f.find("to_grade"));
    return m.pick(fmt::format("ask again for {} once {} is met", to, need(it, lang::en)),
                  fmt::format("达到{}后再申请晋级{}", need(it, lang::zh), detail::grade_name(header(), to, lang::zh)));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto& it = items_.at(f.variant);
    const auto to = std::get<std::string>(*f.find("to_grade"));
    return m.lang == lang::zh ? fmt::format("晋级{}须{}；{}。", detail::grade_name(header(), to, lang::zh),
                                            need(it, lang::zh), got(it, f, m))
                              : fmt::format("Promotion to {} needs {}; {}.", to, need(it, lang::en), got(it, f, m));
  }

 private:
  static auto label_zh(const item& it) -> std::string {
    switch (it.what) {
      case measure::typing_cpm: return "汉字录入（字/分钟）";
      case measure::exam_passed: return "业务考试合格";
      case measure::grade: return "现级别";
      case measure::complaint_dispatch: return fmt::format("超过{}分钟派发的投诉单", whole_minutes(it.within));
      case measure::months_in_grade: return "任现级别月数";
      case measure::violations: return fmt::format("近{}个月违纪次数", it.months);
    }
    return "?";
  }

  static auto name(const item& it) -> std::string {
    switch (it.what) {
      case measure::typing_cpm: return "typing_cpm";
      case measure::exam_passed: return "exam_passed";
      case measure::grade: return "grade";
      case measure::complaint_dispatch: return fmt::format("complaint_tickets_over_{}min", whole_minutes(it.within));
      case measure::months_in_grade: return "months_in_grade";
      case measure::violations: return "violations_in_" + std::to_string(it.months) + "_months";
    }
    return "?";
  }

  static auto holds(const item& it, const evidence_value& found) -> bool {
    if (const auto* n = std::get_if<std::int64_t>(&found)) return it.at_least ? *n >= it.bound : *n <= it.bound;
    if (const auto* b = std::get_if<bool>(&found)) return *b == it.flag;
    if (const auto* s = std::get_if<std::string>(&found)) return *s == it.grade;
    return false;
  }

  /// Whole calendar months from `from` to `to` (2025-09-15 to 2026-03-14 is 5).
  static auto months_between(date from, date to) -> std::int64_t {
    if (to < from) return 0;
    auto n = std::int64_t{to.year() - from.year()} * 12 + (to.month() - from.month());
    return to.day() < from.day() ? n - 1 : n;
  }

  static auto read_item(field_reader& f, const rule_header& h) -> std::optional<item> {
    auto& rd = f.reader();
    item it;
    const auto what = detail::choice_param(
        f, "measure", {"typing_cpm", "exam_passed", "grade", "complaint_dispatch", "months_in_grade", "violations"});
    if (f.node().find("measure") == nullptr && f.ok()) {
      rd.error(f.node(), rd.pick("missing key `measure` in " + f.what(), f.what() + "缺少键`measure`"));
      return std::nullopt;
    }
    if (!what) {
      // The measure is wrong, not its bounds: take them as read, so the one error is the measure's.
      for (const auto* key : {"at_least", "at_most", "equals", "within", "months", "effects"}) (void)f.optional(key);
      return std::nullopt;
    }
    // Numbers take `at_least` or `at_most`; the duty measures default to "at most 0".
    const auto bound = [&](std::optional<std::int64_t> fallback_at_most) -> bool {
      const auto* lo = f.optional("at_least");
      const auto* hi = f.optional("at_most");
      if (lo && hi) {
        rd.error(*hi, rd.pick(f.what() + " takes `at_least` or `at_most`, not both",
                              f.what() + "只能写`at_least`或`at_most`中的一个，不能两个都写"));
        return false;
      }
      if (!lo && !hi) {
        if (fallback_at_most) {
          it.at_least = false;
          it.bound = *fallback_at_most;
          return true;
        }
        rd.error(f.node(), rd.pick("missing key `at_least` (or `at_most`) in " + f.what(),
                                   f.what() + "缺少键`at_least`（或`at_most`）"));
        return false;
      }
      it.at_least = lo != nullptr;
      const auto v = rd.integer(lo ? *lo : *hi, f.what_of(lo ? "at_least" : "at_most"));
      it.bound = v.value_or(0);
      return v.has_value();
    };
    if (*what == "typing_cpm") {
      it.what = measure::typing_cpm;
      if (!bound(std::nullopt)) return std::nullopt;
    } else if (*what == "exam_passed") {
      it.what = measure::exam_passed;
      const auto v = detail::bool_param(f, "equals", true);
      if (!v) return std::nullopt;
      it.flag = *v;
    } else if (*what == "grade") {
      it.what = measure::grade;
      const auto* g = f.required("equals");
      const auto t = g ? rd.text(*g, f.what_of("equals")) : std::nullopt;
      if (!t || !detail::known_name(f, *g, *t, h.vocabulary ? h.vocabulary->grades : std::vector<std::string>{},
                                    {"grade", "级别"})) {
        return std::nullopt;
      }
      it.grade = *t;
    } else if (*what == "complaint_dispatch") {
      it.what = measure::complaint_dispatch;
      const auto within = detail::duration_param(f, "within");
      const bool bounded = bound(0);  // read either way, so a bad `within` is the only error
      if (!within || !bounded) return std::nullopt;
      it.within = *within;
    } else if (*what == "months_in_grade") {
      it.what = measure::months_in_grade;
      if (!bound(std::nullopt)) return std::nullopt;
    } else {
      it.what = measure::violations;
      const auto months = detail::count_param(f, "months", 1, std::nullopt, 1200);  // 100 years: dates stay in range
      const bool bounded = bound(0);  // read either way, so a bad `months` is the only error
      if (!months || !bounded) return std::nullopt;
      it.months = *months;
      it.counts = {effect::violation};
      if (const auto* e = f.optional("effects")) {
        it.counts.clear();
        for (const auto& name : rd.text_list(*e, f.what_of("effects"))) {
          if (auto eff = parse_effect(name)) {
            it.counts.push_back(*eff);
          } else {
            std::vector<std::string> names;
            for (auto e2 : all_effects) names.emplace_back(to_string(e2));
            const auto hint = did_you_mean(name, names, rd.language());
            rd.error(*e, rd.pick("unknown effect `" + name + "` in " + f.what() + hint,
                                 f.what() + "中有未知的效力`" + name + "`" + hint));
            return std::nullopt;
          }
        }
      }
    }
    return it;
  }

  /// What the criterion asks for, as words.
  [[nodiscard]] auto need(const item& it, lang l) const -> std::string {
    const bool zh = l == lang::zh;
    const auto n = it.bound;
    switch (it.what) {
      case measure::typing_cpm:
        if (it.at_least)
          return zh ? fmt::format("汉字录入每分钟不少于{}字", n)
                    : fmt::format("typing at {} characters per minute or more", n);
        return zh ? fmt::format("汉字录入每分钟不超过{}字", n)
                  : fmt::format("typing at no more than {} characters per minute", n);
      case measure::exam_passed:
        return it.flag ? (zh ? "业务考试合格" : "a passed business exam")
                       : (zh ? "业务考试未合格" : "an exam not passed");
      case measure::grade:
        return zh ? fmt::format("现为{}", detail::grade_name(header(), it.grade, l))
                  : fmt::format("to hold the grade {} now", it.grade);
      case measure::complaint_dispatch:
        if (!it.at_least && n == 0) {
          return zh ? fmt::format("最近考核月受理的投诉单均在{}分钟内派发", whole_minutes(it.within))
                    : fmt::format("every complaint ticket of the latest assessed month dispatched within {} minutes",
                                  whole_minutes(it.within));
        }
        return zh ? fmt::format("最近考核月超过{}分钟派发的投诉单{}{}张", whole_minutes(it.within),
                                it.at_least ? "不少于" : "不超过", n)
                  : fmt::format(
                        "{} {} complaint ticket(s) of the latest assessed month dispatched later than {} minutes",
                        it.at_least ? "at least" : "at most", n, whole_minutes(it.within));
      case measure::months_in_grade:
        return zh ? fmt::format("任现级别{}{}个月", it.at_least ? "满" : "不超过", n)
                  : fmt::format("{} {} month(s) in the current grade", it.at_least ? "at least" : "at most", n);
      case measure::violations:
        if (!it.at_least && n == 0) {
          return zh ? fmt::format("申请前{}个月内无违纪", it.months)
                    : fmt::format("no violation in the {} month(s) before the request", it.months);
        }
        return zh ? fmt::format("申请前{}个月内违纪{}{}次", it.months, it.at_least ? "不少于" : "不超过", n)
                  : fmt::format("{} {} violation(s) in the {} month(s) before the request",
                                it.at_least ? "at least" : "at most", n, it.months);
    }
    return "?";
  }

  /// What was found, as words.
  [[nodiscard]] auto got(const item& it, const finding& f, const message_context& m) const -> std::string {
    const bool zh = m.lang == lang::zh;
    const auto who = m.person(f.subject.employee);
    const auto* found = f.find("found");
    const auto* mon = f.find("month");
    const auto month_text = mon ? m.month_words(std::get<month>(*mon)) : std::string();
    switch (it.what) {
      case measure::typing_cpm:
      case measure::exam_passed:
      case measure::complaint_dispatch:
        if (found == nullptr)
          return zh ? fmt::format("{}没有月度考核记录", who)
                    : fmt::format("{} has no monthly assessment on record", who);
        if (it.what == measure::typing_cpm) {
          return zh ? fmt::format("{}考核为每分钟{}字", month_text, std::get<std::int64_t>(*found))
                    : fmt::format("the {} assessment found {}", month_text, std::get<std::int64_t>(*found));
        }
        if (it.what == measure::exam_passed) {
          const bool passed = std::get<bool>(*found);
          return zh ? fmt::format("{}考核业务考试{}", month_text, passed ? "合格" : "不合格")
                    : fmt::format("the {} assessment records the exam as {}", month_text,
                                  passed ? "passed" : "not passed");
        }
        {
          const auto* late = f.find("late_tickets");
          const auto ids = late ? std::get<std::string>(*late) : std::string();
          const auto n = std::get<std::int64_t>(*found);
          return zh ? fmt::format("{}有{}张未按时派发{}", month_text, n, ids.empty() ? "" : "（" + ids + "）")
                    : fmt::format("{} ticket(s) of {} were not{}", n, month_text, ids.empty() ? "" : " (" + ids + ")");
        }
      case measure::grade:
        if (found == nullptr) return zh ? fmt::format("{}没有级别", who) : fmt::format("{} has no grade", who);
        return zh ? fmt::format("{}现为{}", who, detail::grade_name(header(), std::get<std::string>(*found), lang::zh))
                  : fmt::format("{} is {}", who, std::get<std::string>(*found));
      case measure::months_in_grade: {
        if (found == nullptr) {
          return zh ? fmt::format("{}的任级起始日期（grade_since）没有记录", who)
                    : fmt::format("{} has no `grade_since` on record", who);
        }
        const auto since = m.day(std::get<date>(*f.find("since")));
        return zh ? fmt::format("{}自{}起任现级别，满{}个月", who, since, std::get<std::int64_t>(*found))
                  : fmt::format("{} has {} (since {})", who, std::get<std::int64_t>(*found), since);
      }
      case measure::violations:
        return zh ? fmt::format("{}有{}次", who, std::get<std::int64_t>(*found))
                  : fmt::format("{} has {}", who, std::get<std::int64_t>(*found));
    }
    return "?";
  }

  std::vector<item> items_;
};

}  // namespace rulebook::rules
