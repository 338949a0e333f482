// JSON case files, streamed (src/json_source.cpp): the same case as the same text read as YAML,
// and every broken file one error at its place (line, and column in bytes from 1), in bounded time.
#include "source_io.hpp"
#include "support.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <optional>
#include <thread>

#include <unistd.h>

using namespace rulebook;
using strings = std::vector<std::string>;

namespace {

auto strings_of(const std::vector<load_issue>& issues) -> strings {
  strings out;
  for (const auto& i : issues) out.push_back(to_string(i));
  return out;
}

// The issues of loading `text` as the case file `file`, or nothing when that takes longer than
// `seconds`. The load runs on a thread of its own, left behind if it never returns: a hang fails
// the test instead of hanging the suite.
auto issues_within(int seconds, std::string text, std::string file = "case.json")
    -> std::optional<std::vector<load_issue>> {
  const auto& p = test::shipped_policy();  // loaded here, not on the thread
  auto done = std::make_shared<std::promise<std::vector<load_issue>>>();
  auto result = done->get_future();
  std::thread([done, text = std::move(text), file = std::move(file), &p] {
    std::vector<load_issue> issues;
    (void)parse_case(file, text, p, issues);
    done->set_value(std::move(issues));
  }).detach();
  if (result.wait_for(std::chrono::seconds(seconds)) != std::future_status::ready) {
    FAIL_CHECK("loading the case did not finish within " << seconds << " s");
    return std::nullopt;
  }
  return result.get();
}

// The issues of loading `text` as `case.json`, each as `file:line:column: message`.
auto json_errors(const std::string& text) -> strings {
  auto issues = issues_within(10, text);
  REQUIRE(issues);
  return strings_of(*issues);
}

// The one issue of loading `text` as `case.json`; the test stops when there is not exactly one.
auto one_error(const std::string& text) -> load_issue {
  auto issues = issues_within(10, text);
  REQUIRE(issues);
  INFO("issues: " << doctest::toString(strings_of(*issues)));
  REQUIRE(issues->size() == 1);
  CHECK(issues->front().where.file == "case.json");
  return issues->front();
}

// `line:column` of an issue.
auto at(const load_issue& i) -> std::string {
  return std::to_string(i.where.line) + ":" + std::to_string(i.where.column);
}

// Whether an issue's message says `part`.
auto says(const load_issue& i, std::string_view part) -> bool { return i.message.find(part) != std::string::npos; }

// `text` read as the case file `file`; every issue fails the test.
auto case_as(const std::string& file, const std::string& text) -> case_file {
  std::vector<load_issue> issues;
  auto c = parse_case(file, text, test::shipped_policy(), issues);
  for (const auto& i : issues) FAIL_CHECK(to_string(i));
  return c;
}

// The verdict on `text` read as the case file `file`, as JSON, with the file's name written `FILE`.
auto verdict_of(const std::string& file, const std::string& text) -> std::string {
  const auto c = case_as(file, text);
  std::ostringstream out;
  write_json(out, judge(test::shipped_policy(), c), c);
  auto json = out.str();
  for (auto i = json.find(file); i != std::string::npos; i = json.find(file, i)) json.replace(i, file.size(), "FILE");
  return json;
}

// A case with every section, written as JSON; YAML reads the same text (JSON is YAML).
const std::string every_section = R"({
  "period": {"from": "2026-03-01", "to": "2026-03-31"},
  "calendar": {"holidays": [{"date": "2026-03-20", "name": "Company Day"}], "workdays": ["2026-03-21"]},
  "people": [
    {"id": "E001", "name": "张三", "role": "agent", "grade": "junior", "leader": "L01", "seat": "A12"},
    {"id": "E002", "name": "李四", "role": "agent", "grade": "junior", "leader": "L01", "seat": "A13"},
    {"id": "E003", "role": "agent", "grade": "intermediate", "leader": "L01", "grade_since": "2025-01-01"},
    {"id": "L01", "role": "shift_leader", "reports_to": "D01"},
    {"id": "Q01", "role": "quality", "grade": "junior", "leader": "L01"},
    {"id": "D01", "role": "department_director", "reports_to": "C01"},
    {"id": "C01", "role": "center_director"}
  ],
  "shifts": [
    {"id": "S1", "employee": "E001", "start": "2026-03-02T08:00", "end": "2026-03-02T17:00", "kind": "day", "seat": "A12"},
    {"id": "S2", "employee": "E002", "start": "2026-03-02T21:00", "end": "2026-03-03T08:00", "kind": "night"},
    {"id": "S3", "employee": "E001", "start": "2026-03-04T08:00", "end": "2026-03-04T17:00"},
    {"id": "S4", "employee": "E002", "start": "2026-03-05T08:00", "end": "2026-03-05T17:00", "kind": "day"}
  ],
  "punches": [
    {"shift": "S1", "in": "2026-03-02T08:25", "out": "2026-03-02T17:00"},
    {"shift": "S4", "in": "2026-03-05T07:50"}
  ],
  "away": [{"employee": "E001", "from": "2026-03-02T10:00", "to": "2026-03-02T10:30"}],
  "requests": [
    {"id": "R1", "type": "leave", "kind": "personal", "employee": "E001", "submitted_by": "E001",
     "submitted_at": "2026-03-01T09:00", "shifts": ["S3"],
     "approvals": [{"by": "L01", "at": "2026-03-01T10:00"}, {"by": "D01", "at": "2026-03-01T11:00"}]},
    {"id": "R2", "type": "swap", "employee": "E002", "counterpart": "E001", "give": "S4", "reason": "clinic",
     "form_filed": true, "submitted_at": "2026-03-03T10:00", "approvals": [{"by": "L01", "at": "2026-03-03T12:00"}]},
    {"id": "R3", "type": "promotion", "employee": "E001", "to_grade": "intermediate", "submitted_at": "2026-03-05T09:00"},
    {"id": "R4", "type": "leave", "kind": "sick", "employee": "E002", "submitted_by": "E002",
     "submitted_at": "2026-03-02T06:00", "from": "2026-03-02T21:00", "to": "2026-03-03T08:00",
     "certificates": [{"from": "2026-03-02", "to": "2026-03-03", "handed_in": "2026-03-04T09:00"}]}
  ],
  "assessments": [{"employee": "E001", "month": "2026-02", "typing_cpm": 52, "exam_passed": true}],
  "tickets": [{"id": "T1", "receiver": "E001", "received_at": "2026-03-02T09:00", "dispatched_at": "2026-03-02T09:40"}],
  "callbacks": [
    {"case": "C1", "agent": "E003", "resolved_at": "2026-03-02T12:00",
     "attempts": [{"at": "2026-03-03T10:00", "reached": false}], "closed": null}
  ],
  "monitoring": [{"agent": "E001", "inspector": "Q01", "at": "2026-03-10T14:00"}]
}
)";

const std::string two_people =
    R"("people": [{"id": "E001", "role": "agent", "leader": "L01"}, {"id": "L01", "role": "shift_leader"}])";
const std::string one_shift =
    R"("shifts": [{"id": "S1", "employee": "E001", "start": "2026-03-02T08:00", "end": "2026-03-02T17:00"}])";

}  // namespace

TEST_SUITE("load_json") {
  TEST_CASE("a JSON case gives the same verdict as the same text read as YAML") {
    const auto json = verdict_of("x.json", every_section);
    CHECK(json == verdict_of("x.yaml", every_section));
    // The case is judged, not empty: requests decided and conduct found.
    CHECK(json.find(R"("id": "R4")") != std::string::npos);
    CHECK(json.find(R"("rule": )") != std::string::npos);
    const auto c = case_as("x.json", every_section);
    CHECK(c.people.size() == 7);
    CHECK(c.shifts.size() == 4);
    CHECK(c.requests.size() == 4);
    CHECK(c.sections == case_as("x.yaml", every_section).sections);
  }

  TEST_CASE("a JSON case file on disk loads as its text does in memory") {
    const auto dir = std::filesystem::temp_directory_path() / ("rulebook-load-json-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = (dir / "case.json").string();
    std::ofstream(path, std::ios::binary) << every_section;
    const auto& p = test::shipped_policy();
    std::vector<load_issue> issues;
    const auto from_disk = load_case(path, p, issues);
    CHECK(strings_of(issues).empty());
    std::ostringstream a, b;
    write_json(a, judge(p, from_disk), from_disk);
    const auto in_memory = case_as(path, every_section);
    write_json(b, judge(p, in_memory), in_memory);
    CHECK(a.str() == b.str());
    SUBCASE("an empty file on disk is an empty case") {
      std::ofstream(path, std::ios::binary | std::ios::trunc).flush();
      issues.clear();
      CHECK(load_case(path, p, issues).people.empty());
      CHECK(strings_of(issues).empty());
    }
    SUBCASE("an error in a file on disk has its place") {
      std::ofstream(path, std::ios::binary | std::ios::trunc)
          << "{\n  \"people\": [{\"id\": \"E001\", \"role\": tru}]\n}\n";
      issues.clear();
      (void)load_case(path, p, issues);
      CHECK(strings_of(issues) ==
            strings{path + ":2:37: broken JSON: a word JSON does not know (not `true`, `false` or `null`)"});
    }
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("sections in any order load the same") {
    // Lists are read people first whatever their place in the file: here people come last.
    const std::string in_order = "{" + two_people + ",\n" + one_shift +
                                 R"(,
"requests": [{"id": "R1", "type": "leave", "kind": "personal", "employee": "E001", "submitted_by": "E001",
              "submitted_at": "2026-03-01T09:00", "shifts": ["S1"]}],
"period": {"from": "2026-03-01", "to": "2026-03-31"}})";
    const std::string reversed = R"({"period": {"from": "2026-03-01", "to": "2026-03-31"},
"requests": [{"id": "R1", "type": "leave", "kind": "personal", "employee": "E001", "submitted_by": "E001",
              "submitted_at": "2026-03-01T09:00", "shifts": ["S1"]}],
)" + one_shift + ",\n" + two_people +
                                 "}";
    const auto a = case_as("case.json", in_order);
    const auto b = case_as("case.json", reversed);
    REQUIRE(b.people.size() == 2);
    REQUIRE(b.shifts.size() == 1);
    REQUIRE(b.requests.size() == 1);
    CHECK(b.people[b.shifts.front().employee].id == "E001");
    CHECK(b.people.front().leader == b.find_person("L01"));
    CHECK(verdict_of("case.json", in_order) == verdict_of("case.json", reversed));
    CHECK(verdict_of("case.json", reversed) == verdict_of("case.yaml", reversed));
    SUBCASE("the whole example case, people last") {
      // every_section with its people moved to the end.
      auto moved = every_section;
      const auto from = moved.find("  \"people\": [");
      const auto to = moved.find("  \"shifts\": [");
      auto people = moved.substr(from, to - from);
      moved.erase(from, to - from);
      people.erase(people.find_last_of(','));  // `],\n` becomes `]\n`
      const auto end = moved.rfind('}');
      const auto last = moved.find_last_not_of(" \n", end - 1);
      moved.insert(last + 1, ",\n" + people);
      CHECK(verdict_of("x.json", moved) == verdict_of("x.json", every_section));
    }
  }

  TEST_CASE("an empty file, blank space or {} is an empty case") {
    for (const std::string text : {"", " \n\t\r\n", "{}", " { \n } \n"}) {
      CAPTURE(text);
      CHECK(json_errors(text).empty());
      CHECK(case_as("case.json", text).people.empty());
    }
  }

  TEST_CASE("a UTF-8 byte-order mark is accepted") {
    const std::string bom = "\xEF\xBB\xBF";
    CHECK(case_as("case.json", bom + "{" + two_people + "}").people.size() == 2);
    CHECK(json_errors(bom).empty());
    CHECK(json_errors(bom + "\n{}").empty());
    // Columns count bytes, not the mark's (as for YAML and CSV); the next line is not affected.
    const auto e = one_error(bom + "{\n\"people\": [{\"id\": \"E001\", \"role\": \"agnt\"}]}");
    CHECK(at(e) == "2:12");
    CHECK_MESSAGE(says(e, "unknown role `agnt` of `E001`"), e.message);
    const auto f = one_error(bom + "{\"poeple\": []}");
    CHECK(at(f) == "1:2");
    CHECK_MESSAGE(says(f, "unknown key `poeple` in the case file"), f.message);
  }

  TEST_CASE("a root list or scalar is an error: the case file must be a mapping") {
    for (const auto& [text, what] : std::vector<std::pair<std::string, std::string>>{
             {"[]", "a list"},
             {" [{\"people\": []}]", "a list"},
             {"5", "`5`"},
             {"\"people\"", "`people`"},
             {"true", "`true`"},
             {"null", "nothing"},
         }) {
      CAPTURE(text);
      const auto e = one_error(text);
      CHECK(at(e) == (text[0] == ' ' ? "1:2" : "1:1"));
      CHECK_MESSAGE(says(e, "the case file must be a mapping of keys to values, not " + what), e.message);
    }
  }

  TEST_CASE("content after the document is an error at its place") {
    const auto comma = one_error(R"({"people": []},)");
    CHECK(at(comma) == "1:15");
    CHECK_MESSAGE(says(comma, "`,` after the end of the document"), comma.message);
    const auto second = one_error("{\"people\": []}\n{}\n");
    CHECK(at(second) == "2:1");
    CHECK_MESSAGE(says(second, "`{` after the end of the document"), second.message);
    const auto bracket = one_error("{}\n\n   ]");
    CHECK(at(bracket) == "3:4");
    CHECK_MESSAGE(says(bracket, "`]` after the end of the document"), bracket.message);
  }

  TEST_CASE("a file holding only a comma is an error, not a hang") {
    const auto e = one_error(",");
    CHECK(at(e) == "1:1");
    CHECK_MESSAGE(says(e, "broken JSON"), e.message);
    CHECK(at(one_error("\n\n  ,\n")) == "3:3");
  }

  TEST_CASE("a truncated file is one error where it ends") {
    SUBCASE("in the middle of a list item") {
      const auto e = one_error("{\"people\": [\n  {\"id\": \"E001\", \"role\": \"agent\"},\n  {\"id\": \"E002\", ");
      CHECK(at(e) == "3:18");
      CHECK_MESSAGE(says(e, "broken JSON: the file ends inside an item of a list"), e.message);
    }
    SUBCASE("in the middle of a string") {
      const auto e = one_error("{\"people\": [{\"id\": \"E0");
      CHECK(at(e) == "1:23");
      CHECK_MESSAGE(says(e, "the file ends inside an item of a list"), e.message);
      const auto v = one_error("{\"people\": [], \"period\": {\"from\": \"2026-");
      CHECK(at(v) == "1:41");
      CHECK_MESSAGE(says(v, "the file ends inside a value"), v.message);
    }
    SUBCASE("in the middle of a key: at the key's quote") {
      const auto e = one_error("{\"people\": [],\n \"shif");
      CHECK(at(e) == "2:2");
      CHECK_MESSAGE(says(e, "a key's quotes never close"), e.message);
    }
    SUBCASE("after a key") {
      const auto e = one_error("{\"people\"");
      CHECK(at(e) == "1:10");
      CHECK_MESSAGE(says(e, "expected `:` after the key `people`"), e.message);
      const auto c = one_error("{\"people\": ");
      CHECK(at(c) == "1:12");
      CHECK_MESSAGE(says(c, "the file ends inside a value"), c.message);
    }
    SUBCASE("after an item, a list or a value") {
      const auto item = one_error("{\"people\": [{\"id\": \"E001\", \"role\": \"agent\"}");
      CHECK(at(item) == "1:44");
      CHECK_MESSAGE(says(item, "the file ends inside a list"), item.message);
      const auto list = one_error("{\"people\": []");
      CHECK(at(list) == "1:14");
      CHECK_MESSAGE(says(list, "the file ends inside the top-level mapping"), list.message);
      const auto open = one_error("{\"people\": [");
      CHECK(at(open) == "1:13");
      CHECK_MESSAGE(says(open, "the file ends inside an item of a list"), open.message);
    }
  }

  TEST_CASE("a missing comma is an error at what follows") {
    SUBCASE("between the items of a list") {
      const auto e = one_error("{\"people\": [\n  {\"id\": \"E001\", \"role\": \"agent\"}\n  {\"id\": \"E002\"}]}");
      CHECK(at(e) == "3:3");
      CHECK_MESSAGE(says(e, "expected `,` or `]` after an item of a list"), e.message);
    }
    SUBCASE("between the sections") {
      const auto e = one_error("{\"people\": []\n \"shifts\": []}");
      CHECK(at(e) == "2:2");
      CHECK_MESSAGE(says(e, "expected `,` or `}` after a value"), e.message);
    }
    SUBCASE("between the keys of an item") {
      const auto e = one_error("{\"people\": [\n  {\"id\": \"E001\" \"role\": \"agent\"}]}");
      CHECK(at(e) == "2:17");
      CHECK_MESSAGE(says(e, "broken JSON"), e.message);
    }
  }

  TEST_CASE("a duplicate key is an error at the second one") {
    const auto top = one_error("{\"people\": [],\n  \"shifts\": [],\n  \"people\": []}");
    CHECK(at(top) == "3:3");
    CHECK_MESSAGE(says(top, "duplicate key `people`"), top.message);
    const auto item = one_error(R"({"people": [{"id": "E001", "role": "agent", "id": "E002"}]})");
    CHECK(at(item) == "1:45");
    CHECK_MESSAGE(says(item, "duplicate key `id`"), item.message);
    // Keys compare as the text they spell.
    const auto escaped = one_error(R"({"people": [], "peo\u0070le": []})");
    CHECK(at(escaped) == "1:16");
    CHECK_MESSAGE(says(escaped, "duplicate key `people`"), escaped.message);
    const auto nested = one_error(R"({"people": [{"id": "E001", "role": "agent", "x": {"a": 1, "a": 2}}]})");
    CHECK(at(nested) == "1:59");
    CHECK_MESSAGE(says(nested, "duplicate key `a`"), nested.message);
  }

  TEST_CASE("nesting deeper than 64 levels is one error where it goes too deep, as in YAML") {
    // The root mapping is level 1; `calendar`'s mapping level 2; the `{` at column 14 + 6k is
    // level k + 2, so the 65th level is at column 14 + 6·63.
    std::string top = "{\"calendar\": ";
    for (int i = 0; i < 200; ++i) top += "{\"a\": ";
    top += "1" + std::string(201, '}');
    const auto t = one_error(top);
    CHECK(at(t) == "1:392");
    CHECK_MESSAGE(says(t, "nested too deep: lists and mappings nest at most 64 levels deep"), t.message);
    const auto yaml = issues_within(10, top, "case.yaml");
    REQUIRE(yaml);
    CHECK(json_errors(top) == strings{"case.json" + to_string(yaml->at(0)).substr(9)});
    SUBCASE("inside an item of a list") {
      // The list `[` is level 2, its item's `{` level 3, and the `[` at column 50 + k level k + 4.
      const std::string item = "{\"people\": [{\"id\": \"E001\", \"role\": \"agent\", \"x\": " + std::string(200, '[') +
                               std::string(200, ']') + "}]}";
      const auto e = one_error(item);
      CHECK(at(e) == "1:111");
      CHECK_MESSAGE(says(e, "nested too deep"), e.message);
      const auto in_yaml = issues_within(10, item, "case.yaml");
      REQUIRE(in_yaml);
      REQUIRE(in_yaml->size() == 1);
      CHECK(at(in_yaml->front()) == "1:111");
      // An item as a bare list, right in the top-level list.
      const std::string bare = "{\"people\": " + std::string(500, '[') + std::string(500, ']') + "}";
      CHECK(at(one_error(bare)) == "1:75");
    }
    SUBCASE("64 levels are read") {
      const auto item = [](std::size_t lists) {
        return "{\"people\": [{\"id\": \"E001\", \"role\": \"agent\", \"x\": " + std::string(lists, '[') +
               std::string(lists, ']') + "}]}";
      };
      const auto e = one_error(item(61));
      CHECK(at(e) == "1:45");
      CHECK_MESSAGE(says(e, "unknown key `x` in person `E001`"), e.message);
      CHECK(at(one_error(item(62))) == "1:111");
    }
    SUBCASE("a file that only opens, 100,000 deep") {
      std::string deep;
      for (int i = 0; i < 100'000; ++i) deep += "{\"a\": ";
      CHECK(at(one_error(deep)) == "1:385");
      CHECK(at(one_error("{\"people\": [" + std::string(100'000, '['))) == "1:75");
    }
  }

  TEST_CASE("invalid UTF-8 is an error at the bad byte") {
    SUBCASE("in a string of an item, after text of several bytes a character") {
      const auto e = one_error("{\"people\": [\n  {\"id\": \"E001\", \"name\": \"张三李四\", \"seat\": \"A\xFF\"}]}");
      CHECK(at(e) == "2:52");  // columns in bytes: each of 张三李四 is 3
      CHECK_MESSAGE(says(e, "not valid UTF-8 (byte 0xFF): a file must be UTF-8 text"), e.message);
      // The same place YAML gives.
      const auto yaml = issues_within(
          10, "{\"people\": [\n  {\"id\": \"E001\", \"name\": \"张三李四\", \"seat\": \"A\xFF\"}]}", "case.yaml");
      REQUIRE(yaml);
      REQUIRE(yaml->size() == 1);
      CHECK(at(yaml->front()) == "2:52");
    }
    SUBCASE("overlong forms, surrogates and cut sequences, at their first byte") {
      for (const std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xE4\xB8", "\xF4\x90\x80\x80", "\x80"}) {
        CAPTURE(bad);
        const auto e = one_error("{\"people\": [{\"id\": \"E001\", \"role\": \"agent\"},\n {\"id\": \"E" + bad +
                                 "01\", \"role\": \"agent\"}]}");
        CHECK(at(e) == "2:11");
        CHECK_MESSAGE(says(e, "not valid UTF-8 (byte 0x"), e.message);
      }
    }
    SUBCASE("in a key of an item") {
      const auto e = one_error("{\"people\": [{\"id\": \"E001\", \"ro\xFFle\": \"agent\"}]}");
      CHECK(at(e) == "1:31");
      CHECK_MESSAGE(says(e, "not valid UTF-8 (byte 0xFF)"), e.message);
    }
    SUBCASE("in a top-level key") {
      const auto e = one_error("{\"people\": [],\n \"shi\xE4\xB8"
                               "fts\": []}");
      CHECK(at(e) == "2:6");
      CHECK_MESSAGE(says(e, "not valid UTF-8 (byte 0xE4)"), e.message);
    }
    SUBCASE("valid UTF-8 of every length is text") {
      CHECK(case_as("case.json", "{\"people\": [{\"id\": \"E001\", \"name\": \"张三 é 😀\", \"role\": \"agent\"}]}")
                .people.front()
                .name == "张三 é 😀");
    }
  }

  TEST_CASE("an unescaped control character in a string is an error at the character") {
    const auto tab = one_error("{\"people\": [\n  {\"id\": \"E\t01\", \"role\": \"agent\"}]}");
    CHECK(at(tab) == "2:12");
    CHECK_MESSAGE(says(tab, "a control character in a string must be escaped"), tab.message);
    const auto nul = one_error(std::string("{\"people\": [{\"id\": \"E0\0\", \"role\": \"agent\"}]}", 44));
    CHECK(at(nul) == "1:23");
    CHECK_MESSAGE(says(nul, "a control character in a string must be escaped"), nul.message);
    const auto key = one_error("{\"peo\nple\": []}");
    CHECK(at(key) == "1:6");
    CHECK_MESSAGE(says(key, "a control character in a string must be escaped"), key.message);
    const auto value = one_error("{\"period\": {\"from\": \"2026\x01-03-01\"}}");
    CHECK(at(value) == "1:26");
    // Escaped, it is text.
    CHECK(
        case_as("case.json", R"({"people": [{"id": "E001", "name": "a\tb", "role": "agent"}]})").people.front().name ==
        "a\tb");
  }

  TEST_CASE("a bad escape in a string is an error at its backslash") {
    for (const std::string bad : {R"(\q)", R"(\u12G4)", R"(\ud800)", R"(\udc00)", R"(\ud800\u0041)", R"(\u12)"}) {
      CAPTURE(bad);
      const auto e = one_error("{\"people\": [\n  {\"id\": \"E001\", \"name\": \"ab" + bad +
                               "\", \"role\": \"agent\"}]}");
      CHECK(at(e) == "2:29");
      CHECK_MESSAGE(says(e, "broken JSON: a bad escape in a string"), e.message);
    }
    CHECK(case_as("case.json", R"({"people": [{"id": "E001", "name": "\ud83d\ude00\u00e9\/\"", "role": "agent"}]})")
              .people.front()
              .name == "😀é/\"");
  }

  TEST_CASE("a number JSON does not allow is an error at it; one it allows is its text") {
    const auto in = [](const std::string& n) {
      return "{\"people\": [{\"id\": \"E001\", \"role\": \"agent\"}],\n\"assessments\": [{\"employee\": \"E001\", "
             "\"month\": \"2026-02\", \"typing_cpm\": " +
             n + ", \"exam_passed\": true}]}";
    };
    for (const std::string bad : {"01", "1.", "-", "-01", "1e", ".5", "+1"}) {
      CAPTURE(bad);
      const auto e = one_error(in(bad));
      CHECK(at(e) == "2:72");
      CHECK_MESSAGE(says(e, bad[0] == '+' || bad[0] == '.' ? "broken JSON" : "broken JSON: not a number JSON allows"),
                    e.message);
    }
    // Too big for a machine number, but JSON: the loader says what it wants instead.
    for (const std::string big : {"1e999", "123456789012345678901234567890"}) {
      CAPTURE(big);
      const auto e = one_error(in(big));
      CHECK(at(e) == "2:72");
      CHECK(e.message == "`typing_cpm` must be a whole number, not `" + big + "`");
    }
    CHECK(case_as("case.json", in("52")).assessments.front().typing_cpm == 52);
  }

  TEST_CASE("a word JSON does not know is an error at it") {
    for (const std::string word : {"tru", "nul", "falsey", "yes", "None"}) {
      CAPTURE(word);
      const auto e = one_error("{\"people\": [\n  {\"id\": \"E001\", \"role\": \"agent\", \"seat\": " + word + "}]}");
      CHECK(at(e) == "2:43");
      CHECK_MESSAGE(says(e, "broken JSON: a word JSON does not know (not `true`, `false` or `null`)"), e.message);
    }
    CHECK(at(one_error("{\"period\": tru}")) == "1:12");
    CHECK(at(one_error("{\"people\": [tru]}")) == "1:13");
    CHECK(at(one_error("tru")) == "1:1");
  }

  TEST_CASE("null is a value that is wrong where one is needed, not an absent key") {
    const auto e = one_error("{" + two_people + ",\n" + one_shift +
                             ",\n\"punches\": [{\"shift\": \"S1\", \"in\": null, \"out\": \"2026-03-02T17:00\"}]}");
    CHECK(at(e) == "3:35");
    CHECK(e.message == "`in` of a punch is null: give a time like `2026-03-02T08:00` or leave the key out");
    const auto section = one_error("{" + two_people + ",\n\"punches\": null}");
    CHECK(at(section) == "2:12");
    CHECK(section.message == "`punches` of the case file is null: give a list or leave the key out");
    const auto leader = one_error(R"({"people": [{"id": "E001", "role": "agent", "leader": null}]})");
    CHECK(at(leader) == "1:55");
    CHECK_MESSAGE(says(leader, "`leader` of person `E001` is null"), leader.message);
    // Where null means something, it is taken.
    CHECK(
        json_errors("{" + two_people +
                    ", \"callbacks\": [{\"case\": \"C1\", \"agent\": \"E001\", \"resolved_at\": \"2026-03-02T12:00\", "
                    "\"closed\": null}]}")
            .empty());
  }

  TEST_CASE("a key with an escape reads as the key it spells") {
    const auto c = case_as("case.json", R"({"peo\u0070le": [{"\u0069d": "E001", "r\u006fle": "agent"}],
"\u0073hifts": [{"id": "S1", "employee": "E001", "start": "2026-03-02T08:00", "en\u0064": "2026-03-02T17:00"}]})");
    REQUIRE(c.people.size() == 1);
    CHECK(c.people.front().id == "E001");
    CHECK(c.people.front().role == "agent");
    CHECK(c.shifts.size() == 1);
    CHECK(c.sections == strings{"people", "shifts"});
    // An unknown one is named as it reads, at its quote.
    const auto e = one_error(R"({"people": [{"id": "E001", "role": "agent", "le\u0061dr": "E001"}]})");
    CHECK(at(e) == "1:45");
    CHECK(e.message == "unknown key `leadr` in person `E001`: did you mean `leader`?");
  }

  TEST_CASE("an item's error is on its line, its column counted in bytes from 1") {
    // The shifts come first in the file and are read after the people: lines are counted from
    // where each list starts, whatever the order of reading.
    const std::string text = R"({
  "shifts": [
    {"id": "S1", "employee": "E001", "start": "2026-03-02T08:00", "end": "2026-03-02T17:00"},
    {"id": "S2", "employee": "E001", "start": "2026-03-03T08:00", "end": "2026-03-03T07:00"}
  ],
  "people": [
    {"id": "E001", "name": "张三", "role": "agent", "leader": "L01"},
    {"id": "L01", "name": "陈班长", "role": "shift_leader", "grade": "boss"}
  ]
})";
    CHECK(json_errors(text) ==
          strings{"case.json:4:74: shift `S2` ends at 2026-03-03T07:00, not after it starts at 2026-03-03T08:00",
                  "case.json:8:5: unknown grade `boss` of `L01`: the policy `customer-service` knows `junior`, "
                  "`intermediate`, `senior`"});
    auto yaml = issues_within(10, text, "case.yaml");
    REQUIRE(yaml);
    CHECK(strings_of(*yaml) == strings{"case.yaml:4:74: shift `S2` ends at 2026-03-03T07:00, not after it starts at "
                                       "2026-03-03T08:00",
                                       "case.yaml:8:5: unknown grade `boss` of `L01`: the policy `customer-service` "
                                       "knows `junior`, `intermediate`, `senior`"});
    SUBCASE("a syntax error after multi-byte text on its line") {
      const auto e = one_error(R"({
  "people": [
    {"id": "E001", "name": "张三", "role": "agent"},
    {"id": "L01", "name": "陈班长", "role": "shift_leader", "grade": tru}
  ]
})");
      CHECK(at(e) == "4:73");  // 陈班长 is 9 bytes
      CHECK_MESSAGE(says(e, "a word JSON does not know"), e.message);
    }
    SUBCASE("windows line ends") {
      const auto e = one_error("{\r\n\"people\": [\r\n{\"id\": \"E001\",\r\n\"role\": 01}]}");
      CHECK(at(e) == "4:9");
    }
  }

  TEST_CASE("a syntax error part-way through a list is the file's only error") {
    // Reading stops at the broken item: L01, after it, is never read, and E001's leader must not be
    // reported missing; nor is the unknown role of E001, read before, said.
    const auto e = one_error(R"({"people": [
  {"id": "E001", "role": "agnt", "leader": "L01"},
  {"id": "E002", "role": "agent" "leader": "L01"},
  {"id": "L01", "role": "shift_leader"}
]})");
    CHECK(at(e) == "3:34");
    CHECK_MESSAGE(says(e, "broken JSON"), e.message);
    // Also when the broken list is read after one with errors of its own.
    const auto later = one_error(R"({"shifts": [
  {"id": "S1", "employee": "E001", "start": "2026-03-02T08:00", "end": "2026-03-02T17:00", "x": 01}
],
"people": [{"id": "E001", "role": "agnt", "leader": "L09"}]})");
    CHECK(at(later) == "2:97");
    CHECK_MESSAGE(says(later, "not a number JSON allows"), later.message);
  }

  TEST_CASE("an item with 20,000 keys is read in linear time, each unknown key reported") {
    std::string text = "{\"people\": [{\"id\": \"E001\",\n \"role\": \"agent\"";
    for (int i = 0; i < 20'000; ++i) text += ",\n \"k" + std::to_string(i) + "\": 1";
    const auto issues = issues_within(20, text + "}]}");
    REQUIRE(issues);
    REQUIRE(issues->size() == 20'000);
    CHECK(to_string(issues->front()) == "case.json:3:2: unknown key `k0` in person `E001`: did you mean `id`?");
    CHECK(to_string(issues->back()) == "case.json:20002:2: unknown key `k19999` in person `E001`");
    // A duplicate among them is found as quickly, at the second.
    const auto dup = issues_within(20, text + ",\n \"k7\": 2}]}");
    REQUIRE(dup);
    CHECK(strings_of(*dup) == strings{"case.json:20003:2: duplicate key `k7`"});
    // And as many top-level keys.
    std::string top = "{\"people\": []";
    for (int i = 0; i < 20'000; ++i) top += ", \"k" + std::to_string(i) + "\": 1";
    const auto many = issues_within(20, top + ", \"k0\": 2}");
    REQUIRE(many);
    REQUIRE(many->size() == 1);
    CHECK_MESSAGE(says(many->front(), "duplicate key `k0`"), many->front().message);
  }

  TEST_CASE("the first pass finds each item's end wherever escapes, quotes and brackets fall in 16 bytes") {
    // The first pass reads 16 bytes at a time, and takes a faster way through blocks without a
    // backslash: every alignment of an escaped quote, an escaped backslash before a closing quote
    // and brackets inside strings must still end each item where it ends.
    for (std::size_t pad = 0; pad < 40; ++pad) {
      CAPTURE(pad);
      const std::string id = "S" + std::string(pad, 'x');
      std::string text = "{\"people\": [{\"id\": \"E1\", \"role\": \"agent\"}],\n\"shifts\": [\n";
      const char* seats[] = {R"(a\"}]{[b)", R"(c\\)", R"(\\\"]}\\)", R"(}}]][[{{)", R"(\u0041\/\n)"};
      const char* read[] = {"a\"}]{[b", "c\\", "\\\"]}\\", "}}]][[{{", "A/\n"};
      for (int k = 0; k < 5; ++k) {
        text += std::string(k == 0 ? "  " : ",\n  ") + "{\"id\": \"" + id + std::to_string(k) +
                "\", \"employee\": \"E1\", \"start\": \"2026-03-0" + std::to_string(k + 2) +
                "T08:00\", \"end\": \"2026-03-0" + std::to_string(k + 2) + "T17:00\", \"seat\": \"" + seats[k] + "\"}";
      }
      text += "\n]}\n";
      const auto c = case_as("case.json", text);
      REQUIRE(c.shifts.size() == 5);
      for (std::uint32_t k = 0; k < 5; ++k) {
        CHECK(c.shifts[shift_index(k)].seat == read[k]);
        CHECK(c.shifts[shift_index(k)].where.line == static_cast<int>(3 + k));
      }
      // A string left open, at any alignment, is the one error where the file ends.
      const std::string open = "{\"people\": [{\"id\": \"E1" + std::string(pad, 'x') + "\\\"}]}";
      const auto e = one_error(open);
      CHECK(at(e) == "1:" + std::to_string(open.size() + 1));
      CHECK_MESSAGE(says(e, "the file ends inside an item of a list"), e.message);
    }
  }

  TEST_CASE("a key after a long list is located by its line and column") {
    // The lines of a list of many kilobytes are counted in bulk on the way to the key after it.
    std::string text = "{\"people\": [\n";
    for (int i = 0; i < 300; ++i) {
      text += std::string(i == 0 ? "" : ",\n") + "  {\"id\": \"E" + std::to_string(i) + "\", \"role\": \"agent\"}";
    }
    text += "\n], \r\n\n     \"shiftz\": []}\n";
    const auto key = text.find("\"shiftz\"");
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(key), '\n');
    const auto column = key - text.rfind('\n', key);
    const auto e = one_error(text);
    CHECK(at(e) == std::to_string(line) + ":" + std::to_string(column));
    CHECK_MESSAGE(says(e, "unknown key `shiftz`"), e.message);
  }

  TEST_CASE("a flat item is read without simdjson into the node simdjson gives, at the same places") {
    // Items of one level of plain values skip simdjson; everything else goes through it. Each
    // text below, from the fuzzing seeds, the CLI's cases and items written to be awkward, loads
    // to the same case with the same problems either way.
    std::vector<std::string> texts;
    for (const auto* dir : {"tests/fuzz/corpus/case_json", "tests/cli/cases"}) {
      for (const auto& f : std::filesystem::directory_iterator(std::string(RULEBOOK_SOURCE_DIR) + "/" + dir)) {
        if (f.path().extension() != ".json") continue;
        std::ifstream in(f.path());
        texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      }
    }
    REQUIRE(texts.size() >= 5);
    const std::string people = "{\"people\": [{\"id\": \"E1\", \"role\": \"agent\", \"leader\": \"L1\"}, "
                               "{\"id\": \"L1\", \"role\": \"shift_leader\"}],\n\"shifts\": [\n";
    const std::string start = "\"start\": \"2026-03-02T08:00\", \"end\": \"2026-03-02T17:00\"";
    for (const std::string& item : std::vector<std::string>{
             "{\"id\": \"S1\", \"employee\": \"E1\", " + start + "}",
             "{ \"id\" : \"S1\" ,\r\n \"employee\":\"E1\",\t" + start + " , \"seat\": \"A-7\" }",
             "{\"id\": \"S1\", \"employee\": \"E1\", " + start + ", \"id\": \"S2\"}",        // a key twice
             "{\"id\": \"S1\", \"employee\": \"E1\", " + start + ", \"seat\": null}",        // null
             "{\"id\": \"S1\", \"employee\": \"E1\", " + start + ", \"seat\": true}",        // a boolean
             "{\"id\": \"S1\", \"employee\": \"E1\", " + start + ", \"seat\": -1.5e3}",      // a number
             "{\"id\": \"S1\", \"employee\": \"E1\", " + start + ", \"seat\": 01}",          // not JSON's
             "{\"id\": \"S1\", \"employee\": \"E1\", " + start + ", \"seat\": 1e999}",       // too big
             "{\"id\": \"S1\", \"employee\": \"E1\", " + start + ", \"seat\": truth}",       // no word
             "{\"id\": \"S1\", \"employee\": \"E1\", " + start + ", \"seat\": \"座位\"}",    // not ASCII
             "{\"id\": \"S\\u0031\", \"employee\": \"E1\", " + start + "}",                  // an escape
             "{\"id\": \"S1\", \"employee\": \"E1\", " + start + ", \"seat\": {\"a\": 1}}",  // nesting
             "{\"id\": \"S1\", \"employee\": \"E1\", " + start + ",}",                       // a comma
             "{\"id\": \"S1\" \"employee\": \"E1\", " + start + "}",                         // none
             "{\"id\": \"S1\", \"employee\": \"E9\", " + start + ", \"sea\": \"x\"}",        // unknown
             std::string("{}"),
         }) {
      texts.push_back(people + "  " + item + ",\n  " + item + "\n]}\n");
    }
    const auto dump = [](const std::string& text) {
      std::vector<load_issue> issues;
      const auto c = parse_case("case.json", text, test::shipped_policy(), issues);
      std::ostringstream out;
      for (const auto& i : issues) out << to_string(i) << '\n';
      const auto at = [&](const source_ref& r) { out << ' ' << r.line << ':' << r.column << '\n'; };
      for (const auto& q : c.people) out << q.id << q.role << q.grade, at(q.where);
      const auto t = [](const time_point& p) { return format_time_point(p); };
      for (const auto& s : c.shifts) {
        out << s.id << s.employee.value << t(s.start) << t(s.end) << s.kind << s.seat, at(s.where);
      }
      for (const auto& q : c.punches) out << q.shift.value << (q.in ? t(*q.in) : "-"), at(q.where);
      for (const auto& r : c.requests) out << r.id << t(r.submitted_at), at(r.where);
      for (const auto& k : c.tickets) out << k.id << t(k.received_at), at(k.where);
      if (issues.empty()) write_json(out, judge(test::shipped_policy(), c, {.threads = 1}), c);
      return out.str();
    };
    for (const auto& text : texts) {
      CAPTURE(text.substr(0, 400));
      const auto flat = dump(text);
      const auto through_simdjson = [&] {
        const test::set_for_test<bool> off(detail::json_flat_items, false);
        return dump(text);
      }();
      CHECK(flat == through_simdjson);
    }
  }
}
