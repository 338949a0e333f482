// People, times, lengths and lists written for people (src/words.hpp), and the Chinese report of
// both shipped examples: Chinese words and full-width punctuation throughout.
#include "words.hpp"
#include "support.hpp"

#include <rulebook/verdict.hpp>

#include <sstream>

using namespace rulebook;
namespace pt = boost::posix_time;
namespace bg = boost::gregorian;

TEST_CASE("a length is in 分钟 and 小时 below 7 days, in 天 from 7 days on; English keeps `h` and `min`") {
  CHECK(words::length(pt::minutes(0), lang::zh) == "0分钟");
  CHECK(words::length(pt::minutes(59), lang::zh) == "59分钟");
  CHECK(words::length(pt::minutes(60), lang::zh) == "1小时");
  CHECK(words::length(pt::minutes(65), lang::zh) == "1小时5分钟");
  CHECK(words::length(pt::hours(24), lang::zh) == "24小时");  // as the rulebook says it: 提前24小时
  CHECK(words::length(pt::hours(72), lang::zh) == "72小时");
  CHECK(words::length(pt::hours(167), lang::zh) == "167小时");
  CHECK(words::length(pt::hours(168), lang::zh) == "7天");
  CHECK(words::length(pt::hours(170), lang::zh) == "7天2小时");
  CHECK(words::length(pt::minutes(-20), lang::zh) == "20分钟");  // the sign is the sentence's business
  CHECK(words::length(pt::minutes(65), lang::en) == "1h5min");
  CHECK(words::length(pt::hours(24), lang::en) == "24h");
  CHECK(words::minutes(1, lang::en) == "1 minute");
  CHECK(words::minutes(20, lang::en) == "20 minutes");
  CHECK(words::minutes(20, lang::zh) == "20分钟");
  CHECK(words::minutes(90, lang::zh) == "1小时30分钟");
}

TEST_CASE("days, moments and months: 2026年3月4日 12:00 in Chinese, ISO in English") {
  const time_point noon(bg::date(2026, 3, 4), pt::hours(12));
  CHECK(words::time(noon, lang::zh) == "2026年3月4日 12:00");
  CHECK(words::time(noon, lang::en) == "2026-03-04T12:00");
  CHECK(words::time(time_point(bg::date(2026, 12, 31), pt::minutes(5)), lang::zh) == "2026年12月31日 00:05");
  CHECK(words::day(bg::date(2026, 3, 4), lang::zh) == "2026年3月4日");
  CHECK(words::day(bg::date(2026, 3, 4), lang::en) == "2026-03-04");
  CHECK(words::month(month{2026, 3}, lang::zh) == "2026年3月");
  CHECK(words::month(month{2026, 3}, lang::en) == "2026-03");
  CHECK(words::clock(noon) == "12:00");
}

TEST_CASE("a person is 张三（E001） when the case gives a name, the id alone otherwise and in English") {
  person named;
  named.id = "E001";
  named.name = "张三";
  person bare;
  bare.id = "L01";
  CHECK(words::person(named, lang::zh) == "张三（E001）");
  CHECK(words::person(named, lang::en) == "E001");
  CHECK(words::person(bare, lang::zh) == "L01");
}

TEST_CASE("a list joins with 、 and 和 in Chinese, with commas and `and` in English") {
  CHECK(words::list({}, lang::zh).empty());
  CHECK(words::list({"甲"}, lang::zh) == "甲");
  CHECK(words::list({"甲", "乙"}, lang::zh) == "甲和乙");
  CHECK(words::list({"甲", "乙", "丙"}, lang::zh) == "甲、乙和丙");
  CHECK(words::list({"a", "b", "c"}, lang::en) == "a, b and c");
}

TEST_CASE("effects, decisions and request types have Chinese words built in, and English keeps the contract's") {
  CHECK(words::effect_word(nullptr, effect::violation, lang::zh) == "违纪");
  CHECK(words::effect_word(nullptr, effect::needs_approval, lang::zh) == "需审批");
  CHECK(words::effect_word(nullptr, effect::absenteeism, lang::zh) == "旷工");
  CHECK(words::effect_word(nullptr, effect::needs_approval, lang::en) == "needs_approval");
  CHECK(words::decision_word(nullptr, decision::pending, lang::zh) == "待审批");
  CHECK(words::decision_word(nullptr, decision::rejected, lang::zh) == "已驳回");
  CHECK(words::request_type_word(nullptr, request_type::promotion, lang::zh) == "晋级");
  CHECK(words::request_type_word(nullptr, request_type::swap, lang::en) == "swap");
}

TEST_CASE("the punctuation check finds ASCII punctuation beside Chinese, not in ids and times") {
  CHECK(words::ascii_punct_between_cjk("迟到5分钟,按违纪处理"));
  CHECK(words::ascii_punct_between_cjk("合计: 申请"));
  CHECK(words::ascii_punct_between_cjk("张三(E001)"));
  CHECK_FALSE(words::ascii_punct_between_cjk("张三（E001），2026年3月4日 12:00"));
  CHECK_FALSE(words::ascii_punct_between_cjk("Summary: 1 approved, 2 pending (R1)"));
}

namespace {
auto text_report(const std::string& policy_file, const std::string& case_file, lang l) -> std::string {
  const auto p = load_policy({std::string(RULEBOOK_SOURCE_DIR) + "/" + policy_file});
  const auto c = load_case(std::string(RULEBOOK_SOURCE_DIR) + "/" + case_file, p);
  std::ostringstream out;
  write_options o;
  o.lang = l;
  write_text(out, judge(p, c), c, o);
  return out.str();
}
}  // namespace

TEST_CASE("the Chinese report of both shipped examples has no ASCII punctuation beside Chinese, no English words") {
  for (const auto& [policy_file, case_file] :
       {std::pair<std::string, std::string>{"policies/customer-service.yaml", "examples/march-2026.yaml"},
        {"policies/vip-account-managers.yaml", "examples/vip-team-2026.yaml"}}) {
    CAPTURE(case_file);
    const auto text = text_report(policy_file, case_file, lang::zh);
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      CAPTURE(line);
      CHECK_FALSE(words::ascii_punct_between_cjk(line));
    }
    // Effects, decisions, request types, grades and tiers are in the policy's Chinese words.
    for (const auto* english :
         {"needs_approval", "violation", "absenteeism", "approved", "pending", "rejected", "Summary", "Policy",
          " leave ", " swap ", "junior", "intermediate", "diamond", "silver", "T00:", "T08:", "shift leader"}) {
      CAPTURE(english);
      CHECK(text.find(english) == std::string::npos);
    }
  }
  const auto text = text_report("policies/customer-service.yaml", "examples/march-2026.yaml", lang::zh);
  CHECK(text.rfind("客服部规章制度（2026.1）\n", 0) == 0);
  CHECK(text.find("合计：申请已批准3项、待审批4项、已驳回5项；迟到3项、提醒9项、违纪8项、旷工7项。") !=
        std::string::npos);
  CHECK(text.find("张三（E001）迟到25分钟（S102，20分钟及以上按违纪处理）。") != std::string::npos);
  const auto vip = text_report("policies/vip-account-managers.yaml", "examples/vip-team-2026.yaml", lang::zh);
  CHECK(vip.find("每名团队经理最多带领10人") != std::string::npos);  // the VIP team's word, not 班长
}

TEST_CASE("every evidence key of the shipped examples has Chinese words; English and unknown keys stay keys") {
  CHECK(words::evidence_key("late_minutes", lang::zh) == "迟到分钟数");
  CHECK(words::evidence_key("late_minutes", lang::en) == "late_minutes");
  CHECK(words::evidence_key("a_kind_of_our_own", lang::zh) == "a_kind_of_our_own");
  for (const auto& [policy_file, case_file] :
       {std::pair<std::string, std::string>{"policies/customer-service.yaml", "examples/march-2026.yaml"},
        {"policies/vip-account-managers.yaml", "examples/vip-team-2026.yaml"}}) {
    const auto p = load_policy({std::string(RULEBOOK_SOURCE_DIR) + "/" + policy_file});
    const auto c = load_case(std::string(RULEBOOK_SOURCE_DIR) + "/" + case_file, p);
    const auto v = judge(p, c);
    std::vector<const finding*> all;
    for (const auto& f : v.findings) all.push_back(&f);
    for (const auto& rv : v.requests) {
      for (const auto& f : rv.findings) all.push_back(&f);
    }
    REQUIRE(all.size() > 10);
    for (const auto* f : all) {
      for (const auto& e : f->evidence) {
        CAPTURE(e.key);
        CHECK(words::evidence_key(e.key, lang::zh) != std::string(e.key));
      }
    }
  }
}
