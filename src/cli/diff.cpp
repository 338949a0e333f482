// `rulebook diff --policy OLD.yaml --against NEW.yaml CASE.yaml`: what a policy edit changes on a case.
#include "options.hpp"

#include <rulebook/engine.hpp>
#include <rulebook/kind.hpp>

#include <set>

namespace rulebook::cli {
namespace {

// A finding as a line of the diff: everything a reader would call "the same finding".
auto line(const verdict& v, const case_file& c, const finding& f, lang l) -> std::string {
  const auto& h = v.header_of(f);
  std::string who;
  if (f.subject.request == no_index && f.subject.employee != no_index) who = c.people[f.subject.employee].id + " ";
  return std::string(to_string(f.effect)) + " [" + h.clause + " " + h.id + "] " + who + v.message(f, c, l);
}

auto lines(const verdict& v, const case_file& c, const std::vector<finding>& fs, lang l) -> std::multiset<std::string> {
  std::multiset<std::string> out;
  for (const auto& f : fs) out.insert(line(v, c, f, l));
  return out;
}

// Prints what is in `a` and not `b` with `sign`; returns how many.
auto print_missing(const std::multiset<std::string>& a, const std::multiset<std::string>& b, char sign,
                   const char* indent) -> std::size_t {
  std::size_t n = 0;
  auto rest = b;
  for (const auto& x : a) {
    auto it = rest.find(x);
    if (it != rest.end()) {
      rest.erase(it);
      continue;
    }
    std::cout << indent << sign << ' ' << x << '\n';
    ++n;
  }
  return n;
}

}  // namespace

auto run_diff(const options& o) -> int {
  if (o.files.size() != 1 || o.against.empty()) {
    std::cerr << "rulebook diff: give --policy OLD.yaml --against NEW.yaml and one case file\n";
    return exit_bad_input;
  }
  const auto old_policy = load_policies(o.policies);
  const auto new_policy = load_policies(o.against);
  if (!old_policy || !new_policy) return exit_bad_input;
  std::vector<load_issue> issues;
  const auto old_case = load_case(o.files.front(), *old_policy, issues);
  const auto new_case = issues.empty() ? load_case(o.files.front(), *new_policy, issues) : case_file{};
  if (!issues.empty()) {
    print_issues(issues);
    return exit_bad_input;
  }
  const auto before = judge(*old_policy, old_case);
  const auto after = judge(*new_policy, new_case);
  std::size_t changed_requests = 0, added = 0, removed = 0;
  for (const auto i : before.requests.indexes()) {
    const auto& a = before.requests[i];
    const auto& b = after.requests[i];
    const auto la = lines(before, old_case, a.findings, o.lang), lb = lines(after, new_case, b.findings, o.lang);
    if (a.decision == b.decision && la == lb) continue;
    ++changed_requests;
    const auto& r = old_case.requests[i];
    std::cout << r.id << " (" << to_string(r.type()) << ", " << old_case.people[r.employee].id << "): ";
    if (a.decision == b.decision) {
      std::cout << to_string(a.decision) << ", findings changed\n";
    } else {
      std::cout << to_string(a.decision) << " -> " << to_string(b.decision) << '\n';
    }
    removed += print_missing(la, lb, '-', "    ");
    added += print_missing(lb, la, '+', "    ");
  }
  const auto fa = lines(before, old_case, before.findings, o.lang), fb = lines(after, new_case, after.findings, o.lang);
  if (fa != fb) {
    std::cout << "findings:\n";
    removed += print_missing(fa, fb, '-', "    ");
    added += print_missing(fb, fa, '+', "    ");
  }
  if (changed_requests + added + removed == 0) {
    std::cout << "no change: every decision and finding is the same under both policies\n";
    return exit_ok;
  }
  std::cout << changed_requests << " request(s) changed, " << added << " finding(s) added, " << removed << " removed\n";
  return exit_breach;
}

}  // namespace rulebook::cli
