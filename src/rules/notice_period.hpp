// Kind `notice_period`: a request must come some time before the first shift it touches
// (clauses leave.2, leave.5 emergency notification, leave.7 holidays).
#pragma once

#include "common.hpp"

namespace rulebook::rules {

/// Holds when `measured_from` (the submission, or the emergency call to the leader) comes at least
/// `notice` before the start of the first touched shift that `when:` selects; with `strict: true`,
/// strictly more than `notice` before.
class notice_period final : public rule {
 public:
  enum class measured { submitted_at, leader_notified_at };

  notice_period(rule_header h, duration notice, bool strict, measured from)
      : rule(std::move(h)), notice_(notice), strict_(strict), from_(from) {}

  static auto make(rule_header h, field_reader& params) -> std::unique_ptr<rule> {
    auto notice = detail::duration_param(params, "notice");
    auto strict = detail::bool_param(params, "strict", false);
    auto from = detail::choice_param(params, "measured_from", {"submitted_at", "leader_notified_at"});
    if (!notice || !strict || !from) return nullptr;
    return std::make_unique<notice_period>(std::move(h), *notice, *strict,
                                           *from == "submitted_at" ? measured::submitted_at
                                                                   : measured::leader_notified_at);
  }

  [[nodiscard]] auto judges(request_type t) const -> bool override { return t != request_type::promotion; }

  void judge_request(request_context& ctx) const override {
    const auto& shifts = ctx.selected();
    if (shifts.empty()) return;
    // The first shift has the least notice, so it alone decides.
    const auto first = shifts.front();
    const auto& start = ctx.c().shifts[first].start;
    std::optional<time_point> at = ctx.req().submitted_at;
    if (from_ == measured::leader_notified_at) {
      const auto* l = ctx.req().leave();
      at = l ? l->leader_notified_at : std::nullopt;
    }
    if (at) {
      const duration actual = start - *at;
      if (strict_ ? actual > notice_ : actual >= notice_) return;
    }
    auto f = make_finding(ctx.req().employee, first, ctx.req().submitted_at);
    f.evidence.push_back({"required_notice_minutes", whole_minutes(notice_)});
    if (at) f.evidence.push_back({"actual_notice_minutes", whole_minutes(start - *at)});
    f.evidence.push_back({"shift", shift_ref{first}});
    ctx.report(header(), std::move(f));
  }

  [[nodiscard]] auto message(const finding& f, const message_context& m) const -> std::string override {
    const auto& r = m.req(f.subject.request);
    const auto what = detail::request_name(header(), r, m.lang);
    const auto shift = m.shift_of(f);
    const bool strictly_before = strict_ && notice_.total_seconds() == 0;
    const auto* actual = f.find("actual_notice_minutes");
    const std::string verb_en = from_ == measured::submitted_at ? "it was submitted" : "the shift leader was notified";
    const std::string verb_zh = from_ == measured::submitted_at ? "提出"
                                                                : "通知" + detail::leader_word(header(), m, r.employee);
    std::string need_en = strictly_before ? fmt::format("{} must come before shift {} starts", what, shift)
                                          : fmt::format("{} needs {} notice", what, m.length(notice_));
    if (from_ == measured::leader_notified_at) {
      need_en = fmt::format("{} needs the shift leader notified before shift {} starts", what, shift);
    }
    std::string need_zh = strictly_before || from_ == measured::leader_notified_at
                              ? fmt::format("{}须在班次{}开始前{}", what, shift, verb_zh)
                              : fmt::format("{}须提前{}提出", what, m.length(notice_));
    if (actual == nullptr) {
      return m.pick(fmt::format("{}; no notification was recorded.", need_en),
                    fmt::format("{}；未记录通知。", need_zh));
    }
    const auto mins = std::get<std::int64_t>(*actual);
    const auto d = boost::posix_time::minutes(mins);
    if (mins < 0) {
      return m.pick(fmt::format("{}; {} {} after shift {} started.", need_en, verb_en, m.length(d), shift),
                    fmt::format("{}；实际在班次{}开始后{}才{}。", need_zh, shift, m.length(d), verb_zh));
    }
    return m.pick(fmt::format("{}; {} {} before shift {}.", need_en, verb_en, m.length(d), shift),
                  fmt::format("{}；实际在班次{}开始前{}{}。", need_zh, shift, m.length(d), verb_zh));
  }

  [[nodiscard]] auto remedy(const finding& f, const message_context& m) const -> std::string override {
    const auto* actual = f.find("actual_notice_minutes");
    std::string out;
    if (actual != nullptr) {
      const auto short_by = f.number("required_notice_minutes") - std::get<std::int64_t>(*actual) + (strict_ ? 1 : 0);
      out = m.pick(fmt::format("submit at least {} earlier", m.length(boost::posix_time::minutes(short_by))),
                   fmt::format("至少提前{}提出", m.length(boost::posix_time::minutes(short_by))));
    } else {
      const auto employee = f.subject.request != no_index ? m.req(f.subject.request).employee : f.subject.employee;
      out = m.pick("record when the shift leader was notified",
                   "记录通知" + detail::leader_word(header(), m, employee) + "的时间");
    }
    const auto approval = rule::remedy(f, m);
    return approval.empty() ? out : out + m.pick(", or it ", "，或") + approval;
  }

  [[nodiscard]] auto looks_at_shifts() const -> bool override { return true; }
  [[nodiscard]] auto covers(const rule& other) const -> bool override {
    const auto* o = dynamic_cast<const notice_period*>(&other);
    // Whenever the other's shorter (or equal) notice is missed, this longer one is missed too.
    return o != nullptr && o->from_ == from_ && o->strict_ == strict_ && o->notice_ <= notice_;
  }

 private:
  duration notice_;
  bool strict_;
  measured from_;
};

}  // namespace rulebook::rules
