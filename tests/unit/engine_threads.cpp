// Conduct judged on several threads gives the verdict one thread gives, byte for byte.
#include "../../bench/generate.hpp"
#include "engine/state.hpp"
#include "support.hpp"

#include <sstream>

using namespace rulebook;

TEST_SUITE("engine") {
  TEST_CASE("the verdict is byte-identical whether 1, 2 or 8 threads judge a generated month") {
    const auto text = bench::generate_month({.agents = 240, .days = 31});
    const auto c = test::case_of(text);
    auto json = [&](unsigned threads) {
      std::ostringstream out;
      write_json(out, judge(test::shipped_policy(), c, {.threads = threads}), c);
      return out.str();
    };
    const auto one = json(1);
    REQUIRE(judge(test::shipped_policy(), c, {.threads = 1}).findings.size() > 500);  // plenty to order
    CHECK(json(2) == one);
    CHECK(json(8) == one);
    CHECK(json(0) == one);  // every core
    // A center's year sorts its findings on two threads; so does this month, with the bar lowered.
    const auto bar = detail::parallel_from;
    detail::parallel_from = 2;
    CHECK(json(2) == one);
    CHECK(json(8) == one);
    detail::parallel_from = bar;
  }
}
