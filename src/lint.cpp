// lint: what is legal in a policy but suspicious.
#include <rulebook/kind.hpp>
#include <rulebook/policy.hpp>

#include <algorithm>

namespace rulebook {

auto lint_policy(const policy& p) -> std::vector<load_issue> {
  std::vector<load_issue> out;
  auto warn = [&](const rule_header& h, const std::string& message) {
    out.push_back({h.where, {}, "warning: " + message});
  };
  for (const auto& r : p.rules()) {
    const auto& h = r->header();
    const auto& w = h.when;
    const bool requests = r->judges(request_type::leave) || r->judges(request_type::swap) ||
                          r->judges(request_type::promotion);
    if (requests && !w.requests.empty() &&
        std::none_of(w.requests.begin(), w.requests.end(), [&](request_type t) { return r->judges(t); })) {
      warn(h,
           "`when` of rule `" + h.id + "` names requests that kind `" + h.kind + "` never judges: it can never match");
    } else if (!w.leave_kinds.empty() && !w.requests.empty() &&
               std::find(w.requests.begin(), w.requests.end(), request_type::leave) == w.requests.end()) {
      warn(h, "`when` of rule `" + h.id + "` names leave kinds but no leave requests: it can never match");
    } else if (!w.to_grades.empty() &&
               ((!w.requests.empty() &&
                 std::find(w.requests.begin(), w.requests.end(), request_type::promotion) == w.requests.end()) ||
                !w.leave_kinds.empty() || (requests && !r->judges(request_type::promotion)))) {
      warn(h,
           "`when` of rule `" + h.id + "` names a grade to promote to but no promotion requests: it can never match");
    } else if (!requests && (!w.requests.empty() || !w.leave_kinds.empty() || !w.to_grades.empty())) {
      warn(h, "`when` of rule `" + h.id + "` names requests, but kind `" + h.kind +
                  "` judges the roster: the condition has no effect");
    }
    if (w.filters_shifts() && !r->looks_at_shifts()) {
      warn(h, "`when` of rule `" + h.id + "` names shifts, but kind `" + h.kind +
                  "` does not look at shifts: the condition has no effect");
    }
  }
  const auto rules = p.rules();
  for (std::size_t b = 0; b < rules.size(); ++b) {
    const auto& hb = rules[b]->header();
    for (std::size_t a = 0; a < rules.size(); ++a) {
      const auto& ha = rules[a]->header();
      if (a == b || ha.kind != hb.kind || !(ha.when == hb.when) || ha.effect != hb.effect ||
          ha.approvers != hb.approvers || !rules[a]->covers(*rules[b])) {
        continue;
      }
      if (rules[b]->covers(*rules[a]) && a > b) continue;  // identical: warn on the later one only
      warn(hb, "rule `" + hb.id + "` is shadowed by rule `" + ha.id + "` (" + ha.where.file + ":" +
                   std::to_string(ha.where.line) + "): whenever it fires, `" + ha.id + "` reports the same");
      break;
    }
  }
  return out;
}

}  // namespace rulebook
