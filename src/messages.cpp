// Messages and evidence as text, and the default remedy.
#include <rulebook/kind.hpp>
#include <rulebook/verdict.hpp>

#include "engine/chain_of_command.hpp"
#include "engine/render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <variant>

namespace rulebook {

auto evidence_text(const evidence_value& ev, const case_file& c) -> std::string {
  return std::visit(
      [&](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::int64_t>) return std::to_string(x);
        if constexpr (std::is_same_v<T, bool>) return x ? "true" : "false";
        if constexpr (std::is_same_v<T, std::string>) return x;
        if constexpr (std::is_same_v<T, shift_ref>) return c.shifts.at(x.index).id;
        if constexpr (std::is_same_v<T, person_ref>) return c.people.at(x.index).id;
        if constexpr (std::is_same_v<T, date>) return format_date(x);
        if constexpr (std::is_same_v<T, time_point>) return format_time_point(x);
        if constexpr (std::is_same_v<T, month>) return format_month(x);
        if constexpr (std::is_same_v<T, date_list>) {
          std::string out;
          for (const auto& d : x) out += (out.empty() ? "" : ", ") + format_date(d);
          return out;
        }
      },
      ev);
}

auto verdict::message(const finding& f, const case_file& c, lang l) const -> std::string {
  return detail::render_message(rule_of(f), f, message_context{c, l});
}

auto rule::remedy(const finding& f, const message_context& m) const -> std::string {
  if (f.effect != effect::needs_approval || f.subject.employee == no_index) return {};
  const auto& people = m.c.people;
  // Leave goes up the chain level by level (leave.3): every level up to the one with the role
  // approves, lower first. Name those who have not approved; never one whose approval is in.
  const request* r = f.subject.request != no_index ? &m.req(f.subject.request) : nullptr;
  const auto approved = [&](person_index who) {
    return r != nullptr &&
           std::any_of(r->approvals.begin(), r->approvals.end(), [&](const approval& a) { return a.by == who; });
  };
  std::vector<person_index> levels;
  bool found = false;
  for (const auto up : detail::superiors(m.c, f.subject.employee)) {
    levels.push_back(up);
    if (people[up].role == f.approver_role) {
      found = true;
      break;
    }
  }
  if (!found) {
    return m.pick(fmt::format("needs approval by a {}, and there is none in {}'s chain of command",
                              detail::role_words(f.approver_role, lang::en), people[f.subject.employee].id),
                  fmt::format("须经{}批准,但{}的审批链中没有", detail::role_words(f.approver_role, lang::zh),
                              people[f.subject.employee].id));
  }
  const auto target = levels.back();
  std::vector<person_index> missing;
  for (const auto up : levels) {
    if (!approved(up)) missing.push_back(up);
  }
  const auto named = [&](lang l) {
    std::string out;
    for (std::size_t i = 0; i < missing.size(); ++i) {
      if (i) out += l == lang::zh ? "、" : ", then ";
      out += people[missing[i]].id + (l == lang::zh ? "(" + detail::role_words(people[missing[i]].role, l) + ")"
                                                    : ", " + detail::role_words(people[missing[i]].role, l));
    }
    return out;
  };
  if (missing.empty()) {
    // Everyone approved, yet it does not count: out of order (a higher level before a lower one).
    return m.pick(fmt::format("needs the approvals in order, each level at or after the one below it, up to {}",
                              people[target].id),
                  fmt::format("须逐级审批,下级先于上级,直至{}", people[target].id));
  }
  if (approved(target)) {
    // The level above has approved; it is not named again, only those below it who must.
    return m.pick(fmt::format("needs approval by {} first: an approval counts once each level below has approved",
                              named(lang::en)),
                  fmt::format("须先经{}批准:下级批准后,上级的审批方才有效", named(lang::zh)));
  }
  return m.pick(fmt::format("needs approval by {}", named(lang::en)), fmt::format("须经{}批准", named(lang::zh)));
}

namespace detail {

auto role_words(std::string role, lang l) -> std::string {
  if (l == lang::zh) {
    if (role == "shift_leader") return "班长";
    if (role == "department_director") return "客服部主任";
    if (role == "center_director") return "客服中心主任";
    if (role == "quality") return "质检员";
    if (role == "callback") return "回访员";
    if (role == "agent") return "业务代表";
    if (role == "team_leader") return "团队经理";
    if (role == "account_manager") return "客户服务经理";
    return role;
  }
  if (role == "quality") return "quality inspector";
  if (role == "callback") return "callback agent";
  std::replace(role.begin(), role.end(), '_', ' ');
  return role;
}

auto render_template(std::string_view text, const finding& f, const rule_header& h, const message_context& m)
    -> std::string {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((text[i] == '{' || text[i] == '}') && i + 1 < text.size() && text[i + 1] == text[i]) {
      out += text[i++];
      continue;
    }
    const auto close = text[i] == '{' ? text.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += text[i];
      continue;
    }
    const auto key = text.substr(i + 1, close - i - 1);
    std::string value;
    bool known = true;
    if (const auto* ev = f.find(key)) {
      value = evidence_text(*ev, m.c);
    } else if (key == "employee" && f.subject.employee != no_index) {
      value = m.c.people[f.subject.employee].id;
    } else if (key == "shift" && f.subject.shift != no_index) {
      value = m.c.shifts[f.subject.shift].id;
    } else if (key == "request" && f.subject.request != no_index) {
      value = m.req(f.subject.request).id;
    } else if (key == "rule") {
      value = h.id;
    } else if (key == "clause") {
      value = h.clause;
    } else if (key == "approver_role") {
      value = f.approver_role;
    } else {
      known = false;
    }
    out += known ? value : std::string(text.substr(i, close - i + 1));
    i = close;
  }
  return out;
}

auto render_message(const rule& r, const finding& f, const message_context& m) -> std::string {
  const auto& text = m.lang == lang::zh ? r.header().message_zh : r.header().message_en;
  return text.empty() ? r.message(f, m) : render_template(text, f, r.header(), m);
}

}  // namespace detail
}  // namespace rulebook
