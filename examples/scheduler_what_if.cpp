// A scheduling tool embedding rulebook: judge the month once, then ask "would this swap be approved
// now, and if not, why?" for each candidate, without judging the month again.
//
//   scheduler_what_if policies/customer-service.yaml examples/march-2026.yaml
#include <rulebook/rulebook.hpp>

#include <iostream>

namespace rb = rulebook;

auto main(int argc, char** argv) -> int {
  if (argc != 3) {
    std::cerr << "usage: scheduler_what_if POLICY.yaml CASE.yaml\n";
    return 2;
  }
  std::vector<rb::load_issue> issues;
  const auto policy = rb::load_policy({argv[1]}, issues);
  const auto month = issues.empty() ? rb::load_case(argv[2], policy, issues) : rb::case_file{};
  if (!issues.empty()) {
    for (const auto& i : issues) std::cerr << rb::to_string(i) << '\n';
    return 2;
  }
  const rb::session session(policy, month);  // the one full judgement

  // E001 cannot work S106 on 7 April; who could take it?
  const auto e001 = month.person_at("E001");
  const auto s106 = month.shift_at("S106");
  std::cout << "Who can take " << month.shifts[s106].id << " from E001?\n";
  for (const char* candidate : {"E002", "E003", "E004"}) {
    rb::request ask;
    ask.id = std::string("ask-") + candidate;
    ask.employee = e001;
    ask.submitted_at = *rb::parse_time_point("2026-03-08T09:00");
    ask.approvals = {{.by = month.person_at("L01"), .at = ask.submitted_at}};
    ask.details = rb::swap_details{
        .counterpart = month.person_at(candidate), .give = s106, .reason = "school meeting", .form_filed = true};
    const auto answer = session.what_if(ask);
    std::cout << "  " << candidate << ": " << rb::to_string(answer.decision) << '\n';
    for (const auto& f : answer.findings) {
      std::cout << "    " << rb::to_string(f.effect) << " (" << policy.header_at(f.rule).clause
                << "): " << session.message(f, ask) << '\n';
    }
  }
  return 0;
}
