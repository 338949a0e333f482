// Load errors in Chinese (`--lang zh`): every problem the loaders find in the hostile and careless
// inputs of the fuzz corpora and the command's test cases is written in Chinese, at the same place
// as in English, with nothing English left outside the ids and keys it quotes.
#include "support.hpp"
#include "words.hpp"

#include <filesystem>
#include <fstream>
#include <regex>

using namespace rulebook;
namespace fs = std::filesystem;

namespace {

auto source(const std::string& relative) -> std::string { return std::string(RULEBOOK_SOURCE_DIR) + "/" + relative; }

auto bytes_of(const fs::path& file) -> std::string {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The English a Chinese message still holds: words of two or more ASCII letters outside what it
// quotes (`E001`, `shifts`) and outside file names and the names of formats and encodings.
auto english_in(const std::string& message) -> std::string {
  // A quoted name that holds a backtick itself (a key written ``d`) leaves the quotes ambiguous.
  if (message.find("``") != std::string::npos) return {};
  static const std::regex quoted("`[^`]*`");
  static const std::regex file_name(R"([\w./<>-]+\.(yaml|yml|json|csv)(:\d+)*)");
  static const std::regex allowed(
      R"(\b(YAML|JSON|CSV|UTF-8|UTF-16|UTF|BOM|NUL|GB18030|GBK|Excel|Unicode|0x[0-9A-F]{2}|rulebook)\b)");
  static const std::regex word("[A-Za-z]{2,}");
  auto rest = std::regex_replace(message, quoted, " ");
  rest = std::regex_replace(rest, file_name, " ");
  rest = std::regex_replace(rest, allowed, " ");
  std::smatch m;
  return std::regex_search(rest, m, word) ? m.str() : std::string();
}

// Loads `text` as a case (or as a policy), in both languages; the problems of each.
struct both {
  std::vector<load_issue> en, zh;
};
auto case_issues(const policy& p, const std::string& file, const std::string& text) -> both {
  both out;
  (void)parse_case(file, text, p, out.en, lang::en);
  (void)parse_case(file, text, p, out.zh, lang::zh);
  return out;
}
auto policy_issues(const std::string& file, const std::string& text) -> both {
  both out;
  (void)parse_policy({{file, text}}, out.en, lang::en);
  (void)parse_policy({{file, text}}, out.zh, lang::zh);
  return out;
}

// Checks that the Chinese problems are the English ones, place by place, in Chinese words.
// Returns how many were checked.
auto check_chinese(const both& b, const std::string& input) -> std::size_t {
  CAPTURE(input);
  REQUIRE(b.en.size() == b.zh.size());
  for (std::size_t i = 0; i < b.zh.size(); ++i) {
    const auto& en = b.en[i];
    const auto& zh = b.zh[i];
    CAPTURE(en.message);
    CAPTURE(zh.message);
    CHECK(zh.where.file == en.where.file);
    CHECK(zh.where.line == en.where.line);
    CHECK(zh.where.column == en.where.column);
    CHECK(english_in(zh.message) == "");
    CHECK_FALSE(words::ascii_punct_between_cjk(zh.message));
  }
  return b.zh.size();
}

}  // namespace

TEST_CASE("the check for English in a Chinese message passes quoted ids, file names and format names") {
  CHECK(english_in("班次`S1`的`end`必须是形如`2026-03-02T08:00`的时间") == "");
  CHECK(english_in("规则编号`R1`重复（首次定义于policies/customer-service.yaml:12）") == "");
  CHECK(english_in("不是有效的UTF-8（字节0xA0）：文件必须是UTF-8文本") == "");
  CHECK(english_in("JSON格式错误：键`x`后面应为`:`") == "");
  CHECK(english_in("unknown key `x` in shift") == "unknown");
  CHECK(english_in("班次`S1` ends before it starts") == "ends");
}

TEST_CASE("every problem of the hostile case files is written in Chinese under lang::zh, at its English place") {
  const auto p = load_policy({source("policies/customer-service.yaml")});
  std::size_t checked = 0;
  for (const auto* dir : {"tests/fuzz/corpus/case_yaml", "tests/fuzz/corpus/case_json"}) {
    const bool json = std::string(dir).ends_with("json");
    for (const auto& e : fs::directory_iterator(source(dir))) {
      checked += check_chinese(case_issues(p, json ? "case.json" : "case.yaml", bytes_of(e.path())), e.path());
    }
  }
  for (const auto& e : fs::directory_iterator(source("tests/cli/cases"))) {
    const auto name = e.path().filename().string();
    if (!e.is_regular_file() || name.find("policy") != std::string::npos) continue;
    // The case's own name, so that lists in CSV files beside it are found.
    checked += check_chinese(case_issues(p, e.path().string(), bytes_of(e.path())), e.path());
  }
  CHECK(checked > 200);  // the corpora hold hundreds of problems: the loop saw them
}

TEST_CASE("every problem of the hostile policies is written in Chinese under lang::zh, at its English place") {
  std::size_t checked = 0;
  for (const auto& e : fs::directory_iterator(source("tests/fuzz/corpus/policy"))) {
    checked += check_chinese(policy_issues("policy.yaml", bytes_of(e.path())), e.path());
  }
  for (const auto* name : {"tests/cli/cases/bad-policy.yaml", "tests/cli/cases/suspicious-policy.yaml"}) {
    checked += check_chinese(policy_issues(source(name), bytes_of(source(name))), name);
  }
  CHECK(checked > 50);
}

TEST_CASE("a problem in a CSV list is written in Chinese under lang::zh, at its English place") {
  const auto p = load_policy({source("policies/customer-service.yaml")});
  test::scratch_dir dir("rulebook-zh-csv");
  std::size_t checked = 0;
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(source("tests/fuzz/corpus/case_csv"))) {
    const auto bytes = bytes_of(e.path());
    if (bytes.empty()) continue;
    // As the CSV fuzz target does: the first byte chooses the list and the encoding.
    const auto csv = dir.write("list" + std::to_string(n++) + ".csv", bytes.substr(1));
    const unsigned choice = static_cast<unsigned char>(bytes[0]);
    const std::string spec = "{file: " + csv + ", encoding: " + ((choice / 3) % 2 == 0 ? "utf-8" : "gb18030") + "}\n";
    const std::string people = "people:\n  - {id: E001, role: agent, grade: junior, leader: L01}\n"
                               "  - {id: L01, role: shift_leader}\n";
    const auto text = choice % 3 == 0 ? "people: " + spec : people + "shifts: " + spec;
    checked += check_chinese(case_issues(p, dir.write("case.yaml", text), text), e.path());
  }
  CHECK(checked > 20);
}
