// lint: what is legal in a policy but suspicious.
#include <rulebook/kind.hpp>
#include <rulebook/policy.hpp>

#include <algorithm>

namespace rulebook {
namespace {

// Whether every list of `b` is empty (anything) or holds `a`'s (non-empty) list.
template <typename T>
auto list_within(const std::vector<T>& a, const std::vector<T>& b) -> bool {
  if (b.empty()) return true;
  if (a.empty()) return false;
  return std::all_of(a.begin(), a.end(), [&](const T& x) { return std::find(b.begin(), b.end(), x) != b.end(); });
}

// Whether condition `a` selects nothing that `b` does not: wherever `a` applies, `b` applies too.
auto within(const condition& a, const condition& b) -> bool {
  const auto flag = [](const std::optional<bool>& x, const std::optional<bool>& y) { return !y || x == y; };
  return list_within(a.requests, b.requests) && list_within(a.leave_kinds, b.leave_kinds) &&
         list_within(a.shift_kinds, b.shift_kinds) && flag(a.holiday, b.holiday) && flag(a.swapped, b.swapped) &&
         list_within(a.roles, b.roles) && list_within(a.grades, b.grades) && list_within(a.to_grades, b.to_grades);
}

auto named(const std::vector<std::uint32_t>& list, std::uint32_t i) -> bool {
  return std::find(list.begin(), list.end(), i) != list.end();
}

}  // namespace

auto lint_policy(const policy& p) -> std::vector<load_issue> { return lint_policy(p, lang::en); }

auto lint_policy(const policy& p, lang l) -> std::vector<load_issue> {
  std::vector<load_issue> out;
  const bool zh = l == lang::zh;
  auto warn = [&](const rule_header& h, const std::string& en, const std::string& zh_text = {}) {
    out.push_back({h.where, {}, zh ? "警告：" + zh_text : "warning: " + en});
  };
  for (const auto& r : p.rules()) {
    const auto& h = r->header();
    const auto& w = h.when;
    const bool requests = r->judges(request_type::leave) || r->judges(request_type::swap) ||
                          r->judges(request_type::promotion);
    if (requests && !w.requests.empty() &&
        std::none_of(w.requests.begin(), w.requests.end(), [&](request_type t) { return r->judges(t); })) {
      warn(h,
           "`when` of rule `" + h.id + "` names requests that kind `" + h.kind + "` never judges: it can never match",
           "规则`" + h.id + "`的`when`所列申请类型是`" + h.kind + "`类规则从不审查的，永远不会适用");
    } else if (!w.leave_kinds.empty() && !w.requests.empty() &&
               std::find(w.requests.begin(), w.requests.end(), request_type::leave) == w.requests.end()) {
      warn(h, "`when` of rule `" + h.id + "` names leave kinds but no leave requests: it can never match",
           "规则`" + h.id + "`的`when`列了假别却没有列请假申请，永远不会适用");
    } else if (!w.to_grades.empty() &&
               ((!w.requests.empty() &&
                 std::find(w.requests.begin(), w.requests.end(), request_type::promotion) == w.requests.end()) ||
                !w.leave_kinds.empty() || (requests && !r->judges(request_type::promotion)))) {
      warn(h, "`when` of rule `" + h.id + "` names a grade to promote to but no promotion requests: it can never match",
           "规则`" + h.id + "`的`when`列了晋级目标级别却没有晋级申请，永远不会适用");
    } else if (!requests && (!w.requests.empty() || !w.leave_kinds.empty() || !w.to_grades.empty())) {
      warn(h,
           "`when` of rule `" + h.id + "` names requests, but kind `" + h.kind +
               "` judges the roster: the condition has no effect",
           "规则`" + h.id + "`的`when`列了申请，但`" + h.kind + "`类规则审查的是排班，该条件不起作用");
    }
    if (w.filters_shifts() && !r->looks_at_shifts()) {
      warn(h,
           "`when` of rule `" + h.id + "` names shifts, but kind `" + h.kind +
               "` does not look at shifts: the condition has no effect",
           "规则`" + h.id + "`的`when`列了班次条件，但`" + h.kind + "`类规则不看班次，该条件不起作用");
    }
  }
  const auto rules = p.rules();
  // Precedence: a rule overridden wherever it applies never fires; a narrower rule of the same kind
  // and effect beside a broader one cannot relax it without `overrides:`.
  for (const auto& r : rules) {
    const auto& h = r->header();
    for (const auto o : h.overridden_by) {
      const auto& ho = rules[o]->header();
      if (!within(h.when, ho.when)) continue;
      warn(h,
           "rule `" + h.id + "` can never fire: `" + ho.id +
               "` overrides it wherever it applies (its `when` is as broad)",
           "规则`" + h.id + "`永远不会生效：凡它适用之处，`" + ho.id + "`都取代了它（后者的`when`同样宽）");
      break;
    }
  }
  for (std::uint32_t a = 0; a < rules.size(); ++a) {
    const auto& ha = rules[a]->header();
    for (std::uint32_t b = 0; b < rules.size(); ++b) {
      const auto& hb = rules[b]->header();
      if (a == b || ha.kind != hb.kind || ha.effect != hb.effect || ha.when == hb.when || !within(ha.when, hb.when) ||
          named(hb.overridden_by, a) || named(ha.overridden_by, b) || named(hb.replaced_by, a) ||
          named(ha.replaced_by, b)) {
        continue;
      }
      warn(ha,
           "rule `" + ha.id + "` applies only where `" + hb.id + "` (" + hb.where.file + ":" +
               std::to_string(hb.where.line) + ") applies too, with the same kind and effect: both judge there, so `" +
               ha.id + "` cannot relax `" + hb.id + "`; if it is an exception, give it `overrides: [" + hb.id + "]`",
           "规则`" + ha.id + "`只在`" + hb.id + "`（" + hb.where.file + ":" + std::to_string(hb.where.line) +
               "）也适用的地方适用，种类和效力相同：两条都会审查，`" + ha.id + "`放宽不了`" + hb.id +
               "`；如果它是例外，请给它加上`overrides: [" + hb.id + "]`");
      break;
    }
  }
  for (std::size_t b = 0; b < rules.size(); ++b) {
    const auto& hb = rules[b]->header();
    for (std::size_t a = 0; a < rules.size(); ++a) {
      const auto& ha = rules[a]->header();
      if (a == b || ha.kind != hb.kind || !(ha.when == hb.when) || ha.effect != hb.effect ||
          ha.approvers != hb.approvers || !rules[a]->covers(*rules[b])) {
        continue;
      }
      if (rules[b]->covers(*rules[a]) && a > b) continue;  // identical: warn on the later one only
      warn(hb,
           "rule `" + hb.id + "` is shadowed by rule `" + ha.id + "` (" + ha.where.file + ":" +
               std::to_string(ha.where.line) + "): whenever it fires, `" + ha.id + "` reports the same",
           "规则`" + hb.id + "`被规则`" + ha.id + "`（" + ha.where.file + ":" + std::to_string(ha.where.line) +
               "）遮蔽：它每次生效时，`" + ha.id + "`都报告同样的结果");
      break;
    }
  }
  return out;
}

}  // namespace rulebook
