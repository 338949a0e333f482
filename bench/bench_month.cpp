// How long loading and judging a month of a 1,000-agent call center takes, separately; and how
// many what-if questions a scheduler can ask a judged month per second.
//
//   ./build/bench/rulebook_bench [--benchmark_filter=...]
#include "generate.hpp"

#include <rulebook/rulebook.hpp>

#include <benchmark/benchmark.h>

#include <iostream>
#include <sstream>

namespace {

auto policy() -> const rulebook::policy& {
  static const auto p = rulebook::load_policy({RULEBOOK_SOURCE_DIR "/policies/customer-service.yaml"});
  return p;
}
auto month_text() -> const std::string& {
  static const auto text = rulebook::bench::generate_month();
  return text;
}
auto month() -> const rulebook::case_file& {
  static const auto c = [] {
    std::vector<rulebook::load_issue> issues;
    auto loaded = rulebook::parse_case("bench.yaml", month_text(), policy(), issues);
    for (const auto& i : issues) std::cerr << rulebook::to_string(i) << '\n';
    if (!issues.empty()) std::abort();
    return loaded;
  }();
  return c;
}

void counters(benchmark::State& state) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * month().shifts.size()));
  state.counters["shifts"] = static_cast<double>(month().shifts.size());
  state.counters["requests"] = static_cast<double>(month().requests.size());
}

void BM_load_case(benchmark::State& state) {
  for (auto _ : state) {
    std::vector<rulebook::load_issue> issues;
    auto c = rulebook::parse_case("bench.yaml", month_text(), policy(), issues);
    benchmark::DoNotOptimize(c);
  }
  counters(state);
  state.counters["MB"] = static_cast<double>(month_text().size()) / 1e6;
}
BENCHMARK(BM_load_case)->Unit(benchmark::kMillisecond);

void BM_judge(benchmark::State& state) {
  for (auto _ : state) {
    auto v = rulebook::judge(policy(), month());
    benchmark::DoNotOptimize(v);
  }
  counters(state);
}
BENCHMARK(BM_judge)->Unit(benchmark::kMillisecond);

void BM_write_json(benchmark::State& state) {
  const auto v = rulebook::judge(policy(), month());
  for (auto _ : state) {
    std::ostringstream out;
    rulebook::write_json(out, v, month());
    benchmark::DoNotOptimize(out);
  }
  counters(state);
}
BENCHMARK(BM_write_json)->Unit(benchmark::kMillisecond);

// A scheduler asking about one swap at a time against the judged month.
void BM_what_if_swap(benchmark::State& state) {
  const auto& c = month();
  const rulebook::session s(policy(), c);
  std::vector<rulebook::request> asks;
  for (int a = 0; a + 1 < 1000; a += 12) {
    const auto who = c.find_person("E" + std::to_string(a));
    const auto& own = c.rostered_shifts(who);
    rulebook::request r;
    r.id = "ask";
    r.employee = who;
    r.submitted_at = *rulebook::parse_time_point("2026-04-01T00:00");
    r.approvals = {{.by = c.people[who].leader, .at = r.submitted_at}};
    r.details = rulebook::swap_details{.counterpart = c.find_person("E" + std::to_string(a + 1)),
                                       .give = own[own.size() / 2],
                                       .reason = "x",
                                       .form_filed = true};
    asks.push_back(std::move(r));
  }
  std::size_t i = 0;
  for (auto _ : state) {
    auto v = s.what_if(asks[i++ % asks.size()]);
    benchmark::DoNotOptimize(v);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_what_if_swap)->Unit(benchmark::kMicrosecond);

}  // namespace

auto main(int argc, char** argv) -> int {
  const auto v = rulebook::judge(policy(), month());
  std::cout << "generated month: " << month_text().size() / 1024 << " KiB of YAML, " << month().people.size()
            << " people, " << month().shifts.size() << " shifts, " << month().punches.size() << " punches, "
            << month().requests.size() << " requests, " << month().tickets.size() << " tickets, "
            << month().callbacks.size() << " callbacks\nverdict: " << v.count(rulebook::decision::approved)
            << " approved, " << v.count(rulebook::decision::pending) << " pending, "
            << v.count(rulebook::decision::rejected) << " rejected; " << v.count(rulebook::effect::late) << " late, "
            << v.count(rulebook::effect::warning) << " warning, " << v.count(rulebook::effect::violation)
            << " violation, " << v.count(rulebook::effect::absenteeism) << " absenteeism\n";
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
