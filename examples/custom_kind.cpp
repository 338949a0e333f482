// A rule kind of the embedding program's own: "at most N calendar days in a row with a shift".
// It is registered next to the built-in kinds, takes its parameters from YAML (checked with line
// and column like any other), and its findings appear in the same verdict as the department's.
//
//   custom_kind policies/customer-service.yaml examples/center-extras.yaml examples/march-2026.yaml
#include <rulebook/kind.hpp>
#include <rulebook/rulebook.hpp>

#include <fmt/format.h>

#include <iostream>

namespace rb = rulebook;

namespace {

/// Reports each run of more than `max_days` consecutive calendar days on which the employee starts
/// a shift (of the final roster, after swaps), unless an effective leave covers one of them.
class max_consecutive_days final : public rb::rule {
 public:
  max_consecutive_days(rb::rule_header h, std::int64_t max_days) : rule(std::move(h)), max_days_(max_days) {}

  /// Reads the kind's own keys; an unknown key or a bad value is reported at its line and column
  /// (the loader reports any key the factory did not ask for).
  static auto make(rb::rule_header h, rb::field_reader& params) -> std::unique_ptr<rb::rule> {
    const auto* n = params.required("max_days");
    const auto max_days = n ? params.reader().integer(*n, "`max_days` of " + params.what(), 1) : std::nullopt;
    if (!max_days) return nullptr;
    return std::make_unique<max_consecutive_days>(std::move(h), *max_days);
  }

  [[nodiscard]] auto judges_conduct() const -> bool override { return true; }

  void judge_employee(rb::employee_context& ctx) const override {
    const auto& c = ctx.c();  // the engine has applied `when:`: these are the shifts it selects
    std::int64_t run = 0;
    std::optional<rb::date> first, last;
    const auto close_run = [&] {
      if (run <= max_days_) return;
      auto f = make_finding(ctx.employee(), rb::no_index, rb::time_point(*first));
      f.evidence.push_back({"from", *first});
      f.evidence.push_back({"to", *last});
      f.evidence.push_back({"days", run});
      f.evidence.push_back({"max_days", max_days_});
      ctx.report(header(), std::move(f));
    };
    for (const auto s : ctx.shifts()) {
      if (ctx.on_leave(s)) continue;
      const auto day = c.shifts[s].start.date();
      if (last && day == *last) continue;  // a second shift on the same day
      if (last && day == *last + boost::gregorian::days(1)) {
        ++run;
      } else {
        close_run();
        run = 1;
        first = day;
      }
      last = day;
    }
    close_run();
  }

  [[nodiscard]] auto message(const rb::finding& f, const rb::message_context& m) const -> std::string override {
    const auto who = m.person_id(f.subject.employee);
    const auto from = rb::format_date(std::get<rb::date>(*f.find("from")));
    const auto to = rb::format_date(std::get<rb::date>(*f.find("to")));
    return m.pick(fmt::format("{} works {} days in a row ({} to {}); at most {}.", who, f.number("days"), from, to,
                              max_days_),
                  fmt::format("{}连续上班{}天({}至{}),最多{}天。", who, f.number("days"), from, to, max_days_));
  }

 private:
  std::int64_t max_days_;
};

}  // namespace

auto main(int argc, char** argv) -> int {
  if (argc != 4) {
    std::cerr << "usage: custom_kind DEPARTMENT.yaml EXTRAS.yaml CASE.yaml\n";
    return 2;
  }
  // The built-in kinds plus ours.
  rb::kind_registry kinds = rb::kind_registry::builtin();
  kinds.add("max_consecutive_days", &max_consecutive_days::make);

  std::vector<rb::load_issue> issues;
  const auto policy = rb::load_policy({argv[1], argv[2]}, issues, kinds);
  const auto month = issues.empty() ? rb::load_case(argv[3], policy, issues) : rb::case_file{};
  if (!issues.empty()) {
    for (const auto& i : issues) std::cerr << rb::to_string(i) << '\n';
    return 2;
  }

  const rb::verdict v = rb::judge(policy, month);
  std::cout << "Findings of the center's own rule, among " << v.findings.size() << " in the verdict:\n";
  for (const auto& f : v.findings) {
    const auto& h = v.header_of(f);
    if (h.kind != "max_consecutive_days") continue;
    std::cout << "  " << rb::to_string(f.effect) << " [" << h.clause << " " << h.id << "] " << v.message(f, month)
              << "\n    " << v.message(f, month, rb::lang::zh) << '\n';
  }

  // Its parameters are checked like a built-in kind's: a typo is an error at its line and column.
  std::vector<rb::load_issue> typo;
  (void)rb::parse_policy({{"typo.yaml", "rules:\n"
                                        "  - {id: days, clause: center.rest, kind: max_consecutive_days,\n"
                                        "     max_day: 3, effect: warning}\n"}},
                         typo, kinds);
  std::cout << "A typo in its parameters:\n";
  for (const auto& i : typo) std::cout << "  " << rb::to_string(i) << '\n';
  return v.has_breach() ? 1 : 0;
}
