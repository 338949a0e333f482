// `labels:`: a policy's own words for its names, loaded with located errors, with fallbacks; and a
// made-up third department whose Chinese report speaks in its words.
#include "support.hpp"

#include <rulebook/verdict.hpp>

#include <sstream>

using namespace rulebook;
using rulebook::test::policy_errors;
using rulebook::test::policy_of;

namespace {
const std::string head = R"(policy: {name: p}
vocabulary: {roles: [agent, shift_leader], grades: [junior, senior], tiers: [gold]}
)";
}  // namespace

TEST_CASE("labels give each name its words in both languages, and fall back when one is missing") {
  const auto p = policy_of(head + R"(labels:
  roles:
    shift_leader: {en: team lead, zh: 值班长}
    agent: {zh: 坐席}
  grades:
    senior: {en: senior grade}
  effects:
    violation: {zh: 违规}
rules: []
)");
  CHECK(p.label("roles", "shift_leader", lang::zh) == "值班长");
  CHECK(p.label("roles", "shift_leader", lang::en) == "team lead");
  CHECK(p.label("roles", "agent", lang::zh) == "坐席");
  CHECK(p.label("roles", "agent", lang::en) == "agent");     // no `en`: the name
  CHECK(p.label("grades", "senior", lang::zh) == "senior");  // no `zh`: the name
  CHECK(p.label("grades", "junior", lang::zh) == "junior");  // no label at all
  CHECK(p.label("tiers", "gold", lang::en) == "gold");
  CHECK(p.label("roles", "department_director", lang::en) == "department director");  // `_` as a space
  CHECK(p.label("effects", "violation", lang::zh) == "违规");                         // the policy's own word
  CHECK(p.label("effects", "absenteeism", lang::zh) == "旷工");                       // the built-in one
  CHECK(p.label("decisions", "approved", lang::zh) == "已批准");
  CHECK(p.label("effects", "needs_approval", lang::en) == "needs approval");
  CHECK(p.title(lang::zh) == "p");  // no title: the name
}

TEST_CASE("a title names the policy in each language; one text serves both") {
  CHECK(policy_of("policy: {name: p, title: {en: Ward rules, zh: 病区制度}}\nrules: []\n").title(lang::zh) ==
        "病区制度");
  CHECK(policy_of("policy: {name: p, title: {en: Ward rules, zh: 病区制度}}\nrules: []\n").title(lang::en) ==
        "Ward rules");
  CHECK(policy_of("policy: {name: p, title: 病区制度}\nrules: []\n").title(lang::en) == "病区制度");
  CHECK(policy_of("policy: {name: p, title: {zh: 病区制度}}\nrules: []\n").title(lang::en) == "病区制度");
}

TEST_CASE("label errors are located: an unknown section, a name the vocabulary lacks, bad shapes") {
  CHECK(policy_errors(head + R"(labels:
  role:
    agent: {zh: 坐席}
rules: []
)") == std::vector<std::string>{"p.yaml:4:3: unknown section `role` in `labels`: did you mean `roles`?"});
  CHECK(policy_errors(head + R"(labels:
  roles:
    shift_leadr: {zh: 值班长}
  effects:
    violaton: {zh: 违规}
rules: []
)") == std::vector<std::string>{
           "p.yaml:5:5: label for `shift_leadr` in `labels.roles`, but `vocabulary.roles` has no such name: did you "
           "mean `shift_leader`?",
           "p.yaml:7:5: label for `violaton` in `labels.effects`, but the contract has no such name: did you mean "
           "`violation`?"});
  CHECK(policy_errors(head + R"(labels:
  roles:
    agent: {zh: 坐席, fr: agent}
  grades: [junior]
rules: []
)") == std::vector<std::string>{
           "p.yaml:5:25: unknown key `fr` in the label of `agent` in `labels.roles`: did you mean `en`?",
           "p.yaml:6:11: `grades` of `labels` maps names to `{en: …, zh: …}`"});
  CHECK(policy_errors(head + "labels: [roles]\nrules: []\n") ==
        std::vector<std::string>{"p.yaml:3:9: `labels` maps sections (`roles`, `grades`, …) to names with "
                                 "`{en: …, zh: …}`"});
  // A policy with no meeting types has nothing to label there.
  CHECK(policy_errors(head + "labels: {meeting_types: {team: {zh: 班务会}}}\nrules: []\n") ==
        std::vector<std::string>{"p.yaml:3:26: label for `team` in `labels.meeting_types`, but "
                                 "`vocabulary.meeting_types` has no such name (it is empty)"});
}

TEST_CASE("labels may name what another file of the policy declares") {
  std::vector<load_issue> issues;
  const auto p = parse_policy({{"a.yaml", "policy: {name: a}\nlabels: {roles: {nurse: {zh: 护士}}}\nrules: []\n"},
                               {"b.yaml", "vocabulary: {roles: [nurse]}\nrules: []\n"}},
                              issues);
  CHECK(issues.empty());
  CHECK(p.label("roles", "nurse", lang::zh) == "护士");
}

TEST_CASE("the shipped policies carry their own words: the VIP team's leader is 团队经理, not 班长") {
  CHECK(test::shipped_policy().label("roles", "shift_leader", lang::zh) == "班长");
  CHECK(test::shipped_policy().label("grades", "intermediate", lang::zh) == "中级工");
  CHECK(test::shipped_policy().label("leave_kinds", "personal_special", lang::zh) == "特殊事假");
  CHECK(test::shipped_policy().title(lang::zh) == "客服部规章制度");
  CHECK(test::vip_policy().label("roles", "team_leader", lang::zh) == "团队经理");
  CHECK(test::vip_policy().label("tiers", "diamond", lang::zh) == "钻石卡");
}

TEST_CASE("a made-up third department's Chinese report speaks in its own words") {
  const std::string dir = std::string(RULEBOOK_SOURCE_DIR) + "/tests/cli/cases/ward/";
  const auto p = load_policy({dir + "ward-policy.yaml"});
  const auto c = load_case(dir + "ward-case.yaml", p);
  const auto v = judge(p, c);
  std::ostringstream zh;
  write_text(zh, v, c, write_options{lang::zh});
  const auto text = zh.str();
  CAPTURE(text);
  CHECK(text.rfind("七病区护理排班制度（1）\n", 0) == 0);
  CHECK(text.find("年休假须提前72小时提出") != std::string::npos);                    // its leave kind
  CHECK(text.find("须经陈静（N01）的护士长批准") != std::string::npos);               // its roles
  CHECK(text.find("陈静（N01）为护士，林雪（N02）为主管护师") != std::string::npos);  // its grades
  CHECK(text.find("按违规处理") != std::string::npos);                                // its word for a violation
  CHECK(text.find("待批") != std::string::npos);                                      // and for pending
  for (const auto* foreign : {"班长", "客服", "业务代表", "初级工", "事假", "违纪"}) {
    CAPTURE(foreign);
    CHECK(text.find(foreign) == std::string::npos);
  }
  std::ostringstream en;
  write_text(en, v, c);
  CHECK(en.str().find("The swap needs approval by H01, the head nurse of N01.") != std::string::npos);
}
